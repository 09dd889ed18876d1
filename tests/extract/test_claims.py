"""Claims: the case table in six languages, evidence spans, names, data files and speed.

The table is ``cases/claims_cases.tsv`` (sentences written for these tests).
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import NamedTuple

import pytest

from peyvand.extract import claims
from peyvand.ingest.files import read_document
from peyvand.lang import SUPPORTED_LANGUAGES, LanguageData
from peyvand.model import Claim, Document, QuantityRecord, Span
from peyvand.pipeline import Pipeline
from peyvand.registry.actors import ActorEntry

CASES = Path(__file__).parent / "cases" / "claims_cases.tsv"
EXAMPLES = sorted((Path(__file__).parents[2] / "src" / "peyvand" / "examples").glob("*.txt"))
DATA = LanguageData()
KINDS = {"subject", "skip", "pair", "pairphrase", "ident", "and"}
SPEAKER_KINDS = {
    "after",
    "before",
    "start",
    "back",
    "pronoun",
    "trim",
    "stop",
    "none",
    "proclitic",
    "side",
}


class Case(NamedTuple):
    lang: str
    text: str
    claims: tuple[tuple[str, ...], ...]


def _null(cell: str) -> str | None:
    return None if cell == "-" else cell


def _load() -> list[Case]:
    cases = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lang, text, expected = line.split("\t")
        records = () if expected == "-" else expected.split(" ;; ")
        parsed = tuple(tuple(part.strip() for part in r.split(" | ")) for r in records)
        assert all(len(r) == 6 for r in parsed), line
        cases.append(Case(lang, text.replace("\\n", "\n"), parsed))
    return cases


ALL = _load()


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    p = Pipeline()
    p.register("claims", claims.component)
    return p


def _row(claim: Claim, text: str) -> tuple[str, ...]:
    def cell(value: object) -> str:
        return "-" if value is None else str(value)

    return (
        cell(claim.value),
        claim.unit,
        cell(claim.qualifier),
        claim.subject,
        cell(claim.claimant),
        claim.evidence.of(text).replace("\n", "\\n"),
    )


def _check_evidence(pipe: Pipeline, lang: str, text: str, found: list[Claim]) -> None:
    """Every evidence is trimmed, inside one sentence, and holds its quantity."""
    doc = pipe.run(Document(text=text, language=lang))
    for claim in found:
        start, end = claim.evidence.start, claim.evidence.end
        quote = text[start:end]
        assert quote and quote == quote.strip()
        assert any(s <= start and end <= e for s, e in doc.sentences), quote
        assert any(
            start <= q.span.start and q.span.end <= end and q.value == claim.value
            for q in doc.extraction.quantities
        ), quote


@pytest.mark.parametrize("case", ALL, ids=[f"{c.lang}-{i}" for i, c in enumerate(ALL)])
def test_case(case: Case, pipe: Pipeline) -> None:
    found = pipe.extract(Document(text=case.text, language=case.lang)).claims
    assert tuple(_row(c, case.text) for c in found) == case.claims
    _check_evidence(pipe, case.lang, case.text, found)


def test_table_covers_the_languages() -> None:
    langs = [c.lang for c in ALL]
    assert set(SUPPORTED_LANGUAGES) <= set(langs)
    assert langs.count("fa") >= 15
    assert sum(1 for c in ALL if not c.claims) >= 10  # negative cases
    assert sum(1 for c in ALL for r in c.claims if r[4] != "-") >= 10  # attributed claims


def test_a_number_inside_a_name_is_no_claim() -> None:
    channel = ActorEntry(
        id="ir-test-channel-three",
        type="media",
        name="Channel Three (test)",
        names={"fa": ("شبکه سه سیما",), "en": ("Channel Three",)},
        country="IRN",
        kind="tv_channel",
    )
    p = Pipeline(user_actors=[channel])
    p.register("claims", claims.component)
    for lang, text, value in (
        ("fa", "شبکه سه سیما ۱۰ مستند درباره باکو پخش کرد.", 10),
        ("en", "Channel Three aired 10 documentaries about Baku.", 10),
    ):
        found = p.extract(Document(text=text, language=lang)).claims
        assert [c.value for c in found] == [value]
        assert found[0].subject.startswith("number of programmes")


def test_same_thing_same_subject_across_languages(pipe: Pipeline) -> None:
    """Two sources about one figure group by subject, whatever their language."""
    texts = {
        "fa": "بیش از ۹۰ درصد مردم جمهوری آذربایجان مسلمان هستند.",
        "en": "More than 90 per cent of Azerbaijan's people are Muslim.",
        "ru": "Более 90 процентов населения Азербайджана — мусульмане.",
        "tr": "Azerbaycan nüfusunun yüzde 90'ı Müslümandır.",
    }
    subjects = {
        lang: [c.subject for c in pipe.extract(Document(text=t, language=lang)).claims]
        for lang, t in texts.items()
    }
    assert set(map(tuple, subjects.values())) == {("share of Muslims in the population of AZE",)}


def test_examples_claims_are_attributed_and_in_sentences(pipe: Pipeline) -> None:
    for path in EXAMPLES:
        document = read_document(path)
        found = pipe.extract(document).claims
        _check_evidence(pipe, document.language or "", document.text, found)


# --- data files ---------------------------------------------------------------------------
_TEMPLATE = re.compile(r"^[^\[\]{}]*(\[[^\[\]]*\{(country|pair)\}[^\[\]]*\][^\[\]{}]*)*$")


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_subject_file(lang: str) -> None:
    english = {r[3] for r in DATA.rows("en", claims.SUBJECTS_FILE) if r[1] == "subject"}
    for row in DATA.rows(lang, claims.SUBJECTS_FILE):
        assert row[1] in KINDS, row
        assert "*" not in row[0][:-1], row  # a star only ends a cue
        if row[1] == "subject":
            assert len(row) == 4 and row[2] in ("count", "percent", "*"), row
            assert _TEMPLATE.match(row[3]), row
            assert row[3] in english, f"{lang}: {row[3]!r} has no English twin, claims won't group"
        else:
            assert len(row) == 2, row


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_attribution_file(lang: str) -> None:
    rows = DATA.rows(lang, claims.ATTRIBUTION_FILE)
    assert {r[1] for r in rows} <= SPEAKER_KINDS
    assert any(r[1] in ("after", "before", "start") for r in rows)
    assert all("*" not in r[0][:-1] for r in rows)


def test_speed(pipe: Pipeline) -> None:
    """The claim reader itself costs well under a millisecond per 2 KB document."""
    base = Pipeline()
    docs = [base.run(read_document(path)) for path in EXAMPLES]
    run = pipe.component("claims")
    rounds = 20
    started = time.perf_counter()
    for _ in range(rounds):
        for doc in docs:
            run(doc)
    per_doc = (time.perf_counter() - started) / (rounds * len(docs))
    assert per_doc < 0.002, f"{per_doc * 1000:.2f} ms per document"


def test_a_bare_year_is_no_claim_but_a_counted_one_is(pipe: Pipeline) -> None:
    """Years the date finder left over («1998», "2022") state nothing; "1500 students" does."""
    text = "The exchange began in 1998 and 1500 students have taken part."
    doc = Pipeline().run(Document(text=text, language="en"))
    for year in ("1998", "1500"):
        start = text.index(year)
        if not any(q.span.start == start for q in doc.extraction.quantities):
            doc.extraction.quantities.append(
                QuantityRecord(int(year), "count", False, year, Span(start, start + 4))
            )
    pipe.component("claims")(doc)
    assert [(c.value, c.subject) for c in doc.extraction.claims] == [
        (1500, "number of students exchanged")
    ]


@pytest.mark.parametrize("lang", [None, "de", "azb"])
def test_other_languages_give_no_claims(pipe: Pipeline, lang: str | None) -> None:
    text = "Mehr als 90 Prozent der Karten wurden verkauft." if lang != "azb" else ""
    found = pipe.extract(Document(text=text, language=lang)).claims
    assert found == [] or all(text[c.evidence.start : c.evidence.end] for c in found)
