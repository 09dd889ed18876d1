"""`Registry.link`: the matcher's hits through the context and usage rules, into links.

A document of news holds several names per hundred words, so this loop runs thousands of
times per megabyte. What does not depend on the document is decided once per name entry and
kept (a *plan*: the actor, the method, whether a personal title may unmake it, which usage
cues apply); context and usage are read from the normalized view around each hit.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, NamedTuple

from peyvand.registry.context import ContextRules, Cue, is_country, settle
from peyvand.registry.countries import BLOCKED
from peyvand.registry.matcher import Hit, NameMatcher
from peyvand.registry.stream import KEY, LENGTH
from peyvand.registry.usage import UsageRules
from peyvand.text.normalize import NormalizedText


@dataclass(frozen=True, slots=True)
class ActorInfo:
    id: str
    type: str
    name: str
    country: str | None = None
    sponsor: str | None = None
    kind: str | None = None


class Link(NamedTuple):
    """One mention linked to an actor, with the reason it linked."""

    actor: ActorInfo
    start: int
    end: int
    method: str  # "exact" | "alias" | "fuzzy" | "context"
    score: float
    matched: str  # the registry name that matched
    lang: str


EXACT_KINDS = frozenset({"cldr", "name"})
USAGE_KINDS = frozenset({"capital", "demonym"})
NAME_KINDS = frozenset({"cldr", "alias"})


# What one slot (a name and one of its entries) links to in one document language, decided
# once: a plain tuple, read with these indices (literal ones in the loop).
Plan = tuple[int, ActorInfo | None, str, str, str, str, bool, str | None, bool, list[Cue] | None]
SIMPLE: Final = 0  # 2: no rule applies, every hit links as it is; 1: only a title could stop
# it (a country), so it is simple in a document without titles; 0: rules apply
ACTOR: Final = 1  # None: an id the registry does not know
METHOD: Final = 2
NAME: Final = 3
LANG: Final = 4
ACTOR_ID: Final = 5
COUNTRY: Final = 6  # a personal title before it makes it a person's name
USAGE: Final = 7  # the scope of usage cues it is checked against (`UsageRules.scope`)
FOREIGN: Final = 8  # a common word of the document's language when it stands bare
CUES: Final = 9  # an ambiguous name: the cues that decide it

SKIP: Plan = (0, None, "", "", "", BLOCKED, False, None, False, None)
Pending = tuple[int, Hit, Plan]


class Linker:
    def __init__(
        self,
        matcher: NameMatcher,
        info: Callable[[str], ActorInfo | None],
        context: ContextRules,
        usage: UsageRules,
    ) -> None:
        self._matcher = matcher
        self._info = info
        self._context = context
        self._usage = usage
        self._plans: dict[str | None, list[Plan | None]] = {}
        self._foreign: dict[str | None, frozenset[str]] = {}

    def _plan(self, slot: int, key: str, lang: str | None) -> Plan:
        entry = self._matcher.entries[slot]
        plan = SKIP
        if entry.actor_id != BLOCKED:
            if lang not in self._foreign:
                self._foreign[lang] = self._context.foreign_words(lang, self._matcher.langs)
            actor = self._info(entry.actor_id)
            country = is_country(entry.actor_id)
            usage = entry.kind if entry.kind in USAGE_KINDS else None
            if (
                usage is None
                and country
                and entry.kind in NAME_KINDS
                and lang is not None
                and self._usage.has("name", lang)  # the document's language has such cues
            ):
                usage = "name"  # «Azerbaycan Türkçesi»: a country's name naming a language
            if usage is not None:  # the cues of the document's language and of the name's
                usage = self._usage.scope(usage, (lang, entry.lang) if lang else ())
            foreign = key in self._foreign[lang]
            cues = self._context.ambiguous.get(key)
            plain = actor is not None and not usage and not foreign and not cues
            plan = (
                (1 if country else 2) if plain else 0,
                actor,
                "exact" if entry.kind in EXACT_KINDS else "alias",
                entry.name,
                entry.lang,
                entry.actor_id,
                country,
                usage,
                foreign,
                cues,
            )
        self._plans[lang][slot] = plan
        return plan

    def link(self, norm: NormalizedText, lang: str | None, fuzzy: bool = True) -> list[Link]:
        """Every linked mention, in text order.

        The cyclic garbage collector waits while this runs: the registry holds some 200,000
        objects for it to walk, linking allocates thousands of small tuples per megabyte
        (each allocation brings the next collection nearer) and makes no cycles.
        """
        enabled = gc.isenabled()
        gc.disable()
        try:
            return self._link(norm, lang, fuzzy)
        finally:
            if enabled:
                gc.enable()

    def _link(self, norm: NormalizedText, lang: str | None, fuzzy: bool) -> list[Link]:
        hits, marks = self._matcher.matches(norm, fuzzy)
        if not hits:
            return []
        view = norm.text
        titled = self._context.title_ends(view, marks) if marks else None
        text = norm.original
        plans = self._plans.get(lang)
        if plans is None:
            plans = self._plans[lang] = [None] * len(self._matcher.entries)
        links: list[Link | None] = []
        kept: list[str] = []  # actors kept by context but dropped later (one sense per discourse)
        decided: dict[str, set[str]] = {}  # the senses cues gave each ambiguous name
        pending: list[Pending] = []
        _walk(self, hits, plans, lang, view, text, titled, links, kept, decided, pending)
        if not pending:
            return links  # type: ignore[return-value]
        linked = {item.actor.id for item in links if item is not None}.union(kept)
        self._settle(norm, pending, decided, linked, links)
        return [item for item in links if item is not None]

    def _settle(
        self,
        norm: NormalizedText,
        pending: list[Pending],
        decided: dict[str, set[str]],
        linked: set[str],
        links: list[Link | None],
    ) -> None:
        """Ambiguous names no cue decided: the sense the document gives them, in place."""
        for slot, hit, plan in pending:
            start, end, o_start, o_end, _, info, score = hit
            cues = plan[CUES]
            assert cues is not None
            choice = settle(cues, decided.get(info[KEY], set()), linked)
            usage = plan[USAGE]
            if choice == BLOCKED or (
                usage
                and self._usage.not_the_actor(
                    norm.text, norm.original, start, end, o_start, o_end, info[LENGTH], usage
                )
            ):
                continue
            actor = self._info(choice)
            if actor is None:
                continue
            method = "context" if score == 100.0 else "fuzzy"
            links[slot] = Link(actor, o_start, o_end, method, score, plan[NAME], plan[LANG])


def _walk(
    linker: Linker,
    hits: list[Hit],
    plans: list[Plan | None],
    lang: str | None,
    view: str,
    text: str,
    titled: set[int] | None,
    links: list[Link | None],
    kept: list[str],
    decided: dict[str, set[str]],
    pending: list[Pending],
) -> None:
    """The hits through their plans, into ``links`` (None where a name waits for the
    document's sense). A function of its own so that `linker.pxd` can type its locals when
    Cython compiles it."""
    hard = 0 if titled is None else 1  # plans above it are simple here
    after_title = linker._context.after_title
    not_the_actor = linker._usage.not_the_actor
    new = tuple.__new__
    append = links.append
    for hit in hits:
        start, end, o_start, o_end, slot, info, score = hit
        plan = plans[slot] or linker._plan(slot, info[2], lang)
        if plan[0] > hard:  # SIMPLE
            method = plan[2] if score == 100.0 else "fuzzy"
            append(new(Link, (plan[1], o_start, o_end, method, score, plan[3], plan[4])))
            continue
        if plan is SKIP:
            continue
        actor, method, actor_id = plan[1], plan[2], plan[5]
        if plan[6] and titled and start in titled and after_title(view, start):  # COUNTRY
            continue  # «خانم ایران …», «آقای ایرانی»: a person's name, not the country
        if plan[8] and view[start:end] == info[2]:  # FOREIGN
            continue  # a bare name of other languages that is a word of this one
        if plan[9]:  # CUES: an ambiguous name
            sense = linker._context.decide(view, start, end, plan[9])
            if sense is None:
                pending.append((len(links), hit, plan))
                append(None)
                continue
            decided.setdefault(info[2], set()).add(sense)
            if sense == BLOCKED:
                continue
            actor_id, actor, method = sense, linker._info(sense), "context"
        usage = plan[7]
        if actor is None or (
            usage and not_the_actor(view, text, start, end, o_start, o_end, info[1], usage)
        ):
            kept.append(actor_id)
            continue
        if score < 100.0:
            method = "fuzzy"
        append(new(Link, (actor, o_start, o_end, method, score, plan[3], plan[4])))
