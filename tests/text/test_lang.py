"""Language identification: table-driven cases plus the behaviour around them."""

from __future__ import annotations

import pickle
import time
from pathlib import Path

import pytest

from peyvand.lang import LanguageData
from peyvand.text.lang import LanguageIdentifier, LanguageSpan

CASES = Path(__file__).parent / "cases" / "lang.tsv"


def _load(kind: str) -> list[tuple[str, str]]:
    rows = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if cells[0] == kind:
            rows.append((cells[1], cells[2].replace("\\n", "\n")))
    return rows


DETECT = _load("detect")
PARAGRAPHS = _load("paragraphs")


def _code(cell: str) -> str | None:
    return None if cell == "-" else cell


@pytest.fixture(scope="module")
def ident() -> LanguageIdentifier:
    return LanguageIdentifier(LanguageData())


def test_case_file_is_large_enough() -> None:
    assert len(DETECT) + len(PARAGRAPHS) >= 120
    per_lang: dict[str, int] = {}
    for expected, _ in DETECT:
        per_lang[expected] = per_lang.get(expected, 0) + 1
    for lang in ("fa", "en", "az", "tr", "ru", "ar"):
        assert per_lang[lang] >= 15, lang
    assert per_lang["azb"] >= 10


@pytest.mark.parametrize(("expected", "text"), DETECT, ids=[t[:30] for _, t in DETECT])
def test_detect(ident: LanguageIdentifier, expected: str, text: str) -> None:
    lang, confidence = ident.detect_with_confidence(text)
    assert lang == _code(expected)
    assert ident.detect(text) == lang
    assert 0.0 <= confidence <= 1.0
    if lang is None:
        assert confidence == 0.0
    else:
        assert confidence > 0.3


@pytest.mark.parametrize(("expected", "text"), PARAGRAPHS, ids=[t[:30] for _, t in PARAGRAPHS])
def test_paragraphs(ident: LanguageIdentifier, expected: str, text: str) -> None:
    spans = ident.paragraphs(text)
    assert [span.lang for span in spans] == [_code(code) for code in expected.split(",")]
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert [text[span.start : span.end] for span in spans] == lines
    assert all(isinstance(span, LanguageSpan) for span in spans)
    assert [span.start for span in spans] == sorted(span.start for span in spans)


CHEAP = [
    "کتابخانه ملی دو کشور تفاهم‌نامه امضا کرد.",
    "اين كتاب براي كودكان نوشته شده است.",
    "قال الوزير إن المعرض سيستمر حتى نهاية الأسبوع.",
    "В этом году в Баку пройдёт книжная ярмарка.",
    "Bu il Təbrizdə kitab sərgisi keçiriləcək.",
    "Гәнҹә шәһәриндә китаб сәрҝиси ачылыб.",
    "بو ایل تبریزده بیر کیتاب سرگیسی کئچیریلدی.",
    "The two countries signed a memorandum on film co-production.",
    "Bu yıl Tebriz'de kitap fuarı düzenlenecek.",
    "Москва",
    "کتاب",
]


@pytest.mark.parametrize("text", CHEAP)
def test_letters_and_cues_settle_without_lingua(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    fresh = LanguageIdentifier(LanguageData())

    def refuse() -> None:
        raise AssertionError("lingua should not be needed here")

    monkeypatch.setattr(fresh, "_lingua", refuse)
    assert fresh.detect(text) is not None


def test_restricted_languages() -> None:
    only = LanguageIdentifier(LanguageData(), ["fa", "en"])
    assert only.detect("Две страны подписали соглашение.") is None
    # without "az" there is no South Azerbaijani: its Arabic-script text counts as Persian
    assert "azb" not in only.languages
    assert only.detect("بو ایل تبریزده بیر کیتاب سرگیسی کئچیریلدی.") == "fa"
    assert only.detect("The festival opens today.") == "en"


def test_azb_comes_with_az() -> None:
    assert "azb" in LanguageIdentifier(LanguageData(), ["az"]).languages
    assert "azb" in LanguageIdentifier(LanguageData()).languages


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="xx"):
        LanguageIdentifier(LanguageData(), ["fa", "xx"])


def test_presentation_forms_are_read_as_letters(ident: LanguageIdentifier) -> None:
    # «کتاب‌های فارسی را خواند» typed with Arabic presentation forms
    text = "ﮐﺘﺎﺏ ﻫﺎﯼ ﻓﺎﺭﺳﯽ ﺭﺍ ﺧﻮﺍﻧﺪ"
    assert ident.detect(text) == "fa"


def test_long_document_is_sampled_and_fast(ident: LanguageIdentifier) -> None:
    body = "نمایندگان دو کشور درباره چاپ کتاب و تبادل استاد گفت‌وگو کردند. " * 5000
    doc = "Press release\n" + body
    started = time.process_time()
    assert ident.detect(doc) == "fa"
    assert time.process_time() - started < 0.5
    spans = ident.paragraphs(doc)
    assert [span.lang for span in spans] == ["en", "fa"]
    assert spans[1].end == len(doc.rstrip())


def test_empty_and_blank(ident: LanguageIdentifier) -> None:
    assert ident.detect_with_confidence("") == (None, 0.0)
    assert ident.paragraphs("") == []
    assert ident.paragraphs("\n \n\t\n") == []


def test_document_language_is_the_majority(ident: LanguageIdentifier) -> None:
    doc = (
        "Baku\n"
        "Hər iki ölkənin nümayəndələri kitab çapı və tələbə mübadiləsi barədə danışıblar.\n"
        "Görüşdə mədəniyyət mərkəzlərinin fəaliyyəti də müzakirə olunub.\n"
    )
    assert ident.detect(doc) == "az"


def test_only_south_azerbaijani_among_arabic_script() -> None:
    # Persian is still scored to judge South Azerbaijani against it, but never reported
    only = LanguageIdentifier(LanguageData(), ["az"])
    assert only.detect("بو ایل تبریزده بیر کیتاب سرگیسی کئچیریلدی.") == "azb"
    assert only.detect("دو کشور تفاهم‌نامه‌ای برای همکاری امضا کردند.") is None
    assert only.detect("Bu il Təbrizdə kitab sərgisi keçiriləcək.") == "az"


def test_pickles_without_the_model(ident: LanguageIdentifier) -> None:
    ident.detect("Good morning")  # makes sure lingua is built
    copy = pickle.loads(pickle.dumps(ident))
    assert copy.languages == ident.languages
    assert copy.detect("Bu il Təbrizdə kitab sərgisi keçiriləcək.") == "az"
