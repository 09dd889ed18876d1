"""Metadata written at the top of a text file between two ``---`` lines.

The block holds flat ``key: value`` lines (title, publisher, published, url, language); a
value runs to the end of its line, so a title may contain colons, and may be quoted. The
document text is what follows the block; offsets of every record point into that body.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from peyvand.ingest.errors import IngestError

FIELDS = ("title", "publisher", "published", "url", "language")


def _value(raw: str) -> str:
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "'\"":
        return raw[1:-1]
    return raw


def split(text: str, source: str) -> tuple[dict[str, Any], str]:
    """Return ``(metadata, body)``; text without a front-matter block is all body."""
    first, _, rest = text.partition("\n")
    if first.strip() != "---":
        return {}, text
    lines = rest.split("\n")
    for index, line in enumerate(lines):
        if line.strip() == "---":
            header = lines[:index]
            body = "\n".join(lines[index + 1 :]).lstrip("\r\n")
            break
    else:
        raise IngestError(source, "front matter opened with --- but never closed")
    meta: dict[str, Any] = {}
    for number, line in enumerate(header, start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, colon, value = line.partition(":")
        key = key.strip()
        if not colon or not key.isidentifier():
            raise IngestError(source, f"front matter line {number} is not 'key: value': {line!r}")
        if key in FIELDS and _value(value):
            meta[key] = _value(value)
    published = meta.get("published")
    if published is not None:
        try:
            meta["published"] = dt.date.fromisoformat(published[:10])
        except ValueError as exc:
            raise IngestError(source, f"published date {published!r} is not yyyy-mm-dd") from exc
    return meta, body
