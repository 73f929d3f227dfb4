"""The recogniser's compiled patterns, built from its word lists.

One scanner finds every candidate: at each position an excluded region
(date, ordinal, name, quotation...) wins over a quantity.  The numeral inside
it stops before a word that begins with a power character (一千米 is 1 千米,
三千千瓦时 3000 千瓦时, 七十百分位 reads 七十) and before a trailing 两 that is
the weight unit (二两, 三千两百两), not the spoken 2 of a range (一两个).
"""
from __future__ import annotations

import re
from typing import Iterable, Mapping, NamedTuple

from ..errors import DataFileError

# Arabic numeral: 12  1,234  1，234  12.5 (half- or full-width digits)
DIGIT = "[0-9０-９]"
ARABIC = rf"(?:{DIGIT}{{1,3}}(?:[,，]{DIGIT}{{3}})+|{DIGIT}+)(?:[.．]{DIGIT}+)?"
# masked figure: 201* ** xxxx XX x.x ___ 1xx9 (the site hid the digits)
# a run of x inside a Latin word (max, BOX) is no mask; GDPxxxx is
# (each run written to begin with its character, x(?<![a-z]x) for (?<![a-z])x,
# so the engine passes the other runs with a one-character test; the
# leading digits are possessive: a run never starts with a digit)
_MASK_RUN = r"(?:\*\**|＊＊*|x(?<![a-z]x)x*|X(?<![A-Z]X)X*|__+|＿＿+|××+(?![×0-9])|□□+(?![□0-9]))"  # (×× and □□: one × is a product, 4×100米; 陈××74票 masks a name)
MASKED = rf"(?>[0-9]*+{_MASK_RUN}(?:[0-9]+(?:{_MASK_RUN}|))*(?:\.(?:[0-9]+|{_MASK_RUN})|))"  # (?:x|) is (?:x)?, see optional


class NumeralShape(NamedTuple):
    """What a numeral may be made of (from quantity_markers.toml and units.toml)."""

    characters: str  # every Chinese numeral character
    spoken_only: str  # 两 兩 俩 倆
    stops: Mapping[str, tuple]  # power character -> the rests of the words it may begin
    units: tuple  # every unit (a 两 followed by one belongs to the numeral: 一两个)


def sorted_alternation(words: Iterable[str]) -> str:
    """An alternation matching the longest of ``words``, written as a trie
    (人(?:次)?) so the engine tests one branch per first character; the
    characters that end a word with nothing longer after them share one
    class (公[斤里升]), which the engine tests in one step."""
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    # the branches of a node begin with different characters, so at most one
    # of them can match: their order changes what is tested first, not what matches
    leaves = "".join(sorted(ch for ch in node if ch and not any(node[ch])))
    branches = [f"[{re.escape(leaves)}]" if len(leaves) > 1 else re.escape(leaves)] if leaves else []
    for ch in sorted(k for k in node if k and any(node[k])):
        child = node[ch]
        rest = _trie_pattern(child)
        if "" not in child:
            branches.append(f"{re.escape(ch)}(?:{rest})" if "|" in rest else re.escape(ch) + rest)
        elif _one_character(rest):
            branches.append(f"{re.escape(ch)}{rest}?")
        else:
            branches.append(re.escape(ch) + optional(rest))
    return "|".join(branches)


def _one_character(pattern: str) -> bool:
    """``pattern`` is one (escaped) character or one character class: ``?``
    after it is a simple repeat, which ``re`` runs fast."""
    return re.fullmatch(r"\\?.|\[(?:\\.|[^\\\]])*\]", pattern, re.S) is not None


def optional(pattern: str) -> str:
    """``(?:pattern)?`` written as an alternation with an empty branch: the same
    matches in the same order, but ``re`` runs a ``?`` over more than one
    character through its general repeat, several times slower than a branch."""
    return f"(?:{pattern}|)"


def _symbol(shape: NumeralShape, first: bool, decimal: bool = False, run: bool = False) -> str:
    """One numeral character: a power that begins a stop word (千 of 千米) is
    left to that word; 两 goes on only before more numeral or a unit.  With
    ``run``, a whole run of plain characters at once (the same reading under
    a greedy repeat, in one step of the engine)."""
    plain = "".join(ch for ch in shape.characters if ch not in shape.stops and ch not in shape.spoken_only)
    parts = [f"[0-9０-９{re.escape(plain)}]" + ("++" if run else "")]
    for head, rests in shape.stops.items():
        parts.append(f"{re.escape(head)}(?!{sorted_alternation(rests)})")
    two = f"[{re.escape(shape.spoken_only)}]"
    if first:
        parts.append(two)
    elif not decimal:
        ahead = f"[0-9０-９{re.escape(shape.characters)}]|{sorted_alternation(shape.units)}"
        parts.append(f"{two}(?={ahead})")
    return "(?:" + "|".join(parts) + ")"


def numeral_pattern(shape: NumeralShape) -> str:
    """One numeral, matched atomically so a failed candidate never re-splits
    its digits: 1,234.5  3.5万  三点五万  3万4000  二〇一九."""
    first, rest = _symbol(shape, True), _symbol(shape, False, run=True)
    decimal = _symbol(shape, False, decimal=True, run=True)
    grouped = rf"{DIGIT}{{1,3}}(?:[,，]{DIGIT}{{3}})+(?:[.．]{DIGIT}+)?(?!{DIGIT}){rest}*"
    return rf"(?>{grouped}|{first}{rest}*{optional(f'[.．点點]{decimal}+')})"


def multiplier_pattern(shape: NumeralShape) -> str:
    """十 百 千 万 亿 between a numeral and its unit (20多万元), stops kept."""
    plain = "".join(ch for ch in "十百千万亿萬億兆" if ch not in shape.stops)
    parts = [f"[{plain}]"] + [f"{head}(?!{_stop_rests(rests, shape.units)})" for head, rests in shape.stops.items() if head in "十百千万亿萬億兆"]
    # or the web's w for 万 and k for 千 after Arabic digits (1.2w+人次, 3k余元), before a unit or a plus
    return "(?:(?:" + "|".join(parts) + "){1,3}|(?<=[0-9])[wWkK](?=[+＋]?[\\u4e00-\\u9fff]))"


def _stop_rests(rests: Iterable[str], units: Iterable[str]) -> str:
    """The rests of the words a power character may begin, each unless a longer unit goes on
    from it (万【千瓦】 is a unit, but 2600万【千瓦时】 is 2600 万 of 千瓦时)."""
    units = tuple(units)
    parts = []
    for rest in sorted(set(rests), key=len, reverse=True):
        longer = [unit[len(rest):] for unit in units if unit.startswith(rest) and len(unit) > len(rest)]
        parts.append(re.escape(rest) + (f"(?!{sorted_alternation(longer)})" if longer else ""))
    return "(?:" + "|".join(parts) + ")"


def quantity_alternatives(shape: NumeralShape, units, markers: dict, implicit_nouns, currency_before) -> str:
    num = numeral_pattern(shape)
    value = rf"(?:{MASKED}|{num})"
    unit = sorted_alternation(units)
    sep = sorted_alternation(markers["range"]["separators"])
    inclusive = sorted_alternation(markers["range"]["inclusive"])
    infix = sorted_alternation(markers["approx"]["infix"])
    nouns = sorted_alternation(implicit_nouns)
    # groups that nothing reads do not capture (the unit and separator of a range's first figure)
    range_tail = rf"{optional(unit)}{optional(inclusive)}[ ]?(?:{sep})[ ]?(?P<num2>{value})"
    after_currency = "|".join(f"(?<={re.escape(ch)})|(?<={re.escape(ch)}[ ])" for ch in sorted({w[-1] for w in currency_before}))
    # the common figure + unit first; the rare forms after it
    return rf"""
        (?P<pct>百分之|佰分之|千分之|万分之|萬分之|仟分之|百分(?=百)){optional("(?P<pneg>[负負])")}(?P<pnum>{num})   # 百分之九十
        | (?P<half>半)(?=(?P<hunit>{sorted_alternation(markers["half_before"])}))   # 半斤
        | (?P<num>{value})                            # the figure, then one of:
          (?: 分之{optional("(?P<fneg>[负負])")}(?P<fnum>{num}){optional(f"(?P<funit>{unit})")}   # 三分之一, 3分之负157, 四分之一公升
            | {optional(range_tail)}   # 3至5, 260元至500
              {optional(f"(?P<infix>{infix})")}                # 25万余元, 20多万元
              {optional(f"(?P<mult>{multiplier_pattern(shape)})")}   # 20多万元
              {optional("(?P<plus>[+＋])")}                  # 10+场, 1.2w+人次: at least
              [ \u3000]?(?P<unit>{unit})(?![A-Za-z])        # the unit (kg, not kgs...)
            | (?=(?:[、和及与]{ARABIC})+[ ]?(?P<lunit>{unit}))   # 2.16、1.52个百分点
            | (?=(?P<noun>{nouns}))                          # 374职工
          )
        | (?<![\d/.])(?P<fa>\d{{1,4}}(?:\.\d+)?)/(?P<fb>\d{{1,4}}(?:\.\d+)?)(?![\d/])   # 1/4
        | (?:{after_currency})(?P<cnum>{num}){optional("[元圆块]钱?")}   # 人民币3.14 (no unit after it)
        """


def plain_numeral_pattern(shape: NumeralShape) -> str:
    """A numeral with no stops: enough to skip a date or an ordinal whole
    (2019年5月, 第十二届), and cheaper to test at every position."""
    symbols = f"[0-9０-９{re.escape(shape.characters)}]"
    grouped = rf"{DIGIT}{{1,3}}(?:[,，]{DIGIT}{{3}})+(?:[.．]{DIGIT}+)?(?!{DIGIT}){symbols}*"
    return rf"(?>{grouped}|{symbols}+(?:[.．点點]{symbols}+)?)"


def exclusion_alternatives(shape: NumeralShape, data: dict) -> str:
    num = rf"(?:{MASKED}|{plain_numeral_pattern(shape)})"
    parts = [body.replace("{N}", num) for name, body in data["patterns"].items() if name != "first_chars"]
    tails = "|".join(f"(?:{body.replace('{N}', num)})" for body in data["after_numeral"].values())
    parts.insert(0, f"{num}(?:{tails})")
    parts.append(sorted_alternation(data["names"]["words"]))
    limit = int(data["quotes"]["max_quoted"])
    for opening, closing in data["quotes"]["pairs"]:
        inside = re.escape(opening + closing)
        parts.append(f"{re.escape(opening)}[^{inside}\\n]{{1,{limit}}}{re.escape(closing)}")
    return "|".join(f"(?:{part})" for part in parts)


def scanner(shape: NumeralShape, units, markers: dict, exclusions: dict, implicit, currency_before) -> "re.Pattern":
    """One pattern for the whole scan: at each position an excluded region
    (date, ordinal, name, quotation...) wins over a quantity, and the
    lookahead on the first character lets the engine pass everything else."""
    first = re.escape(shape.characters) + "0-9０-９*＊xX_＿×□半" + exclusions["patterns"]["first_chars"]
    quantity = quantity_alternatives(shape, units, markers, implicit, currency_before)
    # only the quantity part is verbose: spaces in the exclusions are literal
    inside_numeral = rf"(?<![0-9０-９{re.escape(shape.characters)}])"  # keeps the scan linear
    source = rf"(?=[{first}]){inside_numeral}(?:(?P<excluded>{exclusion_alternatives(shape, exclusions)})|(?x:{quantity}))"
    try:
        return re.compile(source)
    except re.error as exc:
        raise DataFileError("extractor/data/quantity_exclusions.toml", f"a pattern does not compile: {exc}") from exc
