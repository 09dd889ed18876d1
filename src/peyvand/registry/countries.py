"""Country names for the whole world, from CLDR (Babel) plus the project's own data files.

CLDR gives the common short names per language; `lang/<code>/country_names.tsv` adds what it
does not: official long forms, abbreviations, metonyms («کرملین» → RUS) and names that must
NOT link to a country (rows with the id ``-``: «آذربایجان شرقی», an Iranian province; «مالی»,
"financial" far more often than Mali). Where a language changes the stem of a name in its
cases (Russian Россия → России, Москва → Москве), `lang/<code>/name_inflections.tsv` gives
the endings, and the inflected forms of every one-word name are added with the same kind.
"""

from __future__ import annotations

from dataclasses import dataclass

from peyvand.lang import SUPPORTED_LANGUAGES, LanguageData

BLOCKED = "-"
"""The id of a name that must never link (a region that shares a country's name)."""


@dataclass(frozen=True, slots=True)
class CountryName:
    id: str  # ISO 3166-1 alpha-3, or BLOCKED
    name: str
    lang: str
    kind: str  # "cldr" | "alias" | "long" | "abbr" | "metonym" | "demonym" | "region"


class CountryCatalog:
    """Every name of every country in the supported languages, built on first use."""

    def __init__(self, data: LanguageData) -> None:
        self._data = data
        self._names: list[CountryName] | None = None
        self._english: dict[str, str] | None = None

    def english_name(self, alpha3: str) -> str:
        if self._english is None:
            self._load()
        assert self._english is not None
        return self._english.get(alpha3, alpha3)

    def names(self) -> list[CountryName]:
        if self._names is None:
            self._load()
        assert self._names is not None
        return self._names

    def _load(self) -> None:
        import pycountry
        from babel import Locale

        alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        names: list[CountryName] = []
        english: dict[str, str] = {}
        for lang in SUPPORTED_LANGUAGES:
            territories = Locale.parse(lang).territories
            for code, name in territories.items():
                if code not in alpha3:
                    continue  # regions (001, 150...) and codes without an ISO alpha-3
                names.append(CountryName(alpha3[code], name, lang, "cldr"))
                if lang == "en":
                    english[alpha3[code]] = name
            if self._data.has(lang, "country_names.tsv"):
                for row in self._data.rows(lang, "country_names.tsv"):
                    kind = row[2] if len(row) > 2 and row[2] else "alias"
                    names.append(CountryName(row[0], row[1], lang, kind))
            if self._data.has(lang, "name_inflections.tsv"):
                rows = self._data.rows(lang, "name_inflections.tsv")
                endings = [(row[0], row[1].split()) for row in rows]
                names.extend(_inflected([n for n in names if n.lang == lang], endings))
        self._names = _unique(names)
        self._english = english


def _inflected(names: list[CountryName], endings: list[tuple[str, list[str]]]) -> list[CountryName]:
    """The oblique forms of one-word names: the first (longest listed) ending that fits."""

    def forms_of(name: CountryName) -> list[CountryName]:
        if " " in name.name or name.kind == "abbr" or not name.name.isalpha():
            return []
        for ending, replacements in endings:
            if name.name.endswith(ending) and len(name.name) > len(ending) + 1:
                stem = name.name[: -len(ending)]
                return [
                    CountryName(name.id, stem + r, name.lang, name.kind)
                    for r in replacements
                    if r != BLOCKED
                ]
        return []

    generated = {form.name for name in names for form in forms_of(name)}
    # a listed oblique form («Россией») is no nominative to inflect again
    return [form for name in names if name.name not in generated for form in forms_of(name)]


def _unique(names: list[CountryName]) -> list[CountryName]:
    seen: set[CountryName] = set()
    unique: list[CountryName] = []
    for name in names:
        if name not in seen:
            seen.add(name)
            unique.append(name)
    return unique
