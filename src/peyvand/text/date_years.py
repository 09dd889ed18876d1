"""Which years a date reading accepts, per calendar, and which language an Arabic-script
text is in when none is given (the month names of Persian and Arabic differ)."""

from __future__ import annotations

import regex

from peyvand.text import calendars as cal

SHORT_YEARS = ((50, 99, 1300), (0, 9, 1400))  # two digits after a jalali cue: 1350s–1409
RANGES = {cal.JALALI: (1200, 1499), cal.HIJRI: (1300, 1500), cal.GREGORIAN: (1000, 2199)}
WEAK_RANGE = (1900, 2099)  # a year with no cue must look modern
MODERN = {cal.JALALI: (1300, 1499), cal.HIJRI: (1340, 1500), cal.GREGORIAN: WEAK_RANGE}
NUMERIC_GREGORIAN = (1800, 2199)
_PERSIAN_ONLY = frozenset("پچژگکی")
_ARABIC_SCRIPT = regex.compile(r"\p{Arabic}")


def in_range(calendar: str, year: int, bounds: tuple[int, int] | None = None) -> bool:
    low, high = bounds or RANGES[calendar]
    return low <= year <= high


def short_year(two_digits: int) -> int | None:
    for low, high, base in SHORT_YEARS:
        if low <= two_digits <= high:
            return base + two_digits
    return None


def script_lang(text: str) -> str | None:
    """fa or ar for Arabic-script text (Persian letters decide), else None."""
    if not _ARABIC_SCRIPT.search(text):
        return None
    return "ar" if _PERSIAN_ONLY.isdisjoint(text) else "fa"
