"""How alike two records are: a score in [0, 1] with the reasons a reviewer can check.

Reports of one agreement or event in different languages share almost no words, so the
decision rests on what extraction made language-neutral: country ids, event types,
statuses, ISO dates and numbers. Names and subjects are compared only when both are in the
same script; across scripts they neither help nor hurt.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from peyvand.text.normalize import normalize

DATE_WINDOW = 31  # days: two dates closer than this can name the same day, reported loosely

# Parties and type alone (0.5) stay under the default threshold of 0.6: two reports must
# also share a date, a domain or a name before they are proposed as one record.
PARTIES = 0.3
TYPE = 0.2
DATES = 0.3
DETAIL = 0.2
CONTRADICTION = -0.3
MISMATCH = -0.1
NAME_FLOOR = 60  # same-script names less alike than this are different things
SUBJECT_FLOOR = 85


@dataclass(frozen=True, slots=True)
class Side:
    """A record as the matcher sees it."""

    id: int
    kind: str
    data: dict[str, Any]
    document_id: int


def block(side: Side) -> Hashable | None:
    """What two records must share to be compared at all; None: too little to match on."""
    data = side.data
    if side.kind == "agreement":
        parties = frozenset(p for p in data.get("parties") or [] if p)
        return (side.kind, parties) if parties else None
    if side.kind == "event":
        pair = frozenset(p for p in (data.get("source"), data.get("target")) if p)
        return (side.kind, data.get("type"), pair) if pair and data.get("type") else None
    if side.kind == "institution":
        host, sponsor = data.get("host"), data.get("sponsor")
        return (side.kind, host, sponsor) if host or sponsor else None
    if side.kind == "site":
        return (side.kind, data["country"]) if data.get("country") else None
    if side.kind == "claim":
        if not isinstance(data.get("value"), int | float) or not data.get("subject"):
            return None
        return (side.kind, data.get("unit"), float(data["value"]))
    return None


def score(a: Side, b: Side) -> tuple[float, list[str]] | None:
    """The likeness of two records of one block, or None when something rules it out."""
    if a.kind != b.kind or block(a) != block(b) or block(a) is None:
        return None
    scorer = _SCORERS[a.kind]
    found = scorer(a.data, b.data)
    if found is None:
        return None
    points, reasons = found
    return round(min(1.0, max(0.0, points)), 3), reasons


def _agreement(a: dict[str, Any], b: dict[str, Any]) -> tuple[float, list[str]] | None:
    if a.get("count") is not None and b.get("count") is not None and a["count"] != b["count"]:
        return None  # one memorandum is not thirty agreements; differing totals are claims
    points, reasons = PARTIES, [f"same parties {_parties(a.get('parties'))}"]
    if a.get("status") and a.get("status") == b.get("status"):
        points += TYPE
        reasons.append(f"same status {a['status']}")
    elif a.get("status") and b.get("status"):
        reasons.append(f"status {a['status']} vs {b['status']}")
    more, why = _dates(a.get("date"), b.get("date"))
    points += more
    reasons.append(why)
    left, right = set(a.get("domains") or []), set(b.get("domains") or [])
    if left and right:
        shared = left & right
        if shared:
            points += DETAIL * len(shared) / len(left | right)
            reasons.append("shared domains " + ", ".join(sorted(shared)))
        else:
            points += MISMATCH
            reasons.append(f"domains {', '.join(sorted(left))} vs {', '.join(sorted(right))}")
    return points, reasons


def _event(a: dict[str, Any], b: dict[str, Any]) -> tuple[float, list[str]]:
    pair = _parties([a.get("source"), a.get("target")])
    points, reasons = PARTIES + TYPE, [f"same parties {pair}", f"same type {a['type']}"]
    more, why = _dates(a.get("date"), b.get("date"))
    points += more
    reasons.append(why)
    if a.get("domain") and b.get("domain"):
        if a["domain"] == b["domain"]:
            points += DETAIL
            reasons.append(f"same domain {a['domain']}")
        else:
            points += MISMATCH
            reasons.append(f"domain {a['domain']} vs {b['domain']}")
    return points, reasons


def _institution(a: dict[str, Any], b: dict[str, Any]) -> tuple[float, list[str]] | None:
    who = "host " + (a.get("host") or "?") + ", sponsor " + (a.get("sponsor") or "?")
    return _named(a, b, f"same {who}")


def _site(a: dict[str, Any], b: dict[str, Any]) -> tuple[float, list[str]] | None:
    return _named(a, b, f"same country {a['country']}")


def _named(a: dict[str, Any], b: dict[str, Any], party: str) -> tuple[float, list[str]] | None:
    """Institutions and sites: a name is what they are, so it must not contradict."""
    points, reasons = PARTIES, [party]
    likeness = _names(a.get("name"), b.get("name"))
    if likeness is None:
        reasons.append("names in different scripts, not compared")
        status_weight = 0.1
    elif likeness < NAME_FLOOR:
        return None
    else:
        points += (DATES + DETAIL) * likeness / 100
        reasons.append(f"names {likeness:.0f}% alike")
        status_weight = TYPE
    if a.get("status") and a.get("status") == b.get("status"):
        points += status_weight
        reasons.append(f"same status {a['status']}")
    return points, reasons


def _claim(a: dict[str, Any], b: dict[str, Any]) -> tuple[float, list[str]] | None:
    """Claims: the same number about the same subject. A different number is no duplicate
    but a disagreement, which the claims analysis must keep visible."""
    likeness = _names(a.get("subject"), b.get("subject"))
    if likeness is not None and likeness < SUBJECT_FLOOR:
        return None
    value = f"{a['value']:g} {a.get('unit') or ''}".strip()
    points = PARTIES * (1.0 if likeness is None else likeness / 100) + TYPE
    reasons = [
        f"same subject {a['subject']}" if likeness == 100 else f"subjects alike: {a['subject']}",
        f"same value {value}",
    ]
    if a.get("qualifier") == b.get("qualifier"):
        points += DETAIL
        if a.get("qualifier"):
            reasons.append(f"same qualifier {a['qualifier']}")
    else:
        reasons.append(f"qualifier {a.get('qualifier')} vs {b.get('qualifier')}")
    if a.get("claimant") and b.get("claimant"):
        alike = _names(a["claimant"], b["claimant"])
        if alike is not None and alike < NAME_FLOOR:
            points += CONTRADICTION
            reasons.append("different claimants")
    return points, reasons


_SCORERS = {
    "agreement": _agreement,
    "event": _event,
    "institution": _institution,
    "site": _site,
    "claim": _claim,
}


def _dates(a: str | None, b: str | None) -> tuple[float, str]:
    if not a and not b:
        return DATES / 6, "no date in either report"
    if not a or not b:
        return 0.0, f"date only in one report ({a or b})"
    left, right = _range(a), _range(b)
    if left is None or right is None:
        return 0.0, f"dates {a} and {b} not comparable"
    gap = max(0, (max(left[0], right[0]) - min(left[1], right[1])).days)
    if gap > DATE_WINDOW:
        return CONTRADICTION, f"dates {gap} days apart ({a} vs {b})"
    if gap == 0:
        return DATES, f"same date {a}" if a == b else f"dates agree ({a} / {b})"
    return DATES * (1 - gap / (2 * DATE_WINDOW)), f"dates {gap} days apart"


def _range(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day an ISO date, month or year can mean."""
    parts = value.split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        month = int(parts[1])
        if len(parts) == 2:
            last = (dt.date(year + month // 12, month % 12 + 1, 1)) - dt.timedelta(days=1)
            return dt.date(year, month, 1), last
        day = dt.date(year, month, int(parts[2]))
        return day, day
    except (ValueError, IndexError):
        return None


def _parties(ids: Any) -> str:
    return "–".join(sorted({p for p in ids or [] if p}))


def normalized(text: str) -> str:
    """The matching view (`peyvand.text.normalize`: case, letter forms, dashes, ZWNJ folded)
    with punctuation as spaces."""
    return " ".join(_PUNCTUATION.sub(" ", normalize(text).text).split())


_PUNCTUATION = re.compile(r"[^\w\s-]")


def _names(a: str | None, b: str | None) -> float | None:
    """rapidfuzz likeness (0-100) of two names in one script; None across scripts."""
    if not a or not b:
        return None
    left, right = normalized(a), normalized(b)
    if script(left) != script(right):
        return None
    return float(fuzz.token_sort_ratio(left, right))


def script(text: str) -> str:
    """The script most letters of `text` are written in: arabic, cyrillic, latin or other."""
    counts = {"arabic": 0, "cyrillic": 0, "latin": 0, "other": 0}
    for ch in text:
        if not ch.isalpha():
            continue
        name = unicodedata.name(ch, "")
        key = name.split(" ")[0].lower()
        counts[key if key in counts else "other"] += 1
    return max(counts, key=lambda k: counts[k])
