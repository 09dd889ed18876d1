"""The disk cache of the built matcher: its key covers the data and the code that built it."""

from __future__ import annotations

from pathlib import Path

import pytest

from peyvand.lang import LanguageData
from peyvand.registry import cache
from peyvand.registry.cache import DiskCache, cache_key, code_version
from peyvand.registry.registry import Registry


def test_the_key_changes_with_the_code(monkeypatch: pytest.MonkeyPatch) -> None:
    key = cache_key([])
    assert key == cache_key([])
    monkeypatch.setattr(cache, "code_version", lambda: "another version of the code")
    assert cache_key([]) != key


def test_the_code_version_reads_the_registry_modules_and_the_normalizer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read: list[str] = []
    original = Path.read_bytes

    def spy(path: Path) -> bytes:
        read.append(path.name)
        return original(path)

    code_version.cache_clear()
    monkeypatch.setattr(Path, "read_bytes", spy)
    try:
        code_version()
    finally:
        code_version.cache_clear()
    assert {"matcher.py", "stream.py", "fuzzy.py", "scan.py", "normalize.py"} <= set(read)


def test_a_matcher_pickled_by_other_code_is_not_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = DiskCache(tmp_path)
    Registry(LanguageData(), cache=store).matcher  # noqa: B018  (builds and saves it)
    assert len(list(tmp_path.glob("registry-*.pickle"))) == 1
    monkeypatch.setattr(cache, "code_version", lambda: "newer code")
    Registry(LanguageData(), cache=store).matcher  # noqa: B018
    assert len(list(tmp_path.glob("registry-*.pickle"))) == 2  # built again, under a new key
