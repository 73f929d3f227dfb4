"""Read the value of one numeral: Arabic, Chinese, 大写, or a mix of them.

``parse_number`` accepts every way Chinese documents write a cardinal number:

- Arabic with thousands separators and decimals, half- or full-width:
  ``1,234`` ``1，234`` ``１２３`` ``3.14``;
- Chinese numerals with powers of ten: ``一百零五`` ``两千`` ``十四``
  ``一千零一万零一``; the spoken abbreviation of a last digit ``三万五``
  (35000), ``两千六`` (2600); ``廿二``;
- digit-by-digit readings (years, codes): ``二〇一九`` ``二00七`` ``幺八九``;
- 大写 financial numerals: ``壹万贰仟``;
- mixed forms: ``3.5万`` ``1.2亿`` ``3万4000`` ``25万6千`` ``1.94亿``;
- decimals written with 点: ``三点五`` ``一百点一二``; a leading 负 or ``-``;
  ``半`` (0.5) and SI-style suffixes ``100K`` ``1.2M``.

It returns ``None`` for anything that is not one numeral, and never raises.
Values are ``int`` when whole, else ``float``.
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple, Optional, Tuple, Union

import regex

from ..resources import load_toml

Number = Union[int, float]

_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20  # ideographic space

# 1,234,567.8 — a comma only counts as a thousands separator in groups of three
_GROUPED = regex.compile(r"\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?")
_ARABIC = regex.compile(r"\d+(?:\.\d+)?|\.\d+")  # 12  12.5  .77
_GROUPED_HEAD = regex.compile(r"\d{1,3}(?:[,，]\d{3})+(?=[.\D]|$)")  # 1,100 of 1,100万
# an ASR / spoken range: 四十五六 (45-46), 七百三四十 (730-740), 一万六七,
# 三五百; the prefix must end in a power (十 七百 一万) or be empty
_SPOKEN_RANGE = regex.compile(r"(?P<head>.*?)(?P<a>[一二两三四五六七八九])(?P<b>[二两三四五六七八九])(?P<tail>[十百千万亿萬億]*)")


class _Tables(NamedTuple):
    digits: dict
    small: dict
    large: dict
    tens: dict
    points: frozenset
    negatives: tuple
    suffixes: dict
    half: frozenset
    vague_infix: frozenset
    spoken_only: frozenset
    ambiguous_last: frozenset


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    data = load_toml("quantity_markers.toml")["numerals"]
    return _Tables(
        digits=dict(data["digits"]), small=dict(data["small_units"]),
        large=dict(data["large_units"]), tens=dict(data["tens"]),
        points=frozenset(data["points"]), negatives=tuple(data["negatives"]),
        suffixes=dict(data["suffixes"]), half=frozenset(data["half"]),
        vague_infix=frozenset(data["vague_infix"]), spoken_only=frozenset(data["spoken_only"]),
        ambiguous_last=frozenset(data["ambiguous_last"]),
    )


def numeral_characters() -> str:
    """Every Chinese character that can be part of a numeral (for patterns)."""
    t = _tables()
    return "".join(sorted({*t.digits, *t.small, *t.large, *t.tens}))


def _tidy(value: float) -> Number:
    value = round(value, 10)
    return int(value) if float(value).is_integer() and abs(value) < 1e18 else value


def parse_number(text: str) -> Optional[Number]:
    """Value of the numeral ``text`` (``"3.5万"`` -> 35000), or None."""
    if not isinstance(text, str):
        return None
    return _parse_cached(text)


@lru_cache(maxsize=8192)
def _parse_cached(text: str) -> Optional[Number]:
    try:
        return _parse_signed(text.translate(_FULLWIDTH).strip())
    except (ValueError, OverflowError, ArithmeticError, RecursionError):
        return None


# parse_number for a str (what a pattern's group holds), without the type check's call
read_number = _parse_cached


def _parse_signed(text: str) -> Optional[Number]:
    tables = _tables()
    sign = 1
    for negative in tables.negatives:
        if text.startswith(negative) and len(text) > len(negative):
            sign, text = -1, text[len(negative):].lstrip()
            break
    value = _parse_unsigned(text, tables)
    return None if value is None else _tidy(sign * value)


def _parse_unsigned(text: str, tables: _Tables) -> Optional[float]:
    if not text or len(text) > 64:
        return None
    # the common cases first, read as the general steps below read them
    if _plain_arabic(text):
        return float(text)  # 12  12.5  .77
    last = text[-1]
    if last in tables.large and last not in tables.ambiguous_last and _plain_arabic(text[:-1]) and text[0] != ".":
        figure = float(text[:-1])
        if figure:
            return figure * tables.large[last]  # 3.5万  1200亿
    if _GROUPED.fullmatch(text):
        text = text.replace(",", "").replace("，", "")
    head = _GROUPED_HEAD.match(text)
    if head:  # 1,100万 1,100.9亿
        text = head.group().replace(",", "").replace("，", "") + text[head.end():]
    if _ARABIC.fullmatch(text):
        return float(text)
    if text[-1] in tables.suffixes and _ARABIC.fullmatch(text[:-1]):
        return float(text[:-1]) * tables.suffixes[text[-1]]
    if text in tables.half or (len(text) == 2 and text[1] in tables.half and text[0] in "一1"):
        return 0.5
    if text[-1] in tables.ambiguous_last:
        return None
    if len(text) == 2 and text[0] in tables.half and text[1] in tables.small:
        return 0.5 * tables.small[text[1]]  # 半百 = 50
    text = _drop_vague_infix(text, tables)
    if not _spoken_two_allowed(text, tables):
        return None
    tokens = _tokenise(text, tables)
    if tokens is None:
        return None
    if not any(kind in ("small", "large", "tens") for kind, _ in tokens):
        return _read_digit_string(tokens)
    return _read_positional(tokens)


def _plain_arabic(text: str) -> bool:
    """ASCII digits with at most one decimal point inside or before them (what
    _ARABIC matches in ASCII): 12  12.5  .77, not 12. or 1,200."""
    return text.isascii() and text.replace(".", "", 1).isdigit() and not text.endswith(".")


def _drop_vague_infix(text: str, tables: _Tables) -> str:
    """十多万 -> 十万, 500余万 -> 500万, 千余 -> 千, 十几万多亿 -> 十万亿:
    the round figure written (only powers may follow a vague character)."""
    for i, ch in enumerate(text):
        if ch in tables.vague_infix and 0 < i:
            rest = text[i + 1:]
            powers_only = all(c in tables.large or c in tables.small or c in tables.vague_infix for c in rest)
            if powers_only and (not rest or rest[-1] not in tables.vague_infix):
                return text[:i] + "".join(c for c in rest if c not in tables.vague_infix)
            return text
    return text


def _spoken_two_allowed(text: str, tables: _Tables) -> bool:
    """两 is no digit of a decimal (两百点两) nor of a digit string (一两)."""
    if tables.spoken_only.isdisjoint(text):
        return True
    points = [i for i, ch in enumerate(text) if ch in tables.points]
    if points and not tables.spoken_only.isdisjoint(text[points[0]:]):
        return False
    has_power = any(ch in tables.small or ch in tables.large or ch in tables.tens for ch in text)
    return has_power or len(text) == 1


def _tokenise(text: str, tables: _Tables) -> Optional[list]:
    """Split into (kind, value) tokens: digit, arabic, small, large, tens, point."""
    tokens, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch.isdigit() and ch.isascii():
            j = i
            while j < len(text) and text[j].isascii() and (text[j].isdigit() or text[j] == "." and j + 1 < len(text) and text[j + 1].isdigit()):
                j += 1
            tokens.append(("arabic", text[i:j]))
            i = j
            continue
        for kind, table in (("digit", tables.digits), ("small", tables.small), ("large", tables.large), ("tens", tables.tens)):
            if ch in table:
                tokens.append((kind, table[ch]))
                break
        else:
            if ch not in tables.points:
                return None
            tokens.append(("point", ch))
        i += 1
    return tokens


def _read_digit_string(tokens: list) -> Optional[float]:
    """二〇一九 -> 2019, 一二点三 -> 12.3: every symbol is one digit."""
    written = "".join(str(value) if kind == "digit" else value if kind == "arabic" else "." for kind, value in tokens)
    if written.count(".") > 1 or not _ARABIC.fullmatch(written) or written.startswith("."):
        return None
    return float(written)


def _fraction_digits(tokens: list) -> Optional[float]:
    written = "".join(str(value) if kind == "digit" else value if kind == "arabic" else "?" for kind, value in tokens)
    if not written or not written.isdigit():
        return None
    return float("0." + written)


def _abbreviated(tokens: list, i: int, last_small: Optional[float]) -> bool:
    """三万五 / 两千三点一 / 百二万: a lone digit closing a section after a
    power stands for that power's next digit (the spoken abbreviation)."""
    if i + 1 == len(tokens):
        return True
    following = tokens[i + 1][0]
    return following == "point" or (following == "large" and last_small < 1e4)


def _close_group(groups: list, below: float, unit: float, written: bool = False) -> None:
    """Multiply what stands below ``unit`` by it: 三亿 四千万 五兆; 万万 = 亿.  ``written``:
    a number stands before it, so nothing below is 0 (0万元, 0.00万元), not one 万."""
    label = unit
    while groups and (groups[-1][0] < unit or (groups[-1][0] == unit and not below)):
        group_power, value = groups.pop()
        if group_power == unit:
            label = unit * group_power
        below += value
    groups.append((label, (below if below or written else 1.0) * unit))


def _read_positional(tokens: list) -> Optional[float]:
    """一千零一万零一 -> 10010001; 3.5万 -> 35000; 三万五 -> 35000."""
    groups: list = []  # (power, value) of 万 / 亿 / 兆 groups, highest first
    section = 0.0
    current: Optional[float] = None
    last_small = None  # power of the last 十/百/千 or 万/亿, for 三万五
    section_power = float("inf")  # powers inside one section must fall (十一十二 is not a numeral)
    zero_seen = False
    i = 0
    while i < len(tokens):
        kind, value = tokens[i]
        if kind == "point":
            end = next((j for j in range(i + 1, len(tokens)) if tokens[j][0] in ("small", "large", "tens", "point")), len(tokens))
            fraction = _fraction_digits(tokens[i + 1:end])
            if fraction is None or (current is None and section == 0 and not groups and not zero_seen):
                return None
            current = (current or 0.0) + fraction
            i = end
            last_small = None
            continue
        if kind in ("digit", "arabic"):
            number = float(value)
            if current is not None and kind == "digit" and tokens[i - 1][0] == "digit":
                return None  # 十一五: two bare digits in a row inside a positional numeral
            if kind == "digit" and value == 0:
                zero_seen, current = True, None
            else:
                single = kind == "digit" or len(value) == 1  # 三万五, 13万2
                abbreviated = single and last_small and not zero_seen and _abbreviated(tokens, i, last_small)
                current = number * last_small / 10 if abbreviated else number
                if kind == "arabic" and value.startswith("0") and len(value) > 1:
                    zero_seen = True
        elif kind == "tens":
            section += value
            current, last_small, section_power = None, None, 10.0
        elif kind == "small":
            if value >= section_power:
                return None
            section += (current if current is not None else 1.0) * value
            current, last_small, zero_seen, section_power = None, float(value), False, float(value)
        else:  # large: 万 亿 兆; a bare leading 万 means one 万
            _close_group(groups, section + (current or 0.0), float(value), written=current is not None)
            section, current, last_small, zero_seen, section_power = 0.0, None, float(value), False, float("inf")
        i += 1
    return sum(value for _, value in groups) + section + (current or 0.0)


@lru_cache(maxsize=4096)
def parse_range(text: str) -> Optional[Tuple[Number, Number]]:
    """(low, high) of a spoken range written as one numeral: 三五百 (300,
    500), 四十五六 (45, 46), 七百三四十 (730, 740), 一万六七 (16000, 17000),
    十七八万; None for anything else (a plain numeral included)."""
    if not isinstance(text, str) or len(text) < 2 or len(text) > 24:
        return None
    match = _SPOKEN_RANGE.fullmatch(text.translate(_FULLWIDTH).strip())
    if not match:
        return None
    head, first, second, tail = match.group("head", "a", "b", "tail")
    tables = _tables()
    if head and head[-1] not in tables.small and head[-1] not in tables.large and head[-1] not in "零〇":
        return None  # 一二三 is a digit string, not a range
    low, high = tables.digits[first], tables.digits[second]
    if high != low + 1 and first + second not in _range_pairs():
        return None
    low_value, high_value = parse_number(head + first + tail), parse_number(head + second + tail)
    if low_value is None or high_value is None or not low_value < high_value:
        return None
    return low_value, high_value


@lru_cache(maxsize=1)
def _range_pairs() -> frozenset:
    """Non-consecutive digit pairs read as ranges (三五), from quantity_markers.toml."""
    return frozenset(load_toml("quantity_markers.toml")["range"]["pairs"])
