"""The text the name automaton scans, and a fast way back from the view to the original.

Every key of the automaton starts with a space (``" ایران"``, ``" azərbaycan"``), so a name
can only be found at the start of a word, and inside a word the automaton stays at its root
instead of walking the prefixes of 50,000 names: that is what makes the scan fast. For that,
every character that is not a letter or a digit (what ``str.isalnum`` accepts) must read as
a space. The view holds almost nothing but letters, digits, spaces and ASCII punctuation
(`peyvand.text.normalize` folds «», ، ؛ ٪ “” – — to ASCII and drops marks), so the ASCII
punctuation is replaced with chained ``str.replace``; a view that still holds another symbol
(an emoji, «©») is mapped with one regex instead. Replacing one character by one keeps every
index: view index ``i`` is scan index ``i + 1`` (the scan text starts with a space; it
ends with two, so ``scan[i + 2]`` exists for ``i == len(view)``).
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence

# ASCII punctuation plus the few non-ASCII symbols news text puts right before a word
SEPARATORS = string.punctuation + "…•·"
_NOT_WORD = re.compile(r"[^\w ]|_")


def scan_text(view: str) -> str:
    """``" " + view + "  "`` with every character that is not a letter or digit a space."""
    text = view
    for char in SEPARATORS:
        if char in text:
            text = text.replace(char, " ")
    # is anything but letters, digits and spaces left? (control characters and symbols;
    # the same rule as `WordTrie.scan`, which blanks code points in C)
    rest = text.replace(" ", "")
    if rest and not rest.isalnum():
        text = _NOT_WORD.sub(" ", text)  # a rarer symbol: map everything that is not a word
    return f" {text}  "


def scan_key(key: str) -> str:
    """A normalized name as the scan text reads it (``"u.s."`` → ``"u s "``)."""
    return _NOT_WORD.sub(" ", key)


def word_end(view: str, position: int) -> int:
    while position < len(view) and view[position].isalnum():
        position += 1
    return position


def suffix_end(view: str, end: int, suffixes: frozenset[str]) -> int | None:
    """Where the word ends if a match may end at ``end``; None if it may not.

    A suffix runs to the end of the word, so the rest of the word must be one of the
    name's suffixes. It may also be detached: after an apostrophe ("İran'ın", "Iran's") or
    after the space a ZWNJ became («ایرانی‌ها»); the evidence then covers the whole word.
    """
    if end >= len(view):
        return end
    char = view[end]
    if char.isalnum():
        stop = word_end(view, end)
        return stop if view[end:stop] in suffixes else None
    if char in " '" and suffixes:
        stop = word_end(view, end + 1)
        if stop > end + 1 and view[end:stop] in suffixes:
            return stop
    return end


def breakpoints(offsets: object) -> tuple[Sequence[int], Sequence[int]] | None:
    """The offset map's breakpoints (view index, source index), if it exposes them.

    `NormalizedText.to_original` costs two bisections and two method calls per span; the
    matcher maps thousands of ascending spans per document, which one walk over the
    breakpoints does for a fraction of that. Without them it falls back to the public API.
    """
    views = getattr(offsets, "_views", None)
    srcs = getattr(offsets, "_srcs", None)
    if views is None or srcs is None or not len(views) or views[0] != 0:
        return None
    return views, srcs
