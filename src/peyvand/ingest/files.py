"""Files and folders: walking folders, and reading plain text and Markdown files.

Other formats have their own readers; `peyvand.ingest.sources` dispatches to them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from peyvand.ingest.decode import decode
from peyvand.ingest.errors import IngestError
from peyvand.ingest.frontmatter import split
from peyvand.ingest.limits import MAX_TEXT_BYTES
from peyvand.model import Document

MAX_BYTES = MAX_TEXT_BYTES
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
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


def read_document(path: Path, fmt: str | None = None) -> Document:
    """Read one text file into a Document, or raise `IngestError` naming the file and problem.

    ``fmt`` is "markdown" or "text"; by default the extension decides (.md → markdown).
    """
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
        format=fmt or ("markdown" if path.suffix.lower() in MARKDOWN_SUFFIXES else "text"),
    )
