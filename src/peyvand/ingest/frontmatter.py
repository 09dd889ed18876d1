"""Metadata written at the top of a text file between two ``---`` lines (YAML).

The document text is what follows the block; offsets of every record point into that body.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

from peyvand.ingest.errors import IngestError

FIELDS = ("title", "publisher", "published", "url", "language")


def split(text: str, source: str) -> tuple[dict[str, Any], str]:
    """Return ``(metadata, body)``; text without a front-matter block is all body."""
    if not text.startswith("---"):
        return {}, text
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return {}, text
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            header = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :]).lstrip("\n")
            break
    else:
        raise IngestError(source, "front matter opened with --- but never closed")
    try:
        loaded = yaml.safe_load(header) or {}
    except yaml.YAMLError as exc:
        raise IngestError(source, f"front matter is not valid YAML: {exc}") from exc
    if not isinstance(loaded, dict):
        raise IngestError(source, "front matter must be key: value lines")
    meta = {key: loaded[key] for key in FIELDS if loaded.get(key) is not None}
    published = meta.get("published")
    if isinstance(published, dt.datetime):
        meta["published"] = published.date()
    elif isinstance(published, str):
        try:
            meta["published"] = dt.date.fromisoformat(published)
        except ValueError as exc:
            raise IngestError(source, f"published date {published!r} is not yyyy-mm-dd") from exc
    elif published is not None and not isinstance(published, dt.date):
        raise IngestError(source, f"published date {published!r} is not yyyy-mm-dd")
    for key in ("title", "publisher", "url", "language"):
        if key in meta:
            meta[key] = str(meta[key])
    return meta, body
