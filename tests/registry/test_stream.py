"""The fast path of the matcher against the general one, and the scan text it reads.

`stream` decides overlapping names as the hits come; `collect` + `select` gather every
candidate, sort and choose. They must agree on every document the stream accepts: checked
here on name-dense text made from the registry's own names, with the noise a news page has
(diacritics, kashida, bidi marks, doubled spaces, line breaks, ﻻ) between and inside them.
"""

from __future__ import annotations

import gc
import random

import pytest

from peyvand.registry.matcher import NameEntry, NameMatcher
from peyvand.registry.registry import Registry
from peyvand.registry.scan import scan_text
from peyvand.registry.stream import collect, select, stream
from peyvand.text.normalize import normalize
from tests.registry.conftest import link, shown

GLUE = [" ", " ", " ", "-", "'", "", "ی ", "\u200cها ", "'ın ", ", ", " و ", "s ", "ы ", ". ", "\n"]
NOISE = ["\u064e", "\u0640", "\u200f", "\u0651", "\u0301", "  ", "\n", "\u00a0", "\ufefb"]


def soups(registry: Registry, count: int, seed: int) -> list[tuple[str, bool]]:
    rng = random.Random(seed)
    names = [entry.name for entry in registry.name_entries()]
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 6)):
            name = rng.choice(names)
            if rng.random() < 0.3:
                name = name.lower()
            if rng.random() < 0.2 and len(name) > 3:
                name = name[: rng.randint(2, len(name))]
            if " " in name and rng.random() < 0.3:
                name = name.replace(" ", rng.choice(["-", ". ", "/", "\u200c", " ("]), 1)
            parts.append(name + rng.choice(GLUE))
        text = "".join(parts)
        noisy = [c + (rng.choice(NOISE) if rng.random() < 0.04 else "") for c in text]
        texts.append(("".join(noisy), rng.random() < 0.3))
    return texts


@pytest.mark.parametrize("seed", [1, 2])
def test_the_stream_chooses_as_sorting_would(registry: Registry, seed: int) -> None:
    matcher = registry.matcher
    streamed = 0
    for text, turkic in soups(registry, 1500, seed):
        norm = normalize(text, turkic=turkic)
        scan = scan_text(norm.text)
        fast = stream(matcher.automaton.iter(scan), norm, scan, True)
        if fast is None:
            continue
        streamed += 1
        candidates, seeds, marks = collect(matcher.automaton.iter(scan), norm.text, scan, True)
        chosen = select(norm, candidates)
        assert fast[0] == chosen, text
        assert fast[2] == marks, text
        # a name's own first letters may be left out by the stream: misspellings agree
        fuzzy = matcher._fuzzy(norm, scan, seeds, chosen)
        assert matcher._fuzzy(norm, scan, fast[1], fast[0]) == fuzzy, text
    assert streamed > 1450  # the general path stays the exception (1,494 and 1,491 streamed)


def test_the_scan_text_keeps_every_index() -> None:
    view = normalize("«ایران»، (Iran) — ©ایران…Türkiye\tРоссия_x").text
    scan = scan_text(view)
    assert len(scan) == len(view) + 3
    for i, char in enumerate(view):
        assert scan[i + 1] == (char if char.isalnum() or char == " " else " ")


def test_a_name_after_any_symbol_is_found() -> None:
    matcher = NameMatcher([NameEntry("IRN", "ایران", "fa", "cldr")])
    for before in ("©", "→", "★", "|", "_", "•", "¶"):
        text = f"گزارش {before}ایران"
        assert [m.actor_id for m in matcher.find(normalize(text))] == ["IRN"], before


def test_the_words_of_a_name_are_not_joined_across_punctuation() -> None:
    entries = [NameEntry("AZE", "Republic of Azerbaijan", "en", "long")]
    matcher = NameMatcher(entries)
    assert matcher.find(normalize("in the Republic of Azerbaijan.")) != []
    assert matcher.find(normalize("in the Republic. Of Azerbaijan")) == []
    assert matcher.find(normalize("the Republic-of-Azerbaijan")) == []


def test_slips_in_the_first_letters_are_caught() -> None:
    matcher = NameMatcher([NameEntry("AZE", "Azerbaijan", "en", "cldr")])
    for slip in ("Azrebaijan", "Azwrbaijan", "Axerbaijan", "Aerbaijan", "Azzerbaijan"):
        found = matcher.find(normalize(f"News from {slip} today"))
        assert [(m.actor_id, m.fuzzy) for m in found] == [("AZE", True)], slip


def test_marks_report_where_a_title_ends() -> None:
    matcher = NameMatcher([NameEntry("IRN", "ایران", "fa", "cldr")], marks=["خانم", "г-н"])
    norm = normalize("خانم ایران و г-н Иран")
    hits, marks = matcher.matches(norm)
    assert [norm.text[:end].split()[-1] for end in marks] == ["خانم", "г-н"]
    assert len(hits) == 1


def test_linking_leaves_the_garbage_collector_as_it_found_it(registry: Registry) -> None:
    text = "ایران و ترکیه"
    assert gc.isenabled()
    assert shown(link(registry, text, "fa"), text) == [("IRN", "ایران"), ("TUR", "ترکیه")]
    assert gc.isenabled()
    gc.disable()
    try:
        link(registry, text, "fa")
        assert not gc.isenabled()
    finally:
        gc.enable()
