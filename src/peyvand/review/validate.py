"""Check a reviewer's edit against the record kind's shape and the closed vocabularies.

A reviewer may fix what the extractor got wrong, but not the evidence (that belongs to the
text) and not into something the rest of the system cannot read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from peyvand.vocab import AgreementStatus, Domain, EventType, RecordKind

FIELDS: dict[str, tuple[str, ...]] = {
    RecordKind.AGREEMENT: (
        "parties",
        "domains",
        "count",
        "approx",
        "status",
        "date",
        "confidence",
        "evidence",
    ),
    RecordKind.EVENT: (
        "type",
        "plover",
        "polarity",
        "source",
        "target",
        "domain",
        "date",
        "confidence",
        "evidence",
    ),
    RecordKind.CLAIM: (
        "subject",
        "value",
        "unit",
        "qualifier",
        "claimant",
        "confidence",
        "evidence",
    ),
    RecordKind.INSTITUTION: ("name", "host", "sponsor", "status", "confidence", "evidence"),
    RecordKind.SITE: ("name", "country", "status", "confidence", "evidence"),
}
"""The fields of each record kind, as in the extraction contract of DESIGN.md."""

_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def edited(kind: str, current: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """The record after applying `changes` (all or some fields) to `current`, checked.

    Raises ValueError with a message a reviewer can act on.
    """
    if not isinstance(changes, dict):
        raise ValueError(f"an edit must be a dict of fields, not {type(changes).__name__}")
    fields = FIELDS.get(kind)
    if fields is None:
        raise ValueError(f"unknown record kind {kind!r}")
    unknown = sorted(set(changes) - set(fields))
    if unknown:
        raise ValueError(
            f"a {kind} has no field {', '.join(map(repr, unknown))}; "
            f"its fields are {', '.join(fields)}"
        )
    if "evidence" in changes and list(changes["evidence"] or []) != list(current["evidence"]):
        raise ValueError(
            "the evidence span cannot be edited: it is the text's, not the reviewer's "
            f"(it stays {list(current['evidence'])})"
        )
    record = {**current, **changes, "evidence": current["evidence"]}
    if kind == RecordKind.EVENT:
        _derive_event_kind(record, changes)
    for name in fields:
        check = _CHECKS.get((kind, name)) or _CHECKS.get(("*", name))
        if check is not None and name in record:
            check(name, record[name])
    return record


def _derive_event_kind(record: dict[str, Any], changes: dict[str, Any]) -> None:
    """An event's PLOVER category and polarity follow from its type; keep them in step."""
    _one_of("type", record.get("type"), EventType, nullable=False)
    kind = EventType(record["type"]).kind
    for name, value in (("plover", kind.plover.value), ("polarity", kind.polarity)):
        if name in changes and changes[name] != value:
            raise ValueError(
                f"{name} of a {record['type']} event is {value!r}, not {changes[name]!r} "
                "(it follows from the type)"
            )
        record[name] = value


def _one_of(name: str, value: Any, vocab: type[Any], *, nullable: bool = True) -> None:
    if value is None and nullable:
        return
    allowed = [member.value for member in vocab]
    if value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(allowed)}; got {value!r}")


def _status(name: str, value: Any) -> None:
    _one_of(name, value, AgreementStatus, nullable=False)


def _domain(name: str, value: Any) -> None:
    _one_of(name, value, Domain)


def _domains(name: str, value: Any) -> None:
    if not isinstance(value, list):
        raise ValueError(f"{name} must be a list of domains; got {value!r}")
    for item in value:
        _one_of(name, item, Domain, nullable=False)


def _count(name: str, value: Any) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{name} must be a non-negative whole number or null; got {value!r}")


def _number(name: str, value: Any) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name} must be a number or null; got {value!r}")


def _confidence(name: str, value: Any) -> None:
    _number(name, value)
    if value is not None and not 0 <= value <= 1:
        raise ValueError(f"{name} must be between 0 and 1; got {value!r}")


def _flag(name: str, value: Any) -> None:
    if not isinstance(value, bool):
        raise ValueError(f"{name} must be true or false; got {value!r}")


def _text(name: str, value: Any) -> None:
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{name} must be text or null; got {value!r}")


def _name(name: str, value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{name} must be non-empty text; got {value!r}")


def _codes(name: str, value: Any) -> None:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ValueError(f"{name} must be a list of actor ids (e.g. IRN); got {value!r}")


def _date(name: str, value: Any) -> None:
    if value is not None and (not isinstance(value, str) or not _DATE.match(value)):
        raise ValueError(f"{name} must be yyyy, yyyy-mm, yyyy-mm-dd or null; got {value!r}")


_Check = Callable[[str, Any], None]

_CHECKS: dict[tuple[str, str], _Check] = {
    ("*", "confidence"): _confidence,
    ("*", "date"): _date,
    (RecordKind.AGREEMENT, "parties"): _codes,
    (RecordKind.AGREEMENT, "domains"): _domains,
    (RecordKind.AGREEMENT, "count"): _count,
    (RecordKind.AGREEMENT, "approx"): _flag,
    (RecordKind.AGREEMENT, "status"): _status,
    (RecordKind.EVENT, "source"): _text,
    (RecordKind.EVENT, "target"): _text,
    (RecordKind.EVENT, "domain"): _domain,
    (RecordKind.CLAIM, "subject"): _name,
    (RecordKind.CLAIM, "value"): _number,
    (RecordKind.CLAIM, "unit"): _text,
    (RecordKind.CLAIM, "qualifier"): _text,
    (RecordKind.CLAIM, "claimant"): _text,
    (RecordKind.INSTITUTION, "name"): _name,
    (RecordKind.INSTITUTION, "host"): _text,
    (RecordKind.INSTITUTION, "sponsor"): _text,
    (RecordKind.INSTITUTION, "status"): _text,
    (RecordKind.SITE, "name"): _name,
    (RecordKind.SITE, "country"): _text,
    (RecordKind.SITE, "status"): _text,
}
