"""PDFs: Persian lines read in order with brackets the right way round; broken files refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from peyvand.ingest.errors import IngestError
from peyvand.ingest.pdf import fix_mirrored_brackets, fix_rtl_text, parse_pdf, read_pdf

FIXTURES = Path(__file__).parent / "fixtures"
BAD = Path(__file__).parent / "bad_inputs"
LINE = "سند همکاری (فرهنگی) در سال ۱۴۰۲ میان ایران و [آذربایجان] در «باکو» امضا شد."
ENGLISH = "Iran (IRN) and Azerbaijan [AZE] signed it in 2023."


def test_persian_lines_come_out_in_reading_order_with_brackets_right() -> None:
    document = read_pdf(FIXTURES / "rtl-brackets.pdf")
    pages = document.text.split("\f")
    assert len(pages) == 2
    # page 1 is stored in reading order (pdfium reverses it), page 2 in display order
    for page in pages:
        assert page.strip().splitlines() == [LINE, ENGLISH]
    assert document.format == "pdf"
    assert document.title == "همکاری فرهنگی"
    assert document.author == "پیوند"
    assert document.published == dt.date(2023, 6, 5)


def test_mirrored_brackets_in_reading_order_text_are_turned() -> None:
    assert fix_mirrored_brackets("سند )فرهنگی( و ]آذربایجان[ در »باکو«") == (
        "سند (فرهنگی) و [آذربایجان] در «باکو»"
    )
    # Latin text and correct brackets are left alone
    assert fix_mirrored_brackets("a )b( c") == "a )b( c"
    assert fix_rtl_text("سند (فرهنگی) امضا شد\nIran (IRN)") == "سند (فرهنگی) امضا شد\nIran (IRN)"


def test_reversed_page_text_is_put_back() -> None:
    reversed_line = "".join(reversed("این سند در باکو امضا شد و به اجرا درآمد"))
    assert fix_rtl_text(reversed_line) == "این سند در باکو امضا شد و به اجرا درآمد"


def test_truncated_pdf_is_an_error_with_a_reason() -> None:
    with pytest.raises(IngestError, match="not a readable PDF") as caught:
        read_pdf(BAD / "truncated.pdf")
    assert caught.value.source.endswith("truncated.pdf")


def test_garbage_and_empty_pdf_bytes_are_refused() -> None:
    with pytest.raises(IngestError, match="not a readable PDF"):
        parse_pdf(b"%PDF-1.7\n" + bytes(range(256)) * 4, "garbage.pdf")
    with pytest.raises(IngestError, match="empty file"):
        parse_pdf(b"", "empty.pdf")


def test_pdf_without_text_layer_is_refused(tmp_path: Path) -> None:
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50)
    with pytest.raises(IngestError, match="no text layer"):
        parse_pdf(bytes(pdf.output()), "scan.pdf")
