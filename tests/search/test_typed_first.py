"""Matches of the words as typed rank above matches of the same name in other languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from peyvand.observatory import Observatory
from peyvand.search import Searcher
from peyvand.text.normalize import normalize


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory, example_files: list[Path]) -> Searcher:
    observatory = Observatory.open(tmp_path_factory.mktemp("typed") / "obs")
    observatory.ingest(example_files)
    return Searcher(observatory.engine, observatory.registry())


@pytest.mark.parametrize(
    ("query", "language"),
    [("آذربايجان", "fa"), ("Azerbaijan", "en"), ("Azərbaycan", "az"), ("Азербайджан", "ru")],
)
def test_the_query_language_comes_first_and_the_others_follow(
    searcher: Searcher, query: str, language: str
) -> None:
    hits = searcher.search(query, limit=200)
    languages = [hit.language for hit in hits]
    assert languages[:3] == [language] * 3
    typed = normalize(query).text
    # hits whose text has the words as typed come first; in Persian, Azerbaijani and Russian
    # no other language writes the name the same way, so those hits are all of that language
    if language != "en":
        as_typed = [typed in normalize(hit.snippet).text for hit in hits]
        last = max(i for i, found in enumerate(as_typed) if found)
        assert set(languages[: last + 1]) == {language}
    assert {"fa", "en", "az"} <= set(languages)  # the name still finds every language


def test_pages_do_not_repeat_or_skip_hits(searcher: Searcher) -> None:
    whole = [(h.kind, h.id) for h in searcher.search("Azerbaijan", limit=60)]
    paged = [
        (h.kind, h.id)
        for page in range(3)
        for h in searcher.search("Azerbaijan", limit=20, offset=20 * page)
    ]
    assert paged == whole
