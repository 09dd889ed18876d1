"""The cue scanner of the record extractors: one automaton per language over cue files.

Pattern syntax of every cue file (column 2): words as they read in the normalized view
(lowercase, ZWNJ as a space, Arabic letters folded, punctuation as a space); ``*`` ending a
word lets the word go on ("sign*"), ``*`` starting the first word lets it begin earlier (a
suffix cue: "*mayıb"); ``~`` between words lets up to two other words come between. A cue of
a language with joined clitics (``name_prefixes.txt``: Arabic «و», «بال») matches after them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

import ahocorasick

from peyvand.lang import LanguageData
from peyvand.text.normalize import normalize

TURKIC = frozenset({"az", "tr"})


class Hit(NamedTuple):
    """One cue of a data file found in the view: ``row`` is the file's row, as read."""

    file: str
    row: tuple[str, ...]
    start: int
    end: int
    kind: str  # the row's first column

    def value(self, column: int, default: str = "") -> str:
        return self.row[column] if len(self.row) > column and self.row[column] else default


class _Entry(NamedTuple):
    file: str
    row: tuple[str, ...]
    lead: bool  # the cue may start inside a word (a suffix cue)
    skip: int  # characters of the key before the cue (the boundary space, a clitic)
    closed: int  # 1 when the key ends with the boundary space after the cue
    rest: re.Pattern[str] | None  # what must follow the key (wildcards, gaps)


# punctuation of the normalized view (Persian marks are folded to these); "*" and "~" are
# pattern syntax and are blanked in documents only
_PUNCT = tuple("!\"#$%&'()+,-./:;<=>?@[\\]^_`{|}…·")


def _spaced(text: str, extra: str = "") -> str:
    """``text`` with punctuation as spaces (same length): a chain of C-level replaces."""
    for mark in (*_PUNCT, *extra):
        if mark in text:
            text = text.replace(mark, " ")
    return text


def scan_text(view: str) -> str:
    """The view with punctuation as spaces, padded with one space on each side.

    Same length plus two, so offsets shift by one; word boundaries are then spaces, which
    the automaton keys carry: the key " no " matches the word "no" only, in C.
    """
    return " " + _spaced(view, "*~") + " "


def _compile(pattern: str, turkic: bool) -> tuple[str, bool, bool, re.Pattern[str] | None]:
    """(literal key, lead wildcard, boundary after the key, regex for what follows)."""
    lead = pattern.startswith("*")
    body = _spaced(normalize(pattern.lstrip("*"), turkic=turkic).text)
    body = " ".join(body.split())
    cut = min((i for i in (body.find("*"), body.find("~")) if i >= 0), default=-1)
    if cut < 0:
        return body, lead, True, None
    key, tail = body[:cut].rstrip(), body[cut:]
    if tail.startswith("~"):
        tail = " " + tail
    regex = ""
    for piece in re.split(r"(\*| ~ )", tail):
        if piece == "*":
            regex += r"\w*"
        elif piece == " ~ ":
            regex += r"(?: +\w+){0,2} +"
        else:
            regex += re.escape(piece).replace(r"\ ", " +")
    return key, lead, False, re.compile(regex + r"(?!\w)")


class CueIndex:
    """One automaton per language over the patterns (column 2) of several cue files.

    Scanning is one pass of the automaton over `scan_text` of the view; only real hits
    reach Python, so short cues («از», «а», "if") cost nothing where they are not words.
    """

    def __init__(
        self,
        data: LanguageData,
        files: Iterable[str],
        extra: Callable[[str], Iterable[tuple[str, tuple[str, ...]]]] | None = None,
        keep: Callable[[str, tuple[str, ...]], bool] | None = None,
    ) -> None:
        self._data = data
        self._files = tuple(files)
        self._extra = extra  # more (file, row) pairs of a language, e.g. place names
        self._keep = keep  # which rows go into the automaton (default: all)
        self._automata: dict[str, ahocorasick.Automaton | None] = {}

    def _rows(self, lang: str) -> Iterable[tuple[str, tuple[str, ...]]]:
        for name in self._files:
            if self._data.has(lang, name):
                stem = name.rsplit(".", 1)[0]
                for row in self._data.rows(lang, name):
                    yield stem, tuple(row)
        if self._extra is not None:
            yield from self._extra(lang)

    def _build(self, lang: str) -> ahocorasick.Automaton | None:
        turkic = lang in TURKIC
        clitics = [""]  # joined clitics of the language («و», «بال»): not part of the cue
        if self._data.has(lang, "name_prefixes.txt"):
            clitics += [normalize(p).text for p in self._data.lines(lang, "name_prefixes.txt")]
        table: dict[str, list[_Entry]] = {}
        for stem, row in self._rows(lang):
            if len(row) < 2 or not row[1] or (self._keep and not self._keep(stem, row)):
                continue
            body, lead, closed, rest = _compile(row[1], turkic)
            if not body:
                continue
            end = " " if closed else ""
            for clitic in [""] if lead else clitics:
                head = "" if lead else " " + clitic
                entry = _Entry(stem, row, lead, len(head), len(end), rest)
                table.setdefault(head + body + end, []).append(entry)
        if not table:
            return None
        automaton = ahocorasick.Automaton()
        for key, entries in table.items():
            automaton.add_word(key, (len(key), tuple(entries)))
        automaton.make_automaton()
        return automaton

    def scan(self, view: str, lang: str) -> list[Hit]:
        """Hits in view offsets, leftmost-longest and non-overlapping within a file's kind."""
        if lang not in self._automata:
            self._automata[lang] = self._build(lang)
        automaton = self._automata[lang]
        if automaton is None or not view:
            return []
        text = scan_text(view)
        found: list[Hit] = []
        for last, (size, entries) in automaton.iter(text):
            first = last - size + 1  # the key's first character, in the padded text
            for entry in entries:
                s, e = first + entry.skip, last + 1 - entry.closed
                if entry.lead:
                    while text[s - 1] != " ":
                        s -= 1
                if entry.rest is not None:
                    match = entry.rest.match(text, e)
                    if match is None:
                        continue
                    e = match.end()
                found.append(Hit(entry.file, entry.row, s - 1, e - 1, entry.row[0]))
        # within one file and kind, the leftmost, then longest, then most specific pattern
        found.sort(key=lambda h: (h.start, h.start - h.end, -len(h.row[1])))
        kept: list[Hit] = []
        reach: dict[tuple[str, str], int] = {}
        for hit in found:
            group = (hit.file, hit.kind)
            if hit.start >= reach.get(group, -1):
                kept.append(hit)
                reach[group] = hit.end
        return kept
