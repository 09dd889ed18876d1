"""How text becomes index tokens, on both backends alike.

Both sides of a search read the normalized view (`peyvand.text.normalize`), so ي/ی, ك/ک,
ZWNJ, diacritics and digits are folded before tokenizing; the tokens are then cut here, in
Python, rather than by FTS5 or PostgreSQL's parser, so the two backends agree exactly.
Filter values (actor ids, domains, record types and kinds, languages, years) become tag
tokens that no word of running text looks like.
"""

from __future__ import annotations

import regex

from peyvand.text.normalize import normalize

WORD = regex.compile(r"[^\W_]+")
NOT_TAG = regex.compile(r"[^0-9a-z]")
PREFIX_MIN = 3  # words at least this long also find longer words (suffixes: «کتاب» → «کتابها»)
TAG_PREFIX = {
    "actor": "xa",
    "domain": "xd",
    "type": "xt",
    "kind": "xk",
    "language": "xl",
    "year": "xy",
}


def view(text: str) -> str:
    return normalize(text).text


def tokens(text: str) -> list[str]:
    """The words of a text's normalized view, in order."""
    return [str(w) for w in WORD.findall(view(text))]


def view_tokens(normalized: str) -> list[str]:
    """The words of a text that is already a normalized view."""
    return [str(w) for w in WORD.findall(normalized)]


def tag(category: str, value: str) -> str | None:
    """A filter value as one token (``tag("actor", "AZE") == "xaaze"``); None if empty."""
    cleaned = NOT_TAG.sub("", value.lower())
    return TAG_PREFIX[category] + cleaned if cleaned else None


def is_prefix_word(token: str) -> bool:
    """Whether a query word also matches the words that begin with it."""
    return len(token) >= PREFIX_MIN and not token.isdigit()
