"""Unlinked actor candidates: the case table in six languages, `taken`, data checks, speed.

The table is ``cases/unlinked.tsv`` (sentences written for these tests).
"""

from __future__ import annotations

import itertools
import random
import time
from pathlib import Path
from typing import NamedTuple

import pytest

from peyvand.lang import LanguageData, LanguageDataError
from peyvand.registry.unlinked import ACTOR_TYPES, UnlinkedCandidate, UnlinkedFinder
from peyvand.text.normalize import normalize

CASES = Path(__file__).parent / "cases" / "unlinked.tsv"
DATA = LanguageData()
FINDER = UnlinkedFinder(DATA)


class Case(NamedTuple):
    lang: str | None
    sentence: str
    names: tuple[str, ...]
    types: tuple[str, ...]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part for part in cell.split(" | ") if part)


def _load_cases() -> list[Case]:
    cases = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        assert len(cells) == 4, f"expected 4 columns: {line!r}"
        lang, sentence, names, types = cells
        case = Case(
            None if lang == "*" else lang,
            sentence.replace("\\n", "\n"),
            _split(names),
            _split(types),
        )
        assert len(case.names) == len(case.types), f"one type per name: {line!r}"
        cases.append(case)
    return cases


ALL_CASES = _load_cases()


def _check_spans(text: str, found: list[UnlinkedCandidate]) -> None:
    """Names are the original text at their offsets; sorted; no two of one layer (sites,
    actors) overlap: a person may stand inside a site's name (GUIDELINES, span rule 5)."""
    for cand in found:
        assert 0 <= cand.start < cand.end <= len(text)
        assert text[cand.start : cand.end] == cand.name
        assert cand.type in ACTOR_TYPES
    assert [c.start for c in found] == sorted(c.start for c in found)
    for layer in (True, False):
        mine = [c for c in found if (c.type == "site") == layer]
        for first, second in itertools.pairwise(mine):
            assert first.end <= second.start


@pytest.mark.parametrize(
    "case", ALL_CASES, ids=[f"{c.lang or '*'}-{i}" for i, c in enumerate(ALL_CASES)]
)
def test_case(case: Case) -> None:
    found = FINDER.find(case.sentence, case.lang)
    _check_spans(case.sentence, found)
    assert tuple(c.name for c in found) == case.names
    assert tuple(c.type for c in found) == case.types


def test_table_size() -> None:
    langs = {c.lang for c in ALL_CASES}
    assert {"fa", "en", "az", "tr", "ru", "ar"} <= langs
    assert len(ALL_CASES) >= 60
    for lang in ("fa", "en", "az", "tr", "ru", "ar"):
        mine = [c for c in ALL_CASES if c.lang == lang]
        assert any(c.names for c in mine) and any(not c.names for c in mine), lang


def test_normalized_input_gives_the_same_candidates() -> None:
    for case in ALL_CASES:
        norm = normalize(case.sentence, turkic=case.lang in ("az", "tr"))
        assert FINDER.find(norm, case.lang) == FINDER.find(case.sentence, case.lang)


def test_head_is_reported_as_written_in_the_data() -> None:
    (cand,) = FINDER.find("مؤسسه فرهنگی نور میزبان بود.", "fa")
    assert cand.head == "مؤسسه"
    (cand,) = FINDER.find("Trend News Agency reported the visit.", "en")
    assert (cand.head, cand.type) == ("News Agency", "media")


# --- taken -----------------------------------------------------------------------------------
def test_taken_span_suppresses_the_candidate() -> None:
    text = "هیئتی از موسسه فرهنگی نور در باکو دیدار کرد."
    (cand,) = FINDER.find(text, "fa")
    assert FINDER.find(text, "fa", taken=[(cand.start, cand.end)]) == []
    head_only = (cand.start, cand.start + len("موسسه"))
    assert FINDER.find(text, "fa", taken=[head_only]) == []


def test_taken_elsewhere_keeps_the_candidate() -> None:
    text = "Students from Khazar University visited Tabriz."
    tabriz = text.index("Tabriz")
    found = FINDER.find(text, "en", taken=[(tabriz, tabriz + len("Tabriz"))])
    assert [c.name for c in found] == ["Khazar University"]


def test_linked_country_inside_a_name_does_not_hide_it() -> None:
    """The registry linking «ایران» (a country) does not mean it knew the culture house."""
    text = "خانه فرهنگ ایران در گنجه بازگشایی شد."
    iran = text.index("ایران")
    found = FINDER.find(text, "fa", taken=[(iran, iran + len("ایران"))])
    assert [c.name for c in found] == ["خانه فرهنگ ایران"]


def test_taken_suppresses_with_the_registry() -> None:
    from peyvand.registry.registry import Registry

    registry = Registry(DATA)
    text = "کارکنان موسسه الهدی و موسسه فرهنگی نور در باکو گرد آمدند."
    norm = normalize(text)
    taken = [(link.start, link.end) for link in registry.link(norm, "fa")]
    names = [c.name for c in FINDER.find(norm, "fa", taken)]
    assert "موسسه الهدی" not in names  # a curated actor: the registry linked it
    assert "موسسه فرهنگی نور" in names


# --- spans in the original text -------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "lang", "name"),
    [
        ("مركز فرهنگي ايران در تفليس فعال است.", "fa", "مركز فرهنگي ايران"),
        ("موسســه فرهنگی نور میزبان بود.", "fa", "موسســه فرهنگی نور"),
        ("خبر: دانشگاهِ خزر میزبان بود.", "fa", "دانشگاهِ خزر"),
        ("دانشگاه\u200c خزر میزبان بود.", "fa", "دانشگاه\u200c خزر"),
        ("Students from Khazar\u00a0 University came.", "en", "Khazar\u00a0 University"),
        ("Dünən ziyarətçilər Təzəpir Məscidinə gəldi.", "az", "Təzəpir Məscidi"),
    ],
)
def test_spans_survive_normalization(text: str, lang: str, name: str) -> None:
    found = FINDER.find(text, lang)
    _check_spans(text, found)
    assert [c.name for c in found] == [name]


def test_empty_and_headless_text() -> None:
    assert FINDER.find("", "fa") == []
    assert FINDER.find("Nothing to see here.", None) == []


# --- data ------------------------------------------------------------------------------------
def test_every_language_has_heads_and_words() -> None:
    for lang in ("fa", "en", "az", "tr", "ru", "ar"):
        assert DATA.has(lang, "actor_heads.tsv"), lang
        assert DATA.has(lang, "name_words.tsv"), lang
        assert FINDER.words(lang).stop, lang
    rules = [rule for group in FINDER.rules().values() for rule in group]
    assert {rule.type for rule in rules} == ACTOR_TYPES


def test_bad_data_is_reported(tmp_path: Path) -> None:
    (tmp_path / "fa").mkdir()
    (tmp_path / "fa" / "actor_heads.tsv").write_text("موسسه\tplace\tbefore\t3\n", "utf-8")
    finder = UnlinkedFinder(LanguageData([tmp_path]))
    with pytest.raises(LanguageDataError, match="actor type"):
        finder.find("موسسه نور", "fa")


# --- speed -----------------------------------------------------------------------------------
def _news(lang: str, size: int) -> str:
    """Synthetic news-like text with a head now and then (heads are rare in real news)."""
    rng = random.Random(5)
    if lang == "fa":
        plain = [
            "هیئت فرهنگی دو کشور روز دوشنبه در تهران دیدار کرد",
            "برنامه‌های مشترک در زمینه کتاب و سینما ادامه می‌یابد",
            "به گفته مسئولان ۱۲ عنوان کتاب ترجمه شده است",
        ]
        rare = "استادان دانشگاه تبریز و موسسه فرهنگی نور در این نشست بودند"
    else:
        plain = [
            "A cultural delegation met officials in Baku on Monday",
            "Joint programmes in publishing and cinema will continue",
            "According to officials twelve books have been translated",
        ]
        rare = "Scholars from Khazar University and the Nur Institute attended"
    parts: list[str] = []
    total = 0
    while total < size:
        sentence = rare if rng.random() < 0.02 else rng.choice(plain)
        parts.append(sentence + ". ")
        total += len(sentence.encode()) + 2
    return "".join(parts)


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_speed(lang: str) -> None:
    text = _news(lang, 2_000_000)
    norm = normalize(text)
    FINDER.find(norm, lang)  # builds the automaton
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        FINDER.find(norm, lang)
        best = min(best, time.process_time() - started)
    megabytes = len(text.encode()) / 1e6
    assert megabytes / best > 10.0, f"{megabytes / best:.1f} MB/s"
