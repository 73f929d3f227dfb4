"""The recogniser's word lists and compiled patterns, built once from
``extractor/data/units.toml``, ``quantity_markers.toml`` and
``quantity_exclusions.toml`` on first use."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
import re
from typing import Mapping

from ..errors import DataFileError
from ..resources import load_toml
from .numerals import numeral_characters
from .patterns import NumeralShape, numeral_pattern, scanner, sorted_alternation

KINDS_OF_UNITS = ("count", "measure", "percent", "other")
TIME_UNITS = frozenset({"年", "月", "季度", "周", "天", "日", "小时", "分钟", "秒", "个月", "工作日", "个工作日"})


@dataclass(frozen=True)
class UnitInfo:
    unit: str  # reported (simplified, 元 for yuan)
    kind: str
    scale: float  # value multiplier to the reported unit
    arabic_only: bool
    not_before: tuple
    counted: bool = False  # an Arabic-only count that also takes a Chinese numeral of 2+ characters
    single_numeral: bool = False  # ...and a single Chinese numeral other than 一 (三起)


@dataclass(frozen=True)
class Lexicon:
    units: Mapping[str, UnitInfo]  # written form -> info
    unit_at: "re.Pattern"  # the longest unit at a position
    approx_prefix: Mapping[str, str]
    approx_infix: Mapping[str, str]
    approx_suffix: Mapping[str, str]
    bound_prefix: Mapping[str, str]
    bound_suffix: Mapping[str, str]
    prefix_tail_chars: frozenset  # last characters of prefix markers (and a space)
    suffix_head_chars: frozenset  # first characters of suffix markers
    suffix_triggers: frozenset  # what may follow a quantity's unit: suffix markers, (含), a / of 65元/人
    approx_not_after: Mapping[str, str]  # 约 of 节约: the characters a prefix marker may not follow
    range_pairs: Mapping[str, tuple]
    per_prefix: str
    per_averages: Mapping[str, str]
    per_cue: "re.Pattern"  # 每 or an X均 word: is there a per phrase at all?
    per_word_at: "re.Pattern"  # the longest word that may follow 每
    per_window: int
    per_time_window: int  # the reach of a 每 of time
    per_not_across: tuple  # words a 每X is not read across
    slash_unit_at: "re.Pattern"  # the longest unit that may follow the / of 65元/人
    change_from: tuple
    change_gap: "re.Pattern"
    vague_unknown: frozenset
    vague_at_least: str
    vague_not_after: frozenset
    implicit: Mapping[str, str]  # noun -> unit
    implicit_before: Mapping[str, str]  # noun -> unit of a bare figure after it (会员2160)
    implicit_before_nouns: tuple  # longest first
    bare_figure_after_noun: object  # 会员2160, ending its clause
    implicit_nouns: tuple  # longest first
    scanner: "re.Pattern"  # excluded regions first, then quantity candidates
    currency_before: tuple  # 人民币 港币 ... written before a figure, longest first
    foreign_money: "re.Pattern"  # money units that are not yuan (3万元欧元)
    foreign_heads: frozenset  # their first characters
    inclusive: tuple  # (含) （含）
    trailing_digit: frozenset  # 七成六, 三米九
    subunits: Mapping[str, Mapping[str, float]]  # 斤 -> 两 0.1
    placeholders: frozenset  # 张三 李四
    vague_before: frozenset  # 数 几 上: what may stand before a vague power
    rare_before: frozenset  # first characters of placeholders, last of currency_before, a space
    followed_units: frozenset  # units a smaller unit or digit may follow: 元 块 成 米 斤
    after_filler: frozenset  # what may follow the 个 of 两个亿卢布: 万 亿, first characters of money / measure units
    bare_power_end: "re.Pattern"  # 万 or 亿 ending a figure with no unit after it (its end, then a clause mark)
    bare_power_figure: "re.Pattern"  # the figure that ends there: 一千二百万, 三个亿, 1200万
    money_before: "re.Pattern"  # a word for money (and a verb or marker) right before such a figure


def _unit_table(data: dict) -> dict:
    arabic_only = set(data["arabic_only"]["units"])
    counted = set(data["arabic_only"].get("counted", ()))
    single_numeral = set(data["arabic_only"].get("single_numeral", ()))
    not_before = data["not_before"]
    table = {}
    for kind in KINDS_OF_UNITS:
        for unit in data["kinds"][kind]:
            table[unit] = UnitInfo(unit, kind, 1.0, unit in arabic_only, tuple(not_before.get(unit, ())),
                                   unit in counted, unit in single_numeral)
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
    verbs = sorted_alternation(change["to_verbs"])
    words = sorted_alternation(change["to_words"])
    # what stands between the two figures of 从700元提高到900元
    return re.compile(rf"(?:{verbs})?(?:{words})(?:{change['to_times']})?(?:每[人户年月])?")


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
        units=units, unit_at=re.compile(sorted_alternation(units)),
        approx_prefix=_longest_first(approx["prefix"]), approx_infix=approx["infix"],
        approx_suffix=_longest_first(approx["suffix"]), approx_not_after=dict(approx.get("not_after", {})),
        bound_prefix=_longest_first(bound["prefix"]), bound_suffix=_longest_first(bound["suffix"]),
        prefix_tail_chars=frozenset(" " + "".join(w[-1] for w in (*approx["prefix"], *bound["prefix"]))),
        suffix_head_chars=frozenset(w[0] for w in (*approx["suffix"], *bound["suffix"])),
        suffix_triggers=frozenset([*(w[0] for w in (*approx["suffix"], *bound["suffix"])), "(", "（", "/", "／"]),
        range_pairs={k: tuple(v) for k, v in markers["range"]["pairs"].items()},
        per_prefix=per["prefix"], per_averages=per["averages"],
        per_cue=re.compile(sorted_alternation([per["prefix"], *per["averages"]])),
        per_word_at=re.compile(sorted_alternation(per_words)), per_window=int(per["window"]),
        per_time_window=int(per["time_window"]), per_not_across=tuple(per["not_across"]),
        slash_unit_at=re.compile(sorted_alternation(per["slash_units"])),
        change_from=tuple(markers["change"]["from_words"]), change_gap=_change_gap(markers["change"]),
        vague_unknown=frozenset(markers["vague"]["unknown_digit"]), vague_at_least=markers["vague"]["at_least"],
        vague_not_after=frozenset(markers["vague"]["not_after"]),
        implicit=implicit, implicit_nouns=tuple(sorted(implicit, key=len, reverse=True)),
        implicit_before=(before := {noun: unit for unit, nouns in markers["implicit_before"].items() for noun in nouns}),
        implicit_before_nouns=tuple(sorted(before, key=len, reverse=True)),
        bare_figure_after_noun=re.compile(
            f"(?P<noun>{sorted_alternation(before)})(?:{sorted_alternation(markers['implicit_before_between']['words'])})?"
            "(?:(?P<tab>\t)|[ ]?)(?P<num>[0-9]+(?:[.][0-9]+)?)(?P<power>[万千])?(?P<infix>[余多])?"
            "(?=(?:以上|以下|左右)?(?:[,，。;；、(（)）\n]|$))(?![,，][0-9]{3})"),  # (not 1,280)
        scanner=scanner(_numeral_shape(units, markers), units, _scan_markers(units_data, markers), exclusions, implicit,
                        units_data["currency_before"]["words"]),
        currency_before=tuple(sorted(units_data["currency_before"]["words"], key=len, reverse=True)),
        foreign_money=re.compile(sorted_alternation(w for w, i in units.items() if i.kind == "money" and i.unit != "元")),
        foreign_heads=frozenset(w[0] for w, i in units.items() if i.kind == "money" and i.unit != "元"),
        inclusive=tuple(markers["range"]["inclusive"]),
        trailing_digit=frozenset(units_data["trailing_digit"]["units"]),
        subunits={unit: dict(table) for unit, table in units_data["subunits"].items()},
        placeholders=frozenset(exclusions["placeholders"]["names"]),
        vague_before=frozenset([*markers["vague"]["unknown_digit"], markers["vague"]["at_least"]]),
        rare_before=frozenset(" " + "".join(name[0] for name in exclusions["placeholders"]["names"])
                              + "".join(w[-1] for w in units_data["currency_before"]["words"])),
        after_filler=frozenset("万亿萬億" + "".join(w[0] for w, i in units.items() if i.kind in ("money", "measure"))),
        followed_units=frozenset({"元", "圆", "块", *units_data["trailing_digit"]["units"], *units_data["subunits"],
                                  *(w for w, i in units.items() if i.unit in units_data["subunits"])}),
        bare_power_end=re.compile(r"[万亿萬億](?=(?:左右|上下|以上|以下)?(?:[,，。;；、)）\s]|$))"),  # (200万左右,)
        bare_power_figure=re.compile(
            rf"(?:(?P<num>{numeral_pattern(_numeral_shape(units, markers))})(?:(?P<filler>[个個])?(?P<power>[万亿萬億]))?)$"),
        money_before=re.compile(f"(?:{sorted_alternation(markers['money_without_unit']['nouns'])})"
                                f"(?:{sorted_alternation(markers['money_without_unit']['between'])})*$"),
    )


def _numeral_shape(units: dict, markers: dict) -> NumeralShape:
    """Numeral characters, and the words a power character may begin."""
    characters = numeral_characters()
    stops: dict = {}
    for word in (*units, *markers["numeral_stops"]["words"]):
        if len(word) > 1 and word[0] in characters and word[0] not in markers["numerals"]["spoken_only"]:
            stops.setdefault(word[0], set()).add(word[1:])
    return NumeralShape(characters, "".join(markers["numerals"]["spoken_only"]),
                        {head: tuple(sorted(rests)) for head, rests in stops.items()}, tuple(units))


def _scan_markers(units_data: dict, markers: dict) -> dict:
    """The marker tables the scanner needs, with the units 半 may precede."""
    return {**markers, "half_before": units_data["half_before"]["units"]}

