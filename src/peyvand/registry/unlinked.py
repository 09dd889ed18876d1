"""Unlinked actor candidates: names the registry does not know, found by their head words.

An institution, party, newspaper, mosque or person that no registry entry names is still
worth a record: «موسسه فرهنگی نور», "Nur Cultural Institute", «Təzəpir məscidi», «партия
«Мусават»». `UnlinkedFinder.find` reports such names as candidates, each with the type its
head word gives and its span in the original text; a name the registry already linked
(passed as ``taken``) is not reported again.

Knowledge lives in two data files per language (``lang/<code>/``): ``actor_heads.tsv`` (the
head words) and ``name_words.tsv`` (words with a role around names), read and described in
`peyvand.registry.name_data`. Whether a head phrase around a linked country names an actor
or only describes one, and which wins when a name holds a link, is
`peyvand.registry.name_nesting`.

Boundaries. A name never crosses punctuation or a line break: name words are separated by
spaces only (ZWNJ inside a word keeps it one word, «بازی‌های»). In uncased scripts (Persian,
Arabic) every word counts until a stop word or another head; in cased scripts name words
must be Capitalised, and a head written with a capital in the data must be capitalised in
the text ("the university said" names nothing). A quoted name right after (or before) the
head is taken whole with its quotes. A head glued to a suffix by ZWNJ is a common noun
(«دانشگاه‌ها», «موسسه‌ای»), unless the suffix is a link («موسسه‌ی الهدی»). A head joined
to a clitic conjunction or preposition («وجامعة») begins another name, and so does a head
that a ``compound`` word makes a common noun («روزنامه نگاران») not. A Capitalised name
right before the words of an ``after`` head, with no connector between, is read on: «Yunus
Emre Enstitüsü Gence Türk Kültür Merkezi» is one name, a branch named after its parent.

Persons: a title or role head («آقای», "critic", «куратор») is read by
`peyvand.registry.name_persons`, which leaves the title out of the span and finds the
person's later mentions by surname; a bare person is read by the ending of a surname
(`peyvand.registry.name_people`) or by a listed given name (`peyvand.registry.name_given`).
A head that ends a registry name may still end a longer, unknown name
(`peyvand.registry.name_nesting.around_link`). Overlaps are settled per layer (sites,
actors) by `peyvand.registry.name_layers`.

Speed: one Aho–Corasick automaton per set of languages, built lazily from the data, finds
the heads in the normalized view in one pass; only the few places where a head occurs are
looked at more closely, on the original text.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

import ahocorasick

from peyvand.lang import LanguageData
from peyvand.registry.matcher import TURKIC, is_word_char
from peyvand.registry.name_bounds import (
    LINE_BREAK,
    NameWords,
    Spans,
    is_compound,
)
from peyvand.registry.name_candidate import UnlinkedCandidate
from peyvand.registry.name_data import (
    ACTOR_TYPES,
    HEADS_FILE,
    HeadRule,
    head_keys,
    merge_words,
    read_rules,
    read_words,
)
from peyvand.registry.name_epithets import Epithets, people_by_epithet, read_epithets
from peyvand.registry.name_given import GivenNames, people_by_given_name, read_given
from peyvand.registry.name_heads import name_after_head, name_before_head
from peyvand.registry.name_initials import letters, with_initials
from peyvand.registry.name_joins import apart_from_persons
from peyvand.registry.name_layers import without_overlaps
from peyvand.registry.name_nesting import around_link
from peyvand.registry.name_people import Surnames, people_by_surname, read_surnames
from peyvand.registry.name_persons import read_person, with_later_mentions
from peyvand.text.normalize import NormalizedText, normalize
from peyvand.text.segment import ABBREVIATIONS_FILE

__all__ = ["ACTOR_TYPES", "HeadRule", "UnlinkedCandidate", "UnlinkedFinder"]


class UnlinkedFinder:
    """Finds unlinked actor candidates by the head words of ``lang/<code>/actor_heads.tsv``."""

    def __init__(self, data: LanguageData) -> None:
        self._data = data
        self._rules: dict[str, tuple[HeadRule, ...]] | None = None
        self._words: dict[str, NameWords] = {}
        self._merged: NameWords | None = None
        self._automata: dict[tuple[str, ...], ahocorasick.Automaton] = {}
        self._surnames: dict[str, Surnames | None] = {}
        self._given: dict[str, GivenNames | None] = {}
        self._epithets: dict[str, Epithets | None] = {}
        self._abbreviations: frozenset[str] | None = None

    # --- data -------------------------------------------------------------------------------
    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self._data.languages_with(HEADS_FILE))

    def rules(self) -> dict[str, tuple[HeadRule, ...]]:
        """Head rules by normalized head key (every ZWNJ and Turkic-I variant is a key)."""
        if self._rules is None:
            grouped: dict[str, list[HeadRule]] = {}
            for lang in self.languages:
                for rule in read_rules(self._data, lang, self.words(lang)):
                    for key in head_keys(rule.head, lang):
                        grouped.setdefault(key, []).append(rule)
            self._rules = {key: tuple(rules) for key, rules in grouped.items()}
        return self._rules

    def words(self, lang: str) -> NameWords:
        """The role words of ``lang`` (empty when it has no ``name_words.tsv``)."""
        if lang not in self._words:
            self._words[lang] = read_words(self._data, lang)
        return self._words[lang]

    def merged_words(self) -> NameWords:
        """The role words of every language together (for text of unknown language)."""
        if self._merged is None:
            self._merged = merge_words([self.words(lang) for lang in self.languages])
        return self._merged

    def _automaton(self, langs: tuple[str, ...]) -> ahocorasick.Automaton:
        automaton = self._automata.get(langs)
        if automaton is None:
            automaton = ahocorasick.Automaton()
            for key, rules in self.rules().items():
                mine = tuple(rule for rule in rules if rule.lang in langs)
                if mine:
                    automaton.add_word(key, (key, mine, any(r.endings for r in mine)))
            if len(automaton):
                automaton.make_automaton()
            self._automata[langs] = automaton
        return automaton

    def _clitic_head(self, key: str, words: NameWords) -> bool:
        """Whether ``key`` is a head with a clitic conjunction or preposition joined before it
        («وجامعة»): another name begins there."""
        return any(
            key.startswith(clitic) and key[len(clitic) :] in self.rules() for clitic in words.clitic
        )

    def surnames(self, lang: str) -> Surnames | None:
        """The surname endings of ``lang`` (``None`` when it has none)."""
        if lang not in self._surnames:
            self._surnames[lang] = read_surnames(self._data, lang, self.words(lang))
        return self._surnames[lang]

    def abbreviations(self) -> frozenset[str]:
        """The letters of every language's ``abbreviations.txt`` entry ("U.S." → "US")."""
        if self._abbreviations is None:
            self._abbreviations = frozenset(
                letters(line.partition("\t")[0])
                for lang in self._data.languages_with(ABBREVIATIONS_FILE)
                for line in self._data.lines(lang, ABBREVIATIONS_FILE)
            )
        return self._abbreviations

    def epithets(self, lang: str) -> Epithets | None:
        """The epithet patterns of ``lang`` (``None`` when it has none)."""
        if lang not in self._epithets:
            self._epithets[lang] = read_epithets(self._data, lang)
        return self._epithets[lang]

    def given(self, lang: str) -> GivenNames | None:
        """The given names of ``lang`` (``None`` when it has none)."""
        if lang not in self._given:
            self._given[lang] = read_given(self._data, lang, self.words(lang))
        return self._given[lang]

    def _langs_for(self, lang: str | None) -> tuple[str, ...]:
        available = self.languages
        if lang in available:
            return (lang,)
        return available  # unknown or undetected language: every language's heads

    # --- finding ----------------------------------------------------------------------------
    def find(
        self,
        text: str | NormalizedText,
        lang: str | None,
        taken: Sequence[tuple[int, int]] = (),
        countries: Sequence[tuple[int, int]] = (),
    ) -> list[UnlinkedCandidate]:
        """Unlinked candidates in ``text`` (a string or its normalized view), by start.

        ``lang`` chooses the heads (all languages when ``None`` or unknown). ``taken`` are
        spans the registry linked: a candidate whose head word overlaps one is not reported
        (the registry knew the name); a linked country inside a name («خانه فرهنگ ایران»)
        does not hide it. ``countries`` are the linked spans that name a country (or its
        demonym): a head phrase that adds only generic words to one describes, and is not
        reported (`peyvand.registry.name_nesting`). Candidates do not overlap; the longest
        wins.
        """
        norm = text if isinstance(text, NormalizedText) else normalize(text, turkic=lang in TURKIC)
        langs = self._langs_for(lang)
        automaton = self._automaton(langs)
        if not len(automaton):
            return []
        view = norm.text
        size = len(view)
        original = norm.original
        merged = self.merged_words() if len(langs) > 1 else None
        hits: list[tuple[int, int, bool, tuple[HeadRule, ...]]] = []  # start, end (original)
        for last, (key, rules, endings) in automaton.iter(view):
            start = last - len(key) + 1
            if start > 0 and is_word_char(view[start - 1]):
                continue
            end = last + 1
            goes_on = end < size and is_word_char(view[end])
            if goes_on and not endings:
                continue
            hs, he = norm.to_original(start, end)
            if " " in key and LINE_BREAK.search(original, hs, he):
                continue  # "University\nof": the view made the line break a space
            words = merged or self.words(rules[0].lang)
            if not goes_on and is_compound(original, he, key, words):
                continue  # «روزنامه نگاران»: one common noun written in two words
            hits.append((hs, he, goes_on, rules))
        linked = Spans(taken)
        named = Spans(countries)
        head_starts = {hs for hs, _, goes_on, _ in hits if not goes_on}
        openers = frozenset(
            hs for hs, _, goes_on, rules in hits if not goes_on and all(r.before for r in rules)
        )
        found: list[UnlinkedCandidate] = []
        for hs, he, goes_on, rules in hits:
            inside = linked.overlaps(hs, he)
            if inside and linked.holder(hs, he) is None:
                continue
            if len(rules) > 1:  # the row written as in the text first («مؤسسه», «موسسه»)
                written = original[hs:he]
                ordered = sorted(rules, key=lambda r: r.head != written)
            else:
                ordered = list(rules)
            for rule in ordered:
                if goes_on and not rule.endings:
                    continue
                if rule.capital and not original[hs].isupper():
                    continue
                words = merged or self.words(rule.lang)
                if inside:  # the registry's name ends with the head: a longer name?
                    start = around_link(original, he, rule, words, head_starts, linked, named)
                    candidate = None
                    if start is not None:  # the name holds the whole link, endings and all
                        end = max(he, (linked.holder(hs, he) or (hs, he))[1])
                        name = original[start:end]
                        candidate = UnlinkedCandidate(name, rule.type, rule.head, start, end)
                elif rule.title:
                    span = read_person(original, he, rule, words, head_starts, linked, hs)
                    candidate = None
                    if span is not None:
                        name = original[span[0] : span[1]]
                        candidate = UnlinkedCandidate(name, rule.type, rule.head, *span)
                elif rule.before:
                    candidate = name_after_head(
                        original,
                        hs,
                        he,
                        rule,
                        words,
                        head_starts,
                        named,
                        partial(self._clitic_head, words=words),
                        openers,
                    )
                else:
                    candidate = name_before_head(
                        original, hs, he, goes_on, rule, words, head_starts, named, openers
                    )
                if candidate is not None:
                    found.append(candidate)
        if len(langs) == 1 and (surnames := self.surnames(langs[0])) is not None:
            found.extend(
                people_by_surname(original, self.words(langs[0]), surnames, head_starts, linked)
            )
        if len(langs) == 1 and (given := self.given(langs[0])) is not None:
            found.extend(
                people_by_given_name(original, self.words(langs[0]), given, head_starts, linked)
            )
        if len(langs) == 1 and (epithets := self.epithets(langs[0])) is not None:
            found.extend(people_by_epithet(original, epithets, head_starts, linked))
        if len(langs) == 1:
            found = apart_from_persons(original, found, self.words(langs[0]))
        found = with_initials(original, found, self.abbreviations())
        chosen = without_overlaps(found)
        return with_later_mentions(original, chosen, linked)
