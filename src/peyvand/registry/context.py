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
  rest of the document gives it (one sense per discourse), then the sense of a ``document``
  cue whose actor the document links ("Israel's embassy" in a text that names Azerbaijan is
  Israel's one embassy there), then the file's default. A name whose senses differ from one
  mention to the next (bare «نظامی»: "military", or the poet in «خمسه نظامی») has a
  ``fallback`` row instead of a default: a mention no cue decides takes it, whatever the
  document's other mentions took.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from peyvand.lang import SUPPORTED_LANGUAGES, LanguageData
from peyvand.registry.countries import BLOCKED
from peyvand.registry.matcher import TURKIC
from peyvand.text.normalize import normalize

_PUNCTUATION = ".,;:!?\"'()[]{}<>/«»…"
_CLAUSE_ENDS = ',;:!?)]»"' + "\u060c\u061b"  # after a title: not a person's name next
WINDOW = 3
VERDICTS = 50_000  # words remembered by the title check


@dataclass(frozen=True, slots=True)
class Cue:
    word: str
    side: str  # before | after | near | document | default | fallback
    resolves: str  # an actor id, or "-" for "not an actor"
    padded: str = field(init=False)  # the word as `decide` looks for it, spaced once here

    def __post_init__(self) -> None:
        spaced = {"before": f" {self.word}", "after": f"{self.word} "}
        object.__setattr__(self, "padded", spaced.get(self.side, f" {self.word} "))


class ContextRules:
    def __init__(self, data: LanguageData) -> None:
        self._data = data
        self._titles: frozenset[str] | None = None
        self._multiword: tuple[str, ...] = ()
        self._ambiguous: dict[str, list[Cue]] | None = None
        self._common: dict[str, frozenset[str]] = {}
        self._verdicts: dict[str, int] = {}  # the word before a country: a title?

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
                    # a document cue's word is an actor id, not a word of the text
                    cued = word if side == "document" else normalize(word, turkic=turkic).text
                    cue = Cue(cued, side, resolves)
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

    def title_ends(self, view: str, marks: list[int]) -> set[int]:
        """Where the word after each title found by the automaton starts (``marks``: the
        view ends of the titles): only there may `after_title` be true."""
        return {view.find(" ", end) + 1 for end in marks}

    def after_title(self, view: str, start: int) -> bool:
        """Whether a personal title stands right before ``start`` in the view."""
        if start < 2 or view[start - 1] != " ":
            return False
        space = view.rfind(" ", max(0, start - 32), start - 1)
        if space < 0 and start > 33:
            return False  # a word of 32 letters or more is no title
        token = view[space + 1 : start - 1]
        verdict = self._verdicts.get(token)
        if verdict is None:
            verdict = self._verdict(token)
        if verdict < 2:
            return verdict == 1
        return any(
            view.endswith(title, 0, start - 1)
            and (start - 1 - len(title) == 0 or view[start - 2 - len(title)] == " ")
            for title in self.multiword_titles
        )

    def _verdict(self, token: str) -> int:
        """1: the word before a name is a title; 2: it ends a title of several words."""
        word = token.strip(_PUNCTUATION)
        ends = (" " + token, " " + word)
        if token[-1:] in _CLAUSE_ENDS:
            verdict = 0  # «این استاد، قزاق‌ها»: a comma ends the title's phrase
        else:
            verdict = (
                1
                if word in self.titles
                else 2
                if any(t.endswith(ends) for t in self._multiword)
                else 0
            )
        if len(self._verdicts) >= VERDICTS:
            self._verdicts.clear()
        self._verdicts[token] = verdict
        return verdict

    def foreign_words(
        self, lang: str | None, langs: Mapping[str, frozenset[str]]
    ) -> frozenset[str]:
        """Names (keys of ``langs``) of other languages only that are common words of ``lang``.

        Such a name is that word when it stands bare: "Qatar" is Qatar in English but «qatar»
        (a train) in an Azerbaijani sentence, even when it opens the sentence.
        """
        if lang is None:
            return frozenset()
        return frozenset(
            word for word in self.common_words(lang) if word in langs and lang not in langs[word]
        )

    def decide(self, view: str, start: int, end: int, cues: list[Cue]) -> str | None:
        """The sense the words around the view span ``[start, end)`` give an ambiguous name.

        The first cue that holds decides: a phrase that ends the words before, one that
        starts the words after, a phrase among either. A clitic written joined before the
        name is read both ways: as a word before it (a cue «من ال» for «من الأرمنية») and as
        part of its word (a cue «الشاهنامه» for «الشاهنامه للفردوسي»).
        """
        before = " " + " ".join(_before(view, start)) + " "
        whole = before  # with a clitic joined before the name: the words before its word
        if start > 0 and view[start - 1] != " ":
            whole = " " + " ".join(_before(view, view.rfind(" ", 0, start) + 1)) + " "
        after: str | None = None  # read only when a cue looks after the name
        for cue in cues:
            side = cue.side
            if side == "before":
                if before.endswith(cue.padded, 0, -1) or whole.endswith(cue.padded, 0, -1):
                    return cue.resolves
            elif side in ("after", "near"):
                if after is None:
                    after = " " + " ".join(_after(view, end)) + " "
                if side == "after":
                    if after.startswith(cue.padded, 1):
                        return cue.resolves
                elif cue.padded in before or cue.padded in after:
                    return cue.resolves
        return None


def settle(cues: list[Cue], same: set[str], linked: set[str]) -> str:
    """The sense of an ambiguous name no cue decided (one sense per discourse).

    ``same``: the senses cues gave the same name elsewhere in the document; ``linked``: the
    actors the document links anyway: the sense of a ``near`` cue, then of a ``document`` cue
    whose word is one of them. Else the file's default. A ``fallback`` row skips all of it.
    """
    fallback = next((c.resolves for c in cues if c.side == "fallback"), None)
    if fallback is not None:
        return fallback
    if len(same) == 1:
        return next(iter(same))
    senses = [c.resolves for c in cues if c.side == "near" and c.resolves in linked]
    senses += [c.resolves for c in cues if c.side == "document" and c.word in linked]
    default = next((c.resolves for c in cues if c.side == "default"), BLOCKED)
    return senses[0] if senses else default


def _before(view: str, start: int) -> list[str]:
    """The words right before the view index ``start`` (no re-normalizing)."""
    words = [w.strip(_PUNCTUATION) for w in view[max(0, start - 60) : start].split()]
    return [w for w in words if w][-WINDOW:]


def _after(view: str, end: int) -> list[str]:
    words = (w.strip(_PUNCTUATION) for w in view[end : end + 60].split())
    return [w for w in words if w][:WINDOW]


def is_country(actor_id: str) -> bool:
    """Countries have ISO alpha-3 ids; curated actors have lowercase ids."""
    return len(actor_id) == 3 and actor_id.isupper()
