"""A synthetic Persian benchmark corpus: the bundled examples, mutated the way real text varies.

Documents are the bodies of ``src/peyvand/examples/fa-*.txt`` (front matter removed), or the
template sentences below when no example exists. Each copy is mutated: Arabic ي/ك for Persian
ی/ک, ZWNJ kept, dropped, spaced, replaced by U+200B or doubled, numbers rewritten in Persian,
Arabic-Indic or ASCII digits, kashida, harakat, «هٔ»/«ۀ», NBSP and double spaces, the odd
presentation form (ﻻ) and a Latin acronym or URL. The output is deterministic for a seed.

The corpus file holds one document per record, records separated by ``SEPARATOR``; every
benchmark (ours and the baselines in their own venv) reads the same file.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

SEPARATOR = "\n\x1e\n"
EXAMPLES = Path(__file__).resolve().parent.parent / "src" / "peyvand" / "examples"

# Used only when no Persian example document exists (written for this benchmark).
_TEMPLATES = [
    "رایزن فرهنگی ایران در باکو روز ۱۲ مهر ۱۴۰۲ از برگزاری هفته فیلم ایرانی خبر داد.",
    "به گفته مسئولان، بیش از ۴۰ عنوان کتاب در سال‌های اخیر به زبان آذربایجانی ترجمه شده است.",
    "دو کشور تفاهم‌نامه‌ای برای تبادل استاد و دانشجو امضا کردند که هنوز اجرا نشده است.",
    "نمایندگان رسانه‌های دو کشور در نشستی مشترک درباره همکاری‌های مطبوعاتی گفت‌وگو کردند.",
    "پخش برنامه تلویزیونی مشترک پس از ۱۸ ماه متوقف شد و دلیل آن اعلام نشد.",
    "خانه فرهنگ در باکو با موانع اداری روبه‌رو است و فعالیت‌های آن محدود شده است.",
    "این گزارش می‌گوید ۳۰ سند همکاری فرهنگی از سال ۱۹۹۱ تاکنون امضا شده است.",
    "جشنواره تئاتر با حضور ۱۲ گروه از ایران، ترکیه و روسیه برگزار می‌شود.",
    "برنامه جشنواره در نشانی https://example.org/fest منتشر شده است.",
    "سازمان یونسکو (UNESCO) ثبت مشترک نوروز را در سال ۲۰۰۹ تأیید کرد.",
    "سهم تولیدات مشترک سینمایی از ۱۲٫۵ درصد به ۷٪ کاهش یافته است.",
]

_FA_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_AR_DIGITS = "٠١٢٣٤٥٦٧٨٩"
_TO_ASCII = str.maketrans(_FA_DIGITS + _AR_DIGITS, "0123456789" * 2)
_NUMBER = re.compile(r"[0-9۰-۹٠-٩]+")
_WORD = re.compile(r"[\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]{3,}")
_ZWNJ = "\u200c"
_HARAKAT = "\u064e\u064f\u0650\u064b\u0651\u0652"
# Letters that join on both sides, so a kashida after them is well formed.
_JOINING = set("بپتثجچحخسشصضطظعغفقکگلمنهیيك")


def _read_examples() -> list[str]:
    bodies = []
    for path in sorted(EXAMPLES.glob("fa-*.txt")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---"):
            end = text.find("\n---", 3)
            if end != -1:
                text = text[end + 4 :]
        text = text.strip()
        if text:
            bodies.append(text)
    return bodies


def _digits(match: re.Match[str], rng: random.Random) -> str:
    ascii_digits = match.group().translate(_TO_ASCII)
    roll = rng.random()
    if roll < 0.6:
        return ascii_digits.translate(str.maketrans("0123456789", _FA_DIGITS))
    if roll < 0.8:
        return ascii_digits.translate(str.maketrans("0123456789", _AR_DIGITS))
    return ascii_digits


def _zwnj(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.54:
        return _ZWNJ
    if roll < 0.70:
        return ""
    if roll < 0.84:
        return " "
    if roll < 0.92:
        return "\u200b"
    return _ZWNJ * 2


def _word(match: re.Match[str], rng: random.Random) -> str:
    word = match.group()
    roll = rng.random()
    if roll < 0.015:  # kashida inside the word
        for i in range(1, len(word) - 1):
            if word[i - 1] in _JOINING:
                return word[:i] + "ـ" * rng.randint(1, 3) + word[i:]
    elif roll < 0.035:  # a haraka or two
        i = rng.randrange(1, len(word) + 1)
        return word[:i] + rng.choice(_HARAKAT) + word[i:]
    elif roll < 0.038 and word.endswith("ه"):
        return word[:-1] + rng.choice(("ۀ", "هٔ"))
    elif roll < 0.040 and "لا" in word:
        return word.replace("لا", "ﻻ", 1)
    return word


def mutate(text: str, rng: random.Random) -> str:
    """One mutated copy of ``text``."""
    if rng.random() < 0.25:  # an Arabic-keyboard copy
        text = text.replace("ی", "ي").replace("ک", "ك")
    first, *rest = text.split(_ZWNJ)
    text = first + "".join(_zwnj(rng) + part for part in rest)
    text = _NUMBER.sub(lambda m: _digits(m, rng), text)
    text = _WORD.sub(lambda m: _word(m, rng), text)
    if rng.random() < 0.3:
        text = text.replace(" و ", "  و ", 1).replace("، ", "،\u00a0", 1)
    if rng.random() < 0.2:
        text += rng.choice((" (COVID-19)", " https://example.org/a1", " UNESCO", "  ۷٪  "))
    return text


def make_corpus(megabytes: float = 5.0, seed: int = 1404) -> list[str]:
    """Mutated Persian documents totalling at least ``megabytes`` MB of UTF-8."""
    rng = random.Random(seed)
    sources = _read_examples()
    if not sources:
        sources = ["\n\n".join(_TEMPLATES[i:] + _TEMPLATES[:i]) for i in range(len(_TEMPLATES))]
    target = int(megabytes * 1_000_000)
    documents: list[str] = []
    size = 0
    while size < target:
        base = rng.choice(sources)
        text = mutate(base, rng)
        documents.append(text)
        size += len(text.encode("utf-8"))
    return documents


def write_corpus(path: Path, megabytes: float = 5.0, seed: int = 1404) -> tuple[int, int]:
    """Write the corpus; return (documents, UTF-8 bytes of the documents)."""
    documents = make_corpus(megabytes, seed)
    path.write_text(SEPARATOR.join(documents), encoding="utf-8")
    return len(documents), sum(len(d.encode("utf-8")) for d in documents)


def read_corpus(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split(SEPARATOR)
