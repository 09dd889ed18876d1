"""The date lexicon of a set of languages and the anchored patterns built from it.

Kept apart from :mod:`.dates` so that the shapes of dates (this module) and the reading of
what was matched (``dates``) can each be read on their own. The patterns run on the
normalized view (:func:`peyvand.text.normalize.normalize`): digits are ASCII, Arabic letter
forms are Persian, ZWNJ is a space, text is lowercase. Each data entry is normalized the same
way, and a space inside an entry becomes optional, so «ربیع‌الاول», «ربیع الاول» and
«ربيع الأول» all match one row.

Speed: a regex alternation of a few hundred words, tried at every position, runs at well
under 1 MB/s. So nothing is searched with one. Dates start either at a run of digits or at
a *starter* word (a month name, an ordinal, a cue such as «سال» or «قرن», a relative
expression, a Roman numeral); an Aho–Corasick automaton finds the starters in one pass, and
the patterns are only tried, anchored, at those positions, and only where they can match
(``Grammar.anchors``): a letter after a starter must continue one of its spellings («آذر» in
«آذربایجان» starts no month), a pattern that needs a year needs a digit close enough, and a
run of digits must be followed by a word its pattern can go on with. Word alternations are
factored by their first characters (:mod:`.date_spellings`), so a failed attempt is cheap.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass

import ahocorasick
import regex  # type: ignore[import-untyped, unused-ignore]

from peyvand.lang import LanguageData, LanguageDataError
from peyvand.text.date_spellings import (
    Spellings,
    alternation,
    first,
    to_roman,
    variants,
)
from peyvand.text.normalize import normalize

MONTHS_FILE = "months.tsv"
WORDS_FILE = "date_words.tsv"

_L = r"(?<!\p{L})"  # no letter just before
_R = r"(?!\p{L})"  # no letter just after
_NUM_L = r"(?<!\d)(?<!\d[.,/:])"  # not the tail of a longer number, a decimal or a date
_NUM_R = r"(?!\d)(?![.,/:]\d)"
_ROMAN = r"[ivxх]{1,6}"  # Cyrillic х too: Russian writers type «ХIХ»
_DIGITS = regex.compile(r"[0-9]+")
_ANY_DIGITS = regex.compile(r"\d+")  # what ``\d`` in the patterns matches
_RELATIVE = regex.compile(r"(year|month)([+-]\d+)")
_CALENDARS = ("gregorian", "jalali", "hijri")
_CANON = str.maketrans({" ": None, "-": None, ".": None, "آ": "ا", "ı": "i", "’": "'"})


def canonical(text: str) -> str:
    """The lookup key of a matched word: spacing, hyphens, dots and آ/ı variants removed."""
    return text.translate(_CANON)


def lookup_key(entry: str) -> str:
    """The key under which a data entry is stored (normalized, then :func:`canonical`)."""
    return canonical(normalize(entry).text.strip())


@dataclass(frozen=True, slots=True)
class MonthName:
    number: int
    calendar: str
    flag: str  # "" | "ambiguous" (needs a year) | "strict" (needs a day and a year)


# Word kinds whose entries can start a date, and the kinds of patterns tried after them.
_STARTS = {
    "month": ("my", "month_relative"),
    "month_day": ("mdy",),
    "ordinal": ("dmy_word", "century_ordinal"),
    "year_before": ("year_cue",),
    "decade_before": ("decade_cue",),
    "decade_word_alone": ("decade_alone",),
    "century_before": ("century_cue",),
    "roman": ("century_roman",),
    "relative": ("relative",),
}
# Patterns tried at a run of digits: name, allowed run lengths, and what must follow the run
# (a date separator, or the first letter of a word kind), if anything in particular.
_DIGIT_STARTS = (
    ("numeric_ymd", (4,), "separator"),
    ("numeric_dmy", (1, 2), "separator"),
    ("ygm", (4,), None),
    ("dmy", (1, 2), None),
    ("year_after", (4,), None),
    ("decade_after", (2, 4), "decade_after"),
    ("century_number", (1, 2), None),
)
# What each pattern means, for the reader in ``dates``; the order breaks ties between spans.
KINDS = {
    "numeric_ymd": "numeric",
    "numeric_dmy": "numeric",
    "ygm": "named",
    "dmy": "named",
    "dmy_word": "named",
    "mdy": "named",
    "my": "named",
    "month_relative": "named",
    "year_cue": "year",
    "year_after": "year",
    "decade_cue": "decade",
    "decade_after": "decade",
    "decade_alone": "decade",
    "century_cue": "century",
    "century_ordinal": "century",
    "century_number": "century",
    "century_roman": "century",
    "relative": "relative",
}
RANK = {name: rank for rank, name in enumerate(KINDS)}
NEEDS_PUBLISHED = frozenset({"relative", "month_relative"})


def _checked(data: LanguageData, lang: str, name: str, columns: int) -> list[list[str]]:
    """The rows of an optional data file, each with at least ``columns`` cells."""
    rows = data.rows(lang, name) if data.has(lang, name) else []
    for row in rows:
        if len(row) < columns:
            raise LanguageDataError(f"{lang}/{name}: expected {columns} columns in {row!r}")
    return rows


class Grammar:
    """Month names, cue words, the starter automaton and the patterns for a set of languages.

    Where two languages spell a word alike, the first language in ``langs`` wins.
    """

    def __init__(self, data: LanguageData, langs: tuple[str, ...]) -> None:
        self.months: dict[str, MonthName] = {}
        self.words: dict[str, dict[str, str]] = defaultdict(dict)
        self.relative: dict[str, tuple[str, int, str]] = {}
        self.settings: dict[str, dict[str, str]] = {}
        self._spellings: dict[str, list[str]] = defaultdict(list)
        for lang in langs:
            self._load(data, lang)
        self._spellings["roman"] = [to_roman(n) for n in range(1, 22)]
        self.patterns = {name: regex.compile(p) for name, p in self._patterns().items()}
        self.groups: dict[str, dict[str, int]] = {
            name: dict(pattern.groupindex) for name, pattern in self.patterns.items()
        }
        self._follow = {"separator": "-/.", "decade_after": self._first_chars("decade_after")}
        self._prefilters()
        self._automaton = self._starters()

    def _load(self, data: LanguageData, lang: str) -> None:
        settings = self.settings.setdefault(lang, {})
        rows = _checked(data, lang, WORDS_FILE, 2)
        settings.update(
            (row[1], row[2] if len(row) > 2 else "") for row in rows if row[0] == "setting"
        )
        for kind, text, *rest in rows:
            if kind == "setting":
                continue
            arg = rest[0] if rest else ""
            key = lookup_key(text)
            self._spellings[kind].append(normalize(text).text.strip())
            self.words[kind].setdefault(key, arg)
            if kind == "relative":
                relative = _RELATIVE.fullmatch(arg)
                if relative is None:
                    raise LanguageDataError(f"{lang}/{WORDS_FILE}: bad relative {arg!r}")
                calendar = settings.get("relative_calendar", "gregorian")
                unit, offset = relative.group(1), int(relative.group(2))
                self.relative.setdefault(key, (unit, offset, calendar))
        for number, calendar, text, *rest in _checked(data, lang, MONTHS_FILE, 3):
            entry = normalize(text).text.strip()
            self._spellings["month"].append(entry)
            if settings.get("month_day") == "yes":
                self._spellings["month_day"].append(entry)
            if not number.isdigit() or calendar not in _CALENDARS:
                raise LanguageDataError(f"{lang}/{MONTHS_FILE}: bad row for {text!r}")
            flag = rest[0] if rest else ""
            self.months.setdefault(lookup_key(text), MonthName(int(number), calendar, flag))

    def _starters(self) -> ahocorasick.Automaton:
        """The automaton of starter words. Each one carries, per pattern it starts: the
        pattern's name and rank, how close its year must be (``_year_within``) and which
        letters may follow the starter (None: any), so ``anchors`` drops what cannot match."""
        starters: dict[str, set[str]] = defaultdict(set)
        for kind, pattern_names in _STARTS.items():
            for entry in self._spellings[kind]:
                first = regex.split(r"[ .\-]", entry, maxsplit=1)[0]
                for form in variants(first) if first else ():
                    starters[form].update(pattern_names)
        spellings = Spellings(self._spellings, _STARTS, self._tail)
        automaton = ahocorasick.Automaton()
        for word, names in starters.items():
            whole = names == {"century_roman"}  # a Roman numeral must be a word of its own
            ordered = [
                (name, RANK[name], self._year_within.get(name), spellings.letters_after(word, name))
                for name in sorted(names, key=lambda name: RANK[name])
            ]
            unpublished = tuple(entry for entry in ordered if entry[0] not in NEEDS_PUBLISHED)
            automaton.add_word(word, (len(word), tuple(ordered), unpublished, whole))
        automaton.make_automaton()
        return automaton

    def _tail(self, kind: str, entry: str) -> frozenset[str] | None:
        """The letters that can follow a whole ``entry`` of a starter ``kind`` (None: any).
        Only a month is followed by letters (its suffix, «ماه»); the other starters end at
        a non-letter (``_R``, a space or a digit) unless they end with a non-letter and a
        ``_L`` word follows."""
        if kind == "month":
            tails = [first(e) for k in ("month_suffix", "month_after") for e in self._spellings[k]]
            if None in tails:
                return None
            return frozenset(c for tail in tails if tail for c in tail if c.isalpha())
        if kind == "roman" or (
            kind in ("decade_before", "century_before") and not entry[-1:].isalpha()
        ):
            return None
        return frozenset()

    def anchors(self, view: str, relative: bool) -> list[tuple[int, str]]:
        """(position, pattern name) pairs worth trying: starters and runs of digits.

        A pair is left out when its pattern cannot match there: a letter after the starter
        that no spelling continues with, no digit close enough for the year it needs, or no
        word after the digits that it could go on with (``_prefilters``). This only saves
        attempts; the matches are the same.
        """
        runs = [(m.start(), m.end()) for m in _ANY_DIGITS.finditer(view)]
        ends = [end for _, end in runs]
        anchors: list[tuple[int, str]] = []
        seen: set[int] = set()
        size_of = len(view)
        # only starters at the start of a word (most hits are inside words: «مه» in «همه»)
        hits = [
            (last, value)
            for last, value in self._automaton.iter(view)
            if last < value[0] or not view[last - value[0]].isalpha()
        ]
        for last, (length, every, unpublished, whole) in hits:
            start = last - length + 1
            following = view[last + 1] if last + 1 < size_of else ""
            letter = following.isalpha()
            if whole and letter:
                continue
            for name, rank, width, letters in every if relative else unpublished:
                if letter and letters is not None and following not in letters:
                    continue  # «آذربایجان» is no «آذر»
                if width is not None:  # is there a digit in view[start : start + width]?
                    k = bisect_right(ends, start)
                    if k == len(runs) or runs[k][0] >= start + width:
                        continue
                if start * 32 + rank not in seen:
                    seen.add(start * 32 + rank)
                    anchors.append((start, name))
        for run_start, run_end in runs:
            if not view[run_start:run_end].isascii():
                self._ascii_runs(view, run_start, run_end, anchors)
                continue
            following = view[run_end] if run_end < size_of else ""
            after = view[run_end + 1] if following == " " and run_end + 1 < size_of else ""
            for name, follow, words in self._digit_starts.get(run_end - run_start, ()):
                if (follow is None or following in follow) and (
                    words is None or following in words or after in words
                ):
                    anchors.append((run_start, name))
        return anchors

    def _ascii_runs(self, view: str, start: int, end: int, anchors: list[tuple[int, str]]) -> None:
        """Anchors of the runs of ASCII digits inside a run of digits of any script."""
        for run in _DIGITS.finditer(view, start, end):
            size, run_end = run.end() - run.start(), run.end()
            following = view[run_end] if run_end < len(view) else ""
            for name, sizes, follow in _DIGIT_STARTS:
                if size in sizes and (follow is None or following in self._follow[follow]):
                    anchors.append((run.start(), name))

    def _prefilters(self) -> None:
        """Necessary conditions for the patterns, from the lengths and first characters of
        the words they are built from (an entry matches at most twice its length: ". " for
        "."): how far from a starter the year of ``my`` and ``year_cue`` can begin, and the
        characters that can follow a run of digits, directly or after one space."""
        longest = {kind: max(map(len, words), default=0) for kind, words in self._spellings.items()}
        month = 2 * longest.get("month", 0) + 2 * longest.get("month_suffix", 0)
        cue, after = 2 * longest.get("year_before", 0), 2 * longest.get("month_after", 0)
        self._year_within = {"my": 2 * month + after + cue + 10, "year_cue": cue + 2}
        words_after = {
            "dmy": ("day_suffix", "day_joiner", "month"),
            "century_number": ("century_suffix", "century_after"),
            "ygm": ("year_suffix", "year_of"),
            "year_after": ("year_suffix", "year_after", "era"),
        }
        self._words_after: dict[str, frozenset[str]] = {}
        for name, kinds in words_after.items():
            chars = [first(word) for kind in kinds for word in self._spellings.get(kind, ())]
            if None not in chars:  # an entry that can match nothing: no condition
                self._words_after[name] = frozenset().union(*(c for c in chars if c))
        # per length of a run of digits: the patterns it can start, what must follow the run
        # directly (``_follow``) and what must follow it or a space after it (``_words_after``)
        self._digit_starts: dict[int, list[tuple[str, str | None, frozenset[str] | None]]] = {}
        for name, sizes, follow in _DIGIT_STARTS:
            directly = None if follow is None else self._follow[follow]
            for size in sizes:
                entry = (name, directly, self._words_after.get(name))
                self._digit_starts.setdefault(size, []).append(entry)

    def _first_chars(self, kind: str) -> str:
        """Characters a word of ``kind`` can start with (a leading hyphen is optional)."""
        chars = {e[0] for e in self._spellings[kind] if e}
        chars |= {e[1] for e in self._spellings[kind] if len(e) > 1 and e[0] == "-"}
        chars |= {"'", "’"} if chars & {"'", "’"} else set()
        return "".join(sorted(chars))

    def setting(self, lang: str | None, name: str) -> str | None:
        return None if lang is None else self.settings.get(lang, {}).get(name)

    def flags(self, kind: str, key: str | None) -> str:
        return "" if key is None else self.words[kind].get(key, "")

    def _alt(self, *kinds: str, keep_only: bool = False) -> str:
        entries = [
            e
            for k in kinds
            for e in self._spellings[k]
            if not keep_only or "keep" in self.words[k].get(canonical(e), "")
        ]
        return alternation(entries)

    def _patterns(self) -> dict[str, str]:
        a = self._alt
        era = rf"(?: ?(?P<era>{a('era')}){_R})?"
        day_word = rf"{_L}(?P<dw>{a('ordinal')}){_R}"
        day_number = rf"{_NUM_L}(?P<d>[0-3]?\d){_NUM_R}(?:(?P<ds>{a('day_suffix')}){_R})?"
        name, after = a("month"), a("month_after")
        month_tail = rf"(?:(?:{a('month_suffix')})?{_R}|(?={after}))"  # «آبانماه» too
        month = (
            rf"{_L}(?P<m>{name}){month_tail}"
            rf"(?: ?(?:/ ?|\( ?)(?P<m2>{name}){month_tail}(?: ?\))?)?"
            rf"(?: ?(?P<ma>{after}){_R})?"
        )
        year_tail = rf"(?P<ys>{a('year_suffix')})?(?: ?(?P<ya>{a('year_after')}))?{era}{_R}"
        year = rf"{_NUM_L}(?P<y>\d{{4}}|\d{{2}}){_NUM_R}"
        year4 = rf"{_NUM_L}(?P<y>\d{{4}}){_NUM_R}"
        year_part = rf"(?:,? ?(?:(?P<yb>{a('year_before', keep_only=True)}) ?)?{year}{year_tail})"
        numeric_tail = rf"{_NUM_R}(?: ?(?P<era>{a('era')}){_R})?"
        after_day_month = rf"(?: ?(?P<dj>{a('day_joiner')}){_R})? ?{month}(?P<me>){year_part}?"
        century_number = rf"{_NUM_L}(?P<n>\d{{1,2}})(?!\d)(?P<suf>{a('century_suffix')})?"
        roman = rf"{_L}(?P<r>{_ROMAN})(?:{a('century_suffix')})?"
        ordinal = rf"{_L}(?P<o>{a('ordinal')}){_R}"
        century_after = rf" ?(?P<cue>{a('century_after')}){_R}"
        decade_number = (
            rf"(?:{_NUM_L}(?P<n>\d{{4}}|\d{{2}}){_NUM_R}|{_L}(?P<w>{a('decade_word')}){_R})"
        )
        return {
            "numeric_ymd": rf"{_NUM_L}(?P<y>\d{{4}})(?P<sep>[-/.])(?P<mo>\d{{1,2}})(?P=sep)"
            rf"(?P<d>\d{{1,2}}){numeric_tail}",
            "numeric_dmy": rf"{_NUM_L}(?P<d>\d{{1,2}})(?P<sep>[-/.])(?P<mo>\d{{1,2}})(?P=sep)"
            rf"(?P<y>\d{{4}}){numeric_tail}",
            "ygm": rf"{year4}(?P<ys>{a('year_suffix')})? ?(?P<yo>{a('year_of')}){_R} ?"
            rf"{month}(?P<me>)(?: ?{day_number})?",
            "dmy": day_number + after_day_month,
            "dmy_word": day_word + after_day_month,
            "mdy": rf"{_L}(?P<m>{a('month_day')}){_R} ?{day_number}(?P<me>)"
            rf"(?:,? ?{year4}{year_tail})?",
            "my": rf"{month}(?P<me>){year_part}",
            "month_relative": rf"{month}(?P<me>) ?{_L}(?P<rel>{a('relative')}){_R}",
            "year_cue": rf"{_L}(?P<yb>{a('year_before')}) ?{year}{year_tail}",
            "year_after": rf"{year4}(?:(?P<ys>{a('year_suffix')})? ?(?P<ya>{a('year_after')})"
            rf"{era}| ?(?P<era>{a('era')})|(?P<ys>{a('year_suffix')})){_R}",
            "decade_cue": rf"{_L}(?P<cue>{a('decade_before')}) ?{decade_number}{era}{_R}",
            "decade_after": rf"{_NUM_L}(?P<n>\d{{4}}|\d{{2}})(?!\d)"
            rf"(?P<suf>{a('decade_after')}){_R}",
            "decade_alone": rf"{_L}(?P<alone>{a('decade_word_alone')}){_R}",
            "century_cue": rf"{_L}(?P<cue>{a('century_before')}) ?"
            rf"(?:{ordinal}|{century_number}|{roman}){era}{_R}",
            "century_ordinal": ordinal + century_after,
            "century_number": century_number + century_after,
            "century_roman": rf"{roman}{century_after}",
            "relative": rf"{_L}(?P<rel>{a('relative')}){_R}{era}",
        }
