"""Small statistics for the corpus checks: Benford's first digits, the
chi-square tail, and Iglewicz-Hoaglin modified z-scores.

The chi-square survival function uses scipy when it is installed and
otherwise the regularised upper incomplete gamma function Q(k/2, x/2),
computed with its power series below a + 1 and its continued fraction above
(both converge quickly there), with ``math.lgamma`` for the prefactor.
"""
from __future__ import annotations

import math
from statistics import median
from typing import Optional, Sequence

BENFORD = tuple(math.log10(1 + 1 / d) for d in range(1, 10))
_EPSILON = 1e-15
_MAX_TERMS = 500


def _lower_series(a: float, x: float) -> float:
    """P(a, x) by its series; good for x < a + 1."""
    term = total = 1.0 / a
    denominator = a
    for _ in range(_MAX_TERMS):
        denominator += 1
        term *= x / denominator
        total += term
        if abs(term) < abs(total) * _EPSILON:
            break
    return total * math.exp(-x + a * math.log(x) - math.lgamma(a))


def _upper_fraction(a: float, x: float) -> float:
    """Q(a, x) by its continued fraction (modified Lentz); good for x >= a + 1."""
    tiny = 1e-300
    b = x + 1 - a
    c = 1 / tiny
    d = 1 / b
    h = d
    for i in range(1, _MAX_TERMS):
        an = -i * (i - a)
        b += 2
        d = an * d + b
        d = tiny if abs(d) < tiny else d
        c = b + an / c
        c = tiny if abs(c) < tiny else c
        d = 1 / d
        h *= d * c
        if abs(d * c - 1) < _EPSILON:
            break
    return h * math.exp(-x + a * math.log(x) - math.lgamma(a))


def gamma_q(a: float, x: float) -> float:
    """Regularised upper incomplete gamma function Q(a, x)."""
    if x <= 0:
        return 1.0
    if x < a + 1:
        return max(0.0, 1.0 - _lower_series(a, x))
    return min(1.0, _upper_fraction(a, x))


def chi2_sf(statistic: float, dof: int) -> float:
    """P(X >= statistic) for a chi-square variable with ``dof`` degrees of freedom."""
    try:
        from scipy.stats import chi2
    except ImportError:
        return gamma_q(dof / 2, statistic / 2)
    return float(chi2.sf(statistic, dof))


def first_digit(value: float) -> Optional[int]:
    """Leading significant digit of |value|, or None for 0."""
    value = abs(value)
    if value == 0 or not math.isfinite(value):
        return None
    return int(f"{value:e}"[0])


def benford_test(values: Sequence[float]) -> tuple[float, float, list[int]]:
    """(chi-square statistic, p-value, observed counts of digits 1-9)."""
    counts = [0] * 9
    for value in values:
        digit = first_digit(value)
        if digit:
            counts[digit - 1] += 1
    n = sum(counts)
    if n == 0:
        return 0.0, 1.0, counts
    statistic = sum((o - n * p) ** 2 / (n * p) for o, p in zip(counts, BENFORD))
    return statistic, chi2_sf(statistic, 8), counts


def modified_z_scores(values: Sequence[float]) -> Optional[list[float]]:
    """Iglewicz-Hoaglin scores 0.6745 (x - median) / MAD; None when all equal.

    When more than half the values are equal (MAD = 0) the mean absolute
    deviation stands in: (x - median) / (1.253314 MeanAD).
    """
    if len(values) < 2:
        return None
    centre = median(values)
    deviations = [abs(v - centre) for v in values]
    mad = median(deviations)
    if mad > 0:
        return [0.6745 * (v - centre) / mad for v in values]
    mean_ad = sum(deviations) / len(deviations)
    if mean_ad == 0:
        return None
    return [(v - centre) / (1.253314 * mean_ad) for v in values]
