"""Kappa and alpha against small examples worked by hand, plus properties they must keep."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peyvand.review.agreement import (
    cohen_kappa,
    krippendorff_alpha,
    observed_agreement,
    scott_pi,
)

# Ten candidates, two coders (a = accept, r = reject):
#   units 1-6  a a   (agree)
#   unit 7     a r
#   unit 8     r r   (agree)
#   unit 9     r a
#   unit 10    r r   (agree)
FIRST = ["a"] * 6 + ["a", "r", "r", "r"]
SECOND = ["a"] * 6 + ["r", "r", "a", "r"]


def test_observed_agreement_counts_matching_units() -> None:
    # 8 of 10 units match.
    assert observed_agreement(FIRST, SECOND) == pytest.approx(0.8)


def test_cohen_kappa_of_a_hand_worked_table() -> None:
    # Marginals: first a=7 r=3, second a=7 r=3, so p_e = .7*.7 + .3*.3 = .58;
    # kappa = (.8 - .58) / (1 - .58) = .22 / .42 = 11/21.
    assert cohen_kappa(FIRST, SECOND) == pytest.approx(11 / 21)


def test_cohen_kappa_uses_each_coders_own_marginals() -> None:
    # first: a a a a r r (a=4, r=2); second: a a a a a a (a=6).
    # p_o = 4/6; p_e = (4/6)(6/6) + (2/6)(0/6) = 4/6, so kappa = 0: no better than chance.
    assert cohen_kappa(list("aaaarr"), list("aaaaaa")) == pytest.approx(0.0)


def test_kappa_can_be_negative_when_coders_systematically_disagree() -> None:
    # first a a r r, second r r a a: p_o = 0, p_e = .5*.5 + .5*.5 = .5, kappa = -1.
    assert cohen_kappa(list("aarr"), list("rraa")) == pytest.approx(-1.0)


def test_alpha_of_two_coders_on_the_hand_worked_table() -> None:
    # Coincidences: o_ar = o_ra = 2 (units 7 and 9, each pair counted both ways, weight 1);
    # n_a = 14, n_r = 6, n = 20. alpha = 1 - (n-1) * 4 / (2 * 14 * 6) = 1 - 76/168 = 23/42.
    units = list(zip(FIRST, SECOND, strict=True))
    assert krippendorff_alpha(units) == pytest.approx(23 / 42)


def test_alpha_with_three_coders_and_missing_values() -> None:
    # unit 1: a a a  (m=3: six ordered pairs of weight 1/2 -> o_aa = 3)
    # unit 2: a r -  (m=2: o_ar = o_ra = 1)
    # unit 3: r r r  (o_rr = 3)
    # unit 4: a - -  (one value: not pairable, left out)
    # unit 5: e e a  (o_ee = 2 * 1/2 = 1, o_ea = o_ae = 2 * 1/2 = 1)
    # n_a = 3+1+1 = 5, n_r = 1+3 = 4, n_e = 1+1 = 2, n = 11
    # disagreement: o_ar+o_ra+o_ea+o_ae = 4; sum_{c!=k} n_c n_k = 121 - (25+16+4) = 76
    # alpha = 1 - 10 * 4 / 76 = 9/19
    units = [
        ("a", "a", "a"),
        ("a", "r", None),
        ("r", "r", "r"),
        ("a", None, None),
        ("e", "e", "a"),
    ]
    assert krippendorff_alpha(units) == pytest.approx(9 / 19)


def test_undefined_statistics_are_none_not_a_made_up_number() -> None:
    # Everyone accepted everything: chance agreement is already perfect.
    assert cohen_kappa(list("aaa"), list("aaa")) is None
    assert krippendorff_alpha([("a", "a"), ("a", "a")]) is None
    assert cohen_kappa([], []) is None
    assert krippendorff_alpha([("a", None), (None, "r")]) is None


def test_kappa_needs_the_same_units_for_both_coders() -> None:
    with pytest.raises(ValueError, match="same"):
        cohen_kappa(["a", "r"], ["a"])


CATEGORIES = st.sampled_from(["accept", "reject", "edit:1", "edit:2"])
PAIRS = st.lists(st.tuples(CATEGORIES, CATEGORIES), min_size=1, max_size=40)


@given(st.lists(CATEGORIES, min_size=2, max_size=40).filter(lambda v: len(set(v)) > 1))
def test_perfect_agreement_gives_one(values: list[str]) -> None:
    assert cohen_kappa(values, values) == pytest.approx(1.0)
    assert krippendorff_alpha([(v, v, v) for v in values]) == pytest.approx(1.0)


@given(PAIRS)
def test_kappa_is_symmetric_in_the_coders(pairs: list[tuple[str, str]]) -> None:
    first, second = [a for a, _ in pairs], [b for _, b in pairs]
    forward, backward = cohen_kappa(first, second), cohen_kappa(second, first)
    if forward is None:
        assert backward is None
    else:
        assert backward == pytest.approx(forward)


@given(PAIRS)
def test_two_coder_alpha_is_scotts_pi_corrected_for_sample_size(
    pairs: list[tuple[str, str]],
) -> None:
    # With no missing values and n = 2N pairable values, alpha = 1 - (n-1)/n * (1 - pi),
    # so alpha - pi = (1 - pi) / n: close to pi, and closer the more units there are.
    first, second = [a for a, _ in pairs], [b for _, b in pairs]
    pi, alpha = scott_pi(first, second), krippendorff_alpha(pairs)
    if pi is None:
        assert alpha is None
        return
    assert alpha is not None
    n = 2 * len(pairs)
    assert alpha == pytest.approx(1 - (n - 1) / n * (1 - pi))
    assert abs(alpha - pi) <= (1 - pi) / n + 1e-9


@given(PAIRS, st.permutations(range(40)))
def test_alpha_does_not_depend_on_unit_order(
    pairs: list[tuple[str, str]], order: list[int]
) -> None:
    shuffled = [pairs[i] for i in order if i < len(pairs)]
    a, b = krippendorff_alpha(pairs), krippendorff_alpha(shuffled)
    assert (a is None and b is None) or (a is not None and b is not None and math.isclose(a, b))
