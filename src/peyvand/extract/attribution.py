"""Attribution: who says what a sentence states («به گفته …», "according to …", «… bildirib»).

`Attributions` finds the attribution cues of ``lang/<code>/attribution.tsv`` in a document,
takes the speaker phrase each points to (after it, before it, or opening a verb-final
sentence), and names the speaker: an actor's id when the phrase is one actor's name, a
country id for "the Iranian side", otherwise the role as written with every actor in it
replaced by its id ("AZE deputy culture minister"). A pronoun speaker («به گفته او», "he
said") is the one named last before it; earlier sentences are read only when that is needed.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from peyvand.extract.cueset import TURKIC, WORD, CueSet, Hit, Words
from peyvand.model import Actor
from peyvand.text.normalize import normalize
from peyvand.vocab import ActorType

if TYPE_CHECKING:
    from peyvand.lang import LanguageData
    from peyvand.pipeline import Doc

__all__ = ["ATTRIBUTION_FILE", "Attributions", "Lexicon", "Mention", "Speaker", "lexicon"]

ATTRIBUTION_FILE = "attribution.tsv"
MAX_SPEAKER_WORDS = 8
WORD_LISTS = frozenset({"trim", "pronoun", "stop", "side", "proclitic"})  # sets, not cues
BOUNDARY = ',;:.!?()"'  # punctuation of the view (Persian forms are folded to these)
_BACK = "\x00back"  # a pronoun speaker: the last one named


@dataclass(frozen=True, slots=True)
class Lexicon:
    cues: CueSet
    trims: frozenset[str]  # words dropped from the start of a speaker phrase ("the")
    pronouns: frozenset[str]  # speaker words that point back to the last speaker
    proclitics: tuple[str, ...]  # letters glued to the speaker's first word (Arabic «ل»)
    sides: frozenset[str]  # "side" words: «иранской стороны» speaks for the country
    stops: frozenset[str]  # words that end a speaker phrase («که», "that")


def lexicon(data: LanguageData, lang: str) -> Lexicon | None:
    if not data.has(lang, ATTRIBUTION_FILE):
        return None
    turkic = lang in TURKIC
    rows = data.rows(lang, ATTRIBUTION_FILE)

    def words(kind: str) -> frozenset[str]:
        return frozenset(normalize(r[0], turkic=turkic).text for r in rows if r[1] == kind)

    return Lexicon(
        CueSet(rows, turkic, skip=WORD_LISTS),
        words("trim"),
        words("pronoun"),
        tuple(sorted(words("proclitic"), key=len, reverse=True)),
        words("side"),
        words("stop"),
    )


class Mention(NamedTuple):
    start: int  # view offsets
    end: int
    actor: Actor


@dataclass(frozen=True, slots=True)
class Speaker:
    claimant: str | None
    cue: Hit
    region: tuple[int, int]  # view offsets of the speaker phrase


class Attributions:
    """The speakers of one document, sentence by sentence."""

    def __init__(
        self,
        doc: Doc,
        lex: Lexicon,
        mentions: list[Mention],
        sentence_view: Callable[[int], tuple[int, int]],
    ) -> None:
        self.doc = doc
        self.view = doc.view
        self.text = doc.view.text
        self.words = Words(self.text)
        self.lex = lex
        self.mentions = mentions
        self.sentence_view = sentence_view
        self.hits = lex.cues.find(self.text)
        self.starts = [h.start for h in self.hits]
        self.resolved: list[tuple[int, str]] = []  # (view offset, claimant) of every speaker
        self.scanned: set[int] = set()
        self.dates: list[tuple[int, int]] | None = None  # view spans, when first needed

    def _dates(self) -> list[tuple[int, int]]:
        if self.dates is None:
            self.dates = [self.view.to_view(*d.span.as_list()) for d in self.doc.extraction.dates]
        return self.dates

    def of_sentence(self, k: int) -> list[Speaker]:
        """The attributions of sentence ``k``; each resolved speaker is remembered."""
        vs, ve = self.sentence_view(k)
        self.scanned.add(k)
        speakers: list[Speaker] = []
        lo = bisect_left(self.starts, vs)
        for hit in self.hits[lo:]:
            if hit.start >= ve:
                break
            if hit.kind not in ("after", "before", "start", "back"):  # «none» phrases
                continue
            region = self._region(hit, vs, ve)
            claimant = None if hit.kind == "back" else self._resolve(*region)
            if claimant == _BACK or hit.kind == "back":
                claimant = self._last_speaker(hit.start, k)
            elif claimant is not None:
                self.resolved.append((hit.start, claimant))
            speakers.append(Speaker(claimant, hit, region))
        return speakers

    def _last_speaker(self, pos: int, k: int) -> str | None:
        """The speaker named last before ``pos`` (earlier sentences are read when needed)."""
        for j in range(k):
            if j not in self.scanned:
                self.of_sentence(j)
        before = [r for r in self.resolved if r[0] < pos]
        return max(before)[1] if before else None

    def _region(self, hit: Hit, vs: int, ve: int) -> tuple[int, int]:
        """View span of the speaker phrase that the cue points to."""
        text = self.text
        if hit.kind == "after":
            end = hit.end
            while end < ve and text[end] not in BOUNDARY:
                end += 1
            start = hit.end
        elif hit.kind == "before":
            start = max(text.rfind(c, vs, hit.start) for c in BOUNDARY) + 1
            start, end = max(start, vs), hit.start
            if self.words.between(start, end) == 0:  # inverted: '"...," said the director'
                start = end = hit.end
                while end < ve and text[end] not in BOUNDARY:
                    end += 1
        elif hit.kind == "start":
            start, end = vs, hit.start
            for c in BOUNDARY:
                cut = text.find(c, vs, end)
                if cut != -1:
                    end = cut
        else:
            return hit.start, hit.start
        for ds, de in self._dates():  # a date is no part of the speaker
            if start <= ds < end:
                if self.words.between(start, ds) == 0:
                    start = min(de, end)
                else:
                    end = ds
        for word in WORD.finditer(text, start, end):
            if word.group() in self.lex.stops:
                end = word.start()
                break
        if hit.kind == "start":
            end = min(end, self.words.first(start, end, 6))
        return start, end

    def _resolve(self, start: int, end: int) -> str | None:
        """The claimant a speaker phrase names: an actor id, or the role with ids inside.

        A phrase that is one actor's name gives its id (a country with only a side word,
        «иранской стороны», gives the country); any other phrase is the role as written,
        each actor in it replaced by its id ("AZE deputy culture minister").
        """
        text = self.text
        words = [(m.start(), m.end()) for m in WORD.finditer(text, start, end)]
        while words and text[words[0][0] : words[0][1]] in self.lex.trims:
            words.pop(0)
        if not words:
            return None
        start, end = words[0][0], words[-1][1]
        first = text[start : words[0][1]]
        for clitic in self.lex.proclitics:
            if first.startswith(clitic) and len(first) - len(clitic) >= 3:
                start += len(clitic)
                break
        if text[start:end] in self.lex.pronouns:
            return _BACK
        inside = [m for m in self.mentions if start <= m.start and m.end <= end]
        rest = [
            text[ws:we]
            for ws, we in words
            if ws >= start and not any(m.start <= ws < m.end for m in inside)
        ]
        if len(rest) + len(inside) > MAX_SPEAKER_WORDS:
            return None
        if len(inside) == 1 and all(w in self.lex.sides for w in rest):
            actor = inside[0].actor
            if not rest or (actor.type == ActorType.COUNTRY and actor.id):
                return actor.id or actor.name
        pieces, last = [], start
        for m in sorted(inside, key=lambda m: m.start):
            pieces += [self._original(last, m.start), m.actor.id or m.actor.name]
            last = m.end
        pieces.append(self._original(last, end))
        return " ".join(" ".join(pieces).split())

    def _original(self, start: int, end: int) -> str:
        if start >= end:
            return ""
        a, b = self.view.to_original(start, end)
        return self.doc.text[a:b]

    @staticmethod
    def nearest(qs: int, qe: int, speakers: list[Speaker]) -> Speaker | None:
        """The speaker whose cue is closest to ``[qs, qe)`` (a quantity outside the phrase)."""
        best: tuple[int, Speaker] | None = None
        for sp in speakers:
            if sp.region[0] <= qs < sp.region[1] or sp.claimant is None:
                continue
            cue = sp.cue
            distance = abs(qs - cue.end) if cue.end <= qs else abs(cue.start - qe)
            if best is None or distance < best[0]:
                best = (distance, sp)
        return best[1] if best else None
