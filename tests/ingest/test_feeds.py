"""RSS and Atom feeds: one document per item, safe XML, linked pages fetched when allowed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from peyvand.ingest.errors import IngestError
from peyvand.ingest.feeds import html_text, parse_feed
from peyvand.ingest.fetch import Fetcher
from peyvand.model import Document

from .conftest import Site

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>خبرگزاری آزمایشی</title><language>fa-IR</language><link>{base}/</link>
<item><title>هفته فیلم ایران در باکو</title><link>{base}/news/1.html</link>
  <pubDate>Mon, 05 Jun 2023 08:30:00 +0330</pubDate><dc:creator>سارا محمدی</dc:creator>
  <description>&lt;p&gt;هفته فیلم ایران در &lt;b&gt;باکو&lt;/b&gt; برگزار شد.&lt;/p&gt;
  &lt;p&gt;پنج فیلم نمایش داده شد.&lt;/p&gt;</description></item>
<item><title>دیدار هیئت مطبوعاتی</title><link>{base}/private/2.html</link>
  <pubDate>۱۶ خرداد ۱۴۰۲</pubDate>
  <content:encoded><![CDATA[<p>هیئت مطبوعاتی آذربایجان با مدیران رسانه‌ای دیدار کرد.</p>]]>
  </content:encoded></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>Test wire</title>
<entry><title>Novruz in Baku</title><id>urn:test:1</id>
  <link rel="alternate" href="https://wire.example/novruz"/>
  <published>2023-03-21T10:00:00Z</published><author><name>A. Writer</name></author>
  <content type="html">&lt;p&gt;Novruz was celebrated in Baku with Iranian musicians.&lt;/p&gt;
  </content></entry>
<entry><title>Second</title><id>urn:test:2</id><updated>2023-03-22T10:00:00Z</updated>
  <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>A book fair opened.</p></div>
  </content></entry>
<entry><title>No text</title><id>urn:test:3</id></entry>
</feed>"""


def _documents(rows: list[tuple[str, Document | IngestError]]) -> list[Document]:
    return [r for _, r in rows if isinstance(r, Document)]


def test_rss_items_become_documents() -> None:
    rows = list(parse_feed(RSS.format(base="https://news.example").encode(), "feed.xml"))
    first, second = _documents(rows)
    assert first.text == "هفته فیلم ایران در باکو برگزار شد.\nپنج فیلم نمایش داده شد."
    assert first.title == "هفته فیلم ایران در باکو"
    assert first.url == first.source == "https://news.example/news/1.html"
    assert first.published == dt.date(2023, 6, 5)
    assert first.author == "سارا محمدی"
    assert first.publisher == "خبرگزاری آزمایشی"
    assert first.language == "fa"
    assert first.format == "feed"
    assert second.text == "هیئت مطبوعاتی آذربایجان با مدیران رسانه‌ای دیدار کرد."
    assert second.published == dt.date(2023, 6, 6)  # a Solar Hijri pubDate


def test_atom_entries_become_documents() -> None:
    rows = list(parse_feed(ATOM.encode(), "wire.atom"))
    novruz, fair = _documents(rows)
    assert novruz.text == "Novruz was celebrated in Baku with Iranian musicians."
    assert novruz.url == "https://wire.example/novruz"
    assert novruz.author == "A. Writer"
    assert novruz.published == dt.date(2023, 3, 21)
    assert novruz.language == "en"
    assert fair.text == "A book fair opened."
    assert fair.source == "urn:test:2"
    assert fair.published == dt.date(2023, 3, 22)
    [error] = [r for _, r in rows if isinstance(r, IngestError)]
    assert str(error) == "wire.atom#3: feed item without text"


def test_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    feed = f"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>
<rss version="2.0"><channel><title>t</title>
<item><title>x</title><description>before &xxe; after</description></item></channel></rss>"""
    [document] = _documents(list(parse_feed(feed.encode(), "xxe.xml")))
    assert "TOP-SECRET" not in document.text


def test_broken_and_foreign_xml_are_refused() -> None:
    with pytest.raises(IngestError, match="not a readable feed"):
        list(parse_feed(b"<rss><channel><item>", "cut.xml"))
    with pytest.raises(IngestError, match="not an RSS or Atom feed"):
        list(parse_feed(b"<svg/>", "image.xml"))
    with pytest.raises(IngestError, match="no items"):
        list(parse_feed(b"<rss><channel><title>t</title></channel></rss>", "empty.xml"))


def test_html_text_keeps_blocks_as_lines() -> None:
    assert html_text("<p>one <i>two</i></p><p>three<br>four</p><script>x()</script>") == (
        "one two\nthree\nfour"
    )


def test_linked_pages_are_fetched_and_robots_respected(site: Site) -> None:
    page = (
        "<html lang='fa'><head><title>هفته فیلم ایران در باکو</title></head><body><article><p>"
        + "در این هفته پنج فیلم ایرانی در سینمای نظامی باکو نمایش داده شد و تماشاگران زیادی آمدند. "
        * 4
        + "</p></article></body></html>"
    )
    site.routes.update(
        {
            "/robots.txt": (200, {}, b"User-agent: *\nDisallow: /private/\n"),
            "/news/1.html": (200, {"Content-Type": "text/html; charset=utf-8"}, page.encode()),
        }
    )
    feed = RSS.format(base=site.base).encode()
    with Fetcher(min_interval=0.01, read_timeout=2) as fetcher:
        rows = list(parse_feed(feed, "feed.xml", fetcher=fetcher))
    assert [label for label, _ in rows] == [
        site.url("/news/1.html"),
        site.url("/private/2.html"),
        site.url("/private/2.html"),
    ]
    fetched, refused, fallback = (r for _, r in rows)
    assert isinstance(fetched, Document)
    assert "سینمای نظامی باکو" in fetched.text  # the page, not the feed's summary
    assert fetched.format == "html"
    assert fetched.published == dt.date(2023, 6, 5)  # from the item: the page has no date
    assert fetched.author == "سارا محمدی"
    assert isinstance(refused, IngestError)
    assert refused.reason.startswith("disallowed by robots.txt")
    assert isinstance(fallback, Document)
    assert fallback.format == "feed"
    assert "/private/2.html" not in site.paths()
