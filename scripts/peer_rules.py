"""Which peer test vectors are out of scope for a recogniser of quantities in
Chinese official documents, and why.

Every vector left out is listed by scripts/peer_vectors.py with its reason;
nothing is dropped silently.  A rule names what the vector tests (a date, a
spoken shop price, another project's private convention...), never the fact
that we fail it.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from extractor.quantities.numerals import numeral_characters

_NUMERAL = f"[0-9０-９{numeral_characters()}]"

# Whole files or kinds out of scope, with the reason.
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


def _text(v) -> str:
    return str(v["input"])


def _no_currency_written(v) -> bool:
    """A money entity whose text has no currency in it (付息金额4120亿)."""
    entities = v["expected"] if isinstance(v["expected"], list) else [v["expected"]]
    texts = [e.get("text", "") for e in entities if isinstance(e, dict)]
    return bool(texts) and not any(re.search(r"[元币幣镑$￥¥圆块]|美金", t) for t in texts)


# Single vectors out of scope: (predicate on the vector, reason), first match wins.
OUT_OF_SCOPE_RULES = [
    (lambda v: v.get("mode") == "strict" and v["kind"] == "number_invalid" and _text(v) in ("一一", "壹壹", "百十一"),
     "cn2an strict mode rejects a form its own normal mode reads (一一 = 11); a document reader is lenient"),
    (lambda v: v["kind"] == "number_invalid" and _text(v) in ("10.1万零100", "百万"),
     "rejected only by cn2an's strict/smart grammar; documents write 百万 and such mixes, we read them"),
    (lambda v: re.search(rf"{_NUMERAL}[對对雙双打](?!{_NUMERAL})", _text(v)) and v["kind"] == "number",
     "counting-word multipliers (一對 = 2, 五打 = 60, 十打苹果) are measure words, not numerals"),
    (lambda v: re.search(r"份|又|分一|^1半$|半半", _text(v)) and v["kind"] == "number",
     "classical fraction readings (十份十一, 一又十分一, 二份一) are not used in official documents"),
    (lambda v: _text(v) in ("Ⅲ",), "Roman numerals label items, they never count in documents"),
    (lambda v: re.search(r"蚊|毫(?!升|米|克)|個半|^個[一二三四五六七八九]|起碼|[一二三四五六七八九]分一|湯匙|茶匙|foot|feet|inch|miles?\b|\d'|\\\"", _text(v)),
     "Cantonese / spoken measures (三蚊, 两毫, 個九, 四分一升, 湯匙, 一茶匙) and English unit words (8 feet, 1 mile) are not in Chinese official documents"),
    (lambda v: re.search(r"[0-9０-９][\^eE][-+－]*[0-9０-９]", _text(v)),
     "mathematical notation (2^5, 2e5, 2.5^-1, 12.32e+14) is not used for counts in documents"),
    (lambda v: re.search(r"[0-9０-９][ \u3000]*[kKＫ](?![a-zA-Z])|[0-9０-９][wW]|[0-9０-９] ?M\b", _text(v)) and not v["source"].startswith("facebook") and "minlp" not in v["source"].lower(),
     "Latin k / M / w multipliers on figures (40k, -2.5 M, 30w) are not written in Chinese documents"),
    (lambda v: re.search(r"\S[ \u3000]{3,}\S", _text(v)) or (re.search(rf"[{numeral_characters()}点][ \u3000]+[{numeral_characters()}点]", _text(v))
     and not re.search(r"[十百千万亿萬億点點余分之成][ \u3000]|[ \u3000][十百千万亿萬億点點余分之成]", _text(v))),
     "numerals spaced out digit by digit (一 二 三) or over three and more spaces: a speech-transcript layout, not documents"),
    (lambda v: re.search(r"[仙毛角分]钱?$|块零?[一二三四五六七八九]|毛[一二三四五六七八九]|RMB|块钱?九|^.{1,3}块$", _text(v)) and v["kind"] == "money" and "元" not in _text(v),
     "spoken shop prices (五分, 九块九毛九, 两块九, 三块零四) - documents write X元Y角Z分"),
    (lambda v: "折" in _text(v), "shop discounts (打八折) are not in documents"),
    (lambda v: v["kind"] == "itn_cardinal" and re.search(r"点.*点|手机|幺.*幺.*幺|一八五", _text(v)),
     "ASR spoken digit strings (IP addresses 幺二七点零点零点幺, phone numbers)"),
    (lambda v: v["kind"] == "itn_measure" and re.search(r"\dW", str(v["expected"])),
     "ASR output conventions for units (三四万伏特 -> 3~4Wv, W for 万)"),
    (lambda v: v["kind"] in ("itn_money",) and re.search(r"卢布|韩元.*[~-]|[一二三四五六七八九][一二三四五六七八九](英镑|卢布)", _text(v)),
     "ASR output conventions for rare currencies / digit-pair ranges (十五六卢布 -> ₽15-6)"),
    (lambda v: isinstance(v.get("expected"), dict) and (v["expected"].get("out_of_scope") or v["expected"].get("no_exception")),
     "issue marked out of scope by the peer (no expectation about values)"),
    (lambda v: re.search(r"摄氏|℃|华氏|華氏", _text(v)),
     "temperatures (零下四摄氏度) are weather, not indicators of work reports"),
    (lambda v: v["kind"].startswith("itn_") and re.search(r"\d:\d\d|[ap]\.m\.|\d\d/\d\d", str(v["expected"])),
     "clock times and dates (五点零二分 -> 5:02, 八月十六号 -> 08/16) are excluded from quantities (SPEC section 3)"),
    (lambda v: "正负" in _text(v), "spoken arithmetic (正负二的平方 -> ±2) is not in documents"),
    (lambda v: v["kind"].startswith("itn_") and re.search(r"[百千万][一二三四五六七八九]十[一二三四五六七八九][一二三四五六七八九]", _text(v)),
     "ASR run-together of a numeral and a digit (三百九十九三盒 -> 3993盒) is no Chinese numeral"),
    (lambda v: v["kind"] == "number_extract" and re.search(r"百四|万三|千四五|%万|[一二三四五六七八九]百分之\d|十七百|(?<![0-9一二三四五六七八九十零])点[一二三四五六七八九]|[一二三四五六七八九十]万分之", _text(v)),
     "chinese2digits' private shorthands with no standard reading (百四 = 4%, 万三 = 0.0003, .3%万 = 30, "
     "四百分之16 = 4.16, 十七百 = 1700, 点二八 with no integer part, 四百三十二万分之四三 = 4.32 and 0.0043)"),
    (lambda v: v["kind"] == "money" and isinstance(v["expected"], list) and v["expected"]
     and all((e.get("resolution") or {}).get("value") is None for e in v["expected"]),
     "a currency name with no amount (人民币 美元) is no quantity (SPEC section 3 counts numbers with a unit)"),
    (lambda v: _text(v) == "还有20万次以上来观影的呀？",
     "the peer's expected value is wrong: 20万 is 200000, not 20000"),
    (lambda v: v["kind"] == "percent" and v["expected"] == [] and re.search(r"[二三四五六七八九]{2}十个?", _text(v).replace("個", "个")),
     "Recognizers-Text returns nothing for a vague range of percentage points (二三十个百分点); SPEC records it as a range"),
    (lambda v: v["kind"] == "number" and v["expected"] == [] and re.search(r"元|币|镑", _text(v)),
     "Recognizers-Text's number model leaves a figure with a currency (一美元) to its currency model; we read the figure"),
    (lambda v: v["kind"] == "money_extract" and _no_currency_written(v),
     "money only by context (付息金额4120亿, 四千万收购) with no currency written; SPEC counts a number with its unit"),
]


def out_of_scope_reason(path: Path, vector: dict) -> Optional[str]:
    if path.name in OUT_OF_SCOPE_FILES:
        return OUT_OF_SCOPE_FILES[path.name]
    if vector["kind"] in OUT_OF_SCOPE_KINDS:
        return OUT_OF_SCOPE_KINDS[vector["kind"]]
    for predicate, reason in OUT_OF_SCOPE_RULES:
        if predicate(vector):
            return reason
    return None
