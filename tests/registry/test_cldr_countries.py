"""Every country name CLDR gives in the six languages links to its country.

Each name of `Locale.parse(lang).territories` whose code pycountry maps to an ISO alpha-3 is
put alone in a sentence of that language, Capitalised as CLDR writes it, and must give one
link: the right id, covering exactly the name.
"""

from __future__ import annotations

import pycountry
import pytest
from babel import Locale

from peyvand.registry.registry import Registry
from tests.registry.conftest import link, shown

FRAMES = {
    "fa": "هیئتی از {} امروز وارد شد.",
    "en": "A delegation from {} arrived today.",
    "az": "Dünən {} nümayəndə heyəti gəldi.",
    "tr": "Dün {} heyeti geldi.",
    "ru": "Вчера приехала делегация: {} и другие.",
    "ar": "وصل وفد من {} اليوم.",
}

# (lang, ISO alpha-2) -> why the bare CLDR name does not link
EXCEPTIONS = {
    ("fa", "ML"): "«مالی» is the everyday word 'financial'; blocked, «جمهوری مالی» links",
    ("ar", "ML"): "«مالي» is 'financial' in Arabic (and reads as the Persian word); blocked",
    ("fa", "CZ"): "«چک» is the everyday word 'cheque'; blocked, «جمهوری چک» links",
}

ALPHA3 = {country.alpha_2: country.alpha_3 for country in pycountry.countries}
CASES = [
    pytest.param(lang, code, name, id=f"{lang}-{code}")
    for lang in FRAMES
    for code, name in sorted(Locale.parse(lang).territories.items())
    if code in ALPHA3
]


def test_every_language_has_the_whole_world() -> None:
    counts = {lang: sum(1 for case in CASES if case.values[0] == lang) for lang in FRAMES}
    assert all(count >= 240 for count in counts.values()), counts


def test_no_two_countries_share_a_name() -> None:
    seen: dict[tuple[str, str], str] = {}
    shared = []
    for case in CASES:
        lang, code, name = case.values
        key = (str(lang), str(name).casefold())
        if key in seen:
            shared.append((lang, seen[key], code, name))
        seen[key] = str(code)
    assert shared == []


@pytest.mark.parametrize(("lang", "code", "name"), CASES)
def test_cldr_name_links(registry: Registry, lang: str, code: str, name: str) -> None:
    text = FRAMES[lang].format(name)
    found = shown(link(registry, text, lang), text)
    if (lang, code) in EXCEPTIONS:
        assert found == [], EXCEPTIONS[(lang, code)]
    else:
        assert found == [(ALPHA3[code], name)]


def test_blocked_names_link_in_their_long_form(registry: Registry) -> None:
    text = "سفیر جمهوری مالی و سفیر جمهوری چک در مراسم بودند."
    assert shown(link(registry, text, "fa"), text) == [
        ("MLI", "جمهوری مالی"),
        ("CZE", "جمهوری چک"),
    ]
