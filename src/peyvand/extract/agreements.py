"""Agreements between countries: signed, planned, carried out or not, suspended, ended.

A record needs an agreement word («تفاهم‌نامه», "memorandum", «saziş», «соглашение») and a
status word in the same clause («امضا کرده‌اند», "never implemented", «imzalanması
planlaşdırılır»), or a strong agreement word with a number of its own ("30 cultural
agreements", status unknown), or "these documents" listing what a counted set covers.
Lexicons are data: ``lang/<code>/agreement_triggers.tsv``, ``domain_cues.tsv``,
``modality.tsv``, the pair phrases of ``event_roles.tsv``. Conventions: tests/gold/RECORDS.md.

Parties (countries, sorted), in this order of preference:

1. the countries named in the clause, when there are two or more (an actor counts for its
   country: a ministry for its state, a centre run by another state for the sponsor);
2. an anaphoric noun («این سند», "the documents", «bu sənədlərin») takes the parties of
   the previous agreement of the document;
3. a pair phrase («دو کشور», "the two countries", «iki ölkə», «стороны») takes the
   document's main pair: its two most mentioned countries (`clauses.DocContext`);
4. one named country and a capital where it is signed ("... will sign in Tehran");
5. the countries named anywhere in the sentence;
6. the main pair again when a finite status word states what happened to one agreement (or
   a counted set) and the sentence names no country outside that pair («سازشی که در سال
   ۲۰۱۵ امضا شد، اجرا نشده است» in a document about Iran and Azerbaijan).

With fewer than two parties there is no record. Status comes from the status word, changed
by modality: negated "implemented" is ``not_implemented``, a planned, hoped-for or proposed
signing is ``proposed``, a negated, denied or conditional one is nothing; with several
status words the furthest along wins. Count: the number just before the noun, else the
count of the set a plural anaphor points back to, else 1 for a singular noun, else null
("several", «چند», «bir qismi»). Only one agreement's signing (count 1) is also a
SIGN_AGREEMENT event; aggregates are not. The date is the nearest date of the clause that
does not open a period ("since 1991"); otherwise null, never the document date. Questions
state nothing, and a signing that a protest or accusation is about is not a statement.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from peyvand.extract.clauses import DocContext, Hit, Mention, Sentence, context
from peyvand.model import Agreement
from peyvand.vocab import AgreementStatus, Domain

if TYPE_CHECKING:
    from peyvand.pipeline import Component, Doc, Pipeline

WINDOW = 30  # words between a status word and a noun before it, within one clause
AFTER_WINDOW = 4  # words between a status word and a noun after it ("signed a new memorandum")
COUNT_GAP = 2  # words between a number and the noun it counts ("30 cultural agreements")
DOMAIN_REACH = 12  # words between an agreement noun and the domain words that describe it
# when one noun has several status words, the furthest along in an agreement's life wins
RANK = {
    AgreementStatus.UNKNOWN: -1,
    AgreementStatus.PROPOSED: 0,
    AgreementStatus.SIGNED: 1,
    AgreementStatus.IN_FORCE: 2,
    AgreementStatus.IMPLEMENTED: 3,
    AgreementStatus.PARTIALLY_IMPLEMENTED: 4,
    AgreementStatus.NOT_IMPLEMENTED: 5,
    AgreementStatus.SUSPENDED: 6,
    AgreementStatus.TERMINATED: 7,
}
NEGATIVE = frozenset({AgreementStatus.NOT_IMPLEMENTED, AgreementStatus.PARTIALLY_IMPLEMENTED})


@dataclass(slots=True)
class Found:
    """An agreement record and what the events component needs from it."""

    record: Agreement
    order: list[str]  # parties in order of mention
    signing: bool  # the text states an actual act of signing
    sentence: int


def resolve(status: AgreementStatus, modality: str | None) -> AgreementStatus | None:
    """The status a status word states under a modality (None: it states none)."""
    if modality is None or status in NEGATIVE:
        return status
    if modality == "negation":
        return AgreementStatus.NOT_IMPLEMENTED if status == AgreementStatus.IMPLEMENTED else None
    if modality in ("denial", "condition"):
        return None
    # planning, hope, proposal: not (yet) done
    return AgreementStatus.PROPOSED if status in RANK and RANK[status] <= 1 else None


def countries(mentions: list[Mention]) -> list[str]:
    """Distinct countries of actor mentions (places left out), in order of mention."""
    seen: list[str] = []
    for m in mentions:
        if m.type != "place" and m.country not in seen:
            seen.append(m.country)
    return seen


def has_pair(sentence: Sentence, start: int, end: int) -> bool:
    return any(h.kind == "pair" and start <= h.start < end for h in sentence.of("event_roles"))


def parties(
    ctx: DocContext,
    sentence: Sentence,
    span: tuple[int, int],
    antecedent: list[str] | None,
    stated: bool = False,
) -> tuple[list[str], str]:
    """Parties in order of mention, and where they come from: "clause", "anaphor", "pair",
    "sentence" (the evidence is then the whole sentence) or "document" (``stated``: a
    finite status word says what happened to an agreement whose partners the sentence
    leaves to the document, and it names no country outside the document's main pair)."""
    named = countries(sentence.within(*span))
    if len(named) >= 2:
        return named, "clause"
    if antecedent:
        return antecedent, "anaphor"
    if has_pair(sentence, *span) and len(ctx.main_pair) == 2:
        return list(ctx.main_pair), "pair"
    # "the Saudi minister will sign in Tehran": the capital where it is signed is a party
    placed = [m.country for m in sentence.within(*span) if m.type == "place"]
    if named and any(c not in named for c in placed):
        return [*named, *(c for c in dict.fromkeys(placed) if c not in named)][:2], "clause"
    found = countries(sentence.mentions)
    if len(found) >= 2 or not stated or len(ctx.main_pair) != 2:
        return found, "sentence"
    if all(c in ctx.main_pair for c in found):
        return list(ctx.main_pair), "document"
    return found, "sentence"


def nearest_date(ctx: DocContext, sentence: Sentence, span: tuple[int, int], at: int) -> str | None:
    """Value of the date of the clause nearest to ``at`` that does not start a period."""
    lo, hi = span
    dates = [d for d in sentence.dates if lo <= d[0] < hi and not ctx.opens_period(d[0], d[1])]
    return min(dates, key=lambda d: abs(d[0] - at))[2].value if dates else None


def domains(
    ctx: DocContext,
    sentence: Sentence,
    span: tuple[int, int],
    near: Hit | None = None,
    reach: int = 12,
) -> list[Domain]:
    """Domains named in ``span`` (with ``near``: within ``reach`` words of it)."""
    found: list[Domain] = []
    for hit in sentence.of("domain_cues"):
        if not span[0] <= hit.start < span[1]:
            continue
        if near is not None and (
            ctx.words(hit.end, near.start) > reach
            if hit.end <= near.start
            else ctx.words(near.end, hit.start) > reach
        ):
            continue
        domain = Domain(hit.kind)
        if domain not in found:
            found.append(domain)
    return found


class AgreementFinder:
    """Finds agreements in a document; results are kept in ``doc.stash``."""

    def __init__(self, pipeline: Pipeline) -> None:
        self._pipeline = pipeline

    def find(self, doc: Doc) -> list[Found]:
        cached = doc.stash.get("agreements")
        if isinstance(cached, list):
            return cached
        ctx = context(self._pipeline, doc)
        found: list[Found] = []
        for sentence in ctx.sentences:
            self._sentence(ctx, sentence, found)
        doc.stash["agreements"] = found
        return found

    @staticmethod
    def _noun_of(ctx: DocContext, nouns: list[Hit], cue: Hit, lo: int, hi: int) -> int | None:
        """The noun a status word is about: the nearest one before it in the clause (the
        subject: "the agreement ... was suspended"), unless one follows it closely ("signed
        a memorandum"); a noun inside the status words («به توافق ... رسیده») is its own."""
        before: list[tuple[int, int]] = []
        after: list[tuple[int, int]] = []
        for i, n in enumerate(nouns):
            if not lo <= n.start < hi:
                continue
            if n.start >= cue.end:
                after.append((ctx.words(cue.end, n.start), i))
            elif n.end <= cue.start:
                before.append((ctx.words(n.end, cue.start), i))
            else:
                return i
        reach = WINDOW if ctx.cues.order == "vso" else AFTER_WINDOW  # verb-first: object far
        close = [x for x in after if x[0] <= reach]
        far = [x for x in before if x[0] <= WINDOW]
        if close and (not far or (min(close)[0] <= 2 and min(close)[0] < min(far)[0])):
            return min(close)[1]
        return min(far)[1] if far else None

    @staticmethod
    def _anaphoric(ctx: DocContext, sentence: Sentence, noun: Hit) -> bool:
        return ctx.cues.preceded(ctx.view.text, sentence.vstart, noun.start, ctx.cues.anaphors)

    def _sentence(self, ctx: DocContext, sentence: Sentence, found: list[Found]) -> None:
        hits = sentence.of("agreement_triggers")
        nouns = [h for h in hits if h.kind == "noun"]
        if not nouns or sentence.question:
            return
        # "students protested against the signing of the programme": the signing is
        # what the protest is about, not a statement of its own
        disputed = {
            sentence.clause(h.start)
            for h in sentence.of("event_triggers")
            if h.kind in ("PROTEST", "ACCUSATION")
        }
        attached: dict[int, list[tuple[AgreementStatus, bool, Hit]]] = {}
        silenced: set[int] = set()
        for cue in (h for h in hits if h.kind == "status"):
            lo, hi = sentence.clause(cue.start)
            if cue.value(3) == "nominal" and (lo, hi) in disputed:
                continue
            index = self._noun_of(ctx, nouns, cue, lo, hi)
            if index is None:
                continue
            modality = ctx.blocked(sentence, cue.start, cue.end, cue.row[1])
            status = resolve(AgreementStatus(cue.value(2)), modality)
            if status is None:
                silenced.add(index)
                continue
            act = cue.value(3) in ("sign", "nominal", "state")
            signing = act and status == AgreementStatus.SIGNED
            attached.setdefault(index, []).append((status, signing, cue))
        for index, noun in enumerate(nouns):
            if index not in silenced:
                self._record(ctx, sentence, noun, attached.get(index, []), found)

    def _record(
        self,
        ctx: DocContext,
        sentence: Sentence,
        noun: Hit,
        cues: list[tuple[AgreementStatus, bool, Hit]],
        found: list[Found],
    ) -> None:
        if ctx.blocked(sentence, noun.start, noun.end) == "negation":
            return  # "no agreement has been drafted"
        quantity = None
        pairs = [h for h in sentence.of("event_roles") if h.kind == "pair"]
        for qs, qe, q in sentence.quantities:
            if any(h.start <= qs < h.end for h in pairs):
                continue  # «دو طرف», "the two sides": the pair, not a number of agreements
            if qe <= noun.start and ctx.words(qe, noun.start) <= COUNT_GAP and q.unit == "count":
                quantity = q  # the last one before the noun
        previous = found[-1] if found and self._anaphoric(ctx, sentence, noun) else None
        lo, hi = sentence.clause(noun.start)
        listed = domains(ctx, sentence, (sentence.vstart, sentence.vend))
        if not cues:
            counted = (previous.record.count or 0) > 1 if previous is not None else False
            if previous is not None and counted and noun.value(2) == "pl" and len(listed) > 1:
                # «این سند‌های همکاری ... چاپ کتاب، تبادل استاد و دانشجو»: what they cover
                if not previous.record.domains:
                    previous.record.domains = listed
                cues = [(previous.record.status, False, noun)]
            elif noun.value(3) != "strong" or quantity is None or quantity.value < 2:
                return  # a bare agreement word says nothing about an agreement
            elif ctx.blocked(sentence, noun.start, noun.end) is not None:
                return
        for _, _, cue in cues:
            c_lo, c_hi = sentence.clause(cue.start)
            lo, hi = min(lo, c_lo), max(hi, c_hi)
        stated = any(c[2].kind == "status" and c[2].value(3) != "nominal" for c in cues) and (
            noun.value(2) == "sg" or quantity is not None
        )  # one agreement, or a counted set, whose partners the document gives
        antecedent = previous.order if previous else None
        order, source = parties(ctx, sentence, (lo, hi), antecedent, stated)
        if len(order) < 2:
            return
        status = (
            max((c[0] for c in cues), key=lambda s: RANK[s]) if cues else AgreementStatus.UNKNOWN
        )
        view = ctx.view.text
        vague = ctx.cues.preceded(view, sentence.vstart, noun.start, ctx.cues.vague, 3) or any(
            " ".join(view[noun.end : noun.end + 40].split()[:k]) in ctx.cues.vague for k in (1, 2)
        )  # «bu sənədlərin bir qismi»: a part of them
        approx = False
        count: int | None = None
        if quantity is not None:
            count, approx = int(quantity.value), quantity.approx
        elif vague:
            count = None
        elif previous is not None and noun.value(2) == "pl" and (previous.record.count or 0) > 1:
            count, approx = previous.record.count, previous.record.approx  # "these fifty"
        elif noun.value(2) == "sg":
            count = 1
        anchor = cues[0][2].start if cues else noun.start
        date = nearest_date(ctx, sentence, (lo, hi), anchor)
        if cues and all(c[2].value(3) == "state" for c in cues) and date is None and count != 1:
            return  # "the signed documents ...": no agreement of its own is stated
        where = (sentence.vstart, sentence.vend) if source == "sentence" else (lo, hi)
        confidence = 0.55 + 0.15 * bool(cues) + 0.1 * (source == "clause") + 0.1 * bool(date)
        confidence -= 0.15 * (source == "document")
        record = Agreement(
            parties=sorted(order),
            evidence=ctx.evidence(*where),
            domains=domains(ctx, sentence, (lo, hi), noun, DOMAIN_REACH),
            count=count,
            approx=approx,
            status=status,
            date=date,
            confidence=round(min(confidence, 0.95), 2),
        )
        # only one agreement's signing is an act; "30 agreements signed" is an aggregate
        signing = count == 1 and any(c[1] for c in cues)
        found.append(Found(record, order, signing, sentence.index))


def agreement_finder(pipeline: Pipeline) -> AgreementFinder:
    finder: AgreementFinder = pipeline.shared("agreement-finder", lambda: AgreementFinder(pipeline))
    return finder


def component(pipeline: Pipeline) -> Component:
    """Fills ``doc.extraction.agreements``."""
    finder = agreement_finder(pipeline)

    def run(doc: Doc) -> None:
        doc.extraction.agreements = [f.record for f in finder.find(doc)]

    return run
