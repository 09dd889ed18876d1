"""A reviewer's edit is what search finds afterwards: the record is indexed again."""

from __future__ import annotations

from pathlib import Path

from peyvand.observatory import Observatory
from peyvand.review import Review
from peyvand.search import Searcher


def test_an_edited_name_is_found_by_search(store_location: str, example_files: list[Path]) -> None:
    observatory = Observatory.open(store_location)
    observatory.ingest([p for p in example_files if p.name.startswith("fa-05")])
    review = Review(observatory.engine)
    record = next(r for r in review.queue(limit=200) if r.kind in ("site", "institution"))
    searcher = Searcher(observatory.engine)
    assert not searcher.search("Qarabulaq")
    review.edit(
        record.id,
        {"name": "Qarabulaq"},
        reviewer="leyla",
        expected_version=record.version,
        reason="the name the ministry uses",
    )
    hits = [h for h in searcher.search("Qarabulaq") if h.kind == "record"]
    assert [h.id for h in hits] == [record.id]
    observatory.close()
