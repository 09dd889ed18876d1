"""Events between countries: visits, exchanges, broadcasts and their stopping, obstacles...

Trigger words are data (``lang/<code>/event_triggers.tsv``); a trigger is an event only if
it is not negated, planned, hoped for, proposed, conditional or denied (``modality.tsv``),
and, for an event noun ("festival", «پخش»), if the clause says it happened (a REALIS verb)
or what it needs is there (a media word for a stop, an institution for an obstacle, a
monument for damage). An event noun inside a clause about an agreement («سند ... تولید
مشترک فیلم و پخش برنامه‌های تلویزیونی») names the agreement's domain, not an event. Signing
events come from the agreements finder: a signing yields an agreement and SIGN_AGREEMENT.

Source and target ("who did what to whom", countries only) follow the event type:

- symmetric (SIGN_AGREEMENT, EXCHANGE, CO_PRODUCTION): the two countries in order of
  mention; a pair phrase («دو کشور», "the two sides") gives the document's main pair.
- VISIT: the target is where one went (a capital named as a place, or a country after a
  place word: «در», "to", «в», locative «-da»); the source is the country marked as doer
  ("by Iran"), else the country nearest to the trigger. Both are needed.
- CULTURAL_EVENT, PUBLICATION: the target is the host (a place), the source the country
  whose culture it is (the nearest other country).
- BROADCAST, BROADCAST_STOPPED: the programme's country (after "programme", «برنامه»,
  «программы») and the carrier (a country's television). A broadcast goes from the
  programme's country to the carrier; a stop from the carrier against the programme.
- OBSTRUCTION, CLOSURE: an institution run by another country gives both: its host is
  the source and its sponsor the target (Al-Huda in Baku, run by Iran: AZE → IRN); else
  the country of "Iranian cultural centres" is the target and the place is the source.
- STATEMENT_SUPPORT, ACCUSATION, PROTEST: the doer is the country marked as agent, else
  (SVO languages) the nearest country before the trigger, (SOV) the first of the clause;
  the target is the country marked as patient ("accused Baku", «علیه»), else the next one.
- HERITAGE_DAMAGE: the source only when the text says who ("by"); the target is the
  country of the site named in the sentence.

Countries come from the clause, then from the sentence. The date is the nearest date of
the clause; without one it stays null (never the document date) and confidence is lower.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from peyvand.extract.agreements import agreement_finder, countries, domains, has_pair, nearest_date
from peyvand.extract.clauses import BLOCKING, DocContext, Hit, Mention, Sentence, context
from peyvand.model import Event
from peyvand.vocab import Domain, EventType

if TYPE_CHECKING:
    from peyvand.pipeline import Component, Doc, Pipeline

SCHEME = {
    EventType.EXCHANGE: "symmetric",
    EventType.CO_PRODUCTION: "symmetric",
    EventType.VISIT: "visit",
    EventType.CULTURAL_EVENT: "host",
    EventType.PUBLICATION: "host",
    EventType.BROADCAST: "broadcast",
    EventType.BROADCAST_STOPPED: "broadcast",
    EventType.OBSTRUCTION: "institution",
    EventType.CLOSURE: "institution",
    EventType.STATEMENT_SUPPORT: "actor",
    EventType.ACCUSATION: "actor",
    EventType.PROTEST: "actor",
    EventType.HERITAGE_DAMAGE: "damage",
}
TYPES = {t.value: t for t in SCHEME}
# acts of speech: what they are about may be planned ("welcomed the proposal") while the
# speaking happened; only negation, denial or a condition undo them
SPEECH = frozenset({EventType.STATEMENT_SUPPORT, EventType.ACCUSATION, EventType.PROTEST})
SPEECH_BLOCKERS = frozenset({"negation", "denial", "condition"})
# bilateral by nature: a missing side is the other country of the document's main pair
COMPLETED = frozenset(
    {EventType.VISIT, EventType.CULTURAL_EVENT, EventType.PUBLICATION, EventType.STATEMENT_SUPPORT}
)
NEAR_DOMAIN = 3  # words between an event trigger and a domain word that describes it
Roles = tuple[str | None, str | None]


def _nearest(mentions: list[Mention], at: int) -> Mention | None:
    return min(mentions, key=lambda m: abs(m.start - at)) if mentions else None


class EventFinder:
    """Finds events in a document (built once per pipeline)."""

    def __init__(self, pipeline: Pipeline) -> None:
        self._pipeline = pipeline
        self._agreements = agreement_finder(pipeline)

    def find(self, doc: Doc) -> list[Event]:
        ctx = context(self._pipeline, doc)
        events: list[Event] = []
        for found in self._agreements.find(doc):
            if found.signing:
                record = found.record
                events.append(
                    Event(
                        EventType.SIGN_AGREEMENT,
                        record.evidence,
                        found.order[0],
                        found.order[1],
                        record.domains[0] if len(record.domains) == 1 else None,
                        record.date,
                        round(record.confidence - 0.05, 2),
                    )
                )
        sites = [(s.evidence.start, s.country) for s in doc.extraction.sites if s.country]
        for sentence in ctx.sentences:
            if any(h.kind in TYPES for h in sentence.of("event_triggers")):
                events.extend(self._sentence(ctx, sentence, sites))
        events.sort(key=lambda e: (e.evidence.start, e.type.value))
        return events

    def _sentence(
        self, ctx: DocContext, sentence: Sentence, sites: list[tuple[int, str]]
    ) -> list[Event]:
        hits = sentence.of("event_triggers")
        context_kinds = {h.kind for h in hits if h.kind not in TYPES}
        agreement_clauses = {
            sentence.clause(h.start) for h in sentence.of("agreement_triggers") if h.kind == "noun"
        }
        out: list[Event] = []
        seen: set[tuple[EventType, str | None, str | None]] = set()
        for trig in (h for h in hits if h.kind in TYPES):
            kind = TYPES[trig.kind]
            clause = sentence.clause(trig.start)
            needs = trig.value(2, "-").split("|")
            if not ("-" in needs or self._needs_met(ctx, sentence, clause, needs, context_kinds)):
                continue
            if "-" not in needs and clause in agreement_clauses:
                continue  # «سند ... پخش برنامه‌های تلویزیونی»: an agreement's domain
            modality = ctx.blocked(sentence, trig.start, trig.end)
            if modality is not None and (kind not in SPEECH or modality in SPEECH_BLOCKERS):
                continue
            found = self._roles(ctx, sentence, trig, kind, clause, sites)
            if found is None:
                continue
            (source, target), whole = found
            pair = ctx.main_pair
            if kind in COMPLETED and len(pair) == 2 and (source is None) != (target is None):
                known = source or target
                if known in pair:
                    missing = pair[1] if known == pair[0] else pair[0]
                    source, target = (source or missing), (target or missing)
            if (kind, source, target) in seen:
                continue
            seen.add((kind, source, target))
            domain_name = trig.value(3, "-")
            if domain_name != "-":
                domain: Domain | None = Domain(domain_name)
            else:
                named = domains(ctx, sentence, clause, trig, NEAR_DOMAIN)
                domain = named[0] if named else None
            dates: list[str | None] = [nearest_date(ctx, sentence, clause, trig.start)]
            if kind == EventType.HERITAGE_DAMAGE:  # «زمین لرزه های سال ١٨٥٩ و ١٩٠٢»: two acts
                dates = [
                    d[2].value for d in sentence.dates if clause[0] <= d[0] < clause[1]
                ] or dates
            evidence = ctx.evidence(*((sentence.vstart, sentence.vend) if whole else clause))
            for date in dates:
                confidence = 0.6 + 0.15 * (date is not None) + 0.1 * (source is not None)
                out.append(
                    Event(
                        kind, evidence, source, target, domain, date, round(min(confidence, 0.9), 2)
                    )
                )
        return out

    @staticmethod
    def _needs_met(
        ctx: DocContext,
        sentence: Sentence,
        clause: tuple[int, int],
        needs: list[str],
        kinds: set[str],
    ) -> bool:
        for need in needs:
            if need == "realis":
                for hit in sentence.of("event_triggers"):
                    if (
                        hit.kind == "REALIS"
                        and clause[0] <= hit.start < clause[1]
                        and ctx.blocked(sentence, hit.start, hit.end) is None
                    ):
                        return True
            elif need == "media":
                if "MEDIA" in kinds:
                    return True
                if any(m.type == "media" for m in sentence.mentions):
                    return True
            elif need == "institution":
                if "INSTITUTION" in kinds or any(m.host for m in sentence.mentions):
                    return True
                if any(m.type == "institution" for m in sentence.mentions):
                    return True
            elif need in ("heritage", "delegation") and need.upper() in kinds:
                return True
        return False

    def _roles(
        self,
        ctx: DocContext,
        sentence: Sentence,
        trig: Hit,
        kind: EventType,
        clause: tuple[int, int],
        sites: list[tuple[int, str]],
    ) -> tuple[Roles, bool] | None:
        """(source, target) and whether they needed the whole sentence."""
        scheme = SCHEME[kind]
        if scheme == "damage":
            return self._damage(ctx, sentence, clause, sites), False
        # what follows a modal word after the trigger ("... and proposed that X") is not
        # about this act
        end = min(
            [clause[1]]
            + [
                h.start
                for h in sentence.of("modality")
                if h.kind in BLOCKING and trig.end <= h.start < clause[1]
            ]
        )
        scopes = [sentence.within(clause[0], end)]
        if scheme != "visit":
            scopes.append([m for m in sentence.mentions if not clause[0] <= m.start < end])
        for whole, scope in enumerate(scopes):
            roles = self._assign(ctx, sentence, trig, kind, scheme, scope, clause)
            if roles is None:
                continue
            if scheme == "actor" and roles[1] is None and not whole:
                # the one accused or protested against may be named outside the clause
                rest = [m for m in scopes[-1] if m.type != "place" and m.country != roles[0]]
                if ctx.cues.order == "svo":
                    rest = [m for m in rest if m.start >= trig.end] or rest
                if rest:
                    return (roles[0], rest[0].country), True
            return roles, bool(whole)
        return None

    def _assign(
        self,
        ctx: DocContext,
        sentence: Sentence,
        trig: Hit,
        kind: EventType,
        scheme: str,
        mentions: list[Mention],
        clause: tuple[int, int],
    ) -> Roles | None:
        marks = {id(m): ctx.marks(sentence, m) for m in mentions}

        def having(role: str, but: str | None = None) -> list[Mention]:
            return [m for m in mentions if role in marks[id(m)] and m.country != but]

        def other(but: str | None, pool: list[Mention] | None = None) -> Mention | None:
            rest = [m for m in (mentions if pool is None else pool) if m.country != but]
            return _nearest(rest, trig.start)

        actors = [m for m in mentions if m.type != "place"]
        if scheme == "symmetric":
            named = countries(mentions)
            if len(named) < 2 and has_pair(sentence, *clause) and len(ctx.main_pair) == 2:
                named = list(ctx.main_pair)
            return (named[0], named[1]) if len(named) >= 2 else None
        target: str | None
        if scheme == "visit":
            place = _nearest(having("place"), trig.start)
            target = place.country if place else None
            agent = _nearest(having("agent", target), trig.start)
            if agent is None and target is None:
                # no place word: the doer is the subject, the visited the other country
                agent = self._subject(
                    ctx, trig, [m for m in actors if "patient" not in marks[id(m)]]
                )
            doer = agent or other(target, [m for m in actors if "place" not in marks[id(m)]])
            if doer is None:
                return None
            if target is None:
                later = [m for m in mentions if m.country != doer.country]
                if ctx.cues.order == "svo":
                    later = [m for m in later if m.start >= trig.end] or later
                target = later[0].country if later else None
            return (doer.country, target) if target else None
        if scheme == "host":  # "Baku festival": a capital names where it happens
            place = _nearest(having("place") + [m for m in mentions if m.capital], trig.start)
            if place is None and has_pair(sentence, *clause) and len(ctx.main_pair) == 2:
                return ctx.main_pair_in_order()  # "in twenty cities of the two countries"
            target = place.country if place else None
            owner = other(
                target, [m for m in actors if "place" not in marks[id(m)] and not m.capital]
            )
            source = owner.country if owner else None
            return (source, target) if source or target else None
        if scheme == "broadcast":
            programme = next(iter(having("programme")), None)
            carrier = next(iter(having("carrier", programme.country if programme else None)), None)
            origin = programme.country if programme else None
            host = carrier.country if carrier else None
            named = countries(mentions)
            if origin is None:
                origin = next((c for c in named if c != host), None)
            if host is None:
                host = next((c for c in named if c != origin), None)
            if origin is None or host is None:
                return None
            return host, origin  # the carrier did it, to the programme's country
        if scheme == "institution":
            run = next((m for m in mentions if m.host and m.host != m.country), None)
            if run is not None:
                return run.host, run.country
            victim = next(iter(having("institution") or having("patient")), None)
            if victim is None:
                return None
            doer = next(
                iter(having("place", victim.country) or having("agent", victim.country)), None
            )
            doer = doer or other(victim.country, actors)
            return (doer.country if doer else None), victim.country
        # actor: statements, accusations, protests
        patient = _nearest(having("patient"), trig.start)
        free = [m for m in actors if not marks[id(m)] & {"patient", "place"}]
        agent = next(iter(having("agent")), None) or self._subject(ctx, trig, free)
        if agent is None and kind != EventType.STATEMENT_SUPPORT:
            agent = _nearest(having("place"), trig.start)  # "criticism in Tehran"
        source = agent.country if agent else None
        if source is None and kind == EventType.STATEMENT_SUPPORT:
            return None  # support stated by no one we can name
        if patient is not None and patient.country != source:
            target = patient.country
        else:
            later = [m for m in actors if m.country != source]
            if ctx.cues.order == "svo":
                later = [m for m in later if m.start >= trig.end] or later
            target = later[0].country if later else None
        return (source, target) if source or target else None

    @staticmethod
    def _subject(ctx: DocContext, trig: Hit, free: list[Mention]) -> Mention | None:
        """The doer by word order: SVO, the nearest country before the trigger (else the
        first after it: verb-first Arabic); SOV, the first country of the clause."""
        if ctx.cues.order == "svo":
            before = [m for m in free if m.end <= trig.start]
            if before:
                return before[-1]
        return free[0] if free else None

    @staticmethod
    def _damage(
        ctx: DocContext, sentence: Sentence, clause: tuple[int, int], sites: list[tuple[int, str]]
    ) -> Roles:
        start, end = sentence.start, sentence.end
        target = next((country for pos, country in sites if start <= pos < end), None)
        if target is None and sentence.index > 0:  # «این مسجد»: the site named just before
            before = ctx.sentences[sentence.index - 1]
            target = next((c for pos, c in sites if before.start <= pos < before.end), None)
        if target is None and len({c for _, c in sites}) == 1:
            target = sites[0][1]  # every site the document names is in one country
        near = sentence.within(*clause)
        if target is None:  # "a mosque in Turkey"
            target = next((m.country for m in near if "place" in ctx.marks(sentence, m)), None)
        agents = [m for m in near if "agent" in ctx.marks(sentence, m)]
        return (agents[0].country if agents else None), target


def component(pipeline: Pipeline) -> Component:
    """Fills ``doc.extraction.events`` (SIGN_AGREEMENT from the agreements finder)."""
    finder: EventFinder = pipeline.shared("event-finder", lambda: EventFinder(pipeline))

    def run(doc: Doc) -> None:
        doc.extraction.events = finder.find(doc)

    return run
