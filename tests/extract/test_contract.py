"""`peyvand extract --json` follows the contract and every span is the evidence it claims."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peyvand.extract.contract import SCHEMA, to_contract
from peyvand.ingest.files import read_document
from peyvand.text.normalize import normalize
from peyvand.vocab import ActorType

EXAMPLES = sorted(
    (Path(__file__).resolve().parents[2] / "src" / "peyvand" / "examples").glob("*.txt")
)
TOP_KEYS = {
    "schema",
    "document",
    "actors",
    "dates",
    "quantities",
    "agreements",
    "events",
    "claims",
    "institutions",
    "sites",
}


def _boundary_ok(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    return not (before.isalpha() and text[start].isalpha())


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_span_of_every_example(path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    document = read_document(path)
    contract = to_contract(pipeline.extract(document))
    text = document.text
    assert set(contract) == TOP_KEYS
    assert contract["schema"] == SCHEMA
    assert contract["document"]["length"] == len(text)
    assert contract["document"]["language"] == path.name[:2]
    json.dumps(contract, ensure_ascii=False)  # serialisable

    for actor in contract["actors"]:
        assert actor["type"] in {t.value for t in ActorType}
        if actor["type"] == "country":
            assert len(actor["id"]) == 3 and actor["id"].isupper()
        else:
            assert actor["id"] is None or actor["id"].islower()
        assert actor["mentions"], actor
        for start, end in actor["mentions"]:
            assert 0 <= start < end <= len(text)
            assert text[start:end].strip() == text[start:end]
            assert _boundary_ok(text, start, end), text[max(0, start - 5) : end]
    for key in ("dates", "quantities"):
        for item in contract[key]:
            start, end = item["span"]
            assert 0 <= start < end <= len(text)
            assert text[start:end] == item["text"]
    for key in ("agreements", "events", "claims", "institutions", "sites"):
        for item in contract[key]:
            start, end = item["evidence"]
            assert 0 <= start < end <= len(text)


def test_persian_example_finds_both_countries_in_every_spelling(pipeline) -> None:  # type: ignore[no-untyped-def]
    path = next(p for p in EXAMPLES if p.name.startswith("fa-01"))
    document = read_document(path)
    contract = to_contract(pipeline.extract(document))
    ids = {a["id"] for a in contract["actors"]}
    assert {"IRN", "AZE"} <= ids
    azerbaijan = next(a for a in contract["actors"] if a["id"] == "AZE")
    spelled = {document.text[s:e] for s, e in azerbaijan["mentions"]}
    # the Arabic-Yeh spelling in the text links like the Persian one
    assert any("ي" in s for s in spelled), spelled
    assert all("آذربایجان" in normalize(s).text or "باکو" in s for s in spelled), spelled


def test_contract_fields_are_null_when_unknown(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "plain.txt"
    path.write_text("Iran and Azerbaijan held talks on 2019-06-19 in Baku.")
    contract = to_contract(pipeline.extract(read_document(path)))
    assert contract["document"]["title"] is None
    assert contract["document"]["published"] is None
    assert contract["document"]["language"] == "en"
    assert [d["value"] for d in contract["dates"]] == ["2019-06-19"]
    assert {a["id"] for a in contract["actors"]} == {"IRN", "AZE"}
