"""Persons named by a word that is no title: a patronymic particle, an ordinal, a preposition.

Some persons carry neither a title nor a telling surname, yet the words around them say a
person is meant. Three such signals, each for the languages whose text uses it:

* Turkish «İbn» and a Capitalised name: «İbn Battuta'nın», «İbn Sina» (the particle belongs
  to the name);
* Turkish Roman ordinal and one Capitalised word, a ruler: «II. Abdülhamid'le», «III. Selim
  döneminde». The word must carry an apostrophe case ending or be followed by a lowercase
  word («II. Dünya Savaşı» is a war), and be no abstract noun («II. Meşrutiyet»);
* Russian «с» and two Capitalised words in the instrumental, a given name in «-ом»/«-ем» and
  a surname: «с Раджем Капуром», «с Иваном Петровым» (an adjective in «-ым»/«-им» first, as in
  «с Казанским …», is no given name).

Precision first: no word may be linked by the registry or be a head word, and an apostrophe
case ending is left out of the span, as in `peyvand.registry.name_people`.
"""

from __future__ import annotations

import re

from peyvand.registry.name_bounds import APOSTROPHE_SUFFIX, Spans
from peyvand.registry.name_candidate import UnlinkedCandidate

__all__ = ["people_by_epithet"]

_UPPER = r"[^\W\d_]"  # a letter; that it is a capital is checked on the match (`_capitals`)
_WORD = rf"{_UPPER}[^\W\d_]+(?:['’][^\W\d_]+)?"
_AFTER = r"(?![\w\u200c'’-])"

IBN = re.compile(rf"(?<![\w'’-])(?:İbn|Ibn)\s(?:{_UPPER}[^\W\d_]+\s)?{_WORD}{_AFTER}")
ORDINAL = re.compile(rf"(?<![\w.])(?:[IVX]{{1,4}})\.\s({_WORD}){_AFTER}(?:\s(\S))?")
INSTRUMENTAL = re.compile(
    rf"(?<![\w-])[сС]\s({_UPPER}[а-яё]+(?:ом|ем))\s({_UPPER}[а-яё]+(?:ом|ым|ем|ой)){_AFTER}"
)
ABSTRACT = ("iyet", "iyeti", "lik", "lık", "luk", "lük", "liği", "lığı")  # «II. Meşrutiyet»
MIN_LETTERS = 3


def _capitals(match: re.Match[str], *groups: int) -> bool:
    """Whether each of the words of ``groups`` (0: after the first word) begins with a capital
    and is not all capitals."""
    for group in groups:
        tokens = match.group().split()[1:] if group == 0 else [match.group(group)]
        if not all(t[0].isupper() and not t.isupper() for t in tokens):
            return False
    return True


def _core_end(original: str, start: int, end: int) -> int:
    apostrophe = APOSTROPHE_SUFFIX.search(original, start, end)
    return apostrophe.start() if apostrophe is not None else end


def _free(start: int, end: int, heads: set[int], linked: Spans) -> bool:
    return not linked.overlaps(start, end) and not any(start <= h < end for h in heads)


def people_by_epithet(
    original: str, lang: str, heads: set[int], linked: Spans
) -> list[UnlinkedCandidate]:
    """Persons shown by «İbn», a ruler's ordinal or «с» + instrumental, in text order."""
    found: list[UnlinkedCandidate] = []
    if lang == "tr":
        for match in IBN.finditer(original):
            if not _capitals(match, 0):
                continue
            start, end = match.start(), _core_end(original, match.start(), match.end())
            if _free(start, end, heads, linked):
                found.append(UnlinkedCandidate(original[start:end], "person", "", start, end))
        for match in ORDINAL.finditer(original):
            if not _capitals(match, 1):
                continue
            word = match.group(1)
            core = word.split("'")[0].split("’")[0]
            following = match.group(2)
            if "'" not in word and "’" not in word and not (following and following.islower()):
                continue  # «II. Dünya Savaşı»: a name of something else goes on
            if len(core) < MIN_LETTERS or core.lower().endswith(ABSTRACT):
                continue
            start = match.start()
            end = _core_end(original, match.start(1), match.end(1))
            if _free(start, end, heads, linked):
                found.append(UnlinkedCandidate(original[start:end], "person", "", start, end))
    elif lang == "ru":
        for match in INSTRUMENTAL.finditer(original):
            if not _capitals(match, 1, 2):
                continue
            start, end = match.start(1), match.end(2)
            if _free(start, end, heads, linked):
                found.append(UnlinkedCandidate(original[start:end], "person", "", start, end))
    return sorted(found, key=lambda c: c.start)
