"""One registry for all the registry tests (building the automaton takes a moment)."""

from __future__ import annotations

import pytest

from peyvand.lang import LanguageData
from peyvand.registry.registry import Link, Registry
from peyvand.text.normalize import normalize

TURKIC = ("az", "tr")


@pytest.fixture(scope="session")
def registry() -> Registry:
    return Registry(LanguageData())


def link(registry: Registry, text: str, lang: str) -> list[Link]:
    return registry.link(normalize(text, turkic=lang in TURKIC), lang)


def shown(links: list[Link], text: str) -> list[tuple[str, str]]:
    """(id, surface) of each link, what the assertions compare."""
    return [(item.actor.id, text[item.start : item.end]) for item in links]
