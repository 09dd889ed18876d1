"""A normalized view of a document for matching, with a map back to original offsets.

Later stages match names, triggers, dates and numbers on the normalized *view*; every span
they find is mapped back with :meth:`NormalizedText.to_original`, so evidence always points
into the text as read. The view is for matching only and is never shown to a user.

What the view folds (``docs/normalization.md`` has the full table and the comparison with
hazm):

* Arabic letter forms to Persian: ي ى ئ → ی, ك ڪ → ک, ة ۀ ۃ ە ھ ہ → ه, أ إ ٱ → ا, ؤ → و;
  آ is kept (also when written as ا + U+0653 madda).
* Harakat and other combining diacritics are dropped, after composing what NFC composes
  (Latin ``e`` + U+0301 becomes ``é``, so a decomposed letter matches the precomposed one).
* Kashida, bidi controls, ZWJ, word joiner, soft hyphen and BOM are dropped.
* ZWNJ, U+200B and every kind of whitespace become a space; runs of them become ONE space,
  so «می‌شود», «می شود» and «می ‌ شود» all read «می شود».
* Persian and Arabic-Indic digits become ASCII; ٫ ٬ ، ؛ ؟ ٪ ۔ become . , , ; ? % . and
  «» “” become ``"``; dashes become ``-``.
* Presentation forms (U+FB00–U+FDFF, U+FE70–U+FEFF, U+FF00–U+FFEF) are folded NFKC-style:
  ﻻ becomes «لا» (two view characters that both map to the one original character).
* With ``casefold`` (the default) letters are lowercased with İ → i always and, with
  ``turkic=True`` (Turkish, Azerbaijani), I → ı; final ς reads σ.

Numbers, URLs and Latin tokens keep their characters: «۱۲٫۵» → ``12.5``, «۱,۲۳۴» →
``1,234``, ``COVID-19`` → ``covid-19``. Nothing is inserted between a digit and a letter.

Speed: the one-to-one folds run as chained ``str.replace`` (each guarded by ``in``), which
is several times faster than ``str.translate`` with non-ASCII tables; one ``re`` scan then
finds the few places where the length changes (space runs, dropped marks, presentation
forms). When there are none, ``offsets`` is ``None``; otherwise it is an :class:`OffsetMap`
that stores one breakpoint per edit, not one integer per character.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Collection, Iterable, Sequence
from functools import lru_cache
from itertools import chain, pairwise, product

from peyvand.text.offsets import NormalizedText, OffsetMap

__all__ = [
    "DROPPED",
    "FOLDED_AWAY",
    "MARKS",
    "ZWNJ",
    "NormalizedText",
    "OffsetMap",
    "joined_variants",
    "normalize",
]

ZWNJ = "\u200c"

# --- one-to-one folds ---------------------------------------------------------------------
# Frequent in real text: each is checked with ``in`` and replaced with ``str.replace``.
# fmt: off
_COMMON: tuple[tuple[str, str], ...] = (
    ("ي", "ی"), ("ك", "ک"), ("ى", "ی"), ("ئ", "ی"), ("ة", "ه"), ("ۀ", "ه"),
    ("أ", "ا"), ("إ", "ا"), ("ؤ", "و"),
    *((chr(0x06F0 + i), str(i)) for i in range(10)),  # Persian digits
    *((chr(0x0660 + i), str(i)) for i in range(10)),  # Arabic-Indic digits
    ("٫", "."), ("٬", ","), ("،", ","), ("؛", ";"), ("؟", "?"), ("٪", "%"),
    ("«", '"'), ("»", '"'), ("“", '"'), ("”", '"'), ("’", "'"), ("–", "-"), ("—", "-"),
    (ZWNJ, " "), ("\u200b", " "), ("\u00a0", " "), ("\n", " "), ("\t", " "), ("\r", " "),
)
# Rare: one regex scan finds whether any is present, then one ``str.translate``.
_RARE: dict[str, str] = {
    "ٱ": "ا", "ٲ": "ا", "ٳ": "ا", "ڪ": "ک", "ۃ": "ه", "ۂ": "ه", "ە": "ه", "ھ": "ه", "ہ": "ه",
    "۔": ".", "‘": "'", "‚": "'", "„": '"', "‐": "-", "‑": "-", "‒": "-", "―": "-", "−": "-",
    **dict.fromkeys("\x0b\x0c\x85\u1680\u2028\u2029\u202f\u205f\u3000", " "),
    **{chr(c): " " for c in range(0x2000, 0x200B)},
}
# fmt: on
_RARE_TABLE = str.maketrans(_RARE)
_RARE_RE = re.compile("[" + re.escape("".join(_RARE)) + "]")
# The view contains none of these, which is what makes normalization idempotent.
FOLDED_AWAY: frozenset[str] = frozenset(dict(_COMMON)) | frozenset(_RARE)


def _ranges(chars: Sequence[str]) -> str:
    """A regex character-class body for ``chars`` (escaped, runs written as ranges)."""
    codes = sorted({ord(c) for c in chars})
    parts: list[str] = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        first, last = chr(codes[i]), chr(codes[j])
        parts.append(re.escape(first) if i == j else f"{re.escape(first)}-{re.escape(last)}")
        i = j + 1
    return "".join(parts)


def _span(first: int, last: int) -> list[str]:
    return [chr(c) for c in range(first, last + 1)]


# Combining marks used as diacritics: only these blocks, so Indic vowel signs etc. are kept.
# fmt: off
_MARK_BLOCKS = (
    (0x0300, 0x036F), (0x0483, 0x0489), (0x0591, 0x05C7), (0x0610, 0x061A),
    (0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06ED), (0x08D3, 0x08FF),
    (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F),
)
# fmt: on
MARKS: frozenset[str] = frozenset(
    c
    for first, last in _MARK_BLOCKS
    for c in _span(first, last)
    if unicodedata.category(c) in ("Mn", "Me")
)
# Dropped outright: kashida, ZWJ, bidi marks/embeddings/isolates, word joiner, soft hyphen,
# BOM, variation selectors, invisible operators.
_DROPPED = frozenset(
    "\u0640\u200d\u200e\u200f\u061c\u00ad\u2060\u180e\ufeff"
    + "".join(_span(0x202A, 0x202E) + _span(0x2066, 0x2069) + _span(0x2061, 0x2064))
    + "".join(_span(0xFE00, 0xFE0F))
)


def _presentation_forms() -> dict[str, str]:
    """NFKC of every compatibility character in the presentation-form blocks, cleaned.

    The result has no marks, no dropped characters and no leading, trailing or doubled
    spaces; it is folded one-to-one later (per casefold option) in :func:`_replacements`.
    """
    table: dict[str, str] = {}
    for first, last in ((0xFB00, 0xFDFF), (0xFE70, 0xFEFF), (0xFF00, 0xFFEF)):
        for c in _span(first, last):
            if c in _DROPPED:
                continue
            folded = unicodedata.normalize("NFKC", c)
            if folded == c:
                continue
            folded = "".join(ch for ch in folded if ch not in MARKS and ch not in _DROPPED)
            table[c] = " ".join(folded.split())
    return table


_PRESENTATION = _presentation_forms()
# A presentation form that folds to nothing (an isolated haraka, ﹀-like marks) is dropped.
DROPPED: frozenset[str] = _DROPPED | {c for c, v in _PRESENTATION.items() if not v}
_EXPANDED = {c: v for c, v in _PRESENTATION.items() if v}

# Where the length of the view differs from the original, found in two cheap scans:
# * ``_EDIT_RE``: a dropped character, mark or presentation form, with the run of spaces,
#   dropped characters and marks after it (the scan skips ordinary text in C, at the speed of
#   a character-class search);
# * ``str.find("  ")`` between those matches: runs of plain spaces.
# A single space right before a match joins its run; a lone space never needs an edit.
_RUN = _ranges([" ", *DROPPED, *MARKS])
_EDIT_RE = re.compile(f"[{_ranges([*DROPPED, *MARKS, *_EXPANDED, *_RARE])}][{_RUN}]*")


# --- normalization -------------------------------------------------------------------------
def _fold(text: str, casefold: bool, turkic: bool, rare: bool = True) -> str:
    """The one-to-one folds (length preserving) of the whole text.

    ``rare=False`` leaves the rare characters (``_RARE``) for the caller: :func:`normalize`
    learns whether there are any from its edit scan, which saves a scan of the whole text.
    """
    if casefold:
        if "İ" in text:
            text = text.replace("İ", "i")
        if turkic and "I" in text:
            text = text.replace("I", "ı")
        text = text.lower()  # length preserving once İ is gone (the only expanding letter)
        if "ς" in text:
            text = text.replace("ς", "σ")
    for source, target in _COMMON:
        if source in text:
            text = text.replace(source, target)
    if rare and _RARE_RE.search(text):
        text = text.translate(_RARE_TABLE)
    return text


def _compose(cluster: str, casefold: bool, turkic: bool) -> str:
    """One base letter and the marks after it, as one view character (NFC, marks dropped)."""
    base = cluster[0]
    if base == "ı" and "\u0307" in cluster:  # dotless i + dot above is i
        return "i"
    composed = unicodedata.normalize("NFC", cluster)
    composed = "".join(c for c in composed if c not in MARKS)
    if len(composed) != 1:  # e.g. a composition exclusion that NFC keeps decomposed
        return base
    return _fold(composed, casefold, turkic)


@lru_cache(maxsize=4)
def _replacements(casefold: bool, turkic: bool) -> dict[str, str]:
    return {c: _fold(v, casefold, turkic) for c, v in _EXPANDED.items()}


def normalize(text: str, *, casefold: bool = True, turkic: bool = False) -> NormalizedText:
    """Return the matching view of ``text`` (see the module docstring for what it folds).

    ``casefold`` lowercases (İ → i always); ``turkic`` also makes I → ı (Turkish and
    Azerbaijani) and only matters with ``casefold``.
    """
    folded = _fold(text, casefold, turkic, rare=False)
    matches = _EDIT_RE.finditer(folded)
    first = next(matches, None)
    if first is None and "  " not in folded:
        return NormalizedText(text, folded, None)
    edits = () if first is None else chain((first,), matches)
    result = _edit(text, folded, edits, casefold, turkic)
    if result is None:  # the scan met a rare character: fold those too and start again
        folded = folded.translate(_RARE_TABLE)
        matches = _EDIT_RE.finditer(folded)
        first = next(matches, None)
        if first is None and "  " not in folded:
            return NormalizedText(text, folded, None)
        edits = () if first is None else chain((first,), matches)
        result = _edit(text, folded, edits, casefold, turkic)
        assert result is not None
    return result


_COMPOSED: dict[tuple[bool, bool], dict[str, str]] = {}


def _edit(
    text: str,
    folded: str,
    edits: Iterable[re.Match[str]],
    casefold: bool,
    turkic: bool,
) -> NormalizedText | None:
    """Apply the length-changing edits to ``folded`` and record the offset breakpoints.

    Returns ``None`` at the first rare character (``_RARE``) not yet folded.
    """
    expanded = _replacements(casefold, turkic)
    composed_cache = _COMPOSED.setdefault((casefold, turkic), {})
    find = folded.find
    end_of_text = len(folded)
    pieces: list[str] = []
    views = array("q", [0])
    srcs = array("q", [0])
    delta = 0  # source index minus view index of the current segment
    last = 0  # source characters before ``last`` have been handled
    length = 0  # view characters emitted so far
    space_end = -1  # where the run behind the last view space ends, if that space is last
    double = find("  ")  # the next run of plain spaces (searched again once passed)

    for match in chain(edits, (None,)):
        a, b = (end_of_text, end_of_text) if match is None else match.span()
        # Runs of plain spaces before this match become one space.
        while double != -1 and double < a:
            if double < last:  # inside an edit already handled
                double = find("  ", last)
                continue
            j = double
            k = j + 2
            while k < a and folded[k] == " ":
                k += 1
            pieces.append(folded[last : j + 1])
            length += j + 1 - last
            last = space_end = k
            if k - length != delta:
                delta = k - length
                views.append(length)
                srcs.append(k)
            double = find("  ", last)
        if match is None:
            break

        lead = folded[a]
        space = -1  # the source index of the view space this run becomes, if any
        if lead in expanded:
            pieces.append(folded[last:a])
            length += a - last
            replacement = expanded[lead]
            for view in range(length, length + len(replacement)):
                if a - view != delta:
                    delta = a - view
                    if views[-1] == view:
                        srcs[-1] = a
                    else:
                        views.append(view)
                        srcs.append(a)
            pieces.append(replacement)
            length += len(replacement)
            space = find(" ", a + 1, b)
        elif lead in _RARE:
            return None
        elif a > last and folded[a - 1] == " ":
            # The single space before the match starts the run.
            pieces.append(folded[last : a - 1])
            length += a - 1 - last
            space = a - 1
        elif a == last:
            # Right after another edit: after a space run (whose view space this run joins)
            # or after a presentation form; either way the marks have no base here.
            if space_end != a:
                space = find(" ", a, b)
        elif lead in MARKS:
            # Marks after an unedited base letter: compose them with it (NFC, marks dropped).
            space = find(" ", a, b)
            cluster = folded[a - 1 : b if space == -1 else space]
            composed = composed_cache.get(cluster)
            if composed is None:
                if len(composed_cache) > 4096:
                    composed_cache.clear()
                composed = composed_cache[cluster] = _compose(cluster, casefold, turkic)
            if composed != cluster[0]:
                pieces.append(folded[last : a - 1])
                pieces.append(composed)
            else:
                pieces.append(folded[last:a])
            length += a - last
        else:
            pieces.append(folded[last:a])
            length += a - last
            space = find(" ", a, b)

        if space != -1:  # the run holds a space: it becomes one view space
            pieces.append(" ")
            if space - length != delta:
                delta = space - length
                if views[-1] == length:
                    srcs[-1] = space
                else:
                    views.append(length)
                    srcs.append(space)
            length += 1
            space_end = b
        last = b
        if b - length != delta:
            delta = b - length
            if views[-1] == length:
                srcs[-1] = b
            else:
                views.append(length)
                srcs.append(b)

    pieces.append(folded[last:])
    length += end_of_text - last
    return NormalizedText(text, "".join(pieces), OffsetMap(views, srcs, length, len(text)))


# --- helpers for lexicons ------------------------------------------------------------------
_ZW_SLOTS = re.compile("[\u200c\u200b]+")


def joined_variants(
    phrase: str,
    *,
    prefixes: Collection[str] = (),
    suffixes: Collection[str] = (),
    casefold: bool = True,
    turkic: bool = False,
    limit: int = 16,
) -> list[str]:
    """View forms of a lexicon ``phrase`` with each ZWNJ written as a space or omitted.

    The view already reads «می‌شود» as «می شود»; a text that omits the ZWNJ («میشود») needs
    a second key, which this gives: ``joined_variants("می‌شود") == ["می شود", "میشود"]``.
    A space after one of ``prefixes`` (e.g. «می», «نمی») or before one of ``suffixes``
    (e.g. «ها», «های»), both from the language data, counts as a ZWNJ slot too. With more
    than ``log2(limit)`` slots only the all-spaced and the all-joined forms are returned.
    The first variant is always ``normalize(phrase).text``.
    """
    marked = _ZW_SLOTS.sub("\x00", phrase)
    if prefixes or suffixes:
        words = marked.split(" ")
        rebuilt = words[0]
        for previous, word in pairwise(words):
            left, right = previous.rsplit("\x00", 1)[-1], word.split("\x00", 1)[0]
            rebuilt += ("\x00" if left in prefixes or right in suffixes else " ") + word
        marked = rebuilt
    parts = marked.split("\x00")
    slots = len(parts) - 1
    if 2**slots <= limit:
        choices = list(product((" ", ""), repeat=slots))
    else:
        choices = [(" ",) * slots, ("",) * slots]
    variants: list[str] = []
    for choice in choices:
        joined = parts[0] + "".join(sep + part for sep, part in zip(choice, parts[1:], strict=True))
        view = normalize(joined, casefold=casefold, turkic=turkic).text
        if view not in variants:
            variants.append(view)
    return variants
