"""The text the name automaton scans, and the way back from the view to the original.

Every key of the automaton starts with a space (``" ایران"``, ``" azərbaycan"``), so a name
can only be found at the start of a word, and inside a word the automaton stays at its root
instead of walking the prefixes of 50,000 names: that is what makes the scan fast. For that,
every character that is not a letter or a digit (what ``str.isalnum`` accepts) must read as
a space. The view holds almost nothing but letters, digits, spaces and ASCII punctuation
(`peyvand.text.normalize` folds «», ، ؛ ٪ “” – — to ASCII and drops marks), so the ASCII
punctuation is replaced with chained ``str.replace``; a view that still holds another symbol
(an emoji, «©») is mapped with one regex instead. Replacing one character by one keeps every
index: view index ``i`` is scan index ``i + 1`` (the scan text starts with a space; it also
ends with one, so ``scan[i + 1]`` exists for ``i == len(view)``).
"""

from __future__ import annotations

import re
import string
from bisect import bisect_right
from collections.abc import Sequence

from peyvand.text.normalize import NormalizedText

# ASCII punctuation plus the few non-ASCII symbols news text puts right before a word
SEPARATORS = string.punctuation + "…•·"
_NOT_WORD = re.compile(r"[^\w ]|_")


def scan_text(view: str) -> str:
    """``" " + view + " "`` with every character that is not a letter or digit a space."""
    text = view
    for char in SEPARATORS:
        if char in text:
            text = text.replace(char, " ")
    # is anything but letters, digits and spaces left? ("_" passes only where a space was;
    # identifier characters are letters, digits and joining marks, which the view has not)
    if not text.isascii() and not ("_" + text.replace(" ", "_")).isidentifier():
        text = _NOT_WORD.sub(" ", text)  # a rarer symbol: map everything that is not a word
    return f" {text} "


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


def original_starts(norm: NormalizedText, indices: Sequence[int]) -> list[int]:
    """``norm.original_index(i)`` for ascending view indices, in one walk."""
    offsets = norm.offsets
    if offsets is None:
        return list(indices)
    table = _breakpoints(offsets)
    if table is None:
        return [offsets.start(i) for i in indices]
    views, srcs = table
    size = len(norm.text)
    found: list[int] = []
    append = found.append
    k = 0
    base, source = views[0], srcs[0]
    following = views[1] if len(views) > 1 else size
    for index in indices:
        if index >= following:
            if index >= size:
                append(len(norm.original))
                continue
            k = bisect_right(views, index, k) - 1
            base, source = views[k], srcs[k]
            following = views[k + 1] if k + 1 < len(views) else size
        append(source + index - base)
    return found


def original_ends(norm: NormalizedText, indices: Sequence[int]) -> list[int]:
    """``norm.to_original(s, e)[1]`` for ascending view ends ``e``, in one walk.

    The end is where the original of the view character at ``e`` starts (the dropped
    characters after ``e - 1`` belong to it), unless that character shares its source with
    the one before (an expansion such as ﻻ → «لا»): then the offset map decides.
    """
    offsets = norm.offsets
    if offsets is None:
        return list(indices)
    table = _breakpoints(offsets)
    if table is None:
        return [offsets.end(i - 1) for i in indices]
    views, srcs = table
    size = len(norm.text)
    found: list[int] = []
    append = found.append
    k = 0
    base, source = views[0], srcs[0]
    following = views[1] if len(views) > 1 else size
    for index in indices:
        if index >= following:
            if index >= size:
                append(len(norm.original))
                continue
            k = bisect_right(views, index, k) - 1
            base, source = views[k], srcs[k]
            following = views[k + 1] if k + 1 < len(views) else size
            if base == index and source <= srcs[k - 1] + index - 1 - views[k - 1]:
                append(offsets.end(index - 1))  # an expansion, cut in the middle
                continue
        append(source + index - base)
    return found


def _breakpoints(offsets: object) -> tuple[Sequence[int], Sequence[int]] | None:
    """The offset map's breakpoints (view index, source index), if it exposes them."""
    views = getattr(offsets, "_views", None)
    srcs = getattr(offsets, "_srcs", None)
    if views is None or srcs is None or not len(views) or views[0] != 0:
        return None
    return views, srcs
