# C entry points for the helpers of usage.py when Cython compiles it (setup.py): the cue
# checks call them per capital or demonym found, and a C call costs a fraction of a Python
# call. The .py stays the source of truth and runs as it is without a compiler.
import cython

cpdef bint _before(str view, Py_ssize_t start, Py_ssize_t end, str word, rules, bint joined)
cpdef bint _after(str view, Py_ssize_t end, str word, rules)
cpdef str _clitic(str view, Py_ssize_t start)
cpdef bint _comma_before(str view, Py_ssize_t start)
@cython.locals(i=Py_ssize_t, space=Py_ssize_t)
cpdef _previous_item(str view, Py_ssize_t start, frozenset joins)
@cython.locals(i=Py_ssize_t, size=Py_ssize_t, space=Py_ssize_t, stop=Py_ssize_t)
cpdef _next_item(str view, Py_ssize_t end, frozenset joins)
cpdef bint _alone(str view, Py_ssize_t end, frozenset closing)
@cython.locals(floor=Py_ssize_t, end=Py_ssize_t, space=Py_ssize_t)
cpdef str word_before(str view, Py_ssize_t start)
@cython.locals(ceiling=Py_ssize_t, start=Py_ssize_t, space=Py_ssize_t)
cpdef str word_after(str view, Py_ssize_t end)
@cython.locals(i=Py_ssize_t, space=Py_ssize_t)
cpdef Py_ssize_t _item_before(str view, Py_ssize_t start)
