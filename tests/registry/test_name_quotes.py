"""Where a quoted name opens and closes: on one line, with a word inside."""

from __future__ import annotations

from peyvand.registry.name_quotes import QUOTE_LIMIT, closing_quote, opening_quote


def test_a_quoted_name_closes_on_its_line() -> None:
    text = "the channel «Sahar 2» airs"
    opening = text.index("«")
    closing = closing_quote(text, opening)
    assert closing is not None and text[opening:closing] == "«Sahar 2»"
    assert opening_quote(text, closing - 1) == opening


def test_no_name_across_a_line_break_or_without_a_word() -> None:
    assert closing_quote("«Sahar\n2»", 0) is None
    assert closing_quote("« … »", 0) is None
    assert opening_quote("«_»", 2) is None


def test_a_quote_left_open_is_no_name() -> None:
    text = "«" + "word " * (QUOTE_LIMIT // 5 + 2) + "»"
    assert closing_quote(text, 0) is None
