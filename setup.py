"""Compiled hot loops. The registry's hit loops run per name found (thousands per megabyte),
so Cython compiles them to C when it can; `.pxd` files beside them give C types to their
locals. Every module stays plain Python: without a compiler (or with
``PEYVAND_PURE_PYTHON=1``) the same code runs interpreted, and a failed compile is not an error.
"""

import os

from setuptools import setup

HOT_LOOPS = [
    "peyvand.registry.stream",  # automaton hits to names (typed by stream.pxd)
    "peyvand.registry.linker",  # names to links through the context rules
    "peyvand.registry.places",
    "peyvand.registry.usage",
    "peyvand.registry.scan",
]


def extensions() -> list:
    if os.environ.get("PEYVAND_PURE_PYTHON"):
        return []
    try:
        from Cython.Build import cythonize
        from setuptools import Extension
    except ImportError:
        return []
    modules = [
        Extension(name, [os.path.join("src", *name.split(".")) + ".py"], optional=True)
        for name in HOT_LOOPS
    ]
    built = cythonize(modules, language_level=3, quiet=True)
    for module in built:
        module.optional = True
    return built


setup(ext_modules=extensions())
