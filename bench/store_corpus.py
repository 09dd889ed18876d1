"""Short generated news items about cultural relations, in six languages, for bench/store.py.

Sentences are templates written for this benchmark with random country pairs (their CLDR
names in the item's language, from the registry), domains, numbers and years; an item has
three to six of them. A fifth of the Persian items are typed with Arabic ي/ك, and ZWNJ is
kept, spaced or dropped at random, as in real Persian news.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

COUNTRIES = [
    "IRN",
    "AZE",
    "TUR",
    "RUS",
    "ISR",
    "ARM",
    "GEO",
    "IRQ",
    "AFG",
    "TJK",
    "KAZ",
    "PAK",
    "CHN",
    "FRA",
    "DEU",
    "EGY",
    "SAU",
    "UZB",
    "TKM",
    "IND",
]

TEMPLATES: dict[str, list[str]] = {
    "fa": [
        "وزیران فرهنگ {a} و {b} روز {w} تفاهم‌نامه‌ای برای همکاری در زمینه {d} امضا کردند.",
        "به گفته رایزن فرهنگی {a}، تاکنون {n} سند همکاری فرهنگی با {b} به امضا رسیده است.",
        "هیئتی {n} نفره از هنرمندان {a} برای شرکت در جشنواره {d} به {b} سفر کرد.",
        "برنامه‌های {d} {a} از سال {y} در شبکه‌های تلویزیونی {b} پخش می‌شود.",
        "کارشناسان می‌گویند بسیاری از توافق‌های {d} میان {a} و {b} هرگز اجرا نشده است.",
        "دانشگاه‌های {a} و {b} قرار است {n} دانشجو و استاد را در سال {y} مبادله کنند.",
        "خانه فرهنگ {a} در پایتخت {b} پس از {n} سال فعالیت با مشکلات اداری روبه‌رو شده است.",
    ],
    "en": [
        "The culture ministers of {a} and {b} signed a memorandum on {d} cooperation on {w}.",
        "According to officials in {a}, {n} cultural agreements have been signed with {b} "
        "since {y}.",
        "A delegation of {n} artists from {a} arrived in {b} for a festival of {d}.",
        "Broadcasts of {d} programmes from {a} on television in {b} were suspended in {y}.",
        "Critics say that most {d} agreements between {a} and {b} were never implemented.",
        "Universities in {a} and {b} will exchange {n} students and lecturers in {y}.",
        "The cultural centre of {a} in {b} has faced official obstacles for {n} months.",
    ],
    "az": [
        "{a} və {b} mədəniyyət nazirləri {d} sahəsində əməkdaşlıq haqqında memorandum imzaladılar.",
        "Rəsmilərin sözlərinə görə, {y} ildən bəri {a} ilə {b} arasında {n} mədəni saziş "
        "imzalanıb.",
        "{a} incəsənət xadimlərindən ibarət {n} nəfərlik heyət {b} tərəfinin dəvəti ilə "
        "{d} festivalına qatıldı.",
        "{a} və {b} universitetləri {y} ildə {n} tələbə mübadiləsi planlaşdırır.",
        "Ekspertlər {a} və {b} arasında {d} sahəsində imzalanmış sazişlərin icra "
        "olunmadığını bildirirlər.",
    ],
    "tr": [
        "{a} ve {b} kültür bakanları {d} alanında iş birliği mutabakatı imzaladı.",
        "Yetkililere göre {y} yılından bu yana {a} ile {b} arasında {n} kültür anlaşması "
        "imzalandı.",
        "{a} sanatçılarından oluşan {n} kişilik bir heyet {b} davetiyle {d} festivaline katıldı.",
        "{a} ve {b} üniversiteleri {y} yılında {n} öğrenci değişimi yapacak.",
        "Uzmanlar {a} ile {b} arasındaki {d} anlaşmalarının uygulanmadığını söylüyor.",
    ],
    "ru": [
        "Министры культуры, {a} и {b}, подписали меморандум о сотрудничестве в области {d}.",
        "Представители сторон, {a} и {b}, сообщили, что с {y} года подписано {n} соглашений "
        "о культурном обмене.",
        "Делегация деятелей искусства, {n} человек, отправилась из страны {a} на фестиваль "
        "{d}; принимающая сторона — {b}.",
        "Университеты двух стран, {a} и {b}, обменяются {n} студентами в {y} году.",
        "Эксперты отмечают, что соглашения в области {d} между странами {a} и {b} так и не "
        "были выполнены.",
    ],
    "ar": [
        "وقّع وزيرا الثقافة في {a} و{b} مذكرة تفاهم للتعاون في مجال {d}.",
        "أعلن مسؤولون في {a} أن {n} اتفاقية ثقافية وُقّعت مع {b} منذ عام {y}.",
        "وصل وفد من {n} فنانًا من {a} إلى {b} للمشاركة في مهرجان {d}.",
        "يقول خبراء إن معظم اتفاقيات {d} بين {a} و {b} لم تُنفّذ.",
        "ستتبادل جامعات {a} و {b} {n} طالبًا وأستاذًا في عام {y}.",
    ],
}

DOMAINS: dict[str, list[str]] = {
    "fa": ["سینما", "کتاب", "موسیقی", "تئاتر", "آموزش عالی", "میراث فرهنگی", "مطبوعات"],
    "en": ["cinema", "books", "music", "theatre", "higher education", "heritage", "press"],
    "az": ["kino", "kitab", "musiqi", "teatr", "təhsil", "irs", "mətbuat"],
    "tr": ["sinema", "kitap", "müzik", "tiyatro", "eğitim", "miras", "basın"],
    "ru": ["кино", "книгоиздания", "музыки", "театра", "образования", "наследия", "печати"],
    "ar": ["السينما", "الكتاب", "الموسيقى", "المسرح", "التعليم العالي", "التراث", "الصحافة"],
}
DOMAIN_IDS = ["cinema", "publishing", "arts", "arts", "education", "heritage", "press"]
WEEKDAYS = {"fa": ["شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه"], "en": ["Monday", "Tuesday"]}


@dataclass(frozen=True, slots=True)
class Item:
    lang: str
    title: str
    body: str
    published: dt.date
    pair: tuple[str, str]
    domain: str  # the domain id of the first sentence's domain word
    sentences: tuple[str, ...]


def country_names() -> dict[str, dict[str, str]]:
    """{lang: {actor id: CLDR name}} for the benchmark's countries."""
    from peyvand.pipeline import Pipeline

    names: dict[str, dict[str, str]] = {}
    for entry in Pipeline().registry.name_entries():
        if entry.kind == "cldr" and entry.actor_id in COUNTRIES:
            names.setdefault(entry.lang, {}).setdefault(entry.actor_id, entry.name)
    return names


def _persian_typing(text: str, rng: random.Random) -> str:
    if rng.random() < 0.2:
        text = text.replace("ی", "ي").replace("ک", "ك")
    joiner = rng.choice(["\u200c", " ", ""])
    return text.replace("\u200c", joiner)


def make_items(count: int, seed: int = 1404) -> list[Item]:
    rng = random.Random(seed)
    names = country_names()
    langs = sorted(TEMPLATES)
    items = []
    for n in range(count):
        lang = langs[n % len(langs)]
        a, b = rng.sample([c for c in COUNTRIES if c in names[lang]], 2)
        sentences, domains = [], []
        for template in rng.sample(TEMPLATES[lang], rng.randint(3, min(6, len(TEMPLATES[lang])))):
            d = rng.randrange(len(DOMAINS[lang]))
            sentence = template.format(
                a=names[lang][a],
                b=names[lang][b],
                d=DOMAINS[lang][d],
                n=rng.randint(2, 90),
                y=rng.randint(1995, 2025),
                w=rng.choice(WEEKDAYS.get(lang, ["—"])),
            )
            sentences.append(_persian_typing(sentence, rng) if lang == "fa" else sentence)
            domains.append(DOMAIN_IDS[d])
        published = dt.date(2005, 1, 1) + dt.timedelta(days=rng.randrange(7300))
        items.append(
            Item(
                lang=lang,
                title=f"{names[lang][a]} — {names[lang][b]} ({n})",
                body=" ".join(sentences),
                published=published,
                pair=(a, b),
                domain=domains[0],
                sentences=tuple(sentences),
            )
        )
    return items


def as_file_text(item: Item) -> str:
    return (
        f"---\ntitle: {item.title}\npublished: {item.published.isoformat()}\n"
        f"language: {item.lang}\n---\n\n{item.body}\n"
    )
