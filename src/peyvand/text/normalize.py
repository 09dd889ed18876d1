"""A normalized view of a document for matching, with a map back to original offsets.

Later stages match names and triggers on the normalized view; every span they find is mapped
back with :meth:`NormalizedText.to_original`, so evidence always points into the text as read.
The view folds: Arabic letter forms to Persian, diacritics and kashida away, every kind of
digit to ASCII, zero-width joiners/non-joiners and whitespace runs to one space, presentation
forms to their base letters, and (optionally) case, with Turkish/Azerbaijani dotted İ done right.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

# One-to-one character folds: the length of the text does not change.
_ONE_TO_ONE: dict[str, str] = {
    "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "ە": "ه", "ھ": "ه",
    "أ": "ا", "إ": "ا", "ٱ": "ا", "ؤ": "و",
    "٫": ".", "٬": ",", "،": ",", "؛": ";", "؟": "?", "٪": "%", "«": '"', "»": '"',
    "\u00a0": " ", "\t": " ", "\u2009": " ", "\u202f": " ", "\u2002": " ", "\u2003": " ",
    "\u200c": " ",  # ZWNJ: «می‌شود» and «می شود» read alike; «میشود» is handled by lexicons
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "_": "_",
}
for _zero, _digits in ((0x06F0, "fa"), (0x0660, "ar")):
    for _i in range(10):
        _ONE_TO_ONE[chr(_zero + _i)] = str(_i)
_TABLE = str.maketrans(_ONE_TO_ONE)

# Characters removed for matching: harakat, superscript alef, hamza marks, kashida, bidi marks.
_DROP = (
    "\u064b-\u065f\u0670\u0640\u200b\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad"
)
_DROP_RE = regex.compile(f"[{_DROP}]+")
_SPACE_RUN_RE = regex.compile(r"\s{2,}|[\r\n\f\v]")
_COMPAT_RE = regex.compile("[\ufb50-\ufdff\ufe70-\ufeff\uff00-\uffef]")


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """The normalized ``text`` and, for each of its indices, the index in ``original``.

    ``offsets`` is ``None`` when the two texts have the same length and alignment.
    """

    original: str
    text: str
    offsets: tuple[int, ...] | None = None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalized span ``[start, end)`` to the original text."""
        if self.offsets is None:
            return start, end
        if end <= start:
            pos = self.offsets[start] if start < len(self.offsets) else len(self.original)
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1

    def original_index(self, index: int) -> int:
        if self.offsets is None:
            return index
        return self.offsets[index] if index < len(self.offsets) else len(self.original)


def _rebuild(pieces: list[tuple[str, int]], original: str) -> tuple[str, tuple[int, ...]]:
    text = "".join(piece for piece, _ in pieces)
    offsets: list[int] = []
    for piece, source in pieces:
        offsets.extend([source] * len(piece))
    return text, tuple(offsets)


def normalize(text: str, *, casefold: bool = True, turkic: bool = False) -> NormalizedText:
    """Return the matching view of ``text``.

    ``turkic`` lowercases I to ı (Turkish and Azerbaijani); İ always becomes i.
    """
    folded = text.translate(_TABLE)
    offsets: list[int] | None = None

    if _COMPAT_RE.search(folded):
        pieces = []
        for index, char in enumerate(folded):
            if "\ufb50" <= char <= "\ufdff" or "\ufe70" <= char <= "\uffef":
                pieces.append((unicodedata.normalize("NFKC", char).translate(_TABLE), index))
            else:
                pieces.append((char, index))
        folded, mapped = _rebuild(pieces, text)
        offsets = list(mapped)

    if casefold:
        if "İ" in folded:
            folded = folded.replace("İ", "i")
        if turkic and "I" in folded:
            folded = folded.replace("I", "ı")
        lowered = folded.lower()
        if len(lowered) == len(folded):
            folded = lowered
        else:  # a rare letter whose lowercase is longer: keep alignment per character
            folded = "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)

    for pattern, replacement in ((_DROP_RE, ""), (_SPACE_RUN_RE, " ")):
        if not pattern.search(folded):
            continue
        if offsets is None:
            offsets = list(range(len(folded)))
        out: list[str] = []
        new_offsets: list[int] = []
        last = 0
        for match in pattern.finditer(folded):
            out.append(folded[last : match.start()])
            new_offsets.extend(offsets[last : match.start()])
            if replacement:
                out.append(replacement)
                new_offsets.append(offsets[match.start()])
            last = match.end()
        out.append(folded[last:])
        new_offsets.extend(offsets[last:])
        folded = "".join(out)
        offsets = new_offsets

    return NormalizedText(text, folded, tuple(offsets) if offsets is not None else None)
