"""Dates in Persian, English, Azerbaijani, Turkish, Russian and Arabic text.

Every mention carries the exact span it was read from and one ISO Gregorian value; the
rules for months, years and decades of other calendars are documented in :mod:`.calendars`.
Month names, cue words, era markers, ordinals and relative expressions come from the
language data files ``months.tsv`` and ``date_words.tsv``; :mod:`.date_grammar` turns them
into patterns, and this module decides what each match means.

Decisions that are not obvious:

- A bare number is never a year. 1900–2099 is a Gregorian year after a weak cue ("in",
  «في»), 1000–2199 after a strong one («سال», "year", «году», «yılında», «-cu il», an era
  marker). After a cue, 1300–1499 is a jalali year in Persian, and ambiguous (so skipped) in
  Arabic unless an era marker («هـ», «م») says which calendar it is.
- Numeric dates (1398/03/29, 19.06.2019) with a year 1300–1499 are jalali in Persian and
  hijri in Arabic; in English, 06/19/2019 is read month-first only when the day-first reading
  is impossible, and 03/04/2019 (either way possible) is skipped.
- Two-digit years are read only after a jalali month or «سال», and only as 50–99 → 1350–1399
  or 00–09 (written with the zero) → 1400–1409 (``date_years.SHORT_YEARS``): «سال ۱۰», «تیر ۱۰ متری»
  and «۵ مهر ۲۰ نفر» are counts more often than years. A year after a cue is also dropped
  when a counted noun follows it (``count_after`` in the data: «سال ۵۰ هزار نفر»).
- «دهه ۹۰» / «دهه هفتاد» is a jalali decade (the 1390s, 1370s), as Iranian writers mean
  it; «دهه ۹۰ میلادی», «دهه ۱۹۹۰», "1990s", «90-е годы» are Gregorian. Centuries are
  Gregorian; a century marked Hijri or Solar Hijri is skipped.
- Relative expressions, and a day and month without a year, need the publication date;
  without it nothing is emitted. Persian relative years and months count jalali years and
  months («سال گذشته» in January 2020 is 1397); a day and month without a year is put in
  the year nearest to the publication date; a month with a relative word is that month in
  the relative year («اسفند سال گذشته», "June last year") or its last or next occurrence
  («مهر ماه گذشته»). Month names that are also ordinary words (flagged in the data: «می»,
  "may", «میزان») always need a written year, and then one from 1900–2099 (or 1300–1499
  for a jalali month), with no counted noun after it («می ۱۴۰۰ میلیارد»).
- Numbers: a day is 1–31, a four-digit number after a date separator, a decimal point or a
  digit is never a year (1.2019, 1398٫5), and a run of digits is never split.
- A date naming a day that does not exist (31 Esfand 1401, 30 February) is emitted as
  nothing, and also hides any shorter date read inside it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

import regex  # type: ignore[import-untyped, unused-ignore]

from peyvand.lang import SUPPORTED_LANGUAGES, LanguageData
from peyvand.text import calendars as cal
from peyvand.text.date_grammar import KINDS, RANK, Grammar, canonical
from peyvand.text.date_groups import Groups
from peyvand.text.date_spellings import roman_value
from peyvand.text.date_years import (
    MODERN,
    NUMERIC_GREGORIAN,
    WEAK_RANGE,
    in_range,
    script_lang,
    short_year,
)
from peyvand.text.views import normalized

_PREVIOUS_WORD = regex.compile(r"(\S+) ?$")
_NEXT_WORD = regex.compile(r" ?(\p{L}+)")


@dataclass(frozen=True, slots=True)
class DateMention:
    value: str  # ISO Gregorian: "yyyy-mm-dd", "yyyy-mm", "yyyy"; decade "201x", century "18xx"
    calendar: str  # "gregorian" | "jalali" | "hijri" (the calendar the TEXT used)
    precision: str  # "day" | "month" | "year" | "decade" | "century"
    native: str | None  # the value in the text's calendar, e.g. "1398-03-29"; None if gregorian
    relative: bool  # True when resolved from the document date ("last year")
    text: str  # == original[start:end]
    start: int
    end: int


@dataclass(slots=True)  # not frozen: it is built for every reading, and frozen is slower
class _Found:
    """A date read on the normalized view."""

    start: int
    end: int
    value: str
    calendar: str
    precision: str
    native: str | None
    relative: bool = False


class _Invalid:
    """A reader's verdict: the text names a date that does not exist."""


_INVALID = _Invalid()
_Result = _Found | _Invalid | None


@dataclass(frozen=True, slots=True)
class _Context:
    grammar: Grammar
    view: str
    lang: str | None  # the language whose conventions settle an ambiguous year
    published: datetime.date | None

    def setting(self, name: str) -> str | None:
        return self.grammar.setting(self.lang, name)

    def word(self, kind: str, m: Groups, group: str) -> str:
        """The argument of the data row that the group matched ("" if none)."""
        return self.grammar.flags(kind, m.key(group))


def _counted(m: Groups, ctx: _Context) -> bool:
    """Whether the number just matched counts something («۵۰ هزار», "2000 cases")."""
    following = _NEXT_WORD.match(ctx.view, m.end())
    return following is not None and (
        canonical(following.group(1)) in ctx.grammar.words["count_after"]
    )


def _dated(
    span: tuple[int, int], calendar: str, ymd: tuple[int, int, int | None], relative: bool
) -> _Result:
    """A mention of a day, or of a month in a known year."""
    year, month, day = ymd
    try:
        if day is None:
            value, precision = cal.month_value(calendar, year, month), "month"
        else:
            value, precision = cal.day_value(calendar, year, month, day), "day"
    except ValueError:
        return _INVALID
    native = cal.native_text(year, month, day) if calendar != cal.GREGORIAN else None
    return _Found(span[0], span[1], value, calendar, precision, native, relative)


def _numeric(m: Groups, ctx: _Context) -> _Result:
    year, month, day = m.number("y"), m.number("mo"), m.number("d")
    era = ctx.word("era", m, "era")
    if era:
        calendar = era
    elif in_range(cal.GREGORIAN, year, NUMERIC_GREGORIAN):
        calendar = cal.GREGORIAN
    else:
        calendar = ctx.setting("numeric_calendar") or ""
    if not calendar or not in_range(calendar, year):
        return None
    if m.start("d") < m.start("y") and m["sep"] == "/" and ctx.lang == "en":
        if month > 12 >= day:
            month, day = day, month
        elif day <= 12 and month <= 12 and month != day:
            return None  # 03/04/2019: day-first and month-first are both possible
    if not 1 <= month <= 12:
        return None
    return _dated((m.start(), m.end()), calendar, (year, month, day), False)


def _named(m: Groups, ctx: _Context) -> _Result:
    grammar = ctx.grammar
    month = grammar.months[m.key("m") or ""]
    second = m.key("m2")
    if second is not None and grammar.months[second].number != month.number:
        return None
    calendar = month.calendar
    era = ctx.word("era", m, "era")
    if era and era != calendar:
        return None
    day: int | None = None
    if m["d"] is not None:
        day = m.number("d")
    elif m["dw"] is not None:
        day = int(ctx.word("ordinal", m, "dw"))
    if day is not None and not 1 <= day <= 31:
        return _INVALID
    if m["rel"] is not None:
        return _month_relative(m, ctx, month.number, calendar)
    year: int | None = None
    if m["y"] is not None:
        year = m.number("y")
        if len(m["y"] or "") == 2:
            counted = _counted(m, ctx)
            year = short_year(year) if calendar == cal.JALALI and not counted else None
        elif not in_range(calendar, year) or (
            month.flag and (not in_range(calendar, year, MODERN[calendar]) or _counted(m, ctx))
        ):
            year = None  # «می ۱۴۰۰ میلیارد»: a verb prefix before a number, not May 1400
        if year is None and m.start("y") < m.start("m"):
            return None
    if (month.flag == "ambiguous" and year is None) or (
        month.flag == "strict" and (year is None or day is None)
    ):
        return None
    end = m.end() if year is not None else m.end("me")
    if year is not None:
        return _dated((m.start(), end), calendar, (year, month.number, day), False)
    if day is None or ctx.published is None:
        return None
    year = cal.nearest_year(calendar, month.number, day, ctx.published)
    if year is None:
        return _INVALID
    return _dated((m.start(), end), calendar, (year, month.number, day), True)


def _month_relative(m: Groups, ctx: _Context, month: int, calendar: str) -> _Result:
    """«اسفند سال گذشته», «خرداد امسال», «مهر ماه گذشته» (the last Mehr), "June last year"."""
    unit, offset, _ = ctx.grammar.relative[m.key("rel") or ""]
    if ctx.published is None or ctx.grammar.months[m.key("m") or ""].flag:
        return None  # «می سال گذشته»: an ambiguous month name needs a written year
    year, current, _ = cal.from_gregorian(calendar, ctx.published)
    if unit == "year":
        year += offset
    elif (offset < 0 and month >= current) or (offset > 0 and month <= current):
        year += offset  # the named month's last (or next) occurrence is in another year
    return _dated((m.start(), m.end()), calendar, (year, month, None), True)


def _year(m: Groups, ctx: _Context) -> _Result:
    year, digits = m.number("y"), len(m["y"] or "")
    cue = ctx.word("year_before", m, "yb")
    era = ctx.word("era", m, "era")
    strong = bool((m["yb"] is not None and "weak" not in cue) or m["ya"] is not None or era)
    if not (strong or m["yb"] is not None or ctx.word("year_suffix", m, "ys") == "cue"):
        return None  # «2019-cu» without «il»: the suffix alone is no cue
    if m["yb"] is not None and m["ya"] is None and not era and _counted(m, ctx):
        return None  # «در سال ۵۰ هزار نفر»: per year, fifty thousand
    if era:
        calendar = era
        if digits == 2 or not in_range(calendar, year):
            return None
    elif digits == 2:
        short = short_year(year) if "short" in cue else None
        if short is None or ctx.setting("year_calendar") != cal.JALALI:
            return None
        calendar, year = cal.JALALI, short
    elif 1300 <= year <= 1499 and ctx.setting("year_calendar"):
        calendar = ctx.setting("year_calendar") or ""
    elif 1300 <= year <= 1499 and ctx.setting("numeric_calendar"):
        return None  # Arabic «عام 1441»: hijri or Gregorian, the text does not say
    else:
        calendar = cal.GREGORIAN
        if not in_range(calendar, year, None if strong else WEAK_RANGE):
            return None
    try:
        value = cal.year_value(calendar, year)
    except ValueError:
        return _INVALID
    native = cal.native_text(year) if calendar != cal.GREGORIAN else None
    start = m.start("y") if "drop" in cue else m.start()
    return _Found(start, m.end(), value, calendar, "year", native)


def _decade(m: Groups, ctx: _Context) -> _Result:
    era = ctx.word("era", m, "era")
    if m["alone"] is not None:
        calendar, first = cal.GREGORIAN, 1900 + int(ctx.word("decade_word_alone", m, "alone"))
    else:
        cue_calendar = ctx.word("decade_before", m, "cue") or cal.GREGORIAN
        number = m.number("n") if m["n"] is not None else int(ctx.word("decade_word", m, "w"))
        if len(m["n"] or "") == 4:
            first = number
            jalali = cue_calendar == cal.JALALI and 1300 <= first <= 1499
            calendar = era or (cal.JALALI if jalali else cal.GREGORIAN)
        else:
            if not 10 <= number <= 90 or (m["cue"] is None and number < 20):
                return None
            calendar = era or cue_calendar
            first = (1300 if calendar == cal.JALALI else 1900) + number
    if first % 10 or calendar == cal.HIJRI or not in_range(calendar, first):
        return None
    native = f"{first // 10}x" if calendar == cal.JALALI else None
    value = cal.decade_value(calendar, first)
    return _Found(m.start(), m.end(), value, calendar, "decade", native)


def _century(m: Groups, ctx: _Context) -> _Result:
    era = ctx.word("era", m, "era")
    if era and era != cal.GREGORIAN:
        return None
    number: int | None
    if m["o"] is not None:
        number = int(ctx.word("ordinal", m, "o"))
    elif m["n"] is not None:
        number = m.number("n")
    else:
        number = roman_value(m["r"] or "")
    if number is None or not 1 <= number <= 21:
        return None
    return _Found(m.start(), m.end(), f"{number - 1:02d}xx", cal.GREGORIAN, "century", None)


def _relative(m: Groups, ctx: _Context) -> _Result:
    grammar, published = ctx.grammar, ctx.published
    unit, offset, calendar = grammar.relative[m.key("rel") or ""]
    era = ctx.word("era", m, "era")
    if era == cal.HIJRI or published is None:
        return None
    calendar = era or calendar
    before = _PREVIOUS_WORD.search(ctx.view, max(0, m.start() - 30), m.start())
    if before is not None:
        word: str = before.group(1)
        if word[-1].isdigit() or canonical(word) in grammar.words["relative_blocker"]:
            return None  # «دو سال گذشته», "the last year": a span of time, not a date
    year, month, _ = cal.from_gregorian(calendar, published)
    if unit == "year":
        year += offset
        value, precision, native = cal.year_value(calendar, year), "year", cal.native_text(year)
    else:
        year, month = cal.shift_month(year, month, offset)
        value, precision = cal.month_value(calendar, year, month), "month"
        native = cal.native_text(year, month)
    native_or_none = native if calendar != cal.GREGORIAN else None
    return _Found(m.start(), m.end(), value, calendar, precision, native_or_none, True)


_READERS: dict[str, Callable[[Groups, _Context], _Result]] = {
    "numeric": _numeric,
    "named": _named,
    "year": _year,
    "decade": _decade,
    "century": _century,
    "relative": _relative,
}

_Candidate = tuple[int, int, int, _Found | None]


class DateFinder:
    """Finds date mentions; patterns are built once per language set, on first use."""

    def __init__(self, data: LanguageData) -> None:
        self._data = data
        self._grammars: dict[tuple[str, ...], Grammar] = {}

    def grammar(self, lang: str | None) -> Grammar:
        """The grammar of one language, or of all of them for ``None`` or an unknown code."""
        langs = (lang,) if lang in SUPPORTED_LANGUAGES and lang else SUPPORTED_LANGUAGES
        if langs not in self._grammars:
            self._grammars[langs] = Grammar(self._data, langs)
        return self._grammars[langs]

    def find(
        self, text: str, lang: str | None = None, published: datetime.date | None = None
    ) -> list[DateMention]:
        """Dates in ``text``, sorted by start and non-overlapping (the longest reading wins).

        ``lang=None`` tries every language's words; ``published`` resolves relative dates.
        """
        grammar = self.grammar(lang)
        norm = normalized(text)
        context_lang = lang if lang in SUPPORTED_LANGUAGES else script_lang(text)
        ctx = _Context(grammar, norm.text, context_lang, published)
        found: list[_Candidate] = []
        for position, name in grammar.anchors(ctx.view, published is not None):
            match = grammar.patterns[name].match(ctx.view, position)
            if match is None:
                continue
            result = _READERS[KINDS[name]](Groups(match, grammar.groups[name]), ctx)
            if isinstance(result, _Found):
                found.append((result.start, result.end, RANK[name], result))
            elif result is _INVALID:
                found.append((match.start(), match.end(), RANK[name], None))
        return _resolve(text, norm.to_original, found)


def _resolve(
    text: str, to_original: Callable[[int, int], tuple[int, int]], found: list[_Candidate]
) -> list[DateMention]:
    """Longest first, then earliest, then the pattern listed first; overlaps are dropped.

    An invalid date (``None``) takes its place like any other, so what it hides stays hidden.
    """
    found.sort(key=lambda f: (f[0] - f[1], f[0], f[2]))
    taken = bytearray(max((f[1] for f in found), default=0))
    mentions: list[DateMention] = []
    for start, end, _, item in found:
        if taken.find(1, start, end) >= 0:
            continue
        taken[start:end] = b"\x01" * (end - start)
        if item is not None:
            o_start, o_end = to_original(start, end)
            mentions.append(
                DateMention(
                    item.value,
                    item.calendar,
                    item.precision,
                    item.native,
                    item.relative,
                    text[o_start:o_end],
                    o_start,
                    o_end,
                )
            )
    mentions.sort(key=lambda mention: mention.start)
    return mentions
