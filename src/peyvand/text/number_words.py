"""Number words: the per-language lexicon (from ``lang/<code>/number_words.tsv``) and the
grammar that adds word tokens up to a value («دو هزار و پانصد» = 2500).

The lexicon of one or more languages is compiled once into regular expressions over the
normalized view (see :mod:`peyvand.text.normalize`); :mod:`peyvand.text.numbers` walks the
tokens and feeds them to a :class:`Composer`, which refuses a token that cannot continue
the number, so «پنج شش» reads as two numbers, not as eleven.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from peyvand.lang import LanguageData, LanguageDataError
from peyvand.text.normalize import normalize

NUMBER_WORDS = "number_words.tsv"
_WORD_KINDS = frozenset(
    {"unit", "ten", "hundred", "hundred_mult", "scale", "scale_pl", "fraction", "ordinal"}
)
_SUFFIX_KINDS = frozenset({"ordinal_suffix", "plural_suffix", "case_suffix"})
_HUNDRED, _TEN, _UNIT = 4, 2, 1
_ALL_SLOTS = _HUNDRED | _TEN | _UNIT
# A letter: a word character that is neither a digit nor an underscore.
LETTER_BEFORE = r"(?<![^\W\d_])"
LETTER_AFTER = r"(?![^\W\d_])"


@dataclass(frozen=True, slots=True)
class Entry:
    """One number word: its value, grammatical kind and source language."""

    value: Decimal
    kind: str
    lang: str
    weak: bool = False
    count: Decimal | None = None  # the count a word holds itself: «ألفان» = 2 x 1000


@dataclass(slots=True)  # not frozen: a frozen dataclass is three times slower to build
class Token:
    """A number token found in the view: a word (with ``entry``) or digits (``entry`` None)."""

    start: int  # where the number itself starts (after an attached «و»)
    end: int  # end of the number itself (before a case ending such as «-dan»)
    tail: int  # end of the whole token, endings included
    value: Decimal
    kind: str  # an Entry kind, "digits", "article", or "ordinal"/"plural" for such endings
    entry: Entry | None = None
    ends_phrase: bool = False  # a case ending closes the number («otuzdan»)
    joins_next: bool = False  # an attached connector («سیو») needs a following part


# A token as placed relative to its match: offset and length of the number, value, kind,
# entry, and whether it ends the phrase or joins the next part (see ``Token``).
_Shape = tuple[int, int, Decimal, str, "Entry | None", bool, bool]
_SHAPES = 10_000  # distinct matches whose reading is remembered


class _Everything(frozenset[str]):
    """A set that contains every string."""

    def __contains__(self, item: object) -> bool:
        return True


_ALL = _Everything()


def trie_pattern(words: list[str]) -> str:
    """A regex alternation shaped as a trie: fast to scan, longest word tried first."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


def _alternation(words: list[str]) -> str:
    return trie_pattern(sorted(set(words))) if words else "(?!)"


class Lexicon:
    """The number words, endings and digit rules of a set of languages, compiled."""

    def __init__(self, data: LanguageData, langs: tuple[str, ...]) -> None:
        self.langs = langs
        self.words: dict[str, Entry] = {}
        self.suffixes: dict[str, tuple[str, str]] = {}  # ending -> (kind, how it joins)
        self.connectors: list[str] = []
        self.prefixes: list[str] = []
        self.conn_suffixes: list[str] = []
        self.articles: list[str] = []
        self.separators: dict[str, str] = {}
        self.units_before_tens: set[str] = set()
        self._shapes: dict[tuple[str | None, ...], _Shape] = {}
        rows = {
            lang: data.rows(lang, NUMBER_WORDS) for lang in langs if data.has(lang, NUMBER_WORDS)
        }
        self.turkic = any(
            row[:3] == ["casefold", "turkic", "rule"] for part in rows.values() for row in part
        )
        for lang, lang_rows in rows.items():
            for row in lang_rows:
                self._add(lang, row)
        if not self.separators:  # a language without data: read digits the English way
            self.separators = {"dot": "decimal", "comma": "group"}
        self._compile()

    def fold(self, text: str) -> str:
        return normalize(text, turkic=self.turkic).text.strip()

    def _add(self, lang: str, row: list[str]) -> None:
        if len(row) < 3:
            raise LanguageDataError(f"{lang}/{NUMBER_WORDS}: bad row {row!r}")
        word, value, kind = row[0], row[1], row[2]
        if kind == "rule":
            if value == "units_before_tens":
                self.units_before_tens.add(lang)
            return
        if kind == "separator":
            self.separators.setdefault(word, value)
            return
        folded = self.fold(word)
        if kind in _SUFFIX_KINDS:
            self.suffixes.setdefault(folded, (kind.split("_")[0], value))
            return
        lists = {
            "connector": self.connectors,
            "connector_prefix": self.prefixes,
            "connector_suffix": self.conn_suffixes,
            "article": self.articles,
        }
        if kind in lists:
            lists[kind].append(folded)
            if kind != "article":
                return
        elif kind not in _WORD_KINDS:
            raise LanguageDataError(f"{lang}/{NUMBER_WORDS}: unknown kind {kind!r}")
        count = None
        if "*" in value:
            count_text, value = value.split("*", 1)
            count = Decimal(count_text)
        weak = len(row) > 3 and "weak" in row[3]
        self.words.setdefault(folded, Entry(Decimal(value), kind, lang, weak, count))

    def _compile(self) -> None:
        words = [w for w, e in self.words.items() if e.kind != "article"]
        by_join: dict[tuple[str, str], list[str]] = {}
        for ending, (kind, join) in self.suffixes.items():
            by_join.setdefault((kind, join), []).append(ending)

        def endings(kind: str, joins: tuple[str, ...], space: bool = False) -> str:
            found = [e for j in joins for e in by_join.get((kind, j), [])]
            body = _alternation(found)
            return f" ?(?:{body})" if space else body

        groups = [
            f"(?P<ord>{endings('ordinal', ('attached',))}|{endings('ordinal', ('space',), True)})",
            f"(?P<pl>{endings('plural', ('attached',))}|{endings('plural', ('space',), True)})",
            f"(?P<case>{endings('case', ('attached',))})",
            f"(?P<cs>{_alternation(self.conn_suffixes)})",
        ]
        suffix = "(?:" + "|".join(groups) + ")?"
        scales = [w for w, e in self.words.items() if e.kind in ("hundred_mult", "scale")]
        article = (
            f"(?P<art>{_alternation(self.articles)})(?= (?:{_alternation(scales)}){LETTER_AFTER})|"
            if self.articles
            else ""
        )
        prefix = f"(?P<pre>{_alternation(self.prefixes)})?" if self.prefixes else ""
        body = f"{article}{prefix}(?P<w>{_alternation(words)}){suffix}"
        word = f"{LETTER_BEFORE}(?:{body}){LETTER_AFTER}"
        self.word_re = re.compile(word)
        # What a word match can start with: one automaton pass over the view (built with the
        # words around numbers, in ``numbers``) finds every place worth trying ``word_re`` at.
        self.starters = {*words, *self.articles, *(p + w for p in self.prefixes for w in words)}
        self.starters.discard("")
        # Digit endings: after digits an ending may follow an apostrophe or a hyphen. They can
        # only match where one of their first letters follows (no test if one is empty or
        # starts with such a mark).
        firsts = {
            e[:1] for j in ("attached", "digits", "space") for e in by_join.get(("ordinal", j), [])
        }
        self.ordinal_firsts = _ALL if firsts & {"", "-", "'", "’", " "} else frozenset(firsts)
        self.digit_ordinal_re = re.compile(
            f"['’-]?(?:{endings('ordinal', ('attached', 'digits', 'space'))}){LETTER_AFTER}"
            f"| (?:{endings('ordinal', ('space',))}){LETTER_AFTER}"
        )
        self.digit_case_re = re.compile(f"['’-]?(?:{endings('case', ('attached',))}){LETTER_AFTER}")
        conns = "|".join(re.escape(c) for c in sorted(set(self.connectors), key=len, reverse=True))
        self.gap_re = re.compile(
            f"(?P<c> (?:{conns}) )|(?P<h> ?- ?)|(?P<s> )" if conns else "(?P<h> ?- ?)|(?P<s> )"
        )

    def matches(self, view: str, starts: set[int]) -> dict[int, re.Match[str]]:
        """Where ``word_re`` matches in the view, in order, given where ``starters`` occur."""
        match, found = self.word_re.match, {}
        # at a word start: the character before is not a letter as ``LETTER_BEFORE`` has it
        # (``[^\W\d_]``: alphanumeric but no decimal digit)
        bounded = [s for s in starts if not s or not (c := view[s - 1]).isalnum() or c.isdecimal()]
        for start in sorted(bounded):
            m = match(view, start)
            if m is not None:
                found[start] = m
        return found

    def token_at(self, view: str, pos: int) -> Token | None:
        """The number word at ``pos`` of the view, if any (digits are handled by the caller)."""
        m = self.word_re.match(view, pos)
        return None if m is None else self.token(m)

    def token(self, m: re.Match[str]) -> Token:
        """The token of a ``word_re`` match; its reading depends only on the matched groups,
        so it is worked out once per distinct groups and then placed at the match."""
        groups = m.groups()
        shape = self._shapes.get(groups)
        if shape is None:
            if len(self._shapes) >= _SHAPES:
                self._shapes.clear()
            shape = self._shapes[groups] = self._shape(m)
        begin, size, value, kind, entry, ends_phrase, joins_next = shape
        at = m.start() + begin
        return Token(at, at + size, m.end(), value, kind, entry, ends_phrase, joins_next)

    def _shape(self, m: re.Match[str]) -> _Shape:
        """Where the number starts and how long it is (relative to the match), and what it is."""
        if self.articles and m.group("art") is not None:
            return 0, m.end() - m.start(), Decimal(1), "article", None, False, False
        word, start = m.group("w"), m.start("w")
        pre = m.group("pre") if self.prefixes else None
        if pre and pre + word in self.words:  # «واحد» is one word, not «و» + «احد»
            word, start = pre + word, m.start()
        entry = self.words[word]
        begin, size = start - m.start(), m.end("w") - start
        if m.group("ord") is not None:
            return begin, size, entry.value, "ordinal", entry, False, False
        if m.group("pl") is not None:
            return begin, size, entry.value, "plural", entry, False, False
        ends_phrase, joins_next = m.group("case") is not None, m.group("cs") is not None
        return begin, size, entry.value, entry.kind, entry, ends_phrase, joins_next


class Composer:
    """Adds number tokens left to right; ``feed`` refuses a token that cannot follow."""

    __slots__ = ("chunks", "fraction", "group", "last", "needs_scale", "slots", "units_before_tens")

    def __init__(self, units_before_tens: set[str]) -> None:
        self.units_before_tens = units_before_tens
        self.chunks: list[tuple[Decimal, Decimal]] = []  # (value, scale) per scale word
        self.group: Decimal | None = None  # the part below the last scale so far
        self.slots = 0
        self.needs_scale = False  # after "a" or a leading half («نیم میلیون»)
        self.fraction = False
        self.last = ""  # kind of the last accepted token

    def feed(self, tok: Token, connected: bool = False) -> bool:
        ok = self._accept(tok, connected)
        if ok:
            self.last = tok.kind
        return ok

    def _accept(self, tok: Token, connected: bool) -> bool:
        kind, value = tok.kind, tok.value
        if self.last == "zero":
            return False
        if kind == "article":
            if self.last not in ("", "fraction") or (self.last and not self.needs_scale):
                return False
            self.needs_scale = True
            return True
        if self.needs_scale and kind not in ("hundred_mult", "scale"):
            return False
        if kind == "unit":
            if value == 0:
                if self.last:
                    return False
                self.group, self.slots, self.last = value, _ALL_SLOTS, "zero"
                return True
            if value >= 10:  # a teen fills the tens and the units slot
                if self.slots & (_TEN | _UNIT):
                    return False
                self.slots |= _TEN | _UNIT
            else:
                if self.slots & _UNIT:
                    return False
                self.slots |= _UNIT
            self.group = (self.group or Decimal(0)) + value
            return True
        if kind == "ten":
            if self.slots & _TEN:
                return False
            if self.slots & _UNIT:  # «خمسة وثلاثون»: units before tens
                entry = tok.entry
                if entry is None or entry.lang not in self.units_before_tens or value < 20:
                    return False
            self.slots |= _TEN
            self.group = (self.group or Decimal(0)) + value
            return True
        if kind == "hundred":
            if self.slots:
                return False
            self.group, self.slots = value, _HUNDRED
            return True
        if kind == "hundred_mult":
            if self.slots & _HUNDRED:
                return False
            self.group = Decimal(100) if self.group is None else self.group * 100
            self.slots, self.needs_scale = _HUNDRED, False
            return True
        if kind == "digits":
            if self.slots or self.needs_scale:
                return False
            if self.chunks and (not connected or value >= self.chunks[-1][1]):
                return False
            self.group, self.slots = value, _ALL_SLOTS
            return True
        if kind == "fraction":
            if self.fraction:
                return False
            if not self.last:  # «نیم میلیون», "half a million": a scale must follow
                self.group, self.fraction, self.needs_scale = Decimal("0.5"), True, True
                self.slots = _ALL_SLOTS
                return True
            if self.group is None:  # «مليون ونصف», "a million and a half"
                if self.last not in ("scale", "scale_pl"):
                    return False
                value, scale = self.chunks[-1]
                self.chunks[-1] = (value + scale / 2, scale)
                self.fraction, self.slots = True, _ALL_SLOTS
                return True
            self.group += Decimal("0.5")
            self.fraction, self.slots = True, _ALL_SLOTS
            return True
        if kind in ("scale", "scale_pl"):
            return self._scale(tok, value)
        return False

    def _scale(self, tok: Token, scale: Decimal) -> bool:
        count = tok.entry.count if tok.entry is not None else None
        group = self.group
        if count is not None:
            if group is not None:
                return False
            group = count
        if group is None:
            if self.last in ("scale", "scale_pl") and self.chunks and scale > self.chunks[-1][1]:
                # «هزار میلیارد», "thousand million": the scales multiply
                value, prev = self.chunks[-1]
                if len(self.chunks) > 1 and self.chunks[-2][1] <= prev * scale:
                    return False
                self.chunks[-1] = (value * scale, prev * scale)
                return True
            if tok.kind == "scale_pl":
                return False
            group = Decimal(1)
        if self.chunks and scale >= self.chunks[-1][1]:
            return False
        self.chunks.append((group * scale, scale))
        self.group, self.slots, self.needs_scale, self.fraction = None, 0, False, False
        return True

    def value(self) -> Decimal | None:
        """The value so far, or None when nothing (or only "a", or a lone half) was read."""
        if self.needs_scale or (self.group is None and not self.chunks):
            return None
        if not self.chunks and self.group is not None:
            return self.group
        return sum((v for v, _ in self.chunks), Decimal(0)) + (self.group or Decimal(0))
