"""What stands around a figure: markers before and after it, the "per" phrase
(每亩, 人均, /人), excluded regions (dates, names, quotations) and changes
(从700元提高到900元).  Each helper looks at a few characters only."""
from __future__ import annotations

from dataclasses import replace
from typing import List, Optional, Tuple

from ..records import Quantity
from .lexicon import TIME_UNITS, Lexicon

# characters that end a clause: a per phrase or a 从 never reaches across them
CLAUSE_BREAKS = frozenset(",，;；。!！?？:：\n\r、")


def _marker_before(table, text: str, end: int) -> Optional[str]:
    """Longest marker of ``table`` ending at ``end`` (markers are 1-3 characters)."""
    for size in (3, 2, 1):
        if size <= end and text[end - size:end] in table:
            return text[end - size:end]
    return None


def _marker_after(table, text: str, start: int) -> Optional[str]:
    """Longest marker of ``table`` starting at ``start``."""
    for size in (3, 2, 1):
        if text[start:start + size] in table:
            return text[start:start + size]
    return None


def read_prefix(lex: Lexicon, text: str, start: int) -> Tuple[int, Optional[str], Optional[str]]:
    """Approx and bound markers right before ``start``: (new start, approx, bound)."""
    approx = bound = None
    if not start or text[start - 1] not in lex.prefix_tail_chars:
        return start, None, None  # the common case: nothing written before the figure
    for _ in range(2):  # 超过近 / 约有 ... at most one of each
        probe = start - 1 if start and text[start - 1] == " " else start
        if approx is None:
            marker = _marker_before(lex.approx_prefix, text, probe)
            at = probe - len(marker) if marker else 0
            if marker and not (at and text[at - 1] in lex.approx_not_after.get(marker, "")):
                approx, start = lex.approx_prefix[marker], at
                continue
        if bound is None:
            marker = _marker_before(lex.bound_prefix, text, probe)
            if marker:
                bound, start = lex.bound_prefix[marker], probe - len(marker)
                continue
        break
    return start, approx, bound


def read_suffix(lex: Lexicon, text: str, end: int, kind: str) -> Tuple[int, Optional[str], Optional[str]]:
    """Bound and approx markers right after the unit: (new end, approx, bound)."""
    approx = bound = None
    if text[end:end + 1] in "(（":  # 50万元（含）以上: the inclusive note before a bound
        inclusive = next((w for w in lex.inclusive if text.startswith(w, end)), None)
        if inclusive and _marker_after(lex.bound_suffix, text, end + len(inclusive)):
            end += len(inclusive)
    if text[end:end + 1] not in lex.suffix_head_chars:
        return end, None, None  # the common case: nothing written after the unit
    marker = _marker_after(lex.approx_suffix, text, end)
    if marker and (len(marker) > 1 or kind == "measure"):  # 8年多, but not 3人多次
        approx, end = lex.approx_suffix[marker], end + len(marker)
    marker = _marker_after(lex.bound_suffix, text, end)
    if marker:
        bound, end = lex.bound_suffix[marker], end + len(marker)
    if approx is None:
        marker = _marker_after(lex.approx_suffix, text, end)
        if marker and len(marker) > 1:
            approx, end = lex.approx_suffix[marker], end + len(marker)
    return end, approx, bound


def read_slash_per(lex: Lexicon, text: str, end: int) -> Tuple[int, Optional[str]]:
    """65元/人: the unit after a slash right behind the quantity."""
    if end < len(text) and text[end] in "/／":
        unit = lex.slash_unit_at.match(text, end + 1)
        if unit:
            return unit.end(), unit.group()
    return end, None


def clause_start(text: str, start: int, floor: int) -> int:
    """Start of the clause holding ``start``, never before ``floor``."""
    i = start - 1
    while i >= floor and text[i] not in CLAUSE_BREAKS:
        i -= 1
    return i + 1


def read_per(lex: Lexicon, text: str, start: int, floor: int) -> Optional[str]:
    """每亩补助400元 -> 亩; 人均...元 -> 人.  Looks back inside the clause only."""
    low = max(floor, start - lex.per_window)
    if not lex.per_cue.search(text, low, start):
        return None  # the common case: no per phrase at all
    low = clause_start(text, start, low)
    window = text[low:start]
    found = []
    index = window.find(lex.per_prefix)
    while index != -1:
        word = lex.per_word_at.match(window, index + 1)
        if word and word.group() in lex.units:  # 每名【学生】, 每个【企业】: the noun after the measure word
            noun = lex.per_word_at.match(window, word.end())
            if noun and noun.group() not in lex.units:  # (每个镇: one character names it too)
                word = noun
        if word and not any(across in window[word.end():] for across in lex.per_not_across):
            word = word.group()
            unit = lex.units[word].unit if word in lex.units and lex.units[word].kind != "money" else word
            if unit not in TIME_UNITS or len(window) - index <= lex.per_time_window:
                found.append(unit)
        index = window.find(lex.per_prefix, index + 1)
    for average, unit in lex.per_averages.items():
        if average in window:
            found.append(unit)
    if not found:
        return None
    return next((unit for unit in found if unit not in TIME_UNITS), found[0])


def link_changes(lex: Lexicon, text: str, found: List[Quantity]) -> List[Quantity]:
    """从700元提高到900元: mark the pair "from" / "to"; the "to" inherits per."""
    if not any(word in text for word in lex.change_from):
        return found  # no 从 / 由 anywhere: no pair to mark
    out = list(found)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        if first.kind != second.kind or first.change is not None:
            continue
        if not lex.change_gap.fullmatch(text, first.span[1], second.span[0]):
            continue
        low = clause_start(text, first.span[0], max(0, first.span[0] - 10))  # (由2019年的5.12万元)
        if not any(word in text[low:first.span[0]] for word in lex.change_from):
            continue
        out[i] = replace(first, change="from")
        out[i + 1] = replace(second, change="to", per=second.per or first.per)
    return out
