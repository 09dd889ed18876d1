"""Filters from the strings a user typed (command line, query string), with clear errors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from peyvand.search.model import Filters


def parse_date(value: str | None, name: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"{name} {value!r} is not a date like 2019-06-19") from exc


def parse_pair(value: str | None, name: str = "pair") -> tuple[str, str] | None:
    if not value:
        return None
    ids = [part.strip().upper() for part in value.split(",") if part.strip()]
    if len(ids) != 2:
        raise ValueError(f"{name} {value!r} is not two actor ids like AZE,IRN")
    return ids[0], ids[1]


def parse_filters(values: Mapping[str, str | None], prefix: str = "") -> Filters:
    """Filters from the options pair, domain, type, kind, since, until, lang and status.

    ``prefix`` names options in errors the way the user wrote them (``--`` on the CLI).
    """
    return Filters(
        pair=parse_pair(values.get("pair"), f"{prefix}pair"),
        domain=values.get("domain") or None,
        type=values.get("type") or None,
        kind=values.get("kind") or None,
        since=parse_date(values.get("since"), f"{prefix}since"),
        until=parse_date(values.get("until"), f"{prefix}until"),
        language=values.get("lang") or None,
        status=values.get("status") or None,
    )
