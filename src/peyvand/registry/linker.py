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

# what one name entry links to: actor (None: unknown id), method, whether it is a country (a
# personal title before it makes it a person), the usage kind it is checked as, the name,
# its language and the actor id
Plan = tuple[ActorInfo | None, str, bool, str | None, str, str, str]
SKIP: Plan = (None, "", False, None, "", "", BLOCKED)
Pending = tuple[int, Hit, Plan, list[Cue]]


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
        self._plans: list[Plan | None] = [None] * len(matcher.entries)
        self._foreign: dict[str | None, frozenset[str]] = {}

    def _plan(self, index: int) -> Plan:
        entry = self._matcher.entries[index]
        if entry.actor_id == BLOCKED:
            plan = SKIP
        else:
            plan = (
                self._info(entry.actor_id),
                "exact" if entry.kind in EXACT_KINDS else "alias",
                is_country(entry.actor_id),
                entry.kind if entry.kind in USAGE_KINDS else None,
                entry.name,
                entry.lang,
                entry.actor_id,
            )
        self._plans[index] = plan
        return plan

    def link(self, norm: NormalizedText, lang: str | None, fuzzy: bool = True) -> list[Link]:
        hits = self._matcher.hits(norm, fuzzy)
        if not hits:
            return []
        view = norm.text
        text = norm.original
        plans = self._plans
        foreign = self._foreign.get(lang)
        if foreign is None:
            foreign = self._context.foreign_words(lang, self._matcher.langs)
            self._foreign[lang] = foreign
        ambiguous = self._context.ambiguous
        after_title = self._context.after_title
        not_the_actor = self._usage.not_the_actor
        make = Link._make
        links: list[Link | None] = []
        linked: set[str] = set()  # actors the context rules kept (for one sense per discourse)
        decided: dict[str, set[str]] = {}  # the senses cues gave each ambiguous name
        pending: list[Pending] = []
        for hit in hits:
            start, end, o_start, o_end, index, info, score = hit
            plan = plans[index] or self._plan(index)
            if plan is SKIP:
                continue
            actor, method, country, usage, name, name_lang, actor_id = plan
            if country and after_title(view, start):
                continue  # «خانم ایران …», «آقای ایرانی»: a person's name, not the country
            key = info.key
            if key in foreign and view[start:end] == key:
                continue  # a bare name of other languages that is a word of this one
            if key in ambiguous:
                cues = ambiguous[key]
                sense = self._context.decide(view, start, end, cues)
                if sense is None:
                    pending.append((len(links), hit, plan, cues))
                    links.append(None)
                    continue
                decided.setdefault(key, set()).add(sense)
                if sense == BLOCKED:
                    continue
                actor_id, actor, method = sense, self._info(sense), "context"
            linked.add(actor_id)
            if usage is not None and not_the_actor(
                view, text, (start, end, o_start, o_end), len(key), usage
            ):
                continue
            if actor is None:
                continue
            if score < 100.0:
                method = "fuzzy"
            links.append(make((actor, o_start, o_end, method, score, name, name_lang)))
        if pending:
            self._settle(norm, pending, decided, linked, links)
        return [item for item in links if item is not None] if pending else links  # type: ignore[return-value]

    def _settle(
        self,
        norm: NormalizedText,
        pending: list[Pending],
        decided: dict[str, set[str]],
        linked: set[str],
        links: list[Link | None],
    ) -> None:
        """Ambiguous names no cue decided: the sense the document gives them, in place."""
        for slot, hit, plan, cues in pending:
            start, end, o_start, o_end, _, info, score = hit
            choice = settle(cues, decided.get(info.key, set()), linked)
            if choice == BLOCKED:
                continue
            usage = plan[3]
            if usage is not None and self._usage.not_the_actor(
                norm.text, norm.original, (start, end, o_start, o_end), len(info.key), usage
            ):
                continue
            actor = self._info(choice)
            if actor is None:
                continue
            method = "context" if score == 100.0 else "fuzzy"
            links[slot] = Link(actor, o_start, o_end, method, score, plan[4], plan[5])
