"""Institutions named in a document, with host, sponsor and status; and what befell sites.

Every actor of type institution, and every registry broadcaster or TV channel, gives one
record per sentence that names it (RECORDS.md): the registry's name and `country` as host,
and its `sponsor` only where the text names that country in the sentence or the one before
(«دو مرکز فرهنگی ایرانی», "Iranian cultural institutions"). A name the registry does not know
keeps its surface; its host is the capital or country after a word of place («در باکو»,
"in Baku", «Bakıda»), its sponsor the country in or next to a cultural centre's name («خانه
فرهنگ ایران», "Iranian Nur Cultural Centre"); a bare description («مرکز فرهنگی ایرانی») is no
name. The status comes from cues in the same clause (``lang/<code>/institution_status.tsv``);
a cue that a negation or a plan word stands next to says nothing ("was not closed", «قرار
است افتتاح شود»), nor does one in a clause about an event ("the festival opened at ...").
Sites get the latest status the text gives them (``site_status.tsv``), in their own clause or
through a following «این بنا» / "the building", on every entry of the same site.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from peyvand.extract.cueset import TURKIC, WORD, CueSet, Hit, Words, view_mentions
from peyvand.model import Actor, Institution, Site, Span
from peyvand.registry.name_nesting import NESTED_COUNTRIES
from peyvand.text.normalize import normalize
from peyvand.vocab import ActorType

if TYPE_CHECKING:
    from peyvand.lang import LanguageData
    from peyvand.pipeline import Doc, Pipeline
    from peyvand.registry.registry import Registry

__all__ = ["component"]

STATUS_FILE = "institution_status.tsv"
SITES_FILE = "site_status.tsv"
COUNTRIES_FILE = "country_names.tsv"
BROADCAST_KINDS = frozenset({"broadcaster", "tv_channel", "radio"})
INSTITUTION_ORDER = ("closed", "obstructed", "opened", "operating")
SITE_ORDER = ("restored", "destroyed", "damaged")
_GUARDS = ("negation", "modal")
_BEFORE, _AFTER = 3, 4  # reach of a negation or modal word, in words
_ANAPHORA = 3  # sentences after a site that may still speak of it («این بنا»)
WORD_LISTS = frozenset({"and", "place", "place_suffix", "clause"})  # sets, not cues
_LAST_WORD = re.compile(r"(\w+)\s+$")


@dataclass(frozen=True, slots=True)
class _Lexicon:
    cues: CueSet  # institution_status.tsv and site_status.tsv
    capitals: CueSet  # capitals from country_names.tsv (any ending in Turkic)
    suffixes: frozenset[str]  # locative endings
    demonyms: frozenset[str]  # «ایرانی», "Iranian": an adjective, not a name
    ands: frozenset[str]  # «و», "and": a negation does not reach across them
    places: frozenset[str]  # «در», "in" before a capital
    clauses: tuple[str, ...]  # after a comma, these start a new clause («اما», "but")


def _lexicon(data: LanguageData, lang: str) -> _Lexicon:
    """The cues of one language; empty for a language without the data files."""
    if not lang or not data.has(lang, STATUS_FILE):
        none: frozenset[str] = frozenset()
        return _Lexicon(CueSet([]), CueSet([]), none, none, none, none, ())
    turkic = lang in TURKIC
    rows = list(data.rows(lang, STATUS_FILE))
    if data.has(lang, SITES_FILE):
        for cue, role, *head in data.rows(lang, SITES_FILE):
            heads = [normalize(h, turkic=turkic).text for h in head]
            rows.append([cue, f"site:{role}", *heads])
    capitals: list[list[str]] = []
    demonyms: set[str] = set()
    if data.has(lang, COUNTRIES_FILE):
        for row in data.rows(lang, COUNTRIES_FILE):
            if len(row) > 2 and row[2] == "capital":
                capitals.append([row[1] + ("*" if turkic else ""), "capital", row[0], row[1]])
            elif len(row) > 2 and row[2] == "demonym":
                demonyms.add(normalize(row[1], turkic=turkic).text)

    def words(role: str) -> frozenset[str]:
        return frozenset(normalize(r[0], turkic=turkic).text for r in rows if r[1] == role)

    return _Lexicon(
        CueSet(rows, turkic, skip=WORD_LISTS),
        CueSet(capitals, turkic),
        words("place_suffix"),
        frozenset(demonyms),
        words("and"),
        words("place"),
        tuple(words("clause")),
    )


def component(pipeline: Pipeline) -> Callable[[Doc], None]:
    """Build the lexicons once; return the per-document institution and site reader."""
    lexicons: dict[str, _Lexicon] = {}
    registry = pipeline.registry

    def run(doc: Doc) -> None:
        lang = doc.lang or ""
        if lang not in lexicons:
            lexicons[lang] = _lexicon(pipeline.data, lang)
        if doc.extraction.sites or any(
            a.type in (ActorType.INSTITUTION, ActorType.MEDIA) for a in doc.extraction.actors
        ):
            _Reader(doc, lexicons[lang], registry).read()
        else:
            doc.extraction.institutions = []

    return run


class _Reader:
    def __init__(self, doc: Doc, lex: _Lexicon, registry: Registry) -> None:
        self.doc = doc
        self.lex = lex
        self.registry = registry
        self.view = doc.view
        self.text = doc.view.text
        self.words = Words(self.text)
        self.countries: list[tuple[int, int, str]] = [
            (s, e, a.id) for s, e, a in view_mentions(doc) if a.type == ActorType.COUNTRY and a.id
        ]
        # a country inside an unlinked name is no mention of its own, yet still its sponsor
        nested = doc.stash.get(NESTED_COUNTRIES, ())
        self.countries += [(*doc.view.to_view(s, e), c) for s, e, c in nested]
        self.countries.sort()
        self.original = doc.sentences or [(0, len(doc.text))]
        self.original_starts = [s for s, _ in self.original]
        self._views: dict[int, tuple[int, int]] = {}
        # cues are looked for only where an institution or a site is, and a little after a site
        wanted: set[int] = set()
        for actor in doc.extraction.actors:
            if actor.type in (ActorType.INSTITUTION, ActorType.MEDIA):
                wanted.update(self._sentence_of(m.start) for m in actor.mentions)
        for site in doc.extraction.sites:
            k = self._sentence_of(site.evidence.start)
            wanted.update(range(k, min(k + 1 + _ANAPHORA, len(self.original))))
        self.wanted = sorted(wanted)
        spans = [self.sentence(k) for k in self.wanted]
        self.hits = lex.cues.find_in(self.text, spans)
        self.starts = [h.start for h in self.hits]

    def sentence(self, k: int) -> tuple[int, int]:
        """View span of sentence ``k``."""
        if k not in self._views:
            self._views[k] = self.view.to_view(*self.original[k])
        return self._views[k]

    def _sentence_of(self, original: int) -> int:
        return max(bisect_left(self.original_starts, original + 1) - 1, 0)

    def read(self) -> None:
        records: list[tuple[int, Institution]] = []
        seen: set[tuple[str, int]] = set()
        for actor in self.doc.extraction.actors:
            info = self.registry.info(actor.id) if actor.id else None
            if not self._is_institution(actor, info.kind if info else None):
                continue
            if info is None and all(self._descriptive(m) for m in actor.mentions):
                continue  # «مرکز فرهنگی ایرانی»: a description, not a name
            for mention in actor.mentions:
                ms, me = self.view.to_view(mention.start, mention.end)
                sentence = self._sentence_of(mention.start)
                if (actor.id or actor.name, sentence) in seen:
                    continue
                seen.add((actor.id or actor.name, sentence))
                cs, ce = self._clause(ms, me, sentence)
                if info is not None:  # the sponsor only where the text names it
                    host, sponsor = info.country, info.sponsor
                    if sponsor is not None and not self._named(sponsor, sentence):
                        sponsor = None
                else:
                    host, sponsor = self._host_sponsor(ms, me, cs, ce)
                status = self._status(cs, ce, "", INSTITUTION_ORDER)
                start, end = self.view.to_original(cs, ce)
                name = info.name if info else actor.name
                records.append((cs, Institution(name, Span(start, end), host, sponsor, status)))
        records.sort(key=lambda r: r[0])
        self.doc.extraction.institutions = [r for _, r in records]
        self._site_status()

    def _named(self, country: str, sentence: int) -> bool:
        """The country is named in the sentence or the one before it."""
        start = self.sentence(max(sentence - 1, 0))[0]
        end = self.sentence(sentence)[1]
        return any(c == country and start <= s < end for s, _, c in self.countries)

    def _site_status(self) -> None:
        """The latest state the text gives each site, also through «این بنا», "the building".

        A sentence that names no site but refers back to the one the previous sentence is
        about (its first site) speaks of that site. Every entry of a site gets its status.
        """
        sites = sorted(
            (
                (*self.view.to_view(s.evidence.start, s.evidence.end), s)
                for s in self.doc.extraction.sites
            ),
            key=lambda x: x[0],
        )
        latest: dict[str, tuple[int, str]] = {}
        topic: tuple[int, int, Site] | None = None
        previous = -1
        for index in self.wanted:
            vs, ve = self.sentence(index)
            if index != previous + 1:
                topic = None
            previous = index
            here = [x for x in sites if vs <= x[0] < ve]
            spans: list[tuple[int, int, Site]] = []
            if here:
                topic = here[0]
                for ss, se, site in here:
                    spans.append((*self._clause(ss, se, index), site))
            elif topic is not None and (anaphor := self._anaphor(vs, ve, topic)) is not None:
                spans.append((*self._clause(*anaphor, index), topic[2]))
            else:
                topic = None
            for cs, ce, site in spans:
                status = self._status(cs, ce, "site:", SITE_ORDER)
                if status is not None:
                    latest[site.name] = (cs, status)
        for _, _, site in sites:
            if site.name in latest:
                site.status = latest[site.name][1]

    def _anaphor(self, vs: int, ve: int, topic: tuple[int, int, Site]) -> tuple[int, int] | None:
        named = self.text[topic[0] : topic[1]] + " " + topic[2].name.casefold()
        for hit in self.hits[bisect_left(self.starts, vs) : bisect_left(self.starts, ve)]:
            head = hit.of("site:anaphor")
            if head is not None and (not head or not head[0] or head[0] in named):
                return hit.start, hit.end
        return None

    def _descriptive(self, mention: Span) -> bool:
        """Only a centre head and a demonym: «مرکز فرهنگی ایرانی», not «خانه فرهنگ ایران»."""
        ms, me = self.view.to_view(mention.start, mention.end)
        covered = [(s, e) for s, e, _ in self.countries if ms <= s < me and self._demonym(s, e)]
        lo, hi = bisect_left(self.starts, ms), bisect_left(self.starts, me)
        covered += [(h.start, h.end) for h in self.hits[lo:hi] if h.of("sponsored") is not None]
        words = [(m.start(), m.end()) for m in WORD.finditer(self.text, ms, me)]
        return all(any(s <= ws and we <= e for s, e in covered) for ws, we in words)

    def _demonym(self, start: int, end: int) -> bool:
        word = self.text[start:end]
        return (
            word in self.lex.demonyms
            or any(  # inflected Russian adjectives: «иранского»
                d.endswith(("ий", "ый", "ой")) and word.startswith(d[:-2])
                for d in self.lex.demonyms
            )
        )

    @staticmethod
    def _is_institution(actor: Actor, kind: str | None) -> bool:
        if actor.type == ActorType.INSTITUTION:
            return True
        return actor.type == ActorType.MEDIA and actor.id is not None and kind in BROADCAST_KINDS

    # --- clause and status -----------------------------------------------------------------
    def _clause(self, ms: int, me: int, sentence: int) -> tuple[int, int]:
        """The clause of the sentence around ``[ms, me)``: cut at «;» and at ", but"."""
        vs, ve = self.sentence(sentence)
        cuts = [vs, ve]
        pos = self.text.find(";", vs, ve)
        while pos != -1:
            cuts.append(pos + 1)
            pos = self.text.find(";", pos + 1, ve)
        comma = self.text.find(",", vs, ve)
        while comma != -1 and self.lex.clauses:
            after = len(self.text[comma + 1 : ve]) - len(self.text[comma + 1 : ve].lstrip())
            rest = self.text[comma + 1 + after : ve]
            if any(
                rest.startswith(c) and rest[len(c) : len(c) + 1] in (" ", "")
                for c in self.lex.clauses
            ):
                cuts.append(comma + 1 + after)
            comma = self.text.find(",", comma + 1, ve)
        cuts.sort()
        start = max((c for c in cuts if c <= ms), default=vs)
        end = min((c for c in cuts if c >= me), default=ve)
        while start < end and self.text[start] in " ;,":
            start += 1
        while end > start and self.text[end - 1] in " ;,":
            end -= 1
        return start, end

    def _status(self, cs: int, ce: int, prefix: str, order: tuple[str, ...]) -> str | None:
        lo, hi = bisect_left(self.starts, cs), bisect_left(self.starts, ce)
        clause = self.hits[lo:hi]
        has_event = any(h.of("event") is not None for h in clause)
        found: set[str] = set()
        for hit in clause:
            for status in order:
                if hit.of(prefix + status) is None or self._guarded(hit, clause):
                    continue
                if has_event and not prefix and status != "obstructed":
                    continue  # the festival opened, not the institution
                found.add(status)
        if prefix and any(h.of("site:restoration") is not None for h in clause):
            done = [h for h in clause if h.of("site:completed") is not None]
            if any(not self._guarded(h, clause) for h in done):
                found.add("restored")  # «مرمت … به پایان رسید», "restoration was completed"
        return next((s for s in order if s in found), None)

    def _guarded(self, cue: Hit, clause: list[Hit]) -> bool:
        """A negation or plan word close to the cue, not across «and» or punctuation."""
        for hit in clause:
            if hit.of(*_GUARDS) is None or hit is cue:
                continue
            if hit.end <= cue.start:
                gap, words = self.text[hit.end : cue.start], self.words.between(hit.end, cue.start)
                reach = _BEFORE
            elif hit.start >= cue.end:
                gap, words = self.text[cue.end : hit.start], self.words.between(cue.end, hit.start)
                reach = _AFTER
            else:
                continue
            if words > reach or any(c in gap for c in ",;:."):
                continue
            gap_words = WORD.findall(self.text, min(hit.end, cue.end), max(hit.start, cue.start))
            if any(w in self.lex.ands for w in gap_words):
                continue
            return True
        return False

    # --- host and sponsor of a name the registry does not know --------------------------------
    def _host_sponsor(self, ms: int, me: int, cs: int, ce: int) -> tuple[str | None, str | None]:
        place = self._place(ms, me, cs, ce)
        host = place[2] if place else None
        inside = [
            c
            for c in self.countries
            if (cs <= c[0] < ce)
            and (place is None or not (place[0] <= c[0] < place[1]))
            and (ms <= c[0] < me or self._adjacent(ms, me, c[0], c[1]))
        ]
        sponsored = any(
            h.of("sponsored") is not None
            and h.start < me
            and (h.end > ms or self.words.between(h.end, ms) == 0)
            for h in self.hits[
                max(bisect_left(self.starts, ms) - 2, 0) : bisect_left(self.starts, me)
            ]
        )
        if not inside:
            return host, None
        country = inside[0][2]
        if not sponsored:
            return host or country, None
        return host, None if country == host else country

    def _adjacent(self, ms: int, me: int, s: int, e: int) -> bool:
        if e <= ms:
            return self.words.between(e, ms) <= 1 and "," not in self.text[e:ms]
        return s >= me and self.words.between(me, s) <= 1 and "," not in self.text[me:s]

    def _place(self, ms: int, me: int, cs: int, ce: int) -> tuple[int, int, str] | None:
        """A capital or country after a word of place, or with a locative ending, near the name."""
        candidates: list[tuple[int, int, str, int]] = [
            (s, e, c, 0) for s, e, c in self.countries if cs <= s < ce
        ]
        for hit in self.lex.capitals.find(self.text[cs:ce]):
            country, name = hit.of("capital") or ("", "")
            length = len(normalize(name, turkic=self.doc.lang in TURKIC).text)
            candidates.append((cs + hit.start, cs + hit.end, country, length))
        for s, e, country, size in sorted(candidates):
            if s < me and ms < e:
                continue
            near = (s >= me and self.words.between(me, s) <= 4) or (
                e <= ms and self.words.between(e, ms) <= 1
            )
            if not near or not country:
                continue
            word_end = e
            while word_end < ce and (self.text[word_end].isalnum() or self.text[word_end] == "'"):
                word_end += 1
            if self._locative(s, word_end, size) or self._after_place_word(s):
                return s, word_end, country
        return None

    def _locative(self, s: int, e: int, base: int) -> bool:
        """The word at ``[s, e)`` ends in a locative ending (after the capital's own letters)."""
        if base:
            return self.text[s + base : e].replace("'", "") in self.lex.suffixes
        word = self.text[s:e].replace("'", "")
        return any(word.endswith(x) and len(word) > len(x) + 3 for x in self.lex.suffixes)

    def _after_place_word(self, s: int) -> bool:
        before = _LAST_WORD.search(self.text, max(0, s - 24), s)
        return before is not None and before.group(1) in self.lex.places
