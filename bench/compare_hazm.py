"""Compare our normalizer with hazm's on sentences written for this comparison.

Run it in the baseline venv (``bash bench/baselines.sh`` creates it):

    bench/.venv-hazm/bin/python bench/compare_hazm.py [--all]

peyvand's normalizer is stdlib-only, so it is imported from ``src/`` without installing the
package there. Two comparisons per sentence:

* ``raw``: hazm's output with only the representation mapped (its Persian digits to ASCII,
  ZWNJ to a space, Persian punctuation and «» to ASCII, whitespace runs to one space,
  lowercase) must equal our view. This shows every letter-level difference.
* ``view``: ``normalize(hazm(x)).text == normalize(x).text``: a lexicon lookup on either
  output finds the same things. This hides the letters hazm keeps that our view folds, and
  shows what hazm changes beyond folding (spacing, joining, number splitting).

Each sentence carries a category; the disagreements are printed with both outputs and
explained in docs/normalization.md.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
from peyvand.text.normalize import normalize

Z = "\u200c"

# (category, sentence). All sentences are written for this file.
SENTENCES: list[tuple[str, str]] = [
    # Arabic letter forms → Persian
    ("arabic", "رايزن فرهنگي ايران در باكو سخنراني كرد"),
    ("arabic", "كتابخانه ملي و مركز اسناد همكاري مي كنند"),
    ("arabic", "موسى و مصطفى به كنفرانس رفتند"),
    ("arabic", "جامعة الأزهر و جامعة بغداد"),
    ("arabic", "مؤسسه الهدی در باکو"),
    ("arabic", "أحمد و إبراهيم در نمایشگاه بودند"),
    ("arabic", "مسائل فرهنگی دو کشور"),
    ("arabic", "رئیس دانشگاه تبریز"),
    ("arabic", "خانۀ فرهنگ شهریار"),
    ("arabic", "خانهٔ فرهنگ شهریار"),
    ("arabic", "ٱلقرآن و ٱلحدیث"),
    ("arabic", "ترجمۀ كتاب‌هاي شعر"),
    # digits
    ("digits", "در سال ۱۳۹۸ حدود ۵۰ سند امضا شد"),
    ("digits", "در سال ١٣٩٨ حدود ٥٠ سند امضا شد"),
    ("digits", "در سال 1398 حدود 50 سند امضا شد"),
    ("digits", "۹۰ درصد مردم مسلمان‌اند"),
    ("digits", "نرخ رشد ۱۲٫۵ درصد بود"),
    ("digits", "نرخ رشد ۱۲.۵ درصد بود"),
    ("digits", "۱,۲۳۴ دانشجو ثبت نام کردند"),
    ("digits", "تاریخ ۱۴۰۲/۰۷/۱۲ اعلام شد"),
    ("digits", "سهم آن ۷٪ است"),
    ("digits", "در ۳ روز ۱۲ فیلم نمایش داده شد"),
    # ZWNJ before «ها»
    ("zwnj_ha", f"کتاب{Z}ها در نمایشگاه عرضه شد"),
    ("zwnj_ha", "کتاب ها در نمایشگاه عرضه شد"),
    ("zwnj_ha", "کتابها در نمایشگاه عرضه شد"),
    ("zwnj_ha", f"دانشگاه{Z}های دو کشور"),
    ("zwnj_ha", "دانشگاه های دو کشور"),
    ("zwnj_ha", f"رسانه{Z}ها خبر دادند"),
    ("zwnj_ha", "رسانه ها خبر دادند"),
    ("zwnj_ha", f"فیلم{Z}هایی که پخش شد"),
    ("zwnj_ha", "فیلم هایی که پخش شد"),
    ("zwnj_ha", "همکاری ها ادامه دارد"),
    # ZWNJ after «می» / «نمی»
    ("zwnj_mi", f"این برنامه پخش می{Z}شود"),
    ("zwnj_mi", "این برنامه پخش می شود"),
    ("zwnj_mi", "این برنامه پخش میشود"),
    ("zwnj_mi", f"آنها نمی{Z}خواهند"),
    ("zwnj_mi", "آنها نمی خواهند"),
    ("zwnj_mi", "آنها نمیخواهند"),
    ("zwnj_mi", "هیئت به باکو می رود"),
    ("zwnj_mi", "هیئت به باکو میرود"),
    ("zwnj_mi", "میز گرد فرهنگی برگزار شد"),
    ("zwnj_mi", "نشست در ماه می برگزار شد"),
    # diacritics and kashida
    ("marks", "فَرهَنگِ ایرانی"),
    ("marks", "تقریباً پنجاه سند"),
    ("marks", "مدرّس زبان فارسی"),
    ("marks", "فـــرهنگ و هنـر"),
    ("marks", "آذربایجان و آران"),
    ("marks", "موسیٰ کاظم"),
    ("marks", "ا\u0653ذربایجان"),
    ("marks", "سینمای   ایران"),
    # spacing
    ("spacing", f"کاروان{Z}{Z}سرا"),
    ("spacing", f"{Z}سلام{Z} به {Z}همه{Z}"),
    ("spacing", "دو    کشور همسایه"),
    ("spacing", "سلام ، دنیا"),
    ("spacing", "به طول ۹متر"),
    ("spacing", "او گفت : « بله »"),
    ("spacing", "باکو\u00a0و تهران"),
    ("spacing", "نشست دوم ... برگزار شد"),
    # tokens that must stay one token
    ("tokens", "نشانی https://example.org/a1 است"),
    ("tokens", "بیماری COVID-19 سفرها را متوقف کرد"),
    ("tokens", "نسخه 2.0.1 منتشر شد"),
    ("tokens", "ایمیل info@example.org است"),
    ("tokens", "رشد ۷۸۹. این عدد است"),
]


_REPRESENTATION = str.maketrans(
    {
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        **{chr(0x0660 + i): str(i) for i in range(10)},
        Z: " ",
        "«": '"',
        "»": '"',
        "،": ",",
        "؛": ";",
        "؟": "?",
        "٪": "%",
        "٫": ".",
        "٬": ",",
    }
)


def representation(text: str) -> str:
    """hazm's output written the way our view writes the same things (nothing else)."""
    return " ".join(text.translate(_REPRESENTATION).lower().split(" ")).replace("\n", " ")


def show(text: str) -> str:
    """A repr with invisible and combining characters escaped."""
    import unicodedata

    return "".join(
        f"\\u{ord(c):04x}" if unicodedata.category(c) in ("Mn", "Cf", "Zs") and c != " " else c
        for c in text
    ).join("''")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--all", action="store_true", help="print agreements too")
    args = parser.parse_args()
    try:
        from hazm import Normalizer
    except ImportError:
        sys.exit("hazm is not importable here: run bench/.venv-hazm/bin/python (see baselines.sh)")
    import importlib.metadata

    hazm_normalize = Normalizer().normalize
    agree_raw: Counter[str] = Counter()
    agree_view: Counter[str] = Counter()
    total: Counter[str] = Counter()
    differences = []
    for category, sentence in SENTENCES:
        ours = normalize(sentence).text
        theirs = hazm_normalize(sentence)
        raw = " ".join(representation(theirs).split())
        view = normalize(theirs).text
        total[category] += 1
        agree_raw[category] += raw == " ".join(ours.split())
        agree_view[category] += view == ours
        if raw != " ".join(ours.split()) or view != ours:
            differences.append((category, sentence, ours, theirs, raw == " ".join(ours.split())))
        elif args.all:
            print(f"= [{category}] {show(ours)}")

    print(f"hazm {importlib.metadata.version('hazm')} vs peyvand: {len(SENTENCES)} sentences")
    print(f"{'category':10s} {'n':>3s} {'raw agree':>10s} {'view agree':>11s}")
    for category in dict.fromkeys(c for c, _ in SENTENCES):
        print(
            f"{category:10s} {total[category]:3d} {agree_raw[category]:10d} "
            f"{agree_view[category]:11d}"
        )
    print(
        f"{'all':10s} {len(SENTENCES):3d} {sum(agree_raw.values()):10d} "
        f"{sum(agree_view.values()):11d}"
    )
    print()
    for category, sentence, ours, theirs, raw_agrees in differences:
        where = "view" if raw_agrees else "raw" if normalize(theirs).text == ours else "raw+view"
        print(f"[{category}] differs in {where}: {show(sentence)}")
        print(f"    ours: {show(ours)}")
        print(f"    hazm: {show(theirs)}")


if __name__ == "__main__":
    main()
