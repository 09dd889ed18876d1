"""Institutions and site status: the case table in six languages, evidence, data, speed.

The table is ``cases/institutions_cases.tsv`` (sentences written for these tests).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import NamedTuple

import pytest

from peyvand.extract import institutions
from peyvand.ingest.files import read_document
from peyvand.lang import SUPPORTED_LANGUAGES, LanguageData
from peyvand.model import Document, Institution
from peyvand.pipeline import Pipeline

CASES = Path(__file__).parent / "cases" / "institutions_cases.tsv"
EXAMPLES = sorted((Path(__file__).parents[2] / "src" / "peyvand" / "examples").glob("*.txt"))
DATA = LanguageData()
STATUS_ROLES = {
    "opened",
    "operating",
    "obstructed",
    "closed",
    "none",
    "negation",
    "modal",
    "and",
    "event",
    "clause",
    "place",
    "place_suffix",
    "sponsored",
}
SITE_ROLES = {"damaged", "destroyed", "restored", "none", "restoration", "completed", "anaphor"}


class Case(NamedTuple):
    lang: str
    text: str
    institutions: tuple[tuple[str, ...], ...]
    sites: tuple[tuple[str, ...], ...]


def _records(cell: str, size: int) -> tuple[tuple[str, ...], ...]:
    if cell == "-":
        return ()
    parsed = tuple(tuple(p.strip() for p in r.split(" | ")) for r in cell.split(" ;; "))
    assert all(len(r) == size for r in parsed), cell
    return parsed


def _load() -> list[Case]:
    cases = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lang, text, found, sites = line.split("\t")
        cases.append(Case(lang, text, _records(found, 5), _records(sites, 2)))
    return cases


ALL = _load()


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    p = Pipeline()
    p.register("institutions", institutions.component)
    return p


def _row(record: Institution, text: str) -> tuple[str, ...]:
    def cell(value: str | None) -> str:
        return "-" if value is None else value

    quote = record.evidence.of(text)
    return (record.name, cell(record.host), cell(record.sponsor), cell(record.status), quote)


@pytest.mark.parametrize("case", ALL, ids=[f"{c.lang}-{i}" for i, c in enumerate(ALL)])
def test_case(case: Case, pipe: Pipeline) -> None:
    doc = pipe.run(Document(text=case.text, language=case.lang))
    found = doc.extraction.institutions
    assert tuple(_row(r, case.text) for r in found) == case.institutions
    sites = tuple((s.name, s.status or "-") for s in doc.extraction.sites)
    assert sites == case.sites
    _check_evidence(doc.extraction.institutions, doc.sentences, case.text)


def _check_evidence(found: list[Institution], sentences: list[tuple[int, int]], text: str) -> None:
    for record in found:
        start, end = record.evidence.start, record.evidence.end
        quote = text[start:end]
        assert quote and quote == quote.strip()
        assert any(s <= start and end <= e for s, e in sentences), quote


def test_table_covers_the_languages() -> None:
    langs = [c.lang for c in ALL]
    assert set(SUPPORTED_LANGUAGES) <= set(langs)
    assert langs.count("fa") >= 10
    statuses = {r[3] for c in ALL for r in c.institutions}
    assert {"opened", "operating", "obstructed", "closed", "-"} <= statuses
    assert {"damaged", "destroyed", "restored", "-"} <= {s[1] for c in ALL for s in c.sites}


def test_examples(pipe: Pipeline) -> None:
    """Every institution of the examples: evidence inside a sentence, holding its mention."""
    for path in EXAMPLES:
        document = read_document(path)
        doc = pipe.run(document)
        _check_evidence(doc.extraction.institutions, doc.sentences, document.text)
        for record in doc.extraction.institutions:
            assert record.status in (None, "opened", "operating", "obstructed", "closed")


def test_the_obstructed_centres_of_the_examples(pipe: Pipeline) -> None:
    """The Baku centres facing obstacles, as the fa, en and ru examples tell it."""
    for stem in (
        "fa-01-cultural-documents",
        "en-02-thirty-agreements",
        "ru-01-iran-azerbaijan-obzor",
    ):
        path = next(p for p in EXAMPLES if p.stem == stem)
        found = pipe.extract(read_document(path)).institutions
        obstructed = {(r.name, r.host, r.sponsor) for r in found if r.status == "obstructed"}
        assert obstructed == {
            ("Al-Huda Institute (Baku)", "AZE", "IRN"),
            ("Shahriar House of Culture (Baku)", "AZE", "IRN"),
        }, stem


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_data_files(lang: str) -> None:
    rows = DATA.rows(lang, institutions.STATUS_FILE)
    assert {r[1] for r in rows} <= STATUS_ROLES
    assert {"opened", "closed", "obstructed", "negation", "modal"} <= {r[1] for r in rows}
    sites = DATA.rows(lang, institutions.SITES_FILE)
    assert {r[1] for r in sites} <= SITE_ROLES
    assert {"damaged", "destroyed", "restored"} <= {r[1] for r in sites}
    assert all("*" not in r[0][:-1] for r in [*rows, *sites])


def test_speed(pipe: Pipeline) -> None:
    """The institution and site reader costs well under a millisecond per document."""
    base = Pipeline()
    docs = [base.run(read_document(path)) for path in EXAMPLES]
    run = pipe.component("institutions")
    rounds = 20
    started = time.perf_counter()
    for _ in range(rounds):
        for doc in docs:
            run(doc)
    per_doc = (time.perf_counter() - started) / (rounds * len(docs))
    assert per_doc < 0.002, f"{per_doc * 1000:.2f} ms per document"


@pytest.mark.parametrize("lang", [None, "de", "azb"])
def test_other_languages_do_not_fail(pipe: Pipeline, lang: str | None) -> None:
    text = "Das Nur-Kulturzentrum in Baku wurde geschlossen. Bakı Dövlət Universiteti."
    found = pipe.extract(Document(text=text, language=lang)).institutions
    assert all(r.evidence.of(text) for r in found)
