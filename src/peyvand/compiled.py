"""Which of Peyvand's modules run compiled, and a switch back to plain Python.

`setup.py` compiles the registry's hit loops with Cython when a compiler is at hand, beside
their sources (``stream.py`` and ``stream.cpython-311-….so``); Python imports the compiled
module first. ``PEYVAND_PURE_PYTHON=1`` makes the build skip them and makes the package import
every module from its source, so the interpreted code stays tested and can be timed against
the compiled one.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import os
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

PURE_PYTHON = "PEYVAND_PURE_PYTHON"


class SourceFirst(importlib.abc.MetaPathFinder):
    """Finds ``peyvand.*`` modules among source files only."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if not fullname.startswith("peyvand.") or not path:
            return None
        loaders = (importlib.machinery.SourceFileLoader, importlib.machinery.SOURCE_SUFFIXES)
        for entry in path:
            spec = importlib.machinery.FileFinder(entry, loaders).find_spec(fullname)
            if spec is not None:
                return spec
        return None


def prefer_source() -> None:
    """Import ``peyvand.*`` from source from now on, when ``PEYVAND_PURE_PYTHON`` is set."""
    if os.environ.get(PURE_PYTHON) and not any(isinstance(f, SourceFirst) for f in sys.meta_path):
        sys.meta_path.insert(0, SourceFirst())


def compiled_modules() -> list[str]:
    """The loaded ``peyvand`` modules that run compiled."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    return sorted(
        name
        for name, module in list(sys.modules.items())
        if name.startswith("peyvand.") and str(getattr(module, "__file__", "")).endswith(suffixes)
    )


def runs_compiled(module: ModuleType) -> bool:
    """Whether ``module`` was imported from a compiled build."""
    return str(getattr(module, "__file__", "")).endswith(
        tuple(importlib.machinery.EXTENSION_SUFFIXES)
    )


def stale_builds(root: Path) -> list[str]:
    """Compiled modules under ``root`` older than their source or ``.pxd``: Python would
    import the old compiled code and ignore the edit (rebuild: ``make install``)."""
    stale = []
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        for built in root.rglob(f"*{suffix}"):
            stem = built.name[: -len(suffix)]
            sources = [built.with_name(stem + ".py"), built.with_name(stem + ".pxd")]
            if any(s.exists() and s.stat().st_mtime > built.stat().st_mtime for s in sources):
                stale.append(str(built))
    return stale
