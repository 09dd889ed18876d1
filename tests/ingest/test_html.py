"""HTML pages: main text without boilerplate, Solar Hijri bylines, honest charsets, size cap."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from peyvand.ingest.errors import IngestError
from peyvand.ingest.html import decode_html, parse_html, read_html

BODY_FA = (
    "ایران و جمهوری آذربایجان تفاهم‌نامه‌ای برای همکاری سینمایی امضا کردند. "
    "بر پایه این سند، دو کشور هر سال هفته فیلم برگزار می‌کنند و فیلم‌های مستند مبادله می‌شود. "
)


def persian_page(byline: str, *, charset: str = "utf-8", body: str = BODY_FA) -> str:
    paragraphs = "".join(f"<p>{body} {i}</p>" for i in range(4))
    return f"""<!DOCTYPE html>
<html lang="fa-IR" dir="rtl"><head><meta charset="{charset}">
<title>همکاری سینمایی ایران و آذربایجان - خبرگزاری آزمایشی</title>
<meta property="og:site_name" content="خبرگزاری آزمایشی">
<meta name="author" content="مریم کاظمی"></head>
<body><nav><a href="/">صفحه نخست</a> | <a href="/sport">ورزش</a></nav>
<header><h1>همکاری سینمایی ایران و آذربایجان</h1>
<div class="news-info"><span class="date">{byline}</span></div></header>
<article>{paragraphs}</article>
<footer>تمامی حقوق این سایت محفوظ است.</footer></body></html>"""


def test_persian_page_with_a_solar_hijri_byline() -> None:
    page = persian_page("تاریخ انتشار: چهارشنبه ۱۷ خرداد ۱۴۰۲ - ۱۰:۳۰")
    document = parse_html(page.encode("utf-8"), "news/fa.html", url="https://news.example/fa/1")
    assert document.published == dt.date(2023, 6, 7)
    assert document.title is not None and "همکاری سینمایی" in document.title
    assert document.publisher == "خبرگزاری آزمایشی"
    assert document.author == "مریم کاظمی"
    assert document.language == "fa"
    assert document.url == "https://news.example/fa/1"
    assert document.format == "html"
    # the zero-width non-joiner survives trafilatura, boilerplate does not
    assert "تفاهم\u200cنامه\u200cای" in document.text
    assert "حقوق این سایت" not in document.text
    assert "ورزش" not in document.text


def test_numeric_solar_hijri_byline() -> None:
    page = persian_page("۱۴۰۲/۰۳/۱۵")
    assert parse_html(page.encode(), "fa.html").published == dt.date(2023, 6, 5)


def test_english_page_keeps_a_gregorian_date_and_zwnj_entities_are_kept() -> None:
    text = "Iran and Azerbaijan agreed to hold a joint film week every year in Baku and Tabriz. "
    page = f"""<html lang="en"><head><title>Film week agreed</title>
    <meta property="article:published_time" content="2023-06-05T08:00:00+03:30"></head>
    <body><article><p>{text * 4}</p><p>The programme starts next spring.</p></article>
    </body></html>"""
    document = parse_html(page.encode(), "en.html")
    assert document.published == dt.date(2023, 6, 5)
    assert document.language == "en"
    assert "joint film week" in document.text
    entity = persian_page("۱۵ خرداد ۱۴۰۲", body=BODY_FA.replace("\u200c", "&zwnj;"))
    assert "می\u200cشود" in parse_html(entity.encode(), "entity.html").text


def test_page_without_any_date_has_none() -> None:
    document = parse_html(persian_page("بخش فرهنگی").encode(), "fa.html")
    assert document.published is None


def test_declared_utf8_but_windows_1256_bytes_is_read_as_windows_1256() -> None:
    # legacy Persian pages use the Arabic Yeh and Kaf: Windows-1256 has no Persian ی and ک
    body = BODY_FA.replace("ی", "ي").replace("ک", "ك")
    page = persian_page("15 خرداد 1402", charset="utf-8", body=body).replace("ی", "ي")
    page = page.replace("ک", "ك")
    document = parse_html(page.encode("cp1256"), "wrong-charset.html")
    assert document.encoding == "cp1256"
    assert "همكاري سينمايي" in (document.title or "")
    assert "فيلم" in document.text
    assert document.published == dt.date(2023, 6, 5)


def test_declared_latin1_for_windows_1256_bytes_is_not_trusted() -> None:
    text = "<html><head><meta charset='iso-8859-1'></head><body><p>سند فرهنگي امضا شد</p></body>"
    decoded, encoding = decode_html(text.encode("cp1256"), "x.html")
    assert encoding == "cp1256"
    assert "سند فرهنگي" in decoded


def test_a_correct_legacy_declaration_is_used() -> None:
    text = "<html><head><meta charset='windows-1256'></head><body><p>سند فرهنگي امضا شد</p></body>"
    assert decode_html(text.encode("cp1256"), "x.html")[1] == "cp1256"


def test_page_without_main_text_is_refused() -> None:
    with pytest.raises(IngestError, match="no main text"):
        parse_html(b"<html><head><title>Only a title</title></head><body></body></html>", "t.html")


def test_empty_and_binary_html_are_refused(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="empty file"):
        parse_html(b"  \n", "empty.html")
    with pytest.raises(IngestError, match="binary"):
        parse_html(b"<html>\x00\x01\x02\xff\xfe" * 50, "binary.html")


def test_fifty_megabyte_page_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as handle:
        handle.write(b"<html><body><p>")
        handle.seek(50 * 1024 * 1024 - 1)
        handle.write(b">")
    started = time.monotonic()
    with pytest.raises(IngestError) as caught:
        read_html(path)
    assert time.monotonic() - started < 1.0  # refused on its size, never parsed
    assert caught.value.source == str(path)
    assert "HTML too large: 52,428,800 bytes; limit 10,485,760" in caught.value.reason
