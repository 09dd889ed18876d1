"""The map between a normalized view and the original text it was made from.

`peyvand.text.normalize` makes the view; every later stage finds spans in it and maps them
back with `NormalizedText.to_original`, so evidence always points into the text as read.
The map stores one breakpoint per edit, not one integer per character.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import overload

__all__ = ["NormalizedText", "OffsetMap"]


class OffsetMap(Sequence[int]):
    """For each index of the view, the index in the original of the character it came from.

    Stored as breakpoints: from view index ``views[k]`` on (until the next breakpoint) the
    view maps to ``srcs[k] + (i - views[k])``. A space that stands for a run of whitespace
    maps to the run's first character; the characters an expansion (ﻻ → «لا») produces
    all map to the one original character. Lookups are ``O(log breakpoints)``.
    """

    __slots__ = ("_length", "_original_length", "_srcs", "_views")

    def __init__(
        self, views: array[int], srcs: array[int], length: int, original_length: int
    ) -> None:
        self._views = views
        self._srcs = srcs
        self._length = length
        self._original_length = original_length

    @property
    def breakpoints(self) -> int:
        return len(self._views)

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[int]: ...
    def __getitem__(self, index: int | slice) -> int | Sequence[int]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(self._length)))
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("view index out of range")
        k = bisect_right(self._views, index) - 1
        return self._srcs[k] + index - self._views[k]

    def __iter__(self) -> Iterator[int]:
        views, srcs, n = self._views, self._srcs, len(self._views)
        for k in range(n):
            stop = views[k + 1] if k + 1 < n else self._length
            delta = srcs[k] - views[k]
            yield from range(views[k] + delta, stop + delta)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, OffsetMap):
            return (
                self._length == other._length
                and self._views == other._views
                and self._srcs == other._srcs
            )
        if isinstance(other, tuple | list):
            return len(other) == self._length and all(
                a == b for a, b in zip(self, other, strict=True)
            )
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self._length, self._views.tobytes(), self._srcs.tobytes()))

    def __repr__(self) -> str:
        pairs = ", ".join(f"{v}→{s}" for v, s in zip(self._views, self._srcs, strict=True))
        return f"OffsetMap(len={self._length}, breakpoints=[{pairs}])"

    def start(self, index: int) -> int:
        """Original index of view ``index``; ``len(view)`` maps to ``len(original)``."""
        if index >= self._length:
            return self._original_length
        k = bisect_right(self._views, index) - 1
        return self._srcs[k] + index - self._views[k]

    def end(self, index: int) -> int:
        """End (exclusive) in the original of the characters behind view ``index``.

        It reaches up to where the next view character's source begins, so dropped
        characters (harakat, kashida, the rest of a space run) after a view character belong
        to it: a span never cuts a letter from its diacritics.
        """
        views, srcs = self._views, self._srcs
        k = bisect_right(views, index) - 1
        source = srcs[k] + index - views[k]
        nxt = index + 1
        while nxt < self._length:
            if k + 1 < len(views) and views[k + 1] == nxt:
                k += 1
            following = srcs[k] + nxt - views[k]
            if following > source:
                return following
            nxt += 1  # an expansion: several view characters share one source character
        return self._original_length

    def view_index(self, original_index: int) -> int:
        """The first view index whose source starts at or after ``original_index``."""
        views, srcs = self._views, self._srcs
        k = bisect_left(srcs, original_index)  # segments are ordered by source too
        if k > 0:
            index = views[k - 1] + original_index - srcs[k - 1]
            if index < (views[k] if k < len(views) else self._length):
                return index
        return views[k] if k < len(views) else self._length


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """The matching view ``text`` of ``original`` and the map between them.

    ``offsets`` is ``None`` when the view has the same length and alignment as the original
    (only one-to-one folds happened), else an :class:`OffsetMap` (a ``Sequence[int]`` giving,
    for each index of ``text``, the index in ``original``).

    The guarantee for any view span ``0 <= s < e <= len(text)``, with
    ``(a, b) = to_original(s, e)``: ``0 <= a < b <= len(original)``, and
    ``text[s:e]`` is a substring of ``normalize(original[a:b]).text`` (the same options);
    it is equal to it unless the span cuts through the expansion of one presentation form.
    """

    original: str
    text: str
    offsets: OffsetMap | None = None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the view span ``[start, end)`` to the original text.

        The end extends over dropped characters (harakat, kashida, bidi marks) that follow
        the last view character, and over the whole whitespace run behind a view space.
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span [{start}, {end}) outside the view (length {len(self.text)})")
        if self.offsets is None:
            return start, end
        if start == end:
            index = self.offsets.start(start)
            return index, index
        return self.offsets.start(start), self.offsets.end(end - 1)

    def original_index(self, index: int) -> int:
        """Original index of view ``index``; ``len(text)`` maps to ``len(original)``."""
        if not 0 <= index <= len(self.text):
            raise ValueError(f"index {index} outside the view (length {len(self.text)})")
        return index if self.offsets is None else self.offsets.start(index)

    def to_view(self, start: int, end: int) -> tuple[int, int]:
        """Map an original span to the view: the view characters whose source starts in it.

        A view character whose source starts before ``start`` (a space run reaching into the
        span, a ligature cut in half) is left out.
        """
        if not 0 <= start <= end <= len(self.original):
            raise ValueError(f"span [{start}, {end}) outside the original")
        if self.offsets is None:
            return start, end
        first = self.offsets.view_index(start)
        last = self.offsets.view_index(end)
        return first, max(first, last)
