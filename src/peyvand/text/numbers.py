"""Numbers and quantities in fa, en, az, tr, ru and ar text, with exact evidence spans.

A quantity is a number (digits in any script, number words, or both: «۲.۵ میلیارد») with the
words around it that change its meaning: a qualifier («حدود», "more than", «-dan çox»), a
percent sign or word, a currency. Numbers inside identifiers (COVID-19, G20, URLs, codes),
dates written with slashes, ordinals and vague plurals («صدها», "thousands") are skipped.
Matching runs on the normalized view; spans are offsets into the text as given.

Speed: one Aho–Corasick pass (:class:`.quantity_words.Scan`) finds where number words can
start and where qualifier, unit and exclusion phrases occur; Python work and the patterns run
only there, and a lone number word that nothing continues («دو کشور») is read without the
``Composer``.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from peyvand.lang import LanguageData
from peyvand.text.normalize import NormalizedText, normalize
from peyvand.text.number_scripts import number_languages
from peyvand.text.number_words import Composer, Lexicon, Token
from peyvand.text.quantity_words import QUANTITY_WORDS, UNIT_BEFORE, Cues, Scan
from peyvand.text.views import normalized

__all__ = ["QUANTITY_WORDS", "NumberFinder", "Quantity"]

_CHAIN_RE = re.compile(r"[0-9]+(?:[.,/:\-][0-9]+)*")
_SEP_RE = re.compile(r"[.,/:]")
_DIGITS_RE = re.compile(r"[0-9]+")
_DIGIT_RE = re.compile(r"[0-9]")
_WORD_RE = re.compile(r"\w+")
_SPACE_GROUP_RE = re.compile(r" [0-9]{3}(?![0-9])")
_URL_RE = re.compile(r"(?:https?://|www\.)\S+")
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_NOT_BEFORE_DIGITS = frozenset("_/\\:#@=&.,")
_ALONE = frozenset({"unit", "ten", "hundred"})  # kinds that are a number on their own


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in a text, with its unit, qualifier and evidence span."""

    value: int | float
    unit: str  # "count" | "percent" | a currency code like "USD"
    approx: bool
    qualifier: str | None  # about, nearly, more_than, less_than, at_least, at_most
    text: str  # == original[start:end]
    start: int
    end: int


def _mark(char: str) -> bool:
    """Whether ``char`` is a nonspacing mark (letters, digits and spaces are looked up fast)."""
    return not (char.isalnum() or char.isspace()) and unicodedata.category(char) == "Mn"


def _number(value: Decimal) -> int | float:
    whole = int(value)
    return whole if whole == value else float(value)


class NumberFinder:
    """Finds quantities; the lexicon of each language set is compiled once, on first use."""

    def __init__(self, data: LanguageData) -> None:
        self._data = data
        self._compiled: dict[tuple[str, ...], tuple[Lexicon, Cues]] = {}

    def _get(self, langs: tuple[str, ...]) -> tuple[Lexicon, Cues]:
        if langs not in self._compiled:
            lex = Lexicon(self._data, langs)
            self._compiled[langs] = (lex, Cues(self._data, lex))
        return self._compiled[langs]

    @staticmethod
    def languages_for(text: str) -> tuple[str, ...]:
        """The languages to try when none is given, from the dominant script."""
        return number_languages(text)

    def find(self, text: str, lang: str | None = None) -> list[Quantity]:
        """All quantities in ``text``, sorted and non-overlapping."""
        lex, cues = self._get((lang,) if lang else self.languages_for(text))
        norm = normalized(text, turkic=lex.turkic)
        view = norm.text
        scan = Scan(view, norm, lex, cues)
        blocked = self._blocked(view)
        found: list[Quantity] = []
        pos = floor = 0
        # Candidates are digits and number words (``Lexicon.matches``), leftmost first.
        words, index, digit = [*scan.words, sys.maxsize], 0, -1
        while True:
            if digit < pos:
                next_digit = _DIGIT_RE.search(view, pos)
                digit = sys.maxsize if next_digit is None else next_digit.start()
            while words[index] < pos:
                index += 1
            start = digit if digit < words[index] else words[index]
            if start == sys.maxsize:
                break
            while blocked and blocked[0][1] <= start:
                blocked.pop(0)
            if blocked and blocked[0][0] <= start:  # inside a URL or an e-mail address
                pos = blocked[0][1]
                continue
            lead = (
                cues.unit_lead_re.match(view, start)
                if start != digit and (cues.always or scan.starts.get(start, 0) & UNIT_BEFORE)
                else None
            )
            if lead is not None:  # «yüzde» is the percent word, not «yüz» + «-de»
                pos = lead.end()
                continue
            tokens, value, nxt = self._phrase(scan, start)
            pos = nxt if nxt > start else start + 1
            if not tokens:
                continue
            quantity = self._quantity(scan, tokens, value, floor=floor)
            if quantity is not None:
                found.append(quantity[0])
                floor = pos = pos if pos > quantity[1] else quantity[1]
        return found

    @staticmethod
    def _blocked(view: str) -> list[tuple[int, int]]:
        """Spans of URLs and e-mail addresses, whose digits are never quantities."""
        spans = []
        if "://" in view or "www." in view:
            spans += [(m.start(), m.end()) for m in _URL_RE.finditer(view)]
        if "@" in view:
            spans += [(m.start(), m.end()) for m in _EMAIL_RE.finditer(view)]
        return sorted(spans)

    def parse_words(self, words: str, lang: str) -> int | None:
        """The integer value of ``words`` if they are one whole number, else None."""
        lex, _ = self._get((lang,))
        norm = normalize(words.strip(), turkic=lex.turkic)
        view = norm.text.strip()
        tokens, value, _ = self._phrase(Scan(view, norm, lex, self._compiled[(lang,)][1]), 0)
        if value is None or tokens[-1].tail != len(view) or tokens[-1].joins_next:
            return None
        return int(value) if value == value.to_integral_value() else None

    # -- phrases ---------------------------------------------------------------------------

    def _phrase(self, scan: Scan, start: int) -> tuple[list[Token], Decimal | None, int]:
        """The tokens of the number starting at ``start``, its value and where to search next.

        The usual case, one number that nothing continues («دو کشور», «۱۲ نفر»), is read
        directly: a first unit, ten, hundred or run of digits is its own value (as in
        ``Composer``).
        """
        view, lex, words = scan.view, scan.lex, scan.words
        m = words.get(start)
        first: Token | None = None
        if m is not None:
            first = lex.token(m)
            alone = first.kind in _ALONE and not (first.ends_phrase or first.joins_next)
        elif "0" <= view[start : start + 1] <= "9":
            digits = self._digits(scan, start)
            if isinstance(digits, int):  # digits that are no number: skip them
                return [], None, digits
            first, alone = digits, True
        if first is not None and alone:
            gap = lex.gap_re.match(view, first.tail)
            after = gap.end() if gap is not None else first.tail if first.kind == "digits" else -1
            if after < 0 or not (after in words or "0" <= view[after : after + 1] <= "9"):
                return [first], first.value, first.end
        tokens, comp, nxt = self._tokens(scan, start, first)
        return tokens, comp.value() if tokens else None, nxt

    def _tokens(
        self, scan: Scan, start: int, first: Token | None = None
    ) -> tuple[list[Token], Composer, int]:
        """The tokens of the number starting at ``start`` (its ``first`` token if read
        already) and where to search next.

        An ordinal or vague plural anywhere in the phrase drops the whole phrase.
        """
        view, lex, words = scan.view, scan.lex, scan.words
        comp = Composer(lex.units_before_tens)
        tokens: list[Token] = []
        pos, connected = start, False
        while True:
            if first is not None:
                tok, first = first, None
            elif "0" <= view[pos : pos + 1] <= "9":
                digits = self._digits(scan, pos)
                if isinstance(digits, int):  # digits that are no number: skip them
                    return ([], comp, digits) if not tokens else (tokens, comp, tokens[-1].end)
                tok = digits
            else:
                m = words.get(pos)  # ``Lexicon.token_at``, from the matches found up front
                if m is None:
                    break
                tok = lex.token(m)
            kind = tok.kind
            if kind == "ordinal":
                return [], comp, tok.tail
            if kind == "plural":  # «ده‌ها هزار», "tens of thousands": all of it is vague
                return [], comp, self._skip_number(scan, tok.tail)
            if not comp.feed(tok, connected or tok.start > pos):
                if not tokens:
                    return [], comp, tok.tail
                break
            tokens.append(tok)
            if tok.ends_phrase:
                break
            if tok.joins_next:
                pos, connected = tok.tail + (view[tok.tail : tok.tail + 1] == " "), True
                continue
            gap = lex.gap_re.match(view, tok.tail)
            if gap is not None:
                pos, connected = gap.end(), gap.lastgroup == "c"
            elif tok.kind == "digits":
                pos, connected = tok.tail, False
            else:
                break
        while tokens and tokens[-1].kind == "article":
            tokens.pop()
        return tokens, comp, tokens[-1].end if tokens else start + 1

    @staticmethod
    def _skip_number(scan: Scan, pos: int) -> int:
        """The end of the number words that follow ``pos`` directly."""
        while True:
            gap = scan.lex.gap_re.match(scan.view, pos)
            tok = scan.token_at(gap.end()) if gap is not None else None
            if tok is None:
                return pos
            pos = tok.tail

    def _digits(self, scan: Scan, pos: int) -> Token | int:
        """The digit number at ``pos``, or the position to skip to when it is no number."""
        view, lex, norm = scan.view, scan.lex, scan.norm
        m = _CHAIN_RE.match(view, pos)
        assert m is not None
        chain, end = m.group(), m.end()
        before = view[pos - 1] if pos else " "
        if before == "," and norm.original[norm.original_index(pos - 1)] == "،":
            before = " "
        if (
            before.isalpha()
            or before in _NOT_BEFORE_DIGITS
            or (before == "-" and pos > 1 and view[pos - 2].isalpha())
        ):
            return end
        if ":" in chain or chain.count("-") > 1:
            return end
        if "-" in chain:  # a range «10-15»: the second number is found on its own
            chain = chain[: chain.index("-")]
            end = pos + len(chain)
        seps = (
            []
            if chain.isdigit()
            else [(pos + s.start(), s.group()) for s in _SEP_RE.finditer(chain)]
        )
        value = self._digit_value(view, pos, end, seps, lex=lex, norm=norm)
        if value is None:
            return end
        number, end = value
        if end < len(view):
            nxt = self._after_digits(view, end, lex)
            if nxt is not None:
                return nxt
        return Token(pos, end, end, number, "digits")

    def _digit_value(
        self,
        view: str,
        pos: int,
        end: int,
        seps: list[tuple[int, str]],
        *,
        lex: Lexicon,
        norm: NormalizedText,
    ) -> tuple[Decimal, int] | None:
        """Reads separators by the language rules; None when the chain is no plain number.

        Persian ٫ is always a decimal mark and ٬ always a thousands mark, whatever the
        language; an Arabic comma «،» between digits separates two numbers.
        """
        originals = [norm.original[norm.original_index(at)] for at, _ in seps]
        if "،" in originals:
            cut = originals.index("،")
            end, seps, originals = seps[cut][0], seps[:cut], originals[:cut]
        bounds = [pos] + [at + 1 for at, _ in seps]
        chunks = [view[b : (seps[i][0] if i < len(seps) else end)] for i, b in enumerate(bounds)]
        int_part, frac = chunks[0], ""
        if len(int_part) > 1 and int_part[0] == "0":  # a phone number or a zero-padded code
            return None
        for i, ((_, sep), original) in enumerate(zip(seps, originals, strict=True)):
            chunk = chunks[i + 1]
            role = {"٫": "decimal", "٬": "group"}.get(original) or lex.separators.get(
                {".": "dot", ",": "comma", "/": "slash"}[sep], "none"
            )
            if role == "decimal_before_unit":
                if len(seps) > 1 or not self._unit_follows(view, end, lex):
                    return None
                role = "decimal"
            if role == "group3":
                role = "group" if len(chunk) == 3 else "decimal"
            if role == "group" and not frac and len(chunk) == 3 and len(chunks[0]) <= 3:
                int_part += chunk
            elif role == "decimal" and not frac and i == len(seps) - 1:
                frac = chunk
            else:
                return None
        if lex.separators.get("space") == "group" and not seps and len(int_part) <= 3:
            while (
                _SPACE_GROUP_RE.match(view, end)
                and norm.original[norm.original_index(end)] in " \u00a0\u202f\u2009"
            ):
                int_part += view[end + 1 : end + 4]
                end += 4
            mark = {",": "comma", ".": "dot"}.get(view[end : end + 1])
            tail = _DIGITS_RE.match(view, end + 1) if mark else None
            if tail and mark and lex.separators.get(mark) == "decimal" and len(int_part) > 3:
                frac = tail.group()
                end = tail.end()
        return Decimal(f"{int_part}.{frac}" if frac else int_part), end

    def _unit_follows(self, view: str, end: int, lex: Lexicon) -> bool:
        cues = self._compiled[lex.langs][1]
        if cues.unit_after_re.match(view, end):
            return True
        tok = lex.token_at(view, end + (view[end : end + 1] == " "))
        return tok is not None and tok.kind in ("scale", "scale_pl")

    def _after_digits(self, view: str, end: int, lex: Lexicon) -> int | None:
        """Where to skip to when what follows the digits makes them no count, else None."""
        char = view[end]
        first = view[end + 1 : end + 2] if char in "-'’ " else char
        if first in lex.ordinal_firsts and (char.isalpha() or first.isalpha()):
            ordinal = lex.digit_ordinal_re.match(view, end)
            if ordinal is not None:
                return ordinal.end()
        if not char.isalpha():
            return None
        if "\u0600" <= char <= "\u06ff":  # Persian/Arabic word glued to the digits («۵نفر»)
            return None
        tok = lex.token_at(view, end)
        if tok is not None and tok.kind in ("scale", "scale_pl"):
            return None
        if self._compiled[lex.langs][1].unit_after_re.match(view, end):
            return None
        if lex.digit_case_re.match(view, end):
            return None
        letters = _WORD_RE.match(view, end)
        return letters.end() if letters else end

    # -- context ---------------------------------------------------------------------------

    def _quantity(
        self, scan: Scan, tokens: list[Token], value: Decimal | None, *, floor: int
    ) -> tuple[Quantity, int] | None:
        """Adds qualifier, percent and currency words around a phrase; None if no quantity."""
        if value is None:
            return None
        core_s, core_e = tokens[0].start, tokens[-1].end
        if scan.excludes(core_s, core_e):
            return None
        start, end, unit, qualifier, approx = scan.context(core_s, core_e, floor)
        if (
            len(tokens) == 1
            and tokens[0].entry is not None
            and tokens[0].entry.weak
            and unit == "count"
            and qualifier is None
        ):
            return None
        norm = scan.norm
        o_start, o_end = norm.to_original(start, end)
        original = norm.original
        while o_end < len(original) and _mark(original[o_end]):
            o_end += 1  # a vowel mark on the last letter («درصدِ») belongs to the word
        quantity = Quantity(
            _number(value), unit, approx, qualifier, original[o_start:o_end], o_start, o_end
        )
        return quantity, end
