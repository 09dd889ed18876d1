"""The library API: one Observatory object over one store, used by the CLI and the web app."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

from peyvand.ingest.errors import IngestError
from peyvand.ingest.files import expand, read_document
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
    failed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.stored) + len(self.duplicates) + len(self.failed)


ProgressCallback = Callable[[str, str], None]
"""Called after each input with ``(source, outcome)``; outcome is stored/duplicate/failed."""


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
        self, paths: Iterable[Path], progress: ProgressCallback | None = None
    ) -> IngestReport:
        """Store every readable document once; report, never raise, per-input problems."""
        report = IngestReport()
        for path in expand(paths):
            source = str(path)
            outcome = self._ingest_one(path, report)
            if progress is not None:
                progress(source, outcome)
        return report

    def _ingest_one(self, path: Path, report: IngestReport) -> str:
        source = str(path)
        try:
            document = read_document(path)
        except IngestError as exc:
            report.failed.append((source, exc.reason))
            return "failed"
        if self.repository.has_hash(document.hash):
            report.duplicates.append(source)
            return "duplicate"
        try:
            extraction = self.pipeline.extract(document)
        except Exception as exc:  # a bug in one extractor must not stop the batch
            report.failed.append((source, f"extraction failed: {type(exc).__name__}: {exc}"))
            return "failed"
        if self.repository.add(document, extraction) is None:
            report.duplicates.append(source)
            return "duplicate"
        report.stored.append(source)
        return "stored"

    def stats(self) -> Stats:
        return self.repository.stats()
