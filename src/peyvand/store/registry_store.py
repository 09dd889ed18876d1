"""The observatory's own registry entries: stored in the database so a team shares them."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable

from sqlalchemy import Engine, delete, insert, select

from peyvand.registry.actors import ActorEntry, parse_entry
from peyvand.store.schema import registry_actors


class RegistryStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def entries(self) -> list[ActorEntry]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(registry_actors).order_by(registry_actors.c.id)).all()
        return [
            parse_entry(json.loads(row.data), f"observatory registry ({row.source})")
            for row in rows
        ]

    def put(self, entries: Iterable[ActorEntry], source: str) -> int:
        """Insert or replace entries by id, all in one transaction; returns how many."""
        now = dt.datetime.now(dt.UTC)
        items = list(entries)
        with self.engine.begin() as conn:
            for entry in items:
                conn.execute(delete(registry_actors).where(registry_actors.c.id == entry.id))
                conn.execute(
                    insert(registry_actors),
                    {
                        "id": entry.id,
                        "data": json.dumps(entry.as_dict(), ensure_ascii=False),
                        "source": source,
                        "updated_at": now,
                    },
                )
        return len(items)
