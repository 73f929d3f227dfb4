"""Heading numbers that repeat or skip: ``numbering.duplicate``, ``numbering.gap``.

Siblings (same parent) written in the same numbering style are read in
document order; each number should be one more than the one before.  The
style is told from the number as written (一 / (一) / 1 / (1) / ①), not
from ``Section.style``, so ``1.`` and ``1、`` count as one style.  A run
that starts again at 1 is a new list, not a duplicate.  Month labels used as
headings (一月份, 七、八月份) are not numbers and are skipped.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Optional

from ..records import Document, Finding, Section

# an optional opening bracket, the numeral, an optional closing bracket
_NUMBER = re.compile(r"^\s*([(（〔\[]?)\s*([0-9]+|[零〇一二三四五六七八九十百两]+)\s*([)）〕\]]?)\s*[、.．,，]?\s*$")
# a heading that is a month or a run of months: 九月份, 七、八月份, 1-2月
_MONTHS = re.compile(r"^[零〇一二三四五六七八九十0-9、,，和至到~\-]*月")
_CJK_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}


def chinese_to_int(numeral: str) -> Optional[int]:
    """一 -> 1, 十二 -> 12, 二十 -> 20, 一百零五 -> 105; None if not a numeral."""
    total, current = 0, 0
    for char in numeral:
        if char in _CJK_DIGITS:
            current = _CJK_DIGITS[char]
        elif char in "十百":
            scale = 10 if char == "十" else 100
            total += (current or 1) * scale
            current = 0
        else:
            return None
    return total + current


@lru_cache(maxsize=1024)  # a document's headings use a handful of numbers
def parse_number(number: Optional[str]) -> Optional[tuple[str, int]]:
    """(style, value) of a heading number as written, or None.

    Styles: ``cjk`` 一, ``paren_cjk`` (一), ``arabic`` 1, ``paren_arabic`` (1),
    ``circled`` ①.
    """
    if not number:
        return None
    text = number.strip()
    if text.isascii() and text.isdigit():  # 1, 12: what the patterns below would say
        return "arabic", int(text)
    if len(text) == 1 and unicodedata.name(text, "").startswith(("CIRCLED DIGIT", "CIRCLED NUMBER")):
        return "circled", unicodedata.numeric(text)
    match = _NUMBER.match(unicodedata.normalize("NFKC", text))
    if not match:
        return None
    opening, numeral, closing = match.groups()
    bracketed = bool(opening or closing)
    if numeral.isdigit():
        return ("paren_arabic" if bracketed else "arabic"), int(numeral)
    value = chinese_to_int(numeral)
    if value is None:
        return None
    return ("paren_cjk" if bracketed else "cjk"), value


def _finding(check: str, section: Section, message: str) -> Finding:
    return Finding(check=check, severity="warning", message=message, span=section.heading_span)


def _missing(after: int, value: int) -> str:
    return f"{after + 1}" if value - 1 == after + 1 else f"{after + 1}–{value - 1}"


def _check_run(siblings: list[tuple[int, Section, bool]], highest: int = 0) -> tuple[list[Finding], int]:
    """Findings of one run of sibling numbers ((value, section, whether it reads as months)),
    and the highest number it counted; ``highest`` is the number the run goes on from (0: it
    starts afresh)."""
    findings, seen = [], set()
    for value, section, months in siblings:
        if months and value != highest + 1:
            continue  # 七、八月份: months, not the next number (2、5月初 goes on from 1: a number)
        if value == 1 and highest >= 2:  # a second list under the same parent
            seen, highest = set(), 0
        if value in seen:
            findings.append(_finding("numbering.duplicate", section,
                                     f"heading number “{section.number.strip()}” is used twice "
                                     f"among its siblings at level {section.level}"))
        elif value > highest + 1:
            findings.append(_finding("numbering.gap", section,
                                     f"heading number “{section.number.strip()}” skips number "
                                     f"{_missing(highest, value)} at level {section.level}"))
        seen.add(value)
        highest = max(highest, value)
    return findings, highest


def _month_label(section: Section) -> bool:
    """一月份 / 七、八月份: months used as a heading, not a heading number (the number and
    the heading read together as months; not "(1)3月份,县总工会全面启动……")."""
    return section.style == "month" or bool(_MONTHS.match((section.number or "").strip() + section.heading.strip()))


def _heading_start(section: Section):
    return section.heading_span


def check_numbering(doc: Document) -> list[Finding]:
    groups: dict[tuple, list[tuple[int, Section, bool]]] = {}
    for section in sorted(doc.sections, key=_heading_start):
        parsed = parse_number(section.number)
        if parsed is not None:
            style, value = parsed
            groups.setdefault((section.parent, style), []).append((int(value), section, _month_label(section)))
    findings = []
    last: dict[tuple, int] = {}  # (level, style) -> the highest number of the run before
    for (_, style), siblings in groups.items():  # in the order of their first headings
        key = (siblings[0][1].level, style)
        first = siblings[0][0]
        # 一、 1. 2. 二、 3. 4.: numbers that go on under the next parent continue the run before
        goes_on = key in last and first == last[key] + 1 and first > 1
        found, last[key] = _check_run(siblings, first - 1 if goes_on else 0)
        findings.extend(found)
    return findings
