"""How a peer's expectation is compared with our output, one checker per
peer format (scripts/peer_vectors.py picks the checker).

Whole-string vectors (duckling, minlp, cn2an, JioNLP parse) accept
parse_number(input), the one number find_numbers reads over the whole input,
or a single quantity covering it; span vectors (Recognizers-Text, JioNLP
extract) need a reading overlapping the expected span with the expected value.
Readings are find_quantities' quantities plus find_numbers' bare numbers.

Vague amounts: JioNLP writes 3000多 / 十几 as a range [3000, 4000] / [10, 20];
we keep SPEC's encoding, the round figure written as value with approx 多 / 几
(range null), so a blur range matches a value equal to its low end carrying
an approx marker.  数十亿 (leading digit unknown) is a range for us too:
value 10亿, range (10亿, 100亿), approx 数.

NumberRange vectors (Recognizers-Text) are compared with find_number_ranges:
same spans, same ends and closures, read in each model's own convention
(RANGE_HALF_OPEN_PAIRS below).
"""
from __future__ import annotations

import re

from extractor.quantities import find_number_ranges, find_numbers, find_quantities, parse_number

def close(a, b) -> bool:
    if a is None or b is None:
        return False
    return abs(float(a) - float(b)) <= max(1e-6, abs(float(b)) * 1e-4)


def readings(text: str):
    """(span, value, unit, kind, quantity-or-None, range) for every quantity and
    for every bare number (numbers with no unit are no quantities, but the
    numeral vectors ask for their values)."""
    out = [(q.span, q.value, q.unit, q.kind, q, q.range) for q in find_quantities(text)]
    out += [(n.span, n.value, None, "number", None, n.range) for n in find_numbers(text)]
    return out


def as_ratio(value, unit):
    """Percent and fraction values as a share of one (60% -> 0.6)."""
    if value is None:
        return None
    return value / {"%": 100, "‰": 1000, "‱": 10000}.get(unit, 1)


def whole_values(text: str):
    """What the input means as a whole: parse_number, or one quantity covering it."""
    text = str(text)
    values = []
    number = parse_number(text)
    if number is not None:
        values.append((number, None, None))
    numbers = find_numbers(text)
    if len(numbers) == 1 and len(numbers[0].text) >= len(text.strip()) - 2:
        values.append((numbers[0].value, None, None))
    quantities = find_quantities(text)
    if len(quantities) == 1 and len(quantities[0].text) >= len(text.strip()) - 2:
        q = quantities[0]
        values.append((q.value, q.unit, q))
    return values


UNIT_BASE = {
    "千米": ("米", 1000), "公里": ("米", 1000), "厘米": ("米", 0.01), "公分": ("米", 0.01), "毫米": ("米", 0.001),
    "米": ("米", 1), "千克": ("克", 1000), "公斤": ("克", 1000), "斤": ("克", 500), "克": ("克", 1), "毫克": ("克", 0.001),
    "吨": ("克", 1e6), "两": ("克", 50), "升": ("升", 1), "公升": ("升", 1), "毫升": ("升", 0.001), "立方米": ("升", 1000),
}
PEER_UNIT_BASE = {
    "Kilometre": ("米", 1000), "Metre": ("米", 1), "Centimetre": ("米", 0.01), "Millimetre": ("米", 0.001),
    "Mile": None, "Foot": None, "Inch": None, "Yard": None, "Gallon": None,
    "Gram": ("克", 1), "Kilogram": ("克", 1000), "Milligram": ("克", 0.001), "Pound": None, "Ounce": None,
    "Litre": ("升", 1), "Millilitre": ("升", 0.001),
}


def in_base(value, unit):
    if unit in UNIT_BASE:
        base, factor = UNIT_BASE[unit]
        return value * factor, base
    return value, unit


def check_whole_number(vector) -> bool:
    expected = vector["expected"]
    if isinstance(expected, dict) and "error" in expected:
        return parse_number(str(vector["input"])) is None and not find_quantities(str(vector["input"]))
    if isinstance(expected, dict):
        expected = expected.get("value", expected.get("multiple"))
    target = float(expected)
    return any(close(value, target) for value, _, _ in whole_values(vector["input"]))


def check_fraction_or_percent(vector) -> bool:
    target = vector["expected"]["value"]
    return any(close(as_ratio(v, u), target) for v, u, _ in whole_values(vector["input"]))


def _peer_op_matches(q, expected, convert) -> bool:
    """Duckling's between / under / above / plain value against our quantity."""
    op = expected.get("op")
    if op == "between":
        return bool(q.range) and close(convert(q.range[0]), expected["from"]) and close(convert(q.range[1]), expected["to"])
    if q.value is None or not close(convert(q.value), expected["value"]):
        return False
    return {"under": q.bound == "upper", "above": q.bound == "lower"}.get(op, True)


IMPERIAL = {"Mile": "英里", "Foot": "英尺", "Inch": "英寸", "Gallon": "加仑", "Pound": "磅", "Ounce": "盎司"}


def check_peer_quantity(vector) -> bool:
    expected = dict(vector["expected"])
    expected["unit"] = IMPERIAL.get(expected["unit"], expected["unit"])
    peer = PEER_UNIT_BASE.get(expected["unit"])
    for value, unit, q in whole_values(vector["input"]):
        if q is None:
            if value is not None and not expected.get("op") and not peer and close(value, expected.get("value", -1)):
                return True
            continue
        if peer:
            ours_base = in_base(1, unit)[1]
            if ours_base == peer[0] and _peer_op_matches(q, expected, lambda v: in_base(v, unit)[0] / peer[1]):
                return True
        elif unit == expected["unit"] and _peer_op_matches(q, expected, lambda v: v):
            return True
    return False


CURRENCY_NAMES = {"CNY": "元", "Chinese yuan": "元", "元": "元", "USD": "美元", "Dollar": "美元", "United States dollar": "美元",
                  "EUR": "欧元", "Euro": "欧元", "GBP": "英镑", "British pound": "英镑", "JPY": "日元", "Japanese yen": "日元",
                  "HKD": "港元", "Hong Kong dollar": "港元"}


def _blur_matches(q, low: float, high: float) -> bool:
    """JioNLP's [low, high] against a range, or a round figure with approx."""
    if q.range:
        return close(q.range[0], low) and close(q.range[1], high)
    return q.approx in ("多", "余", "几", "来") and close(q.value, low)


def check_money_whole(vector) -> bool:
    """JioNLP parse_money is told its input is an amount of money: a bare
    numeral is in 元 (三百万 -> 3000000 元)."""
    expected = vector["expected"]
    if "num" in expected:  # JioNLP parse_money
        number = expected["num"]
        for value, unit, q in whole_values(vector["input"]):
            if q is None:
                if unit is None and expected.get("case") == "元" and not isinstance(number, list) and close(value, float(number)):
                    return True
                continue
            if q.kind != "money" or unit != expected.get("case", unit):
                continue
            if isinstance(number, list):
                if _blur_matches(q, float(number[0]), float(number[1])):
                    return True
            elif close(value, float(number)):
                return True
        return False
    units = {"元", "美元"} if expected.get("unit") == "Dollar" else {CURRENCY_NAMES.get(expected.get("unit"), expected.get("unit"))}
    return any(q is not None and q.kind == "money" and u in units and _peer_op_matches(q, expected, lambda x: x)
               for v, u, q in whole_values(vector["input"]))


def check_spans(vector, kinds=None) -> bool:
    """Recognizers-Text / JioNLP extract: every expected entity is overlapped
    by one of our readings with the same value; no entity means no quantity."""
    text = str(vector["input"])
    expected = vector["expected"]
    if isinstance(expected, dict):  # single-entity issue format
        expected = [expected]
    found = readings(text)
    if not expected:
        return not any(r[4] is not None and (kinds is None or r[3] in kinds) for r in found)
    if isinstance(expected, list) and all(isinstance(e, dict) and "type" not in e and "offset" not in e and "text" not in e for e in expected):
        return _values_found(expected, found)
    for entity in expected:
        start, end = entity.get("offset") or _locate(text, entity.get("text", ""))
        want = _entity_value(entity)
        ok = False
        share = want / 100 if want is not None and str(_raw_value(entity)).endswith("%") else None
        for (s, e), value, unit, kind, q, spread in found:
            if s >= end or start >= e:
                continue
            if kinds is not None and kind not in kinds:
                continue
            candidates = [value, *(spread or ())]  # a range matches by either end (5-20%)
            if want is None or any(close(v, want) or close(as_ratio(v, unit), want if share is None else share) for v in candidates):
                ok = True
                break
        if not ok:
            return False
    return True


def _values_found(expected, found) -> bool:
    """Issue vectors listing values only ([{"value": "20"}, ...])."""
    values = [r[1] for r in found]
    return all(any(close(v, _entity_value(e)) for v in values) for e in expected)


def _locate(text, needle):
    if not needle:
        return 0, len(text)
    start = text.find(needle)
    return (start, start + len(needle)) if start >= 0 else (0, len(text))


def _raw_value(entity):
    resolution = entity.get("resolution") or {}
    return resolution.get("value", entity.get("num", entity.get("value")))


def _entity_value(entity):
    raw = _raw_value(entity)
    if raw is None:
        return None
    raw = str(raw)
    if raw.endswith("%"):
        return float(raw[:-1])
    try:
        return float(raw)
    except ValueError:
        return None


# How Recognizers-Text writes the ends of an interval we read as closed.
# Both its models read 以上 / 以下 / 以内 (our form "legal", closed by Chinese
# law) as excluding the figure; its standard NumberRange model writes two
# numbers joined by 到 / - / 和...之间 as half-open [20,30), its experimental
# model as closed [20,30].
RANGE_HALF_OPEN_PAIRS = {"msrt_numberrange.jsonl": True, "msrt_numberrange_experimental.jsonl": False}


def _peer_interval(r, half_open_pairs: bool):
    """(low, high, low_closed, high_closed) of our NumberRange in the peer's convention."""
    low_closed, high_closed = r.low_inclusive, r.high_inclusive
    if r.form == "legal":
        low_closed = high_closed = False
    if r.form in ("span", "between") and half_open_pairs:
        high_closed = False
    return r.low, r.high, low_closed, high_closed


_INTERVAL = re.compile(r"\s*([\[(])\s*([^,]*?)\s*,\s*([^,]*?)\s*([\])])\s*")


def _parse_interval(written: str):
    match = _INTERVAL.fullmatch(written)
    if not match:
        return None
    opening, low, high, closing = match.groups()
    return (float(low) if low else None, float(high) if high else None, opening == "[", closing == "]")


def _same_interval(ours, theirs) -> bool:
    (low, high, low_closed, high_closed), (want_low, want_high, want_low_closed, want_high_closed) = ours, theirs
    ends = all((a is None and b is None) or close(a, b) for a, b in ((low, want_low), (high, want_high)))
    closures = (low is None or low_closed == want_low_closed) and (high is None or high_closed == want_high_closed)
    return ends and closures


def check_range(vector, file_name: str = "") -> bool:
    """Recognizers-Text NumberRange: every expected interval is one of
    find_number_ranges' records, on the same span with the same ends and
    closures (read in the file's convention); nothing else is found."""
    text = str(vector["input"])
    half_open = RANGE_HALF_OPEN_PAIRS.get(file_name, True)
    ours = {r.span: _peer_interval(r, half_open) for r in find_number_ranges(text)}
    wanted = {}
    for entity in vector["expected"]:
        interval = _parse_interval((entity.get("resolution") or entity)["value"])
        span = tuple(entity.get("offset") or _locate(text, entity.get("text", "")))
        if interval is None or span not in ours or not _same_interval(ours[span], interval):
            return False
        wanted[span] = interval
    return len(wanted) == len(ours)


# a number in an ITN output: 1亿2300, 100万1111, 20.1万, 300~500 (its low end), -13%
_EXPECTED_NUMBER = re.compile(r"(?P<low>-?\d+(?:\.\d+)?(?:[万亿兆萬億]\d+(?:\.\d+)?)*)(?:[~-]\d+(?:\.\d+)?)?(?P<power>[万亿兆萬億]?)")


def check_itn_string(vector) -> bool:
    """ITN: the numbers written in the expected string are what we read.
    An output with no digits (cn2an keeps 两三个 as words) passes when we
    read no single figure there: a range (两三个 -> 2 to 3) is no "23"."""
    expected, text = str(vector["expected"]), str(vector["input"])
    found = readings(text)
    if vector["kind"] == "itn_fraction" and "/" in expected and "分之" in text:
        values = [int(m.group(1)) / int(m.group(2)) for m in re.finditer(r"(-?\d+)/(\d+)", expected)]
        return all(any(close(r[1], round(v, 4)) for r in found) for v in values)
    expected = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", expected)  # thousands separators only
    fractions = [int(m.group(1)) / int(m.group(2)) for m in re.finditer(r"(-?\d+)/(\d+)", expected)]
    expected = re.sub(r"-?\d+/\d+", " ", expected)
    if not all(any(close(r[1], round(v, 4)) for r in found) for v in fractions):
        return False
    targets = [parse_number(m.group("low") + m.group("power")) for m in _EXPECTED_NUMBER.finditer(expected)]
    if not targets and not fractions:
        return all(r[5] is not None for r in found if r[4] is not None)
    values = [r[1] for r in found]
    return all(any(close(v, t) for v in values if v is not None) for t in targets if t is not None)


def check_ordinal(vector) -> bool:
    """Ordinals are excluded: no quantity may be found in them."""
    return not find_quantities(str(vector["input"]))


def check_chinese2digits(vector) -> bool:
    found = readings(str(vector["input"]))
    values = [r[1] for r in found] + [as_ratio(r[1], r[2]) for r in found]
    for digits in vector["expected"]["digitsStringList"]:
        if "/" in digits:
            a, b = digits.split("/")
            target = round(float(a) / float(b), 4)
        else:
            target = float(digits.rstrip("%")) / (100 if digits.endswith("%") else 1)
        if not any(close(v, target) for v in values if v is not None):
            return False
    return True


