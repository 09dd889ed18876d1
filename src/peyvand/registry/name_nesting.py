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
* Three exceptions keep a name. A modifier that leaves the country one such body (``unique``:
  «ملی», national) identifies it, as the guidelines' "definite, unique organization" does:
  «کتابخانه ملی آذربایجان». A compound head is a title of its own («خانه فرهنگ», "culture
  house": «خانه فرهنگ ترکیه» names the house). And a phrase the writer set in quotes as a
  whole is a name. Sites are not concerned: a described heritage place is still a site
  (GUIDELINES, Sites).

`nest` then applies the longest-name rule between the two sources of actor mentions: a
registry link inside an unlinked name is dropped (the country in «… جمهوری آذربایجان», the
parent institute in «Yunus Emre Enstitüsü Gence Türk Kültür Merkezi»). Sites are another
layer: a site's name keeps the actors inside it («آرامگاه نظامی گنجوی»).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from peyvand.registry.name_bounds import CLOSE_QUOTES, OPEN_QUOTES, NameWord, NameWords, Spans

if TYPE_CHECKING:
    from peyvand.registry.linker import Link
    from peyvand.registry.name_data import HeadRule
    from peyvand.registry.unlinked import UnlinkedCandidate

__all__ = ["NESTED_COUNTRIES", "describes", "nest"]

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
    if rule.cased and original[hs].isupper():
        return False  # capitalisation marks a proper name
    if rule.compound:
        return False  # «خانه فرهنگ ترکیه»: the head is a title
    before = original[start - 1] if start > 0 else ""
    after = original[end] if end < len(original) else ""
    if before and after and before in OPEN_QUOTES and after in CLOSE_QUOTES:
        return False  # quoted whole by the writer
    if any(word.key in words.unique for word in names):
        return False  # «کتابخانه ملی آذربایجان»: the country's one national library
    country = False
    for word in names:
        if word.connector or word.generic:
            continue
        if not countries.overlaps(word.start, word.end):
            return False  # a word that names something
        country = True
    return country


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
