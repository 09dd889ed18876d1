"""Files and folders → Documents. Text and Markdown now; HTML, PDF, DOCX, feeds come later."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from peyvand.ingest.decode import decode
from peyvand.ingest.errors import IngestError
from peyvand.ingest.frontmatter import split
from peyvand.model import Document

MAX_BYTES = 20 * 1024 * 1024
SKIPPED_NAMES = {"README.md", "LICENSE"}


def expand(paths: Iterable[Path]) -> Iterator[Path]:
    """Every file under the given paths, in a stable order; hidden files skipped.

    A path that does not exist is yielded as is, so reading it reports the problem by name.
    """
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path)
                hidden = any(p.startswith(".") for p in relative.parts)
                if child.is_file() and not hidden and child.name not in SKIPPED_NAMES:
                    yield child
        else:
            yield path


def read_document(path: Path) -> Document:
    """Read one file into a Document, or raise `IngestError` naming the file and the problem."""
    source = str(path)
    if not path.exists():
        raise IngestError(source, "no such file")
    if not path.is_file():
        raise IngestError(source, "not a regular file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise IngestError(source, f"file too large ({size:,} bytes; limit {MAX_BYTES:,})")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(source, f"cannot read: {exc.strerror or exc}") from exc
    text, encoding = decode(data, source)
    meta, body = split(text, source)
    if not body.strip():
        raise IngestError(source, "no text after the front matter")
    return Document(
        text=body,
        title=meta.get("title"),
        publisher=meta.get("publisher"),
        published=meta.get("published"),
        url=meta.get("url"),
        language=meta.get("language"),
        source=source,
        encoding=encoding,
    )
