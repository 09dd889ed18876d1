"""A small observatory for review tests: three bundled examples (az, en) ingested."""

from __future__ import annotations

from pathlib import Path

from peyvand.observatory import Observatory

NAMES = (
    "az-01-kino-memorandumu.txt",
    "en-01-cinema-memorandum.txt",
    "en-02-thirty-agreements.txt",
)


def small_observatory(location: str | Path, example_files: list[Path]) -> Observatory:
    observatory = Observatory.open(location)
    report = observatory.ingest([path for path in example_files if path.name in NAMES])
    assert len(report.stored) == len(NAMES), report.failed
    return observatory
