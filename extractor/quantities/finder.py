"""Scan a text for quantities: one compiled pattern finds every candidate
(figure + unit, 百分之X, X分之Y, 1/4, 374职工); small checks then read the
markers around it and drop what is a date, an ordinal, a name or a quotation.

Decisions (see also ``__init__``):

- vague amounts: 近百 / 上百 / 千余 / 十几 are a known power of ten with a
  marker: value 100 / 100 / 1000 / 10 and approx 近 / 上 / 余 / 几.
  数十 / 几百 (the leading digit unknown) give value None with approx 数 / 几,
  masked False.  两三个 / 三五家 are ranges (2, 3) / (3, 5), value = low.
- a bare 百 千 万 亿 with no marker at all (百家争鸣, 万人空巷) is not a
  quantity; 十人 is.
- both an approx word before and one after (约6000余人): the one written next to
  the numeral's unit (余 / 多) wins, since it also says in which direction.
- 大约 / 约计 / 大概 are reported as 约, 将近 / 接近 / 近乎 as 近, so approx
  keeps SPEC's closed set; the words as written stay in ``text``.
- ratios (1:9, 25.72:26.84:47.44) are excluded: their parts are shares of a
  proportion, not cardinal quantities.
"""
from __future__ import annotations

from typing import List, NamedTuple, Optional, Tuple

import re

from ..records import Quantity
from .context import link_changes, read_per, read_prefix, read_slash_per, read_suffix
from .lexicon import Lexicon, lexicon, longest_prefix
from .numerals import parse_number

_MASK_CHARS = frozenset("*＊xX_＿")
_POWERS = frozenset("十百千万亿拾佰仟萬億")
_BARE_POWERS = frozenset("百千万亿佰仟萬億")
_CHINESE_DIGITS = frozenset("零〇○一二两三四五六七八九壹贰叁肆伍陆柒捌玖兩貳參陸幺")
_YEAR_DIGITS = frozenset("零〇○一二三四五六七八九")
# 三五家, 两三个, 七八十人: two digits read as a range, then optional powers
_DIGIT_PAIR = re.compile(r"([一二两三四五六七八九])([二三四五六七八九])([十百千万亿]*)")
# 元 followed by 角 / 分: 123元1角1分, 九元零九分
_CENTS = re.compile(r"(?:([零〇一二三四五六七八九\d])[角毛])?(?:零?([一二三四五六七八九\d])分)?(?:整|正)?")
_PERCENT_UNITS = {"百分之": "%", "千分之": "‰", "仟分之": "‰", "万分之": "‱", "萬分之": "‱"}
_MINUS = frozenset("-－负負")
_ARABIC_FIGURE = re.compile(r"[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?")


class _Core(NamedTuple):
    start: int
    end: int
    number_span: Tuple[int, int]
    value: Optional[float]
    unit: Optional[str]
    kind: str
    approx: Optional[str] = None
    range: Optional[Tuple[float, float]] = None
    masked: bool = False
    implicit: bool = False
    needs_marker: bool = False  # a bare 百 / 万: a quantity only with a marker


def find_quantities(text: str) -> List[Quantity]:
    """Every quantity in ``text`` (normalised or raw), in order of position."""
    if not isinstance(text, str) or not text:
        return []
    lex = lexicon()
    found: List[Quantity] = []
    for match in lex.scanner.finditer(text):
        if match.lastgroup == "excluded" or match.group("excluded") is not None:
            continue  # a date, ordinal, name or quotation: skipped whole
        if found and match.start() < found[-1].span[1]:
            continue  # inside the previous quantity (123元1角1分)
        core = _read_match(lex, text, match)
        if core is None:
            continue
        quantity = _finish(lex, text, core, found[-1].span[1] if found else 0)
        if quantity is not None:
            found.append(quantity)
    return link_changes(lex, text, found)


def _read_match(lex: Lexicon, text: str, m) -> Optional[_Core]:
    group = m.group
    if group("unit") is not None:
        return _counted(lex, text, m)
    if group("pct") is not None:
        value = parse_number(group("pnum"))
        if value is None:
            return None
        return _Core(m.start(), m.end(), m.span("pnum"), value, _PERCENT_UNITS[group("pct")], "percent")
    if group("fnum") is not None:
        return _fraction(m, parse_number(group("fnum")), parse_number(group("num")))
    if group("fa") is not None:
        numerator, denominator = float(group("fa")), float(group("fb"))
        return _fraction(m, numerator, denominator) if 0 < numerator < denominator else None
    return _unwritten_unit(lex, m)


def _unwritten_unit(lex: Lexicon, m) -> Optional[_Core]:
    """A plain Arabic figure whose unit is not beside it: 2.16、1.52个百分点
    (the list's unit) or 374职工 (the noun's natural unit)."""
    number = m.group("num")
    if not _ARABIC_FIGURE.fullmatch(number):
        return None
    value = parse_number(number)
    if value is None:
        return None
    if m.group("lunit") is not None:
        info = lex.units[m.group("lunit")]
        return _Core(m.start(), m.end(), m.span(), value * info.scale, info.unit, info.kind, implicit=True)
    return _Core(m.start(), m.end(), m.span(), value, lex.implicit[m.group("noun")], "count", implicit=True)


def _fraction(m, numerator, denominator) -> Optional[_Core]:
    if numerator is None or not denominator:
        return None
    return _Core(m.start(), m.end(), m.span(), round(numerator / denominator, 4), "fraction", "fraction")


def _is_masked(number: str) -> bool:
    """201* / xx / ___: the site hid the digits (the pattern already keeps
    a run of x inside a Latin word out)."""
    return not _MASK_CHARS.isdisjoint(number)


def _counted(lex: Lexicon, text: str, m) -> Optional[_Core]:
    number, start = m.group("num"), m.start("num")
    written, unit_end = m.group("unit"), m.end("unit")
    info = lex.units[written]
    if info.not_before and text.startswith(info.not_before, unit_end):
        return None
    if info.arabic_only and not (_CHINESE_DIGITS.isdisjoint(number) and _POWERS.isdisjoint(number)):
        return None
    masked = _is_masked(number)
    unit, kind, approx = info.unit, info.kind, None
    if unit == "个" and text.startswith(("多月", "余月"), unit_end):  # 3个多月
        unit, kind, approx, unit_end = "个月", "measure", lex.approx_infix[text[unit_end]], unit_end + 2
    if unit == "年" and _looks_like_year(number, masked):
        return None
    if m.group("infix"):
        approx = lex.approx_infix[m.group("infix")]
    factor = info.scale * (parse_number(m.group("mult")) or 1 if m.group("mult") else 1)
    low, high = _range_values(m, number)
    value = None if masked or low is None else low * factor
    span_range = None if masked or high is None or low is None else (low * factor, high * factor)
    if value is not None and kind in ("measure", "percent") and text.startswith("半", unit_end):
        value, unit_end = value + 0.5 * factor, unit_end + 1  # 三斤半, 三成半
    if value is not None and written in ("元", "圆") and factor == 1:
        value, unit_end = _add_cents(text, unit_end, value)
    number_end = m.end("num2") if m.group("num2") is not None else m.end("num")
    needs_marker = len(number) == 1 and number in _BARE_POWERS and not approx
    if value is None and not masked:
        return None
    return _Core(start, unit_end, (start, number_end), value, unit, kind, approx, span_range, masked, False, needs_marker)


def _looks_like_year(number: str, masked: bool) -> bool:
    """2019年, 201*年, 二〇一九年 are dates, 3年 / 十年 durations."""
    if masked:
        return True
    if number.isdigit() and len(number) == 4 and number[0] in "12":
        return True
    return len(number) >= 2 and all(ch in _YEAR_DIGITS for ch in number)


def _range_values(m, number: str) -> Tuple[Optional[float], Optional[float]]:
    """(low, high) of the figure; high is None when it is not a range."""
    if m.group("num2") is not None:
        low, high = parse_number(number), parse_number(m.group("num2"))
        second = m.group("num2")
        if low is not None and high is not None and second[-1] in "万亿萬億" and number[-1] not in "万亿萬億":
            low *= parse_number(second[-1])  # 3至5万元: both ends in 万
        if low is None or high is None or high <= low:
            return (low, None) if high is None else (None, None)
        return low, high
    pair = _DIGIT_PAIR.fullmatch(number) if len(number) > 1 and number[0] in _CHINESE_DIGITS else None
    if pair:
        first, second = parse_number(pair.group(1)), parse_number(pair.group(2))
        if second == first + 1 or pair.group(1) + pair.group(2) in _range_pair_words():
            power = parse_number(pair.group(3)) if pair.group(3) else 1
            return first * power, second * power
    return parse_number(number), None


def _range_pair_words():
    return lexicon().range_pairs


def _add_cents(text: str, end: int, value: float) -> Tuple[float, int]:
    cents = _CENTS.match(text, end)
    if not cents or cents.end() == end:
        return value, end
    jiao = parse_number(cents.group(1)) if cents.group(1) else 0
    fen = parse_number(cents.group(2)) if cents.group(2) else 0
    if jiao is None or fen is None:
        return value, end
    return round(value + jiao / 10 + fen / 100, 2), cents.end()


def _vague(lex: Lexicon, text: str, core: _Core) -> _Core:
    """数十 / 几百 (digit unknown) and 上百 (at least a hundred)."""
    start = core.start
    before = text[start - 1] if start else ""
    if before not in lex.vague_unknown and before != lex.vague_at_least:
        return core  # the common case
    if not _POWERS.issuperset(text[core.number_span[0]:core.number_span[1]]):
        return core
    if before in lex.vague_unknown and (start < 2 or text[start - 2] not in lex.vague_not_after):
        return core._replace(start=start - 1, value=None, range=None, approx=before, needs_marker=False)
    if before == lex.vague_at_least and core.approx is None:
        return core._replace(start=start - 1, approx=before, needs_marker=False)
    return core


def _is_figure_char(ch: str) -> bool:
    """A digit or Latin letter: then a - before a figure is a hyphen (A-3, 2-3)."""
    return ch.isdigit() or (ch.isascii() and ch.isalpha())


def _finish(lex: Lexicon, text: str, core: _Core, floor: int) -> Optional[Quantity]:
    core = _vague(lex, text, core)
    start, approx_before, bound_before = read_prefix(lex, text, core.start)
    end, approx_after, bound_after = read_suffix(lex, text, core.end, core.kind)
    approx = core.approx or approx_after or approx_before
    bound = bound_before or bound_after
    if core.needs_marker and not (approx or bound):
        return None
    end, per = read_slash_per(lex, text, end)
    per = per or read_per(lex, text, start, floor)
    value, span_range = core.value, core.range
    if value is not None and start and text[start - 1] in _MINUS and (start < 2 or not _is_figure_char(text[start - 2])):
        start, value = start - 1, -value  # 增长-3.5%, 负22.2%
        span_range = span_range and (-span_range[1], -span_range[0])
    if value is not None and float(value).is_integer():
        value = int(value)
    return Quantity(
        span=(start, end), text=text[start:end], value=value, unit=core.unit, kind=core.kind,
        approx=approx, bound=bound, range=span_range, per=per, masked=core.masked,
        number_span=core.number_span, implicit_unit=core.implicit,
    )
