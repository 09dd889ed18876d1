"""Language data: plain files under ``lang/<code>/``, read lazily and cached per instance.

Language knowledge (month names, number words, trigger lexicons, abbreviations) lives in
these files, not in code, so that a linguist can review and extend it without reading Python.
Formats: ``*.tsv`` (tab-separated rows, ``#`` starts a comment line), ``*.txt`` (one entry
per line), ``*.toml``.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

SUPPORTED_LANGUAGES: tuple[str, ...] = ("fa", "en", "az", "tr", "ru", "ar")


class LanguageDataError(LookupError):
    """A language data file is missing or malformed."""


class LanguageData:
    """Reads and caches the language data files of one installation.

    ``extra_dirs`` are searched before the packaged data, so a user can override or extend
    a file (``<dir>/<code>/<name>``) without touching the package.
    """

    def __init__(self, extra_dirs: list[Path] | None = None) -> None:
        self.extra_dirs: tuple[Path, ...] = tuple(Path(d) for d in (extra_dirs or []))
        self._dirs: list[Traversable] = list(self.extra_dirs)
        self._dirs.append(resources.files("peyvand") / "lang")
        self._cache: dict[tuple[str, str, str], Any] = {}

    def find(self, lang: str, name: str) -> Traversable | None:
        for root in self._dirs:
            candidate = root / lang / name
            if candidate.is_file():
                return candidate
        return None

    def has(self, lang: str, name: str) -> bool:
        return self.find(lang, name) is not None

    def _read(self, lang: str, name: str) -> str:
        found = self.find(lang, name)
        if found is None:
            raise LanguageDataError(f"no language data file {lang}/{name}")
        return found.read_text(encoding="utf-8")

    def rows(self, lang: str, name: str) -> list[list[str]]:
        """Rows of a TSV file; blank lines and ``#`` comments skipped, cells stripped."""
        key = ("rows", lang, name)
        if key not in self._cache:
            rows = []
            for line in self._read(lang, name).splitlines():
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                rows.append([cell.strip() for cell in line.split("\t")])
            self._cache[key] = rows
        result: list[list[str]] = self._cache[key]
        return result

    def lines(self, lang: str, name: str) -> list[str]:
        """Entries of a one-per-line file; blank lines and ``#`` comments skipped."""
        key = ("lines", lang, name)
        if key not in self._cache:
            self._cache[key] = [
                line.strip()
                for line in self._read(lang, name).splitlines()
                if line.strip() and not line.lstrip().startswith("#")
            ]
        result: list[str] = self._cache[key]
        return result

    def toml(self, lang: str, name: str) -> dict[str, Any]:
        key = ("toml", lang, name)
        if key not in self._cache:
            try:
                self._cache[key] = tomllib.loads(self._read(lang, name))
            except tomllib.TOMLDecodeError as exc:
                raise LanguageDataError(f"{lang}/{name}: {exc}") from exc
        result: dict[str, Any] = self._cache[key]
        return result

    def languages_with(self, name: str) -> list[str]:
        return [code for code in SUPPORTED_LANGUAGES if self.has(code, name)]
