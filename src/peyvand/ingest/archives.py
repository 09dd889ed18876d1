"""News-archive exports (JSON Lines, CSV) → one Document per row, streamed.

Archives are large and never perfectly clean: rows are read one at a time, a broken row is
reported by file and line number (``archive.jsonl:17: invalid JSON (…)``) and the other rows
still come through. Each row's source label is ``path#line``, so re-runs find the same rows.
"""

from __future__ import annotations

import codecs
import csv
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, BinaryIO

from peyvand.ingest.dating import parse_date
from peyvand.ingest.decode import decode
from peyvand.ingest.errors import IngestError
from peyvand.ingest.limits import MAX_ROW_BYTES
from peyvand.model import Document

Row = tuple[str, Document | IngestError]  # (source label "path#line", document or error)


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """Which column (CSV) or key (JSON; ``a.b`` reaches into nested objects) holds what."""

    text: str = "text"
    title: str = "title"
    published: str = "date"
    url: str = "url"
    publisher: str = "publisher"
    author: str = "author"
    language: str = "language"

    @classmethod
    def parse(cls, spec: str) -> ColumnMapping:
        """``"text=body,published=pub_date"`` → mapping; unnamed fields keep their default."""
        names = {f.name for f in fields(cls)}
        given: dict[str, str] = {}
        for part in filter(None, (p.strip() for p in spec.split(","))):
            key, equals, column = part.partition("=")
            key, column = key.strip(), column.strip()
            if not equals or key not in names or not column:
                raise ValueError(
                    f"column mapping {part!r}: expected FIELD=COLUMN, FIELD one of "
                    + ", ".join(sorted(names))
                )
            given[key] = column
        return cls(**given)


def _lookup(row: Mapping[str, Any], column: str) -> Any:
    if column in row:
        return row[column]
    value: Any = row
    for key in column.split("."):
        if not isinstance(value, Mapping) or key not in value:
            return None
        value = value[key]
    return value


def _string(row: Mapping[str, Any], column: str) -> str | None:
    value = _lookup(row, column)
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def row_document(
    row: Mapping[str, Any], mapping: ColumnMapping, where: str, label: str, fmt: str
) -> Document:
    """One row → Document, or `IngestError` naming ``where`` (``path:line``)."""
    text = _lookup(row, mapping.text)
    if not isinstance(text, str) or not text.strip():
        raise IngestError(where, f"no text in column {mapping.text!r}")
    language = _string(row, mapping.language)
    published = None
    raw_date = _string(row, mapping.published)
    if raw_date is not None:
        published = parse_date(raw_date, language)
        if published is None:
            raise IngestError(where, f"{raw_date!r} in column {mapping.published!r} is not a date")
    return Document(
        text=text,
        title=_string(row, mapping.title),
        publisher=_string(row, mapping.publisher),
        published=published,
        url=_string(row, mapping.url),
        language=language.lower() if language else None,
        source=label,
        author=_string(row, mapping.author),
        format=fmt,
    )


def _json_problem(exc: json.JSONDecodeError) -> str:
    return f"{exc.msg.removesuffix(' at')} at column {exc.colno}"


def _lines(handle: BinaryIO) -> Iterator[bytes | int]:
    """Lines of a binary file, each read with a cap: an overlong line is skipped to its end
    and given as its length, so one runaway line cannot fill memory."""
    while True:
        line = handle.readline(MAX_ROW_BYTES + 1)
        if not line:
            return
        if len(line) <= MAX_ROW_BYTES or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while line and not line.endswith(b"\n"):
            line = handle.readline(1024 * 1024)
            size += len(line)
        yield size


def iter_jsonl(path: Path, mapping: ColumnMapping | None = None) -> Iterator[Row]:
    """One row per non-blank line; the file is read line by line."""
    mapping = mapping or ColumnMapping()
    with path.open("rb") as handle:
        for number, line in enumerate(_lines(handle), start=1):
            label, where = f"{path}#{number}", f"{path}:{number}"
            if isinstance(line, int) or len(line) > MAX_ROW_BYTES:
                size = line if isinstance(line, int) else len(line)
                yield label, IngestError(where, f"line too long: {size:,} bytes")
                continue
            raw = line.removeprefix(codecs.BOM_UTF8) if number == 1 else line
            if not raw.strip():
                continue
            try:
                value = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as exc:
                yield label, IngestError(where, f"not UTF-8 ({exc.reason} at byte {exc.start})")
                continue
            except json.JSONDecodeError as exc:
                yield label, IngestError(where, f"invalid JSON ({_json_problem(exc)})")
                continue
            if not isinstance(value, dict):
                yield label, IngestError(where, f"a JSON {type(value).__name__}, not an object")
                continue
            try:
                yield label, row_document(value, mapping, where, label, "jsonl")
            except IngestError as exc:
                yield label, exc


def _csv_encoding(path: Path) -> str:
    """The encoding of a CSV file, judged on its first megabyte."""
    with path.open("rb") as handle:
        sample = handle.read(1024 * 1024)
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    cut = sample.rfind(b"\n") if len(sample) == 1024 * 1024 else len(sample)
    head = sample[: cut if cut > 0 else len(sample)]
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return decode(head, str(path))[1]
    return "utf-8"


def iter_csv(path: Path, mapping: ColumnMapping | None = None) -> Iterator[Row]:
    """One row per CSV record after the header; labels carry the record's first line."""
    mapping = mapping or ColumnMapping()
    source = str(path)
    encoding = _csv_encoding(path)
    csv.field_size_limit(MAX_ROW_BYTES)
    with path.open(encoding=encoding, newline="") as handle:
        reader = csv.reader(handle)
        try:
            header = [h.strip() for h in next(reader)]
        except StopIteration:
            yield source, IngestError(source, "empty file")
            return
        except (csv.Error, UnicodeDecodeError) as exc:
            yield source, IngestError(f"{path}:1", f"unreadable header ({exc})")
            return
        if mapping.text not in header:
            yield (
                source,
                IngestError(
                    source,
                    f"no column {mapping.text!r} for the text (columns: {', '.join(header)}); "
                    "name it with a column mapping",
                ),
            )
            return
        while True:
            number = reader.line_num + 1
            label, where = f"{path}#{number}", f"{path}:{number}"
            try:
                record = next(reader)
            except StopIteration:
                return
            except (csv.Error, UnicodeDecodeError) as exc:
                yield label, IngestError(where, f"broken CSV record ({exc})")
                continue
            if not any(cell.strip() for cell in record):
                continue
            if len(record) != len(header):
                yield (
                    label,
                    IngestError(where, f"{len(record)} fields; the header has {len(header)}"),
                )
                continue
            try:
                yield (
                    label,
                    row_document(
                        dict(zip(header, record, strict=True)), mapping, where, label, "csv"
                    ),
                )
            except IngestError as exc:
                yield label, exc
