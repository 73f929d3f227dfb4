"""Softmax, sum and maximum along the last axis of score arrays.

The last axis holds the classes, only a few of them, and numpy's
reductions over a short last axis (``x.max(axis=-1)``, ``x.sum(axis=-1)``)
cost far more than a few element-wise operations on its slices.  These
give the same numbers: a maximum is exact, and numpy sums fewer than 8
numbers one after the other, as ``last_sum`` does.
"""
from __future__ import annotations

import numpy as np


def last_max(x: np.ndarray) -> np.ndarray:
    """``x.max(axis=-1)``."""
    found = x[..., 0]
    for k in range(1, x.shape[-1]):
        found = np.maximum(found, x[..., k])
    return found


def last_sum(x: np.ndarray) -> np.ndarray:
    """``x.sum(axis=-1)`` for a last axis shorter than 8 (numpy's pairwise
    summation adds longer ones in another order)."""
    if x.shape[-1] >= 8:
        return x.sum(axis=-1)
    total = x[..., 0]
    for k in range(1, x.shape[-1]):
        total = total + x[..., k]
    return total


def softmax(x: np.ndarray) -> np.ndarray:
    """Softmax along the last axis."""
    shifted = np.exp(x - last_max(x)[..., None])
    return shifted / last_sum(shifted)[..., None]


def row_sum(row: list[float]) -> float:
    """Sum of a few numbers (fewer than 8), added one after the other, as ``last_sum``
    adds them (for one row in plain Python: numpy's fixed cost per call outweighs a few numbers)."""
    total = row[0]
    for value in row[1:]:
        total += value
    return total


__all__ = ["last_max", "last_sum", "softmax", "row_sum"]
