"""Tests for peyvand.text.numbers: table cases from cases/numbers.tsv, and property tests
that spell random integers in each language (spellers written here, independent of the
parser) and read them back."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peyvand.lang import LanguageData
from peyvand.text.numbers import NumberFinder, Quantity

CASES = Path(__file__).parent / "cases" / "numbers.tsv"
FINDER = NumberFinder(LanguageData())


def _unescape(text: str) -> str:
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)


def _load() -> list[list[str]]:
    rows = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([_unescape(cell) for cell in line.split("\t")])
    return rows


ROWS = _load()


def _check_spans(text: str, found: list[Quantity]) -> None:
    last = 0
    for q in found:
        assert text[q.start : q.end] == q.text
        assert q.start >= last, "quantities overlap or are out of order"
        last = q.end


@pytest.mark.parametrize("row", ROWS, ids=[row[0] for row in ROWS])
def test_case(row: list[str]) -> None:
    _, lang, count, sentence, *expected = row
    found = FINDER.find(sentence, None if lang == "auto" else lang)
    _check_spans(sentence, found)
    assert len(found) == int(count), found
    if expected[0] == "-":
        return
    text, value, unit, approx, qualifier = expected
    match = [q for q in found if q.text == text]
    assert match, f"{text!r} not in {[q.text for q in found]}"
    q = match[0]
    assert q.value == (float(value) if "." in value else int(value))
    assert isinstance(q.value, float) == ("." in value)
    want_qualifier = None if qualifier == "-" else qualifier
    assert (q.unit, q.approx, q.qualifier) == (unit, approx == "yes", want_qualifier)


def test_case_table_is_large() -> None:
    assert len(ROWS) >= 160
    assert {row[1] for row in ROWS} >= {"fa", "en", "az", "tr", "ru", "ar", "auto"}
    assert sum(row[2] == "0" for row in ROWS) >= 30


@pytest.mark.parametrize(
    ("words", "lang", "value"),
    [
        ("سی و پنج", "fa", 35),
        ("سي و پنج", "fa", 35),
        ("سی‌وپنج", "fa", 35),
        ("دو هزار و پانصد", "fa", 2500),
        ("۳ میلیون", "fa", 3_000_000),
        ("۲.۵ میلیارد", "fa", 2_500_000_000),
        ("هزار", "fa", 1000),
        ("پنج شش", "fa", None),
        ("کتاب", "fa", None),
        ("بیست و یکم", "fa", None),
        ("thirty-five", "en", 35),
        ("a dozen", "en", 12),
        ("two and a half", "en", None),
        ("iki min beş yüz", "az", 2500),
        ("bir", "tr", 1),
        ("пятидесяти", "ru", 50),
        ("خمسة وثلاثون", "ar", 35),
        ("ألفان", "ar", 2000),
        ("", "en", None),
    ],
)
def test_parse_words(words: str, lang: str, value: int | None) -> None:
    assert FINDER.parse_words(words, lang) == value


@pytest.mark.parametrize("lang", ["fa", "en", "az", "tr", "ru", "ar"])
def test_language_data_compiles_and_is_documented(lang: str) -> None:
    root = Path(__file__).parents[2] / "src" / "peyvand" / "lang" / lang
    for name in ("number_words.tsv", "quantity_words.tsv"):
        assert (root / name).read_text(encoding="utf-8").startswith("# ")
    assert FINDER.find("", lang) == []
    assert FINDER.parse_words("1", lang) == 1


def test_finder_is_reusable_across_languages() -> None:
    assert [q.value for q in FINDER.find("پنجاه و ۵۰", "fa")] == [50, 50]
    assert FINDER.find("", "fa") == []
    assert FINDER.find("no numbers here") == []


# -- spellers: integers to words, one per language ------------------------------------------

Draw = Callable[[list[str]], str]

FA_ONES = ["", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه"]
FA_TEENS = ["ده", "یازده", "دوازده", "سیزده", "چهارده", "پانزده", "شانزده", "هفده", "هجده", "نوزده"]
FA_TENS = ["", "", "بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود"]
FA_HUNDREDS = ["", "صد", "دویست", "سیصد", "چهارصد", "پانصد", "ششصد", "هفتصد", "هشتصد", "نهصد"]


def fa_words(n: int, draw: Draw) -> str:
    if n == 0:
        return "صفر"
    joiner = draw([" و ", "\u200cو\u200c", "\u200cو"])

    def small(k: int) -> list[str]:
        h, r = divmod(k, 100)
        parts = [draw(["صد", "یکصد"]) if h == 1 else FA_HUNDREDS[h]] if h else []
        if 10 <= r < 20:
            parts.append(draw(["هجده", "هیجده"]) if r == 18 else FA_TEENS[r - 10])
        elif r:
            parts += [w for w in (FA_TENS[r // 10], FA_ONES[r % 10]) if w]
        return parts

    groups = []
    for scale, name in ((10**9, "میلیارد"), (10**6, "میلیون"), (1000, "هزار"), (1, "")):
        q, n = divmod(n, scale)
        if q:
            head = joiner.join(small(q))
            if scale == 1000 and q == 1:
                head = draw(["", "یک "]).strip()
            groups.append(f"{head} {name}".strip())
    text = joiner.join(groups)
    return text.replace("ی", "ي").replace("ک", "ك") if draw(["fa", "ar"]) == "ar" else text


EN_ONES = [
    "",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def en_words(n: int, draw: Draw) -> str:
    if n == 0:
        return "zero"
    hyphen, conj = draw(["-", " "]), draw([" and ", " "])

    def small(k: int) -> str:
        h, r = divmod(k, 100)
        tail = EN_ONES[r] if r < 20 else EN_TENS[r // 10]
        if r >= 20 and r % 10:
            tail += hyphen + EN_ONES[r % 10]
        if not h:
            return tail
        return f"{EN_ONES[h]} hundred" + (conj + tail if r else "")

    groups = []
    for scale, name in ((10**9, "billion"), (10**6, "million"), (1000, "thousand"), (1, "")):
        q, n = divmod(n, scale)
        if q:
            groups.append(f"{small(q)} {name}".strip())
    return " ".join(groups)


TURKIC = {
    "tr": (
        ["", "bir", "iki", "üç", "dört", "beş", "altı", "yedi", "sekiz", "dokuz"],
        ["", "on", "yirmi", "otuz", "kırk", "elli", "altmış", "yetmiş", "seksen", "doksan"],
        ("yüz", "bin", "milyon", "milyar"),
    ),
    "az": (
        ["", "bir", "iki", "üç", "dörd", "beş", "altı", "yeddi", "səkkiz", "doqquz"],
        ["", "on", "iyirmi", "otuz", "qırx", "əlli", "altmış", "yetmiş", "səksən", "doxsan"],
        ("yüz", "min", "milyon", "milyard"),
    ),
}


def turkic_words(lang: str, n: int, draw: Draw) -> str:
    ones, tens, (hundred, thousand, million, billion) = TURKIC[lang]
    if n == 0:
        return "sıfır"

    def small(k: int) -> list[str]:
        h, r = divmod(k, 100)
        parts = ([hundred] if h == 1 else [ones[h], hundred]) if h else []
        return parts + [w for w in (tens[r // 10], ones[r % 10]) if w]

    words: list[str] = []
    for scale, name in ((10**9, billion), (10**6, million), (1000, thousand), (1, "")):
        q, n = divmod(n, scale)
        if q:
            head = small(q)
            if scale == 1000 and q == 1:
                head = ["bir"] if lang == "az" and draw(["", "bir"]) else []
            words += head + ([name] if name else [])
    return " ".join(words)


RU_ONES = ["", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"]
RU_ONES_F = ["", "одна", "две", *RU_ONES[3:]]
RU_TEENS = [
    "десять",
    "одиннадцать",
    "двенадцать",
    "тринадцать",
    "четырнадцать",
    "пятнадцать",
    "шестнадцать",
    "семнадцать",
    "восемнадцать",
    "девятнадцать",
]
RU_TENS = [
    "",
    "",
    "двадцать",
    "тридцать",
    "сорок",
    "пятьдесят",
    "шестьдесят",
    "семьдесят",
    "восемьдесят",
    "девяносто",
]
RU_HUNDREDS = [
    "",
    "сто",
    "двести",
    "триста",
    "четыреста",
    "пятьсот",
    "шестьсот",
    "семьсот",
    "восемьсот",
    "девятьсот",
]


def ru_words(n: int, draw: Draw) -> str:
    if n == 0:
        return "ноль"

    def small(k: int, feminine: bool) -> list[str]:
        h, r = divmod(k, 100)
        parts = [RU_HUNDREDS[h]] if h else []
        if 10 <= r < 20:
            return [*parts, RU_TEENS[r - 10]]
        ones = RU_ONES_F if feminine else RU_ONES
        return parts + [w for w in (RU_TENS[r // 10], ones[r % 10]) if w]

    def form(q: int, forms: tuple[str, str, str]) -> str:
        if 11 <= q % 100 <= 14 or q % 10 in (0, 5, 6, 7, 8, 9):
            return forms[2]
        return forms[0] if q % 10 == 1 else forms[1]

    words: list[str] = []
    scales = (
        (10**6, ("миллион", "миллиона", "миллионов")),
        (1000, ("тысяча", "тысячи", "тысяч")),
        (1, ("", "", "")),
    )
    for scale, forms in scales:
        q, n = divmod(n, scale)
        if q:
            head = small(q, scale == 1000)
            if scale == 1000 and q == 1 and draw(["", "x"]):
                head = []
            words += head + ([form(q, forms)] if scale > 1 else [])
    return " ".join(words)


AR_ONES = ["", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة"]
AR_TENS = ["", "", "عشرون", "ثلاثون", "أربعون", "خمسون", "ستون", "سبعون", "ثمانون", "تسعون"]
AR_HUNDREDS = [
    "",
    "مائة",
    "مائتان",
    "ثلاثمائة",
    "أربعمائة",
    "خمسمائة",
    "ستمائة",
    "سبعمائة",
    "ثمانمائة",
    "تسعمائة",
]


def ar_words(n: int, draw: Draw) -> str:
    if n == 0:
        return "صفر"

    def small(k: int) -> list[str]:
        h, r = divmod(k, 100)
        parts = [draw(["مائة", "مئة"]) if h == 1 else AR_HUNDREDS[h]] if h else []
        if r == 10:
            parts.append("عشرة")
        elif r == 11:
            parts.append("أحد عشر")
        elif r == 12:
            parts.append("اثنا عشر")
        elif 13 <= r < 20:
            parts.append(f"{AR_ONES[r - 10]} عشر")
        elif r:
            parts += [w for w in (AR_ONES[r % 10], AR_TENS[r // 10]) if w]
        return parts

    forms = {
        1000: ("ألف", "ألفان", "آلاف", "ألفا"),
        10**6: ("مليون", "مليونان", "ملايين", "مليونا"),
    }
    groups = []
    for scale in (10**6, 1000, 1):
        q, n = divmod(n, scale)
        if not q:
            continue
        if scale == 1:
            groups += small(q)
            continue
        sg, dual, plural, acc = forms[scale]
        rest = q % 100
        noun = plural if 3 <= rest <= 10 else acc if rest >= 11 else sg
        if q <= 2:
            groups.append(sg if q == 1 else dual)
        else:
            groups += [*small(q)[:-1], small(q)[-1] + " " + noun]
    return " و".join(groups)


SPELLERS: dict[str, tuple[Callable[[int, Draw], str], int, str]] = {
    "fa": (fa_words, 999_999_999_999, "حدود {} نفر در این برنامه شرکت کردند."),
    "en": (en_words, 999_999_999_999, "About {} people took part in the programme."),
    "az": (lambda n, d: turkic_words("az", n, d), 999_999_999, "Təxminən {} nəfər iştirak edib."),
    "tr": (lambda n, d: turkic_words("tr", n, d), 999_999_999, "Yaklaşık {} kişi katıldı."),
    "ru": (ru_words, 999_999_999, "В программе участвовали {} человек."),
    "ar": (ar_words, 999_999_999, "شارك حوالي {} شخص في البرنامج."),
}


@pytest.mark.parametrize("lang", sorted(SPELLERS))
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_spelled_numbers_round_trip(lang: str, data: st.DataObject) -> None:
    speller, top, template = SPELLERS[lang]
    n = data.draw(st.one_of(st.integers(0, 1000), st.integers(0, top)), label="n")
    words = speller(n, lambda options: data.draw(st.sampled_from(options)))
    assert FINDER.parse_words(words, lang) == n, words
    sentence = template.format(words)
    found = FINDER.find(sentence, lang)
    _check_spans(sentence, found)
    assert [q.value for q in found] == [n], (sentence, found)
    assert words in found[0].text
    assert found[0].unit == "count"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩0123456789٫٬,./ -%٪سیپنجدرصدهزارو\u200cabc"))
def test_spans_always_point_into_the_text(text: str) -> None:
    for lang in ("fa", "en", "tr", None):
        _check_spans(text, FINDER.find(text, lang))
