"""Language identification: cheap letter and cue-word evidence first, lingua only when needed.

Most documents settle on script and cue words alone (Persian vs Arabic, Russian, Azerbaijani
with ə); lingua (≈190 MiB, seconds to build) is built lazily, once per instance, for what the
cues leave open: mostly short Latin strings and en/az/tr without decisive words. South
Azerbaijani in Arabic script ("azb") is reported only when its own cue words beat Persian's,
because lingua has no model for it. All cue words and letters live in ``lang/<code>/lang_cues.tsv``.

Speed: a document is first judged on a probe of ~400 characters (head, middle and tail);
only when the probe is not overwhelming is the ~2,200-character sample scored. Scoring sums
one remembered weight vector per distinct token, so no Python step runs per token and
language.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import compress
from operator import itemgetter
from typing import Any

from peyvand.lang import SUPPORTED_LANGUAGES, LanguageData, LanguageDataError

CUES_FILE = "lang_cues.tsv"

_CAP = 2000  # characters of a paragraph that are looked at
_DOC_WINDOWS = (1200, 500, 500)  # head, middle and tail sampled from a long document
# A document is first judged on a smaller probe; the probe settles it alone when its top cue
# score reaches _SURE_SCORE, leads the runner-up by _SURE_GAP, the runner-up has at most
# _SURE_RATIO of it (en/az/tr share many cues, so their probes rarely settle) and the script
# has _SURE_SHARE of the probe's letters. Otherwise the sample decides as before.
_PROBE_WINDOWS = (240, 80, 80)
_SURE_SCORE = 20.0
_SURE_GAP = 10.0
_SURE_RATIO = 0.4
_SURE_SHARE = 0.9
_MIN_SCORE = 2.0  # cue evidence needed to decide without lingua ...
_MIN_GAP = 2.0  # ... and its lead over the runner-up
_TOKEN_CACHE = 50_000  # tokens whose cue weights are remembered (frequent words repeat)

_TOKEN_RE = re.compile(r"[^\W\d_]+(?:\u200c[^\W\d_]+)*")
_COMPAT_RE = re.compile("[\ufb50-\ufeff]")  # Arabic presentation forms
_LINE_RE = re.compile(r"[^\n\r\u2028\u2029\x85]+")
# Harakat, superscript alef and kashida carry no identity (one ``re`` scan drops them: ten
# times faster than ``str.translate`` with a non-ASCII table); Arabic yeh/kaf match Persian.
_MARKS_RE = re.compile("[\u064b-\u065f\u0670\u0640]")
_FOLD = str.maketrans({"ي": "ی", "ك": "ک"})
_KINDS = frozenset({"script", "variant", "letter", "infix", "word", "phrase", "prefix", "suffix"})


@dataclass(frozen=True, slots=True)
class LanguageSpan:
    """The language of ``text[start:end]``; ``lang`` is None when it cannot be told."""

    lang: str | None
    start: int
    end: int
    confidence: float


@cache
def _script(char: str) -> str:
    code = ord(char)
    if code < 0x0250 or 0x1E00 <= code < 0x1F00:
        return "Latin"
    if 0x0400 <= code < 0x0530:
        return "Cyrillic"
    if (
        0x0600 <= code < 0x0700
        or 0x0750 <= code < 0x0780
        or 0x08A0 <= code < 0x0900
        or 0xFB50 <= code < 0xFF00
    ):
        return "Arabic"
    return "Other"


Weights = dict[str, float]
# The text as scored, its cue table, the scores, letters of the dominant script and its share.
_Evidence = tuple[str, "_ScriptCues", Weights, int, float]


@dataclass(slots=True)
class _ScriptCues:
    """Cue tables of the languages written in one script, built from the data files."""

    languages: list[str] = field(default_factory=list)
    lingua: list[str] = field(default_factory=list)
    tables: dict[str, dict[str, Weights]] = field(default_factory=dict)
    prefix_lengths: tuple[int, ...] = ()
    suffix_lengths: tuple[int, ...] = ()
    vectors: dict[str, tuple[float, ...]] = field(default_factory=dict)  # token -> weights

    def add(self, kind: str, value: str, lang: str, weight: float) -> None:
        key = value.lower()
        if kind not in ("letter", "infix"):  # matched on the folded token
            key = key.translate(_FOLD)
        cell = self.tables.setdefault(kind, {}).setdefault(key, {})
        cell[lang] = cell.get(lang, 0.0) + weight

    def freeze(self) -> None:
        for kind in ("letter", "infix", "word", "phrase", "prefix", "suffix"):
            self.tables.setdefault(kind, {})
        self.prefix_lengths = tuple(sorted({len(p) for p in self.tables["prefix"]}))
        self.suffix_lengths = tuple(sorted({len(s) for s in self.tables["suffix"]}))

    def score(self, tokens: list[str]) -> Weights:
        """Sum the cue weights of ``tokens`` (lowercased, all of this script) per language.

        Each distinct token's weights are remembered as one vector (a weight per language),
        so a text is scored by summing columns, without a Python step per token and language.
        Weights are multiples of 0.5, so the sums are exact in any order.
        """
        vectors = self.vectors
        found: list[tuple[float, ...] | None] = list(map(vectors.get, tokens))
        if None in found:
            for index, vector in enumerate(found):
                if vector is None:
                    found[index] = self._vector(tokens[index])
        columns = zip(*found, strict=True) if found else ((0.0,) for _ in self.languages)
        scores = {
            lang: sum(column, 0.0) for lang, column in zip(self.languages, columns, strict=True)
        }
        phrases = self.tables["phrase"]
        if phrases:
            folded = [raw.translate(_FOLD) for raw in tokens]
            for previous, token in zip(["", *folded[:-1]], folded, strict=True):
                if phrase := phrases.get(previous + " " + token):
                    for lang, weight in phrase.items():
                        scores[lang] += weight
        return scores

    def _vector(self, raw: str) -> tuple[float, ...]:
        summed = self._token_weights(raw)
        vector = tuple(summed.get(lang, 0.0) for lang in self.languages)
        if len(self.vectors) >= _TOKEN_CACHE:
            self.vectors.clear()
        self.vectors[raw] = vector
        return vector

    def _token_weights(self, raw: str) -> Weights:
        """The summed weights of the cues that the token carries on its own."""
        tables = self.tables
        letters, prefixes, suffixes = tables["letter"], tables["prefix"], tables["suffix"]
        hits: list[Weights] = [letters[ch] for ch in letters.keys() & set(raw)]
        hits.extend(weights for infix, weights in tables["infix"].items() if infix in raw)
        token = raw.translate(_FOLD)
        if token in tables["word"]:
            hits.append(tables["word"][token])
        size = len(token)
        for n in self.prefix_lengths:
            if size >= n + 2 and (hit := prefixes.get(token[:n])):
                hits.append(hit)
        for n in self.suffix_lengths:
            if size >= n + 2 and (hit := suffixes.get(token[-n:])):
                hits.append(hit)
        summed: dict[str, float] = {}
        for weights in hits:
            for lang, weight in weights.items():
                summed[lang] = summed.get(lang, 0.0) + weight
        return summed


class LanguageIdentifier:
    """Tells the language of documents and paragraphs among ``languages``.

    South Azerbaijani in Arabic script ("azb") is recognised whenever "az" (or "azb") is
    among ``languages``. Build one per process and reuse it: lingua is built on first need.
    """

    def __init__(self, data: LanguageData, languages: Sequence[str] = SUPPORTED_LANGUAGES) -> None:
        wanted = list(dict.fromkeys(languages))
        if "az" in wanted and "azb" not in wanted and data.has("azb", CUES_FILE):
            wanted.append("azb")
        unknown = [code for code in wanted if not data.has(code, CUES_FILE)]
        if unknown:
            raise ValueError(f"no {CUES_FILE} for language(s) {unknown}")
        self._data = data
        self._languages = tuple(wanted)
        self._scripts: dict[str, _ScriptCues] | None = None
        self._variants: dict[str, tuple[str, float]] = {}
        self._detector: Any = None

    @property
    def languages(self) -> tuple[str, ...]:
        return self._languages

    def __getstate__(self) -> dict[str, Any]:
        """Pickle without lingua or tables (for process pools and Dask); both rebuild lazily."""
        return {"data": self._data, "languages": self._languages}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["data"], state["languages"])  # type: ignore[misc]

    # -- public API ----------------------------------------------------------------------

    def detect(self, text: str) -> str | None:
        return self.detect_with_confidence(text)[0]

    def detect_with_confidence(self, text: str) -> tuple[str | None, float]:
        """The language of a whole document, judged on a sample of at most ~2,200 characters.

        A probe of ~400 characters (head, middle and tail) is read first; when its script and
        cue words leave no doubt (``_SURE_*``), it decides alone and the sample is not read.
        """
        if len(text) > sum(_PROBE_WINDOWS):
            settled = self._settled(_sample(text, _PROBE_WINDOWS))
            if settled is not None:
                return settled
        return self._classify(_sample(text))

    def paragraphs(self, text: str) -> list[LanguageSpan]:
        """One span per non-blank line, stripped of surrounding spaces, in original offsets."""
        spans: list[LanguageSpan] = []
        for match in _LINE_RE.finditer(text):
            line = match.group()
            stripped = line.strip()
            if not stripped:
                continue
            start = match.start() + (len(line) - len(line.lstrip()))
            lang, confidence = self._classify(stripped[:_CAP])
            spans.append(LanguageSpan(lang, start, start + len(stripped), confidence))
        return spans

    # -- classification ------------------------------------------------------------------

    def _evidence(self, text: str) -> _Evidence | None:
        """Letters per script and the cue scores of the dominant one; None if no cue table."""
        if _COMPAT_RE.search(text):
            text = unicodedata.normalize("NFKC", text)
        text = _MARKS_RE.sub("", text.replace("İ", "i").lower())
        tokens = _TOKEN_RE.findall(text)
        if not tokens:
            return None
        firsts = list(map(itemgetter(0), tokens))
        scripts = {char: _script(char) for char in set(firsts)}
        if len(set(scripts.values())) == 1:  # the usual case: one script
            script = scripts[firsts[0]]
            by_script, letters = {script: tokens}, {script: sum(map(len, tokens))}
        else:  # scripts in order of first appearance, as ``max`` breaks ties by it
            kinds = list(map(scripts.__getitem__, firsts))
            sizes = list(map(len, tokens))
            by_script, letters = {}, {}
            for script in dict.fromkeys(kinds):
                chosen = [kind == script for kind in kinds]
                by_script[script] = list(compress(tokens, chosen))
                letters[script] = sum(compress(sizes, chosen))
        script = max(letters, key=letters.__getitem__)
        cues = self._tables().get(script)
        if cues is None:
            return None
        share = letters[script] / sum(letters.values())
        scores = self._fold_variants(cues.score(by_script[script]))
        return text, cues, scores, letters[script], share

    def _settled(self, probe: str) -> tuple[str, float] | None:
        """The language of a probe when its evidence is overwhelming, else None."""
        evidence = self._evidence(probe)
        if evidence is None:
            return None
        _, _, scores, _, share = evidence
        (top_lang, top), second = _top_two(scores)
        if (
            share >= _SURE_SHARE
            and top >= _SURE_SCORE
            and top - second >= _SURE_GAP
            and second <= _SURE_RATIO * top
            and top_lang in self._languages
        ):
            return top_lang, _confidence(top, second, share)
        return None

    def _classify(self, text: str) -> tuple[str | None, float]:
        evidence = self._evidence(text)
        if evidence is None:
            return None, 0.0
        text, cues, scores, letters, share = evidence
        (top_lang, top), second = _top_two(scores)
        if top >= _MIN_SCORE and top - second >= _MIN_GAP:
            if top_lang not in self._languages:
                return None, 0.0  # a base language scored only to judge its variant
            return top_lang, _confidence(top, second, share)
        candidates = [lang for lang in cues.lingua if lang in scores]
        if len(candidates) == 1:  # e.g. Cyrillic without Azerbaijani letters: Russian
            evidence_share = letters / (letters + 5)
            return candidates[0], round(0.9 * evidence_share * share, 3)
        if not candidates:
            return None, 0.0  # weak cues and no model to ask
        return self._with_lingua(text[:_CAP], candidates, scores, share)

    def _fold_variants(self, scores: dict[str, float]) -> dict[str, float]:
        """A variant (azb) is kept only if it beats its base (fa) by the margin."""
        for variant, (base, margin) in self._variants.items():
            if variant in scores and base in scores:
                if scores[variant] - scores[base] >= margin:
                    scores[base] = min(scores[base], scores[variant] - margin)
                else:
                    scores[base] = max(scores[base], scores.pop(variant))
        return scores

    def _with_lingua(
        self, text: str, candidates: list[str], scores: dict[str, float], share: float
    ) -> tuple[str | None, float]:
        values = {
            value.language.iso_code_639_1.name.lower(): value.value
            for value in self._lingua().compute_language_confidence_values(text)
        }
        total = sum(values.get(lang, 0.0) for lang in candidates) or 1.0
        positive = {lang: max(score, 0.0) for lang, score in scores.items()}
        cue_total = sum(positive.values())
        combined: dict[str, float] = {}
        for lang in scores:
            if lang not in self._languages:
                continue
            model = values.get(lang, 0.0) / total
            combined[lang] = (model + positive[lang] / cue_total) / 2 if cue_total else model
        best = max(combined, key=combined.__getitem__)
        return best, round(min(0.99, combined[best]) * share, 3)

    # -- lazily built resources ----------------------------------------------------------

    def _tables(self) -> dict[str, _ScriptCues]:
        if self._scripts is None:
            self._scripts = self._build_tables()
        return self._scripts

    def _build_tables(self) -> dict[str, _ScriptCues]:
        scripts: dict[str, _ScriptCues] = {}
        cue_rows: list[tuple[str, str, str, float]] = []
        to_read = list(self._languages)  # grows by the base of each variant, scored alongside
        for lang in to_read:
            for row in self._data.rows(lang, CUES_FILE):
                if len(row) < 3 or row[0] not in _KINDS:
                    raise LanguageDataError(f"{lang}/{CUES_FILE}: bad row {row!r}")
                kind, value, cell = row[0], row[1], row[2]
                if kind == "script":
                    group = scripts.setdefault(value, _ScriptCues())
                    group.languages.append(lang)
                    if cell == "lingua" and lang in self._languages:
                        group.lingua.append(lang)
                elif kind == "variant":
                    self._variants[lang] = (value, float(cell))
                    if value not in to_read and self._data.has(value, CUES_FILE):
                        to_read.append(value)
                else:
                    cue_rows.append((kind, value, lang, float(cell)))
        for kind, value, lang, weight in cue_rows:
            found = scripts.get(_script(value[0]))
            if found is not None and lang in found.languages:
                found.add(kind, value, lang, weight)
        for table in scripts.values():
            table.freeze()
        return scripts

    def _lingua(self) -> Any:
        if self._detector is None:
            from lingua import IsoCode639_1, LanguageDetectorBuilder

            codes = sorted({code for table in self._tables().values() for code in table.lingua})
            isos = [IsoCode639_1.from_str(code) for code in codes]
            self._detector = LanguageDetectorBuilder.from_iso_codes_639_1(*isos).build()
        return self._detector


def _top_two(scores: Weights) -> tuple[tuple[str, float], float]:
    """The best (language, score) and the runner-up's score (ties: the first language)."""
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    return ranked[0], ranked[1][1] if len(ranked) > 1 else 0.0


def _confidence(top: float, second: float, share: float) -> float:
    return round(min(0.99, top / (top + max(second, 0.0) + 1.0)) * share, 3)


def _sample(text: str, windows: tuple[int, int, int] = _DOC_WINDOWS) -> str:
    """The whole text if short, else its head, middle and tail, cut at spaces."""
    head, middle, tail = windows
    if len(text) <= head + middle + tail:
        return text
    centre = len(text) // 2
    pieces = [
        text[:head].rpartition(" ")[0] or text[:head],
        text[centre - middle // 2 : centre + middle // 2].partition(" ")[2].rpartition(" ")[0],
        text[-tail:].partition(" ")[2] or text[-tail:],
    ]
    return "\n".join(pieces)
