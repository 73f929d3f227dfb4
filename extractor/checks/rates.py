"""Stated rates against their own figures: ``rate.inconsistent``.

A percent is a stated rate when its clause holds a rate word (率, 比例, 占...)
or the completion pattern (完成任务的112%).  Its figures are looked for in
the same sentence and the one before, before the percent.  A pair of figures
(numerator, denominator) of one unit family qualifies when

* completion: the denominator is the plan (a target, or its clause says
  计划/任务/目标) and the numerator is not;
* share: the two are linked (``part_of``, or the part's object contains
  the whole's: 有效问卷 / 问卷), and the rate names what sets the part
  apart (有效 in 有效问卷回收率), or is named after the part's own verb
  (回收率 for 收回800份 out of 发放1000份), or is a bare 占 right after the part.

The rate is consistent when any qualifying pair gives it within the
tolerance: ``tolerance_points`` percentage points, or half a unit of the
last written digit when that is larger, doubled for an approximate rate;
a bound (90%以上) is honoured.  Figures written approximately (余/多) are
not used.  No qualifying pair, no finding: we never guess the denominator.
"""
from __future__ import annotations

import re
from functools import lru_cache

from typing import Optional, Sequence

from ..records import Document, Finding, Indicator
from .common import (
    clause_probe, cover, fmt, has_value, is_exact, mentions, pattern, quote, rules, same_family,
    sentence_windows, word_finder,
)
from ..needles import needle_characters
from .view import DocumentView

# compiled on import (in a worker: while it is prepared), not for its first document
_COMPLETION = pattern("rate", "completion_pattern")
_CHANGE_WORDS = word_finder(rules("rate")["change_words"])
_RATE_CUES = word_finder(rules("rate")["cues"])
_TARGET_CUES = word_finder(rules("rate")["target_cues"])
# for the characters one of which a rate word or the completion pattern has
_RATE_PROBE = clause_probe(needle_characters(f"{_RATE_CUES.pattern}|{_COMPLETION.pattern}"))


def _is_rate(rate: Indicator, clause: str) -> bool:
    """Whether the clause states an actual percent (``check_rates`` picks those) as a rate."""
    if _CHANGE_WORDS.search(clause):
        return False
    return bool(_RATE_CUES.search(clause) or _COMPLETION.search(clause))


def _figures(rate: Indicator, view: DocumentView, window: Sequence) -> list[Indicator]:
    """The figures a rate may be computed from: those before it in its sentence and the one
    before, and the totals those are parts of (a list of parts may run over several ;-parts:
    其中企业工会812个,占61.4%;……;村(社区)工会88个,占6.7%)."""
    near = [ind for ind in view.indicators
            if ind.sentence_span in window and ind.span[1] <= rate.span[0]
            and has_value(ind) and is_exact(ind) and ind.per is None
            and ind.kind not in ("percent", "fraction")]
    totals = {ind.part_of for ind in near if ind.part_of} - {ind.id for ind in near}
    if totals:
        near = [ind for ind in view.indicators if ind.id in totals and has_value(ind) and is_exact(ind)] + near
    return near


def _target_like(ind: Indicator, view: DocumentView) -> bool:
    return ind.status == "target" or bool(_TARGET_CUES.search(view.clause(ind)))


def _linked(num: Indicator, den: Indicator) -> bool:
    if num.part_of == den.id:
        return True
    return bool(num.object and den.object and den.object in num.object)


def _names_part(clause: str, num: Indicator, den: Indicator) -> bool:
    """The rate names what sets the part apart from the whole: 有效 for
    有效问卷 out of 问卷 in 有效问卷回收率 (but 集体合同签订率 does not name
    工资专项集体合同 out of 集体合同)."""
    if not num.object:
        return False
    modifier = _apart_from(num.object, den.object) if den.object else num.object
    if not modifier:
        return False
    if len(modifier) < 2:
        return modifier in clause
    return mentions(clause, modifier) or _shares_a_telling_pair(clause, modifier)


def _apart_from(part: str, whole: str) -> str:
    """What ``part`` names besides the longest run it shares with ``whole`` (two characters
    at least): 女 of 女教职工 against 教职工会员, 有效 of 有效问卷 against 问卷."""
    best_at, best_size = 0, 0
    for start in range(len(part)):
        for end in range(start + max(2, best_size + 1), len(part) + 1):
            if part[start:end] not in whole:
                break
            best_at, best_size = start, end - start
    if best_size < 2:
        return part
    return part[:best_at] + part[best_at + best_size:]


@lru_cache(maxsize=1)
def _generic_words() -> frozenset:
    return frozenset(rules("rate")["generic_words"])


def _shares_a_telling_pair(clause: str, modifier: str) -> bool:
    """Whether ``clause`` and ``modifier`` share two characters in a row that are no generic
    word (有效 in 有效问卷回收率, not 职工 in 职工入会率 and 非公有制企业职工)."""
    generic = _generic_words()
    pairs = {clause[i:i + 2] for i in range(len(clause) - 1)}
    return any(modifier[i:i + 2] in pairs and modifier[i:i + 2] not in generic for i in range(len(modifier) - 1))


def _rate_names_verb(rate: Indicator, num: Indicator, den: Indicator) -> bool:
    """The rate is named after the part's verb: 回收率 for 收回800份 out of 发放1000份,
    参保率 for 参保 out of 职工 (the whole reported with another verb)."""
    if not (rate.object and num.predicate and den.predicate) or num.predicate == den.predicate:
        return False
    if not rate.object.endswith("率"):
        return False  # a share named after its part (职工活动和维权的支出……占总支出的51.8%) names no verb's rate
    stem = rate.object.rstrip("率")
    verb = num.predicate.rstrip("了")
    if not (len(verb) == 2 and len(stem) >= 2 and (verb in stem or sorted(verb) == sorted(stem[-2:]))):
        return False
    # what the rate names besides the verb is the whole it is counted on: 职工入会率 is members
    # out of 职工, not 新就业形态劳动者入会 out of 发展会员
    modifier = stem.replace(verb, "", 1) if verb in stem else stem[:-2]
    return not modifier or modifier in (den.object or "")


_BARE_SHARE = re.compile(r"(?:约|仅)?占(?:了|约|近|到)?\s*$")  # the words before the number: 占 alone


def _same_thing(done: Indicator, planned: Indicator) -> bool:
    """Whether a result and a plan may count one thing: their objects share two characters in
    a row, or one of them names nothing or only the task (组成3个督导组 is no part of a task
    shared out to 12个乡镇工会)."""
    a, b = done.object or "", planned.object or ""
    if not a or not b or _TASK_ONLY.fullmatch(b):
        return True
    return any(b[k:k + 2] in a for k in range(len(b) - 1))


_TASK_ONLY = re.compile(r"\S{0,4}(?:任务|目标|计划)")


def _pairs(rate: Indicator, clause: str, figures: Sequence[Indicator], view: DocumentView):
    completion = bool(_COMPLETION.search(clause))
    nearest = figures[-1] if figures else None
    bare_share = _BARE_SHARE.match(clause.strip()) is not None  # 占50%, not 占全年收入的67%: that names its base
    population = bool(rate.object) and rate.object.endswith(tuple(rules("rate")["population_rates"]))
    flows = rules("rate")["flow_verbs"]
    for num in figures:
        for den in figures:
            if num is den or not same_family(num, den) or den.value <= 0:
                continue
            if population and den.predicate in flows:
                continue  # 农民工入会率 is not a share of 发展会员860人 (this year's new members)
            if num.part_of is not None and num.part_of == den.part_of:
                continue  # two parts of one total: neither is the other's whole
            if not completion and num.value > den.value and rate.value <= 100:
                continue  # a share of no more than the whole: 录入48214人 is no part of 发展会员4236人
            if completion:
                if _target_like(den, view) and not _target_like(num, view) and _same_thing(num, den):
                    yield num, den
                continue
            if _linked(num, den) and (_names_part(clause, num, den) or (bare_share and num is nearest)
                                       or _rate_names_verb(rate, num, den)):
                yield num, den


def _tolerance(rate: Indicator, view: DocumentView) -> float:
    tolerance = max(rules("rate")["tolerance_points"], 0.5 * view.step(rate))
    return tolerance * 2 if rate.approx else tolerance


def _agrees(rate: Indicator, computed: float, view: DocumentView) -> bool:
    if _within(rate, computed, rules("rate")["tolerance_points"]):
        return True  # the tolerance is at least this: no need to read the rate's digits
    return _within(rate, computed, _tolerance(rate, view))


def _within(rate: Indicator, computed: float, tolerance: float) -> bool:
    if rate.bound == "lower":
        return computed >= rate.value - tolerance
    if rate.bound == "upper":
        return computed <= rate.value + tolerance
    return abs(computed - rate.value) <= tolerance


def _finding(rate: Indicator, num: Indicator, den: Indicator, view: DocumentView) -> Finding:
    computed = 100.0 * num.value / den.value
    return Finding(
        check="rate.inconsistent", severity="warning",
        message=(f"stated rate {quote(rate)} ({fmt(rate.value)}%) does not match its figures: "
                 f"{quote(num)} / {quote(den)} = {fmt(num.value)} / {fmt(den.value)} "
                 f"= {computed:.1f}% (tolerance {fmt(_tolerance(rate, view))} points)"),
        span=cover([den.span, num.span, rate.span]), indicators=(rate.id, num.id, den.id))


def check_rates(doc: Document, text: Optional[str] = None,
                view: Optional[DocumentView] = None) -> list[Finding]:
    view = view or DocumentView(doc, text)
    previous = None  # sentence windows, found when a first rate needs them
    findings = []
    for rate in view.percents:
        if not has_value(rate) or rate.status != "actual" or not view.clause_may_hold(rate, _RATE_PROBE):
            continue  # only an actual, known percent whose clause may name a rate is one
        clause = view.clause(rate)
        if not _is_rate(rate, clause):
            continue
        if previous is None:
            previous = sentence_windows(view.indicators)
        window = {rate.sentence_span, previous[rate.sentence_span]}
        pairs = list(_pairs(rate, clause, _figures(rate, view, window), view))
        if pairs and view.text and _COMPLETION.search(clause):
            # 新建237家,完成年度目标220家的107.7%;发展会员18986人,完成目标的105.5%: a completion
            # rate whose own ;-part states a result is of that result
            part_start = max(rate.sentence_span[0] - 1,
                             *(view.text.rfind(mark, rate.sentence_span[0], rate.span[0]) for mark in ";；")) + 1
            own = [(n, d) for n, d in pairs if n.span[0] >= part_start]
            if not own and any(ind.span[0] >= part_start and ind.span[1] <= rate.span[0] and ind is not rate
                               and not _target_like(ind, view) for ind in view.indicators):
                continue
            pairs = own or pairs
        if not pairs or any(_agrees(rate, 100.0 * n.value / d.value, view) for n, d in pairs):
            continue
        num, den = min(pairs, key=lambda p: abs(100.0 * p[0].value / p[1].value - rate.value))
        findings.append(_finding(rate, num, den, view))
    return findings

