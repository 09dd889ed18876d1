"""The filters that read the relational tables (dates, language, status), shared by backends.

Tag-like filters (pair, domain, type, kind) are index tokens instead: see `query.filter_clauses`.
"""

from __future__ import annotations

from typing import Any

from peyvand.search.model import Filters


def filter_sql(
    filters: Filters, alias: str, *, iso_dates: bool = False
) -> tuple[list[str], dict[str, Any]]:
    """SQL conditions on the index row ``alias`` (columns kind, ref, doc) and their values.

    ``iso_dates``: pass dates as text (SQLite stores them so; its driver's date adapter is
    deprecated).
    """
    where: list[str] = []
    params: dict[str, Any] = {}
    if filters.kind == "document":
        where.append(f"{alias}.kind = 'document'")
    elif filters.records_only:
        where.append(f"{alias}.kind = 'record'")
    document: list[str] = []
    if filters.language:
        document.append("d.language = :language")
        params["language"] = filters.language
    if filters.since:
        document.append("d.published >= :since")
        params["since"] = filters.since.isoformat() if iso_dates else filters.since
    if filters.until:
        document.append("d.published <= :until")
        params["until"] = filters.until.isoformat() if iso_dates else filters.until
    if document:
        where.append(
            f"EXISTS (SELECT 1 FROM documents AS d WHERE d.id = {alias}.doc AND "
            + " AND ".join(document)
            + ")"
        )
    if filters.status:
        where.append(
            f"EXISTS (SELECT 1 FROM records AS r WHERE r.id = {alias}.ref "
            f"AND {alias}.kind = 'record' AND r.status = :status)"
        )
        params["status"] = filters.status
    return where, params
