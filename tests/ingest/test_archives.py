"""Archive exports: one document per row, broken rows reported by line, the rest kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from peyvand.ingest.archives import ColumnMapping, iter_csv, iter_jsonl
from peyvand.ingest.errors import IngestError
from peyvand.model import Document

BAD = Path(__file__).parent / "bad_inputs"


def test_jsonl_with_broken_lines_keeps_the_good_rows() -> None:
    path = BAD / "broken.jsonl"
    rows = dict(iter_jsonl(path))
    documents = {k: v for k, v in rows.items() if isinstance(v, Document)}
    errors = {k: v for k, v in rows.items() if isinstance(v, IngestError)}
    assert sorted(documents) == [f"{path}#1", f"{path}#5"]
    first = documents[f"{path}#1"]
    assert first.published == dt.date(2023, 6, 5)  # 1402/03/15, Solar Hijri
    assert first.title == "چاپ کتاب"
    assert first.source == f"{path}#1"
    assert first.format == "jsonl"
    assert documents[f"{path}#5"].published == dt.date(2023, 6, 5)
    assert {k: str(v) for k, v in errors.items()} == {
        f"{path}#2": f"{path}:2: invalid JSON (Invalid control character at column 32)",
        f"{path}#3": f"{path}:3: no text in column 'text'",
        f"{path}#4": f"{path}:4: a JSON list, not an object",
        f"{path}#6": f"{path}:6: 'دیروز' in column 'date' is not a date",
    }


def test_jsonl_nested_keys_and_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    line = '{"body": {"text": "Novruz was celebrated in Baku."}, "meta": {"when": "۱۴۰۲-۰۱-۰۱"}}'
    path.write_bytes(b"\xef\xbb\xbf" + line.encode() + b"\n\n")
    mapping = ColumnMapping.parse("text=body.text, published=meta.when")
    [(label, document)] = list(iter_jsonl(path, mapping))
    assert label == f"{path}#1"
    assert isinstance(document, Document)
    assert document.text == "Novruz was celebrated in Baku."
    assert document.published == dt.date(2023, 3, 21)


def test_csv_with_a_column_mapping(tmp_path: Path) -> None:
    path = tmp_path / "archive.csv"
    path.write_text(
        "headline,body,pub_date,link,lang\n"
        'دیدار فرهنگی,"هیئت مطبوعاتی ایران به باکو سفر کرد.\nسفر سه روز طول کشید.",'
        "۱۵ خرداد ۱۴۰۲,https://news.example/1,fa\n"
        "Exchange,Students from Tabriz visited Baku.,2023-06-07,https://news.example/2,EN\n"
        "too,many,fields,here,en,extra\n"
        "No text,,2023-06-07,,en\n",
        encoding="utf-8",
    )
    mapping = ColumnMapping.parse(
        "text=body,title=headline,published=pub_date,url=link,language=lang"
    )
    rows = list(iter_csv(path, mapping))
    labels = [label for label, _ in rows]
    assert labels == [
        f"{path}#2",
        f"{path}#4",
        f"{path}#5",
        f"{path}#6",
    ]  # first line of each record
    persian, english, extra, empty = (result for _, result in rows)
    assert isinstance(persian, Document) and isinstance(english, Document)
    assert persian.text == "هیئت مطبوعاتی ایران به باکو سفر کرد.\nسفر سه روز طول کشید."
    assert persian.published == dt.date(2023, 6, 5)
    assert persian.url == "https://news.example/1"
    assert persian.language == "fa"
    assert persian.format == "csv"
    assert english.language == "en"
    assert str(extra) == f"{path}:5: 6 fields; the header has 5"
    assert str(empty) == f"{path}:6: no text in column 'body'"


def test_csv_without_the_text_column_names_the_columns(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("headline,content\na,b\n")
    [(label, error)] = list(iter_csv(path))
    assert label == str(path)
    assert isinstance(error, IngestError)
    assert "no column 'text'" in error.reason and "headline, content" in error.reason


def test_windows_1256_csv_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "legacy.csv"
    path.write_bytes("text,date\nهمكاري فرهنگي ايران و آذربايجان,2020-01-02\n".encode("cp1256"))
    [(_, document)] = list(iter_csv(path))
    assert isinstance(document, Document)
    assert document.text == "همكاري فرهنگي ايران و آذربايجان"


def test_bad_mapping_spec_is_explained() -> None:
    with pytest.raises(ValueError, match="expected FIELD=COLUMN"):
        ColumnMapping.parse("body")
    with pytest.raises(ValueError, match="FIELD one of"):
        ColumnMapping.parse("content=body")


def test_an_overlong_jsonl_line_is_skipped_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("peyvand.ingest.archives.MAX_ROW_BYTES", 100)
    path = tmp_path / "long.jsonl"
    path.write_text('{"text": "' + "x" * 500 + '"}\n{"text": "short"}\n')
    (_, first), (label, second) = list(iter_jsonl(path))
    assert str(first) == f"{path}:1: line too long: 513 bytes"
    assert label == f"{path}#2"
    assert isinstance(second, Document) and second.text == "short"
