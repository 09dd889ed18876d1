"""Publication dates from metadata strings and bylines, Solar Hijri included.

Metadata parsers (trafilatura, feed readers) know ISO and RFC 822 dates but not «۱۵ خرداد
۱۴۰۲» or ``1402/03/15``: those go through our own date finder. Only a full day is a
publication date; a month or a year alone is not guessed into one.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Iterable
from functools import cache

from peyvand.lang import LanguageData
from peyvand.text.calendars import jalali_to_gregorian
from peyvand.text.dates import DateFinder
from peyvand.text.lang import LanguageIdentifier
from peyvand.text.normalize import normalize

_NUMERIC = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[\sT_])")


@cache
def _language_data() -> LanguageData:
    return LanguageData()


@cache
def date_finder() -> DateFinder:
    """One finder per process: its patterns are built on first use and then reused."""
    return DateFinder(_language_data())


def script_language(text: str) -> str | None:
    """The language a byline or page is written in, so its dates are read in its calendar
    («۱۴۰۲/۰۳/۱۵» is Solar Hijri in Persian text); the pipeline's identifier decides."""
    return _identifier().detect(text) if text.strip() else None


@cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier(_language_data())


def _numeric(value: str) -> dt.date | None:
    match = _NUMERIC.match(value)
    if match is None:
        return None
    year, month, day = (int(g) for g in match.groups())
    try:
        if 1300 <= year <= 1499:
            return jalali_to_gregorian(year, month, day)
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_date(value: str, lang: str | None = None) -> dt.date | None:
    """A day from a metadata value: ISO, RFC 822, ``1402/03/15`` (jalali) or words.

    Returns None when the value names no full day; never raises on odd input.
    """
    text = normalize(value, casefold=False).text.strip()  # Persian and Arabic digits to ASCII
    if not text:
        return None
    numeric = _numeric(text)
    if numeric is not None:
        return numeric
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    return find_day(value, lang)


def find_day(text: str, lang: str | None = None) -> dt.date | None:
    """The first full, absolute day the date finder reads in ``text``."""
    language = lang if lang else script_language(text)
    for mention in date_finder().find(text, language):
        if mention.precision == "day" and not mention.relative:
            try:
                return dt.date.fromisoformat(mention.value)
            except ValueError:
                continue
    return None


def first_day(texts: Iterable[str], lang: str | None = None) -> dt.date | None:
    """The first day found in a sequence of candidate texts (title, byline, lead lines)."""
    for text in texts:
        if text and text.strip():
            found = find_day(text[:500], lang)
            if found is not None:
                return found
    return None
