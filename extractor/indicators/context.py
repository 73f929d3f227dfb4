"""Where a figure sits: its clause and its sentence."""
from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple

from ..records import Quantity
from .cues import indicator_cues


class Context(NamedTuple):
    """Where one quantity sits: its clause and sentence (absolute offsets).

    A named tuple, not a frozen dataclass: one is made for every figure."""

    clause_start: int
    clause_end: int
    sentence_start: int
    sentence_end: int


class Breaks(NamedTuple):
    """Clause and sentence ends of one document, found once, searched by bisection."""

    clauses: list[int]  # positions of clause-ending characters, in order
    sentences: list[int]

    @classmethod
    def of(cls, text: str, lo: int, hi: int) -> "Breaks":
        cues = indicator_cues()
        both = _positions(text, lo, hi, cues.clause_and_sentence_breaks)
        clauses = both + _positions(text, lo, hi, cues.clause_only_breaks)
        if "——" in text[lo:hi]:  # (30个(目标)——已建成36个: a dash pair parts two clauses; one dash is a range's)
            at = text.find("——", lo, hi)
            while at >= 0:
                clauses.append(at + 1)  # (the clause after starts past both dashes)
                at = text.find("——", at + 2, hi)
        sentences = both + _positions(text, lo, hi, cues.sentence_only_breaks)
        clauses.sort()
        sentences.sort()
        return cls(clauses, sentences)


def _positions(text: str, lo: int, hi: int, characters: str) -> list[int]:
    """Where each of ``characters`` occurs in ``text[lo:hi]``, character by character
    (a find per occurrence is cheaper than a match object per occurrence)."""
    found = []
    for character in characters:
        at = text.find(character, lo, hi)
        while at >= 0:
            found.append(at)
            at = text.find(character, at + 1, hi)
    return found


def context_of(breaks: Breaks, lo: int, hi: int, q: Quantity) -> Context:
    """The clause and sentence around ``q``: from just after the break before it (at most
    80 or 300 characters back) to the break at or after its end."""
    start, end = q.span
    clauses, sentences = breaks.clauses, breaks.sentences
    before = bisect_left(clauses, start)
    after = bisect_left(clauses, end, before)  # end >= start: the search may begin there
    clause_start = max(clauses[before - 1] + 1 if before else lo, start - 80)
    clause_end = clauses[after] if after < len(clauses) else hi
    before = bisect_left(sentences, start)
    after = bisect_left(sentences, end, before)
    sentence_start = max(sentences[before - 1] + 1 if before else lo, start - 300)
    sentence_end = sentences[after] if after < len(sentences) else hi
    return Context(clause_start, clause_end, sentence_start, sentence_end)
