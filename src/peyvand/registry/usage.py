"""Uses of a country's name that are not the country acting: places and languages.

A capital names its government when it acts («باکو … مانع شد», "Tehran protested"), but
only a place in "in Baku", «در تهران», «Bakıda», «в Тегеране» or a dateline ("BAKU, 19 June");
a demonym names a language in "Azerbaijani subtitles", «زیرنویس آذربایجانی». The cues are
data, `lang/<code>/name_usage.tsv`: the name kind they apply to (``capital`` or ``demonym``),
where the cue stands (``before``: the word before; ``after``: the word after; ``suffix``: an
ending on the name's own word), and the cue.
"""

from __future__ import annotations

import regex

from peyvand.lang import SUPPORTED_LANGUAGES, LanguageData
from peyvand.registry.matcher import TURKIC, NameMatch
from peyvand.text.normalize import normalize

_WORD = regex.compile(r"[\p{L}\p{M}\p{N}\u200c'’-]+")
_DATELINE = regex.compile(r"\s*[,،—–-]\s*\d|\s*\(")


class UsageRules:
    def __init__(self, data: LanguageData) -> None:
        self._data = data
        self._rules: dict[tuple[str, str], frozenset[str]] | None = None

    @property
    def rules(self) -> dict[tuple[str, str], frozenset[str]]:
        if self._rules is None:
            rules: dict[tuple[str, str], set[str]] = {}
            for lang in SUPPORTED_LANGUAGES:
                if not self._data.has(lang, "name_usage.tsv"):
                    continue
                turkic = lang in TURKIC
                for kind, side, word in self._data.rows(lang, "name_usage.tsv"):
                    cue = normalize(word, turkic=turkic).text
                    rules.setdefault((kind, side), set()).add(cue)
            self._rules = {key: frozenset(words) for key, words in rules.items()}
        return self._rules

    def not_the_actor(self, text: str, match: NameMatch, kind: str, lang: str | None) -> bool:
        """True when this mention names a place or a language rather than the country."""
        turkic = lang in TURKIC
        surface = text[match.start : match.end]
        if kind == "capital":
            line_start = text.rfind("\n", 0, match.start) + 1
            at_line_start = not text[line_start : match.start].strip()
            if at_line_start and (surface.isupper() or _DATELINE.match(text, match.end)):
                return True  # a dateline: "BAKU, 19 June (agency) —"
        suffixes = self.rules.get((kind, "suffix"), frozenset())
        if suffixes:
            tail = normalize(surface, turkic=turkic).text[len(match.key) :]
            if tail and (tail in suffixes or tail.lstrip("'’") in suffixes):
                return True
        before_words = _WORD.findall(text[max(0, match.start - 40) : match.start])
        if before_words:
            before = normalize(before_words[-1], turkic=turkic).text
            if before in self.rules.get((kind, "before"), frozenset()):
                return True
        after_words = _WORD.findall(text[match.end : match.end + 40])
        if after_words:
            after = normalize(after_words[0], turkic=turkic).text
            if after in self.rules.get((kind, "after"), frozenset()):
                return True
        return False
