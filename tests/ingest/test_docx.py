"""Word files: paragraphs and tables in order, core properties, zip bombs refused unopened."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
import pytest

from peyvand.ingest.docx_file import parse_docx, read_docx
from peyvand.ingest.errors import IngestError


def test_docx_round_trip(tmp_path: Path) -> None:
    made = docx.Document()
    made.core_properties.title = "تفاهم‌نامه فرهنگی"
    made.core_properties.author = "وزارت فرهنگ"
    made.core_properties.created = dt.datetime(2023, 6, 5, 9, 30)
    made.add_paragraph("ماده ۱: دو طرف در زمینه چاپ کتاب همکاری می‌کنند.")
    table = made.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "طرف اول"
    table.cell(0, 1).text = "طرف دوم"
    table.cell(1, 0).merge(table.cell(1, 1)).text = "امضا در باکو"
    made.add_paragraph("ماده ۲: این سند از تاریخ امضا اجرا می‌شود.")
    path = tmp_path / "agreement.docx"
    made.save(str(path))

    document = read_docx(path)
    assert document.text.splitlines() == [
        "ماده ۱: دو طرف در زمینه چاپ کتاب همکاری می‌کنند.",
        "طرف اول",
        "طرف دوم",
        "امضا در باکو",  # a merged cell once, not once per column
        "ماده ۲: این سند از تاریخ امضا اجرا می‌شود.",
    ]
    assert document.title == "تفاهم‌نامه فرهنگی"
    assert document.author == "وزارت فرهنگ"
    assert document.published == dt.date(2023, 6, 5)
    assert document.format == "docx"


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_zip_bomb_is_refused_before_python_docx_opens_it(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(_zip({"[Content_Types].xml": b"<x/>", "word/document.xml": bytes(30 << 20)}))
    assert bomb.stat().st_size < 100_000
    with pytest.raises(IngestError, match="zip bomb suspected") as caught:
        read_docx(bomb)
    assert caught.value.source == str(bomb)
    assert "word/document.xml compresses" in caught.value.reason


def test_total_uncompressed_size_is_limited(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("peyvand.ingest.docx_file.MAX_DOCX_UNCOMPRESSED", 1000)
    data = _zip({"word/document.xml": bytes(range(256)) * 8})
    with pytest.raises(IngestError, match="2,048 bytes uncompressed; limit 1,000"):
        parse_docx(data, "big.docx")


def test_a_zip_that_is_not_a_word_file_and_broken_zips_are_refused() -> None:
    with pytest.raises(IngestError, match=r"no word/document\.xml"):
        parse_docx(_zip({"content.xml": b"<x/>"}), "odt-like.docx")
    with pytest.raises(IngestError, match=r"not a readable \.docx"):
        parse_docx(b"PK\x03\x04 truncated", "cut.docx")
    with pytest.raises(IngestError, match=r"\.docx"):
        parse_docx(_zip({"word/document.xml": b"<not xml"}), "broken.docx")
