# C types for the hit loop of linker.py when Cython compiles it (setup.py); the .py stays
# the source of truth and runs as it is without a compiler.
import cython

@cython.locals(hit=tuple, info=tuple, plan=tuple, hard=Py_ssize_t)
cpdef _walk(linker, list hits, list plans, lang, str view, str text, titled, list links,
            list kept, dict decided, list pending)
