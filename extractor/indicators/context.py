"""Where a figure sits: its clause and its sentence."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from ..records import Quantity
from .cues import indicator_cues


@dataclass(frozen=True)
class Context:
    """Where one quantity sits: its clause and sentence (absolute offsets)."""

    clause_start: int
    clause_end: int
    sentence_start: int
    sentence_end: int


@dataclass(frozen=True)
class Breaks:
    """Clause and sentence ends of one document, found once, searched by bisection."""

    clauses: tuple[int, ...]  # positions of clause-ending characters
    sentences: tuple[int, ...]

    @classmethod
    def of(cls, text: str, lo: int, hi: int) -> "Breaks":
        cues = indicator_cues()
        return cls(tuple([m.start() for m in cues.clause_breaks.finditer(text, lo, hi)]),
                   tuple([m.start() for m in cues.sentence_breaks.finditer(text, lo, hi)]))


def _around(breaks: tuple[int, ...], start: int, end: int, lo: int, hi: int, reach: int) -> tuple[int, int]:
    """(first position after the break before ``start``, the break at or after ``end``)."""
    before = bisect_left(breaks, start)
    first = breaks[before - 1] + 1 if before else lo
    after = bisect_left(breaks, end)
    last = breaks[after] if after < len(breaks) else hi
    return max(first, lo, start - reach), last


def context_of(breaks: Breaks, lo: int, hi: int, q: Quantity) -> Context:
    clause_start, clause_end = _around(breaks.clauses, q.span[0], q.span[1], lo, hi, 80)
    sentence_start, sentence_end = _around(breaks.sentences, q.span[0], q.span[1], lo, hi, 300)
    return Context(clause_start, clause_end, sentence_start, sentence_end)
