"""What a few units carry right after them: 123元1角1分, 七成六 (76%),
3斤5两 (3.5 斤), 3.04块 (money, since pieces are whole), and the spoken 个
of 两个亿卢布 / 20个比特币 before the real unit."""
from __future__ import annotations

import re
from typing import Tuple

from .lexicon import Lexicon
from .numerals import parse_number

FILLER = "个個"  # 两个亿卢布, 20个比特币, 六個加侖
_CHINESE_DIGITS = frozenset("零〇○一二两三四五六七八九壹贰叁肆伍陆柒捌玖兩貳參陸幺")
_NONZERO = "一二三四五六七八九壹贰叁肆伍陆柒捌玖貳參陸\\d"
# 元 followed by 角 / 分: 123元1角1分, 九元零九分, 壹拾壹元壹角壹分
_CENTS = re.compile(rf"(?:([零〇{_NONZERO}])[角毛])?(?:零?([{_NONZERO}])分)?(?:整|正)?")
# a lone digit after a unit (七成六), not the start of another figure
_TRAILING_DIGIT = re.compile(r"([一二三四五六七八九])(?![0-9０-９零〇一二两三四五六七八九十百千万亿点])")
# a digit and the smaller unit it counts: the 5两 of 3斤5两
_SUBUNIT = re.compile(r"([0-9]|[一二两三四五六七八九])(.)")


def followed(lex: Lexicon, text: str, written: str, end: int, value: float, factor: float, single: bool, unit_kind):
    """What a few units carry after them: (value, unit, kind, end)."""
    unit, kind = unit_kind
    if written in ("元", "圆") and factor == 1:
        value, end = _add_cents(text, end, value)
    elif written == "块" and not float(value).is_integer():
        unit, kind = "元", "money"  # 3.04块: pieces are whole, yuan are not
    elif written in lex.trailing_digit and single:
        value, end = _add_trailing_digit(text, end, value, factor)
    elif unit in lex.subunits:
        value, end = _add_subunit(lex.subunits[unit], text, end, value)
    return value, unit, kind, end


def after_filler(lex: Lexicon, text: str, end: int, info):
    """两个亿卢布, 20个比特币, 六個加侖: a 个 before a money or measure unit
    (with an optional 万 / 亿) is a spoken filler: (unit info, end, multiplier)."""
    power = 1
    if text[end:end + 1] in ("万", "亿", "萬", "億"):
        power, end = parse_number(text[end]), end + 1
    word = lex.unit_at.match(text, end)
    word = word and word.group()
    if word and lex.units[word].kind in ("money", "measure") and word[0] not in FILLER and word[0] not in _CHINESE_DIGITS:
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
    return value + parse_number(match.group(1)) * table[match.group(2)], match.end()


def _add_cents(text: str, end: int, value: float) -> Tuple[float, int]:
    """123元1角1分 = 123.11, 九元零九分 = 9.09."""
    cents = _CENTS.match(text, end)
    if not cents or cents.end() == end:
        return value, end
    jiao = parse_number(cents.group(1)) if cents.group(1) else 0
    fen = parse_number(cents.group(2)) if cents.group(2) else 0
    if jiao is None or fen is None:
        return value, end
    return round(value + jiao / 10 + fen / 100, 2), cents.end()
