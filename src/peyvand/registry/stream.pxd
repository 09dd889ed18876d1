import cython

@cython.locals(view=str, original=str, scan=str, size=Py_ssize_t, last=Py_ssize_t,
               hits=list, seeds=list, marks=list, stop_before=Py_ssize_t, k=Py_ssize_t,
               base=Py_ssize_t, shift=Py_ssize_t, following=Py_ssize_t, seed_start=Py_ssize_t,
               end=Py_ssize_t, start=Py_ssize_t, stop=Py_ssize_t, o_start=Py_ssize_t,
               o_end=Py_ssize_t, slot=Py_ssize_t, code=Py_ssize_t, info=tuple, first=Py_ssize_t, j=Py_ssize_t,
               at=Py_ssize_t, length=Py_ssize_t)
cpdef stream(found, norm, str scan, bint fuzzy)

@cython.locals(start=Py_ssize_t, stop=Py_ssize_t, after=Py_ssize_t, count=Py_ssize_t,
               ends=list, words=list)
cpdef list seed_words(list seeds, list hits, str scan, Py_ssize_t size, Py_ssize_t shortest)
