"""Inter-coder agreement: Cohen's kappa and Krippendorff's alpha (nominal), exact and small.

Double coding only tells reviewers something when chance agreement is taken out: two coders
who accept 95% of candidates agree most of the time by chance alone. Both functions return
None when the statistic is undefined (no pairable values, or every value is the same
category, so chance agreement is already perfect) instead of inventing a number.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Sequence


def observed_agreement(first: Sequence[Hashable], second: Sequence[Hashable]) -> float | None:
    """The share of units on which the two coders chose the same category."""
    _check_pairs(first, second)
    if not first:
        return None
    return sum(a == b for a, b in zip(first, second, strict=True)) / len(first)


def cohen_kappa(first: Sequence[Hashable], second: Sequence[Hashable]) -> float | None:
    """Cohen's kappa of two coders who coded the same units (``first[i]`` vs ``second[i]``).

    kappa = (p_o - p_e) / (1 - p_e), with p_e = sum over categories of the product of the
    two coders' own marginal shares.
    """
    p_o = observed_agreement(first, second)
    if p_o is None:
        return None
    n = len(first)
    left, right = Counter(first), Counter(second)
    p_e = sum(left[c] * right[c] for c in left) / (n * n)
    if p_e >= 1.0:
        return None
    return (p_o - p_e) / (1.0 - p_e)


def scott_pi(first: Sequence[Hashable], second: Sequence[Hashable]) -> float | None:
    """Scott's pi: like kappa, but chance comes from the pooled marginals of both coders."""
    p_o = observed_agreement(first, second)
    if p_o is None:
        return None
    pooled = Counter(first) + Counter(second)
    total = 2 * len(first)
    p_e = sum((count / total) ** 2 for count in pooled.values())
    if p_e >= 1.0:
        return None
    return (p_o - p_e) / (1.0 - p_e)


def krippendorff_alpha(units: Iterable[Iterable[Hashable | None]]) -> float | None:
    """Krippendorff's alpha for nominal data, any number of coders, missing values allowed.

    Each unit is the values the coders gave it; None marks a coder who did not code it.
    Units with fewer than two values cannot be paired and are left out. From the coincidence
    matrix o (each ordered pair of values within a unit of m values adds 1/(m - 1)):
    alpha = 1 - (n - 1) * sum_{c != k} o_ck / sum_{c != k} n_c * n_k.
    """
    coincidences: defaultdict[tuple[Hashable, Hashable], float] = defaultdict(float)
    for unit in units:
        values = [v for v in unit if v is not None]
        m = len(values)
        if m < 2:
            continue
        for i, a in enumerate(values):
            for j, b in enumerate(values):
                if i != j:
                    coincidences[(a, b)] += 1.0 / (m - 1)
    totals: defaultdict[Hashable, float] = defaultdict(float)
    for (a, _), weight in coincidences.items():
        totals[a] += weight
    n = sum(totals.values())
    if n <= 1:
        return None
    observed = sum(w for (a, b), w in coincidences.items() if a != b)
    expected = n * n - sum(t * t for t in totals.values())  # sum over c != k of n_c * n_k
    if expected <= 1e-12:
        return None
    return 1.0 - (n - 1) * observed / expected


def _check_pairs(first: Sequence[Hashable], second: Sequence[Hashable]) -> None:
    if len(first) != len(second):
        raise ValueError(f"the coders coded {len(first)} and {len(second)} units; need the same")
