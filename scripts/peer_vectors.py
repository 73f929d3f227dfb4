"""Run the quantity recogniser over other projects' test vectors.

Reads ../shared/peer_vectors/*.jsonl (see SOURCES.md there), keeps the
vectors in scope for a number / money / percent / fraction / range /
quantity recogniser of documents, compares our output with each peer's
expected value in the peer's own format, and prints the pass rate per file,
the failures, and every vector judged out of scope with its reason.
The last line printed is the overall pass rate of in-scope vectors.

Whole-string vectors (duckling, minlp, cn2an, NeMo/WeTextProcessing ITN)
accept either parse_number(input) or a single quantity covering the input;
span vectors (Recognizers-Text, JioNLP extract) need a quantity overlapping
the expected span with the expected value.

Usage: python scripts/peer_vectors.py [PEER_DIR] [--quiet]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from extractor.quantities import find_quantities, parse_number
from extractor.quantities.numerals import numeral_characters

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "peer_vectors"

# Whole files or kinds out of scope, with the reason (never dropped silently).
OUT_OF_SCOPE_KINDS = {
    "time": "dates and times are excluded from quantities (SPEC section 3)",
    "time_extract": "dates and times are excluded from quantities (SPEC section 3)",
    "lexicon": "a word list (used to build units.toml), not a test vector",
    "number_to_cn": "digits to Chinese (text generation), not recognition",
    "sentence_an2cn": "digits to Chinese (text generation), not recognition",
    "itn_date": "dates are excluded from quantities (SPEC section 3)",
    "itn_time": "times are excluded from quantities (SPEC section 3)",
    "itn_whitelist": "abbreviation rewriting (人力资源 -> HR), no numbers",
    "itn_char": "single-character passthrough of the ASR normaliser",
    "itn_math": "spoken arithmetic (一加二 -> 1+2) is not in documents",
    "itn_license_plate": "spoken licence plates (ASR)",
    "itn_train_number": "spoken train numbers (高一二 -> G12, ASR)",
    "itn_normalizer_disable_standalone_number_disable_0_to_9": "ASR normaliser switch: whether to rewrite a lone digit; says nothing about quantities",
    "itn_normalizer_disable_standalone_number_enable_0_to_9": "ASR normaliser switch: whether to rewrite a lone digit; says nothing about quantities",
    "itn_normalizer_enable_standalone_number_disable_0_to_9": "ASR normaliser switch: whether to rewrite a lone digit; says nothing about quantities",
}
OUT_OF_SCOPE_FILES = {
    "jionlp_time_parse.jsonl": "dates and times are excluded (SPEC section 3)",
    "jionlp_time_extract.jsonl": "dates and times are excluded (SPEC section 3)",
    "jionlp_quantifiers_lexicon.jsonl": "a word list (used to build units.toml), not a test vector",
    "cn2an_an2cn.jsonl": "digits to Chinese (text generation), not recognition",
    "nemo_zh_tn.jsonl": "text normalisation digits -> Chinese reading (tn_*), not recognition",
    "wetext_tn.jsonl": "text normalisation digits -> Chinese reading (tn_*), not recognition",
    "duckling_temperature.jsonl": "temperatures (摄氏37°) are weather, not indicators of work reports",
    "msrt_temperature.jsonl": "temperatures (华氏温度98.6度) are weather, not indicators of work reports",
}
# Single vectors out of scope: (predicate on the vector, reason), first match wins.
OUT_OF_SCOPE_RULES = [
    (lambda v: v.get("mode") == "strict" and v["kind"] == "number_invalid" and v["input"] in ("一一", "壹壹", "百十一"),
     "cn2an strict mode rejects a form its own normal mode reads (一一 = 11); a document reader is lenient"),
    (lambda v: v["kind"] == "number_invalid" and v["input"] in ("10.1万零100", "百万"),
     "rejected only by cn2an's strict/smart grammar; documents write 百万 and such mixes, we read them"),
    (lambda v: re.search(r"[對对雙双打]$", str(v["input"])) and v["kind"] == "number",
     "counting-word multipliers (一對 = 2, 五打 = 60) are measure words, not numerals"),
    (lambda v: re.search(r"份|又|分一|^1半$|半半", str(v["input"])) and v["kind"] == "number",
     "classical fraction readings (十份十一, 一又十分一, 二份一) are not used in official documents"),
    (lambda v: str(v["input"]) in ("Ⅲ",), "Roman numerals label items, they never count in documents"),
    (lambda v: re.search(r"蚊|毫(?!升|米|克)|個半|起碼|[一二三四五六七八九]分一|湯匙|foot|inch|\\\"", str(v["input"])),
     "Cantonese / spoken measures (三蚊, 两毫, 四分一升, 湯匙) and English unit words are not in Chinese official documents"),
    (lambda v: re.search(r"\d[\^e]\d", str(v["input"])), "mathematical notation (2^5, 2e5) is not used for counts in documents"),
    (lambda v: re.search(r"[0-9０-９][kKＫ]|[0-9]M\b", str(v["input"])) and not v["source"].startswith("facebook") and "minlp" not in v["source"].lower() and "MiNLP" not in v["source"],
     "Latin k/M multipliers on figures (40k, 百分之15k) are not written in Chinese documents"),
    (lambda v: re.search(rf"[{numeral_characters()}点][ \u3000]+[{numeral_characters()}点]|[ \u3000]{{2,}}", str(v["input"])),
     "numerals spaced out character by character (一百 五 十 二): a speech-transcript layout, not documents"),
    (lambda v: re.search(r"[仙毛角分]钱?$|块[一二三四五六七八九]|毛[一二三四五六七八九]|RMB|块钱?九|^.{1,3}块$", str(v["input"])) and v["kind"] == "money" and "元" not in str(v["input"]),
     "spoken shop prices (五分, 九块九毛九, 两块九) - documents write X元Y角Z分"),
    (lambda v: str(v["input"]).endswith(("折", "对折")) or "折" in str(v["input"]),
     "shop discounts (打八折) are not in documents"),
    (lambda v: v["kind"] == "itn_cardinal" and re.search(r"点.*点|手机|幺.*幺.*幺|一八五", str(v["input"])),
     "ASR spoken digit strings (IP addresses 幺二七点零点零点幺, phone numbers)"),
    (lambda v: v["kind"] in ("itn_money",) and re.search(r"卢布|韩元.*[~-]|[一二三四五六七八九][一二三四五六七八九](英镑|卢布)", str(v["input"])),
     "ASR output conventions for rare currencies / digit-pair ranges (十五六卢布 -> ₽15-6)"),
    (lambda v: isinstance(v.get("expected"), dict) and (v["expected"].get("out_of_scope") or v["expected"].get("no_exception")),
     "issue marked out of scope by the peer (no expectation about values)"),
]


def out_of_scope_reason(path: Path, vector: dict):
    if path.name in OUT_OF_SCOPE_FILES:
        return OUT_OF_SCOPE_FILES[path.name]
    if vector["kind"] in OUT_OF_SCOPE_KINDS:
        return OUT_OF_SCOPE_KINDS[vector["kind"]]
    if "python" in str(vector.get("notSupported", "")) and path.name.startswith("msrt_numberrange"):
        if not re.search(r"[%个人元家名次件吨米岁年天]", json.dumps(vector["expected"], ensure_ascii=False)):
            return "bare-number comparison with no measure word (这个数字大于二十); SPEC counts numbers with a unit"
    for predicate, reason in OUT_OF_SCOPE_RULES:
        if predicate(vector):
            return reason
    return None


# ----- comparing values --------------------------------------------------

def close(a, b) -> bool:
    if a is None or b is None:
        return False
    return abs(float(a) - float(b)) <= max(1e-6, abs(float(b)) * 1e-4)


_RUN = re.compile(rf"[-－负負]?[0-9０-９.,，．{numeral_characters()}点點余多几]+[kKMG]?")


def readings(text: str):
    """(span, value, unit, kind, quantity-or-None) for every quantity, and for
    every bare numeral run (numbers with no unit are no quantities, but the
    numeral vectors ask for their values)."""
    out = [(q.span, q.value, q.unit, q.kind, q) for q in find_quantities(text)]
    for m in _RUN.finditer(text):
        value = parse_number(m.group().rstrip(",，.．点余多几"))
        if value is not None:
            out.append((m.span(), value, None, "number", None))
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
    quantities = find_quantities(text)
    if len(quantities) == 1 and len(quantities[0].text) >= len(text.strip()) - 2:
        q = quantities[0]
        values.append((q.value, q.unit, q))
    return values


UNIT_BASE = {
    "千米": ("米", 1000), "公里": ("米", 1000), "厘米": ("米", 0.01), "公分": ("米", 0.01), "毫米": ("米", 0.001),
    "米": ("米", 1), "千克": ("克", 1000), "公斤": ("克", 1000), "斤": ("克", 500), "克": ("克", 1), "毫克": ("克", 0.001),
    "吨": ("克", 1e6), "升": ("升", 1), "公升": ("升", 1), "毫升": ("升", 0.001), "立方米": ("升", 1000),
}
PEER_UNIT_BASE = {
    "Kilometre": ("米", 1000), "Metre": ("米", 1), "Centimetre": ("米", 0.01), "Millimetre": ("米", 0.001),
    "Mile": None, "Foot": None, "Inch": None, "Yard": None, "Gallon": None,
    "Gram": ("克", 1), "Kilogram": ("克", 1000), "Milligram": ("克", 0.001), "Pound": None, "Ounce": None,
    "Litre": ("升", 1), "Millilitre": ("升", 0.001), "Gallon": None,
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


def check_money_whole(vector) -> bool:
    expected = vector["expected"]
    if "num" in expected:  # JioNLP parse_money
        number = expected["num"]
        for value, unit, q in whole_values(vector["input"]):
            if q is None or q.kind != "money" or unit != expected.get("case", unit):
                continue
            if isinstance(number, list):
                if q.range and close(q.range[0], float(number[0])) and close(q.range[1], float(number[1])):
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
    for entity in expected:
        start, end = entity.get("offset") or _locate(text, entity.get("text", ""))
        want = _entity_value(entity)
        ok = False
        for (s, e), value, unit, kind, q in found:
            if s >= end or start >= e:
                continue
            if kinds is not None and kind not in kinds:
                continue
            share = want / 100 if want is not None and str(_raw_value(entity)).endswith("%") else None
            if want is None or close(value, want) or close(as_ratio(value, unit), share if share is not None else want):
                ok = True
                break
        if not ok:
            return False
    return True


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


def check_range(vector) -> bool:
    text = str(vector["input"])
    for entity in vector["expected"]:
        interval = (entity.get("resolution") or entity)["value"]
        low, high = (part.strip("([]) ") for part in interval.split(","))
        ok = False
        for q in find_quantities(text):
            if high and low and q.range and close(q.range[0], float(low)) and close(q.range[1], float(high)):
                ok = True
            elif low and not high and q.bound == "lower" and close(q.value, float(low)):
                ok = True
            elif high and not low and q.bound == "upper" and close(q.value, float(high)):
                ok = True
        if not ok:
            return False
    return True


_EXPECTED_NUMBER = re.compile(r"(-?\d+(?:\.\d+)?)(?:[~-](\d+(?:\.\d+)?))?(万|亿|萬|億)?(%)?")


def check_itn_string(vector) -> bool:
    """ITN: the numbers written in the expected string are what we read."""
    expected, text = str(vector["expected"]), str(vector["input"])
    if vector["kind"] == "itn_fraction" and "/" in expected and "分之" in text:
        values = [v for m in re.finditer(r"(-?\d+)/(\d+)", expected) for v in [int(m.group(1)) / int(m.group(2))]]
        return all(any(close(r[1], round(abs(v), 4)) for r in readings(text)) for v in values)
    targets = []
    for m in _EXPECTED_NUMBER.finditer(expected.replace(",", "")):
        scale = {"万": 1e4, "亿": 1e8, "萬": 1e4, "億": 1e8}.get(m.group(3) or "", 1)
        targets.append(float(m.group(1)) * scale)
    if not targets:
        return not find_quantities(text)
    found = readings(text)
    values = [r[1] for r in found] + [r[4].range[0] for r in found if r[4] is not None and r[4].range]
    return all(any(close(v, t) for v in values if v is not None) for t in targets)


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


def evaluate(path: Path, vector: dict) -> bool:
    kind, name = vector["kind"], path.name
    if kind in ("ordinal", "itn_ordinal"):
        return check_ordinal(vector)
    if kind == "itn_word":
        return not find_quantities(str(vector["input"]))
    if kind.startswith("itn_") or kind == "sentence_cn2an":
        return check_itn_string(vector)
    if kind == "number_extract" or (isinstance(vector["expected"], dict) and "digitsStringList" in vector["expected"]):
        return check_chinese2digits(vector)
    if kind == "number_range" and isinstance(vector["expected"], list):
        return check_range(vector)
    if name.startswith("msrt_") or kind in ("money_extract", "percent") or isinstance(vector["expected"], list):
        kinds = {"msrt_currency.jsonl": {"money"}, "msrt_percent.jsonl": {"percent"},
                 "jionlp_money_extract.jsonl": {"money"}}.get(name)
        if kind == "money_extract":
            kinds = {"money"}
        return check_spans(vector, kinds)
    if kind in ("number", "number_invalid", "multiple"):
        return check_whole_number(vector)
    if kind == "fraction_or_percent":
        return check_fraction_or_percent(vector)
    if kind == "money":
        return check_money_whole(vector)
    if kind == "quantity":
        return check_peer_quantity(vector)
    raise ValueError(f"{name}: no evaluator for kind {kind!r}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--quiet", action="store_true", help="do not list failures and exclusions")
    args = parser.parse_args(argv)
    totals, failures, excluded = Counter(), defaultdict(list), defaultdict(list)
    for path in sorted(args.directory.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            vector = json.loads(line)
            reason = out_of_scope_reason(path, vector)
            if reason:
                excluded[reason].append(f"{path.name}: {vector.get('input', vector.get('quantifier'))!r}")
                continue
            totals[path.name, "n"] += 1
            if evaluate(path, vector):
                totals[path.name, "pass"] += 1
            else:
                failures[path.name].append(vector)
    names = sorted({name for name, _ in totals})
    for name in names:
        n, ok = totals[name, "n"], totals[name, "pass"]
        print(f"{name:45s} {ok:4d}/{n:<4d} {100 * ok / n:5.1f}%")
    if not args.quiet:
        for name, vectors in failures.items():
            for vector in vectors:
                print(f"FAIL {name}: {json.dumps(vector['input'], ensure_ascii=False)} expected "
                      f"{json.dumps(vector['expected'], ensure_ascii=False)[:160]}")
        print("\nOut of scope (reason: count, examples):")
        for reason, items in excluded.items():
            print(f"- {reason}: {len(items)}")
            for item in items:
                print(f"    {item}")
    n = sum(totals[name, "n"] for name in names)
    ok = sum(totals[name, "pass"] for name in names)
    print(f"in scope {ok}/{n}")
    print(f"{100 * ok / n:.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
