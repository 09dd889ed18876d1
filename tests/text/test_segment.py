"""Sentence segmentation: table-driven cases, coverage property, speed."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peyvand.lang import LanguageData
from peyvand.text.segment import SentenceSplitter

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "cases" / "segment.json").read_text(encoding="utf-8")
)

SPLITTER = SentenceSplitter(LanguageData())


def _check_spans(text: str, spans: list[tuple[int, int]]) -> None:
    """Ordered, disjoint, inside the text, stripped, and covering every non-space character."""
    covered = [False] * len(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace()
        assert not text[end - 1].isspace()
        for index in range(start, end):
            covered[index] = True
        previous_end = end
    for index, char in enumerate(text):
        assert covered[index] or char.isspace(), (index, char)


def test_enough_cases() -> None:
    assert len(CASES) >= 60
    assert {case["lang"] for case in CASES} >= {"fa", "en", "az", "tr", "ru", "ar", None}


@pytest.mark.parametrize(
    "case", CASES, ids=[f"{c['lang']}-{i}-{c['text'][:20]}" for i, c in enumerate(CASES)]
)
def test_split(case: dict[str, Any]) -> None:
    text = case["text"]
    spans = SPLITTER.split(text, case["lang"])
    assert [text[start:end] for start, end in spans] == case["sentences"]
    _check_spans(text, spans)


def test_language_changes_abbreviation_flags() -> None:
    # "vs." is "and so on" in Turkish (may end a sentence) but "versus" in English
    text = "Kitap, dergi vs. Sonra konser oldu."
    assert len(SPLITTER.split(text, "tr")) == 2
    assert len(SPLITTER.split(text, "en")) == 1


def test_ordinals_only_when_the_language_has_them() -> None:
    text = "Toplantı 2. Dünya Savaşı hakkındaydı."
    assert len(SPLITTER.split(text, "tr")) == 1
    assert len(SPLITTER.split("It was 2. Then it was 3.", "en")) == 2


_ALPHABET = st.sampled_from(
    list("ab AZ.!?…؟؛،,\n\r\t«»“”\"'()-•") + list("کتابيك۱۲٫") + ["\u200c", "\u2029", "1", "."]
)


@settings(max_examples=400, deadline=None)
@given(text=st.text(_ALPHABET, max_size=80), lang=st.sampled_from([None, "fa", "en", "tr", "ru"]))
def test_spans_cover_the_text(text: str, lang: str | None) -> None:
    _check_spans(text, SPLITTER.split(text, lang))


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=120))
def test_spans_cover_any_unicode(text: str) -> None:
    _check_spans(text, SPLITTER.split(text))


def test_speed_on_persian_news() -> None:
    rng = random.Random(3)
    subjects = ["نمایندگان دو کشور", "وزیر فرهنگ", "رایزن فرهنگی", "مدیر موزه ملی"]
    middles = ["درباره چاپ کتاب", "در تاریخ ۱۳۹۸/۰۳/۲۹", "با بودجه ۱۲٫۵ میلیارد", "و ج.ا.ا"]
    verbs = ["گفت‌وگو کردند", "توافق‌نامه امضا کرد", "سخنرانی کرد", "بازدید کرد"]
    marks = [". ", ". ", "؟ ", "! ", " .", ".", "… ", "؛ "]
    paragraphs = [
        "".join(
            f"{rng.choice(subjects)} {rng.choice(middles)} {rng.choice(verbs)}{rng.choice(marks)}"
            for _ in range(rng.randint(2, 6))
        ).strip()
        for _ in range(6000)
    ]
    text = "\n".join(paragraphs)
    megabytes = len(text.encode()) / 1e6
    best = min(_timed(text) for _ in range(5))
    assert megabytes / best > 5.0, f"{megabytes / best:.1f} MB/s"


def _timed(text: str) -> float:
    """CPU seconds of one split: other processes on a busy machine do not count."""
    started = time.process_time()
    SPLITTER.split(text, "fa")
    return time.process_time() - started
