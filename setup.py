"""Compiled hot loops. The registry's hit loops run per name found (thousands per megabyte),
so Cython compiles them to C when it can; `.pxd` files beside them give C types to their
locals (annotations are not read as C types: the .py keeps plain Python semantics). Every
module stays plain Python: without Cython or a compiler, or with ``PEYVAND_PURE_PYTHON=1``,
the same code runs interpreted, and a module that fails to compile is left interpreted.
"""

import glob
import os
import sys

from setuptools import setup

HOT_LOOPS = [
    "peyvand.registry.stream",  # automaton hits to names (typed by stream.pxd)
    "peyvand.registry.linker",  # names to links through the context rules (linker.pxd)
    "peyvand.registry.places",  # datelines and city lists per capital (places.pxd)
    "peyvand.registry.usage",  # cue checks per capital or demonym (usage.pxd)
    "peyvand.registry.scan",
    "peyvand.registry.trie",  # the word-start walk that finds the names (trie.pxd)
]
DIRECTIVES = {"language_level": 3, "annotation_typing": False}


def extensions() -> list:
    if os.environ.get("PEYVAND_PURE_PYTHON"):
        return []
    try:
        from Cython.Build import cythonize
        from setuptools import Extension
    except ImportError:
        return []
    built = []
    for name in HOT_LOOPS:
        source = os.path.join("src", *name.split(".")) + ".py"
        try:
            (module,) = cythonize(
                [Extension(name, [source])], compiler_directives=DIRECTIVES, quiet=True
            )
        except Exception as error:  # a module Cython refuses stays interpreted
            print(f"peyvand: {name} stays interpreted: {error}", file=sys.stderr)
            for old in glob.glob(source[: -len(".py")] + ".*.so"):
                os.remove(old)  # an older build would shadow the source
            continue
        module.optional = True  # a failing C compile leaves it interpreted too
        built.append(module)
    return built


setup(ext_modules=extensions())
