"""The library API: one Observatory object over one store, used by the CLI and the web app."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

from peyvand.ingest.archives import ColumnMapping
from peyvand.ingest.fetch import Fetcher
from peyvand.ingest.neardup import DEFAULT_THRESHOLD, best_match, fingerprint
from peyvand.ingest.sources import Item, iter_items
from peyvand.model import Document, Extraction
from peyvand.pipeline import Pipeline
from peyvand.registry.actors import ActorEntry
from peyvand.registry.registry import Registry
from peyvand.store import database
from peyvand.store.registry_store import RegistryStore
from peyvand.store.repository import Repository, Stats

DB_FILENAME = "peyvand.sqlite"
URL_ENV = "PEYVAND_DATABASE_URL"


@dataclass(slots=True)
class IngestReport:
    stored: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    near_duplicates: list[tuple[str, int, float]] = field(default_factory=list)
    """``(source, id of the stored original, similarity)`` for each republished copy."""
    failed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        counted = self.stored, self.duplicates, self.near_duplicates, self.failed
        return sum(len(part) for part in counted)


ProgressCallback = Callable[[str, str], None]
"""Called after each document with ``(source, outcome)``.

The outcome is one of stored, duplicate, near-duplicate or failed.
"""


class Observatory:
    """An observatory: a store (SQLite file or PostgreSQL URL) plus the extraction pipeline."""

    def __init__(self, engine: Engine, pipeline: Pipeline | None = None) -> None:
        self.engine = engine
        self.repository = Repository(engine)
        self._pipeline = pipeline

    @classmethod
    def open(cls, location: str | Path | None = None, *, create: bool = True) -> Observatory:
        """Open by folder (SQLite inside it) or database URL; migrate the schema to head.

        With no location: ``$PEYVAND_DATABASE_URL`` if set, else the folder ``./observatory``.
        """
        if location is None:
            location = os.environ.get(URL_ENV) or Path("observatory")
        url = str(location)
        if "://" not in url:
            folder = Path(location)
            if not folder.exists():
                if not create:
                    raise FileNotFoundError(f"no observatory at {folder}")
                folder.mkdir(parents=True)
            elif not folder.is_dir():
                raise NotADirectoryError(f"{folder} is not a folder")
            url = database.sqlite_url(folder / DB_FILENAME)
        engine = database.create(url)
        database.migrate(engine)
        return cls(engine)

    @property
    def pipeline(self) -> Pipeline:
        """The extraction pipeline, with this observatory's own registry entries."""
        if self._pipeline is None:
            self._pipeline = Pipeline(user_actors=self.registry_store.entries())
        return self._pipeline

    @property
    def registry_store(self) -> RegistryStore:
        return RegistryStore(self.engine)

    def add_actors(self, entries: Iterable[ActorEntry], source: str) -> int:
        """Add or replace registry entries; later extractions link their names."""
        count = self.registry_store.put(entries, source)
        self._pipeline = None  # rebuilt with the new names on next use
        return count

    def registry(self) -> Registry:
        return self.pipeline.registry

    def close(self) -> None:
        self.engine.dispose()

    def extract(self, document: Document) -> Extraction:
        return self.pipeline.extract(document)

    def ingest(
        self,
        inputs: Iterable[str | Path],
        progress: ProgressCallback | None = None,
        *,
        mapping: ColumnMapping | None = None,
        fetcher: Fetcher | None = None,
        near_duplicate_threshold: float = DEFAULT_THRESHOLD,
    ) -> IngestReport:
        """Store every readable document exactly once; report, never raise, per-input problems.

        Each document is stored in its own transaction (text, mentions, records and bands
        together), so an ingest killed at any point leaves whole documents only, and running
        it again skips what is stored (by content hash) and finishes the rest.
        """
        report = IngestReport()
        for item in iter_items(inputs, mapping=mapping, fetcher=fetcher):
            outcome = self._ingest_item(item, report, near_duplicate_threshold)
            if progress is not None:
                progress(item.source, outcome)
        return report

    def _ingest_item(self, item: Item, report: IngestReport, threshold: float) -> str:
        source = item.source
        document = item.document
        if item.error is not None or document is None:
            reason = item.error.reason if item.error is not None else "no document was read"
            report.failed.append((source, reason))
            return "failed"
        if self.repository.has_hash(document.hash):
            report.duplicates.append(source)
            return "duplicate"
        prints = fingerprint(document.text)
        if prints.usable:
            candidates = self.repository.near_duplicate_candidates(prints.bands)
            near = best_match(prints, candidates, threshold)
            if near is not None:
                if self.repository.add_copy(document, near.document_id, near.similarity) is None:
                    report.duplicates.append(source)
                    return "duplicate"
                report.near_duplicates.append((source, near.document_id, near.similarity))
                return "near-duplicate"
        try:
            extraction = self.pipeline.extract(document)
        except Exception as exc:  # a bug in one extractor must not stop the batch
            report.failed.append((source, f"extraction failed: {type(exc).__name__}: {exc}"))
            return "failed"
        if self.repository.add(document, extraction, prints) is None:
            report.duplicates.append(source)
            return "duplicate"
        report.stored.append(source)
        return "stored"

    def stats(self) -> Stats:
        return self.repository.stats()
