"""Sentence segmentation: one regex scan for candidate ends, then cheap checks on each.

Evidence spans are sentences, so the splitter must not lose or duplicate text: the spans it
returns are ordered, disjoint, stripped of whitespace and together cover every non-space
character. Candidates are terminators (. ! ? ؟ … and runs of them) and line breaks; a
terminator is kept unless it is a decimal point, part of an abbreviation (per-language
``abbreviations.txt``), an initial, a list number, inside a URL, or followed by a lowercase
word. A blank line always ends a sentence; a single line break ends one unless the line
looks hard-wrapped (as in text taken from PDF).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from peyvand.lang import LanguageData, LanguageDataError

ABBREVIATIONS_FILE = "abbreviations.txt"
_FLAGS = frozenset({"", "end", "num-end", "num", "ordinal"})

_NL = r"(?:\r\n|[\n\r\u2028\u2029\x85\x0b\x0c])"
_NL_CHARS = frozenset("\n\r\u2028\u2029\x85\x0b\x0c")
_TERM_CHARS = frozenset(".!?؟۔…‼⁇⁈⁉")
# One character class, so the scan runs at C speed; runs are extended in Python.
_CANDIDATE_RE = re.compile("[" + re.escape("".join(sorted(_TERM_CHARS | _NL_CHARS))) + "]")
_NL_RE = re.compile(_NL)
_LINE_RE = re.compile(r"[^\n\r\u2028\u2029\x85\x0b\x0c]+")
_LIST_RE = re.compile(
    r"[^\S\n]*(?:[-–—•●○▪◦■□*·‣⁃]|\(?\d{1,3}[.)\-–]|\(?[^\W\d_]{1,3}[)\-–]|[^\W\d_]\.)(?=\s)"
)
_CLOSERS = frozenset("»”’›)]}\"'」』")
_OPENERS = frozenset("«“‘‹([{\"'「『")
_PAUSES = frozenset(",،;؛:")
_KEY_FOLD = str.maketrans({"ي": "ی", "ك": "ک", "\u0640": None})
_WRAP_MIN = 40  # a line at least this long ...
_WRAP_RATIO = 0.75  # ... and this close to its block's longest line is taken as hard-wrapped


def _key(run: str) -> str:
    """An abbreviation lookup key: lowercase, Persian letter forms, no trailing full stop."""
    return run.replace("İ", "i").lower().replace("...", "…").translate(_KEY_FOLD).rstrip(".")


@dataclass(slots=True)
class _Lines:
    """Line spans of one text and the longest line of each blank-line separated block."""

    ends: list[int]
    lengths: list[int]
    block_max: list[int]

    @classmethod
    def of(cls, text: str) -> _Lines:
        lines = cls([], [], [])
        blocks: list[int] = []
        block, last_end = 0, 0
        for match in _LINE_RE.finditer(text):
            stripped = len(match.group().strip())
            if not stripped or len(_NL_RE.findall(text, last_end, match.start())) > 1:
                block += 1
            last_end = match.end()
            if stripped:
                lines.ends.append(match.end())
                lines.lengths.append(stripped)
                blocks.append(block)
        longest: dict[int, int] = {}
        for size, block_id in zip(lines.lengths, blocks, strict=True):
            longest[block_id] = max(longest.get(block_id, 0), size)
        lines.block_max = [longest[block_id] for block_id in blocks]
        return lines

    def wrapped(self, newline: int) -> bool:
        """Whether the line ending at ``newline`` looks hard-wrapped into the next one."""
        index = bisect.bisect_left(self.ends, newline)
        if index >= len(self.ends) or self.ends[index] != newline:
            return False
        size = self.lengths[index]
        return size >= _WRAP_MIN and size >= _WRAP_RATIO * self.block_max[index]


class SentenceSplitter:
    """Splits text into sentence spans; language data (abbreviations) is read on first use."""

    def __init__(self, data: LanguageData) -> None:
        self._data = data
        self._abbrev: dict[str, dict[str, str]] | None = None
        self._last_words: frozenset[str] = frozenset()

    def split(self, text: str, lang: str | None = None) -> list[tuple[int, int]]:
        """Sentence spans ``(start, end)`` of ``text``, in order, without surrounding spaces."""
        scan = _Scan(text, lang, self._abbreviations(), self._last_words)
        ends: list[int] = []
        lines: _Lines | None = None
        size, resume = len(text), 0
        for match in _CANDIDATE_RE.finditer(text):
            start = match.start()
            if start < resume:
                continue  # inside a run already handled
            if text[start] in _TERM_CHARS:
                resume = start + 1
                while resume < size and text[resume] in _TERM_CHARS:
                    resume += 1
                end = scan.terminator(text[start:resume], start, ends[-1] if ends else 0)
                if end is not None:
                    ends.append(end)
                continue
            resume = start + 1
            while resume < size and text[resume].isspace():
                resume += 1
            group = text[start:resume]
            if "\u2029" in group or len(_NL_RE.findall(group)) > 1:
                ends.append(start)  # a blank line
                continue
            before = start
            while before > 0 and text[before - 1].isspace():
                before -= 1
            if before == 0 or (ends and ends[-1] >= before):
                continue  # nothing before, or the line already ended with a sentence end
            if lines is None:
                lines = _Lines.of(text)
            if _line_break_ends(text, start, resume, before, lines):
                ends.append(start)
        return _spans(text, ends)

    def _abbreviations(self) -> dict[str, dict[str, str]]:
        if self._abbrev is None:
            table: dict[str, dict[str, str]] = {}
            for lang in self._data.languages_with(ABBREVIATIONS_FILE):
                for line in self._data.lines(lang, ABBREVIATIONS_FILE):
                    entry, _, flag = (cell.strip() for cell in line.partition("\t"))
                    if flag not in _FLAGS:
                        raise LanguageDataError(f"{lang}/{ABBREVIATIONS_FILE}: bad flag {flag!r}")
                    table.setdefault(entry if entry == "<number>" else _key(entry), {})[lang] = flag
            self._abbrev = table
            self._last_words = frozenset(_last_word(key) for key in table)
        return self._abbrev


class _Scan:
    """The checks on candidate sentence ends of one text, in one language (or any)."""

    __slots__ = ("abbrev", "lang", "last_words", "ordinal", "size", "text")

    def __init__(
        self,
        text: str,
        lang: str | None,
        abbrev: dict[str, dict[str, str]],
        last_words: frozenset[str],
    ) -> None:
        self.text = text
        self.size = len(text)
        self.lang = lang
        self.abbrev = abbrev
        self.last_words = last_words  # the last letters of every abbreviation: a cheap filter
        self.ordinal = lang is not None and abbrev.get("<number>", {}).get(lang) == "ordinal"

    def terminator(self, term: str, start: int, since: int) -> int | None:
        """Where the sentence ending at this terminator ends (after closing quotes), if it does."""
        text, size = self.text, self.size
        end = start + len(term)
        after = end
        while after < size and text[after] in _CLOSERS:
            after += 1
        glued = after < size and not text[after].isspace()
        if term == ".":
            verdict = self.full_stop(start, after, glued)
            if verdict is not None:
                return after if verdict else None
        elif not any(c in term for c in "!?؟‼⁇⁈⁉"):  # an ellipsis: … or ...
            if glued or not text[since:start].strip():
                return None  # "wait...what", or a sentence that opens with an ellipsis
            if self.etc_ellipsis(start) and not _line_follows(text, after):
                return None  # «و…», «و ...»: "and so on" inside a sentence
        elif start > 0 and text[start - 1] == "(" and text.startswith(")", end):
            return None  # «(؟)», "(!)": a mark of doubt or surprise inside a sentence
        elif glued and _in_url(text, start):
            return None
        return after if _next_starts_sentence(text, after) else None

    def full_stop(self, start: int, after: int, glued: bool) -> bool | None:
        """True/False when this full stop is settled here, None for the general rule."""
        text, size = self.text, self.size
        end = start + 1
        following = text[end] if end < size else " "
        if start > 0 and text[start - 1].isdigit() and following.isdigit():
            return False  # 12.5, ۱۲.۵, 19.06.2019, 192.168.0.1
        window = text[max(0, start - 64) : start]
        run_start = start if not window or window[-1].isspace() else start - len(window.split()[-1])
        while run_start < start and text[run_start] in _OPENERS:
            run_start += 1
        run = text[run_start:start]
        word = _last_word(run)
        if glued and after == end:  # «است.همچنین», "end.The" vs "U.S", "example.com"
            if len(word) == 1 or following.isdigit() or following.islower():
                return False
            if _in_url(text, start) or _key(run) in self.abbrev:
                return False
            if following.isupper():
                return end + 1 < size and text[end + 1].islower()
            return following.isalpha() or following in _OPENERS
        if after >= size or _line_follows(text, after):
            return True  # at the end of a line a full stop ends the sentence, whatever precedes
        flag, attached = None, False
        if _key(word) in self.last_words:
            flag, attached = self.flag(run_start, run)
        if flag == "num":
            nxt = _skip(text, after)
            if nxt < size and text[nxt].isdigit():
                return False  # "No. 5", «ص. ۳۴»
        elif flag == "num-end":
            if attached or _number_before(text, run_start):
                return _ends_after_abbreviation(text, after)
            return False  # "г. Москва": not after a number, so not a year
        elif flag == "end":
            return _ends_after_abbreviation(text, after)
        elif flag is not None:
            return False
        if len(word) == 1 and word == run:
            return False  # initials (J. R. R.) and single-letter abbreviations
        if run.isdigit() and len(run) <= 3:
            if _opens_sentence(text, run_start):
                return False  # a list number at the start of a line: «۱. », "2. "
            if self.ordinal and _same_line_word(text, after):
                return False  # an ordinal: "19. yüzyıl"
        return None

    def etc_ellipsis(self, start: int) -> bool:
        """Whether the word before this ellipsis is listed with it («و…» = "and so on")."""
        stop = start
        while stop > 0 and self.text[stop - 1].isspace():
            stop -= 1
        words = self.text[max(0, stop - 12) : stop].split()
        return bool(words) and _key(words[-1] + "…") in self.abbrev

    def flag(self, run_start: int, run: str) -> tuple[str | None, bool]:
        """The flag of ``run`` (or of the two words ending with it) if it is an abbreviation,
        and whether a number is attached to it ("2019г.")."""
        key = _key(run)
        candidates = [(key, False)]
        previous = self.text[max(0, run_start - 12) : run_start].split()
        if previous:
            candidates.insert(0, (_key(previous[-1] + " " + run), False))
        bare = key.lstrip("0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩-‐")
        if bare and bare != key:
            candidates.append((bare, True))
        last = key.rpartition(".")[2]
        if last and last != key:
            candidates.append((last, False))  # "Prof.Dr"
        for candidate, attached in candidates:
            flags = self.abbrev.get(candidate)
            if flags:
                lang = self.lang
                flag = flags[lang] if lang in flags else next(iter(flags.values()))
                return flag, attached
        return None, False


def _line_break_ends(text: str, newline: int, after: int, before: int, lines: _Lines) -> bool:
    """Whether a single line break (not after a sentence end) ends the sentence."""
    if after >= len(text) or _LIST_RE.match(text, after):
        return True  # the end, or a list item follows
    nxt = _skip(text, after)
    if nxt < len(text) and text[nxt].islower():
        return False  # a Latin or Cyrillic line continued in lowercase
    if text[before - 1] in _PAUSES or text[before - 1] in "-‐":
        return False
    return not lines.wrapped(newline)


def _spans(text: str, ends: list[int]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for end in [*ends, len(text)]:
        if end <= start:
            continue
        left, right = start, end
        while left < right and text[left].isspace():
            left += 1
        while right > left and text[right - 1].isspace():
            right -= 1
        if left < right:
            spans.append((left, right))
        start = end
    return spans


def _last_word(run: str) -> str:
    """The letters at the end of ``run`` ("U.S" → "S", «ج.ا.ا» → «ا», "Dr" → "Dr")."""
    index = len(run)
    while index > 0 and run[index - 1].isalpha():
        index -= 1
    return run[index:]


def _skip(text: str, index: int) -> int:
    """The index of the first character from ``index`` that is neither space nor an opener."""
    size = len(text)
    while index < size and (text[index].isspace() or text[index] in _OPENERS):
        index += 1
    return index


def _breaks(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (a short stretch of spaces) holds a line break."""
    return any(text[index] in _NL_CHARS for index in range(start, end))


def _line_follows(text: str, index: int) -> bool:
    """Whether a line break follows ``index`` and the next line does not open in lowercase."""
    nxt = _skip(text, index)
    if not _breaks(text, index, nxt):
        return False
    return nxt >= len(text) or not text[nxt].islower()


def _number_before(text: str, run_start: int) -> bool:
    """Whether the word before ``run_start`` is a number ("2019", «۱۳۵۷», "1990-х")."""
    words = text[max(0, run_start - 20) : run_start].split()
    return bool(words) and any(char.isdigit() for char in words[-1])


def _same_line_word(text: str, index: int) -> bool:
    nxt = _skip(text, index)
    return nxt < len(text) and text[nxt].isalpha() and not _breaks(text, index, nxt)


def _ends_after_abbreviation(text: str, index: int) -> bool:
    """After "etc." and the like: a capitalised or caseless word, or a new line, starts anew."""
    nxt = _skip(text, index)
    if nxt >= len(text) or _breaks(text, index, nxt):
        return True
    char = text[nxt]
    return char.isupper() or (char.isalpha() and not char.islower())


def _next_starts_sentence(text: str, index: int) -> bool:
    """False when what follows continues the sentence: a pause mark or a lowercase word."""
    size = len(text)
    probe = index
    while probe < size and text[probe].isspace():
        probe += 1
    if probe >= size:
        return True
    if text[probe] in _PAUSES:
        return False
    nxt = _skip(text, probe)
    return not (nxt < size and text[nxt].islower() and not _breaks(text, index, probe))


def _opens_sentence(text: str, start: int) -> bool:
    """Whether only spaces or openers stand between the previous line break and ``start``."""
    line_start = text.rfind("\n", 0, start) + 1
    return all(c.isspace() or c in _OPENERS or c in "-•*" for c in text[line_start:start])


def _in_url(text: str, index: int) -> bool:
    left = index
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    right = index
    while right < len(text) and not text[right].isspace():
        right += 1
    run = text[left:right]
    return "://" in run or "@" in run or run.lower().startswith("www.")
