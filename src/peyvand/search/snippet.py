"""A short piece of the original text around the first match, with the matches marked.

Matching runs on the normalized view with one regular expression for all the query's words
and phrases (word boundaries as the tokenizer draws them, the last word of a prefix
alternative open-ended); `NormalizedText.to_original` maps each match back, so the snippet
shows the text as written (Arabic yeh, ZWNJ, harakat and all).
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from peyvand.search.model import Alternative
from peyvand.text.normalize import normalize

BEFORE = 80
AFTER = 160
FLAT = str.maketrans("\n\r\t", "   ")
WORD_CHAR = r"[^\W_]"
GAP = r"[\W_]+"


def pattern(needles: Sequence[Alternative]) -> regex.Pattern[str] | None:
    """One expression finding any needle on word boundaries; None without needles."""
    branches = []
    singles = [
        Alternative((word,), needle.prefix and i == len(needle.words) - 1)
        for needle in needles
        if needle.loose
        for i, word in enumerate(needle.words)
    ]
    exact = [needle for needle in needles if not needle.loose]
    for needle in sorted({*exact, *singles}, key=lambda n: -sum(map(len, n.words))):
        body = GAP.join(regex.escape(word) for word in needle.words)
        branches.append(body + (f"{WORD_CHAR}*" if needle.prefix else ""))
    if not branches:
        return None
    return regex.compile(f"(?<!{WORD_CHAR})(?:{'|'.join(branches)})(?!{WORD_CHAR})")


def snippet(text: str, found: regex.Pattern[str] | None) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The snippet and its marks (``[start, end)`` within the snippet)."""
    norm = normalize(text) if found is not None else None
    first_match = found.search(norm.text) if found is not None and norm is not None else None
    if found is None or norm is None or first_match is None:
        return text[: BEFORE + AFTER].translate(FLAT).strip(), ()
    view_end = min(len(norm.text), first_match.start() + BEFORE + AFTER)
    spans = [
        norm.to_original(m.start(), m.end())
        for m in found.finditer(norm.text, first_match.start(), view_end)
    ]
    first = spans[0][0]
    start = max(0, first - BEFORE)
    if start:
        space = text.find(" ", start, first)
        start = space + 1 if space != -1 else start
    end = min(len(text), first + AFTER)
    if end < len(text):
        space = text.rfind(" ", spans[0][1], end)
        end = space if space != -1 else end
    marks = tuple((s - start, e - start) for s, e in spans if s >= start and e <= end)
    prefix = "…" if start else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix)
    return (
        prefix + text[start:end].translate(FLAT) + suffix,
        tuple((s + shift, e + shift) for s, e in marks),
    )
