"""Events between countries: visits, exchanges, broadcasts and their stopping, obstacles...

Trigger words are data (``lang/<code>/event_triggers.tsv``, roles in ``event_roles.tsv``);
a trigger is an event only if it is not negated, planned, hoped for, proposed, conditional
or denied (``modality.tsv``; an act of speech, "welcomed the proposal", only by negation,
denial or condition), and, for an event noun ("festival", «پخش»), if its clause says it
happened (a REALIS verb) or what it needs is there (a media word for a stop, an institution
for an obstacle, a monument or site for damage, a delegation for a meeting). An event noun in
a clause about an agreement names the agreement's domain; one next to a FRAME word («در
حاشیه همین سفر») is a time frame; an obstacle or closure inside an accusation is what is
alleged, not an act. Signings come from the agreements finder. Conventions:
tests/gold/RECORDS.md (binding where it differs from older notes).

Source and target ("who did what to whom", countries only) follow the event type:

- symmetric (SIGN_AGREEMENT, EXCHANGE, CO_PRODUCTION): the two countries in order of
  mention; a pair phrase («دو کشور», "the two sides") gives the document's main pair.
- VISIT: the target is where one went (a capital, or a country after a place word: «در»,
  "to", «в», locative «-da»); the source is the country marked as doer ("by Iran"), else
  the subject by word order (SVO: before the verb; SOV: first; VSO: first after it).
- CULTURAL_EVENT, PUBLICATION: from guest to host: the target is the place, the source
  the nearest other country; with only a pair phrase, the main pair in order of mention.
- BROADCAST, BROADCAST_STOPPED: both from the carrier (a country's television; else the
  subject) to the programme's country ("a programme from Iran's ...", «برنامه ایرانی»).
- OBSTRUCTION, CLOSURE: an institution run by another country gives both: its host is
  the source and its sponsor the target (Al-Huda in Baku, run by Iran: AZE → IRN); else
  the country of "Iranian cultural centres" is the target and the place is the source.
- STATEMENT_SUPPORT, ACCUSATION, PROTEST: the doer is the country marked as agent, else
  the subject by word order (a speaker, «به گفته», never), else the place ("criticism in
  Tehran"), else the country a protested-at mission sits in (a consulate in Tabriz: IRN);
  the target is the country marked as patient ("accused Baku", «علیه»), else the next one
  (SOV: the one nearest the verb).
- HERITAGE_DAMAGE: the source only when the text says who ("by"); the target is the
  country of the site (in the sentence, the one before, or the document's only country of
  sites), else the place named; without it there is no record.

Countries come from the clause, then from the sentence. Visits, guest/host events,
broadcasts, obstacles, closures and support are bilateral: a missing side is the other
country of the document's main pair, when the known side belongs to it; visits, broadcasts
and guest/host events without both sides are dropped. The date is the nearest date of the
clause; without one it stays null (never the document date) and confidence is lower.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from peyvand.extract.agreements import agreement_finder, domains, nearest_date
from peyvand.extract.clauses import DocContext, Hit, Sentence, context
from peyvand.extract.roles import SCHEME, roles
from peyvand.model import Event
from peyvand.vocab import Domain, EventType

if TYPE_CHECKING:
    from peyvand.pipeline import Component, Doc, Pipeline

TYPES = {t.value: t for t in SCHEME}
# acts of speech: what they are about may be planned ("welcomed the proposal") while the
# speaking happened; only negation, denial or a condition undo them
SPEECH = frozenset({EventType.STATEMENT_SUPPORT, EventType.ACCUSATION, EventType.PROTEST})
SPEECH_BLOCKERS = frozenset({"negation", "denial", "condition"})
# bilateral by nature: a missing side is the other country of the document's main pair
COMPLETED = frozenset(
    {
        EventType.VISIT,
        EventType.CULTURAL_EVENT,
        EventType.PUBLICATION,
        EventType.STATEMENT_SUPPORT,
        EventType.BROADCAST,
        EventType.BROADCAST_STOPPED,
        EventType.OBSTRUCTION,
        EventType.CLOSURE,
    }
)
BOTH = frozenset(
    {
        EventType.BROADCAST,
        EventType.BROADCAST_STOPPED,
        EventType.VISIT,
        EventType.CULTURAL_EVENT,
        EventType.PUBLICATION,
    }
)
ALLEGED = frozenset({EventType.OBSTRUCTION, EventType.CLOSURE, EventType.HERITAGE_DAMAGE})
NEAR_DOMAIN = 3  # words between an event trigger and a domain word that describes it


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
            triggers = sentence.of("event_triggers")
            if not sentence.question and any(h.kind in TYPES for h in triggers):
                events.extend(self._sentence(ctx, sentence, sites))
        events.sort(key=lambda e: (e.evidence.start, e.type.value))
        return events

    def _sentence(
        self, ctx: DocContext, sentence: Sentence, sites: list[tuple[int, str]]
    ) -> list[Event]:
        hits = sentence.of("event_triggers")
        context_kinds = {h.kind for h in hits if h.kind not in TYPES}
        accused = {sentence.clause(h.start) for h in hits if h.kind == "ACCUSATION"}
        agreement_clauses = {
            sentence.clause(h.start) for h in sentence.of("agreement_triggers") if h.kind == "noun"
        }
        out: list[Event] = []
        seen: set[tuple[EventType, str | None, str | None]] = set()
        for trig in (h for h in hits if h.kind in TYPES):
            kind = TYPES[trig.kind]
            clause = sentence.clause(trig.start)
            needs = trig.value(2, "-").split("|")
            met = self._needs_met(ctx, sentence, clause, needs, context_kinds, sites)
            if not ("-" in needs or met):
                continue
            if "-" not in needs and clause in agreement_clauses:
                continue  # «سند ... پخش برنامه‌های تلویزیونی»: an agreement's domain
            if self._framing(ctx, sentence, trig, hits):
                continue  # «در حاشیه همین سفر», "Festival çərçivəsində": a frame, not a report
            if kind in ALLEGED and clause in accused:
                continue  # "accused Baku of creating obstacles": the accusation is the act
            modality = ctx.blocked(sentence, trig.start, trig.end, trig.row[1])
            if modality is not None and (kind not in SPEECH or modality in SPEECH_BLOCKERS):
                continue
            found = roles(ctx, sentence, trig, kind, clause, sites)
            if found is None:
                continue
            (source, target), whole = found
            pair = ctx.main_pair
            if kind in COMPLETED and len(pair) == 2 and (source is None) != (target is None):
                known = source or target
                if known in pair:
                    missing = pair[1] if known == pair[0] else pair[0]
                    source, target = (source or missing), (target or missing)
            if kind in BOTH and (source is None or target is None):
                continue
            if kind == EventType.HERITAGE_DAMAGE and target is None:
                continue  # the country of the site is what the record is about
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
                dates = self._conjoined(ctx, sentence, clause) or dates
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
    def _framing(ctx: DocContext, sentence: Sentence, trig: Hit, hits: list[Hit]) -> bool:
        """A trigger right after or before a FRAME word, with no doer of its own ("by")."""
        for frame in hits:
            if frame.kind != "FRAME":
                continue
            near = (
                ctx.words(frame.end, trig.start) <= 1
                if frame.end <= trig.start
                else frame.start >= trig.end and ctx.words(trig.end, frame.start) == 0
            )
            if near:
                clause = sentence.clause(trig.start)
                return not any("agent" in ctx.marks(sentence, m) for m in sentence.within(*clause))
        return False

    @staticmethod
    def _needs_met(
        ctx: DocContext,
        sentence: Sentence,
        clause: tuple[int, int],
        needs: list[str],
        kinds: set[str],
        sites: list[tuple[int, str]],
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
            elif need == "agent":
                return True  # a role requirement, checked by the role schemes
            elif need == "heritage" and any(
                sentence.start <= pos < sentence.end for pos, _ in sites
            ):
                return True
        return False

    @staticmethod
    def _conjoined(
        ctx: DocContext, sentence: Sentence, clause: tuple[int, int]
    ) -> list[str | None]:
        """Two dates of the clause joined with one word between ("1859 and 1902")."""
        dates = sorted(
            (d for d in sentence.dates if clause[0] <= d[0] < clause[1]), key=lambda d: d[0]
        )
        for (_, e1, d1), (s2, _, d2) in pairwise(dates):
            if ctx.words(e1, s2) <= 1:
                return [d1.value, d2.value]
        return []


def component(pipeline: Pipeline) -> Component:
    """Fills ``doc.extraction.events`` (SIGN_AGREEMENT from the agreements finder)."""
    finder: EventFinder = pipeline.shared("event-finder", lambda: EventFinder(pipeline))

    def run(doc: Doc) -> None:
        doc.extraction.events = finder.find(doc)

    return run
