"""From what a user typed to a `Query`: words, quoted phrases, names of actors, filters.

The query goes through the same normalization and tokenizer as the index, so «آذربايجان»
(Arabic yeh) and «آذربایجان» are one word. Words of three letters or more also find longer
words (Persian suffixes: «آذربایجانی», «کتابها»; English plurals); quoted phrases match
exactly. A name the registry links to an actor becomes "any of its names in any language,
or a mention linked to it": «آذربایجان» finds «Azərbaycan», "Azerbaijan" and «Азербайджан».
Only words reach the backends' syntax, so no input can break it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from peyvand.registry.matcher import NameEntry
from peyvand.search.model import Alternative, Filters, Query
from peyvand.search.terms import PREFIX_MIN, is_prefix_word, tag, tokens

if TYPE_CHECKING:
    from peyvand.registry.registry import Registry

EXPANDING_METHODS = frozenset({"exact", "alias", "context"})  # fuzzy guesses stay literal
CAPITAL = "capital"
NAME_PREFIX_MIN = 5  # shorter names match whole words only: «روس» must not find «روستا»
STEM_MIN = 5
ENDING_MAX = 2
MAX_YEARS = 30  # a wider date range is only compared, not narrowed by year tokens


def split_quoted(text: str) -> list[tuple[str, bool]]:
    """Pieces of the query and whether each was quoted; an unpaired quote is ignored."""
    text = text.replace("«", '"').replace("»", '"').replace("“", '"').replace("”", '"')
    parts = text.split('"')
    if len(parts) % 2 == 0:  # odd number of quotes: the last one opens nothing
        parts[-2:] = [parts[-2] + " " + parts[-1]]
    return [(part, index % 2 == 1) for index, part in enumerate(parts) if part.strip()]


def _words(text: str) -> list[Alternative]:
    return [Alternative((w,), is_prefix_word(w)) for w in tokens(text)]


class QueryParser:
    def __init__(self, registry: Registry | None = None) -> None:
        self._registry = registry
        self._names: dict[str, list[NameEntry]] | None = None

    def _entries(self, actor_id: str) -> list[NameEntry]:
        if self._names is None:
            assert self._registry is not None
            self._names = {}
            for entry in self._registry.name_entries():
                self._names.setdefault(entry.actor_id, []).append(entry)
        return self._names.get(actor_id, [])

    def actor_clause(self, actor_id: str, matched: str, literal: str) -> tuple[Alternative, ...]:
        """Every name of the actor (only its capital's names if a capital was typed)."""
        entries = self._entries(actor_id)
        capital = any(e.kind == CAPITAL and _same(e.name, matched) for e in entries)
        names = [e.name for e in entries if (e.kind == CAPITAL) == capital]
        phrases = {tuple(tokens(n)) for n in [literal, *names]} - {()}
        alternatives = [
            Alternative(p, len(p[-1]) >= NAME_PREFIX_MIN, loose=min(map(len, p)) >= PREFIX_MIN)
            for p in _prune(phrases)
        ]
        actor_tag = tag("actor", actor_id)
        if not capital and actor_tag:
            alternatives.append(Alternative((actor_tag,), tag=True))
        return tuple(alternatives)

    def parse(self, text: str, filters: Filters | None = None) -> Query:
        clauses: list[tuple[Alternative, ...]] = []
        for piece, quoted in split_quoted(text):
            if quoted:
                words = tuple(tokens(piece))
                if words:
                    clauses.append((Alternative(words),))
                continue
            clauses.extend(self._free(piece))
        clauses.extend(filter_clauses(filters or Filters()))
        return Query(tuple(dict.fromkeys(clauses)))

    def _free(self, piece: str) -> list[tuple[Alternative, ...]]:
        links = [
            link
            for link in (self._registry.search(piece) if self._registry else [])
            if link.method in EXPANDING_METHODS
        ]
        clauses: list[tuple[Alternative, ...]] = []
        position = 0
        for link in sorted(links, key=lambda link: link.start):
            if link.start < position:
                continue
            clauses += [(alt,) for alt in _words(piece[position : link.start])]
            clause = self.actor_clause(link.actor.id, link.matched, piece[link.start : link.end])
            if clause:
                clauses.append(clause)
            position = link.end
        clauses += [(alt,) for alt in _words(piece[position:])]
        return clauses


def _same(a: str, b: str) -> bool:
    return tokens(a) == tokens(b)


def _prune(phrases: set[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Fewer OR branches: one-word names with only their endings apart become their common
    stem («россия», «россии», «россией» → «росси»), and a name that a one-word prefix
    alternative already finds is dropped."""
    singles = sorted(p[0] for p in phrases if len(p) == 1 and len(p[0]) >= NAME_PREFIX_MIN)
    stems: list[str] = []
    for word in singles:  # sorted: the words that begin with a stem come right after it
        if stems and word.startswith(stems[-1]):
            continue
        if stems and _inflected(stems[-1], word):
            stems[-1] = _common(stems[-1], word)
        else:
            stems.append(word)
    kept: list[tuple[str, ...]] = [(stem,) for stem in stems]
    whole = {p[0] for p in phrases if len(p) == 1 and len(p[0]) < NAME_PREFIX_MIN}
    kept += [(word,) for word in sorted(whole)]
    for phrase in sorted(p for p in phrases if len(p) > 1):
        if not any(w.startswith(stem) for stem in stems for w in phrase) and whole.isdisjoint(
            phrase
        ):
            kept.append(phrase)
    return kept


def _common(a: str, b: str) -> str:
    size = 0
    while size < min(len(a), len(b)) and a[size] == b[size]:
        size += 1
    return a[:size]


def _inflected(a: str, b: str) -> bool:
    """Two forms of one word: a shared stem of five letters or more, endings of two at most."""
    stem = len(_common(a, b))
    return stem >= STEM_MIN and max(len(a), len(b)) - stem <= ENDING_MAX


def filter_clauses(filters: Filters) -> list[tuple[Alternative, ...]]:
    """The filters that are index tokens: pair, domain, record type and kind, language; and
    the years of a date range, which narrow the rows whose dates are then compared."""
    wanted: list[str | None] = []
    if filters.pair:
        wanted += [tag("actor", actor) for actor in filters.pair]
    if filters.domain:
        wanted.append(tag("domain", filters.domain))
    if filters.type:
        wanted.append(tag("type", filters.type))
    if filters.kind and filters.kind != "document":
        wanted.append(tag("kind", filters.kind))
    if filters.language:
        wanted.append(tag("language", filters.language))
    clauses: list[tuple[Alternative, ...]] = [(Alternative((t,), tag=True),) for t in wanted if t]
    if filters.since and filters.until and 0 <= filters.until.year - filters.since.year < MAX_YEARS:
        years = range(filters.since.year, filters.until.year + 1)
        clauses.append(tuple(Alternative((tag("year", str(y)) or "",), tag=True) for y in years))
    return clauses
