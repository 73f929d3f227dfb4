"""Spaces written inside a figure: ``1 万元``, ``7 万5 千``, ``百 分之 2``,
``六 點 五 成`` (text pulled out of PDFs and tables, transcripts).

``close_spaces`` gives a copy without those spaces and the offset of every
character of the copy in the original, so a span found in the copy maps back
exactly.  A space is closed only between two characters of a figure when one
of them is a power, a decimal point or a fraction / approximation word
(十 百 千 万 亿 点 分之 余 成): two plain digits (``1 2``, ``一 二``) stay
apart, since a table separates its figures that way, unless they group a
figure's thousands (``68 420人``, ``1 286.5万元``, as yearbooks and statistical
bulletins print them): three digits after each space, and a unit or a decimal
point after the last group.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import List, Optional, Tuple

from .numerals import numeral_characters

_MARKS = frozenset("十百千万亿兆拾佰仟萬億点點余分之成")
_SPACE_CHARS = (" ", "\u3000")


@lru_cache(maxsize=1)
def _figure_chars() -> frozenset:
    return frozenset(numeral_characters()) | _MARKS | frozenset("0123456789０１２３４５６７８９.．%％個个几幾多负負")


_DIGIT_SPACE_DIGIT = re.compile(r"[0-9] [0-9]")
# 1 186个, 68 420人, 1 286.5万元 (not 120 135 at a table row's end: no unit follows)
_THOUSANDS_GROUPED = re.compile(r"(?<![0-9.,])[0-9]{1,3}(?: [0-9]{3})+(?=\.[0-9]|[^\s0-9])")


def _closable(text: str) -> List[Tuple[int, int]]:
    """(start, end) of every run of one or two spaces inside a figure.
    str.find, not a regex: spaces are few, and this runs on every text."""
    figure = _figure_chars()
    runs = []
    size = len(text)
    for space in _SPACE_CHARS:
        i = text.find(space)
        while i != -1:
            end = i + 1
            if i and text[i - 1] in figure:  # most spaces follow text or punctuation
                if end < size and text[end] in _SPACE_CHARS:
                    end += 1
                if end < size:
                    left, right = text[i - 1], text[end]
                    if left in _MARKS and right in figure or right in _MARKS:
                        runs.append((i, end))
            i = text.find(space, end)
    if _DIGIT_SPACE_DIGIT.search(text):
        for grouped in _THOUSANDS_GROUPED.finditer(text):
            at = grouped.start()
            while (at := text.find(" ", at, grouped.end())) != -1:
                runs.append((at, at + 1))
                at += 1
    return sorted(runs)


def close_spaces(text: str) -> Tuple[str, Optional[List[int]]]:
    """(copy without the spaces inside figures, offsets); offsets is None
    when there is nothing to close (the common case: the copy is ``text``)."""
    runs = _closable(text)
    if not runs:
        return text, None
    pieces: List[str] = []
    offsets: List[int] = []
    kept = 0
    for start, end in runs:
        if start < kept:
            continue  # a space and an ideographic space in one run, seen twice
        pieces.append(text[kept:start])
        offsets.extend(range(kept, start))
        kept = end
    pieces.append(text[kept:])
    offsets.extend(range(kept, len(text) + 1))  # one past the end, for end offsets
    return "".join(pieces), offsets


def source_span(span: Tuple[int, int], offsets: List[int]) -> Tuple[int, int]:
    """The span in the original text of ``span`` in the closed copy."""
    start, end = span
    return offsets[start], offsets[end - 1] + 1 if end > start else offsets[start]
