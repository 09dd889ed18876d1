"""A disk cache for the built name matcher: loading YAML and normalizing 50,000 names takes
seconds, unpickling the automaton a fraction of that.

The key covers everything the matcher is built from: the package version, the size and
modification time of every packaged registry and language data file, the user's own
entries, and the code that builds and pickles it (a hash of the source of the registry
modules and of the normalizer), so a matcher pickled by older code is never loaded.
``PEYVAND_CACHE_DIR`` chooses the folder (default ``~/.cache/peyvand``); set it to an empty
string to switch caching off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from peyvand import __version__

ENV = "PEYVAND_CACHE_DIR"


def default_directory() -> Path | None:
    configured = os.environ.get(ENV)
    if configured is not None:
        return Path(configured) if configured else None
    return Path.home() / ".cache" / "peyvand"


def source_files() -> list[Path]:
    """The packaged files a registry is built from."""
    root = Path(str(resources.files("peyvand")))
    files = sorted((root / "registry" / "actors").glob("*.yaml"))
    files += sorted((root / "lang").glob("*/*"))
    return [f for f in files if f.is_file()]


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the source of the modules whose objects the cache holds or builds from."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in [*sorted(root.glob("*.py")), root.parent / "text" / "normalize.py"]:
        digest.update(path.name.encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"?")
    return digest.hexdigest()


def cache_key(extra: Iterable[str], extra_dirs: Iterable[Path] = ()) -> str:
    digest = hashlib.sha256(__version__.encode())
    digest.update(code_version().encode())
    paths = source_files()
    for folder in extra_dirs:
        paths += sorted(p for p in Path(folder).rglob("*") if p.is_file())
    for path in paths:
        stat = path.stat()
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    for item in extra:
        digest.update(item.encode())
        digest.update(b"\n")
    return digest.hexdigest()[:32]


class DiskCache:
    def __init__(self, directory: Path | None) -> None:
        self.directory = directory

    def load(self, key: str) -> Any | None:
        if self.directory is None:
            return None
        path = self.directory / f"registry-{key}.pickle"
        try:
            with path.open("rb") as handle:
                return pickle.load(handle)
        except FileNotFoundError:
            return None
        except Exception:  # a stale or truncated cache file is rebuilt, never trusted
            path.unlink(missing_ok=True)
            return None

    def save(self, key: str, value: Any) -> None:
        if self.directory is None:
            return
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
            with os.fdopen(handle, "wb") as out:
                pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.directory / f"registry-{key}.pickle")
        except OSError:
            return  # a read-only home must not stop extraction: we only lose the speed-up
