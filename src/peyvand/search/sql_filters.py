"""The filters that compare columns (dates; status in the records table), shared by backends.

Tag-like filters (pair, domain, type, kind, language) are index tokens instead: see
`query.filter_clauses`.
"""

from __future__ import annotations

from typing import Any

from peyvand.search.model import Filters


def filter_sql(
    filters: Filters, alias: str, *, iso_dates: bool = False
) -> tuple[list[str], dict[str, Any]]:
    """SQL conditions on the index row ``alias`` (kind, ref, published) and their values.

    ``iso_dates``: pass dates as text (SQLite stores them so; its driver's date adapter is
    deprecated).
    """
    where: list[str] = []
    params: dict[str, Any] = {}
    if filters.kind == "document":
        where.append(f"{alias}.kind = 'document'")
    elif filters.records_only:
        where.append(f"{alias}.kind = 'record'")
    if filters.since:
        where.append(f"{alias}.published >= :since")
        params["since"] = filters.since.isoformat() if iso_dates else filters.since
    if filters.until:
        where.append(f"{alias}.published <= :until")
        params["until"] = filters.until.isoformat() if iso_dates else filters.until
    if filters.status:
        where.append(
            f"EXISTS (SELECT 1 FROM records AS r WHERE r.id = {alias}.ref "
            f"AND {alias}.kind = 'record' AND r.status = :status)"
        )
        params["status"] = filters.status
    return where, params


def per_document(ranked: str) -> str:
    """The best ``:per_document`` rows of each document from ``ranked`` (columns kind, ref,
    doc, id, score), best first, paged by ``:limit`` and ``:offset``."""
    return (
        "SELECT kind, ref, doc, score FROM (SELECT kind, ref, doc, score, id, ROW_NUMBER() OVER "
        f"(PARTITION BY doc ORDER BY score DESC, id DESC) AS nth FROM ({ranked}) AS ranked) "
        "AS numbered WHERE nth <= :per_document ORDER BY score DESC, id DESC "
        "LIMIT :limit OFFSET :offset"
    )
