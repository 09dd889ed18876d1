# C entry points for places.py when Cython compiles it (setup.py): the list checks run per
# capital found. The .py stays the source of truth and runs as it is without a compiler.
import cython

@cython.locals(word=Py_ssize_t)
cpdef Py_ssize_t word_after(str text, Py_ssize_t end, frozenset joins)
cpdef Py_ssize_t word_before(str text, Py_ssize_t start, frozenset joins)
