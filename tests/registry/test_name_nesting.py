"""Names inside names: the pipeline's actor layer after registry links and unlinked names.

The table is ``cases/nesting.tsv`` (sentences written for these tests).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

from peyvand.model import Document
from peyvand.pipeline import Doc, Pipeline
from peyvand.registry.name_nesting import NESTED_COUNTRIES

CASES = Path(__file__).parent / "cases" / "nesting.tsv"


class Case(NamedTuple):
    lang: str
    sentence: str
    mentions: tuple[tuple[str, str], ...]  # surface, id ("-": an unlinked name)


def _load() -> list[Case]:
    cases = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        assert len(cells) == 3, f"expected 3 columns: {line!r}"
        lang, sentence, expected = cells
        pairs = tuple(tuple(part.rsplit("=", 1)) for part in expected.split(" | ") if part.strip())
        assert all(len(p) == 2 for p in pairs), line
        cases.append(Case(lang, sentence, pairs))  # type: ignore[arg-type]
    return cases


ALL = _load()


PIPE = Pipeline(components=("language", "normalize", "actors"))


def _run(text: str, lang: str) -> Doc:
    return PIPE.run(Document(text=text, language=lang))


def _mentions(text: str, lang: str) -> list[tuple[str, str]]:
    doc = _run(text, lang)
    found = [
        (m.start, text[m.start : m.end], actor.id or "-")
        for actor in doc.extraction.actors
        for m in actor.mentions
    ]
    return [(surface, actor_id) for _, surface, actor_id in sorted(found)]


@pytest.mark.parametrize("case", ALL, ids=[f"{c.lang}-{i}" for i, c in enumerate(ALL)])
def test_case(case: Case) -> None:
    assert _mentions(case.sentence, case.lang) == list(case.mentions)


def test_table_covers_both_sides() -> None:
    assert len(ALL) >= 15
    assert any(all(i == "-" for _, i in c.mentions) for c in ALL)  # a name wins
    assert any(all(i != "-" for _, i in c.mentions) for c in ALL)  # a description


def test_unlinked_name_is_its_first_surface() -> None:
    """The name of an unlinked actor is its first mention as written, endings included."""
    doc = _run("Türkiyə Dövlət Teatrlarının aktyorları gəldi.", "az")
    (actor,) = doc.extraction.actors
    assert actor.name == "Türkiyə Dövlət Teatrlarının"


def test_nested_countries_are_kept_for_the_institutions_layer() -> None:
    text = "İran Kültür Merkezi dün Tebriz'de açıldı."
    doc = _run(text, "tr")
    assert [a.id for a in doc.extraction.actors] == [None]
    nested = doc.stash[NESTED_COUNTRIES]
    assert [(text[s:e], c) for s, e, c in nested] == [("İran", "IRN")]


@pytest.mark.parametrize(
    ("text", "lang", "site", "country"),
    [
        ("The Iranian Mosque in Ganja was restored.", "en", "Iranian Mosque", "Iranian"),
        ("مسجد ایرانی‌ها در گنجه مرمت شد.", "fa", "مسجد ایرانی‌ها", "ایرانی‌ها"),
    ],
)
def test_a_site_name_is_another_layer(text: str, lang: str, site: str, country: str) -> None:
    """A described site is still a site, and the country inside it is still a mention."""
    doc = _run(text, lang)
    assert [text[s.evidence.start : s.evidence.end] for s in doc.extraction.sites] == [site]
    assert [text[m.start : m.end] for a in doc.extraction.actors for m in a.mentions] == [country]
