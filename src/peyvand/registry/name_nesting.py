"""Names inside names: when a head phrase names an actor, and when it only describes one.

The annotation guidelines (``tests/gold/GUIDELINES.md``) ask for one actor layer in which
spans never overlap and the longest name wins: a country inside an organization's name is no
separate country mention («سرویس دولتی حفاظت از میراث فرهنگی جمهوری آذربایجان», "Turkish
State Opera and Ballet", «Türkiyə Dövlət Teatrlarının»). They also ask that a descriptive
reference to an unnamed organization be annotated only through its country word («شبکه
سراسری آذربایجان», «مرکز فرهنگی ایران», «قناة كويتية خاصة», "Azerbaijan's national
broadcaster"). What tells the two apart:

* **Capitalisation, where the script has it.** A head written with a capital in a cased
  script («Teatrları», "Opera and Ballet", «Merkezi») makes its Capitalised words a proper
  name, whatever they are: "Turkish State Opera and Ballet" is a name even though its words
  are a demonym and a generic modifier. ("Azerbaijan's national broadcaster" has no
  Capitalised head and is never a candidate.)
* **Otherwise, what the words say beyond the head.** In Persian and Arabic (and after a
  lowercase head, «университета Азербайджана») nothing marks a proper name, so the words do:
  a single head word followed only by generic modifiers (``generic`` of ``name_words.tsv``:
  «فرهنگی», «سراسری», «خاصة») and a linked country or its demonym describes "a cultural
  centre of Iran", "a private Kuwaiti channel": it does not say which of the country's
  centres or channels. A word that is neither («رایزنی» in «کتابخانه رایزنی فرهنگی ایران»,
  «حفاظت از میراث» in the heritage service) makes it a name.
* Four exceptions keep a name. A head in construct state with a country noun (Arabic «جامعة
  الكويت», the University of Kuwait; a country adjective has the nisba ending,
  ``adjective_ending`` of ``name_words.tsv``: «قناة كويتية») names the body. A modifier
  that leaves the country one such body (``unique``: «ملی», national) identifies it, as the
  guidelines' "definite, unique organization" does: «کتابخانه ملی آذربایجان». A compound
  head is a title of its own («خانه فرهنگ», "culture house": «خانه فرهنگ ترکیه» names the
  house). And a phrase the writer set in quotes as a whole is a name. Sites are not
  concerned: a described heritage place is still a site (GUIDELINES, Sites).

`around_link` reads a longer name around a registry name that ends with the head («Naxçıvan
Muxtar Respublikasının Mədəniyyət Nazirliyi» holds the registry's «Mədəniyyət Nazirliyi»), and
`nest` then applies the longest-name rule between the two sources of actor mentions: a
registry link inside an unlinked name is dropped (the country in «… جمهوری آذربایجان», the
parent institute in «Yunus Emre Enstitüsü Gence Türk Kültür Merkezi»). Sites are another
layer: a site's name keeps the actors inside it («آرامگاه نظامی گنجوی»).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from peyvand.registry.name_bounds import (
    GAP,
    GAP_END,
    TOKEN,
    NameWord,
    NameWords,
    Spans,
    common_with_case,
    opens_sentence,
    word_key,
    words_before,
)
from peyvand.registry.name_quotes import CLOSE_QUOTES, OPEN_QUOTES

if TYPE_CHECKING:
    from peyvand.registry.linker import Link
    from peyvand.registry.name_data import HeadRule
    from peyvand.registry.unlinked import UnlinkedCandidate

__all__ = ["NESTED_COUNTRIES", "around_link", "describes", "nest"]

# ``Doc.stash`` key: the countries (start, end, id; original offsets) that `nest` left out
# of the actor layer because a name holds them; the institutions layer reads its sponsors
# from them («İran Kültür Merkezi» → IRN).
NESTED_COUNTRIES = "nested_countries"


def describes(
    names: Sequence[NameWord],
    rule: HeadRule,
    words: NameWords,
    original: str,
    span: tuple[int, int, int],
    countries: Spans,
) -> bool:
    """Whether the head phrase ``original[start:end]`` (head at ``hs``; ``span`` is ``(start,
    end, hs)``) only describes an organization of a country rather than naming it."""
    start, end, hs = span
    if rule.type == "site":
        return False  # a described heritage place is still annotated as a site (GUIDELINES)
    if rule.cased and (original[hs].isupper() or (rule.adjectives and original[start].isupper())):
        return False  # capitalisation marks a proper name («Казанского федерального …»)
    if rule.compound:
        return False  # «خانه فرهنگ ترکیه»: the head is a title
    before = original[start - 1] if start > 0 else ""
    after = original[end] if end < len(original) else ""
    if before and after and before in OPEN_QUOTES and after in CLOSE_QUOTES:
        return False  # quoted whole by the writer
    if any(word.key in words.unique for word in names):
        return False  # «کتابخانه ملی آذربایجان»: the country's one national library
    if construct(names, rule, words, countries):
        return False  # «جامعة الكويت»: the University of Kuwait
    country = False
    for word in names:
        if word.connector or word.generic:
            continue
        if not countries.overlaps(word.start, word.end):
            return False  # a word that names something
        country = True
    return country


def construct(
    names: Sequence[NameWord], rule: HeadRule, words: NameWords, countries: Spans
) -> bool:
    """Whether the head stands in construct state with a country noun right after it (Arabic
    «جامعة الكويت», "the University of Kuwait"): a country word without an adjective ending
    (the nisba «ية» of «قناة كويتية», "a Kuwaiti channel") names the body."""
    if rule.cased or not words.adjective_ending or not names:
        return False
    first = names[0]
    if first.connector or not countries.overlaps(first.start, first.end):
        return False
    return not any(
        len(first.key) > len(e) + 1 and first.key.endswith(e) for e in words.adjective_ending
    )


def around_link(
    original: str,
    he: int,
    rule: HeadRule,
    words: NameWords,
    head_starts: set[int],
    linked: Spans,
    countries: Spans | None = None,
) -> int | None:
    """Where a name begins whose head ends a linked name, read on before it: «Naxçıvan Muxtar
    Respublikasının Mədəniyyət Nazirliyi» holds «Mədəniyyət Nazirliyi», the republic's
    ministry, but is another body. Only in cased scripts, only Capitalised words that are no
    link themselves: a country before the link («Rusiya Mədəniyyət Nazirliyi») is the
    registry's to name. A sentence's first word is no part of it when it is alone or a common
    word: «Layihə Mədəniyyət Nazirliyi ilə …» names the registry's ministry."""
    holder = linked.holder(he - 1, he)
    if holder is None or rule.before or not rule.cased:
        return None
    if holder[1] < he or GAP.search(original, he, holder[1]):
        return None  # the head is inside the registry's name, not at its end
    if not generic_link(original, holder[0], he, words):
        return None  # «İraq Xəbər Agentliyi» names one body: the words before are no part
    owner = foreign_owner(original, holder[0], countries)
    if owner is not None:
        return owner  # «İtaliya Mədəniyyət Nazirliyi»: Italy's ministry, not the registry's
    names = words_before(original, holder[0], rule, words, head_starts)
    if names and opens_sentence(original, names[0].start):
        first = names[0].key
        if len(names) == 1 or first in words.lexicon or common_with_case(first, original, words):
            names = names[1:]  # «Layihə …», «Premyerada …»: the sentence's word
    if not names or any(linked.overlaps(w.start, w.end) for w in names):
        return None
    if all(w.generic or w.connector for w in names):
        return None
    return names[0].start


def foreign_owner(original: str, link: int, countries: Spans | None) -> int | None:
    """Where a linked country starts that stands right before the linked name at ``link``,
    with only a space between: «İtaliya Mədəniyyət Nazirliyi». The registry lists its
    actors' own long forms whole («Azərbaycan Mədəniyyət Nazirliyi» is one link), so a
    country that stays a separate link before a bare generic alias («Mədəniyyət Nazirliyi»)
    owns another body of that kind, one the registry does not know."""
    if countries is None:
        return None
    gap = GAP_END.search(original, max(0, link - 8), link)
    if gap is None or gap.start() == 0:
        return None
    owner = countries.holder(gap.start() - 1, gap.start())
    if owner is None or (owner[1] != gap.start() and not original[owner[1]].isalpha()):
        return None
    return owner[0] if GAP.fullmatch(original, gap.start(), link) else None


def generic_link(original: str, start: int, he: int, words: NameWords) -> bool:
    """Whether the linked name ``original[start:he]`` is its head with only generic words
    before it («Mədəniyyət Nazirliyi»): a bare alias any country's body could bear, not a
    name of one body («Akademik Milli Dram Teatrı»)."""
    tokens = [word_key(m.group(), words.turkic) for m in TOKEN.finditer(original, start, he)]
    return len(tokens) > 1 and all(
        key in words.generic or key in words.connector for key in tokens[:-1]
    )


def nest(
    links: Sequence[Link], candidates: Sequence[UnlinkedCandidate]
) -> tuple[list[Link], list[Link]]:
    """The ``links`` that no unlinked actor name contains, and those that one does (sites,
    another layer, are always kept)."""
    names = Spans([(c.start, c.end) for c in candidates if c.type != "site"])
    kept: list[Link] = []
    nested: list[Link] = []
    for link in links:
        inside = link.actor.type != "site" and names.contains(link.start, link.end)
        (nested if inside else kept).append(link)
    return kept, nested
