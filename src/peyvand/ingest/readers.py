"""Which reader reads what: file extension first, then the first bytes, then content type.

Kinds: text, markdown, html, pdf, docx, feed, jsonl, csv. A file with an unknown or
missing extension is sniffed (``%PDF``, a zip, ``<rss``/``<feed``, ``<html``, a JSON
object); what looks like none of those is tried as plain text, whose decoder refuses
binary data with a reason.
"""

from __future__ import annotations

from pathlib import Path

from peyvand.ingest.decode import decode, garble_score
from peyvand.ingest.errors import IngestError
from peyvand.ingest.fetch import Response
from peyvand.model import Document

EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
}
UNSUPPORTED = {
    ".doc": "old Word .doc is not supported: save it as .docx",
    ".odt": "OpenDocument text is not supported: save it as .docx",
    ".rtf": "RTF is not supported: save it as .docx or plain text",
    ".xlsx": "spreadsheets are not read: export the sheet as CSV",
}
MEDIA_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "text/plain": "text",
    "text/markdown": "markdown",
}


def sniff(head: bytes) -> str | None:
    """The kind the first bytes of a file or response show, or None if they show nothing."""
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<rss", b"<feed", b"<rdf:rdf")):
        return "feed"
    if start.startswith(b"<?xml"):
        if any(tag in start for tag in (b"<rss", b"<feed", b"<rdf:rdf")):
            return "feed"
        return "html" if b"<html" in start else None
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<!--")):
        return "html"
    if start.startswith(b"{"):
        return "jsonl"
    return None


def file_kind(path: Path) -> str:
    """The kind of a file by extension, else by its first bytes; `IngestError` if refused."""
    suffix = path.suffix.lower()
    if suffix in UNSUPPORTED:
        raise IngestError(str(path), UNSUPPORTED[suffix])
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    with path.open("rb") as handle:
        head = handle.read(2048)
    return sniff(head) or "text"


def read_file(path: Path, kind: str) -> Document:
    """One single-document file of a known kind → Document."""
    if kind == "html":
        from peyvand.ingest.html import read_html

        return read_html(path)
    if kind == "pdf":
        from peyvand.ingest.pdf import read_pdf

        return read_pdf(path)
    if kind == "docx":
        from peyvand.ingest.docx_file import read_docx

        return read_docx(path)
    from peyvand.ingest.files import read_document

    return read_document(path, fmt="markdown" if kind == "markdown" else "text")


def response_kind(response: Response) -> str:
    """The kind of a fetched body: its content type, or its first bytes when that is vague."""
    kind = MEDIA_TYPES.get(response.content_type)
    if kind is None and response.content_type.endswith(("/xml", "+xml")):
        kind = sniff(response.body[:2048]) or "feed"
    if kind is None:
        kind = sniff(response.body[:2048])
    if kind is None:
        raise IngestError(response.url, f"unsupported content type {response.content_type!r}")
    return kind


def response_document(response: Response, source: str) -> Document:
    """A fetched page (HTML, PDF, DOCX or plain text) → Document labelled ``source``."""
    kind = response_kind(response)
    url = response.url
    if kind == "html":
        from peyvand.ingest.html import parse_html

        document = parse_html(response.body, url, url=url, charset=response.charset)
    elif kind == "pdf":
        from peyvand.ingest.pdf import parse_pdf

        document = parse_pdf(response.body, url, url=url)
    elif kind == "docx":
        from peyvand.ingest.docx_file import parse_docx

        document = parse_docx(response.body, url, url=url)
    elif kind in ("text", "markdown"):
        text, encoding = _decode_text(response)
        document = Document(text=text, url=url, encoding=encoding, format=kind)
    else:
        raise IngestError(url, f"a {kind}, not a single page")
    document.source = source
    return document


def _decode_text(response: Response) -> tuple[str, str]:
    """Valid UTF-8 wins; else the declared charset if it reads cleanly; else detection."""
    body = response.body
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        if response.charset:
            try:
                text = body.decode(response.charset)
            except (UnicodeDecodeError, LookupError):
                pass  # a wrong declaration: detect instead
            else:
                if text.strip() and garble_score(text) <= 0.5:
                    return text, response.charset
    return decode(body, response.url)
