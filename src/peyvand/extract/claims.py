"""Claims: every quantity that states something about the world, with what and who says it.

A claim is a quantity of `doc.extraction.quantities` read in its sentence: the counted noun or
group word near it gives a short English *subject* with country ids (the same template and
countries give the same string in every language, so claims of two sources group together);
an attribution phrase in the sentence gives the *claimant* (null: the document's own voice).
Numbers that state nothing are left out: durations («سه سال», "five years"), definite pairs
("the two countries"), identifiers ("Article 5"), bare years, the article «یک»/"a", and numbers
inside a name. Cue words live in ``lang/<code>/claim_subjects.tsv`` and ``attribution.tsv``.

The cue matcher (`peyvand.extract.cueset`) is shared with `peyvand.extract.institutions`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from peyvand.extract import attribution
from peyvand.extract.cueset import TURKIC, WORD, CueSet, Hit, Words, view_mentions
from peyvand.model import Claim, QuantityRecord, Span
from peyvand.text.normalize import normalize
from peyvand.vocab import ActorType

if TYPE_CHECKING:
    from peyvand.lang import LanguageData
    from peyvand.pipeline import Doc, Pipeline

__all__ = ["component"]

SUBJECTS_FILE = "claim_subjects.tsv"
ATTRIBUTION_FILE = attribution.ATTRIBUTION_FILE
_OPTIONAL = re.compile(r"\[([^\]]*)\]")
_BOUNDARY = attribution.BOUNDARY
_YEAR = re.compile(r"\d{4}")


@dataclass(frozen=True, slots=True)
class _Lexicon:
    subjects: CueSet
    attribution: attribution.Lexicon
    ands: frozenset[str]  # «و», "and": a cue across one is farther from the number


def _lexicon(data: LanguageData, lang: str) -> _Lexicon | None:
    speakers = attribution.lexicon(data, lang)
    if speakers is None or not data.has(lang, SUBJECTS_FILE):
        return None
    turkic = lang in TURKIC
    rows = data.rows(lang, SUBJECTS_FILE)
    ands = frozenset(normalize(r[0], turkic=turkic).text for r in rows if r[1] == "and")
    return _Lexicon(CueSet(rows, turkic, skip=frozenset({"and"})), speakers, ands)


def _penalty(text: str, left: int, right: int, words: Words, ands: frozenset[str]) -> int:
    """Distance between two places: words between, two more for each «و» / "and" among
    them, and three for each punctuation mark."""
    if right <= left:
        return 0
    gap = text[left:right]
    joins = sum(1 for w in WORD.findall(text, left, right) if w in ands)
    return words.between(left, right) + 2 * joins + 3 * sum(gap.count(c) for c in ",;:")


def component(pipeline: Pipeline) -> Callable[[Doc], None]:
    """Build the lexicons once; return the per-document claim finder."""
    lexicons: dict[str, _Lexicon | None] = {}

    def lexicon(lang: str | None) -> _Lexicon | None:
        if lang is None:
            return None
        if lang not in lexicons:
            lexicons[lang] = _lexicon(pipeline.data, lang)
        return lexicons[lang]

    def run(doc: Doc) -> None:
        lex = lexicon(doc.lang)
        if lex is None or not doc.extraction.quantities:
            doc.extraction.claims = []
            return
        doc.extraction.claims = _Reader(doc, lex).claims()

    return run


class _Reader:
    """The claims of one document."""

    def __init__(self, doc: Doc, lex: _Lexicon) -> None:
        self.doc = doc
        self.view = doc.view
        self.text = doc.view.text
        self.words = Words(self.text)
        self.sentences = doc.sentences or [(0, len(doc.text))]
        self._views: dict[int, tuple[int, int]] = {}
        self.quantities = sorted(doc.extraction.quantities, key=lambda q: q.span.start)
        starts = [s for s, _ in self.sentences]
        self.by_sentence: dict[int, list[QuantityRecord]] = {}
        for q in self.quantities:
            if q.value == 1 and q.qualifier is None:
                continue  # the article «یک», "a", "one of"
            k = max(bisect_right(starts, q.span.start) - 1, 0)
            self.by_sentence.setdefault(k, []).append(q)
        # counted nouns are looked for only in the sentences that hold a number
        spans = [self._view_of(k) for k in sorted(self.by_sentence)]
        self.cues = lex.subjects.find_in(self.text, spans)
        self.cue_starts = [h.start for h in self.cues]
        self.ands = lex.ands
        self.mentions = [attribution.Mention(*m) for m in view_mentions(doc)]
        self.speakers = attribution.Attributions(doc, lex.attribution, self.mentions, self._view_of)
        self.blocked = [(m.start, m.end) for m in self.mentions if m.actor.type != "country"]
        for site in doc.extraction.sites:
            self.blocked.append(self.view.to_view(site.evidence.start, site.evidence.end))
        counts = Counter(
            m.actor.id for m in self.mentions if m.actor.type == ActorType.COUNTRY and m.actor.id
        )
        self.top_countries = [c for c, _ in counts.most_common(2)]

    # --- the document, sentence by sentence ----------------------------------------------
    def claims(self) -> list[Claim]:
        claims: list[Claim] = []
        for k in sorted(self.by_sentence):
            vs, ve = self._view_of(k)
            found = []
            for q in self.by_sentence[k]:
                qs, qe = self.view.to_view(q.span.start, q.span.end)
                if vs <= qs < qe <= ve and not self._no_claim(q, qs, qe, ve):
                    found.append((q, qs, qe))
            if not found:
                continue
            speakers = self.speakers.of_sentence(k)
            for q, qs, qe in found:
                claim = self._claim(q, qs, qe, vs, ve, speakers)
                if claim is not None:
                    claims.append(claim)
        return claims

    def _view_of(self, k: int) -> tuple[int, int]:
        if k not in self._views:
            self._views[k] = self.view.to_view(*self.sentences[k])
        return self._views[k]

    def _claim(
        self,
        q: QuantityRecord,
        qs: int,
        qe: int,
        vs: int,
        ve: int,
        speakers: list[attribution.Speaker],
    ) -> Claim | None:
        speaker = attribution.Attributions.nearest(qs, qe, speakers)
        exclude = speaker.region if speaker else (0, 0)
        subject, known = self._subject(q, qs, qe, vs, ve, exclude)
        if subject is None:
            return None
        cs, ce = self._clause(qs, qe, vs, ve)
        if speaker is not None and not (cs <= speaker.cue.start and speaker.cue.end <= ce):
            cs, ce = vs, ve
        start, end = self.view.to_original(cs, ce)
        return Claim(
            subject=subject,
            value=q.value,
            unit=q.unit,
            evidence=Span(start, end),
            qualifier=q.qualifier,
            claimant=speaker.claimant if speaker else None,
            confidence=0.7 if known else 0.4,
        )

    # --- what is no claim -----------------------------------------------------------------
    def _no_claim(self, q: QuantityRecord, qs: int, qe: int, ve: int) -> bool:
        if any(s < qe and qs < e for s, e in self.blocked):
            return True  # a number inside a name
        if (qs > 0 and self.text[qs - 1].isalpha()) or (qe < ve and self.text[qe].isalpha()):
            return True  # digits or a number word glued inside a longer word
        if q.value == 1 and q.qualifier is None:
            return True  # the article «یک», "a", "one of"
        after = self._next_cue(qe, ve, 2)
        if after is not None and after[1] == 0 and after[0].of("skip") is not None:
            return True  # a duration: «سه سال», "five years", «12 gün»
        i = bisect_right(self.cue_starts, qs) - 1
        around = self.cues[i] if i >= 0 and self.cues[i].end > qs else None
        if q.value == 2 and q.qualifier is None:
            if after is not None and after[0].of("pair", "pairphrase") is not None:
                return True  # a definite pair: «دو کشور», "the two sides"
            if around is not None and around.of("pairphrase") is not None:
                return True  # the pair phrase holds the number itself
        j = bisect_left(self.cue_starts, qs) - 1
        ident = self.cues[j] if j >= 0 and self.cues[j].of("ident") is not None else None
        if ident is not None and ident.end <= qs and self.words.between(ident.end, qs) == 0:
            return True  # an identifier: «ماده ۵», "Article 5"
        if _YEAR.fullmatch(self.text[qs:qe]) and 1000 <= q.value <= 2100:
            return after is None or after[1] > 0 or after[0].of("subject") is None
        return False

    def _next_cue(self, pos: int, limit: int, words: int) -> tuple[Hit, int] | None:
        """The first cue after ``pos`` within ``words`` words, not across punctuation."""
        i = bisect_left(self.cue_starts, pos)
        if i >= len(self.cues) or self.cues[i].start >= limit:
            return None
        hit = self.cues[i]
        gap = self.text[pos : hit.start]
        n = self.words.between(pos, hit.start)
        if n > words or any(c in gap for c in ",;:.()"):
            return None
        return hit, n

    # --- subject ----------------------------------------------------------------------------
    def _subject(
        self, q: QuantityRecord, qs: int, qe: int, vs: int, ve: int, exclude: tuple[int, int]
    ) -> tuple[str | None, bool]:
        hit = self._subject_cue(q.unit, qs, qe, vs, ve)
        if hit is not None:
            data = hit.of("subject") or ()
            template = data[1] if len(data) > 1 else ""
            return self._fill(template, qs, qe, vs, ve, exclude), True
        if q.unit == "percent":
            return self._fill("percentage[ of {country}]", qs, qe, vs, ve, exclude), False
        word = self.words.next_word(qe, ve)
        if (
            word is None
            or q.qualifier is None
            or any(c in self.text[qe : word[0]] for c in _BOUNDARY)
        ):
            return None, False
        start, end = self.view.to_original(*word)
        return f"number of {self.doc.text[start:end]}", False

    def _subject_cue(self, unit: str, qs: int, qe: int, vs: int, ve: int) -> Hit | None:
        def fits(hit: Hit) -> bool:
            data = hit.of("subject")
            return bool(data) and data is not None and data[0] in (unit, "*")

        if unit != "percent":
            i = bisect_left(self.cue_starts, qe)
            for hit in self.cues[i:]:
                if hit.start >= ve or self.words.between(qe, hit.start) > 3:
                    break
                if any(c in self.text[qe : hit.start] for c in ",;:.()"):
                    break
                if fits(hit):
                    return hit
            return None
        best: tuple[int, Hit] | None = None
        lo, hi = bisect_left(self.cue_starts, vs), bisect_left(self.cue_starts, ve)
        for hit in self.cues[lo:hi]:
            if not fits(hit) or (qs <= hit.start < qe):
                continue
            if hit.start >= qe:
                distance = _penalty(self.text, qe, hit.start, self.words, self.ands)
            else:
                distance = _penalty(self.text, hit.end, qs, self.words, self.ands)
            if distance <= 8 and (best is None or distance < best[0]):
                best = (distance, hit)
        return best[1] if best else None

    def _fill(
        self, template: str, qs: int, qe: int, vs: int, ve: int, exclude: tuple[int, int]
    ) -> str:
        countries = self._countries(qs, qe, vs, ve, exclude)
        values: dict[str, str | None] = {"country": countries[0] if countries else None}
        pair = sorted(set(countries[:2]))
        if len(pair) < 2 and self._pair_phrase(vs, ve):
            pair = sorted({*pair, *self.top_countries})[:2] if self.top_countries else pair
        values["pair"] = "–".join(pair) if pair else None

        def optional(match: re.Match[str]) -> str:
            part = match.group(1)
            names = re.findall(r"\{(\w+)\}", part)
            if any(values.get(n) is None for n in names):
                return ""
            return part.format(**{n: values[n] for n in names})

        return " ".join(_OPTIONAL.sub(optional, template).split())

    def _countries(self, qs: int, qe: int, vs: int, ve: int, exclude: tuple[int, int]) -> list[str]:
        """Country ids of the sentence, nearest to the quantity first (speaker left out)."""
        scored: dict[str, int] = {}
        for m in self.mentions:
            if m.start >= ve or m.end <= vs or m.actor.type != ActorType.COUNTRY or not m.actor.id:
                continue
            if exclude[0] <= m.start < exclude[1]:
                continue
            if m.start >= qe:
                distance = _penalty(self.text, qe, m.start, self.words, self.ands)
            else:
                distance = _penalty(self.text, m.end, qs, self.words, self.ands)
            if distance < scored.get(m.actor.id, 10**6):
                scored[m.actor.id] = distance
        return sorted(scored, key=lambda c: scored[c])

    def _pair_phrase(self, vs: int, ve: int) -> bool:
        lo, hi = bisect_left(self.cue_starts, vs), bisect_left(self.cue_starts, ve)
        return any(h.of("pairphrase") is not None for h in self.cues[lo:hi])

    def _clause(self, qs: int, qe: int, vs: int, ve: int) -> tuple[int, int]:
        """The part of the sentence between semicolons that holds the quantity."""
        left = self.text.rfind(";", vs, qs)
        right = self.text.find(";", qe, ve)
        start = vs if left == -1 else left + 1
        end = ve if right == -1 else right
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1] in " ;":
            end -= 1
        return start, end
