"""The one entry point of ingestion: files, folders and URLs → a stream of Items.

Each Item is a Document or the error that stopped one, labelled with a source that is the
same on every run (``path``, ``path#row`` for archive rows, or the URL), so re-ingesting a
folder finds what it already holds. Nothing raises out of the iterator: one bad input is
one error Item, and an unexpected exception becomes an error Item naming its type.
Folders and archives are streamed, so memory does not grow with the corpus.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from peyvand.ingest.archives import ColumnMapping, Row, iter_csv, iter_jsonl
from peyvand.ingest.errors import IngestError
from peyvand.ingest.fetch import Fetcher
from peyvand.ingest.files import expand
from peyvand.ingest.limits import MAX_FEED_BYTES, check_size
from peyvand.model import Document

__all__ = ["ColumnMapping", "Fetcher", "Item", "is_url", "iter_items"]


@dataclass(frozen=True, slots=True)
class Item:
    source: str  # path, path#row, or URL: stable across runs
    document: Document | None  # None when error is set
    error: IngestError | None = None


def is_url(value: str | Path) -> bool:
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


def _item(row: Row) -> Item:
    label, result = row
    if isinstance(result, IngestError):
        return Item(label, None, result)
    return Item(label, result)


def _guarded(source: str, rows: Iterator[Item]) -> Iterator[Item]:
    """Pass items through; any exception ends this input with one error Item."""
    try:
        yield from rows
    except IngestError as exc:
        yield Item(source, None, exc)
    except Exception as exc:  # a reader bug must not stop the batch: report and go on
        yield Item(source, None, IngestError(source, f"{type(exc).__name__}: {exc}"))


def _file_items(
    path: Path, mapping: ColumnMapping | None, fetcher: Fetcher | None
) -> Iterator[Item]:
    from peyvand.ingest.readers import file_kind, read_file

    source = str(path)
    if not path.exists():
        raise IngestError(source, "no such file")
    if not path.is_file():
        raise IngestError(source, "not a regular file")
    if path.stat().st_size == 0:
        raise IngestError(source, "empty file")
    kind = file_kind(path)
    if kind == "jsonl":
        yield from map(_item, iter_jsonl(path, mapping))
    elif kind == "csv":
        yield from map(_item, iter_csv(path, mapping))
    elif kind == "feed":
        from peyvand.ingest.feeds import parse_feed

        check_size(source, "feed", path.stat().st_size, MAX_FEED_BYTES)
        yield from map(_item, parse_feed(path.read_bytes(), source, fetcher=fetcher))
    else:
        yield Item(source, read_file(path, kind))


def _url_items(url: str, fetcher: Fetcher | None) -> Iterator[Item]:
    from peyvand.ingest.readers import response_document, response_kind

    if fetcher is None:
        raise IngestError(url, "URLs need fetching enabled (peyvand ingest --fetch)")
    response = fetcher.get(url)
    if response_kind(response) == "feed":
        from peyvand.ingest.feeds import parse_feed

        yield from map(_item, parse_feed(response.body, url, fetcher=fetcher))
    else:
        yield Item(url, response_document(response, source=url))


def iter_items(
    inputs: Iterable[str | Path],
    *,
    mapping: ColumnMapping | None = None,
    fetcher: Fetcher | None = None,
) -> Iterator[Item]:
    """Every document (or error) of the inputs, in order; folders walked, hidden files skipped.

    URLs are fetched only with a ``fetcher``; feeds found among the inputs yield one Item
    per entry, and with a fetcher each entry's linked page is read.
    """
    for value in inputs:
        if is_url(value):
            yield from _guarded(str(value), _url_items(str(value), fetcher))
            continue
        for path in expand([Path(value)]):
            yield from _guarded(str(path), _file_items(path, mapping, fetcher))
