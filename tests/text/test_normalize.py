"""The normalized view: table-driven folds, the offset map, and properties under hypothesis.

The table is ``cases/normalize.tsv`` (sentences written for these tests).
"""

from __future__ import annotations

import os
import re
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from peyvand.text.normalize import (
    DROPPED,
    FOLDED_AWAY,
    MARKS,
    NormalizedText,
    OffsetMap,
    joined_variants,
    normalize,
)
from peyvand.text.normalize import _replacements as replacements

CASES = Path(__file__).parent / "cases" / "normalize.tsv"
ZWNJ = "\u200c"
_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|t|n|r|\\)")


def _unescape(cell: str) -> str:
    def one(match: re.Match[str]) -> str:
        code = match.group(1)
        return {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}.get(code) or chr(int(code[1:], 16))

    return _ESCAPE.sub(one, cell)


def _load_cases() -> list[tuple[str, str, str, str]]:
    rows = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        case_id, options, source, expected = line.split("\t")
        rows.append((case_id, options, _unescape(source), _unescape(expected)))
    return rows


TABLE = _load_cases()
OPTIONS = {
    "-": {},
    "turkic": {"turkic": True},
    "keepcase": {"casefold": False},
}


def test_table_is_large_and_unique() -> None:
    assert len(TABLE) >= 60
    assert len({row[0] for row in TABLE}) == len(TABLE)
    prefixes = {row[0].split("-")[0] for row in TABLE}
    assert {"fa", "ar", "az", "tr", "ru", "en"} <= prefixes


@pytest.mark.parametrize(
    ("case_id", "options", "source", "expected"), TABLE, ids=[r[0] for r in TABLE]
)
def test_table(case_id: str, options: str, source: str, expected: str) -> None:
    result = normalize(source, **OPTIONS[options])
    assert result.text == expected
    assert result.original == source
    _check_map(result)
    # Every row is also a fixed point of the view.
    assert normalize(result.text, **OPTIONS[options]).text == result.text


# --- the ZWNJ equivalence -------------------------------------------------------------------
@pytest.mark.parametrize(
    "written",
    ["می\u200cشود", "می شود", "می\u200bشود", "می \u200cشود", "می\u200c\u200cشود", "می\u00a0شود"],
)
def test_zwnj_written_spaced_or_replaced_all_match(written: str) -> None:
    assert normalize(written).text == normalize("می شود").text == "می شود"


def test_joined_form_is_a_lexicon_variant() -> None:
    assert joined_variants("می\u200cشود") == ["می شود", "میشود"]
    assert joined_variants("كتاب\u200cهاي") == ["کتاب های", "کتابهای"]
    assert joined_variants("جمهوری آذربایجان") == ["جمهوری آذربایجان"]
    two = joined_variants("نمی\u200cخواهند\u200cشان")
    assert two[0] == "نمی خواهند شان" and "نمیخواهندشان" in two and len(two) == 4


def test_joined_variants_with_affixes_and_limit() -> None:
    assert joined_variants("کتاب ها", suffixes={"ها"}) == ["کتاب ها", "کتابها"]
    assert joined_variants("می رود", prefixes={"می"}) == ["می رود", "میرود"]
    assert joined_variants("دو کتاب ها", suffixes={"ها"}) == ["دو کتاب ها", "دو کتابها"]
    assert joined_variants("ها و کتاب", suffixes={"ها"}) == ["ها و کتاب"]
    assert joined_variants("ماه می", prefixes={"می"}) == ["ماه می"]
    both = joined_variants("نمی خواهند ها", prefixes={"نمی"}, suffixes={"ها"})
    assert both == ["نمی خواهند ها", "نمی خواهندها", "نمیخواهند ها", "نمیخواهندها"]
    many = joined_variants(ZWNJ.join("ابپتثجچح"), limit=16)  # 7 slots: 128 > 16
    assert many == [" ".join("ابپتثجچح"), "ابپتثجچح"]


# --- numbers, URLs, Latin tokens: what hazm breaks stays intact here ---------------------
# hazm 0.12.1 Normalizer, measured (see docs/normalization.md): «۱۲.۵» → «۱۲ ٫ ۵»,
# «۱,۲۳۴» → «۱ , ۲۳۴», https://example.org/a1 → «https: / / example. org / a ۱»,
# COVID-19 → «COVID- ۱۹». The view keeps each one a single token.
@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("۱۲.۵", "12.5"),
        ("۱۲٫۵", "12.5"),
        ("۱,۲۳۴", "1,234"),
        ("https://example.org/a1", "https://example.org/a1"),
        ("COVID-19", "covid-19"),
        ("خانهٔ", "خانه"),
        ("۷۸۹.", "789."),
        ("نسخه ۲.۰.۱", "نسخه 2.0.1"),
    ],
)
def test_tokens_hazm_breaks_stay_intact(source: str, expected: str) -> None:
    view = normalize(source).text
    assert view == expected
    assert len(view.split()) == len(expected.split())


# --- the offset map ---------------------------------------------------------------------------
def test_aligned_text_has_no_offsets() -> None:
    result = normalize("كتاب‌هاي ۱۲ COVID-19")
    assert result.offsets is None
    assert result.text == "کتاب های 12 covid-19"
    assert result.to_original(0, 4) == (0, 4)
    assert result.original_index(len(result.text)) == len(result.original)


def test_span_after_deletions_maps_to_the_original_words() -> None:
    source = "همکاریِ فـرهنگی  میان ایران و آذربایجان"
    result = normalize(source)
    assert result.text == "همکاری فرهنگی میان ایران و آذربایجان"
    start = result.text.index("فرهنگی")
    a, b = result.to_original(start, start + len("فرهنگی"))
    assert source[a:b] == "فـرهنگی"
    start = result.text.index("آذربایجان")
    a, b = result.to_original(start, start + len("آذربایجان"))
    assert source[a:b] == "آذربایجان"
    # A word with a trailing haraka keeps it: spans never cut a letter from its marks.
    a, b = result.to_original(0, len("همکاری"))
    assert source[a:b] == "همکاریِ"


def test_space_run_maps_to_the_whole_run() -> None:
    source = "تهران \u200c\u00a0 باکو"
    result = normalize(source)
    assert result.text == "تهران باکو"
    assert result.to_original(5, 6) == (5, 9)
    assert result.to_original(6, 10) == (9, 13)


def test_expansion_maps_every_view_char_to_the_ligature() -> None:
    source = "ﻃﻼﺏ دانشگاه"
    result = normalize(source)
    assert result.text == "طلاب دانشگاه"
    assert result.offsets is not None
    assert list(result.offsets[:5]) == [0, 1, 1, 2, 3]
    assert result.to_original(1, 2) == (1, 2)  # the lam alone: the whole ligature
    assert result.to_original(0, 4) == (0, 3)


def test_offset_map_is_a_sequence() -> None:
    result = normalize("a  b\u064ec ﻻ")
    offsets = result.offsets
    assert isinstance(offsets, OffsetMap)
    assert result.text == "a bc لا"
    assert tuple(offsets) == (0, 1, 3, 5, 6, 7, 7)
    assert offsets == (0, 1, 3, 5, 6, 7, 7)
    assert len(offsets) == len(result.text)
    assert offsets[-1] == 7
    assert offsets.breakpoints <= 5
    with pytest.raises(IndexError):
        offsets[len(result.text)]
    assert hash(result) == hash(normalize("a  b\u064ec ﻻ"))
    assert result == normalize("a  b\u064ec ﻻ")


def test_to_view_maps_original_spans() -> None:
    source = "در  «باکو» و ﻻهیجان"
    result = normalize(source)
    assert result.text == 'در "باکو" و لاهیجان'
    a = source.index("باکو")
    s, e = result.to_view(a, a + 4)
    assert result.text[s:e] == "باکو"
    a = source.index("ﻻهیجان")
    s, e = result.to_view(a, len(source))
    assert result.text[s:e] == "لاهیجان"
    assert result.to_view(0, 0) == (0, 0)


def test_invalid_spans_are_rejected() -> None:
    result = normalize("abc  d")
    with pytest.raises(ValueError, match="outside the view"):
        result.to_original(2, 9)
    with pytest.raises(ValueError, match="outside the view"):
        result.to_original(3, 2)
    with pytest.raises(ValueError, match="outside the view"):
        result.original_index(-1)
    with pytest.raises(ValueError, match="outside the original"):
        result.to_view(0, 99)


def test_empty_text() -> None:
    result = normalize("")
    assert result == NormalizedText("", "", None)
    assert result.to_original(0, 0) == (0, 0)


def test_presentation_replacements_are_clean() -> None:
    for casefold, turkic in ((True, False), (True, True), (False, False)):
        for char, replacement in replacements(casefold, turkic).items():
            assert replacement, char
            assert replacement == replacement.strip(), char
            assert "  " not in replacement, char
            assert not set(replacement) & (MARKS | DROPPED | FOLDED_AWAY), char


# --- properties ------------------------------------------------------------------------------
# fmt: off
_ALPHABET = (
    # Persian and Arabic letters, Arabic variants that fold
    "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآ" "يىئكةۀأإٱؤھەہۃڪ"
    # Latin with Turkish/Azerbaijani letters, Cyrillic with Azerbaijani letters, Greek
    "aAbBeEiIıİoOzZçÇşŞğĞüÜöÖəƏ" "аАбБеЕиИйЙёЁәӘғҒҹҸјЈһҺөӨүҮ" "σΣςλΛ"
    # digits of every script, and punctuation that folds
    "0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩" "٫٬،؛؟٪«».,:/-–—“”’"
    # zero-width characters, spaces, kashida, bidi marks, soft hyphen, BOM
    "\u200c\u200b\u200d\u200e\u200f\u202b\u202c\u2067\u2069\u00ad\ufeff\u0640"
    " \u00a0\u2009\u202f\t\n\r"
    # diacritics: harakat, tanvin, shadda, sukun, madda, hamza above/below, superscript
    # alef, Latin and Cyrillic combining marks
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0670"
    "\u0301\u0306\u0307\u0308\u0327\u0483"
    # presentation forms: ligatures, contextual forms, isolated harakat, fullwidth, fi
    "ﻻﻼﷲﯾﯽﮏﺍﺏﻥﻃﺮﻩ\ufe70\ufe76\ufc5eＡｂ１ﬁ"
)
# fmt: on
persian_like = st.text(alphabet=st.sampled_from(_ALPHABET), max_size=60)
any_text = st.text(max_size=40)
texts = st.one_of(persian_like, persian_like, any_text)
options = st.sampled_from([{}, {"turkic": True}, {"casefold": False}])
# PEYVAND_HYPOTHESIS_EXAMPLES=30000 for a long run.
PROPERTY = settings(
    max_examples=int(os.environ.get("PEYVAND_HYPOTHESIS_EXAMPLES", "400")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _check_map(result: NormalizedText) -> None:
    """Offsets inside the original, non-decreasing, one per view character."""
    offsets = result.offsets
    if offsets is None:
        assert len(result.text) == len(result.original)
        return
    values = list(offsets)
    assert len(values) == len(result.text)
    assert all(0 <= v < len(result.original) for v in values)
    assert all(a <= b for a, b in pairwise(values))
    assert [offsets[i] for i in range(len(values))] == values


@PROPERTY
@given(texts, options)
@example("ﻻ\u064e", {})
@example("I\u0307", {"turkic": True})
@example("ΑΣ Σ", {})
def test_idempotent(text: str, opts: dict[str, bool]) -> None:
    once = normalize(text, **opts).text
    assert normalize(once, **opts).text == once
    assert normalize(once, **opts).offsets is None


@PROPERTY
@given(texts, options)
def test_view_is_clean(text: str, opts: dict[str, bool]) -> None:
    view = normalize(text, **opts).text
    assert "  " not in view
    assert not set(view) & (MARKS | DROPPED | FOLDED_AWAY)
    if opts.get("casefold", True):
        assert "İ" not in view
        assert view == view.lower() or set(view) & {"ς"} == set()


@PROPERTY
@given(texts, options)
def test_offsets_are_consistent(text: str, opts: dict[str, bool]) -> None:
    result = normalize(text, **opts)
    _check_map(result)
    n = len(result.text)
    first = result.offsets[0] if result.offsets is not None and n else (0 if n else len(text))
    assert result.original_index(0) == first
    assert result.original_index(n) == len(result.original)
    if result.offsets is not None:
        values = list(result.offsets)
        for i, source in enumerate(values):
            if i == 0 or values[i - 1] != source:  # the first view character of its source
                assert result.offsets.view_index(source) == i
        assert result.offsets.view_index(len(text)) == n


@PROPERTY
@given(texts, options, st.data())
def test_spans_map_back(text: str, opts: dict[str, bool], data: st.DataObject) -> None:
    """For a view span [s, e) with (a, b) = to_original(s, e): 0 <= a < b <= len(original)
    and view[s:e] is a substring of normalize(original[a:b]).text; equal to it when the span
    does not cut through the expansion of one presentation form."""
    result = normalize(text, **opts)
    n = len(result.text)
    if n == 0:
        return
    s = data.draw(st.integers(0, n - 1))
    e = data.draw(st.integers(s + 1, n))
    a, b = result.to_original(s, e)
    assert 0 <= a < b <= len(text)
    again = normalize(text[a:b], **opts).text
    assert result.text[s:e] in again

    def boundary(i: int) -> bool:
        return i in (0, n) or result.original_index(i - 1) != result.original_index(i)

    if boundary(s) and boundary(e):
        assert again == result.text[s:e]
    # The map is monotone: a later span never maps earlier.
    assert result.to_original(s, s) == (a, a)
    assert result.to_view(a, b)[0] <= s


@PROPERTY
@given(texts)
def test_lengths(text: str) -> None:
    result = normalize(text)
    if result.offsets is None:
        assert len(result.text) == len(text)
    # Only presentation forms expand; everything else keeps or shrinks the length.
    if not any(0xFB00 <= ord(c) <= 0xFDFF or 0xFE70 <= ord(c) <= 0xFFEF for c in text):
        assert len(result.text) <= len(text)


@PROPERTY
@given(st.text(alphabet=st.sampled_from(_ALPHABET.replace("\u200c", "")), max_size=30))
def test_zwnj_is_a_space_everywhere(text: str) -> None:
    spaced = text.replace("\u200b", " ")
    assert normalize(text.replace(" ", ZWNJ)).text == normalize(spaced).text
