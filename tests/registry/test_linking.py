"""Linking cases written for the project: `cases/linking.tsv`.

Columns: lang, sentence, expected links (`id=surface|id=surface` in text order; empty when
nothing may link), note, and an optional xfail reason for a known limitation. Every link is
compared by actor id AND by the exact evidence `text[start:end]`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from peyvand.lang import SUPPORTED_LANGUAGES
from peyvand.registry.registry import Registry
from tests.registry.conftest import link, shown

CASES_FILE = Path(__file__).parent / "cases" / "linking.tsv"
MAX_XFAIL = 0.10


@dataclass(frozen=True)
class Case:
    line: int
    lang: str
    sentence: str
    expected: tuple[tuple[str, str], ...]
    note: str
    xfail: str


def parse_expected(cell: str) -> tuple[tuple[str, str], ...]:
    if not cell:
        return ()
    pairs = []
    for item in cell.split("|"):
        actor_id, _, surface = item.partition("=")
        assert actor_id and surface, f"bad expected link {item!r}"
        pairs.append((actor_id, surface))
    return tuple(pairs)


def load_cases() -> list[Case]:
    cases = []
    for number, line in enumerate(CASES_FILE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        assert 4 <= len(cells) <= 5, f"line {number}: expected 4 or 5 columns, got {len(cells)}"
        lang, sentence, expected, note = cells[:4]
        xfail = cells[4] if len(cells) == 5 else ""
        cases.append(Case(number, lang, sentence, parse_expected(expected), note, xfail))
    return cases


CASES = load_cases()


def test_the_table_is_large_and_well_formed() -> None:
    assert len(CASES) >= 200
    assert {case.lang for case in CASES} <= set(SUPPORTED_LANGUAGES)
    assert sum(1 for case in CASES if not case.expected) >= 30, "cases that must not link"
    assert sum(1 for case in CASES if case.xfail) <= MAX_XFAIL * len(CASES)
    for case in CASES:
        for _, surface in case.expected:
            assert surface in case.sentence, f"line {case.line}: {surface!r} not in sentence"


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            case,
            id=f"{case.line}-{case.lang}",
            marks=[pytest.mark.xfail(reason=case.xfail, strict=True)] if case.xfail else [],
        )
        for case in CASES
    ],
)
def test_linking_case(registry: Registry, case: Case) -> None:
    found = shown(link(registry, case.sentence, case.lang), case.sentence)
    assert found == list(case.expected), case.note


def test_a_joined_clitic_is_read_both_as_a_word_and_as_part_of_the_name() -> None:
    """A cue before an ambiguous name holds whether it reads the clitic joined to the name
    as a word of its own («من ال» + «أرمنية») or as part of the name's word («لل» + name)."""
    from peyvand.registry.context import ContextRules, Cue

    rules = ContextRules.__new__(ContextRules)
    view = "قرات الطالبه شاهنامه للفردوسی"
    start = view.index("فردوسی")
    end = start + len("فردوسی")
    assert rules.decide(view, start, end, [Cue("شاهنامه", "before", "poet")]) == "poet"
    assert rules.decide(view, start, end, [Cue("شاهنامه لل", "before", "x")]) == "x"
    assert rules.decide(view, start, end, [Cue("الطالبه", "before", "x")]) is None


def test_a_plural_demonym_is_its_people_before_any_language_cue(registry: Registry) -> None:
    """«هندی‌ها زبان …» is the Indians, though «زبان» right after a demonym marks a language."""
    sentence = "می‌گویند ایرانی‌ها زبان خود را دوست دارند."
    assert shown(link(registry, sentence, "fa"), sentence) == [("IRN", "ایرانی‌ها")]
