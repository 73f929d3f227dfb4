"""Checks inside one document, and :func:`audit_document` that runs them all.

Here: ``value.conflict`` (one thing reported with two values),
``value.masked`` (a number the site hid) and ``text.corrupted`` (a number a
site mangled).  Breakdowns, rates and heading numbers have modules of their
own.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations
from typing import Iterable, Optional, Sequence

import regex

from ..records import Document, Finding, Indicator
from .breakdown import check_exceeds_total, check_sum_mismatch
from .common import (
    cover, fmt, has_value, is_exact, pattern, patterns, quote, rules, unit_family, word_finder,
    full_stops, same_full_sentence, section_chain, sentence_text, simplify, to_half_width,
)
from ..needles import PatternSet, needle_finder
from .numbering import check_numbering
from .rates import check_rates
from .view import DocumentView

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
# 5月...), and a figure that is one of several in a table row (its column
# tells it apart).  Figures with a concept may sit anywhere in the same top-level
# section (or outside any); figures matched only by predicate and object
# must share their section, as the same verb recurs for separate events.


# compiled on import (in a worker: while it is prepared), not for its first document
_TIME_PATTERNS = PatternSet(patterns("conflict", "time_patterns"))


def _phrases_in(chunk: str) -> frozenset:
    """The time phrases of a simplified sentence or heading."""
    return frozenset(_TIME_PATTERNS.matches(chunk))


def _time_phrases(ind: Indicator, view: DocumentView, found: dict) -> frozenset:
    """The time phrases of a figure's sentence and headings; ``found`` keeps those of
    each sentence and heading, shared by the figures there."""
    where = [sentence_text(ind, view.text)]
    where += [simplify(s.heading) for s in section_chain(ind.section, view.sections)]
    label = _label_line_above(ind, view.text)
    if label:
        where.append(label)  # 2022年 / 工会经费收缴1,862万元: a card's time, on the line above
    phrases = []
    for chunk in where:
        if chunk not in found:
            found[chunk] = _phrases_in(chunk)
        phrases.append(found[chunk])
    return frozenset().union(*phrases)


_LABEL_LINE_CHARS = 8  # a line above a figure's line this short is a label of it, not a sentence


def _label_line_above(ind: Indicator, text: str) -> str:
    """The short line right above a figure's line (a card's label: 2022年), or ''."""
    start = text.rfind("\n", 0, ind.span[0])
    if start <= 0:
        return ""
    above = text[text.rfind("\n", 0, start) + 1:start].strip()
    return simplify(above) if 0 < len(above) <= _LABEL_LINE_CHARS else ""


_PART_CUES = word_finder(rules("conflict")["part_cues"])


def _related(a: Indicator, b: Indicator, view: DocumentView) -> bool:
    if a.part_of == b.id or b.part_of == a.id or (a.part_of is not None and a.part_of == b.part_of):
        return True
    return bool(_PART_CUES.search(view.clause(a)) or _PART_CUES.search(view.clause(b)))


def _same_branch(a: Indicator, b: Indicator, sections: dict, by_concept: bool) -> bool:
    if not by_concept:
        return a.section == b.section
    roots = [section_chain(x.section, sections)[-1].id if section_chain(x.section, sections) else None
             for x in (a, b)]
    return None in roots or roots[0] == roots[1]


def _same_wording(a: Indicator, b: Indicator, view: DocumentView) -> bool:
    """One clause contains the other: 签订集体合同 / 各级工会签订集体合同, but
    not 全县基层工会总数达到 / 规范化建设达标的基层工会达到."""
    first, second = view.clause(a), view.clause(b)
    return first in second or second in first


def _differ(a: Indicator, b: Indicator, view: DocumentView) -> bool:
    return abs(a.value - b.value) > 0.5 * (view.step(a) + view.step(b))


_CONFLICT_KINDS = frozenset(rules("conflict")["kinds"])


_DELTA = pattern("conflict", "delta")
_NEW_VERBS = frozenset(rules("conflict")["new_verbs"])


def _conflict_groups(indicators: Sequence[Indicator], view: Optional[DocumentView] = None
                     ) -> list[tuple[tuple, list[Indicator]]]:
    """(conflict key, status, unit family) -> its figures, for keys with two or more; a change
    against a base (比预算增加8.00万元) is a difference, no value of the thing, and joins none."""
    # figures of one group share their object: most figures have an object of their own
    counts = Counter(ind.object for ind in indicators if ind.object)
    repeated = {obj for obj, count in counts.items() if count > 1}
    if not repeated:
        return []
    groups: dict[tuple, list[Indicator]] = {}
    for ind in indicators:
        if (ind.object in repeated and ind.kind in _CONFLICT_KINDS and ind.per is None
                and has_value(ind) and is_exact(ind)
                and not (view is not None and _DELTA.search(view.clause(ind)))):
            key = _conflict_key(ind)
            if key:
                # (what is new, 新建……15家, is no value of the whole stock, 总数达到68家)
                groups.setdefault((key, ind.status, unit_family(ind.unit), ind.predicate in _NEW_VERBS),
                                  []).append(ind)
    return [(head, members) for head, members in groups.items() if len(members) > 1]


_WHOLE_MARKERS = word_finder(rules("conflict")["whole_markers"])
# the words that may stand before a population's head noun in a statement of its whole
_SCOPE = word_finder(sorted({*rules("conflict")["scope_words"], *rules("conflict")["whole_markers"]},
                            key=len, reverse=True))
_MARKER_REACH = 3  # characters after the object a whole marker may stand in (基层工会【总数】)


def _head(obj: str) -> str:
    """An object without the scope words that open it: 公司工会现有会员 → 会员."""
    while (scope := _SCOPE.match(obj)) and scope.end() < len(obj):
        obj = obj[scope.end():]
    return obj


def _states_whole(view: DocumentView, ind: Indicator) -> bool:
    """Whether a figure states the whole of its population: only its verb, scope words and
    whole markers stand before the head noun, and a marker is among them or right after
    it (组织全公司会员, 公司工会现有会员, 全县基层工会总数); not a sub-unit's figure
    (城关镇现有会员) nor a qualified part (全县规范化建设达标的基层工会)."""
    clause = view.clause(ind)
    end = clause.rfind(ind.object)
    if end < 0:
        return False
    end += len(ind.object)
    lead = clause[:end]
    if ind.predicate and lead.startswith(ind.predicate):
        lead = lead[len(ind.predicate):]
    head = _head(lead)
    if head != _head(ind.object):
        return False
    return (_WHOLE_MARKERS.search(lead, 0, len(lead) - len(head)) is not None  # among the scope words
            or _WHOLE_MARKERS.search(clause, end, end + _MARKER_REACH) is not None)


def _whole_population_groups(view: DocumentView) -> list[tuple[tuple, list[Indicator]]]:
    """(("whole", concept, head), status, unit family) -> figures that state the whole of one
    population (现有会员1480人, 全公司会员1520人), for groups of two or more."""
    groups: dict[tuple, list[Indicator]] = {}
    text = view.text
    for ind in view.indicators:
        if (ind.concept and ind.object and ind.kind in _CONFLICT_KINDS and ind.per is None
                and ind.part_of is None and has_value(ind) and is_exact(ind)
                # most figures hold no whole marker in or right before their own words
                and (_WHOLE_MARKERS.search(ind.text) or text is None
                     or _WHOLE_MARKERS.search(text, max(0, ind.span[0] - _MARKER_REACH), ind.span[0]))
                and _states_whole(view, ind)):
            key = ("whole", ind.concept, _head(ind.object))
            groups.setdefault((key, ind.status, unit_family(ind.unit)), []).append(ind)
    return [(head, members) for head, members in groups.items() if len(members) > 1]


def _conflict_key(ind: Indicator) -> Optional[tuple]:
    if ind.concept:
        return ("concept", ind.concept, ind.object)
    if ind.predicate:
        return ("object", ind.predicate, ind.object)
    return None


_LABEL_REACH = 20  # characters a line's label (江南区总工会:) may run before its colon


def _line_label(ind: Indicator, text: str) -> str:
    """The label that opens the line of a figure (江南区总工会:……困难职工380户), or ''."""
    start = text.rfind("\n", 0, ind.span[0]) + 1
    head = text[start:min(ind.span[0], start + _LABEL_REACH)]
    colon = min((at for at in (head.find(":"), head.find("：")) if at > 0), default=-1)
    return head[:colon].strip() if colon > 0 else ""


def _labelled_apart(a: Indicator, b: Indicator, text: Optional[str]) -> bool:
    """Whether two figures stand on lines labelled with different names (one line per unit
    of a list: 江南区总工会:……380户 / 湖滨区总工会:……262户): each unit's own figure."""
    if not text:
        return False
    label_a, label_b = _line_label(a, text), _line_label(b, text)
    return bool(label_a) and bool(label_b) and label_a != label_b


_FIGURE_CELL = regex.compile(r"[\t│┃|][^\t│┃|\n]{0,12}?[-+]?[0-9][0-9.,，]*[^\t│┃|\n0-9]{0,6}(?=[\t│┃|]|$)", regex.M)


def _in_columns(ind: Indicator, text: Optional[str]) -> bool:
    """Whether a figure is one of several in a table row (职工 | 93,247 | 98,460 | 5,213): its
    column (a year, a target, a change) tells it from the same thing's figures elsewhere."""
    if not text:
        return False
    start = text.rfind("\n", 0, ind.span[0]) + 1
    end = text.find("\n", ind.span[1])
    end = len(text) if end < 0 else end
    return len(_FIGURE_CELL.findall(text, start, end)) >= 2


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


_PAIRS_BEFORE_STOPS = 16  # the first pairs search the text between them; later ones bisect its stops


def check_conflicts(doc: Document, text: Optional[str] = None,
                    view: Optional[DocumentView] = None) -> list[Finding]:
    view = view or DocumentView(doc, text)
    groups = _conflict_groups(view.indicators, view) + _whole_population_groups(view)
    if not groups:
        return []
    sections = view.sections
    findings, reported, times, chunk_phrases = [], set(), {}, {}
    stops, asked = None, 0  # found once, when many pairs need them: a long sentence gives many pairs

    def same_sentence(a: Indicator, b: Indicator) -> bool:
        nonlocal stops, asked
        asked += 1
        if stops is None and text is not None and asked > _PAIRS_BEFORE_STOPS:
            ends = [end for ind in doc.indicators for end in ind.span]  # stops between figures
            stops = full_stops(text, max(0, min(ends)), max(ends))
        return same_full_sentence(a, b, text, stops)

    def time_of(ind: Indicator) -> frozenset:
        if ind.id not in times:
            times[ind.id] = _time_phrases(ind, view, chunk_phrases)
        return times[ind.id]

    most_values = rules("conflict")["max_distinct_values"]
    for (key, status, *_), members in groups:
        if len({ind.value for ind in members}) > most_values:
            continue
        for a, b in combinations(_few_of_each_value(members), 2):
            values = frozenset((key, a.value, b.value))
            whole = key[0] == "whole"  # compared wherever it stands, however it is worded
            if (values in reported or same_sentence(a, b) or not _differ(a, b, view)
                    or _related(a, b, view) or not (whole or _same_wording(a, b, view))
                    or not (whole or _same_branch(a, b, sections, key[0] == "concept"))
                    or time_of(a) != time_of(b) or _labelled_apart(a, b, view.text)
                    or _in_columns(a, view.text) or _in_columns(b, view.text)):
                continue
            reported.add(values)
            what = f"“{key[2]}” ({key[1]}, " if key[0] != "object" else f"“{key[1]}{key[2]}” ("
            findings.append(Finding(
                check="value.conflict", severity="warning",
                message=(f"{what}{status}) is reported with two values in one document: "
                         f"{quote(a)} gives {fmt(a.value)} {a.unit}, "
                         f"{quote(b)} gives {fmt(b.value)} {b.unit}"),
                span=cover([a.span, b.span]), indicators=(a.id, b.id)))
    return findings


# --- value.masked ----------------------------------------------------------

def check_masked(doc: Document, view: Optional[DocumentView] = None) -> list[Finding]:
    view = view or DocumentView(doc, None)
    return [Finding(check="value.masked", severity="info",
                    message=f"the number in {quote(ind)} is masked by the site; its value is unknown",
                    span=ind.span, indicators=(ind.id,))
            for ind in view.masked]


# --- text.corrupted --------------------------------------------------------

def _overlapping(doc: Document, start: int, end: int) -> tuple[str, ...]:
    return tuple(ind.id for ind in doc.indicators if ind.span[0] < end and start < ind.span[1])


def _scanner(key: str) -> regex.Pattern:
    """A ``[corrupted]`` pattern compiled by `regex`, which looks for the literal it needs
    (、, 余) before trying the lookbehind: several times faster than the standard library's
    engine along a whole document, with the same matches (the patterns use no class that
    the two engines read differently)."""
    return regex.compile(pattern("corrupted", key).pattern)


# compiled on import (in a worker: while it is prepared), not on the first document that needs them
_DECIMAL_COMMA, _YEAR_APPROX = _scanner("decimal_comma"), _scanner("year_approx")
# what a text needs, before folding, for a [corrupted] pattern to match in it
_CORRUPTION_NEEDLES = needle_finder([_DECIMAL_COMMA.pattern, _YEAR_APPROX.pattern])


def _corruptions(scan: str, offset: int) -> Iterable[tuple[int, int, str]]:
    table = rules("corrupted")
    for match in _DECIMAL_COMMA.finditer(scan):
        yield (offset + match.start(), offset + match.end(),
               f"looks like {match.group(1)}.{match.group(2)} with its decimal point turned into “、”")
    for match in _YEAR_APPROX.finditer(scan):
        year = int(match.group(1))
        if table["year_min"] <= year <= table["year_max"] and year % 100:
            yield (offset + match.start(), offset + match.end(),
                   f"looks like a year ({year}) pasted over a number: "
                   f"a count written “{year}{match.group(3)}” is implausible")


def check_corrupted(doc: Document, text: Optional[str]) -> list[Finding]:
    if not text:
        return []
    start, end = doc.span if doc.span and doc.span[1] > doc.span[0] else (0, len(text))
    if _CORRUPTION_NEEDLES is not None and not _CORRUPTION_NEEDLES.search(text, start, end):
        return []  # most documents: no folding, no scan
    scan = to_half_width(text[start:end])
    return [Finding(check="text.corrupted", severity="warning",
                    message=f"“{text[s:e]}” {why}", span=(s, e), indicators=_overlapping(doc, s, e))
            for s, e, why in _corruptions(scan, start)]


# --- all of them -----------------------------------------------------------

def audit_document(doc: Document, text: Optional[str] = None) -> tuple[Finding, ...]:
    """Every single-document finding, in the order of their spans.

    ``text`` is the source text the document's spans point into; without it
    the checks work from the indicator records alone and ``text.corrupted``
    is skipped.
    """
    view = DocumentView(doc, text)
    findings = [
        *check_exceeds_total(doc, view),
        *check_sum_mismatch(doc, text, view),
        *check_rates(doc, text, view),
        *check_conflicts(doc, text, view),
        *check_numbering(doc),
        *check_masked(doc, view),
        *check_corrupted(doc, text),
    ]
    if len(findings) < 2:
        return tuple(findings)
    return tuple(sorted(findings, key=_finding_order))


def _finding_order(finding: Finding) -> tuple:
    return (finding.span or (-1, -1), finding.check)
