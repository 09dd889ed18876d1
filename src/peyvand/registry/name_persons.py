"""Persons the registry does not know, read after a personal title or a role noun.

«آقای علی رضایی», «دکتر …», "Professor …", "film critic Leila Sahar", «профессор …», «куратор
программы Надежда Волкова», «Bakan …», «Çevirmen Barış Aydın», «السيد …», «الكاتبة أمل
الموسوي»: a head of ``actor_heads.tsv`` with the ``title`` flag, then a name of one to ``max
words`` words. The title or role is left out of the span (GUIDELINES, Actors: "Leila Sahar",
not "critic Leila Sahar"). An honorific that is part of a conventional name («امام محمد
باقر», "Ayatollah …") is a person head without the flag, and stays in.

What the name is:

* In cased scripts, Capitalised words, not written all in capitals ("ANKARA —"). A role and
  its complement are not a name: "Minister of Culture" stops at "of", and nothing follows.
* In Persian and Arabic, words up to punctuation, a stop word, a light verb or another head.
  In Arabic a first word with the article (``article``: «ال») is an adjective of the role
  («الكاتب الكبير», "the great writer"), not a given name, which has none («أمل الموسوي»);
  and a role word right after a definite word agrees with it as an adjective («الكتب
  المترجمة», "the translated books"), it is no role.
* Never a word the registry linked (the poet in "the poet Nizami Ganjavi" is the registry's,
  a country after a role is a role's complement), a generic modifier or a ``common`` word.
* A role noun (``full``) takes a given name and a surname, two words at least: a bare
  surname after a role is too often something else. A courtesy title ("Mr", «آقای») takes
  one word.
* A ``genitive`` role may have its complement between it and the name: lowercase words with a
  ``genitive`` ending and linked names («министр культуры Азербайджана Анар Керимов»).

`later_mentions` finds the surname of such a person again further on («Aydın'a göre»).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from peyvand.registry.name_bounds import (
    APOSTROPHE_SUFFIX,
    GAP,
    TOKEN,
    NameWords,
    Spans,
    ends_name,
    is_verb,
    previous_key,
    word_key,
)

if TYPE_CHECKING:
    from peyvand.registry.name_data import HeadRule
    from peyvand.registry.unlinked import UnlinkedCandidate

__all__ = ["genitive_word", "has_ending", "later_mentions", "read_person", "with_later_mentions"]

APPOSITION_ENDS = frozenset(",.;:!?،؛\n")  # what closes a name after an ``apposed`` head
COMPLEMENT_WORDS = 3  # lowercase words and linked names a ``genitive`` role may take


def has_ending(key: str, endings: frozenset[str]) -> bool:
    """Whether the word ``key`` ends with one of ``endings`` (and is longer than it)."""
    return any(len(key) > len(e) + 1 and key.endswith(e) for e in endings)


def genitive_word(key: str, words: NameWords) -> bool:
    """Whether the lowercase word ``key`` may be a genitive complement («культуры»): it has a
    ``genitive`` ending and no ``verb_ending`` («сообщила») and ends no name."""
    return (
        has_ending(key, words.genitive)
        and not has_ending(key, words.verb_ending)
        and not ends_name(key, words)
    )


def _prepositional(key: str, words: NameWords) -> bool:
    """Whether ``key`` is a definite noun with a clitic joined before it («باللغة», «للثقافة»):
    no word of a person's name."""
    for clitic in words.clitic:
        if len(key) <= len(clitic) + 2 or not key.startswith(clitic):
            continue
        if any(clitic.endswith(a) for a in words.article) or any(
            clitic.endswith(a[-1]) and key[len(clitic) :].startswith(a[-1]) for a in words.article
        ):
            return True
    return False


def _preposition_joined(key: str, words: NameWords) -> bool:
    """Whether ``key`` opens with a preposition written joined to it («لوكالة», «بوزارة»): a
    ``clitic`` that is no ``conjunction`` (Arabic «ل», «ب», «ك»), which no name word does."""
    return any(
        len(key) > len(c) + 2 and key.startswith(c) and not c.startswith(tuple(words.conjunction))
        for c in words.clitic
    )


def _nisba(key: str, words: NameWords) -> bool:
    """Whether ``key`` is a definite adjective with a nisba ending («الإيرانية»), which
    agrees with the role noun before it rather than naming anyone."""
    return any(key.startswith(a) for a in words.article) and has_ending(key, words.adjective_ending)


def _definite(span: tuple[int, int], original: str, words: NameWords) -> bool:
    """Whether the name word at ``span`` carries the article («التميمي»)."""
    key = word_key(original[span[0] : span[1]], words.turkic)
    return any(key.startswith(a) and len(key) > len(a) + 1 for a in words.article)


def read_person(
    original: str,
    he: int,
    rule: HeadRule,
    words: NameWords,
    head_starts: set[int],
    linked: Spans,
    hs: int,
) -> tuple[int, int] | None:
    """The span of the person's name after the title or role ending at ``he``, if any."""
    before = previous_key(original, hs, words)
    if before in words.determiner:
        return None  # «این خانم», "this director"
    # «الكتب المترجمة»: after a definite word, the role word is its adjective, unless a
    # national adjective and a full name closed by punctuation follow it («في الافتتاح
    # المخرج الإيراني سامان رضوي، …»)
    after_definite = before is not None and any(before.startswith(a) for a in words.article)
    national = False
    gap = GAP.match(original, he)
    if gap is None:
        return None
    pos = gap.end()
    names: list[tuple[int, int]] = []
    complement = 0
    while len(names) < rule.max_words:
        match = TOKEN.match(original, pos)
        if match is None or match.start() in head_starts:
            break
        token = match.group()
        key = word_key(token, words.turkic)
        in_complement = rule.genitive and not names and complement < COMPLEMENT_WORDS
        if linked.overlaps(match.start(), match.end()):
            if not names and _nisba(key, words):
                national = True  # «المخرجة الإيرانية نرجس شكوهي»: the role's adjective
            elif len(names) >= 2 and not rule.cased and _preposition_joined(key, words):
                break  # «… هالة منصور لوكالة الأنباء»: a preposition and a linked name end it
            elif not in_complement:
                return None  # the registry's person, or a country: no unknown name here
            complement += 1
        elif is_verb(key, original, match.end(), words):
            names = names[:-1]  # «… اعلام کرد»: the word before is the verb's first part
            break
        elif ends_name(key, words):
            break
        elif rule.cased and not token[0].isupper():
            if not (in_complement and genitive_word(key, words)):
                break
            complement += 1
        elif key in words.generic or key in words.common:
            break
        elif rule.cased and len(token) > 1 and token.isupper():
            break  # an acronym or a dateline
        elif not names and any(key.startswith(a) for a in words.article):
            return None  # «الكاتب الكبير»: an adjective of the role
        elif not rule.cased and _prepositional(key, words):
            break  # «… باللغة العربية»: a preposition joined to a definite noun
        elif (
            names
            and not rule.cased
            and _definite(names[-1], original, words)
            and not (any(key.startswith(a) for a in words.article))
        ):
            break  # «فرح التميمي أغنية»: a family name with the article ends the name
        else:
            names.append((match.start(), match.end()))
            if APOSTROPHE_SUFFIX.search(token):
                break  # «Aydın'ın», "Sahar's": a case ending closes the name
        gap = GAP.match(original, match.end())
        if gap is None:
            break
        pos = gap.end()
    if not names or (rule.full and len(names) < 2):
        return None
    if after_definite and not (
        national and len(names) >= 2 and _punctuated(original, names[-1][1])
    ):
        return None
    if rule.apposed and not _punctuated(original, names[-1][1]):
        return None  # "said United Nations officials": no name in apposition
    return names[0][0], names[-1][1]


def _punctuated(original: str, end: int) -> bool:
    """Whether the name ending at ``end`` is closed by punctuation or the end of the text."""
    rest = original[end:].lstrip(" \t\u00a0")
    return not rest or rest[0] in APPOSITION_ENDS


def surname(name: str) -> str | None:
    """The last word of a person's name as written, what a later mention is found by."""
    tokens = TOKEN.findall(name)
    if len(tokens) < 2:
        return None
    last = tokens[-1]
    apostrophe = APOSTROPHE_SUFFIX.search(last)
    if apostrophe is not None:
        last = last[: apostrophe.start()]
    return last if len(last) > 2 else None


# Azerbaijani case endings written onto a foreign surname with no apostrophe («Dübuanın»,
# «Eminesku ilə»): two letters or more, so that a name with one more letter is not read
_JOINED_CASE = "(?-i:n[ıiuü]n|y[aə]|d[aə]n?|n[ıiuü]|[ıiuü]n|y[ıiuü])"


def later_mentions(
    original: str, persons: list[tuple[int, int]], taken: Spans
) -> list[tuple[int, int, int]]:
    """Later mentions of the surnames of the persons found (``(start, end)`` each): spans
    ``(start, end, index of the person)`` of a word that is the surname alone as written,
    possibly with an apostrophe ending («Aydın'a»), after the person's name and not in
    ``taken``. One regular-expression search over the text for all the surnames."""
    wanted: dict[str, int] = {}
    for index, (start, end) in enumerate(persons):
        last = surname(original[start:end])
        if last is not None:
            wanted.setdefault(last, index)
    if not wanted:
        return []
    names = "|".join(re.escape(last) for last in sorted(wanted, key=len, reverse=True))
    pattern = re.compile(
        rf"(?<![\w\u200c'’-])(?P<last>{names})(?:['’][^\W\d_]+|{_JOINED_CASE})?(?![\w\u200c'’-])"
    )
    found: list[tuple[int, int, int]] = []
    for match in pattern.finditer(original, min(start for start, _ in persons)):
        person = wanted[match.group("last")]
        if match.start() < persons[person][1] or taken.overlaps(match.start(), match.end()):
            continue
        found.append((match.start(), match.end(), person))
    return found


def with_later_mentions(
    original: str, chosen: list[UnlinkedCandidate], linked: Spans
) -> list[UnlinkedCandidate]:
    """``chosen`` with the later mentions of its persons by surname («Aydın'a göre»), each
    referring to the person's name (``refers``). Only persons read after a title (which
    the name leaves out) count, and conventional names with a Capitalised honorific («Hoca
    Ahmed Yesevi» … «Yesevi'nin»): an uncased one («مولانا …») has no surname to go by."""
    persons = [
        c
        for c in chosen
        if c.type == "person"
        and " " in c.name
        and (not c.name.startswith(c.head) or c.head[:1].isupper())
    ]
    if not persons:
        return chosen
    spans = [(c.start, c.end) for c in persons]
    taken = Spans([*linked.spans, *((c.start, c.end) for c in chosen)])
    extra = [
        replace(persons[i], name=original[s:e], start=s, end=e, refers=persons[i].name)
        for s, e, i in later_mentions(original, spans, taken)
    ]
    return sorted([*chosen, *extra], key=lambda c: c.start) if extra else chosen
