"""The words around numbers and where they occur in a view.

``Cues`` compiles a language set's ``quantity_words.tsv``: qualifiers («حدود», "more than"),
percent and currency words, and phrases that contain a number word but are no quantity
(«سه‌شنبه»). ``Scan`` reads one normalized view for :mod:`.numbers`: one Aho–Corasick pass
finds where number words can start and where each kind of phrase occurs, so a pattern is
only tried where one of its phrases is (``Scan.context``, ``Scan.excludes``).
"""

from __future__ import annotations

import re
from typing import Any

import ahocorasick

from peyvand.lang import LanguageData
from peyvand.text.normalize import NormalizedText
from peyvand.text.number_words import LETTER_AFTER, LETTER_BEFORE, Lexicon, Token

QUANTITY_WORDS = "quantity_words.tsv"
# Kinds of words around numbers whose patterns only run where one of their phrases occurs.
BEFORE, AFTER, UNIT_BEFORE, UNIT_AFTER, EXCLUDE = 1, 2, 4, 8, 16
_BITS = {"before": 1, "after": 2, "unit_before": 4, "unit_after": 8, "exclude": 16}
_STARTER = 32  # a string that a number word match can start with (``Lexicon.starters``)
# Span, unit, qualifier and approx of a number with the words around it.
Context = tuple[int, int, str, str | None, bool]


class Cues:
    """The words around numbers (``quantity_words.tsv``) of a set of languages, compiled."""

    def __init__(self, data: LanguageData, lex: Lexicon) -> None:
        self.meaning: dict[tuple[str, str], tuple[str, bool]] = {}
        phrases: dict[str, list[str]] = {}
        for lang in lex.langs:
            if not data.has(lang, QUANTITY_WORDS):
                continue
            for row in data.rows(lang, QUANTITY_WORDS):
                phrase, kind = row[0], row[1]
                attached = phrase.startswith("-") and len(phrase) > 1
                key = lex.fold(phrase[1:] if attached else phrase)
                phrases.setdefault(kind, []).append(("-" if attached else "") + key)
                meaning = row[2] if len(row) > 2 else "-"
                approx = len(row) > 3 and row[3] == "yes"
                self.meaning.setdefault((kind, key), (meaning, approx))
        self.maxlen = max((len(p) for ps in phrases.values() for p in ps), default=1) + 2

        def alts(kind: str, after: bool = False) -> str:
            out = []
            for p in sorted(set(phrases.get(kind, [])), key=len, reverse=True):
                if p.startswith("-"):
                    out.append("['’-]?" + re.escape(p[1:]))
                elif after:
                    out.append((" " if p[0].isalpha() else " ?") + re.escape(p))
                else:
                    out.append(re.escape(p) + " ?")
            return "|".join(out) or "(?!)"

        self.before_re = re.compile(f"{LETTER_BEFORE}(?:{alts('before')})\\Z")
        self.unit_before_re = re.compile(f"{LETTER_BEFORE}(?:{alts('unit_before')})\\Z")
        self.after_re = re.compile(f"(?:{alts('after', True)}){LETTER_AFTER}")
        units = sorted(set(phrases.get("unit_after", [])), key=len, reverse=True)
        self.unit_after_re = re.compile(
            "(?: ?(?:" + ("|".join(re.escape(u) for u in units) or "(?!)") + f")){LETTER_AFTER}"
        )
        leads = [p for p in phrases.get("unit_before", []) if p[-1:].isalpha()]
        self.unit_lead_re = re.compile(
            f"(?:{'|'.join(re.escape(p) for p in leads) or '(?!)'}){LETTER_AFTER}"
        )
        excl = sorted(set(phrases.get("exclude", [])), key=len, reverse=True)
        self.exclude_re = re.compile(
            f"{LETTER_BEFORE}(?:{'|'.join(re.escape(e) for e in excl) or '(?!)'}){LETTER_AFTER}"
        )
        self._index(phrases, lex.starters)

    def _index(self, phrases: dict[str, list[str]], starters: set[str]) -> None:
        """One automaton of the number-word starters and of every phrase as its pattern spells
        it (an attached "-" is optional in ``alts``, literal in ``unit_after_re`` and
        ``exclude_re``). A pattern can only match where one of its strings occurs, so one pass
        over the view tells where each is worth trying."""
        literals = dict.fromkeys(starters, _STARTER)
        for kind, bit in _BITS.items():
            for p in phrases.get(kind, []):
                attached = p.startswith("-") and kind not in ("unit_after", "exclude")
                literal = p[1:] if attached else p
                literals[literal] = literals.get(literal, 0) | bit
        self.always = literals.pop("", 0)  # kinds with an empty phrase: tried everywhere
        self.automaton: Any = None
        if literals:
            self.automaton = ahocorasick.Automaton()
            for literal, mask in literals.items():
                self.automaton.add_word(literal, (len(literal), mask))
            self.automaton.make_automaton()

    def occurrences(self, scan: Scan) -> None:
        """Fills in where starters and phrases of each kind occur in ``scan.view``."""
        view, starts, ends = scan.view, scan.starts, scan.ends
        hits = list(self.automaton.iter(view)) if self.automaton else []
        starters = {last - size + 1 for last, (size, mask) in hits if mask & _STARTER}
        for last, (size, mask) in [hit for hit in hits if hit[1][1] & ~_STARTER]:
            start = last - size + 1  # marked one character early (starts) and late (ends) too
            for at in (start - 1, start):
                starts[at] = starts.get(at, 0) | mask
            for at in (last + 1, last + 2):
                ends[at] = ends.get(at, 0) | mask
            if mask & EXCLUDE:
                scan.excluded.append((start, last + 1))
        scan.words = scan.lex.matches(view, starters) if starters else {}

    def lookup(self, kind: str, matched: str) -> tuple[str, bool]:
        key = matched.strip(" '’-")
        return self.meaning.get((kind, key), ("-", False))


class Scan:
    """One view being read: where number words match and where the phrases around numbers
    occur (``Cues.occurrences``), so that each pattern is tried only where it can match."""

    __slots__ = ("cues", "ends", "excluded", "lex", "norm", "starts", "view", "words")

    def __init__(self, view: str, norm: NormalizedText, lex: Lexicon, cues: Cues) -> None:
        self.view, self.norm, self.lex, self.cues = view, norm, lex, cues
        self.words: dict[int, re.Match[str]] = {}  # position -> ``word_re`` match
        self.starts: dict[int, int] = {}  # position -> kinds of phrases starting there or next
        self.ends: dict[int, int] = {}  # position -> kinds of phrases ending there or just before
        self.excluded: list[tuple[int, int]] = []  # spans of exclusion phrases
        cues.occurrences(self)

    def token_at(self, pos: int) -> Token | None:
        """``Lexicon.token_at`` of the view, from the matches found up front."""
        m = self.words.get(pos)
        return None if m is None else self.lex.token(m)

    def may_start(self, bit: int, pos: int) -> bool:
        """Whether a phrase of this kind starts at ``pos`` or one character later."""
        return bool((self.cues.always | self.starts.get(pos, 0)) & bit)

    def may_end(self, bit: int, pos: int) -> bool:
        """Whether a phrase of this kind ends at ``pos`` or one character earlier."""
        return bool((self.cues.always | self.ends.get(pos, 0)) & bit)

    def may_exclude(self, low: int, high: int) -> bool:
        """Whether an exclusion phrase lies within ``view[low:high]``."""
        if self.cues.always & EXCLUDE:
            return True
        return any(low <= start and end <= high for start, end in self.excluded)

    def excludes(self, core_s: int, core_e: int) -> bool:
        """Whether an exclusion phrase («سه‌شنبه», "one-sided") covers ``[core_s, core_e)``."""
        cues = self.cues
        if not (self.excluded or cues.always):  # the usual case: no exclusion phrase at all
            return False
        view = self.view
        low, high = max(0, core_s - cues.maxlen), min(len(view), core_e + cues.maxlen)
        if self.may_exclude(low, high):
            for ex in cues.exclude_re.finditer(view, low, high):
                if ex.start() <= core_s and ex.end() >= core_e:
                    return True
        return False

    def context(self, core_s: int, core_e: int, floor: int) -> Context:
        """Span, unit, qualifier and approx of the number ``[core_s, core_e)`` with the words
        around it (none before ``floor``); each pattern runs only where one of its phrases
        occurs. Without a phrase ending just before the number or starting just after it,
        nothing around it can change: the usual case runs no pattern at all."""
        cues = self.cues
        if not (cues.always | self.ends.get(core_s, 0) | self.starts.get(core_e, 0)):
            return core_s, core_e, "count", None, False
        view = self.view
        start, end, unit = core_s, core_e, "count"
        m = cues.unit_after_re.match(view, core_e) if self.may_start(UNIT_AFTER, core_e) else None
        if m is not None:
            unit, end = cues.lookup("unit_after", m.group())[0], m.end()
        elif self.may_end(UNIT_BEFORE, core_s):
            m = cues.unit_before_re.search(view, max(floor, core_s - cues.maxlen), core_s)
            if m is not None:
                unit, start = cues.lookup("unit_before", m.group())[0], m.start()
        qualifier, approx = None, False
        m = None
        if self.may_end(BEFORE, start):
            m = cues.before_re.search(view, max(floor, start - cues.maxlen), start)
        if m is not None:
            (qualifier, approx), start = cues.lookup("before", m.group()), m.start()
        elif self.may_start(AFTER, end):
            m = cues.after_re.match(view, end)
            if m is not None:
                (qualifier, approx), end = cues.lookup("after", m.group()), m.end()
        return start, end, unit, qualifier, approx
