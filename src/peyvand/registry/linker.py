"""`Registry.link`: the matcher's hits through the context and usage rules, into links.

A document of news holds several names per hundred words, so this loop runs thousands of
times per megabyte. What does not depend on the document is decided once per name entry and
kept (a *plan*: the actor, the method, whether a personal title may unmake it, which usage
cues apply); context and usage are read from the normalized view around each hit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from peyvand.registry.context import ContextRules, Cue, is_country, settle
from peyvand.registry.countries import BLOCKED
from peyvand.registry.matcher import Hit, NameMatcher
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


class Plan(NamedTuple):
    """What one slot (a name and one of its entries) links to in one document language."""

    simple: bool  # no rule applies: every hit links as it is
    actor: ActorInfo | None  # None: an id the registry does not know
    method: str
    name: str
    lang: str
    actor_id: str
    country: bool  # a personal title before it makes it a person's name
    usage: str | None  # the kind of usage cues it is checked against
    foreign: bool  # a common word of the document's language when it stands bare
    cues: list[Cue] | None  # an ambiguous name: the cues that decide it


SKIP = Plan(False, None, "", "", "", BLOCKED, False, None, False, None)
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
        if entry.actor_id == BLOCKED:
            plan = SKIP
        else:
            if lang not in self._foreign:
                self._foreign[lang] = self._context.foreign_words(lang, self._matcher.langs)
            actor = self._info(entry.actor_id)
            country = is_country(entry.actor_id)
            usage = entry.kind if entry.kind in USAGE_KINDS else None
            foreign = key in self._foreign[lang]
            cues = self._context.ambiguous.get(key)
            plan = Plan(
                actor is not None and not country and not usage and not foreign and not cues,
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
        hits = self._matcher.hits(norm, fuzzy)
        if not hits:
            return []
        view = norm.text
        plans = self._plans.get(lang)
        if plans is None:
            plans = self._plans[lang] = [None] * len(self._matcher.entries)
        after_title = self._context.after_title
        not_the_actor = self._usage.not_the_actor
        new = tuple.__new__
        links: list[Link | None] = []
        append = links.append
        kept: list[str] = []  # actors kept by context but dropped later (one sense per discourse)
        decided: dict[str, set[str]] = {}  # the senses cues gave each ambiguous name
        pending: list[Pending] = []
        for hit in hits:
            start, end, o_start, o_end, slot, info, score = hit
            plan = plans[slot] or self._plan(slot, info[2], lang)
            if plan[0]:
                method = plan[2] if score == 100.0 else "fuzzy"
                append(new(Link, (plan[1], o_start, o_end, method, score, plan[3], plan[4])))
                continue
            if plan is SKIP:
                continue
            actor, actor_id, method = plan.actor, plan.actor_id, plan.method
            if plan.country and after_title(view, start):
                continue  # «خانم ایران …», «آقای ایرانی»: a person's name, not the country
            if plan.foreign and view[start:end] == info.key:
                continue  # a bare name of other languages that is a word of this one
            if plan.cues:
                sense = self._context.decide(view, start, end, plan.cues)
                if sense is None:
                    pending.append((len(links), hit, plan))
                    append(None)
                    continue
                decided.setdefault(info.key, set()).add(sense)
                if sense == BLOCKED:
                    continue
                actor_id, actor, method = sense, self._info(sense), "context"
            if (
                plan.usage is not None
                and not_the_actor(
                    view, norm.original, (start, end, o_start, o_end), info.length, plan.usage
                )
            ) or actor is None:
                kept.append(actor_id)
                continue
            if score < 100.0:
                method = "fuzzy"
            append(new(Link, (actor, o_start, o_end, method, score, plan.name, plan.lang)))
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
            assert plan.cues is not None
            choice = settle(plan.cues, decided.get(info.key, set()), linked)
            if choice == BLOCKED:
                continue
            if plan.usage is not None and self._usage.not_the_actor(
                norm.text, norm.original, (start, end, o_start, o_end), info.length, plan.usage
            ):
                continue
            actor = self._info(choice)
            if actor is None:
                continue
            method = "context" if score == 100.0 else "fuzzy"
            links[slot] = Link(actor, o_start, o_end, method, score, plan.name, plan.lang)
