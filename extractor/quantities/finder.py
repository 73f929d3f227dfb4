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
from .numerals import parse_number, parse_range

_MASK_CHARS = frozenset("*＊xX_＿")
_POWERS = frozenset("十百千万亿拾佰仟萬億")
_BARE_POWERS = frozenset("百千万亿佰仟萬億")
_CHINESE_DIGITS = frozenset("零〇○一二两三四五六七八九壹贰叁肆伍陆柒捌玖兩貳參陸幺")
_YEAR_DIGITS = frozenset("零〇○一二三四五六七八九")
_NONZERO = "一二三四五六七八九壹贰叁肆伍陆柒捌玖貳參陸\\d"
# 元 followed by 角 / 分: 123元1角1分, 九元零九分, 壹拾壹元壹角壹分
_CENTS = re.compile(rf"(?:([零〇{_NONZERO}])[角毛])?(?:零?([{_NONZERO}])分)?(?:整|正)?")
# a lone digit after a unit (七成六), not the start of another figure
_TRAILING_DIGIT = re.compile(r"([一二三四五六七八九])(?![0-9０-９零〇一二两三四五六七八九十百千万亿点])")
_SUBUNIT = re.compile(r"([0-9]|[一二两三四五六七八九])(?=(.))")
_PERCENT_UNITS = {"百分之": "%", "千分之": "‰", "仟分之": "‰", "万分之": "‱", "萬分之": "‱", "百分": "%"}
_MINUS = frozenset("-－负負")
_HYPHENS = frozenset("-－")  # a minus only when no figure stands before it (A-3, 2-3)
_NEGATIVE_OF = ("负的", "負的")  # 负的百分之二十
_FILLER = "个個"  # 两个亿卢布, 20个比特币, 六個加侖
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
        value = -value if group("pneg") else value
        return _Core(m.start(), m.end(), m.span("pnum"), value, _PERCENT_UNITS[group("pct")], "percent")
    if group("fnum") is not None:
        numerator = parse_number(group("fnum"))
        numerator = -numerator if numerator is not None and group("fneg") else numerator
        return _fraction(m, numerator, parse_number(group("num")))
    if group("half") is not None:
        return _half(lex, text, m)
    if group("cnum") is not None:
        return _after_currency(lex, text, m)
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
    return _Core(m.start(), m.end(), m.span(), _share(numerator / denominator), "fraction", "fraction")


def _share(value: float) -> float:
    """Four decimals (三分之一 = 0.3333, SPEC), four significant digits below
    0.001 so a tiny share (百万分之五) is not rounded to 0."""
    return round(value, 4) if abs(value) >= 0.001 else float(f"{value:.4g}")


def _half(lex: Lexicon, text: str, m) -> Optional[_Core]:
    """半斤, 半公升, 半成: a bare 半 before a unit of lex.half_before."""
    written, unit_end = m.group("hunit"), m.end("hunit")
    info = lex.units[written]
    if info.not_before and text.startswith(info.not_before, unit_end):
        return None  # 半成品
    return _Core(m.start(), unit_end, m.span("half"), 0.5 * info.scale, info.unit, info.kind)


def _after_currency(lex: Lexicon, text: str, m) -> Optional[_Core]:
    """人民币3.14, 港币两千九百六十元: the currency is written before the figure."""
    start = m.start() - (1 if text[m.start() - 1] == " " else 0)
    word = next((w for w in lex.currency_before if text.endswith(w, 0, start)), None)
    value = parse_number(m.group("cnum"))
    if word is None or value is None:
        return None
    info = lex.units[word]
    return _Core(start - len(word), m.end(), m.span("cnum"), value * info.scale, info.unit, "money")


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
    unit, kind, approx, extra = info.unit, info.kind, None, 1
    if unit == "个" and text.startswith(("多月", "余月"), unit_end):  # 3个多月
        unit, kind, approx, unit_end = "个月", "measure", lex.approx_infix[text[unit_end]], unit_end + 2
    elif written in _FILLER:
        info, unit_end, extra = _after_filler(lex, text, unit_end, info)
        unit, kind = info.unit, info.kind
    if written in ("元", "圆"):  # 3万元欧元, 9000元日币: the currency named after 元
        foreign = longest_prefix(lex.foreign_money, text, unit_end)
        if foreign:
            unit, unit_end = lex.units[foreign].unit, unit_end + len(foreign)
    if unit == "年" and _looks_like_year(number, masked):
        return None
    if m.group("infix"):
        approx = lex.approx_infix[m.group("infix")]
    factor = info.scale * (parse_number(m.group("mult")) or 1 if m.group("mult") else 1)
    factor *= extra
    low, high = _range_values(m, number)
    value = None if masked or low is None else low * factor
    span_range = None if masked or high is None or low is None else (low * factor, high * factor)
    if value is not None and kind in ("measure", "percent") and text.startswith("半", unit_end):
        value, unit_end = value + 0.5 * factor, unit_end + 1  # 三斤半, 三成半
    if value is not None and written in ("元", "圆") and factor == 1:
        value, unit_end = _add_cents(text, unit_end, value)
    if value is not None and written == "块" and not float(value).is_integer():
        unit, kind = "元", "money"  # 3.04块: pieces are whole, yuan are not
    if value is not None and written in lex.trailing_digit and span_range is None:
        value, unit_end = _add_trailing_digit(text, unit_end, value, factor)
    if value is not None and unit in lex.subunits:
        value, unit_end = _add_subunit(lex.subunits[unit], text, unit_end, value)
    number_end = m.end("num2") if m.group("num2") is not None else m.end("num")
    needs_marker = len(number) == 1 and number in _BARE_POWERS and not approx
    if value is None and not masked:
        return None
    return _Core(start, unit_end, (start, number_end), value, unit, kind, approx, span_range, masked, False, needs_marker)


def _after_filler(lex: Lexicon, text: str, end: int, info):
    """两个亿卢布, 20个比特币, 六個加侖: a 个 before a money or measure unit
    (with an optional 万 / 亿) is a spoken filler: (unit info, end, multiplier)."""
    power = 1
    if text[end:end + 1] in ("万", "亿", "萬", "億"):
        power, end = parse_number(text[end]), end + 1
    word = longest_prefix(lex.unit_words, text, end)
    if word and lex.units[word].kind in ("money", "measure") and word[0] not in _FILLER and word[0] not in _CHINESE_DIGITS:
        return lex.units[word], end + len(word), power
    return info, end - (1 if power != 1 else 0), 1


def _add_trailing_digit(text: str, end: int, value: float, factor: float) -> Tuple[float, int]:
    """七成六 = 7.6成, 三米九 = 3.9米."""
    match = _TRAILING_DIGIT.match(text, end)
    if not match:
        return value, end
    return value + parse_number(match.group(1)) * factor / 10, match.end()


def _add_subunit(table, text: str, end: int, value: float) -> Tuple[float, int]:
    """3斤5两 = 3.5斤, 六斤八两."""
    match = _SUBUNIT.match(text, end)
    if not match or match.group(2) not in table:
        return value, end
    return value + parse_number(match.group(1)) * table[match.group(2)], match.end() + 1


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
        if low is not None and high is not None:
            low = _shared_power(low, number, high, m.group("num2"))
        if low is None or high is None or high <= low:
            return (low, None) if high is None else (None, None)
        return low, high
    spoken = parse_range(number) if len(number) > 1 and number[0] in _CHINESE_DIGITS | _POWERS else None
    if spoken:
        return spoken
    return parse_number(number), None


def _shared_power(low: float, first: str, high: float, second: str) -> float:
    """3至5万元, 两到三仟, 两~3百: the second figure's power is the first's too,
    unless that makes the range run backwards (8500到3万 stays 8500)."""
    if second[-1] not in _POWERS or not _POWERS.isdisjoint(first):
        return low
    scaled = low * parse_number(second[-1])
    return scaled if scaled < high else low


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
        low = core.value  # 数十亿: at least ten 亿, fewer than a hundred
        span_range = None if low is None else (low, low * 10)
        return core._replace(start=start - 1, range=span_range, approx=before, needs_marker=False)
    if before == lex.vague_at_least and core.approx is None:
        return core._replace(start=start - 1, approx=before, needs_marker=False)
    return core


def _is_figure_char(ch: str) -> bool:
    """A digit or Latin letter: then a - before a figure is a hyphen (A-3, 2-3)."""
    return ch.isdigit() or (ch.isascii() and ch.isalpha())


def _sign_start(text: str, start: int) -> int:
    """Start of the minus written before ``start`` (负, 负的, or a - that is
    no hyphen), or ``start`` itself when there is none."""
    if text.endswith(_NEGATIVE_OF, 0, start):
        return start - 2
    if not start or text[start - 1] not in _MINUS:
        return start
    if text[start - 1] in _HYPHENS and start >= 2 and _is_figure_char(text[start - 2]):
        return start  # A-3, 2-3, 1万元-5万元
    return start - 1


def _currency_before(lex: Lexicon, text: str, core: _Core) -> _Core:
    """人民币数十亿元, 港币500万元: a currency written before a yuan figure."""
    if core.kind != "money" or core.unit != "元" or not core.start:
        return core
    start = core.start - (1 if text[core.start - 1] == " " else 0)
    word = next((w for w in lex.currency_before if text.endswith(w, 0, start)), None)
    if word is None:
        return core
    return core._replace(start=start - len(word), unit=lex.units[word].unit)


def _finish(lex: Lexicon, text: str, core: _Core, floor: int) -> Optional[Quantity]:
    core = _currency_before(lex, text, _vague(lex, text, core))
    if text[max(0, core.start - 1):core.start + 1] in lex.placeholders:
        return None  # 张三, 王五
    start, approx_before, bound_before = read_prefix(lex, text, core.start)
    end, approx_after, bound_after = read_suffix(lex, text, core.end, core.kind)
    approx = core.approx or approx_after or approx_before
    bound = bound_before or bound_after
    if core.needs_marker and not (approx or bound):
        return None
    end, per = read_slash_per(lex, text, end)
    per = per or read_per(lex, text, start, floor)
    value, span_range = core.value, core.range
    signed = _sign_start(text, start) if value is not None else start
    if signed < start:
        start, value = signed, -value  # 增长-3.5%, 负22.2%, 负的百分之二十
        span_range = span_range and (-span_range[1], -span_range[0])
    if value is not None and float(value).is_integer():
        value = int(value)
    return Quantity(
        span=(start, end), text=text[start:end], value=value, unit=core.unit, kind=core.kind,
        approx=approx, bound=bound, range=span_range, per=per, masked=core.masked,
        number_span=core.number_span, implicit_unit=core.implicit,
    )
