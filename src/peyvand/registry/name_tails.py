"""What a name of adjectives and a head carries after its head, in Russian and alike.

An ``adjectives`` head («театр», «академии») ends the Capitalised adjectives before it
(«Государственный академический русский драматический театр»), yet the name often runs on
after the head (GUIDELINES: the span covers the full name, the longest name wins):

* a country in the genitive right after the head: «… драматический театр Узбекистана»
  (the country belongs to the name and is no mention of its own);
* an eponym: a few lowercase complements, the ``eponym`` word («имени») and the Capitalised
  words of the person honoured: «Большой театр имени Алишера Навои», «Казахской национальной
  академии искусств имени Жургенова»;
* for a head with the ``place`` flag (a house or centre named after its country), a
  ``place`` preposition and one Capitalised word, the city: «Русский дом в Ташкенте».

Nothing else is read on: lowercase words after the head are kept only when an eponym
closes them, and a country only when it follows the head directly and has a ``genitive``
ending («театр представит Узбекистан …» stays two things).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from peyvand.registry.name_bounds import GAP, TOKEN, NameWords, Spans, ends_name, word_key
from peyvand.registry.name_persons import has_ending

if TYPE_CHECKING:
    from peyvand.registry.name_data import HeadRule

__all__ = ["tail_end"]

COMPLEMENTS = 2  # lowercase words between the head and the eponym («искусств»)
EPONYM_WORDS = 3  # Capitalised words of the person honoured (an initial counts as one)


def _word(original: str, pos: int) -> tuple[str, int, int] | None:
    """The word after the spaces at ``pos``: (token, start, end), on the same line."""
    gap = GAP.match(original, pos)
    if gap is None:
        return None
    match = TOKEN.match(original, gap.end())
    if match is None:
        return None
    return match.group(), match.start(), match.end()


def _capitalised(token: str) -> bool:
    return token[0].isupper() and not (len(token) > 1 and token.isupper())


def _eponym(original: str, pos: int, words: NameWords, heads: set[int]) -> int | None:
    """The end of the Capitalised words of a person after the ``eponym`` word."""
    end = None
    for _ in range(EPONYM_WORDS):
        found = _word(original, pos)
        if found is None or found[1] in heads or not _capitalised(found[0]):
            break
        if len(found[0]) == 1 and original.startswith(".", found[2]):
            pos = found[2] + 1  # an initial («имени А. С. Пушкина»): the surname must follow
            continue
        if ends_name(word_key(found[0], words.turkic), words):
            break
        end = pos = found[2]
    return end


def tail_end(
    original: str,
    he: int,
    rule: HeadRule,
    words: NameWords,
    heads: set[int],
    countries: Spans,
) -> int:
    """Where the name whose ``adjectives`` head ends at ``he`` ends: ``he`` or further."""
    first = _word(original, he)
    if first is None:
        return he
    token, start, end = first
    key = word_key(token, words.turkic)
    if (
        _capitalised(token)
        and countries.holder(start, end) == (start, end)
        and has_ending(key, words.genitive)
    ):
        return end  # «… театр Узбекистана»
    if rule.place and key in words.place:
        city = _word(original, end)
        if (
            city is not None
            and _capitalised(city[0])
            and city[1] not in heads
            and not ends_name(word_key(city[0], words.turkic), words)
        ):
            return city[2]  # «Русский дом в Ташкенте»
        return he
    pos = he
    for _ in range(COMPLEMENTS + 1):
        found = _word(original, pos)
        if found is None or found[1] in heads:
            return he
        token, start, end = found
        key = word_key(token, words.turkic)
        if key in words.eponym:
            if original.startswith(".", end):
                end += 1  # «им. Пушкина»: the abbreviation's full stop
            return _eponym(original, end, words, heads) or he
        if token[0].isupper() or ends_name(key, words) or has_ending(key, words.verb_ending):
            return he
        pos = end
    return he
