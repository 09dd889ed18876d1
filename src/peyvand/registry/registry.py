"""The registry: every actor (countries from CLDR, curated YAML, the user's own) and its names.

`Registry.link` turns a document's normalized view into linked mentions: exact and fuzzy
name matches, then the context rules of `registry.context` (a person called Iran, the
Iranian province vs the republic). `Registry.search` explains how one name links, and why.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from peyvand.lang import SUPPORTED_LANGUAGES, LanguageData
from peyvand.registry.actors import ActorEntry, merge, packaged_entries
from peyvand.registry.cache import DiskCache, cache_key, default_directory
from peyvand.registry.context import ContextRules, is_country
from peyvand.registry.countries import BLOCKED, CountryCatalog
from peyvand.registry.linker import EXACT_KINDS, USAGE_KINDS, ActorInfo, Link, Linker
from peyvand.registry.matcher import TURKIC, NameEntry, NameMatcher
from peyvand.registry.name_data import read_words
from peyvand.registry.places import Places
from peyvand.registry.usage import UsageRules
from peyvand.text.normalize import NormalizedText, normalize

__all__ = ["EXACT_KINDS", "USAGE_KINDS", "ActorInfo", "Link", "Registry"]


class Registry:
    """Countries, curated actors and user entries, with one matcher over all their names."""

    def __init__(
        self,
        data: LanguageData,
        user_entries: Sequence[ActorEntry] = (),
        cache: DiskCache | None = None,
    ) -> None:
        self._data = data
        self._countries = CountryCatalog(data)
        self._user_entries = tuple(user_entries)
        self._actors_loaded: list[ActorEntry] | None = None
        self._info: dict[str, ActorInfo] | None = None
        self._matcher: NameMatcher | None = None
        self._linker: Linker | None = None
        self._cache = cache if cache is not None else DiskCache(default_directory())
        self._context = ContextRules(data)
        self._usage = UsageRules(data)
        self._places: Places | None = None

    @property
    def _actors(self) -> list[ActorEntry]:
        if self._actors_loaded is None:
            self._actors_loaded = merge(packaged_entries(), self._user_entries)
        return self._actors_loaded

    def _load_info(self) -> dict[str, ActorInfo]:
        if self._info is None:
            info: dict[str, ActorInfo] = {}
            for country in self._countries.names():
                if country.id != BLOCKED and country.id not in info:
                    info[country.id] = ActorInfo(
                        country.id,
                        "country",
                        self._countries.english_name(country.id),
                        country.id,
                    )
            for actor in self._actors:
                info[actor.id] = ActorInfo(
                    actor.id,
                    actor.type,
                    actor.name,
                    actor.country or actor.seat,
                    actor.sponsor,
                    actor.kind,
                )
            self._info = info
        return self._info

    def info(self, actor_id: str) -> ActorInfo | None:
        return self._load_info().get(actor_id)

    def __len__(self) -> int:
        return len(self._load_info())

    def name_entries(self) -> list[NameEntry]:
        entries = [NameEntry(c.id, c.name, c.lang, c.kind) for c in self._countries.names()]
        for actor in self._actors:
            for lang, names in actor.names.items():
                for name in names:
                    kind = "name" if name == actor.name else "alias"
                    entries.append(NameEntry(actor.id, name, lang, kind))
        return entries

    @property
    def matcher(self) -> NameMatcher:
        """Built once; loaded from the disk cache when nothing it is built from changed."""
        if self._matcher is None:
            key = cache_key(
                (
                    json.dumps(e.as_dict(), ensure_ascii=False, sort_keys=True)
                    for e in self._user_entries
                ),
                self._data.extra_dirs,
            )
            cached = self._cache.load(key)
            if isinstance(cached, tuple) and len(cached) == 2:
                self._matcher, self._info = cached
                return self._matcher
            self._build_matcher()
            self._cache.save(key, (self._matcher, self._load_info()))
        assert self._matcher is not None
        return self._matcher

    def _words(self, lang: str, name: str) -> set[str]:
        """The normalized lines of a language's data file (none if it has no such file)."""
        if not self._data.has(lang, name):
            return set()
        turkic = lang in TURKIC
        return {normalize(line, turkic=turkic).text for line in self._data.lines(lang, name)}

    def _build_matcher(self) -> None:
        if self._matcher is None:
            suffixes = {
                lang: self._words(lang, "name_suffixes.txt") for lang in SUPPORTED_LANGUAGES
            }
            prefixes = {
                lang: self._words(lang, "name_prefixes.txt") for lang in SUPPORTED_LANGUAGES
            }
            common = set().union(
                *(self._words(lang, "common_words.txt") for lang in SUPPORTED_LANGUAGES)
            )
            articles = set().union(*(read_words(self._data, lang).article for lang in prefixes))
            self._matcher = NameMatcher(
                self.name_entries(),
                set().union(*suffixes.values()),
                common,
                suffixes_by_lang=suffixes,
                prefixes_by_lang=prefixes,
                marks=self._context.titles,
                articles=articles,
            )

    @property
    def linker(self) -> Linker:
        if self._linker is None:
            self._linker = Linker(self.matcher, self.info, self._context, self._usage)
        return self._linker

    def link(self, norm: NormalizedText, lang: str | None, fuzzy: bool = True) -> list[Link]:
        """Every linked mention in a document's normalized view, in text order."""
        if self._places is None:
            capitals, names = self._place_names()
            self._places = Places(capitals, names, self._usage.list_words(), self._usage.cities())
        return self._places.actors(norm.original, self.linker.link(norm, lang, fuzzy))

    def _place_names(self) -> tuple[frozenset[str], frozenset[str]]:
        """Capitals as registry names, and every country or capital name normalized."""
        capitals, places = set(), set()
        for entry in self.matcher.entries:
            if is_country(entry.actor_id):
                places.add(normalize(entry.name, turkic=entry.lang in TURKIC).text)
                if entry.kind == "capital":
                    capitals.add(entry.name)
        return frozenset(capitals), frozenset(places)

    def search(self, name: str, lang: str | None = None) -> list[Link]:
        """How ``name`` links: the whole string as a document, every link with its reason."""
        norm = normalize(name, turkic=lang in TURKIC)
        return self.link(norm, lang)
