"""Scan a text for quantities: one compiled pattern finds every candidate
(figure + unit, 百分之X, X分之Y, 1/4, 374职工, 人民币3.14, 半斤); small checks
then read the markers around it and drop what is a date, an ordinal, a name
or a quotation.  Spaces inside a figure (1 万元, 7 万5 千) are read through.

Decisions (see also ``__init__``):

- vague amounts with a written figure (近百 / 上百 / 千余 / 十几 / 3000多):
  value is that round figure (100 / 100 / 1000 / 10 / 3000) with approx
  近 / 上 / 余 / 几 / 多, range null: SPEC keeps ``range`` for written ranges.
  With the leading digit unknown (数十 / 几百 / 数十亿元) no figure is written:
  value is the low end the words allow and range (low, 10 x low), so
  数十亿元 is 10亿 with range (10亿, 100亿), approx 数.  两三个 / 三五家 /
  四十五六 / 七百三四十 / 一万六七 are ranges (2, 3) / (3, 5) / (45, 46) /
  (730, 740) / (16000, 17000), value = low.
- a bare 百 千 万 亿 with no marker at all (百家争鸣, 万人空巷) is not a
  quantity; 十人 is.
- both an approx word before and one after (约6000余人): the one written next to
  the numeral's unit (余 / 多) wins, since it also says in which direction.
- 大约 / 约计 / 大概 are reported as 约, 将近 / 接近 / 近乎 as 近, so approx
  keeps SPEC's closed set; the words as written stay in ``text``.
- units as written: 一千米 is 1 千米 and 三千千瓦时 3000 千瓦时 (a 千 that
  begins a unit belongs to it); 二两 / 三千两百两 are the weight 两, while
  一两个 is the range (1, 2) 个.  Money in another currency keeps its name
  wherever it is written: 港币两千九百六十元, 人民币3.14, 3万元欧元.
- ratios (1:9, 25.72:26.84:47.44) are excluded: their parts are shares of a
  proportion, not cardinal quantities.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache

from typing import List, NamedTuple, Optional, Tuple

import re

from dataclasses import replace

from ..records import Quantity, fill
from ..resources import load_toml
from .after_unit import FILLER, after_filler, followed
from .context import link_changes, read_per, read_prefix, read_slash_per, read_suffix
from .lexicon import Lexicon, lexicon
from .numerals import parse_range, read_number
from .spacing import close_spaces, source_span

_MASK_CHARS = frozenset("*＊xX_＿×□")
_POWERS = frozenset("十百千万亿拾佰仟萬億")
_BARE_POWERS = frozenset("百千万亿佰仟萬億")
_CHINESE_DIGITS = frozenset("零〇○一二两三四五六七八九壹贰叁肆伍陆柒捌玖兩貳參陸幺")
_YEAR_DIGITS = frozenset("零〇○一二三四五六七八九")
_PER_THOUSAND = {"千分之": 1000, "仟分之": 1000, "万分之": 10000, "萬分之": 10000}
_PERCENT_UNITS = {"百分之": "%", "佰分之": "%", "千分之": "‰", "仟分之": "‰", "万分之": "‱", "萬分之": "‱", "百分": "%"}
_MINUS = frozenset("-－负負")
_HYPHENS = frozenset("-－")  # a minus only when no figure stands before it (A-3, 2-3)
_NEGATIVE_OF = ("负的", "負的")  # 负的百分之二十
_BEFORE_SIGN = frozenset("-－负負的")
_RANGE_FIRST = _CHINESE_DIGITS | _POWERS  # a spoken range starts with a digit or 十
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


_new_tuple = tuple.__new__


def find_quantities(text: str) -> List[Quantity]:
    """Every quantity in ``text`` (normalised or raw), in order of position."""
    if not isinstance(text, str) or not text:
        return []
    compact, offsets = close_spaces(text)  # 1 万元, 7 万5 千
    found = _scan(compact)
    if offsets is None:
        return found
    return [_in_source(quantity, text, offsets) for quantity in found]


_NOT_PER_UNIT = frozenset(("percent", "fraction"))
_PLUS = re.compile("[+＋]")  # kinds that are never per unit


def _scan(text: str) -> List[Quantity]:
    lex = lexicon()
    found: List[Quantity] = []
    floor = 0  # end of the last quantity found
    per_cues = lex.per_cue.search(text) is not None  # without 每 or an X均 word no figure has a per phrase
    # every candidate first, then the checks: the scanner's large compiled
    # pattern and the checks' code each stay in the CPU caches while they run
    for match in list(lex.scanner.finditer(text)):
        # the group closed last names the form: the unit ends a figure + unit
        form = match.lastgroup
        if form == "excluded" or match.start() < floor:
            continue  # a date, ordinal, name or quotation (skipped whole), or inside the previous quantity (123元1角1分)
        # most candidates are a figure with its unit: no dispatch for them
        core = _counted(lex, text, match) if form == "unit" else _read_match(lex, text, match)
        if core is not None:
            quantity = _finish(lex, text, core, floor, per_cues)
            if quantity is not None:
                found.append(quantity)
                floor = quantity.span[1]
    if lex.bare_power_end.search(text):  # (most texts write a unit after every 万)
        found = _money_without_unit(lex, text, found, per_cues)
    found = _counts_without_unit(lex, text, found, per_cues)
    if len(found) > 1 and ("秒" in text or "分钟" in text or "小时" in text):
        found = _joined_durations(text, found)
    if "秒" in text:
        found = _with_hundredths(text, found)
    return link_changes(lex, text, found)


_HUNDREDTHS = re.compile(r"[0-9]{1,2}(?![0-9.\u4e00-\u9fff%])")


def _with_hundredths(text: str, found: List[Quantity]) -> List[Quantity]:
    """11秒86, 2分03秒47: a time of a race, its hundredths written after the 秒 (11.86 秒)."""
    result = []
    for quantity in found:
        digits = _HUNDREDTHS.match(text, quantity.span[1]) if quantity.unit == "秒" and quantity.value is not None else None
        if digits is not None and text[quantity.span[1] - 1] == "秒" and not quantity.range:
            end = digits.end()
            value = quantity.value + int(digits.group()) / (10 ** len(digits.group()))
            quantity = replace(quantity, span=(quantity.span[0], end), text=text[quantity.span[0]:end], value=round(value, 2))
        result.append(quantity)
    return result


@lru_cache(maxsize=1)
def _duration_seconds() -> dict:
    return dict(load_toml("units.toml")["durations"])


def _joined_durations(text: str, found: List[Quantity]) -> List[Quantity]:
    """4分36秒, 2小时30分钟: two spans of time written one after the other are one duration,
    counted in the smaller unit (276 秒, 150 分钟)."""
    seconds = _duration_seconds()
    joined: List[Quantity] = []
    for quantity in found:
        last = joined[-1] if joined else None
        if (last is not None and last.span[1] == quantity.span[0] and last.unit in seconds
                and quantity.unit in seconds and seconds[last.unit] > seconds[quantity.unit]
                and last.value is not None and quantity.value is not None and not last.range and not quantity.range
                and not last.per and not quantity.approx and not quantity.bound):
            value = last.value * seconds[last.unit] / seconds[quantity.unit] + quantity.value
            joined[-1] = replace(last, span=(last.span[0], quantity.span[1]), text=text[last.span[0]:quantity.span[1]],
                                 value=int(value) if float(value).is_integer() else value, unit=quantity.unit,
                                 kind="measure", number_span=(last.number_span[0], quantity.number_span[1])
                                 if last.number_span and quantity.number_span else last.number_span)
            continue
        joined.append(quantity)
    return joined


def _counts_without_unit(lex: Lexicon, text: str, found: List[Quantity], per_cues: bool) -> List[Quantity]:
    """新发展会员2160, 新建驿站12, 会员总数5.6万: a bare figure ending its clause right after a noun
    that names what it counts is a count in that noun's natural unit (SPEC: 374职工 is 人)."""
    added: List[Quantity] = []
    starts, ends = [q.span[0] for q in found], [q.span[1] for q in found]
    for match in lex.bare_figure_after_noun.finditer(text):
        start, end = match.span("num")[0], match.end()
        noun = match.group("noun")
        if found[bisect_right(ends, start):bisect_left(starts, end)]:
            continue  # inside a quantity already read
        if match.group("tab") and not _label_and_figure_line(text, match):
            continue  # (a table's row of more cells: its header says what each column counts)
        value = read_number(match.group("num") + (match.group("power") or ""))
        if value is None:
            continue
        unit = lex.implicit_before[noun]
        core = _new_tuple(_Core, (start, end, match.span("num"), value, unit, "percent" if unit == "%" else "count",
                                  match.group("infix"), None, False, True, False))
        quantity = _finish(lex, text, core, start, per_cues)
        if quantity is not None:
            added.append(quantity)
    return sorted(found + added, key=lambda q: q.span) if added else found


def _label_and_figure_line(text: str, match) -> bool:
    """Whether a bare figure after a tab is the line's second and last cell (职工服务人次 | 1.26万)."""
    line_start = text.rfind("\n", 0, match.start()) + 1
    return "\t" not in text[line_start:match.start("tab")] and text[match.end():match.end() + 1] in ("", "\n", "\r")


_FIGURE_WINDOW = 16  # characters before a bare 万 / 亿 its figure may start


def _money_without_unit(lex: Lexicon, text: str, found: List[Quantity], per_cues: bool) -> List[Quantity]:
    """送温暖资金一千二百万, 工会经费将近三个亿: a figure in 万 or 亿 with no unit, right after a
    word for money, counts yuan (a 个 before 亿 only fills, as in 两个亿卢布)."""
    added: List[Quantity] = []
    # (found holds no overlapping quantities, in order: those a figure may overlap are a slice)
    starts, ends = [q.span[0] for q in found], [q.span[1] for q in found]
    for end_mark in lex.bare_power_end.finditer(text):
        end = end_mark.end()
        window_start = max(0, end - _FIGURE_WINDOW)
        figure = lex.bare_power_figure.search(text, window_start, end)
        if figure is None or figure.start() == window_start and window_start > 0:
            continue
        start = figure.start()
        overlapping = found[bisect_right(ends, start):bisect_left(starts, end)]
        if any(q.span[0] < end and start < q.span[1] and (q.span[1] > end or q.unit not in (None, "个"))
               for q in overlapping):
            continue  # inside a quantity already read whole
        if not lex.money_before.search(text, max(0, start - _FIGURE_WINDOW), start):
            continue
        value = read_number(figure.group("num") + (figure.group("power") or ""))
        if value is None:
            continue
        core = _new_tuple(_Core, (start, end, (start, end), value, "元", "money", None, None, False, True, False))
        quantity = _finish(lex, text, core, start, per_cues)
        if quantity is not None:
            added.append(quantity)
    if not added:
        return found
    kept = [q for q in found if not any(a.span[0] <= q.span[0] and q.span[1] <= a.span[1] for a in added)]
    return sorted(kept + added, key=lambda q: q.span)


def _in_source(quantity: Quantity, text: str, offsets) -> Quantity:
    """``quantity`` found in the copy without inner spaces, spans in ``text``."""
    span = source_span(quantity.span, offsets)
    number_span = quantity.number_span and source_span(quantity.number_span, offsets)
    return replace(quantity, span=span, text=text[span[0]:span[1]], number_span=number_span)


def _read_match(lex: Lexicon, text: str, m) -> Optional[_Core]:
    group = m.group
    if group("unit") is not None:
        return _counted(lex, text, m)
    if group("pct") is not None:
        value = read_number(group("pnum"))
        if value is None:
            return None
        value = -value if group("pneg") else value
        per = _PER_THOUSAND.get(group("pct"))
        if per:  # 千分之三 is written as a share of a whole, as 三分之一 is: a fraction (0.003)
            return _Core(m.start(), m.end(), m.span("pnum"), round(value / per, 9), "fraction", "fraction")
        return _Core(m.start(), m.end(), m.span("pnum"), value, _PERCENT_UNITS[group("pct")], "percent")
    if group("fnum") is not None:
        numerator = read_number(group("fnum"))
        numerator = -numerator if numerator is not None and group("fneg") else numerator
        return _fraction_of_unit(lex, m, _fraction(m, numerator, read_number(group("num"))))
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
    value = read_number(number)
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


def _fraction_of_unit(lex: Lexicon, m, core: Optional[_Core]) -> Optional[_Core]:
    """四分之一公升: a share of a measure is that measure (0.25 公升); before
    any other word (三分之一村) the unit is no part of the fraction."""
    written = m.group("funit")
    if core is None or written is None:
        return core
    core = core._replace(number_span=(m.start(), m.start("funit")))
    info = lex.units[written]
    if info.kind != "measure":
        return core._replace(end=m.start("funit"))
    return core._replace(value=core.value * info.scale, unit=info.unit, kind="measure")


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
    value = read_number(m.group("cnum"))
    if word is None or value is None:
        return None
    info = lex.units[word]
    return _Core(start - len(word), m.end(), m.span("cnum"), value * info.scale, info.unit, "money")


_TROOP_BEFORE = frozenset("队入退落")  # 队伍, 入伍, 退伍, 落伍
_WORD_NUMERALS = "一0123456789"  # 一起, 一处: a word; 三起 counts (a lone digit is Arabic, checked after)


def _counted(lex: Lexicon, text: str, m) -> Optional[_Core]:
    """A figure and the unit written after it (the unit ends the match)."""
    number, written, infix, multiplier, second = m.group("num", "unit", "infix", "mult", "num2")
    start, unit_end = m.span()
    if number[:1] == "伍" and number[1:2].isdigit() and start and text[start - 1] in _TROOP_BEFORE:
        number, start = number[1:], start + 1  # 参赛队伍12支: the 伍 of 队伍, no capital five
    info = lex.units[written]
    if info.not_before and text.startswith(info.not_before, unit_end):
        return None
    if (info.arabic_only and ((len(number) < 2 and (number in _WORD_NUMERALS or not info.single_numeral))
                              or not info.counted)
            and not (_CHINESE_DIGITS.isdisjoint(number) and _POWERS.isdisjoint(number))):
        return None  # 一起, 十分, 十二分的热情: a word (十三起 is a count)
    # 201* / xx / ___: the site hid the digits (the pattern keeps a run of x inside a Latin word out)
    masked = not _MASK_CHARS.isdisjoint(number)
    unit, kind, approx, extra = info.unit, info.kind, None, 1
    if unit == "个" and text.startswith(("多月", "余月"), unit_end):  # 3个多月
        unit, kind, approx, unit_end = "个月", "measure", lex.approx_infix[text[unit_end]], unit_end + 2
    elif written in FILLER and text[unit_end:unit_end + 1] in lex.after_filler:
        info, unit_end, extra = after_filler(lex, text, unit_end, info)
        unit, kind = info.unit, info.kind
    if written in ("元", "圆") and text[unit_end:unit_end + 1] in lex.foreign_heads:  # 3万元欧元, 9000元日币
        foreign = lex.foreign_money.match(text, unit_end)
        if foreign:
            unit, unit_end = lex.units[foreign.group()].unit, foreign.end()
    if unit == "年" and _looks_like_year(number, masked):
        return None
    if infix:
        approx = lex.approx_infix[infix]

    if multiplier in ("w", "W", "k", "K"):
        multiplier = "万" if multiplier in "wW" else "千"  # 1.2w+, 3k: the web's shorthands
    factor = info.scale * (read_number(multiplier) or 1 if multiplier else 1)
    factor *= extra
    low, high = _range_values(number, second)
    value = None if masked or low is None else low * factor
    span_range = None if masked or high is None or low is None else (low * factor, high * factor)
    if value is not None and kind in ("measure", "percent") and text.startswith("半", unit_end):
        value, unit_end = value + 0.5 * factor, unit_end + 1  # 三斤半, 三成半
    if value is not None and written in lex.followed_units:  # 1角1分, 七成六, 3斤5两, 3.04块
        value, unit, kind, unit_end = followed(lex, text, written, unit_end, value, factor, span_range is None, (unit, kind))
    number_end = m.end("num2") if second is not None else m.end("num")
    needs_marker = len(number) == 1 and number in _BARE_POWERS and not approx
    if value is None and not masked:
        return None
    # every field in order, without the NamedTuple constructor's argument handling (hot)
    return _new_tuple(_Core, (start, unit_end, (start, number_end), value, unit, kind, approx, span_range, masked, False, needs_marker))


def _looks_like_year(number: str, masked: bool) -> bool:
    """2019年, 201*年, 二〇一九年 are dates, 3年 / 十年 durations."""
    if masked:
        return True
    if number.isdigit() and len(number) == 4 and number[0] in "12":
        return True
    return len(number) >= 2 and all(ch in _YEAR_DIGITS for ch in number)


def _range_values(number: str, second: Optional[str]) -> Tuple[Optional[float], Optional[float]]:
    """(low, high) of the figure (and the ``second`` figure of 3至5, if any);
    high is None when it is not a range."""
    if second is not None:
        low, high = read_number(number), read_number(second)
        if low is not None and high is not None:
            low = _shared_power(low, number, high, second)
        if low is None or high is None or high <= low:
            return (low, None) if high is None else (None, None)
        return low, high
    spoken = parse_range(number) if len(number) > 1 and number[0] in _RANGE_FIRST else None
    if spoken:
        return spoken
    return read_number(number), None


def _shared_power(low: float, first: str, high: float, second: str) -> float:
    """3至5万元, 两到三仟, 两~3百: the second figure's power is the first's too,
    unless that makes the range run backwards (8500到3万 stays 8500)."""
    if second[-1] not in _POWERS:
        return low
    power = read_number(second[-1])
    if any(read_number(ch) >= power for ch in first if ch in _POWERS):
        return low  # 十八至三十万: 十 < 万, so 18万; 3万至50万 keeps its own
    scaled = low * power
    return scaled if scaled < high else low


def _vague(lex: Lexicon, text: str, core: _Core) -> _Core:
    """数十 / 几百 (digit unknown) and 上百 (at least a hundred)."""
    start = core.start
    before = text[start - 1] if start else ""
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
    if text[start - 1] not in _MINUS:
        return start
    if text[start - 1] in _HYPHENS and start >= 2 and _is_figure_char(text[start - 2]):
        return start  # A-3, 2-3, 1万元-5万元
    return start - 1


def _currency_before(lex: Lexicon, text: str, core: _Core) -> _Core:
    """人民币数十亿元, 港币500万元: a currency written before a yuan figure."""
    if core.kind != "money" or core.unit != "元":
        return core
    start = core.start - (1 if text[core.start - 1] == " " else 0)
    word = next((w for w in lex.currency_before if text.endswith(w, 0, start)), None)
    if word is None:
        return core
    return core._replace(start=start - len(word), unit=lex.units[word].unit)


def _finish(lex: Lexicon, text: str, core: _Core, floor: int, per_cues: bool) -> Optional[Quantity]:
    before = text[core.start - 1] if core.start else ""
    if before in lex.vague_before:  # 数十, 几百, 上百
        core = _vague(lex, text, core)
        before = text[core.start - 1] if core.start else ""
    if before in lex.rare_before:  # 人民币..., 张三, 王五
        core = _currency_before(lex, text, core)
        if text[core.start - 1:core.start + 1] in lex.placeholders:
            return None
    start, end, number_span, value, unit, kind, approx, span_range, masked, implicit, needs_marker = core
    # the helpers are called only when a marker may stand there (the scan is hot)
    approx_before = bound_before = None
    if before in lex.prefix_tail_chars:
        start, approx_before, bound_before = read_prefix(lex, text, start)
    approx_after = bound_after = per = None
    if text[end:end + 1] in lex.suffix_triggers:
        end, approx_after, bound_after = read_suffix(lex, text, end, kind)
        end, per = read_slash_per(lex, text, end)
    approx = approx or approx_after or approx_before
    bound = bound_before or bound_after
    if bound is None and kind != "percent" and _PLUS.search(text, number_span[1], end):
        bound = "lower"  # 10+场, 1.2w+人次
    if needs_marker and not (approx or bound):
        return None
    if not per and per_cues and kind not in _NOT_PER_UNIT:  # 人均工资增长6.8%: the wage is per person, not the rate
        per = read_per(lex, text, start, floor)
    signed = _sign_start(text, start) if value is not None and start and text[start - 1] in _BEFORE_SIGN else start
    if signed < start:
        start, value = signed, -value  # 增长-3.5%, 负22.2%, 负的百分之二十
        span_range = span_range and (-span_range[1], -span_range[0])
    if type(value) is float:
        value = round(value, 6)  # 1046.38 * 10000 is 10463800.000000002 in binary floating point
        if value.is_integer():
            value = int(value)
        if span_range is not None:
            span_range = (round(span_range[0], 6), round(span_range[1], 6))
    # the frozen record's __init__ would cost as much again as the rest of this function
    return fill(Quantity, {
        "span": (start, end), "text": text[start:end], "value": value, "unit": unit, "kind": kind,
        "approx": approx, "bound": bound, "range": span_range, "per": per, "masked": masked,
        "number_span": number_span, "change": None, "implicit_unit": implicit,
    })


