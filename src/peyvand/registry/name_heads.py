"""The name on either side of a head word, read on the original text.

`peyvand.registry.unlinked` finds the head words; this module reads the name that a head
word opens («موسسه الهدی», "University of Tehran", «Министерство культуры …») or closes
("Al-Huda Institute", «Təzəpir məscidi»), with the word roles of `name_words.tsv` and the
description test of `peyvand.registry.name_nesting`. Kept apart from the finder so that
each reading rule stays in one place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from peyvand.registry.name_bounds import (
    GAP,
    GAP_END,
    TOKEN,
    ZWNJ,
    NameWord,
    NameWords,
    Spans,
    before_connector,
    capitalised_next,
    complement_end,
    counted,
    ends_name,
    is_verb,
    next_word,
    previous_key,
    word_key,
    words_before,
)
from peyvand.registry.name_candidate import UnlinkedCandidate
from peyvand.registry.name_nesting import describes
from peyvand.registry.name_persons import genitive_word, has_ending
from peyvand.registry.name_quotes import CLOSE_QUOTES, OPEN_QUOTES, closing_quote, opening_quote
from peyvand.registry.name_tails import tail_end

if TYPE_CHECKING:
    from peyvand.registry.name_data import HeadRule

__all__ = ["name_after_head", "name_before_head"]

TANWEEN = ("\u0627\u064b", "\u064b\u0627", "\u064b")  # «اً», «ًا»: the accusative ending


# --- names after a head («موسسه الهدی», "University of Tehran») -------------------------
def name_after_head(
    original: str,
    hs: int,
    he: int,
    rule: HeadRule,
    words: NameWords,
    head_starts: set[int],
    countries: Spans,
    clitic_head: Callable[[str], bool],
    openers: frozenset[int] = frozenset(),
) -> UnlinkedCandidate | None:
    """The name after a ``before`` head ending at ``he`` («موسسه الهدی», "University of
    Tehran"), or ``None``. ``clitic_head`` tells a head with a clitic joined before it;
    ``openers`` are the starts of heads whose name only follows them ("said"): the words
    before one are no part of its name, so this name keeps them."""
    size = len(original)
    pos = he
    if pos < size and original[pos] == ZWNJ:  # a suffix glued to the head
        glued = TOKEN.match(original, pos + 1)
        if glued is None:
            pos += 1  # a stray ZWNJ before a space
        elif word_key(glued.group(), words.turkic) in words.link:
            pos = glued.end()
        else:
            return None  # «دانشگاه‌ها», «موسسه‌ای»: a common noun
    gap = GAP.match(original, pos)
    if gap is None:
        return None
    pos = gap.end()
    left = (
        words_before(original, hs, rule, words, head_starts, countries) if rule.extend_left else []
    )
    start = left[0].start if left else hs
    if pos < size and original[pos] in OPEN_QUOTES:
        close = closing_quote(original, pos)
        if close is None or previous_key(original, start, words) in words.determiner:
            return None
        return UnlinkedCandidate(original[start:close], rule.type, rule.head, start, close)
    if rule.quoted:
        return None
    names: list[NameWord] = []
    pending: list[NameWord] = []  # connectors waiting for a name word after them
    linked = False
    capital = False  # a Capitalised name word was read (a ``genitive`` head's words end)
    purpose = False  # a ``purpose`` word was read: only definite words may follow
    definite = (
        *words.article,
        *words.purpose,
        *(c + a for c in words.conjunction for a in words.article),
    )
    while True:
        match = TOKEN.match(original, pos)
        if match is None:
            break
        key = word_key(match.group(), words.turkic)
        if match.start() in head_starts or clitic_head(key):
            if match.start() not in openers:  # another name begins: «… و دانشگاه تبریز»,
                names = before_connector(names)  # «… وجامعة طهران», "… and X University"
            break  # "Ministry of Culture of Uzbekistan said …": the name ends before "said"
        if match.group().endswith(TANWEEN):
            break  # «أمانة بغداد اتفاقاً»: an indefinite accusative is no name word
        if is_verb(key, original, match.end(), words):  # «… اعلام کرد»: the word before
            names = names[:-1]  # is the verb's first part
            break
        if (purpose or definite_read(names, definite)) and not key.startswith(definite):
            break  # «المجلس الأعلى للثقافة ندوة», «جامعة القاهرة تملك»: an indefinite word
            # (a verb, «فيها», «لمدة») ends a name whose construct chain a definite word closed
        if (
            words.article
            and names
            and countries.overlaps(names[-1].start, names[-1].end)
            and not key.startswith(definite)
        ):
            break  # «تلفزيون الكويت مذكرة»: a country closes a name in construct state
        if (
            names
            and country_nisba(names[-1], words, countries)
            and key.startswith(tuple(c + a for c in words.conjunction for a in words.article))
        ):
            break  # «وزارة الثقافة اللبنانية والسفارة»: a country adjective closes the name
        if (
            rule.demonym
            and names
            and not countries.overlaps(match.start(), match.end())
            and national_name(names, words, countries)
        ):
            break  # «الجامعة الأردنية المهتمين»: a country adjective closes a national name
        purpose = purpose or (rule.purpose and key.startswith(tuple(words.purpose)))
        word = NameWord(match.start(), match.end(), key, key in words.generic)
        phrase = None
        if not pending and all(w.generic for w in names):  # the head's complement
            phrase = complement_end(original, match.end(), key, words)
        if phrase is not None:  # «سرویس دولتی حفاظت از …»: one name word
            if counted(names) >= rule.max_words:
                break
            word.end = phrase
            names.append(word)
        elif rule.genitive and not capital and not match.group()[0].isupper():
            if key in words.genitive:  # «культуры и туризма»: a conjunction between
                word.connector = True
                pending.append(word)
            elif not genitive_word(key, words) or counted(names) >= rule.max_words:
                break
            else:
                names.extend(pending)
                pending.clear()
                names.append(word)
        elif rule.genitive and not capital and pending:
            break  # «Министерство культуры и Россотрудничество»: another name
        elif rule.genitive and not names and countries.overlaps(match.start(), match.end()):
            break  # «Советского Союза Россия …»: a country right after the head is no name
        elif rule.cased and not match.group()[0].isupper():
            if key not in words.connector and key not in words.forward_connector:
                break
            word.connector = True
            pending.append(word)
        elif _country_pair(original, names, key, match.end(), words, countries):
            word.connector = True  # «انجمن دوستی ایران و تاجیکستان»: both countries name it
            pending.append(word)
        elif ends_name(key, words):
            break
        elif not names and not pending and not linked and key in words.link:
            linked = True
        else:
            if not names and key in words.common:
                return None
            joins = bool(names) and countries.same(names[-1].start, word.start)
            if counted(names) >= rule.max_words and not joins:
                break
            word.joined = joins
            names.extend(pending)
            pending.clear()
            names.append(word)
            capital = capital or match.group()[0].isupper()
        gap = GAP.match(original, word.end)
        if gap is None:
            break
        pos = gap.end()
    while names and names[-1].connector:
        names.pop()
    if previous_key(original, start, words) in words.determiner:
        return None  # «این دانشگاه …», «в этом университете …»
    if rule.whole and not names:  # «خانه سینما»: the head is the name
        return UnlinkedCandidate(original[start:he], rule.type, rule.head, start, he)
    if not names or all(w.generic for w in left + names if not w.connector):
        return None
    national = rule.demonym and national_name(names, words, countries)
    if (
        rule.purpose
        and not national
        and not any(
            w.key.startswith(p) and len(w.key) > len(p) + 1 for w in names for p in words.purpose
        )
        and not (rule.nisba and proper_nisba(names, words, countries))
    ):
        return None  # «المجلس البلدي»: a definite head with adjectives describes
    end = names[-1].end
    if not national and describes(left + names, rule, words, original, (start, end, hs), countries):
        return None  # «مرکز فرهنگی ایران»: a description, annotated by its country
    return UnlinkedCandidate(original[start:end], rule.type, rule.head, start, end)


# --- names before a head ("Al-Huda Institute", «Təzəpir məscidi») ---------------------
def name_before_head(
    original: str,
    hs: int,
    he: int,
    goes_on: bool,
    rule: HeadRule,
    words: NameWords,
    head_starts: set[int],
    countries: Spans,
    openers: frozenset[int] = frozenset(),
) -> UnlinkedCandidate | None:
    """The name before an ``after`` head at ``hs``–``he`` ("Al-Huda Institute"), or ``None``;
    ``openers`` as in `name_after_head`."""
    if rule.adjective and not goes_on and capitalised_next(original, he, words):
        return None  # «Azərbaycan Mərkəzi Bankı»: the head is an adjective here
    gap = GAP_END.search(original, max(0, hs - 16), hs)
    if gap is None:
        return None
    if gap.start() > 0 and original[gap.start() - 1] in CLOSE_QUOTES:
        opening = opening_quote(original, gap.start() - 1)
        if opening is None:
            return None
        return UnlinkedCandidate(original[opening:he], rule.type, rule.head, opening, he)
    if rule.quoted:
        return None
    names = words_before(original, hs, rule, words, head_starts, countries, openers)
    names = from_country(names, countries) if rule.cased else names
    end = tail_end(original, he, rule, words, head_starts, countries) if rule.adjectives else he
    eponym = bool(words.eponym & set(original[he:end].lower().replace(".", " ").split()))
    if not names or (not eponym and all(w.generic for w in names if not w.connector)):
        return None  # a generic word names nothing, unless an eponym follows («… имени …»)
    if rule.eponymous and not eponym:
        return None  # «Культурный центр»: a common noun without «имени …»
    start = names[0].start
    if describes(names, rule, words, original, (start, he, hs), countries):
        return None  # «İran məscidi»: a description, annotated by its country
    return UnlinkedCandidate(original[start:end], rule.type, rule.head, start, end)


def from_country(names: list[NameWord], countries: Spans) -> list[NameWord]:
    """``names`` from their last linked country on, when two proper words stand right before
    it: «dekanı Əmir Əl-Xəfaci İraq Xəbər Agentliyinə» is a person, then the agency. One
    word before a country may still be the name's own ("Al-Farabi Kazakh National …")."""
    for index in range(len(names) - 1, 1, -1):
        word = names[index]
        if not countries.overlaps(word.start, word.end):
            continue
        before = names[index - 2 : index]
        if all(
            not w.generic and not w.connector and not countries.overlaps(w.start, w.end)
            for w in before
        ):
            return names[index:]
        break
    return names


def definite_read(names: list[NameWord], definite: tuple[str, ...]) -> bool:
    """Whether a definite word (with the article, «القاهرة», «للإعلام») was read: in Arabic
    it closes the construct chain, so only definite adjectives and joined definite words may
    follow it in the name (no article in the data: never)."""
    return bool(definite) and any(
        not w.connector and w.key.startswith(definite) and len(w.key) > 3 for w in names
    )


def proper_nisba(names: list[NameWord], words: NameWords, countries: Spans) -> bool:
    """Whether ``names`` is one definite adjective with a nisba ending that neither a
    country nor a ``generic`` word is: a proper name after a ``nisba`` head («الجامعة
    المستنصرية», named after a caliph), not «الجامعة الحكومية» or «الجامعة العراقية»."""
    if len(names) != 1 or names[0].generic or countries.overlaps(names[0].start, names[0].end):
        return False
    key = names[0].key
    return any(key.startswith(a) for a in words.article) and has_ending(key, words.adjective_ending)


def country_nisba(word: NameWord, words: NameWords, countries: Spans) -> bool:
    """Whether ``word`` is a definite country adjective with a nisba ending («اللبنانية»)."""
    return (
        not word.connector
        and any(word.key.startswith(a) for a in words.article)
        and has_ending(word.key, words.adjective_ending)
        and countries.overlaps(word.start, word.end)
    )


def national_name(names: list[NameWord], words: NameWords, countries: Spans) -> bool:
    """Whether ``names`` after a definite ``demonym`` head are definite generic modifiers
    ending in a definite country nisba: «الجامعة اللبنانية», «المكتبة الوطنية الجزائرية»
    name the country's own body (the article makes the phrase definite: «جامعة لبنانية», a
    Lebanese university, only describes)."""
    read = [w for w in names if not w.connector]
    if not read or len(read) > 3 or not country_nisba(read[-1], words, countries):
        return False
    return all(
        (w.generic and any(w.key.startswith(a) for a in words.article))
        or country_nisba(w, words, countries)
        for w in read[:-1]
    )


def _country_pair(
    original: str, names: list[NameWord], key: str, end: int, words: NameWords, countries: Spans
) -> bool:
    """Whether the conjunction ``key`` (ending at ``end``) joins two linked countries inside
    a name after a head («انجمن دوستی ایران و تاجیکستان», a friendship society of both)."""
    if key not in words.stop or key not in words.conjunction or not names:
        return False
    if not countries.overlaps(names[-1].start, names[-1].end):
        return False
    following = next_word(original, end, words)
    if following is None:
        return False
    return countries.overlaps(following[1] - 1, following[1])
