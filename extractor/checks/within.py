"""Checks inside one document, and :func:`audit_document` that runs them all.

Here: ``value.conflict`` (one thing reported with two values),
``value.masked`` (a number the site hid) and ``text.corrupted`` (a number a
site mangled).  Breakdowns, rates and heading numbers have modules of their
own.
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from itertools import combinations
from typing import Iterable, Optional

import regex

from ..records import Document, Finding, Indicator
from .breakdown import check_exceeds_total, check_sum_mismatch
from .common import (
    clause_before, contains_any, cover, fmt, has_value, is_exact, pattern, patterns, quote, rules,
    full_stops, same_full_sentence, section_chain, sentence_text, simplify, to_half_width, unit_family, written_step,
)
from .numbering import check_numbering
from .rates import check_rates

# --- value.conflict --------------------------------------------------------
#
# Two figures conflict when they have the same concept and object (or,
# without a concept, the same predicate and object; a concept alone is too
# broad: 在册会员 and 住院会员 are both union_members), the same status and
# unit family, different values beyond rounding, and nothing that tells them
# apart.  Told apart are figures whose clauses differ (one must contain the
# other: the object drops modifiers, as in 基层工会总数 / 达标的基层工会),
# figures in one full sentence (clauses split by ; list sub-units), a part
# and its whole (or two parts of one total, or a part introduced by 其中),
# approximate, bounded, ranged, changing or per-unit figures, and figures
# whose sentences and headings name different time phrases (上半年, 春节,
# 5月...).  Figures with a concept may sit anywhere in the same top-level
# section (or outside any); figures matched only by predicate and object
# must share their section, as the same verb recurs for separate events.


def _conflict_key(ind: Indicator) -> Optional[tuple]:
    if ind.concept and ind.object:
        return ("concept", ind.concept, ind.object)
    if ind.predicate and ind.object:
        return ("object", ind.predicate, ind.object)
    return None


def _time_phrases(ind: Indicator, text: Optional[str], sections: dict) -> frozenset:
    where = [sentence_text(ind, text)] + [simplify(s.heading) for s in section_chain(ind.section, sections)]
    return frozenset(m.group(0) for p in patterns("conflict", "time_patterns")
                     for chunk in where for m in p.finditer(chunk))


def _related(a: Indicator, b: Indicator, text: Optional[str]) -> bool:
    if a.part_of == b.id or b.part_of == a.id or (a.part_of is not None and a.part_of == b.part_of):
        return True
    cues = rules("conflict")["part_cues"]
    return any(contains_any(clause_before(x, text), cues) for x in (a, b))


def _same_branch(a: Indicator, b: Indicator, sections: dict, by_concept: bool) -> bool:
    if not by_concept:
        return a.section == b.section
    roots = [section_chain(x.section, sections)[-1].id if section_chain(x.section, sections) else None
             for x in (a, b)]
    return None in roots or roots[0] == roots[1]


def _same_wording(a: Indicator, b: Indicator, text: Optional[str]) -> bool:
    """One clause contains the other: 签订集体合同 / 各级工会签订集体合同, but
    not 全县基层工会总数达到 / 规范化建设达标的基层工会达到."""
    first, second = clause_before(a, text), clause_before(b, text)
    return first in second or second in first


def _differ(a: Indicator, b: Indicator) -> bool:
    return abs(a.value - b.value) > 0.5 * (written_step(a) + written_step(b))


def _conflict_groups(doc: Document) -> dict[tuple, list[Indicator]]:
    kinds = rules("conflict")["kinds"]
    groups: dict[tuple, list[Indicator]] = defaultdict(list)
    for ind in doc.indicators:
        if ind.kind in kinds and ind.per is None and has_value(ind) and is_exact(ind):
            key = _conflict_key(ind)
            if key:
                groups[(key, ind.status, unit_family(ind.unit))].append(ind)
    return groups


def _few_of_each_value(members: list[Indicator], keep: int = 3) -> list[Indicator]:
    """The first few figures of each value, in text order: equal values never
    conflict, so a figure repeated many times need not be paired each time."""
    seen: dict = defaultdict(int)
    kept = []
    for ind in sorted(members, key=lambda i: i.span):
        if seen[ind.value] < keep:
            seen[ind.value] += 1
            kept.append(ind)
    return kept


def check_conflicts(doc: Document, text: Optional[str] = None) -> list[Finding]:
    sections = {s.id: s for s in doc.sections}
    findings, reported, times = [], set(), {}
    stops = None  # found once, when a first pair needs them: a long sentence gives many pairs

    def same_sentence(a: Indicator, b: Indicator) -> bool:
        nonlocal stops
        if stops is None and text is not None:
            ends = [end for ind in doc.indicators for end in ind.span]  # stops between figures
            stops = full_stops(text, max(0, min(ends)), max(ends))
        return same_full_sentence(a, b, text, stops)

    def time_of(ind: Indicator) -> frozenset:
        if ind.id not in times:
            times[ind.id] = _time_phrases(ind, text, sections)
        return times[ind.id]

    most_values = rules("conflict")["max_distinct_values"]
    for (key, status, _), members in _conflict_groups(doc).items():
        if len(members) < 2 or len({ind.value for ind in members}) > most_values:
            continue
        for a, b in combinations(_few_of_each_value(members), 2):
            values = frozenset((key, a.value, b.value))
            if (values in reported or same_sentence(a, b) or not _differ(a, b)
                    or _related(a, b, text) or not _same_wording(a, b, text)
                    or not _same_branch(a, b, sections, key[0] == "concept")
                    or time_of(a) != time_of(b)):
                continue
            reported.add(values)
            what = f"“{key[2]}” ({key[1]}, " if key[0] == "concept" else f"“{key[1]}{key[2]}” ("
            findings.append(Finding(
                check="value.conflict", severity="warning",
                message=(f"{what}{status}) is reported with two values in one document: "
                         f"{quote(a)} gives {fmt(a.value)} {a.unit}, "
                         f"{quote(b)} gives {fmt(b.value)} {b.unit}"),
                span=cover([a.span, b.span]), indicators=(a.id, b.id)))
    return findings


# --- value.masked ----------------------------------------------------------

def check_masked(doc: Document) -> list[Finding]:
    return [Finding(check="value.masked", severity="info",
                    message=f"the number in {quote(ind)} is masked by the site; its value is unknown",
                    span=ind.span, indicators=(ind.id,))
            for ind in doc.indicators if ind.masked]


# --- text.corrupted --------------------------------------------------------

def _overlapping(doc: Document, start: int, end: int) -> tuple[str, ...]:
    return tuple(ind.id for ind in doc.indicators if ind.span[0] < end and start < ind.span[1])


@lru_cache(maxsize=None)
def _scanner(key: str) -> regex.Pattern:
    """A ``[corrupted]`` pattern compiled by `regex`, which looks for the literal it needs
    (、, 余) before trying the lookbehind: several times faster than the standard library's
    engine along a whole document, with the same matches (the patterns use no class that
    the two engines read differently)."""
    return regex.compile(pattern("corrupted", key).pattern)


def _corruptions(scan: str, offset: int) -> Iterable[tuple[int, int, str]]:
    table = rules("corrupted")
    for match in _scanner("decimal_comma").finditer(scan):
        yield (offset + match.start(), offset + match.end(),
               f"looks like {match.group(1)}.{match.group(2)} with its decimal point turned into “、”")
    for match in _scanner("year_approx").finditer(scan):
        year = int(match.group(1))
        if table["year_min"] <= year <= table["year_max"] and year % 100:
            yield (offset + match.start(), offset + match.end(),
                   f"looks like a year ({year}) pasted over a number: "
                   f"a count written “{year}{match.group(3)}” is implausible")


def check_corrupted(doc: Document, text: Optional[str]) -> list[Finding]:
    if not text:
        return []
    start, end = doc.span if doc.span and doc.span[1] > doc.span[0] else (0, len(text))
    return [Finding(check="text.corrupted", severity="warning",
                    message=f"“{text[s:e]}” {why}", span=(s, e), indicators=_overlapping(doc, s, e))
            for s, e, why in _corruptions(to_half_width(text[start:end]), start)]


# --- all of them -----------------------------------------------------------

def audit_document(doc: Document, text: Optional[str] = None) -> tuple[Finding, ...]:
    """Every single-document finding, in the order of their spans.

    ``text`` is the source text the document's spans point into; without it
    the checks work from the indicator records alone and ``text.corrupted``
    is skipped.
    """
    findings = [
        *check_exceeds_total(doc),
        *check_sum_mismatch(doc, text),
        *check_rates(doc, text),
        *check_conflicts(doc, text),
        *check_numbering(doc),
        *check_masked(doc),
        *check_corrupted(doc, text),
    ]
    return tuple(sorted(findings, key=lambda f: (f.span or (-1, -1), f.check)))
