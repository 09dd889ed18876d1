# cython: boundscheck=False, wraparound=False
"""The name automaton's hits, found by walking a trie from each word start.

Every key of the name automaton starts with a space and the scan text has a space before
every word (`registry.scan`), so a key can only begin at a space. pyahocorasick still walks
every character through its automaton: about 16 ns a character here, half of the matching
step on Latin text, where a character is a byte. A trie walked from each space touches only
the letters that begin like a name and passes over the rest of a word with one comparison a
character. No failure links are needed, and the hits are those of the automaton, in its
order: by end, the longer key first (`tests/registry/test_trie.py` compares them).

The walk only pays compiled (`setup.py`); interpreted it is slower than pyahocorasick, so the
matcher uses it only when Cython built it (`NameMatcher.scanner`).
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Iterable
from functools import cache
from operator import itemgetter
from typing import Any

_FIRST = itemgetter(0)
_UTF32 = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"  # one code point per int
DIRECT = 0x10000  # a letter below this finds the first node of a key in a table


class WordTrie:
    """Keys that all start with a space, as flat arrays in breadth-first order.

    The children of a node are numbered one after the other, so finding the child for a
    letter reads one short run of ``labels``; what the walk reads of a node (where its
    children start, how many there are, its value or -1) sits side by side in ``links``,
    three ints a node: one memory access a step.
    """

    def __init__(self, items: Iterable[tuple[str, Any]]) -> None:
        pairs = sorted(items, key=_FIRST)
        keys = [key for key, _ in pairs]
        if any(not key.startswith(" ") or len(key) < 2 for key in keys):
            raise ValueError("every key of a word trie starts with a space and a letter")
        self.values = [value for _, value in pairs]
        self.labels, self.links = pack(*build(keys))
        self.first = array("i", [-1]) * DIRECT  # the node of " " + a letter
        links = self.links
        space = links[0] if links[1] else -1  # " ": every key passes through it
        if space >= 0:
            for node in range(links[3 * space], links[3 * space] + links[3 * space + 1]):
                if self.labels[node] < DIRECT:
                    self.first[self.labels[node]] = node
        self.space = space

    def __len__(self) -> int:
        return len(self.values)

    @property
    def nodes(self) -> int:
        return len(self.labels)

    def scan(self, view: str) -> tuple[str, list[tuple[int, Any]]]:
        """The scan text of ``view`` (as `registry.scan.scan_text` makes it) and the hits in it.

        One pass over the code points blanks whatever is no letter or digit, the walk reads
        the same code points, and the scan text is decoded from them: the chained
        replacements of `scan_text` cost more than that here.
        """
        codes = array("I", f" {view}  ".encode(_UTF32))
        blank(codes, word_letters())
        hits = walk(self.first, self.labels, self.links, self.values, self.space, codes)
        return codes.tobytes().decode(_UTF32), hits

    def iter(self, scan: str) -> list[tuple[int, Any]]:
        """``(end, value)`` for every key in ``scan``, as pyahocorasick's ``iter`` gives them."""
        codes = memoryview(scan.encode(_UTF32)).cast("I")  # read as C ints, no str access
        return walk(self.first, self.labels, self.links, self.values, self.space, codes)


@cache
def word_letters() -> bytes:
    """1 for each character of the basic plane that is a letter or digit (`str.isalnum`)."""
    return bytes(chr(code).isalnum() for code in range(DIRECT))


def blank(codes: array[int], letters: bytes) -> None:
    """Every code point that is no letter or digit becomes a space."""
    for i in range(len(codes)):
        code = codes[i]
        if code < 0x10000:  # DIRECT
            if not letters[code]:
                codes[i] = 32
        elif not chr(code).isalnum():
            codes[i] = 32


def build(keys: list[str]) -> tuple[array[int], array[int], array[int], array[int]]:
    """Sorted keys to a trie with first-child and next-sibling links (labels, child,
    sibling, value): each key branches off the path of the key before it."""
    size = 1
    longest = 0
    for key in keys:  # (no generator: Cython compiles no closure in a cpdef function)
        size += len(key)
        longest = max(longest, len(key))
    labels = array("I", [0]) * size
    child = array("i", [-1]) * size
    sibling = array("i", [-1]) * size
    value = array("i", [-1]) * size
    last = array("i", [-1]) * size  # the last child made of each node
    path = array("i", [0]) * (1 + longest)
    count = 1
    previous = ""
    for index in range(len(keys)):
        key = keys[index]
        common = 0
        limit = min(len(previous), len(key))
        while common < limit and previous[common] == key[common]:
            common += 1
        node = path[common]
        for depth in range(common, len(key)):
            new = count
            count += 1
            labels[new] = ord(key[depth])
            if last[node] < 0:
                child[node] = new
            else:
                sibling[last[node]] = new
            last[node] = new
            path[depth + 1] = new
            node = new
        value[node] = index
        previous = key
    return labels[:count], child[:count], sibling[:count], value[:count]


def pack(
    labels: array[int], child: array[int], sibling: array[int], value: array[int]
) -> tuple[array[int], array[int]]:
    """Renumber breadth first, so that the children of a node sit side by side: the labels,
    and per node where its children start, how many there are and its value."""
    size = len(labels)
    order = array("i", [0]) * size  # old node of each new number
    new_labels = array("I", [0]) * size
    links = array("i", [0]) * (3 * size)
    made = 1
    for new in range(size):  # ``order`` grows ahead of this loop
        old = order[new]
        links[3 * new] = made
        links[3 * new + 2] = value[old]
        node = child[old]
        while node >= 0:
            order[made] = node
            new_labels[made] = labels[node]
            made += 1
            node = sibling[node]
        links[3 * new + 1] = made - links[3 * new]
    return new_labels, links


def walk(
    first: array[int],
    labels: array[int],
    links: array[int],
    values: list[Any],
    space: int,
    codes: memoryview | array[int],
) -> list[tuple[int, Any]]:
    """The walk over ``codes``, the code points of the scan text."""
    hits: list[tuple[int, Any]] = []
    size = len(codes)
    top = -1  # the furthest end reported: a name of several words may end past the next one
    disorder = False
    for p in range(size - 1):
        if codes[p] != 32:  # (literals: compiled, a module constant is a Python object)
            continue
        letter = codes[p + 1]
        node = -1
        if letter < 0x10000:  # DIRECT
            node = first[letter]
        elif space >= 0:
            for child in range(links[3 * space], links[3 * space] + links[3 * space + 1]):
                if labels[child] == letter:
                    node = child
                    break
        at = p + 1
        while node >= 0:
            record = 3 * node
            if links[record + 2] >= 0:
                if at < top:
                    disorder = True
                else:
                    top = at
                hits.append((at, values[links[record + 2]]))
            at += 1
            if at >= size:
                break
            letter = codes[at]
            low = links[record]
            high = low + links[record + 1]
            node = -1
            if high - low > 6:  # the letters of the children are sorted: halve the run
                while high - low > 6:
                    middle = (low + high) >> 1
                    if labels[middle] <= letter:
                        low = middle
                    else:
                        high = middle
            for child in range(low, high):
                if labels[child] == letter:
                    node = child
                    break
    if disorder:
        hits.sort(key=_FIRST)  # stable: of two names ending together, the longer stays first
    return hits
