"""The recogniser's word lists and compiled patterns, built once from
``extractor/data/units.toml``, ``quantity_markers.toml`` and
``quantity_exclusions.toml`` on first use."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
import re
from typing import Mapping, Optional

from ..errors import DataFileError
from ..resources import load_toml
from .numerals import numeral_characters

KINDS_OF_UNITS = ("count", "measure", "percent", "other")
TIME_UNITS = frozenset({"年", "月", "季度", "周", "天", "日", "小时", "分钟", "秒", "个月", "工作日", "个工作日"})


@dataclass(frozen=True)
class UnitInfo:
    unit: str  # reported (simplified, 元 for yuan)
    kind: str
    scale: float  # value multiplier to the reported unit
    arabic_only: bool
    not_before: tuple


@dataclass(frozen=True)
class Lexicon:
    units: Mapping[str, UnitInfo]  # written form -> info
    approx_prefix: Mapping[str, str]
    approx_infix: Mapping[str, str]
    approx_suffix: Mapping[str, str]
    bound_prefix: Mapping[str, str]
    bound_suffix: Mapping[str, str]
    prefix_tail_chars: frozenset  # last characters of prefix markers (and a space)
    suffix_head_chars: frozenset  # first characters of suffix markers
    range_pairs: Mapping[str, tuple]
    per_prefix: str
    per_averages: Mapping[str, str]
    per_cue: "re.Pattern"  # 每 or an X均 word: is there a per phrase at all?
    per_words: tuple  # longest first: what may follow 每
    per_window: int
    slash_units: tuple
    change_from: tuple
    change_gap: "re.Pattern"
    vague_unknown: frozenset
    vague_at_least: str
    vague_not_after: frozenset
    implicit: Mapping[str, str]  # noun -> unit
    implicit_nouns: tuple  # longest first
    scanner: "re.Pattern"  # excluded regions first, then quantity candidates


# Arabic numeral: 12  1,234  1，234  12.5 (half- or full-width digits)
_DIGIT = "[0-9０-９]"
_ARABIC = rf"(?:{_DIGIT}{{1,3}}(?:[,，]{_DIGIT}{{3}})+|{_DIGIT}+)(?:[.．]{_DIGIT}+)?"
# masked figure: 201* ** xxxx XX x.x ___ 1xx9 (the site hid the digits)
# a run of x inside a Latin word (max, BOX) is no mask; GDPxxxx is
_MASK_RUN = r"(?:\*+|＊+|(?<![a-z])x+|(?<![A-Z])X+|_{2,}|＿{2,})"
_MASKED = rf"(?>[0-9]*{_MASK_RUN}(?:[0-9]+{_MASK_RUN}?)*(?:\.(?:[0-9]+|{_MASK_RUN}))?)"


def _sorted_alternation(words) -> str:
    """An alternation matching the longest of ``words``, written as a trie
    (人(?:次)?) so the engine tests one branch per first character."""
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    branches = []
    for ch in sorted(k for k in node if k):
        child = node[ch]
        rest = _trie_pattern(child) if any(child) else ""
        if not rest:
            branches.append(re.escape(ch))
        elif "" in child:
            branches.append(f"{re.escape(ch)}(?:{rest})?")
        else:
            branches.append(f"{re.escape(ch)}(?:{rest})" if "|" in rest else re.escape(ch) + rest)
    return "|".join(branches)


def _numeral_pattern() -> str:
    """One numeral, matched atomically so a failed candidate never re-splits
    its digits: 1,234.5  3.5万  三点五万  3万4000  二〇一九."""
    chars = re.escape(numeral_characters())
    symbols = f"[0-9０-９{chars}]"
    grouped = rf"{_DIGIT}{{1,3}}(?:[,，]{_DIGIT}{{3}})+(?:[.．]{_DIGIT}+)?(?!{_DIGIT})[{chars}]*"
    return rf"(?>{grouped}|{symbols}+(?:[.．点點]{symbols}+)?)"


def _quantity_alternatives(units, infixes, separators, implicit_nouns) -> str:
    num = _numeral_pattern()
    value = rf"(?:{_MASKED}|{num})"
    unit = _sorted_alternation(units)
    sep = _sorted_alternation(separators)
    infix = _sorted_alternation(infixes)
    nouns = _sorted_alternation(implicit_nouns)
    return rf"""
        (?P<pct>百分之|千分之|万分之|萬分之|仟分之)(?P<pnum>{num})   # 百分之九十
        | (?<![\d/.])(?P<fa>\d{{1,4}}(?:\.\d+)?)/(?P<fb>\d{{1,4}}(?:\.\d+)?)(?![\d/])   # 1/4
        | (?P<num>{value})                            # the figure, then one of:
          (?: 分之(?P<fnum>{num})                            # 三分之一
            | (?:(?P<u1>{unit})?[ ]?(?P<sep>{sep})[ ]?(?P<num2>{value}))?   # 3至5, 260元至500
              (?P<infix>{infix})?                            # 25万余元, 20多万元
              (?P<mult>[十百千万亿萬億]{{1,3}})?               # 20多万元
              [ \u3000]?(?P<unit>{unit})(?![A-Za-z])        # the unit (kg, not kgs...)
            | (?=(?:[、和及与]{_ARABIC})+[ ]?(?P<lunit>{unit}))   # 2.16、1.52个百分点
            | (?=(?P<noun>{nouns}))                          # 374职工
          )
        """


def _exclusion_alternatives(data: dict) -> str:
    num = rf"(?:{_MASKED}|{_numeral_pattern()})"
    parts = [body.replace("{N}", num) for name, body in data["patterns"].items() if name != "first_chars"]
    tails = "|".join(f"(?:{body.replace('{N}', num)})" for body in data["after_numeral"].values())
    parts.insert(0, f"{num}(?:{tails})")
    parts.append(_sorted_alternation(data["names"]["words"]))
    limit = int(data["quotes"]["max_quoted"])
    for opening, closing in data["quotes"]["pairs"]:
        inside = re.escape(opening + closing)
        parts.append(f"{re.escape(opening)}[^{inside}\\n]{{1,{limit}}}{re.escape(closing)}")
    return "|".join(f"(?:{part})" for part in parts)


def _scanner(units, markers: dict, exclusions: dict, implicit) -> "re.Pattern":
    """One pattern for the whole scan: at each position an excluded region
    (date, ordinal, name, quotation...) wins over a quantity, and the
    lookahead on the first character lets the engine pass everything else."""
    first = re.escape(numeral_characters()) + "0-9０-９*＊xX_＿" + exclusions["patterns"]["first_chars"]
    quantity = _quantity_alternatives(units, markers["approx"]["infix"], markers["range"]["separators"], implicit)
    # only the quantity part is verbose: spaces in the exclusions are literal
    inside_numeral = rf"(?<![0-9０-９{re.escape(numeral_characters())}])"  # keeps the scan linear
    source = rf"(?=[{first}]){inside_numeral}(?:(?P<excluded>{_exclusion_alternatives(exclusions)})|(?x:{quantity}))"
    try:
        return re.compile(source)
    except re.error as exc:
        raise DataFileError("extractor/data/quantity_exclusions.toml", f"a pattern does not compile: {exc}") from exc


def _unit_table(data: dict) -> dict:
    arabic_only = set(data["arabic_only"]["units"])
    not_before = data["not_before"]
    table = {}
    for kind in KINDS_OF_UNITS:
        for unit in data["kinds"][kind]:
            table[unit] = UnitInfo(unit, kind, 1.0, unit in arabic_only, tuple(not_before.get(unit, ())))
    for written, spec in data["money"].items():
        table[written] = UnitInfo(spec["unit"], "money", float(spec["scale"]), False, ())
    for written, spec in data["scaled"].items():
        table[written] = UnitInfo(spec["unit"], spec["kind"], float(spec["scale"]), False, tuple(not_before.get(written, ())))
    for written, canonical in data["aliases"].items():
        if canonical not in table:
            raise DataFileError("extractor/data/units.toml", f"alias {written!r} names unknown unit {canonical!r}")
        table[written] = table[canonical]
    return table


def _change_gap(change: dict) -> "re.Pattern":
    verbs = _sorted_alternation(change["to_verbs"])
    words = _sorted_alternation(change["to_words"])
    # what stands between the two figures of 从700元提高到900元
    return re.compile(rf"(?:{verbs})?(?:{words})(?:每[人户年月])?")


def _longest_first(table: dict) -> dict:
    """The same mapping, iterated longest key first (so the first hit is the longest)."""
    return {key: table[key] for key in sorted(table, key=len, reverse=True)}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The recogniser's data, loaded and compiled on first use."""
    units_data = load_toml("units.toml")
    markers = load_toml("quantity_markers.toml")
    exclusions = load_toml("quantity_exclusions.toml")
    units = _unit_table(units_data)
    approx, bound, per = markers["approx"], markers["bound"], markers["per"]
    implicit = {noun: unit for unit, nouns in markers["implicit"].items() for noun in nouns}
    per_words = set(per["nouns"]) | set(units)
    return Lexicon(
        units=units,
        approx_prefix=_longest_first(approx["prefix"]), approx_infix=approx["infix"],
        approx_suffix=_longest_first(approx["suffix"]),
        bound_prefix=_longest_first(bound["prefix"]), bound_suffix=_longest_first(bound["suffix"]),
        prefix_tail_chars=frozenset(" " + "".join(w[-1] for w in (*approx["prefix"], *bound["prefix"]))),
        suffix_head_chars=frozenset(w[0] for w in (*approx["suffix"], *bound["suffix"])),
        range_pairs={k: tuple(v) for k, v in markers["range"]["pairs"].items()},
        per_prefix=per["prefix"], per_averages=per["averages"],
        per_cue=re.compile(_sorted_alternation([per["prefix"], *per["averages"]])),
        per_words=tuple(sorted(per_words, key=len, reverse=True)), per_window=int(per["window"]),
        slash_units=tuple(sorted(per["slash_units"], key=len, reverse=True)),
        change_from=tuple(markers["change"]["from_words"]), change_gap=_change_gap(markers["change"]),
        vague_unknown=frozenset(markers["vague"]["unknown_digit"]), vague_at_least=markers["vague"]["at_least"],
        vague_not_after=frozenset(markers["vague"]["not_after"]),
        implicit=implicit, implicit_nouns=tuple(sorted(implicit, key=len, reverse=True)),
        scanner=_scanner(units, markers, exclusions, implicit),
    )


def longest_prefix(words, text: str, start: int) -> Optional[str]:
    """The longest of ``words`` (sorted longest first) that ``text`` has at ``start``."""
    for word in words:
        if text.startswith(word, start):
            return word
    return None
