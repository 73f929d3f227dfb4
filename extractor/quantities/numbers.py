"""Bare numbers in a text, with or without a unit: ``find_numbers``.

Documents' bare numbers are no indicators (``find_quantities`` needs a unit),
but some jobs want every number: checking a recogniser against number test
vectors, reading a table cell, normalising a transcript.  ``find_numbers``
reads each run of numeral characters as written:

- one numeral where the run is one (``二百三十三``, ``1,100万``, ``三十万多亿``);
- a spoken range (``四十五六`` -> 45 with range (45, 46), ``三五百``);
- a fraction ``X分之Y`` / ``a/b`` / ``1 3/5`` as its value (``五分之一`` 0.2);
- otherwise the longest numeral at the start, then the rest: ``两百点两`` is
  200 and 2 (两 is no decimal digit), ``五十千`` is 50 (a lone 千 is no number);
- a minus only when it is one: ``-3`` ``负3`` ``负的3``, not ``A-3`` or ``－－9``;
- ``2222.2222.22222`` (two or more points) is a list of integers, not a decimal.

Spaces inside a figure are read through (``7 万5 千``), as in find_quantities.
"""
from __future__ import annotations

from functools import lru_cache
import re
from typing import List, NamedTuple, Optional, Tuple

from .numerals import numeral_characters, parse_number, parse_range
from .spacing import close_spaces, source_span

_BARE_POWERS = frozenset("百千万亿兆佰仟萬億")
_NOT_A_START = frozenset("点點.．,，余多幾几来分之/／")
_MINUSES = "-－"


class Numeral(NamedTuple):
    """One number found in a text."""

    span: Tuple[int, int]  # in the text searched
    text: str
    value: float
    range: Optional[Tuple[float, float]] = None  # a spoken range: (45, 46) for 四十五六


@lru_cache(maxsize=1)
def _run_pattern() -> "re.Pattern":
    """A sign, then numeral characters with points, vague infixes, 分之,
    thousands separators and slashes inside."""
    chars = re.escape(numeral_characters())
    symbol = rf"[0-9０-９{chars}半]"
    body = rf"{symbol}(?:{symbol}|[点點.．余多幾几来]|分之[负負]?|[,，](?=[0-9０-９]{{3}}(?![0-9０-９]))|[/／](?={symbol}))*"
    point_first = r"(?:(?<![.．0-9０-９])[.．](?=[0-9０-９]))?"  # .5, but not the 9 of ...9
    return re.compile(rf"(?P<sign>负的|負的|[负負]|(?<![{_MINUSES}0-9A-Za-z])[{_MINUSES}](?![{_MINUSES}]))?(?P<body>{point_first}{body})")


# 1 3/5: a whole number, one space, a fraction
_MIXED = re.compile(r"(?<![0-9０-９.．])([0-9０-９]+) ([0-9０-９]+)[/／]([0-9０-９]+)(?![0-9０-９])")


def find_numbers(text: str) -> List[Numeral]:
    """Every number written in ``text``, in order of position (never raises)."""
    if not isinstance(text, str) or not text:
        return []
    compact, offsets = close_spaces(text)
    found = _scan(compact)
    if offsets is None:
        return found
    out = []
    for number in found:
        span = source_span(number.span, offsets)
        out.append(number._replace(span=span, text=text[span[0]:span[1]]))
    return out


def _scan(text: str) -> List[Numeral]:
    mixed = []  # 1 3/5 first: its parts are no numbers of their own
    for match in _MIXED.finditer(text):
        whole, numerator, denominator = (parse_number(g) for g in match.groups())
        if denominator:
            mixed.append(Numeral(match.span(), match.group(), whole + numerator / denominator))
    found: List[Numeral] = list(mixed)
    next_mixed = 0
    for match in _run_pattern().finditer(text):
        while next_mixed < len(mixed) and mixed[next_mixed].span[1] <= match.start():
            next_mixed += 1
        if next_mixed < len(mixed) and mixed[next_mixed].span[0] <= match.start():
            continue  # inside a mixed number
        negative = match.group("sign") is not None
        found.extend(_read_run(text, match.start("body"), match.end("body"), match.start(), negative))
    return sorted(found) if mixed else found


def _read_run(text: str, start: int, end: int, sign_start: int, negative: bool) -> List[Numeral]:
    """The numbers of one run of numeral characters."""
    run = text[start:end]
    if sum(run.count(point) for point in ".．") >= 2 and run.replace(".", "").replace("．", "").isdigit():
        return _dotted_list(text, start, end)
    whole = _read_whole(run)
    if whole is not None:
        return [_signed(text, sign_start if negative else start, end, whole, negative)]
    out: List[Numeral] = []
    position = start
    while position < end:
        if text[position] in _NOT_A_START:
            position += 1
            continue
        stop = _longest_numeral(text, position, end)
        if stop is None:
            position += 1
            continue
        value = _read_whole(text[position:stop])
        first = position == start
        out.append(_signed(text, sign_start if first and negative else position, stop, value, first and negative))
        position = stop
    return out


def _read_whole(run: str) -> Optional[Tuple[float, Optional[Tuple[float, float]]]]:
    """(value, range) of a run that is one number, a range or a fraction."""
    if len(run) == 1 and run in _BARE_POWERS:
        return None  # 百家争鸣, 千千万万
    for mark in ("分之", "/", "／"):
        if mark in run:
            below, _, above = run.partition(mark)
            if mark == "分之":
                below, above = above, below  # X分之Y is Y over X
            return _fraction(below, above)
    value = parse_number(run)
    if value is not None:
        return value, None
    spoken = parse_range(run)
    return (spoken[0], spoken) if spoken else None


def _fraction(numerator: str, denominator: str) -> Optional[Tuple[float, None]]:
    sign = 1
    for part in (numerator, denominator):
        if part[:1] in "负負-":
            sign = -sign
    top, bottom = parse_number(numerator.lstrip("负負-")), parse_number(denominator.lstrip("负負-"))
    if top is None or not bottom:
        return None
    return sign * top / bottom, None


_LONGEST = 64  # no numeral is longer (parse_number refuses longer text)


def _longest_numeral(text: str, start: int, end: int) -> Optional[int]:
    for stop in range(min(end, start + _LONGEST), start, -1):
        if text[stop - 1] not in _NOT_A_START and _read_whole(text[start:stop]) is not None:
            return stop
    return None


def _signed(text: str, start: int, end: int, reading, negative: bool) -> Numeral:
    value, spoken = reading
    if negative:
        value = -value
        spoken = spoken and (-spoken[1], -spoken[0])
    return Numeral((start, end), text[start:end], value, spoken)


def _dotted_list(text: str, start: int, end: int) -> List[Numeral]:
    """2222.2222.22222: a version or an address, read as its integers."""
    return [Numeral(m.span(), m.group(), parse_number(m.group())) for m in re.finditer(r"[0-9０-９]+", text[:end]) if m.start() >= start]
