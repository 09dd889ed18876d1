"""Persons named by a word that is no title: a patronymic particle, an ordinal, a preposition.

Some persons carry neither a title nor a telling surname, yet the words around them say a
person is meant. Three such signals, each for the languages whose ``epithets.tsv`` (under
``lang/<code>/``) gives its words:

* a ``particle`` and a Capitalised name, Turkish «İbn»: «İbn Battuta'nın», «İbn Sina»
  (the particle belongs to the name);
* a Roman ordinal with its ``ordinal`` mark and one Capitalised word, a ruler (Turkish):
  «II. Abdülhamid'le», «III. Selim döneminde». The word must carry an apostrophe case
  ending or be followed by a lowercase word («II. Dünya Savaşı» is a war), and be no
  abstract noun (an ``abstract_ending``: «II. Meşrutiyet»);
* a ``comitative`` preposition and two Capitalised words in its case, a given name with a
  ``given_ending`` and a surname with a ``surname_ending`` (Russian «с» + «-ом»/«-ем»):
  «с Раджем Капуром», «с Иваном Петровым» (an adjective in «-ым»/«-им» first, as in
  «с Казанским …», is no given name).

Precision first: no word may be linked by the registry or be a head word, and an apostrophe
case ending is left out of the span, as in `peyvand.registry.name_people`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peyvand.lang import LanguageData, LanguageDataError
from peyvand.registry.name_bounds import APOSTROPHE_SUFFIX, Spans
from peyvand.registry.name_candidate import UnlinkedCandidate

__all__ = ["EPITHETS_FILE", "Epithets", "people_by_epithet", "read_epithets"]

EPITHETS_FILE = "epithets.tsv"
KINDS = ("particle", "ordinal", "abstract_ending", "comitative", "given_ending", "surname_ending")
_UPPER = r"[^\W\d_]"  # a letter; that it is a capital is checked on the match (`_capitals`)
_WORD = rf"{_UPPER}[^\W\d_]+(?:['’][^\W\d_]+)?"
_AFTER = r"(?![\w\u200c'’-])"
MIN_LETTERS = 3


@dataclass(frozen=True, slots=True)
class Epithets:
    """The patterns one language's ``epithets.tsv`` gives (``None``: that signal is unused)."""

    particle: re.Pattern[str] | None
    ordinal: re.Pattern[str] | None
    abstract: tuple[str, ...]
    comitative: re.Pattern[str] | None


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def read_epithets(data: LanguageData, lang: str) -> Epithets | None:
    """The epithet patterns of ``lang``, or ``None`` when it has no ``epithets.tsv``."""
    if not data.has(lang, EPITHETS_FILE):
        return None
    rows: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for row in data.rows(lang, EPITHETS_FILE):
        if len(row) != 2 or row[1] not in rows:
            raise LanguageDataError(f"{lang}/{EPITHETS_FILE}: bad row {row!r}")
        rows[row[1]].append(row[0])
    particle = ordinal = comitative = None
    if rows["particle"]:
        particle = re.compile(
            rf"(?<![\w'’-])(?:{_alternation(rows['particle'])})\s(?:{_UPPER}[^\W\d_]+\s)?"
            rf"{_WORD}{_AFTER}"
        )
    if rows["ordinal"]:
        ordinal = re.compile(
            rf"(?<![\w.])(?:[IVX]{{1,4}})(?:{_alternation(rows['ordinal'])})\s({_WORD}){_AFTER}"
            r"(?:\s(\S))?"
        )
    if rows["comitative"] and rows["given_ending"] and rows["surname_ending"]:
        comitative = re.compile(
            rf"(?<![\w-])(?i:{_alternation(rows['comitative'])})\s"
            rf"({_UPPER}[^\W\d_]+(?:{_alternation(rows['given_ending'])}))\s"
            rf"({_UPPER}[^\W\d_]+(?:{_alternation(rows['surname_ending'])})){_AFTER}"
        )
    return Epithets(particle, ordinal, tuple(rows["abstract_ending"]), comitative)


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
    original: str, epithets: Epithets, heads: set[int], linked: Spans
) -> list[UnlinkedCandidate]:
    """Persons shown by a particle, a ruler's ordinal or a comitative case, in text order."""
    found: list[UnlinkedCandidate] = []
    if epithets.particle is not None:
        for match in epithets.particle.finditer(original):
            if not _capitals(match, 0):
                continue
            start, end = match.start(), _core_end(original, match.start(), match.end())
            if _free(start, end, heads, linked):
                found.append(UnlinkedCandidate(original[start:end], "person", "", start, end))
    if epithets.ordinal is not None:
        for match in epithets.ordinal.finditer(original):
            if not _capitals(match, 1):
                continue
            word = match.group(1)
            core = word.split("'")[0].split("’")[0]
            following = match.group(2)
            if "'" not in word and "’" not in word and not (following and following.islower()):
                continue  # «II. Dünya Savaşı»: a name of something else goes on
            if len(core) < MIN_LETTERS or core.lower().endswith(epithets.abstract):
                continue
            start = match.start()
            end = _core_end(original, match.start(1), match.end(1))
            if _free(start, end, heads, linked):
                found.append(UnlinkedCandidate(original[start:end], "person", "", start, end))
    if epithets.comitative is not None:
        for match in epithets.comitative.finditer(original):
            if not _capitals(match, 1, 2):
                continue
            start, end = match.start(1), match.end(2)
            if _free(start, end, heads, linked):
                found.append(UnlinkedCandidate(original[start:end], "person", "", start, end))
    return sorted(found, key=lambda c: c.start)
