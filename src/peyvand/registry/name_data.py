"""The data of `peyvand.registry.unlinked`: head words and the roles of words around names.

Two files per language (``lang/<code>/``):

* ``actor_heads.tsv``: the head words, their actor type, whether the head comes ``before``
  the name (Persian «موسسه الهدی», Russian «институт «Аль-Худа»», "University of Tehran") or
  ``after`` it ("Al-Huda Institute", «Bakı Dövlət Universiteti»), how many name words it
  takes at most, and flags (``endings``: case endings may follow the head inside its word and
  stay outside the name, «Universitetinin»; ``quoted``: only a quoted name counts, «центр
  «Аль-Худа»» but not «центр Баку»; ``adjective``: the head also reads as an adjective and
  is no head when a Capitalised word follows, «Azərbaycan Mərkəzi Bankı»; ``title``: a
  personal title or a role noun before a person's name, left out of the span, "critic Leila
  Sahar" → "Leila Sahar"; ``full``: the name has at least two words, a given name and a
  surname; ``genitive``: lowercase words with a ``genitive`` ending may stand between the head
  and the Capitalised words, «Министерство культуры Республики Татарстан», «куратор
  программы Надежда Волкова»; ``whole``: the head alone names the body, «خانه سینما»;
  ``purpose``: the name holds a word with a ``purpose`` prefix, a definite head with
  adjectives alone describes, «المجلس الوطني للثقافة» but not «المجلس البلدي»; ``adjectives``:
  an ``after`` head whose name is adjectives, only the first Capitalised, «Казанского
  федерального университета»; ``apposed``: a speech verb as a ``title``, whose name must be
  followed by punctuation, "said Ann Lee, who …", «وقالت أمل الموسوي، …»; ``place``: an
  ``adjectives`` head whose name may end in its city, «Русский дом в Ташкенте»; ``nisba``: a
  ``purpose`` head that one definite nisba adjective, neither a country's nor ``generic``,
  also names, «الجامعة المستنصرية»; ``demonym``: a definite ``purpose`` head that its definite
  country nisba adjective also names, the country's own body, «الجامعة اللبنانية», while
  «جامعة لبنانية» or «التلفزيون الكويتي» only describe; ``eponymous``: an ``adjectives`` head
  too common a noun to name anything without an eponym after it, «Культурным центром имени
  Джавахарлала Неру» but not «Культурный центр»). A head of more
  than one word («خانه فرهنگ», "News Agency") is a title of its own (`HeadRule.compound`).
* ``name_words.tsv``: words with a role around names: ``stop`` (ends a name: «و», «در»,
  "in"), ``verb`` (a light verb: ends a name and takes the word before it, «اعلام کرد»),
  ``prefix`` (a ZWNJ-joined word starting with it ends a name: «می‌شود»), ``suffix`` (a word
  ending so ends a name: «Gəncədəki»), ``connector`` (joins Capitalised words: «adına»,
  «və»), ``forward_connector`` (the same, only in a name after its head: "University of the
  Arts", never "Students of Khazar University"), ``link`` (may follow a head before its
  name: the ezafe «‌ی»), ``determiner`` (before a head makes it a common noun: «این
  دانشگاه»), ``common`` (as first name word, the same: «مرکز استان»), ``generic`` (a modifier
  that alone names nothing: «مرکز فرهنگی», "State University"), ``compound`` (a head and the
  word after it, one common noun written in two words: «روزنامه نگاران»), ``clitic`` (a
  conjunction or preposition joined to the next word: «وجامعة» begins another name),
  ``complement`` (a verbal noun and its preposition, one name word after a head: «حفاظت
  از»), ``unique`` (a generic modifier that leaves a country one such body: «ملی»),
  ``article`` (a prefix that makes the word after a role noun an adjective, not a given
  name: Arabic «ال», «الكاتب الكبير»), ``adjective_ending`` (an ending of adjectives:
  Russian «-ского» for ``adjectives`` heads; Arabic nisba «ية», so that a country word
  without it after a head is a noun in construct state and names the body, «جامعة الكويت»),
  ``genitive`` (an ending of the lowercase words of a ``genitive`` head), ``purpose`` (the
  prefixes of a ``purpose`` head: «لل») and ``case`` (a case ending no word inside a name
  carries: a sentence's first word with one, whose stem is a common word, is no name word,
  «Etkinliğe Rusya Federasyonu …») and ``verb_ending`` (a lowercase word ending so is a verb,
  never a genitive complement: «сообщила»), ``eponym`` (a word before the person a name
  honours: «имени») and ``place`` (a preposition before the city of a ``place`` head's name:
  «в»), both read by `peyvand.registry.name_tails`, and ``apposition`` (a role noun after a
  comma that puts the given name and surname before the comma in apposition: «آفتاب نظراوا،
  استاد …», read by `peyvand.registry.name_given`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from peyvand.lang import LanguageData, LanguageDataError
from peyvand.registry.matcher import TURKIC
from peyvand.registry.name_bounds import NameWords, word_key
from peyvand.text.normalize import joined_variants

__all__ = [
    "ACTOR_TYPES",
    "HEADS_FILE",
    "ROLES",
    "WORDS_FILE",
    "HeadRule",
    "head_keys",
    "merge_words",
    "read_rules",
    "read_words",
]

HEADS_FILE = "actor_heads.tsv"
WORDS_FILE = "name_words.tsv"
COMMON_FILE = "common_words.txt"
ACTOR_TYPES = frozenset({"institution", "organization", "group", "media", "site", "person"})
ROLES = frozenset(
    {
        "stop",
        "verb",
        "prefix",
        "suffix",
        "connector",
        "forward_connector",
        "link",
        "determiner",
        "common",
        "generic",
        "compound",
        "clitic",
        "complement",
        "unique",
        "article",
        "adjective_ending",
        "genitive",
        "purpose",
        "case",
        "verb_ending",
        "conjunction",
        "softened",
        "eponym",
        "place",
        "apposition",
    }
)
FLAGS = frozenset(
    {
        "endings",
        "quoted",
        "adjective",
        "title",
        "full",
        "genitive",
        "whole",
        "purpose",
        "adjectives",
        "apposed",
        "place",
        "nisba",
        "demonym",
        "eponymous",
    }
)


@dataclass(frozen=True, slots=True)
class HeadRule:
    """One row of ``actor_heads.tsv``."""

    lang: str
    head: str
    type: str
    before: bool  # the head precedes the name
    max_words: int
    endings: bool = False
    quoted: bool = False
    adjective: bool = False
    cased: bool = False  # the head is in a script with letter case
    capital: bool = False  # written with a capital: must be capitalised in the text
    extend_left: bool = False  # a ``before`` head ending in a connector ("University of")
    compound: bool = False  # more than one word: a title of its own («خانه فرهنگ»)
    title: bool = False  # a title or role before a person's name, left out of the span
    full: bool = False  # the name has two words at least
    genitive: bool = False  # lowercase genitive words may follow the head
    whole: bool = False  # the head alone is a name
    purpose: bool = False  # the name needs a word with a ``purpose`` prefix
    adjectives: bool = False  # an ``after`` head named by adjectives («… федерального»)
    apposed: bool = False  # punctuation must follow the name ("said Ann Lee, who …")
    place: bool = False  # the name may end in its city («Русский дом в Ташкенте»)
    nisba: bool = False  # one proper nisba adjective names it («الجامعة المستنصرية»)
    demonym: bool = False  # its definite country nisba names it («الجامعة اللبنانية»)
    eponymous: bool = False  # with adjectives: named only with «имени …» after the head


def head_keys(head: str, lang: str) -> list[str]:
    """The normalized keys of ``head``: every ZWNJ and Turkic-I variant."""
    keys: list[str] = []
    for turkic in (True, False) if lang in TURKIC else (False,):
        for variant in joined_variants(head, turkic=turkic):
            key = variant.strip()
            if key and key not in keys:
                keys.append(key)
    return keys


def read_rules(data: LanguageData, lang: str, words: NameWords) -> list[HeadRule]:
    """The rows of ``lang/actor_heads.tsv``, checked."""
    rules: list[HeadRule] = []
    for row in data.rows(lang, HEADS_FILE):
        where = f"{lang}/{HEADS_FILE}: {row!r}"
        if len(row) not in (4, 5):
            raise LanguageDataError(f"{where}: expected 4 or 5 columns")
        head, actor_type, position, max_words = row[:4]
        flags = {f.strip() for f in row[4].split(",") if f.strip()} if len(row) == 5 else set()
        if actor_type not in ACTOR_TYPES:
            raise LanguageDataError(f"{where}: unknown actor type {actor_type!r}")
        if position not in ("before", "after"):
            raise LanguageDataError(f"{where}: position must be before or after")
        if not max_words.isdigit() or int(max_words) < 1:
            raise LanguageDataError(f"{where}: max name words must be a positive integer")
        if flags - FLAGS:
            raise LanguageDataError(f"{where}: unknown flags {sorted(flags - FLAGS)}")
        if "title" in flags and (actor_type != "person" or position != "before"):
            raise LanguageDataError(f"{where}: a title is a person head before the name")
        cased = head.lower() != head.upper()
        head_words = word_key(head, words.turkic).split(" ")
        last_word = head_words[-1]
        rules.append(
            HeadRule(
                lang=lang,
                head=head,
                type=actor_type,
                before=position == "before",
                max_words=int(max_words),
                endings="endings" in flags,
                quoted="quoted" in flags,
                adjective="adjective" in flags,
                cased=cased,
                capital=cased and head[:1].isupper(),
                extend_left=position == "before"
                and cased
                and (last_word in words.connector or last_word in words.forward_connector),
                compound=len(head_words) > 1,
                title="title" in flags,
                full="full" in flags,
                genitive="genitive" in flags,
                whole="whole" in flags,
                purpose="purpose" in flags,
                adjectives="adjectives" in flags,
                apposed="apposed" in flags,
                place="place" in flags,
                nisba="nisba" in flags,
                demonym="demonym" in flags,
                eponymous="eponymous" in flags,
            )
        )
    return rules


def read_words(data: LanguageData, lang: str) -> NameWords:
    """The role words of ``lang/name_words.tsv`` (none when it has no such file)."""
    turkic = lang in TURKIC
    roles: dict[str, set[str]] = {role: set() for role in ROLES}
    if data.has(lang, WORDS_FILE):
        for row in data.rows(lang, WORDS_FILE):
            if len(row) != 2 or row[1] not in ROLES:
                raise LanguageDataError(f"{lang}/{WORDS_FILE}: bad row {row!r}")
            for key in joined_variants(row[0], turkic=turkic):  # ZWNJ kept or not
                if key.strip():
                    roles[row[1]].add(key.strip())
    lexicon: frozenset[str] = frozenset()
    if roles["case"] and data.has(lang, COMMON_FILE):  # what the ``case`` rule calls common
        lexicon = frozenset(word_key(w, turkic) for w in data.lines(lang, COMMON_FILE))
    return NameWords(
        turkic=turkic, lexicon=lexicon, **{role: frozenset(keys) for role, keys in roles.items()}
    )


def merge_words(parts: Sequence[NameWords]) -> NameWords:
    """The role words of several languages together (for text of unknown language)."""
    return NameWords(
        turkic=False,
        **{role: frozenset().union(*(getattr(p, role) for p in parts)) for role in ROLES},
    )
