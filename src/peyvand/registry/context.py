"""Context rules applied after matching: names that are not what they look like.

- A country name right after a personal title («خانم ایران …», «آقای ایرانی», "Mr Iran") is
  a person's name: `lang/<code>/person_titles.txt`. Titles and cues may be several words;
  words are read from the normalized view, where a ZWNJ is a space («استان‌های» = «استان های»).
- A name of another language that is an everyday word of the document's language is that
  word: "Qatar" is Qatar in English but «qatar» (a train) in an Azerbaijani sentence, even
  when it opens the sentence (`lang/<code>/common_words.txt`).
- An ambiguous name (Persian «آذربایجان»: the Iranian provinces or the republic) is resolved by
  the cue words around it (`lang/<code>/ambiguous_names.tsv`: «استان آذربایجان», «آذربایجان
  شرقی» → region, not linked; «باکو» near → the republic); without a cue it takes the sense the
  rest of the document gives it (one sense per discourse), then the file's default.
"""

from __future__ import annotations

from dataclasses import dataclass

from peyvand.lang import SUPPORTED_LANGUAGES, LanguageData
from peyvand.registry.countries import BLOCKED
from peyvand.registry.matcher import TURKIC, NameMatch
from peyvand.text.normalize import NormalizedText, normalize

_PUNCTUATION = ".,;:!?\"'()[]{}<>/«»…"
WINDOW = 3


@dataclass(frozen=True, slots=True)
class Cue:
    word: str
    side: str  # before | after | near | default
    resolves: str  # an actor id, or "-" for "not an actor"


class ContextRules:
    def __init__(self, data: LanguageData) -> None:
        self._data = data
        self._titles: frozenset[str] | None = None
        self._multiword: tuple[str, ...] = ()
        self._ambiguous: dict[str, list[Cue]] | None = None
        self._common: dict[str, frozenset[str]] = {}

    def _load(self) -> None:
        titles: set[str] = set()
        ambiguous: dict[str, list[Cue]] = {}
        for lang in SUPPORTED_LANGUAGES:
            turkic = lang in TURKIC
            if self._data.has(lang, "person_titles.txt"):
                for title in self._data.lines(lang, "person_titles.txt"):
                    titles.add(normalize(title, turkic=turkic).text.strip("."))
            if self._data.has(lang, "ambiguous_names.tsv"):
                for name, word, side, resolves in self._data.rows(lang, "ambiguous_names.tsv"):
                    key = normalize(name, turkic=turkic).text
                    cue = Cue(normalize(word, turkic=turkic).text, side, resolves)
                    ambiguous.setdefault(key, []).append(cue)
        self._titles = frozenset(titles)
        self._multiword = tuple(t for t in titles if " " in t)
        self._ambiguous = ambiguous

    @property
    def titles(self) -> frozenset[str]:
        if self._titles is None:
            self._load()
        assert self._titles is not None
        return self._titles

    @property
    def multiword_titles(self) -> tuple[str, ...]:
        if self._titles is None:
            self._load()
        return self._multiword

    @property
    def ambiguous(self) -> dict[str, list[Cue]]:
        if self._ambiguous is None:
            self._load()
        assert self._ambiguous is not None
        return self._ambiguous

    def common_words(self, lang: str) -> frozenset[str]:
        if lang not in self._common:
            words: frozenset[str] = frozenset()
            if self._data.has(lang, "common_words.txt"):
                turkic = lang in TURKIC
                lines = self._data.lines(lang, "common_words.txt")
                words = frozenset(normalize(w, turkic=turkic).text for w in lines)
            self._common[lang] = words
        return self._common[lang]

    def _after_title(self, view: str, start: int) -> bool:
        """Whether a personal title stands right before ``start`` in the view."""
        if start < 2 or view[start - 1] != " ":
            return False
        space = view.rfind(" ", max(0, start - 32), start - 1)
        if view[space + 1 : start - 1].strip(_PUNCTUATION) in self.titles:
            return True
        return any(
            view.endswith(title, 0, start - 1)
            and (start - 1 - len(title) == 0 or view[start - 2 - len(title)] == " ")
            for title in self.multiword_titles
        )

    def _foreign_word(self, view: str, match: NameMatch, lang: str | None) -> bool:
        """A bare name of other languages only, which is a common word of ``lang``."""
        if lang is None or lang in match.langs or match.key not in self.common_words(lang):
            return False
        return view[match.view[0] : match.view[1]] == match.key

    def resolve(
        self, norm: NormalizedText, matches: list[NameMatch], lang: str | None
    ) -> list[tuple[NameMatch, str, str]]:
        """Each kept match with the id it links to and how (`exact`, `alias`, `fuzzy`...)."""
        from peyvand.registry.registry import method_of

        view = norm.text
        kept: list[tuple[NameMatch, str, str]] = []
        pending: list[tuple[NameMatch, list[Cue]]] = []
        decided_by_key: list[tuple[str, str]] = []
        for match in matches:
            if match.actor_id == BLOCKED:
                continue
            if _is_country(match.actor_id) and self._after_title(view, match.view[0]):
                continue  # «خانم ایران …», «آقای ایرانی»: a person's name, not the country
            if self._foreign_word(view, match, lang):
                continue
            cues = self.ambiguous.get(match.key)
            if cues is None:
                kept.append((match, match.actor_id, method_of(match)))
                continue
            before = _before(view, match)
            after = _after(view, match)
            decided = _by_cue(cues, before, after)
            if decided is not None:
                decided_by_key.append((match.key, decided))
            if decided is None:
                pending.append((match, cues))
            elif decided != BLOCKED:
                kept.append((match, decided, "context"))
        linked = {actor_id for _, actor_id, _ in kept}
        for match, cues in pending:
            # one sense per discourse: the sense cues gave the same name elsewhere, else the
            # sense of an actor the document links anyway, else the file's default
            same = {d for m, d in decided_by_key if m == match.key}
            senses = [c.resolves for c in cues if c.side == "near" and c.resolves in linked]
            default = next((c.resolves for c in cues if c.side == "default"), BLOCKED)
            choice = same.pop() if len(same) == 1 else (senses[0] if senses else default)
            if choice != BLOCKED:
                kept.append((match, choice, "context"))
        kept.sort(key=lambda item: item[0].start)
        return kept


def _before(view: str, match: NameMatch) -> list[str]:
    """The words right before the match, from the normalized view (no re-normalizing)."""
    start = match.view[0]
    words = [w.strip(_PUNCTUATION) for w in view[max(0, start - 60) : start].split()]
    return [w for w in words if w][-WINDOW:]


def _after(view: str, match: NameMatch) -> list[str]:
    end = match.view[1]
    words = (w.strip(_PUNCTUATION) for w in view[end : end + 60].split())
    return [w for w in words if w][:WINDOW]


def _is_country(actor_id: str) -> bool:
    """Countries have ISO alpha-3 ids; curated actors have lowercase ids."""
    return len(actor_id) == 3 and actor_id.isupper()


def _ends_with(words: list[str], phrase: str) -> bool:
    """Whether ``words`` end with ``phrase`` (one or more words: «استان های», «سرکار خانم»)."""
    size = phrase.count(" ") + 1
    return len(words) >= size and " ".join(words[-size:]) == phrase


def _starts_with(words: list[str], phrase: str) -> bool:
    size = phrase.count(" ") + 1
    return len(words) >= size and " ".join(words[:size]) == phrase


def _by_cue(cues: list[Cue], before: list[str], after: list[str]) -> str | None:
    for cue in cues:
        if cue.side == "before" and _ends_with(before, cue.word):
            return cue.resolves
        if cue.side == "after" and _starts_with(after, cue.word):
            return cue.resolves
        if cue.side == "near" and (
            f" {cue.word} " in f" {' '.join(before)} " or f" {cue.word} " in f" {' '.join(after)} "
        ):
            return cue.resolves
    return None
