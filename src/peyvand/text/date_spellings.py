"""Spellings from the date data as regex atoms, and what they can start or be followed by.

Used by :mod:`.date_grammar`. A data entry (normalized) becomes one atom per character:
inner spaces and hyphens are optional, آ/ا and ı/i are interchangeable (``atoms``). The
entries of one kind become one alternation whose leading atoms are factored out where the
first match cannot change (``alternation``). ``first``, ``atom_sets`` and ``Spellings`` tell
which characters can begin an entry or follow a starter word, so that patterns are only
tried where they can match. Roman numerals (centuries) are read here too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping

import regex  # type: ignore[import-untyped, unused-ignore]

_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "х": 10}


def roman_value(text: str) -> int | None:
    """The value of a well-formed Roman numeral (lowercase), else ``None``."""
    values = [_ROMAN_VALUES[c] for c in text]
    total = 0
    for index, value in enumerate(values):
        following = values[index + 1] if index + 1 < len(values) else 0
        total += -value if value < following else value
    canonical_form = to_roman(total) if 0 < total < 40 else ""
    return total if canonical_form == text.replace("х", "x") else None


def to_roman(number: int) -> str:
    out = "x" * (number // 10)
    ones = number % 10
    return out + ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"][ones]


_OPTIONAL = frozenset({" ?", "[- ]?", "-?"})  # atoms that may match nothing


def atoms(entry: str) -> list[str]:
    """Regex atoms for one normalized entry: inner spaces optional, hyphens optional, آ ≈ ا."""
    out: list[str] = []
    for index, char in enumerate(entry):
        if char == " ":
            out.append(" ?")
        elif char == "-":
            out.append("[- ]?" if index else "-?")
        elif char == ".":
            out.extend([r"\.", " ?"] if index + 1 < len(entry) else [r"\."])
        elif char in "آا":
            out.append("[آا]")
        elif char in "ıi":
            out.append("[ıi]")
        elif char in "'’":
            out.append("['’]")
        else:
            out.append(regex.escape(char))
    return out


def branches(alternatives: list[list[str]]) -> str:
    """The alternatives (atom lists) joined with ``|`` in the order given, with their leading
    atoms factored out where that cannot change which alternative matches first.

    A flat alternation of a hundred words is tried word by word at every anchor. Alternatives
    are grouped by their first atom only when every first atom is one fixed character (or
    class) and the only empty alternative is the last: then at most one group can match at a
    position, and within it the order is kept, so the first match is the flat one.
    """
    ends = not alternatives[-1]
    rest = alternatives[:-1] if ends else alternatives
    if not rest or any(not atoms or atoms[0] in _OPTIONAL for atoms in rest):
        return "|".join("".join(atoms) for atoms in alternatives)
    groups: dict[str, list[list[str]]] = {}
    for atoms in rest:
        groups.setdefault(atoms[0], []).append(atoms[1:])
    parts = [
        first + ("".join(tails[0]) if len(tails) == 1 else f"(?:{branches(tails)})")
        for first, tails in groups.items()
    ]
    return "|".join([*parts, ""] if ends else parts)


CLASSES = {"آ": "آا", "ا": "آا", "ı": "ıi", "i": "ıi", "'": "'’", "’": "'’"}  # as ``atoms``


def first(entry: str, at: int = 0) -> frozenset[str] | None:
    """The characters the pattern of ``entry[at:]`` (as ``_atoms`` writes it) can start
    with; None if it can match nothing."""
    chars: set[str] = set()
    for index in range(at, len(entry)):
        char = entry[index]
        if char in " -":  # optional atoms: " ?", "-?" and "[- ]?"
            chars |= {"-", " "} if index else {char}
            continue
        chars |= set(CLASSES.get(char, char))
        return frozenset(chars)
    return None


def atom_sets(entry: str) -> list[tuple[str, bool]]:
    """``_atoms`` as (characters an atom matches, whether it may match nothing)."""
    out: list[tuple[str, bool]] = []
    for index, char in enumerate(entry):
        if char in " -":
            out.append(("- " if char == "-" and index else char, True))
        elif char == ".":
            out.extend([(".", False), (" ", True)] if index + 1 < len(entry) else [(".", False)])
        else:
            out.append((CLASSES.get(char, char), False))
    return out


_Spelling = tuple[str, str, list[tuple[str, bool]]]  # kind, entry, its atom sets


class Spellings:
    """Which letters can follow a starter word in a match of a pattern it starts.

    Every spelling of the starting kinds is run, as its atoms, over the starter: a letter
    may follow if some spelling can go on with it there, or ends there and its kind's tail
    allows it. A spelling that could end inside the starter leaves the answer open (None).
    """

    def __init__(
        self,
        spellings: Mapping[str, list[str]],
        starts: Mapping[str, tuple[str, ...]],
        tail: Callable[[str, str], frozenset[str] | None],
    ) -> None:
        """``spellings`` by kind, the pattern names each kind ``starts``, and the letters
        that can follow a whole entry of a kind (``tail``)."""
        self._tail = tail
        self._by_first: dict[str, list[_Spelling]] = defaultdict(list)
        self._anywhere: dict[str, list[_Spelling]] = defaultdict(list)
        for kind, names in starts.items():
            for entry in spellings.get(kind, ()):
                atoms = atom_sets(entry)
                for name in names:
                    if not atoms or atoms[0][1]:
                        self._anywhere[name].append((kind, entry, atoms))
                    else:
                        for char in atoms[0][0]:
                            self._by_first[char + name].append((kind, entry, atoms))

    def letters_after(self, word: str, name: str) -> frozenset[str] | None:
        """The letters that can follow ``word`` where it starts pattern ``name``."""
        letters: set[str] = set()
        for kind, entry, atoms in self._by_first[word[0] + name] + self._anywhere[name]:
            states = closure({0}, atoms)
            for char in word:
                if len(atoms) in states:
                    return None  # the spelling may end inside the word
                states = closure(
                    {i + 1 for i in states if i < len(atoms) and char in atoms[i][0]}, atoms
                )
            for i in states:
                if i == len(atoms):
                    tail = self._tail(kind, entry)
                    if tail is None:
                        return None
                    letters |= tail
                else:
                    letters.update(c for c in atoms[i][0] if c.isalpha())
        return frozenset(letters)


def closure(states: set[int], atoms: list[tuple[str, bool]]) -> set[int]:
    """The atom positions reachable from ``states`` by skipping atoms that may match nothing."""
    todo, out = list(states), set(states)
    while todo:
        i = todo.pop()
        if i < len(atoms) and atoms[i][1] and i + 1 not in out:
            out.add(i + 1)
            todo.append(i + 1)
    return out


def alternation(entries: Iterable[str]) -> str:
    unique = sorted(set(entries), key=lambda e: (-len(e), e))
    if not unique:
        return "(?!)"
    return "(?:" + branches([atoms(e) for e in unique]) + ")"


def variants(word: str) -> Iterator[str]:
    """Spellings of a starter that the view may hold: آ or ا, ı or i, Latin or Cyrillic x."""
    swaps = {"آ": "ا", "ا": "آ", "ı": "i", "x": "х"}
    options = [(c, swaps[c]) if c in swaps else (c,) for c in word]
    forms = [""]
    for choice in options:
        forms = [f + c for f in forms for c in choice][:64]
    yield from forms
