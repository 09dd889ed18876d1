"""Dates in six languages: the case table, calendar round trips, and generated dates.

The table is ``cases/dates.tsv`` (sentences written for these tests, one date or none each).
"""

from __future__ import annotations

import datetime
import itertools
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peyvand.lang import SUPPORTED_LANGUAGES, LanguageData, LanguageDataError
from peyvand.text import calendars as cal
from peyvand.text.date_grammar import lookup_key
from peyvand.text.dates import DateFinder, DateMention

CASES = Path(__file__).parent / "cases" / "dates.tsv"
DATA = LanguageData()
FINDER = DateFinder(DATA)


class Case(NamedTuple):
    lang: str | None
    published: datetime.date | None
    sentence: str
    mention: str
    value: str
    calendar: str
    precision: str
    native: str | None
    relative: bool


def _load_cases() -> list[Case]:
    cases = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        assert len(cells) == 9, f"expected 9 columns: {line!r}"
        lang, published, sentence, mention, value, calendar, precision, native, relative = cells
        cases.append(
            Case(
                None if lang == "*" else lang,
                datetime.date.fromisoformat(published) if published else None,
                sentence,
                mention,
                value,
                calendar,
                precision,
                None if native in ("-", "") else native,
                relative == "1",
            )
        )
    return cases


ALL_CASES = _load_cases()


def _check_spans(text: str, mentions: list[DateMention]) -> None:
    """Evidence points into the original text; mentions are sorted and do not overlap."""
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
    for before, after in itertools.pairwise(mentions):
        assert before.end <= after.start


def test_case_table_is_large_and_covers_every_language() -> None:
    assert len(ALL_CASES) >= 180
    assert {case.lang for case in ALL_CASES} == {*SUPPORTED_LANGUAGES, None}
    negatives = [case for case in ALL_CASES if not case.mention]
    assert len(negatives) >= 40


@pytest.mark.parametrize(
    "case", ALL_CASES, ids=[f"{c.lang or 'any'}-{i}" for i, c in enumerate(ALL_CASES)]
)
def test_case(case: Case) -> None:
    mentions = FINDER.find(case.sentence, case.lang, case.published)
    _check_spans(case.sentence, mentions)
    if not case.mention:
        assert mentions == []
        return
    assert case.mention in case.sentence, "the expected mention must be quoted from the sentence"
    start = case.sentence.index(case.mention)
    expected = DateMention(
        case.value,
        case.calendar,
        case.precision,
        case.native,
        case.relative,
        case.mention,
        start,
        start + len(case.mention),
    )
    assert mentions == [expected]


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_dates_in_one_document_keep_their_order_and_offsets(lang: str) -> None:
    """All of a language's dated sentences as one text: same dates, shifted offsets."""
    cases = [c for c in ALL_CASES if c.lang == lang and c.mention and c.published is None]
    text, expected = "", []
    for case in cases:
        start = len(text) + case.sentence.index(case.mention)
        expected.append((case.mention, case.value, start))
        text += case.sentence + "\n"
    mentions = FINDER.find(text, lang)
    _check_spans(text, mentions)
    assert [(m.text, m.value, m.start) for m in mentions] == expected


def test_without_publication_date_relative_expressions_are_not_guessed() -> None:
    text = "سال گذشته و ماه گذشته و ۲۹ اسفند. Last year, last month and on July 4."
    assert FINDER.find(text) == []
    mentions = FINDER.find(text, published=datetime.date(2019, 6, 19))
    _check_spans(text, mentions)
    assert [m.value for m in mentions] == [
        "2018",
        "2019-05",
        "2019-03-20",
        "2018",
        "2019-05",
        "2019-07-04",
    ]
    assert all(m.relative for m in mentions)


def test_persian_relative_year_counts_jalali_years() -> None:
    """Early January 2020 is still 1398: «سال گذشته» is 1397, whose Nowruz is in 2018."""
    mentions = FINDER.find("سال گذشته", "fa", datetime.date(2020, 1, 10))
    _check_spans("سال گذشته", mentions)
    assert [(m.value, m.native) for m in mentions] == [("2018", "1397")]


# --- calendars ------------------------------------------------------------------------


def test_every_jalali_day_1300_to_1450_round_trips_and_follows_the_previous() -> None:
    first = cal.jalali_to_gregorian(1300, 1, 1)
    last = cal.jalali_to_gregorian(1450, 12, 29)
    previous = (1299, 12, 29)
    day = first
    while day <= last:
        jalali = cal.gregorian_to_jalali(day)
        assert cal.jalali_to_gregorian(*jalali) == day
        year, month, dom = previous
        assert jalali in {(year, month, dom + 1), (year, month + 1, 1), (year + 1, 1, 1)}
        previous = jalali
        day += datetime.timedelta(days=1)


@given(st.integers(1300, 1450), st.integers(1, 12), st.integers(1, 31))
def test_jalali_round_trip(year: int, month: int, day: int) -> None:
    try:
        gregorian = cal.jalali_to_gregorian(year, month, day)
    except ValueError:
        assert (month >= 7 and day == 31) or (month == 12 and day == 30)  # short months
        return
    assert cal.gregorian_to_jalali(gregorian) == (year, month, day)


@given(st.integers(1344, 1499), st.integers(1, 12), st.integers(1, 30))
def test_hijri_round_trip(year: int, month: int, day: int) -> None:
    try:
        gregorian = cal.hijri_to_gregorian(year, month, day)
    except ValueError:
        assert day == 30  # lunar months have 29 or 30 days
        return
    assert cal.gregorian_to_hijri(gregorian) == (year, month, day)


@pytest.mark.parametrize(
    ("call", "args"),
    [
        (cal.jalali_to_gregorian, (1401, 12, 30)),  # 1401 is a common year
        (cal.jalali_to_gregorian, (1398, 13, 1)),
        (cal.jalali_to_gregorian, (1398, 7, 31)),
        (cal.hijri_to_gregorian, (1300, 1, 1)),  # outside Umm al-Qura tables
        (cal.hijri_to_gregorian, (1343, 9, 20)),  # the table's first year is unreliable
        (cal.month_value, ("gregorian", 2019, 13)),
        (cal.decade_value, ("gregorian", 1995)),
    ],
)
def test_impossible_dates_raise_value_error(call: object, args: tuple[object, ...]) -> None:
    with pytest.raises(ValueError):
        call(*args)  # type: ignore[operator]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (cal.month_value("jalali", 1397, 12), "2019-03"),  # 15 Esfand 1397 = 6 March 2019
        (cal.month_value("jalali", 1398, 1), "2019-04"),  # 15 Farvardin = 4 April
        (cal.month_value("hijri", 1441, 1), "2019-09"),
        (cal.year_value("jalali", 1398), "2019"),
        (cal.year_value("hijri", 1441), "2019"),  # 1 Muharram 1441 = 31 August 2019
        (cal.year_value("hijri", 1442), "2020"),
        (cal.decade_value("jalali", 1390), "201x"),
        (cal.decade_value("gregorian", 1990), "199x"),
    ],
)
def test_coarse_value_rules(value: str, expected: str) -> None:
    assert value == expected


# --- generated dates in each language's day-month-year form ---------------------------

PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
# Azerbaijani ordinal suffix by the last number word: bir -ci, iki -ci, üç -cü, ...
AZ_UNITS = {1: "ci", 2: "ci", 3: "cü", 4: "cü", 5: "ci", 6: "cı", 7: "ci", 8: "ci", 9: "cu"}
AZ_TENS = {1: "cu", 2: "ci", 3: "cu", 4: "cı", 5: "ci", 6: "cı", 7: "ci", 8: "ci", 9: "cı"}


def _az_suffix(year: int) -> str:
    if year % 10:
        return AZ_UNITS[year % 10]
    if year % 100:
        return AZ_TENS[year // 10 % 10]
    return "cü" if year % 1000 else "ci"  # yüz / min


def _spellings(lang: str, calendar: str) -> dict[int, list[str]]:
    names: dict[int, list[str]] = {}
    for number, row_calendar, spelling, *_ in DATA.rows(lang, "months.tsv"):
        if row_calendar == calendar:
            names.setdefault(int(number), []).append(spelling)
    return names


GREGORIAN_NAMES = {lang: _spellings(lang, "gregorian") for lang in SUPPORTED_LANGUAGES}


def _format(lang: str, date: datetime.date, choice: int) -> str:
    spellings = GREGORIAN_NAMES[lang][date.month]
    if lang == "ru":  # the genitive: 19 июня 2019 года
        spellings = [s for s in spellings if s.endswith(("я", "а"))]
    month = spellings[choice % len(spellings)]
    day, year = str(date.day), str(date.year)
    if lang == "fa":
        return f"{day.translate(PERSIAN_DIGITS)} {month} {year.translate(PERSIAN_DIGITS)}"
    if lang == "ar":
        return f"{day.translate(ARABIC_DIGITS)} {month} {year.translate(ARABIC_DIGITS)}"
    if lang == "az":
        return f"{day} {month} {year}-{_az_suffix(date.year)} il"
    if lang == "ru":
        return f"{day} {month} {year} года"
    if lang == "tr":
        return f"{day} {month.capitalize()} {year}"
    return f"{day} {month.capitalize()} {year}"


FRAMES = {
    "fa": "گزارش می‌گوید که در {} سندی امضا شد.",
    "en": "The report says that on {} a document was signed.",
    "az": "Hesabatda deyilir ki, {} tarixində sənəd imzalanıb.",
    "tr": "Rapora göre {} tarihinde bir belge imzalandı.",
    "ru": "В отчёте сказано, что {} был подписан документ.",
    "ar": "يقول التقرير إنه في {} تم توقيع وثيقة.",
}


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(SUPPORTED_LANGUAGES),
    st.dates(datetime.date(1900, 1, 1), datetime.date(2099, 12, 31)),
    st.integers(0, 10),
    st.booleans(),
)
def test_generated_gregorian_date_is_found(
    lang: str, date: datetime.date, choice: int, any_lang: bool
) -> None:
    written = _format(lang, date, choice)
    sentence = FRAMES[lang].format(written)
    mentions = FINDER.find(sentence, None if any_lang else lang)
    _check_spans(sentence, mentions)
    assert [(m.text, m.value, m.precision) for m in mentions] == [
        (written, date.isoformat(), "day")
    ]


@settings(max_examples=200, deadline=None)
@given(st.dates(datetime.date(1922, 3, 21), datetime.date(2080, 3, 19)), st.booleans())
def test_generated_jalali_date_is_found(date: datetime.date, arabic_letters: bool) -> None:
    year, month, day = cal.gregorian_to_jalali(date)
    name = _spellings("fa", "jalali")[month][0]
    if arabic_letters:
        name = name.replace("ی", "ي")
    written = f"{day} {name} {year}".translate(PERSIAN_DIGITS)
    sentence = f"در {written} دو کشور تفاهم‌نامه‌ای امضا کردند."
    mentions = FINDER.find(sentence, "fa")
    _check_spans(sentence, mentions)
    (mention,) = mentions
    assert (mention.text, mention.value, mention.native) == (
        written,
        date.isoformat(),
        f"{year:04d}-{month:02d}-{day:02d}",
    )


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="۰۱۲۳۴۵۶۷۸۹0123456789 /.-خردادسال", max_size=40))
def test_spans_are_exact_on_arbitrary_digit_soup(text: str) -> None:
    _check_spans(text, FINDER.find(text, "fa", datetime.date(2019, 6, 19)))


# --- the data files -------------------------------------------------------------------


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_month_data_is_well_formed(lang: str) -> None:
    rows = DATA.rows(lang, "months.tsv")
    assert rows
    for row in rows:
        number, calendar, spelling, *flags = row
        assert 1 <= int(number) <= 12 and calendar in ("gregorian", "jalali", "hijri")
        assert spelling and set(flags) <= {"", "ambiguous", "strict"}
    gregorian = {int(r[0]) for r in rows if r[1] == "gregorian"}
    assert gregorian == set(range(1, 13))


def test_no_spelling_names_two_different_months() -> None:
    seen: dict[str, tuple[int, str]] = {}
    for lang in SUPPORTED_LANGUAGES:
        for number, calendar, spelling, *_ in DATA.rows(lang, "months.tsv"):
            key = lookup_key(spelling)
            assert seen.setdefault(key, (int(number), calendar)) == (int(number), calendar), (
                f"{lang}: {spelling} is also another month"
            )


def test_unknown_language_code_reads_every_language() -> None:
    text = "Vertrag vom 19 June 2019."
    mentions = FINDER.find(text, "de")
    _check_spans(text, mentions)
    assert [m.value for m in mentions] == ["2019-06-19"]


def test_a_spelling_added_in_a_data_directory_is_recognised(tmp_path: Path) -> None:
    """Language knowledge is data: a user adds a month spelling without touching code."""
    (tmp_path / "fa").mkdir()
    (tmp_path / "fa" / "months.tsv").write_text(
        "# month, calendar, spelling\n3\tjalali\tخوردادِ\n", encoding="utf-8"
    )
    finder = DateFinder(LanguageData(extra_dirs=[tmp_path]))
    text = "در ۲۹ خورداد ۱۳۹۸ امضا شد."
    mentions = finder.find(text, "fa")
    _check_spans(text, mentions)
    assert [(m.text, m.value) for m in mentions] == [("۲۹ خورداد ۱۳۹۸", "2019-06-19")]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("months.tsv", "13x\tjalali\tخرداد\n", "bad row"),
        ("months.tsv", "3\tjalali\n", "expected 3 columns"),
        ("date_words.tsv", "relative\tسال گذشته\tlast\n", "bad relative"),
    ],
)
def test_malformed_data_is_reported_clearly(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    (tmp_path / "fa").mkdir()
    (tmp_path / "fa" / name).write_text(content, encoding="utf-8")
    finder = DateFinder(LanguageData(extra_dirs=[tmp_path]))
    with pytest.raises(LanguageDataError, match=message):
        finder.find("۲۹ خرداد ۱۳۹۸", "fa")
