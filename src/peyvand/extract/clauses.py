"""Sentence-level context shared by the record extractors (agreements, events, and others).

Record extractors all ask the same questions of a sentence: which countries, places, dates
and quantities does it hold, where do its clauses start, which cue words of the language
data occur in it, and is a trigger negated, planned, hoped for or denied? This module answers
them once per document, from data files, with one Aho-Corasick scan of the normalized view.

Stable API (imported read-only by other components; keep it small):

- ``context(pipeline, doc) -> DocContext``: built once per document, cached in ``doc.stash``.
- ``DocContext``: ``.sentences``, ``.main_pair`` (the document's two most mentioned
  countries), ``.lang``, ``.words(a, b)`` (words between two view offsets),
  ``.marks(sentence, mention)`` (role cues of ``event_roles.tsv`` around a mention),
  ``.blocked(sentence, start, end)`` (the modality of ``modality.tsv`` that makes the
  trigger at that view span not an actual act, or None), ``.evidence(start, end)`` (a view
  span as a trimmed original `Span`).
- ``Sentence``: ``.start/.end`` (original offsets), ``.vstart/.vend`` (view offsets),
  ``.mentions`` (`Mention`: actors with a country, and capitals named as places),
  ``.dates`` / ``.quantities`` (``(vstart, vend, record)``), ``.of(file)`` (cue hits of one
  data file, e.g. ``"modality"``), ``.clause(pos)`` (the clause around a view offset).
- ``CueIndex(data, files)`` and ``Hit`` (from `peyvand.extract.cue_index`): the scanner,
  for a component with its own cue files; the pattern syntax is documented there.

Countries of actors: a country is itself; a registry actor acts for its sponsor, else its
country (Al-Huda in Baku, run by Iran: IRN, host AZE); an unlinked actor for the country
named inside it («شبکه سراسری آذربایجان» → AZE); persons (poets, khans) for none.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from peyvand.extract.cue_index import CueIndex, Hit
from peyvand.extract.role_cues import Cues, read_cues
from peyvand.lang import SUPPORTED_LANGUAGES
from peyvand.model import DateRecord, QuantityRecord, Span
from peyvand.text.normalize import NormalizedText

if TYPE_CHECKING:
    from peyvand.pipeline import Doc, Pipeline

__all__ = ["BLOCKING", "CueIndex", "DocContext", "Hit", "Mention", "Sentence", "context"]

CUE_FILES = (
    "agreement_triggers.tsv",
    "event_triggers.tsv",
    "domain_cues.tsv",
    "modality.tsv",
    "event_roles.tsv",
)
BLOCKING = frozenset({"negation", "planning", "hope", "denial", "proposal", "condition"})
_EDGE = "\"'«»“”()[]{}.,;:!?؟،؛-–—_"  # stripped from words around a mention


@dataclass(slots=True)
class Mention:
    """A country in a sentence: an actor's mention (by its country) or a capital as a place."""

    country: str
    start: int  # view offsets
    end: int
    actor: str | None  # actor id; None for a place
    type: str  # actor type, or "place"
    host: str | None = None  # where it is, when another country acts through it
    capital: bool = False  # the words are a capital's name («باکو», "Baku")


@dataclass(slots=True)
class Sentence:
    index: int
    start: int  # original offsets
    end: int
    vstart: int  # view offsets
    vend: int
    hits: list[Hit] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    dates: list[tuple[int, int, DateRecord]] = field(default_factory=list)
    quantities: list[tuple[int, int, QuantityRecord]] = field(default_factory=list)
    bounds: list[tuple[int, int]] = field(default_factory=list)  # (clause start, words start)
    question: bool = False  # it asks ("how many documents have they signed?"): states nothing
    by_file: dict[str, list[Hit]] = field(default_factory=dict)

    def of(self, file: str) -> list[Hit]:
        """Hits of one cue file (its stem: "modality", "event_triggers", ...)."""
        return self.by_file.get(file, [])

    def clause(self, pos: int) -> tuple[int, int]:
        """The clause holding view offset ``pos``: (start of its words, end)."""
        start, end = self.vstart, self.vend
        for bound, words in self.bounds:
            if bound <= pos:
                start = words
            else:
                end = bound
                break
        return start, end

    def within(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end]


@dataclass(slots=True)
class DocContext:
    lang: str
    view: NormalizedText
    sentences: list[Sentence]
    main_pair: tuple[str, ...]
    cues: Cues
    _marks: dict[int, set[str]] = field(default_factory=dict)

    def opens_period(self, start: int, end: int) -> bool:
        """Whether the date at view [start, end) starts a period ("since 1991", «از سال»)."""
        view = self.view.text
        before = view[max(0, start - 120) : start].split()
        after = view[end : end + 120].split()
        for cue, (scope, reach) in self.cues.since.items():
            size = cue.count(" ") + 1
            # the cue with at most ``reach`` words between it and the date
            words = before[-reach - size :] if scope == "before" else after[: reach + size]
            for i in range(len(words) - size + 1):
                if " ".join(words[i : i + size]).strip(_EDGE) == cue:
                    return True
        return False

    def main_pair_in_order(self) -> tuple[str, str]:
        """The main pair, the country the document names first coming first."""
        first: dict[str, int] = {}
        for sentence in self.sentences:
            for m in sentence.mentions:
                first.setdefault(m.country, m.start)
        a, b = self.main_pair[0], self.main_pair[1]
        return (a, b) if first.get(a, 0) <= first.get(b, 0) else (b, a)

    def words(self, a: int, b: int) -> int:
        """Words strictly between view offsets ``a`` <= ``b``."""
        return max(0, self.view.text.count(" ", a, b) - 1) if a < b else 0

    def evidence(self, start: int, end: int) -> Span:
        s, e = self.view.to_original(start, end)
        text = self.view.original
        while s < e and (text[s].isspace() or text[s] in _EDGE):
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:،؛-–—_"):
            e -= 1
        return Span(s, e)

    def marks(self, sentence: Sentence, mention: Mention) -> set[str]:
        """Roles that cue words just around ``mention`` give it (agent, patient, place, ...)."""
        known = self._marks.get(mention.start)
        if known is None:
            known = self._marks[mention.start] = self._find_marks(sentence, mention)
        return known

    def _find_marks(self, sentence: Sentence, mention: Mention) -> set[str]:
        view = self.view.text
        roles: set[str] = set()
        before = [
            w.strip(_EDGE)
            for w in view[max(sentence.vstart, mention.start - 60) : mention.start].split()
        ]
        after = [
            w.strip(_EDGE) for w in view[mention.end : min(sentence.vend, mention.end + 60)].split()
        ]
        if before and mention.start > 0 and view[mention.start - 1].isalnum():
            before.pop()  # a joined clitic («الإيراني»: «ال») is not a word before it
        own = view[mention.start : mention.end].split()
        for k in (1, 2, 3, 4):
            if len(before) >= k:
                roles |= self.cues.before.get(" ".join(before[-k:]), set())
            if len(after) >= k:
                roles |= self.cues.after.get(" ".join(after[:k]), set())
            if len(own) > k:  # a name that starts with its cue: «برنامه تلویزیونی سحر»
                roles |= self.cues.before.get(" ".join(own[:k]), set())
        lead = " " + " ".join(before[-5:]) + " "
        for cue, role in self.cues.lead:
            if f" {cue} " in lead:
                roles.add(role)
        word = own[-1].strip(_EDGE) if own else ""
        for ending, role in self.cues.suffix:
            if word.endswith(ending) and len(word) > len(ending) + 2:
                roles.add(role)
        if mention.type == "place":
            roles.add("place")
        return roles

    def blocked(self, sentence: Sentence, start: int, end: int, pattern: str = "") -> str | None:
        """The modality (negation, planning, ...) that governs the trigger at [start, end).

        A cue the trigger ``pattern`` spells itself («icazə verilməyib») does not count.
        """
        c_start, c_end = sentence.clause(start)
        for hit in sentence.of("modality"):
            if hit.kind not in BLOCKING or not (c_start <= hit.start < c_end):
                continue
            scope, _, reach = hit.value(2, "clause").partition(":")
            if scope == "word" and pattern and hit.row[1].strip("*") in pattern:
                continue
            limit = int(reach) if reach.isdigit() else 0
            if scope == "clause":
                return hit.kind
            if scope == "word" and hit.start < end and start < hit.end:
                return hit.kind
            if scope == "word" and hit.start >= end and self.words(end, hit.start) == 0:
                return hit.kind  # on the light verb after it: «səfər edəcək», «imza atmadı»
            before = scope in ("before", "around") and hit.end <= start
            if before and self.words(hit.end, start) <= limit:
                return hit.kind
            after = scope in ("after", "around") and hit.start >= end
            if after and self.words(end, hit.start) <= limit:
                return hit.kind
        return None

    def sentence_at(self, pos: int) -> Sentence | None:
        starts = [s.vstart for s in self.sentences]
        i = bisect_right(starts, pos) - 1
        return self.sentences[i] if i >= 0 and pos < self.sentences[i].vend else None


class Clauses:
    """Built once per pipeline: the cue scanner, role cues and actor countries."""

    def __init__(self, pipeline: Pipeline) -> None:
        self._pipeline = pipeline
        self._data = pipeline.data
        self.index = CueIndex(self._data, CUE_FILES, self._places, self._scanned)
        self._cues: dict[str, Cues] = {}
        self._countries: dict[str, tuple[str | None, str | None]] | None = None
        self._unlinked: dict[tuple[str, str], str | None] = {}

    def _places(self, lang: str) -> Iterable[tuple[str, tuple[str, ...]]]:
        """Capitals (country_names.tsv, kind capital) as places: «در باکو», "in Baku"."""
        if self._data.has(lang, "country_names.tsv"):
            for row in self._data.rows(lang, "country_names.tsv"):
                if len(row) > 2 and row[2] == "capital" and row[0] != "-":
                    pattern = row[1] + ("*" if lang in ("az", "tr", "ru") else "")
                    yield "places", ("place", pattern, row[0])

    @staticmethod
    def _scanned(stem: str, row: tuple[str, ...]) -> bool:
        """Cues looked up around a word (roles, anaphors) are not scanned."""
        if stem == "event_roles":
            return len(row) > 2 and row[2] == "phrase"
        if stem == "modality":
            return row[0] != "since"
        return not (stem == "agreement_triggers" and row[0] in ("anaphor", "vague"))

    def cues(self, lang: str) -> Cues:
        if lang not in self._cues:
            self._cues[lang] = read_cues(self._data, lang)
        return self._cues[lang]

    def _country_of(self, actor_id: str) -> tuple[str | None, str | None]:
        """(country that acts through the actor, country it is in when that differs): a
        centre in Baku run by Iran is (IRN, AZE), Azerbaijan's consulate in Tabriz (AZE, IRN)."""
        if self._countries is None:
            from peyvand.registry.actors import merge, packaged_entries

            table: dict[str, tuple[str | None, str | None]] = {}
            for e in merge(packaged_entries(), self._pipeline.user_actors):
                acting = e.sponsor or e.country  # UNESCO (a seat, no country) acts for none
                where = e.country if e.sponsor else e.seat
                table[e.id] = (acting, where if where != acting else None)
            self._countries = table
        if len(actor_id) == 3 and actor_id.isupper():
            return actor_id, None
        return self._countries.get(actor_id, (None, None))

    def _unlinked_country(self, name: str, lang: str) -> str | None:
        """A country named inside an unlinked actor («شبکه سراسری آذربایجان» → AZE)."""
        key = (name, lang)
        if key not in self._unlinked:
            links = self._pipeline.registry.search(name, lang)
            self._unlinked[key] = next(
                (x.actor.id for x in links if x.actor.type == "country"), None
            )
        return self._unlinked[key]

    def build(self, doc: Doc) -> DocContext:
        lang = doc.lang if doc.lang in SUPPORTED_LANGUAGES else "en"
        view = doc.view
        mentions: list[Mention] = []
        for actor in doc.extraction.actors:
            if actor.type.value == "person":
                continue  # a poet or a khan does not act for a state
            if actor.id is not None:
                country, host = self._country_of(actor.id)
            else:
                country, host = self._unlinked_country(actor.name, lang), None
            if country is None:
                continue
            for m in actor.mentions:
                vs, ve = view.to_view(m.start, m.end)
                mentions.append(Mention(country, vs, ve, actor.id, actor.type.value, host))
        mentions.sort(key=lambda m: m.start)
        hits = self.index.scan(view.text, lang)
        for hit in hits:
            if hit.file != "places":
                continue
            named = [x for x in mentions if x.start < hit.end and hit.start < x.end]
            for mention in named:
                mention.capital = mention.start == hit.start
            if not named:
                mentions.append(Mention(hit.row[2], hit.start, hit.end, None, "place", None, True))
        mentions.sort(key=lambda m: m.start)
        sentences = []
        for i, (s, e) in enumerate(doc.sentences or [(0, len(doc.text))]):
            vs, ve = view.to_view(s, e)
            sentences.append(Sentence(i, s, e, vs, ve))
        starts = [s.vstart for s in sentences]

        def home(pos: int) -> Sentence | None:
            i = bisect_right(starts, pos) - 1
            return sentences[i] if i >= 0 and pos < sentences[i].vend else None

        for hit in hits:
            if hit.file != "places" and (sent := home(hit.start)) is not None:
                sent.hits.append(hit)
                sent.by_file.setdefault(hit.file, []).append(hit)
        for mention in mentions:
            if (sent := home(mention.start)) is not None:
                sent.mentions.append(mention)
        for date in doc.extraction.dates:
            vs, ve = view.to_view(date.span.start, date.span.end)
            if (sent := home(vs)) is not None:
                sent.dates.append((vs, ve, date))
        for q in doc.extraction.quantities:
            vs, ve = view.to_view(q.span.start, q.span.end)
            if (sent := home(vs)) is not None:
                sent.quantities.append((vs, ve, q))
        text = view.text
        for sent in sentences:
            for hit in sent.hits:
                if hit.file == "modality" and hit.kind == "clause" and hit.start > sent.vstart:
                    sent.bounds.append((hit.start, hit.end))
            for mark in (";", ":"):
                pos = text.find(mark, sent.vstart, sent.vend - 1)
                while pos >= 0:
                    sent.bounds.append((pos + 1, pos + 1))
                    pos = text.find(mark, pos + 1, sent.vend - 1)
            sent.bounds.sort()
            sent.question = text[sent.vstart : sent.vend].rstrip(" \"')").endswith("?")
        return DocContext(lang, view, sentences, _main_pair(mentions), self.cues(lang))


def _main_pair(mentions: list[Mention]) -> tuple[str, ...]:
    """The two most mentioned countries (country actors first; ties: first mentioned)."""
    counts = Counter(m.country for m in mentions if m.type == "country")
    if len(counts) < 2:
        counts.update(m.country for m in mentions if m.type not in ("country", "place"))
    first: dict[str, int] = {}
    for m in mentions:
        first.setdefault(m.country, m.start)
    ranked = sorted(counts, key=lambda c: (-counts[c], first[c]))
    return tuple(ranked[:2])


def context(pipeline: Pipeline, doc: Doc) -> DocContext:
    """The sentence context of ``doc``, built on first use and kept in ``doc.stash``."""
    ctx = doc.stash.get("clauses")
    if not isinstance(ctx, DocContext):
        clauses: Clauses = pipeline.shared("clauses", lambda: Clauses(pipeline))
        ctx = clauses.build(doc)
        doc.stash["clauses"] = ctx
    return ctx
