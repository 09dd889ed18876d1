"""Numbers that count nothing: durations, "the two countries", the indefinite «یک»/"a".

The numbers finder reports every number; the quantities layer keeps those that count or
measure something (tests/gold/GUIDELINES.md). The cues are data,
`lang/<code>/quantity_filters.tsv`: ``duration`` words after a number make it a length of
time («سه سال», "ten years", «12 gün»); ``pair`` words after a 2 make it the two parties
already named («دو کشور», "both sides"); a spelled-out 1 with no qualifier is an article.
"""

from __future__ import annotations

import regex

from peyvand.lang import SUPPORTED_LANGUAGES, LanguageData
from peyvand.model import QuantityRecord
from peyvand.text.calendars import bare_year_calendar
from peyvand.text.normalize import NormalizedText, normalize

_NEXT_WORD = regex.compile(r"\s*[-‐]?\s*([\p{L}\p{M}]+)")
_DIGIT = regex.compile(r"\d")


class QuantityFilter:
    def __init__(self, data: LanguageData) -> None:
        self._data = data
        self._cues: dict[str, frozenset[str]] | None = None

    @property
    def cues(self) -> dict[str, frozenset[str]]:
        if self._cues is None:
            cues: dict[str, set[str]] = {}
            for lang in SUPPORTED_LANGUAGES:
                if self._data.has(lang, "quantity_filters.tsv"):
                    for kind, word in self._data.rows(lang, "quantity_filters.tsv"):
                        turkic = lang in ("az", "tr")
                        cues.setdefault(kind, set()).add(normalize(word, turkic=turkic).text)
            self._cues = {kind: frozenset(words) for kind, words in cues.items()}
        return self._cues

    def keep(self, q: QuantityRecord, view: NormalizedText, lang: str | None) -> bool:
        if q.unit != "count":
            return True
        _, end = view.to_view(q.span.start, q.span.end)
        following = _NEXT_WORD.match(view.text, end)
        word = following.group(1) if following else ""
        if word in self.cues.get("duration", frozenset()):
            return False
        if q.value == 2 and q.qualifier is None and word in self.cues.get("pair", frozenset()):
            return False
        spelled = not _DIGIT.search(q.text)
        if q.value == 1 and spelled and q.qualifier is None:
            return False
        # a bare four-digit number in the range of years is a year the date finder had no
        # cue for ("in 2022", «از ۱۳۹۶»), not a count
        year_like = bare_year_calendar(q.value, lang) is not None
        return not (year_like and not spelled and q.qualifier is None)
