"""Word (.docx) files → Documents: paragraphs and table cells in body order.

A .docx is a zip archive, and a zip can hold gigabytes of zeros in a few kilobytes. The
archive's directory is read with zipfile first, and the file is refused on its declared
uncompressed size or compression ratio before python-docx inflates anything.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from peyvand.ingest.errors import IngestError
from peyvand.ingest.limits import (
    MAX_DOCX_BYTES,
    MAX_DOCX_RATIO,
    MAX_DOCX_UNCOMPRESSED,
    check_size,
)
from peyvand.model import Document

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def check_zip(data: bytes, source: str) -> None:
    """Refuse a zip that is not a Word file or would inflate beyond the limits."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise IngestError(source, f"not a readable .docx (zip archive: {exc})") from exc
    if not any(m.filename == "word/document.xml" for m in members):
        raise IngestError(source, "not a Word document: the zip has no word/document.xml")
    total = sum(m.file_size for m in members)
    if total > MAX_DOCX_UNCOMPRESSED:
        raise IngestError(
            source,
            f"zip bomb suspected: {total:,} bytes uncompressed; limit {MAX_DOCX_UNCOMPRESSED:,}",
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > 1024 * 1024 and ratio > MAX_DOCX_RATIO:
            raise IngestError(
                source,
                f"zip bomb suspected: {member.filename} compresses {ratio:,.0f}:1; "
                f"limit {MAX_DOCX_RATIO:,.0f}:1",
            )


def _blocks(document: Any) -> Iterator[str]:
    """Paragraph texts of the body in order, table cells row by row (nested tables too)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    def walk(parent: Any, element: Any) -> Iterator[str]:
        for child in element.iterchildren():
            if child.tag == f"{_W}p":
                yield Paragraph(child, parent).text
            elif child.tag == f"{_W}tbl":
                table = Table(child, parent)
                for row in table.rows:
                    seen: set[int] = set()
                    for cell in row.cells:
                        if id(cell._tc) in seen:  # a merged cell repeats across the row
                            continue
                        seen.add(id(cell._tc))
                        yield from walk(cell, cell._tc)
            elif child.tag == f"{_W}sdt":
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    yield from walk(parent, content)

    yield from walk(document, document.element.body)


def read_docx(path: Path) -> Document:
    """Read a .docx file; its size and zip directory are checked before it is parsed."""
    source = str(path)
    check_size(source, "DOCX", path.stat().st_size, MAX_DOCX_BYTES)
    return parse_docx(path.read_bytes(), source)


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None


def parse_docx(data: bytes, source: str, *, url: str | None = None) -> Document:
    """.docx bytes → Document; core properties give title, author and date."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    check_size(source, "DOCX", len(data), MAX_DOCX_BYTES)
    check_zip(data, source)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise IngestError(source, f"not a readable .docx ({type(exc).__name__}: {exc})") from exc
    except Exception as exc:  # lxml errors on broken XML inside the package
        raise IngestError(source, f"broken .docx content ({type(exc).__name__}: {exc})") from exc
    text = "\n".join(block for block in _blocks(document) if block.strip())
    if not text.strip():
        raise IngestError(source, "no text in the Word document")
    props = document.core_properties
    published = _date(props.created) or _date(props.modified)
    return Document(
        text=text,
        title=props.title or None,
        author=props.author or None,
        published=published,
        language=(props.language or "").split("-")[0].lower() or None,
        url=url,
        source=source,
        format="docx",
    )
