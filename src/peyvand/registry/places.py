"""Capitals and countries that name a place by where they stand, not by the words around them.

Two positions, read on the original text after linking:

* a dateline: a name alone at a line's start before a dash («الكويت – بثّت…», "TEHRAN —
  The…"), or before a comma and a date or a parenthesis ("BAKU, 19 June", «Bakı, 19 iyun») when
  it is a capital or written in capitals. It says where the report was filed.
* a city list: a capital enumerated beside a Capitalised place the registry does not know
  («İstanbul, Ankara, Bakü ve Gence tiyatroları», "Tabriz, Baku and Ganja"). An uncased
  script cannot show that the neighbour is a name, so there the neighbour must be a known
  city («تبریز، اردبیل و تهران»). The words that join a list and those cities are data
  (``list`` and ``city`` rows of `lang/<code>/name_usage.tsv`).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import compress
from operator import attrgetter
from typing import TYPE_CHECKING

import regex

from peyvand.text.normalize import normalize

if TYPE_CHECKING:
    from peyvand.registry.linker import Link

_DATELINE = regex.compile(r"\s*[,،—–-]\s*\d|\s*\(")
_DASH_DATELINE = regex.compile(r"[ \t]*[—–][ \t]")
_APOSTROPHE = regex.compile(r"['’]")
_START = attrgetter("start")
_MATCHED = attrgetter("matched")
_COMMAS = (",", "،")  # what the prefilter of city lists takes for a comma (keep in step
# with the list regexes)
_KNOWN_WORDS = 10_000  # neighbour words remembered (a list's cities recur)
REACH = 40  # how far before a capital its list neighbour may start


class Places:
    def __init__(
        self,
        capitals: frozenset[str],
        names: frozenset[str],
        list_words: Iterable[str],
        cities: frozenset[str] = frozenset(),
    ) -> None:
        """``capitals``: registry names that are capitals; ``names``: every country or capital
        name, normalized (a neighbour that is one leaves the capital to the other rules);
        ``cities``: the known cities of uncased scripts, normalized."""
        self._capitals = capitals
        self._names = names
        self._cities = cities
        self._joins = frozenset(list_words)
        self._known: dict[str, bool] = {}  # neighbour words: whether they name a country
        joins = "|".join(regex.escape(w) for w in sorted(list_words, key=len, reverse=True))
        between = rf"(?:,[ \t]*|[ \t]+(?:{joins})[ \t]+)" if joins else r"(?:,[ \t]*)"
        self._next = regex.compile(between + r"(\p{Lu}[\p{L}\p{M}]+)")
        self._previous = regex.compile(r"(?:^|[\s(])(\p{Lu}[\p{L}\p{M}]+)" + between + "$")
        uncased = rf"(?:[,،][ \t]*|[ \t]+(?:{joins})[ \t]+)" if joins else r"(?:[,،][ \t]*)"
        word = r"((?:[\p{Lo}\p{M}]|\u200c)+)"
        self._next_city = regex.compile(uncased + word)
        self._previous_city = regex.compile(r"(?:^|[\s(«])" + word + uncased + "$")

    def actors(self, text: str, links: list[Link]) -> list[Link]:
        """The links that are not datelines and not capitals in a city list.

        A document holds thousands of links per megabyte and few of them can be either, so
        the candidates are picked out at C speed (`map`, set intersections) and only those
        are read closely.
        """
        if not links:
            return links
        starts = list(map(_START, links))
        gone = self._datelines(text, links, starts)
        capitals = list(
            compress(range(len(links)), map(self._capitals.__contains__, map(_MATCHED, links)))
        )
        if capitals:
            linked = set(starts)
            gone.update(i for i in capitals if self._listed(text, links[i], linked))
        if not gone:
            return links
        return [item for index, item in enumerate(links) if index not in gone]

    def _datelines(self, text: str, links: list[Link], starts: list[int]) -> set[int]:
        """Indexes of the links that open a line as its dateline."""
        found = set()
        for index, start in enumerate(starts):
            before = start - 1
            while before >= 0 and text[before] in " \t":
                before -= 1
            if before >= 0 and text[before] != "\n":
                continue  # the usual case: a link inside a line
            end = links[index].end
            upper = text[start:end].isupper()
            capital = links[index].matched in self._capitals
            if _DASH_DATELINE.match(text, end) or (
                (upper or capital) and (_DATELINE.match(text, end) or (upper and capital))
            ):
                found.add(index)
        return found

    def _listed(self, text: str, item: Link, linked: set[int]) -> bool:
        """A capital in a list beside a city: a Capitalised word the registry does not know,
        or in an uncased script one of the known cities.

        Most capitals stand in no list, and most listed ones stand beside a linked name:
        plain string reads settle those, and the regexes run only for the rest.
        """
        end = item.end
        if text[end : end + 1] in ("'", "’"):  # past a case ending («Ankara'nın»)
            end += 1
            while end < len(text) and text[end].isalpha():
                end += 1
        start = item.start
        after = word_after(text, end, self._joins)
        before = word_before(text, start, self._joins)
        if after < 0 and before < 0:
            return False
        first = text[start]
        if first.lower() != first.upper():  # a cased script
            if before >= 0 and after < 0 and _paired_by_comma(text, before, start, self._joins):
                before = -1  # "According to Trend News Agency, Baku has …": no list
            if after >= 0 and before < 0 and _paired_by_comma(text, end, after, self._joins):
                after = -1  # "Baku, Azerbaijan's capital, …"
            return (
                after >= 0
                and after not in linked
                and self._city(self._next.match(text, end), linked)
            ) or (
                before >= 0
                and before not in linked
                and self._city(self._previous.search(text, max(0, start - REACH), start), linked)
            )
        if not self._cities:
            return False
        return (after >= 0 and self._known_city(self._next_city.match(text, end))) or (
            before >= 0
            and self._known_city(self._previous_city.search(text, max(0, start - REACH), start))
        )

    def _known_city(self, match: regex.Match[str] | None) -> bool:
        """An uncased neighbour that is one of the known cities («تبریز، اردبیل و تهران»)."""
        return match is not None and normalize(match.group(1)).text in self._cities

    def _city(self, match: regex.Match[str] | None, linked: set[int]) -> bool:
        """A Capitalised neighbour that is no linked name and no country's or capital's name."""
        if match is None or match.start(1) in linked:
            return False
        word = _APOSTROPHE.split(match.group(1))[0]
        known = self._known.get(word)
        if known is None:
            if len(self._known) >= _KNOWN_WORDS:
                self._known.clear()
            known = self._known[word] = (
                normalize(word, turkic=True).text in self._names
                or normalize(word).text in self._names
            )
        return not known


def _paired_by_comma(text: str, left: int, right: int, joins: frozenset[str]) -> bool:
    """Whether only a comma joins two words (``left``: the first's start or end, ``right``:
    the second's start) and neither goes on into a list: a comma between two Capitalised
    words ends a clause or an apposition far more often than it lists two cities; a list
    of two joins them by a word ("Tabriz and Baku"), a longer one goes on past them."""
    if "," not in text[left:right] and "،" not in text[left:right]:
        return False
    head = text[max(0, left - REACH) : left].rstrip(" \t")
    last = head.rsplit(None, 1)[-1] if head.strip() else ""
    if head.endswith(_COMMAS) or last in joins:
        return False  # "Tabriz, Ganja, Baku": a list goes on before the pair
    stop = right
    while stop < len(text) and (text[stop].isalpha() or text[stop] in "'’"):
        stop += 1
    if text[stop : stop + 1] in ("", ".", ";", ":", "!", "?", ")"):
        return False  # "Tours went to Tabriz, Baku.": the pair closes the clause, a list
    return word_after(text, stop, joins) < 0


def word_after(text: str, end: int, joins: frozenset[str]) -> int:
    """Where the word after a comma or a list word at ``end`` starts; -1: no list here."""
    if text.startswith(_COMMAS, end):
        word = end + 1
    else:
        if text[end : end + 1] not in (" ", "\t"):
            return -1
        words = text[end : end + REACH].split(None, 1)
        if not words or words[0] not in joins:
            return -1
        word = text.index(words[0], end) + len(words[0])
    rest = text[word : word + REACH]
    return word + len(rest) - len(rest.lstrip(" \t"))


def word_before(text: str, start: int, joins: frozenset[str]) -> int:
    """Where the word before a comma or a list word ending at ``start`` starts; -1: none."""
    before = text[max(0, start - REACH) : start]
    head = before.rstrip(" \t")
    if head.endswith(_COMMAS):
        head = head[:-1]
    else:
        words = head.rsplit(None, 1)
        if len(head) == len(before) or not words or words[-1] not in joins:
            return -1
        head = head[: len(head) - len(words[-1])]
        if head[-1:] not in (" ", "\t"):
            return -1
        head = head.rstrip(" \t")
    words = head.rsplit(None, 1)
    if not words:
        return -1
    return start - len(before) + len(head) - len(words[-1])
