"""iter_items: every kind of input through one entry point; one bad input never stops it."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest

from peyvand.ingest.fetch import Fetcher
from peyvand.ingest.sources import ColumnMapping, iter_items

from .conftest import Site

HERE = Path(__file__).parent
BAD = HERE / "bad_inputs"
PARAGRAPH = "Iran and Azerbaijan agreed to hold a joint film week in Baku every spring. " * 4


def test_a_folder_of_every_format(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    (folder / "note.txt").write_text("ایران و آذربایجان سندی امضا کردند.")
    (folder / "post.md").write_text("---\ntitle: Post\n---\nA cultural week opened in Tabriz.\n")
    (folder / "page.html").write_text(f"<html><body><article><p>{PARAGRAPH}</p></article></html>")
    shutil.copy(HERE / "fixtures" / "rtl-brackets.pdf", folder / "sub" / "scan-no-ext")
    made = docx.Document()
    made.add_paragraph("The memorandum covers cinema and publishing.")
    made.save(str(folder / "memo.docx"))
    (folder / "rows.jsonl").write_text('{"text": "Row one."}\n{"text": "Row two."}\n')
    (folder / "rows.csv").write_text("body\nA CSV row.\n")
    (folder / "wire.rss").write_text(
        "<rss><channel><title>w</title><item><title>t</title>"
        "<description>A feed item.</description></item></channel></rss>"
    )
    (folder / ".hidden.txt").write_text("never read")
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0 old word")

    items = list(iter_items([folder], mapping=ColumnMapping(text="body")))
    formats = {
        item.source.replace(str(folder) + "/", ""): item.document.format
        for item in items
        if item.document
    }
    assert formats == {
        "note.txt": "text",
        "post.md": "markdown",
        "page.html": "html",
        "sub/scan-no-ext": "pdf",
        "memo.docx": "docx",
        "rows.csv#2": "csv",
        "wire.rss#1": "feed",
    }
    errors = {Path(i.source).name: i.error.reason for i in items if i.error}
    # the JSONL has no "body" key under this mapping; .doc is refused with advice
    assert errors == {
        "rows.jsonl#1": "no text in column 'body'",
        "rows.jsonl#2": "no text in column 'body'",
        "old.doc": "old Word .doc is not supported: save it as .docx",
    }
    assert all(i.document is None for i in items if i.error)


def test_the_committed_bad_inputs(tmp_path: Path) -> None:
    items = list(iter_items([BAD, tmp_path / "missing.txt"]))
    errors = {Path(i.source).name: i.error.reason for i in items if i.error}
    documents = {Path(i.source).name: i.document for i in items if i.document}
    assert "empty file" in errors["empty.txt"]
    assert "binary" in errors["binary.bin"]
    assert "not a readable PDF" in errors["truncated.pdf"]
    assert "no such file" in errors["missing.txt"]
    assert sorted(k for k in errors if k.startswith("broken.jsonl")) == [
        "broken.jsonl#2",
        "broken.jsonl#3",
        "broken.jsonl#4",
        "broken.jsonl#6",
    ]
    assert sorted(documents) == ["broken.jsonl#1", "broken.jsonl#5", "wrong-encoding.html"]
    page = documents["wrong-encoding.html"]
    assert page.encoding == "cp1256"
    assert "همكاري فرهنگي ايران و آذربايجان" in page.text


def test_urls_need_a_fetcher() -> None:
    [item] = list(iter_items(["https://news.example/a.html"]))
    assert item.source == "https://news.example/a.html"
    assert item.document is None and item.error is not None
    assert item.error.reason == "URLs need fetching enabled (peyvand ingest --fetch)"


def test_unexpected_reader_failure_becomes_an_error_item(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(path: Path, kind: str) -> None:
        raise RuntimeError("reader bug")

    (tmp_path / "a.txt").write_text("first")
    (tmp_path / "b.jsonl").write_text('{"text": "second"}\n')
    monkeypatch.setattr("peyvand.ingest.readers.read_file", broken)
    items = list(iter_items([tmp_path]))
    assert [(Path(i.source).name, i.error and i.error.reason) for i in items] == [
        ("a.txt", "RuntimeError: reader bug"),
        ("b.jsonl#1", None),
    ]


def test_a_feed_and_a_page_over_http(site: Site) -> None:
    page = f"<html><head><title>Page</title></head><body><article><p>{PARAGRAPH}</p></article>"
    feed = (
        f"<rss><channel><title>w</title><item><title>one</title><link>{site.base}/p.html</link>"
        "<description>summary</description></item></channel></rss>"
    )
    site.routes.update(
        {
            "/robots.txt": (404, {}, b""),
            "/p.html": (200, {"Content-Type": "text/html"}, page.encode()),
            "/feed": (200, {"Content-Type": "application/rss+xml"}, feed.encode()),
        }
    )
    with Fetcher(min_interval=0.01, read_timeout=2) as fetcher:
        items = list(iter_items([site.url("/feed"), site.url("/p.html")], fetcher=fetcher))
    assert [(i.source, i.document and i.document.title) for i in items] == [
        (site.url("/p.html"), "Page"),  # the feed's item, read from its linked page
        (site.url("/p.html"), "Page"),
    ]
    assert all(i.error is None for i in items)
