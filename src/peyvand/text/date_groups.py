"""The named groups of a date match, as `peyvand.text.dates` reads them: by number, and with
the lookup key of `peyvand.text.date_grammar.canonical` for words."""

from __future__ import annotations

from typing import Any

from peyvand.text.date_grammar import canonical


class Groups:
    """The named groups of one match; a group the pattern lacks reads as unmatched.

    Groups are read by number from ``groups()``: ``groupdict()`` costs more than a whole
    date conversion in the ``regex`` module.
    """

    __slots__ = ("_index", "_values", "match")

    def __init__(self, match: Any, index: dict[str, int]) -> None:
        self.match = match
        self._index = index
        self._values: tuple[str | None, ...] = match.groups()

    def __getitem__(self, name: str) -> str | None:
        number = self._index.get(name)
        return None if number is None else self._values[number - 1]

    def key(self, name: str) -> str | None:
        value = self[name]
        return None if value is None else canonical(value)

    def number(self, name: str) -> int:
        value = self[name]
        if value is None:
            raise LookupError(name)
        return int(value)

    def start(self, name: str = "") -> int:
        position: int = self.match.start(self._index[name]) if name else self.match.start()
        return position

    def end(self, name: str = "") -> int:
        position: int = self.match.end(self._index[name]) if name else self.match.end()
        return position
