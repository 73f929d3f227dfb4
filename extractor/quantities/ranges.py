"""Comparisons and intervals on bare numbers: ``find_number_ranges``.

``find_quantities`` already reports a bound or a range on a figure with a
unit (``超过300人``, ``3至5家``).  This module reads the interval a text
states about any number, unit or not, as ``NumberRange`` records:

- a comparison word before the number: ``大于二十`` (20, inf), ``不超过五十``
  (-inf, 50], ``至少是3``, ``超过了80`` (a filler word may stand between);
- one after it: ``三十以上``, ``170 之下``, ``五百或者更多``;
- ``比三十大`` / ``比 170 低`` (open at the number);
- a vague amount: ``五百多``, ``十几万`` (500, inf) / (100000, inf);
- ``等于一百七`` [170, 170];
- two numbers: ``20到30``, ``从二十到三十``, ``20-30`` (form "span") and
  ``位于20和30之间``, ``10000与20000间`` (form "between"), both ends included;
- a lower and an upper bound joined (``大于二十的同时小于等于三十五`` (20, 35],
  ``最多100最少20`` [20, 100], ``1000以上， 1500以下``) make one interval when
  the lower end is below the upper one; otherwise each stays apart.

``以上`` / ``以下`` / ``以内`` include the figure, as Chinese law reads them
(民法典 第1259条); their records carry form "legal" so a caller following
another convention (Recognizers-Text reads them open) can tell.  Dates and
clock times (``5月11日至13日``) are no number ranges; an ordinal (``第十``)
is an end only of a "between" interval (``排名在第十和第十五之间``: the peer
vectors read it as a range of ranks, and 之间 makes it one).  Cue words are
in ``data/quantity_markers.toml`` ``[comparison]``.
"""
from __future__ import annotations

from functools import lru_cache
import math
import re
from typing import List, NamedTuple, Optional, Tuple

from ..resources import load_toml
from .numbers import Numeral, find_numbers

_WINDOW = 12  # no cue with its filler and spaces is longer
_FORMS = ("comparison", "legal", "than", "vague", "equal", "span", "between")


class NumberRange(NamedTuple):
    """An interval stated about a number; ``None`` for an unbounded end."""

    span: Tuple[int, int]
    text: str
    low: Optional[float]
    high: Optional[float]
    low_inclusive: bool
    high_inclusive: bool
    form: str  # one of _FORMS: how the interval was written
    unit: Optional[str] = None  # "%" for 百分之X / X%, values as written


class _Bound(NamedTuple):
    """One side stated about one number, before joining."""

    span: Tuple[int, int]
    side: str  # lower / upper / equal
    value: float
    closed: bool
    form: str
    unit: Optional[str]
    cue_start: int  # where the words before the number begin (for joining)


def _spaced(word: str) -> str:
    """A word as a pattern that reads through spaces (小于 或 等于, < = 100)."""
    return r"\s*".join(re.escape(ch) for ch in word)


def _alternation(words) -> str:
    return "|".join(_spaced(w) for w in sorted(words, key=len, reverse=True))


class _Grammar(NamedTuple):
    before: "re.Pattern"
    after: "re.Pattern"
    than_before: "re.Pattern"
    than_after: "re.Pattern"
    joiner: "re.Pattern"
    span_gap: "re.Pattern"
    span_lead: "re.Pattern"
    between_gap: "re.Pattern"
    between_close: "re.Pattern"
    between_lead: "re.Pattern"
    cues_before: dict
    cues_after: dict
    than_sides: dict
    not_after: frozenset
    date_after: frozenset
    date_before: frozenset
    year_after: str
    tenths: str


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    data = load_toml("quantity_markers.toml")["comparison"]
    before, after, than, interval = data["before"], data["after"], data["than"], data["interval"]
    fillers = _alternation(data["fillers"])
    separators = _alternation(interval["span_separators"])
    return _Grammar(
        # the cue ends the text before a number: 大于或者等于 / 至少是 / 超过了
        before=re.compile(rf"(?P<cue>{_alternation(before)})\s*(?:{fillers})?\s*\Z"),
        after=re.compile(rf"\s*(?P<cue>{_alternation(after)})"),
        than_before=re.compile(rf"{_spaced(than['before'])}\s*\Z"),
        than_after=re.compile(rf"\s*(?P<cue>{_alternation(than['after'])})"),
        joiner=re.compile(rf"\s*(?:{_alternation(data['joiners'])})?\s*\Z"),
        span_gap=re.compile(rf"\s*(?:{separators})\s*\Z"),
        span_lead=re.compile(rf"(?:{_alternation(interval['span_leads'])})\s*\Z"),
        between_gap=re.compile(rf"\s*(?:{_alternation(interval['between_joiners'])})\s*(?P<ordinal>第)?\s*\Z"),
        between_close=re.compile(rf"\s*(?:{_alternation(interval['between_closers'])})"),
        between_lead=re.compile(rf"(?:{_alternation(interval['between_leads'])})\s*(?:第)?\s*\Z"),
        cues_before={w.replace(" ", ""): tuple(v) for w, v in before.items()},
        cues_after={w: tuple(v) for w, v in after.items()},
        than_sides=dict(than["after"]),
        not_after=frozenset(data["not_after"]),
        date_after=frozenset(interval["date_after"]),
        date_before=frozenset(interval["date_before"]),
        year_after=interval["year_after"],
        tenths=data["tenths"],
    )


def find_number_ranges(text: str) -> List[NumberRange]:
    """Every interval stated about a number in ``text``, in order (never raises)."""
    if not isinstance(text, str) or not text:
        return []
    grammar = _grammar()
    numbers = [n for n in find_numbers(text) if not math.isnan(n.value)]
    pairs, used = _intervals(text, numbers, grammar)
    bounds = [b for i, n in enumerate(numbers) if i not in used
              for b in [_bound(text, n, grammar)] if b is not None]
    found = pairs + _join(text, bounds, grammar)
    return sorted(found, key=lambda r: r.span)


def _percent(text: str, number: Numeral, grammar: "_Grammar") -> Tuple[Tuple[int, int], float, Optional[str]]:
    """(span, value, unit): 百分之零点九 and 0.9% are 0.9 with unit %, 八成 is 80 %."""
    start, end = number.span
    if number.text.startswith("百分之"):
        return (start, end), number.value * 100, "%"
    following = text[end:end + 1]
    if following in ("%", "％"):
        return (start, end + 1), number.value, "%"
    if following and following == grammar.tenths:
        return (start, end + 1), number.value * 10, "%"
    return (start, end), number.value, None


def _is_date_part(text: str, number: Numeral, grammar: _Grammar) -> bool:
    start, end = number.span
    following, preceding = text[end:end + 1], text[start - 1:start] if start else ""
    if following in grammar.date_after or preceding in grammar.date_before:
        return True
    return following == grammar.year_after and number.text.isdigit() and len(number.text) == 4


def _is_ordinal(text: str, number: Numeral) -> bool:
    return text[:number.span[0]].rstrip().endswith("第")


def _intervals(text: str, numbers: List[Numeral], grammar: _Grammar):
    """X到Y / X-Y ("span") and X和Y之间 ("between") over neighbouring numbers."""
    found, used = [], set()
    for i in range(len(numbers) - 1):
        if i in used:
            continue
        first, second = numbers[i], numbers[i + 1]
        if _is_date_part(text, first, grammar) or _is_date_part(text, second, grammar):
            continue
        gap = text[_percent(text, first, grammar)[0][1]:second.span[0]]
        record = _between(text, first, second, gap, grammar) or _span(text, first, second, gap, grammar)
        if record is not None:
            found.append(record)
            used.update((i, i + 1))
    return found, used


def _between(text, first: Numeral, second: Numeral, gap: str, grammar: _Grammar) -> Optional[NumberRange]:
    joined = grammar.between_gap.fullmatch(gap)
    close = grammar.between_close.match(text, second.span[1])
    if not joined or not close:
        return None
    if _is_ordinal(text, first) != bool(joined.group("ordinal")):
        return None  # 第十和十五: not one kind of number
    lead = grammar.between_lead.search(text[max(0, first.span[0] - _WINDOW):first.span[0]])
    start = first.span[0] - (len(lead.group()) if lead else 0)
    return _pair(text, first, second, start, close.end(), "between", grammar)


def _span(text, first: Numeral, second: Numeral, gap: str, grammar: _Grammar) -> Optional[NumberRange]:
    if not grammar.span_gap.fullmatch(gap) or _is_ordinal(text, first) or _is_ordinal(text, second):
        return None
    if not first.value < second.value:
        return None  # 2020-10 or 5-3: a code or a score, not an interval
    lead = grammar.span_lead.search(text[max(0, first.span[0] - _WINDOW):first.span[0]])
    start = first.span[0] - (len(lead.group()) if lead else 0)
    return _pair(text, first, second, start, second.span[1], "span", grammar)


def _pair(text, first: Numeral, second: Numeral, start: int, end: int, form: str, grammar: _Grammar) -> Optional[NumberRange]:
    (_, low, low_unit), (high_span, high, high_unit) = _percent(text, first, grammar), _percent(text, second, grammar)
    if low_unit is None and text[second.span[1]:high_span[1]] == grammar.tenths:
        low *= 10  # 三至五成: both ends in tenths
    if low > high:
        return None
    end = max(end, high_span[1])
    return NumberRange((start, end), text[start:end], low, high, True, True, form, high_unit or low_unit)


def _bound(text: str, number: Numeral, grammar: _Grammar) -> Optional[_Bound]:
    """The side one number bounds, from the words around it, or None."""
    if _is_ordinal(text, number) or _is_date_part(text, number, grammar):
        return None
    span, value, unit = _percent(text, number, grammar)
    start, end = span
    window_start = max(0, start - _WINDOW)
    before = grammar.before.search(text[window_start:start])
    if before and not _cut_from_word(text, window_start + before.start(), before.group("cue"), grammar):
        side, closure = grammar.cues_before[re.sub(r"\s", "", before.group("cue"))]
        cue_start = window_start + before.start()
        return _Bound((cue_start, end), side, value, closure == "closed", "equal" if side == "equal" else "comparison", unit, cue_start)
    after = grammar.after.match(text, end)
    if after:
        side, closure = grammar.cues_after[re.sub(r"\s", "", after.group("cue"))]
        return _Bound((start, after.end()), side, value, closure != "open", "legal" if closure == "legal" else "comparison", unit, start)
    than = grammar.than_before.search(text[window_start:start])
    than_after = grammar.than_after.match(text, end)
    if than and than_after:
        side = grammar.than_sides[than_after.group("cue")]
        cue_start = window_start + than.start()
        return _Bound((cue_start, than_after.end()), side, value, False, "than", unit, cue_start)
    if number.range is None and re.search(r"[多余几幾来]", number.text):
        return _Bound(span, "lower", value, False, "vague", unit, start)
    return None


def _cut_from_word(text: str, cue_start: int, cue: str, grammar: _Grammar) -> bool:
    """A one-character cue that ends a longer word (通过, 经过) is no cue."""
    return len(cue) == 1 and cue_start > 0 and text[cue_start - 1] in grammar.not_after


def _join(text: str, bounds: List[_Bound], grammar: _Grammar) -> List[NumberRange]:
    """Neighbouring lower and upper bounds joined into one interval."""
    out, i = [], 0
    while i < len(bounds):
        first = bounds[i]
        second = bounds[i + 1] if i + 1 < len(bounds) else None
        if second is not None and _joinable(text, first, second, grammar):
            out.append(_joined(text, first, second))
            i += 2
            continue
        out.append(_single(text, first))
        i += 1
    return out


def _joinable(text: str, first: _Bound, second: _Bound, grammar: _Grammar) -> bool:
    if {first.side, second.side} != {"lower", "upper"} or first.span[1] > second.cue_start:
        return False
    lower, upper = (first, second) if first.side == "lower" else (second, first)
    if not lower.value < upper.value:
        return False  # 大于50小于12: two statements, no interval
    return grammar.joiner.fullmatch(text[first.span[1]:second.cue_start]) is not None


def _joined(text: str, first: _Bound, second: _Bound) -> NumberRange:
    lower, upper = (first, second) if first.side == "lower" else (second, first)
    start, end = first.span[0], second.span[1]
    form = "legal" if "legal" in (first.form, second.form) else first.form
    return NumberRange((start, end), text[start:end], lower.value, upper.value, lower.closed, upper.closed,
                       form, lower.unit or upper.unit)


def _single(text: str, bound: _Bound) -> NumberRange:
    start, end = bound.span
    low = bound.value if bound.side in ("lower", "equal") else None
    high = bound.value if bound.side in ("upper", "equal") else None
    return NumberRange((start, end), text[start:end], low, high, bound.closed and low is not None,
                       bound.closed and high is not None, bound.form, bound.unit)
