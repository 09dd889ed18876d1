"""Quoted names: where a name written between quotation marks opens and closes.

«Фонд кино «Фараби»», "the «Sahar» channel": a quoted name is one name whatever its words,
so the readers of `name_heads` take it whole, on one line and only if it holds a word.
"""

from __future__ import annotations

import re

OPEN_QUOTES = '«“„"‹'
CLOSE_QUOTES = '»”“"›'
QUOTE_LIMIT = 120  # longest quoted name, in characters
_WORD = re.compile(r"[^\W_]")  # a letter or digit: the start of a word


def closing_quote(original: str, opening: int) -> int | None:
    """End (exclusive) of a quoted name opening at ``opening``, on one line, with a word."""
    limit = min(len(original), opening + QUOTE_LIMIT)
    for index in range(opening + 1, limit):
        char = original[index]
        if char in "\n\r":
            return None
        if char in CLOSE_QUOTES:
            inner = original[opening + 1 : index]
            return index + 1 if _WORD.search(inner) else None
    return None


def opening_quote(original: str, closing: int) -> int | None:
    """Start of a quoted name closing at ``closing``, on one line, with a word."""
    limit = max(-1, closing - QUOTE_LIMIT)
    for index in range(closing - 1, limit, -1):
        char = original[index]
        if char in "\n\r":
            return None
        if char in OPEN_QUOTES:
            inner = original[index + 1 : closing]
            return index if _WORD.search(inner) else None
    return None
