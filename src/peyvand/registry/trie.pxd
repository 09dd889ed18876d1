# C types for trie.py when Cython compiles it (setup.py); the .py stays the source of truth.
import cython

@cython.locals(size=Py_ssize_t, count=Py_ssize_t, index=Py_ssize_t, common=Py_ssize_t,
               limit=Py_ssize_t, longest=Py_ssize_t, node=Py_ssize_t, depth=Py_ssize_t,
               new=Py_ssize_t, key=str, previous=str, labels='unsigned int[::1]',
               child='int[::1]', sibling='int[::1]', value='int[::1]', last='int[::1]',
               path='int[::1]')
cpdef tuple build(list keys)

@cython.locals(size=Py_ssize_t, made=Py_ssize_t, new=Py_ssize_t, old=Py_ssize_t,
               node=Py_ssize_t, order='int[::1]', new_labels='unsigned int[::1]',
               links='int[::1]')
cpdef tuple pack(unsigned int[::1] labels, int[::1] child, int[::1] sibling, int[::1] value)

@cython.locals(size=Py_ssize_t, top=Py_ssize_t, p=Py_ssize_t, node=Py_ssize_t, record=Py_ssize_t,
               at=Py_ssize_t, child=Py_ssize_t, low=Py_ssize_t, high=Py_ssize_t, middle=Py_ssize_t,
               letter=Py_UCS4, disorder=bint, hits=list)
cpdef list walk(int[::1] first, unsigned int[::1] labels, int[::1] links, list values,
                Py_ssize_t space, const unsigned int[::1] codes)

@cython.locals(i=Py_ssize_t, code=cython.uint)
cpdef blank(unsigned int[::1] codes, const unsigned char[::1] letters)
