"""The word trie against pyahocorasick: the same hits, in the same order, on every text.

The matcher scans with the trie when Cython compiled it and with the automaton otherwise, so
the two must never disagree: checked on the bundled examples and on name-dense soups with a
news page's noise, under the real registry's keys (names, clitic forms, seeds, marks).
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from peyvand.ingest.files import read_document
from peyvand.registry.registry import Registry
from peyvand.registry.scan import scan_text
from peyvand.registry.trie import WordTrie
from peyvand.text.normalize import normalize
from tests.registry.test_stream import soups

EXAMPLES = Path(__file__).resolve().parents[2] / "src" / "peyvand" / "examples"


@pytest.fixture(scope="module")
def word_trie(registry: Registry) -> WordTrie:
    return WordTrie(registry.matcher.automaton.items())


def test_the_trie_finds_what_the_automaton_finds_in_the_examples(
    registry: Registry, word_trie: WordTrie
) -> None:
    automaton = registry.matcher.automaton
    total = 0
    for path in sorted(EXAMPLES.glob("*.txt")):
        turkic = path.name[:2] in ("az", "tr")
        scan = scan_text(normalize(read_document(path).text, turkic=turkic).text)
        expected = list(automaton.iter(scan))
        assert word_trie.iter(scan) == expected, path.name
        total += len(expected)
    assert total > 400  # names, clitic forms, seeds and marks were all in play


@pytest.mark.parametrize("seed", [3, 4])
def test_the_trie_finds_what_the_automaton_finds_in_name_soups(
    registry: Registry, word_trie: WordTrie, seed: int
) -> None:
    automaton = registry.matcher.automaton
    for text, turkic in soups(registry, 400, seed):
        view = normalize(text, turkic=turkic).text
        scan = scan_text(view)
        expected = list(automaton.iter(scan))
        assert word_trie.iter(scan) == expected, text
        assert word_trie.scan(view) == (scan, expected), text  # the C blanking agrees


def test_the_trie_blanks_what_scan_text_blanks() -> None:
    trie = WordTrie([(" iran", "IRN")])
    # symbols, control characters, a connector, marks and letters beyond the basic plane
    for view in ("©iran", "a\x07iran", "x_iran", "‿iran", "iran\u0301", "𝔄iran 𝟙", "«iran»"):
        assert trie.scan(view)[0] == scan_text(view), view


def test_a_name_of_several_words_is_reported_where_it_ends() -> None:
    # the walk from " iran" passes the start of " azerbaijan": its hit must come later
    trie = WordTrie([(" iran azerbaijan", "pair"), (" azer", "seed"), (" iran", "IRN")])
    assert trie.iter(" iran azerbaijan  ") == [(4, "IRN"), (9, "seed"), (15, "pair")]


def test_keys_end_where_they_end_not_inside_words() -> None:
    trie = WordTrie([(" ab", 1), (" abc", 2), (" b", 3)])
    # pyahocorasick reports a key wherever it occurs: " ab" inside " abd" too
    assert trie.iter(" abd abc b  ") == [(2, 1), (6, 1), (7, 2), (9, 3)]


def test_letters_outside_the_basic_plane_are_walked_too() -> None:
    trie = WordTrie([(" 𝔄x", "gothic"), (" ax", "latin")])
    assert trie.iter(" 𝔄x ax  ") == [(2, "gothic"), (5, "latin")]


def test_a_key_that_does_not_start_a_word_is_refused() -> None:
    with pytest.raises(ValueError, match="starts with a space"):
        WordTrie([("iran", 1)])
    with pytest.raises(ValueError, match="starts with a space"):
        WordTrie([(" ", 1)])


def test_an_empty_trie_finds_nothing() -> None:
    assert WordTrie([]).iter(" anything at all  ") == []


def test_the_matcher_pickles_without_its_scanner_and_rebuilds_it(registry: Registry) -> None:
    matcher = registry.matcher
    norm = normalize("ایران و جمهوری آذربایجان")
    before = matcher.hits(norm)
    restored = pickle.loads(pickle.dumps(matcher))
    assert restored._scanner is None
    assert restored.hits(norm) == before


def test_the_matcher_scans_with_the_trie_only_when_it_is_compiled(registry: Registry) -> None:
    from peyvand.compiled import runs_compiled
    from peyvand.registry import trie

    scanner = registry.matcher.scanner
    assert isinstance(scanner, WordTrie) == runs_compiled(trie)
    assert len(scanner) == len(registry.matcher.automaton)
