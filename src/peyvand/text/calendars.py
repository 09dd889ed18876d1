"""Calendar conversion and the rules that turn a partial date into one Gregorian value.

Conversions are delegated: Solar Hijri (jalali) to persiantools, Lunar Hijri to hijridate
(Umm al-Qura; it only covers 1343–1500 AH, and Iran's official lunar dates may differ from it
by a day). No calendar arithmetic is written here, and convertdate is not used (its
arithmetic Islamic calendar disagrees with Umm al-Qura on most days, and it is slow).

Every function raises ``ValueError`` for a date that does not exist (30 Esfand in a common
year, 30 February, month 13) or cannot be converted; callers then emit nothing.

Rules for values coarser than a day, chosen so that the value is the Gregorian period that
overlaps the native one the most and can be computed without guessing:

- a jalali or hijri **month** → the Gregorian month that contains its 15th day;
- a jalali **year** Y → Gregorian year Y + 621, the year of its Nowruz (1 Farvardin);
- a hijri **year** Y → the Gregorian year that contains 1 Muharram Y;
- a jalali **decade** 13N0–13N9 → the Gregorian decade that contains 13N0 + 621
  (1390s → 2011 → "201x"); the overlap is nine of ten years.
"""

from __future__ import annotations

import datetime
from functools import lru_cache

from hijridate import Gregorian, Hijri
from persiantools.jdatetime import JalaliDate

YMD = tuple[int, int, int]

JALALI = "jalali"
HIJRI = "hijri"
GREGORIAN = "gregorian"

_JALALI_OFFSET = 621  # Nowruz of jalali year Y falls in Gregorian year Y + 621.


def jalali_to_gregorian(year: int, month: int, day: int) -> datetime.date:
    """The Gregorian date of a Solar Hijri date; ``ValueError`` if it does not exist."""
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1 <= year <= 3000):
        raise ValueError(f"no jalali date {year}-{month}-{day}")
    jalali = JalaliDate(year, month, day)  # type: ignore[no-untyped-call, unused-ignore]
    gregorian: datetime.date = jalali.to_gregorian()
    return gregorian


def gregorian_to_jalali(date: datetime.date) -> YMD:
    jalali = JalaliDate.to_jalali(date)  # type: ignore[no-untyped-call, unused-ignore]
    return int(jalali.year), int(jalali.month), int(jalali.day)


HIJRI_FIRST_RELIABLE_YEAR = 1344


def bare_year_calendar(value: float, lang: str | None) -> str | None:
    """The calendar a four-digit number written alone is a year of, or None.

    1900–2099 is a Gregorian year in any language; 1300–1499 a Solar Hijri one, but only in
    Persian text, where it is the usual way of writing a year.
    """
    if not float(value).is_integer():
        return None
    if 1900 <= value <= 2099:
        return GREGORIAN
    if 1300 <= value <= 1499 and lang == "fa":
        return JALALI
    return None


def hijri_to_gregorian(year: int, month: int, day: int) -> datetime.date:
    """The Gregorian date of an Umm al-Qura date; ``ValueError`` if invalid or out of range.

    hijridate's table starts inside 1343 AH and gives that year months of 28 days, so 1343 is
    refused like the years outside the table: no value is better than a wrong one.
    """
    if year < HIJRI_FIRST_RELIABLE_YEAR:
        raise ValueError(f"{year} AH is before the reliable Umm al-Qura range")
    try:
        result = Hijri(year, month, day).to_gregorian()
    except OverflowError as exc:  # outside 1343–1500 AH: not convertible, not guessed
        raise ValueError(str(exc)) from exc
    return datetime.date(result.year, result.month, result.day)


def gregorian_to_hijri(date: datetime.date) -> YMD:
    try:
        result = Gregorian(date.year, date.month, date.day).to_hijri()
    except OverflowError as exc:
        raise ValueError(str(exc)) from exc
    return int(result.year), int(result.month), int(result.day)


def to_gregorian(calendar: str, year: int, month: int, day: int) -> datetime.date:
    if calendar == JALALI:
        return jalali_to_gregorian(year, month, day)
    if calendar == HIJRI:
        return hijri_to_gregorian(year, month, day)
    return datetime.date(year, month, day)


def from_gregorian(calendar: str, date: datetime.date) -> YMD:
    if calendar == JALALI:
        return gregorian_to_jalali(date)
    if calendar == HIJRI:
        return gregorian_to_hijri(date)
    return date.year, date.month, date.day


# The value functions are pure and news repeats its dates: conversions are remembered (a
# date that does not exist raises each time, as exceptions are not cached).
@lru_cache(maxsize=4096)
def day_value(calendar: str, year: int, month: int, day: int) -> str:
    return to_gregorian(calendar, year, month, day).isoformat()


@lru_cache(maxsize=4096)
def month_value(calendar: str, year: int, month: int) -> str:
    """ISO ``yyyy-mm`` of the Gregorian month containing the 15th of this month."""
    if not 1 <= month <= 12:
        raise ValueError(f"no month {month}")
    middle = to_gregorian(calendar, year, month, 15)
    return f"{middle.year:04d}-{middle.month:02d}"


@lru_cache(maxsize=4096)
def year_value(calendar: str, year: int) -> str:
    if calendar == JALALI:
        if not 1 <= year <= 3000:
            raise ValueError(f"jalali year {year} out of range")
        return f"{year + _JALALI_OFFSET:04d}"
    if calendar == HIJRI:
        return f"{hijri_to_gregorian(year, 1, 1).year:04d}"
    if not 1 <= year <= 9999:
        raise ValueError(f"year {year} out of range")
    return f"{year:04d}"


def decade_value(calendar: str, first_year: int) -> str:
    """``"199x"`` for the decade starting at ``first_year`` (a multiple of ten)."""
    if first_year % 10:
        raise ValueError(f"{first_year} does not start a decade")
    if calendar == JALALI:
        first_year += _JALALI_OFFSET
    elif calendar != GREGORIAN:
        raise ValueError(f"no decade rule for {calendar}")
    return f"{first_year // 10:03d}x"


def native_text(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    """Month arithmetic, the same in every calendar here (all have twelve months)."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def nearest_year(calendar: str, month: int, day: int, published: datetime.date) -> int | None:
    """The year in which ``day``/``month`` falls nearest to ``published`` (a date without a
    year in a dated document: the nearest occurrence, past or coming); ``None`` if none is valid.
    """
    year = from_gregorian(calendar, published)[0]
    best: tuple[int, int] | None = None
    for candidate in (year - 1, year, year + 1):
        try:
            distance = abs((to_gregorian(calendar, candidate, month, day) - published).days)
        except ValueError:
            continue
        if best is None or distance < best[0]:
            best = (distance, candidate)
    return None if best is None else best[1]
