"""Capitals and countries that name a place by where they stand, not by the words around them.

Two positions, read on the original text after linking:

* a dateline: a name alone at a line's start before a dash («الكويت – بثّت…», "TEHRAN —
  The…"), or before a comma and a date or a parenthesis ("BAKU, 19 June", «Bakı, 19 iyun») when
  it is a capital or written in capitals. It says where the report was filed.
* a city list: a capital enumerated beside a Capitalised place the registry does not know
  («İstanbul, Ankara, Bakü ve Gence tiyatroları», "Tabriz, Baku and Ganja"). Cased scripts
  only: uncased ones cannot show that the neighbour is a name. The words that join a list
  are data (``list`` rows of `lang/<code>/name_usage.tsv`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import regex

from peyvand.text.normalize import normalize

if TYPE_CHECKING:
    from peyvand.registry.linker import Link

_DATELINE = regex.compile(r"\s*[,،—–-]\s*\d|\s*\(")
_DASH_DATELINE = regex.compile(r"[ \t]*[—–][ \t]")
_APOSTROPHE = regex.compile(r"['’]")
REACH = 40  # how far before a capital its list neighbour may start


class Places:
    def __init__(
        self, capitals: frozenset[str], names: frozenset[str], list_words: Iterable[str]
    ) -> None:
        """``capitals``: registry names that are capitals; ``names``: every country or capital
        name, normalized (a neighbour that is one leaves the capital to the other rules)."""
        self._capitals = capitals
        self._names = names
        joins = "|".join(regex.escape(w) for w in sorted(list_words, key=len, reverse=True))
        between = rf"(?:,[ \t]*|[ \t]+(?:{joins})[ \t]+)" if joins else r"(?:,[ \t]*)"
        self._next = regex.compile(between + r"(\p{Lu}[\p{L}\p{M}]+)")
        self._previous = regex.compile(r"(?:^|[\s(])(\p{Lu}[\p{L}\p{M}]+)" + between + "$")

    def actors(self, text: str, links: list[Link]) -> list[Link]:
        """The links that are not datelines and not capitals in a city list."""
        if not links:
            return links
        gone = self._datelines(text, links)
        linked = {item.start for item in links}
        kept = []
        for index, item in enumerate(links):
            if index in gone or (
                item.matched in self._capitals and self._listed(text, item, linked)
            ):
                continue
            kept.append(item)
        return kept

    def _datelines(self, text: str, links: list[Link]) -> set[int]:
        """Indexes of the links that open a line as its dateline."""
        at = {item.start: index for index, item in enumerate(links)}
        found = set()
        find = text.find
        line = 0
        while line >= 0:  # few lines, many links: walk the lines (str.find runs at C speed)
            first = line
            while first < len(text) and text[first] in " \t":
                first += 1
            index = at.get(first)
            line = find("\n", line) + 1 or -1
            if index is None:
                continue
            start, end = links[index].start, links[index].end
            upper = text[start:end].isupper()
            capital = links[index].matched in self._capitals
            if _DASH_DATELINE.match(text, end) or (
                (upper or capital) and (_DATELINE.match(text, end) or (upper and capital))
            ):
                found.add(index)
        return found

    def _listed(self, text: str, item: Link, linked: set[int]) -> bool:
        end = item.end
        if text[end : end + 1] in ("'", "’"):  # past a case ending («Ankara'nın»)
            end += 1
            while end < len(text) and text[end].isalpha():
                end += 1
        after = self._next.match(text, end)
        before = self._previous.search(text, max(0, item.start - REACH), item.start)
        return self._city(after, linked) or self._city(before, linked)

    def _city(self, match: regex.Match[str] | None, linked: set[int]) -> bool:
        """A Capitalised neighbour that is no linked name and no country's or capital's name."""
        if match is None or match.start(1) in linked:
            return False
        word = _APOSTROPHE.split(match.group(1))[0]
        return (
            normalize(word, turkic=True).text not in self._names
            and normalize(word).text not in self._names
        )
