"""Totals and their parts: ``breakdown.exceeds_total``, ``breakdown.sum_mismatch``.

A breakdown is found two ways:

* by ``part_of`` links (``发展会员5005人,其中农牧民工3500人``);
* by a trailing total: a figure whose clause starts with a total word
  (合计/总计/共计/共...) after two or more figures of the same unit family in
  the same sentence (``A10万元、B17.22万元,合计27.22万元``).

When do the parts have to add up?  ``其中`` usually names a few notable parts,
so a ``part_of`` group is only held to its total when it looks exhaustive:
it has a remainder item (其余/其他...), the parts are introduced by 分别 (not after 其中),
or a sum of money (共筹集...) is broken into three or more sources that
reach most of it (then any difference is reported), or its items are parallel categories
sharing a head noun (企业工会/机关工会; then only a sum *above* the total is
reported, as parts may be left out but cannot add up to more).  A trailing
total is exhaustive by its wording; when figures of other units sit among
its items (goods counted in 箱 beside money), a sum below the total is
allowed since those items may make up the rest.
"""
from __future__ import annotations

from typing import Iterable, Optional, Sequence

from ..errors import DataFileError
from ..records import Document, Finding, Indicator
from .common import (
    RULES_FILE, clause_probe, cover, fmt, has_value, is_exact, pattern, quote, rules, same_family, shares_run,
    word_finder,
)
from ..needles import needle_characters
from .view import DocumentView

_NOT_ADDITIVE = ("percent", "fraction")
# read and compiled on import (in a worker: while it is prepared), not for its first document
_APPROX_SLACK = rules("breakdown")["approx_slack"]
if _APPROX_SLACK < 0:  # a tolerance is then never negative, which the checks below rely on
    raise DataFileError(f"extractor/data/{RULES_FILE}", "[breakdown] approx_slack must not be negative")
_EXHAUSTIVE_CUES = word_finder(rules("breakdown")["exhaustive_cues"])
_PARTIAL_CUES = word_finder(rules("breakdown")["partial_cues"])
_TOTAL_WORDS = pattern("breakdown", "total_pattern")
_DELTA = pattern("conflict", "delta")  # a change against a base (比上年减少……), no part of a sum
_TOTAL_FILLER = pattern("breakdown", "total_filler")
# the characters one of which a total word has: most clauses are ruled out before they are cut
_TOTAL_PROBE = clause_probe(needle_characters(_TOTAL_WORDS.pattern))


def _additive(ind: Indicator) -> bool:
    """A figure that can be a total or a part: not a rate, not per-unit, and
    not one end of a change (由187人增加到193人 is no breakdown)."""
    return has_value(ind) and ind.kind not in _NOT_ADDITIVE and ind.per is None and ind.change is None


def _tolerance(view: DocumentView, total: Indicator, parts: Sequence[Indicator]) -> float:
    """Rounding of the written digits, or a slack when a figure is approximate."""
    rounding = 0.5 * view.step(total) + sum(0.5 * view.step(p) for p in parts)
    if not all(is_exact(ind) for ind in (total, *parts)):
        rounding += _APPROX_SLACK * abs(total.value)
    return rounding + 1e-9 * abs(total.value)


def check_exceeds_total(doc: Document, view: Optional[DocumentView] = None) -> list[Finding]:
    view = view or DocumentView(doc, None)
    if not view.parts:
        return []
    indicators = view.by_id
    findings = []
    for part in view.parts:
        total = indicators.get(part.part_of)
        if total is None or not (_additive(part) and _additive(total)):
            continue
        if not same_family(part, total) or part.status != total.status:
            continue
        if part.value <= total.value:
            continue  # the tolerance is never negative: no need to read the digits
        if part.value > total.value + _tolerance(view, total, [part]):
            findings.append(Finding(
                check="breakdown.exceeds_total", severity="error",
                message=(f"part {quote(part)} ({fmt(part.value)} {part.unit}) is larger than "
                         f"its total {quote(total)} ({fmt(total.value)} {total.unit})"),
                span=cover([part.span, total.span]), indicators=(total.id, part.id)))
    return findings


def _common_suffix(words: Sequence[str]) -> str:
    suffix = words[0]
    for word in words[1:]:
        while suffix and not word.endswith(suffix):
            suffix = suffix[1:]
    return suffix


def _linked_mode(view: DocumentView, total: Indicator, parts: Sequence[Indicator]) -> Optional[str]:
    """"exhaustive", "parallel" or None for a ``part_of`` group."""
    table = rules("breakdown")
    objects = [p.object or "" for p in parts]
    if any(obj.startswith(tuple(table["remainder_objects"])) for obj in objects):
        return "exhaustive"
    text = view.text
    lead = view.clause(parts[0])
    if text is not None and total.span[1] <= parts[0].span[0]:
        lead += text[total.span[1]:parts[0].span[0]]
    cue = _EXHAUSTIVE_CUES.search(lead)
    if cue:  # 分别; after 其中 it picks kinds out: only a sum above the total is wrong then
        return "parallel" if _PARTIAL_CUES.search(lead) else "exhaustive"
    table_money = table["money_complete_share"]
    if (total.kind == "money" and len(parts) >= 3 and not _nested(view, parts)
            and sum(p.value for p in parts) >= (table_money["summed"] if _summed_total(view, total)
                                                else table_money["plain"]) * total.value):
        # 共筹集286万元,其中A120万元、B96万元、C58万元: a sum of money broken into three or
        # more sources that nearly reach it is meant to be complete (people counted by
        # category overlap: 农民工 and 女职工 are not a partition); without a sum word only
        # when they come very near (赔付金额196.4万元,其中住院……152.8万元、……28.5万元、……12.6万元)
        return "exhaustive"
    if all(objects) and len(set(objects)) == len(objects) and len(_common_suffix(objects)) >= 2:
        return "parallel"
    return None


def _nested(view: DocumentView, parts: Sequence[Indicator]) -> bool:
    """Whether the parts hold a change (比上年减少0.80万元) or a part that the next ones
    break down again (补助资金78.46万元 = 省总工会46.00万元 + 市总工会32.46万元): no flat list."""
    if any(_DELTA.search(view.clause(p)) for p in parts):
        return True
    for k, part in enumerate(parts):
        running = 0.0
        for later in parts[k + 1:]:
            running += later.value
            if abs(running - part.value) <= _tolerance(view, part, parts[k + 1:]) and running:
                return True
    return False


def _summed_total(view: DocumentView, total: Indicator) -> bool:
    """The total is written as a sum: its clause starts with 共/合计/总计/累计."""
    return bool(_TOTAL_WORDS.match(view.clause(total).lstrip()))


def _mismatch(total: Indicator, parts: Sequence[Indicator], how: str) -> Finding:
    listed = " + ".join(fmt(p.value) for p in parts)
    return Finding(
        check="breakdown.sum_mismatch", severity="warning",
        message=(f"{how}: {' '.join(quote(p) for p in parts)} add up to "
                 f"{fmt(sum(p.value for p in parts))} {total.unit} ({listed}), "
                 f"but the total {quote(total)} says {fmt(total.value)}"),
        span=cover([total.span, *(p.span for p in parts)]),
        indicators=(total.id, *(p.id for p in parts)))


def _check_linked(view: DocumentView) -> Iterable[Finding]:
    indicators = view.by_id
    for total_id, members in view.linked.items():
        total = indicators.get(total_id)
        if total is None or not _additive(total):
            continue
        parts = sorted((p for p in members if _additive(p) and same_family(p, total)
                        and p.status == total.status), key=lambda p: p.span)
        if len(parts) < 2 or len(parts) != len(members):
            continue
        mode = _linked_mode(view, total, parts)
        if mode is None:
            continue
        difference = sum(p.value for p in parts) - total.value
        if difference <= 0 and mode != "exhaustive":
            continue  # only a sum above the total counts, and the tolerance is never negative
        tolerance = _tolerance(view, total, parts)
        if difference > tolerance or (mode == "exhaustive" and -difference > tolerance):
            how = "listed parts" if mode == "exhaustive" else "parallel parts"
            yield _mismatch(total, parts, how)


def _trailing_items(total: Indicator, before: Sequence[Indicator]) -> tuple[list[Indicator], bool]:
    """Same-family figures listed before a total in its sentence, and whether
    figures of other units sit among them."""
    items, others = [], False
    for ind in reversed(before):
        if ind.part_of and ind.part_of != total.id:
            break
        if same_family(ind, total) and _additive(ind):
            items.append(ind)
        elif ind.kind not in _NOT_ADDITIVE or same_family(ind, total):
            others = True
    return list(reversed(items)), others


def _total_residue(view: DocumentView, total: Indicator) -> Optional[str]:
    """None when the clause has no total word; else what it names besides
    the sum ("" for 合计27.22万元, "表彰先进个人" for 共表彰先进个人20人)."""
    if not view.clause_may_hold(total, _TOTAL_PROBE):
        return None
    clause = view.clause(total)
    words = list(_TOTAL_WORDS.finditer(clause))
    if not words:
        return None
    return _TOTAL_FILLER.sub("", clause[words[-1].end():])


def _names_items(residue: str, items: Sequence[Indicator]) -> bool:
    return all(shares_run(residue, item.object) or shares_run(residue, item.predicate)
               for item in items)


def _check_trailing(view: DocumentView) -> Iterable[Finding]:
    sentences = view.sentences_with(3)  # a total needs two items before it
    linked = view.linked if sentences else {}
    for sentence in sentences:
        first = view.first_in_sentence(sentence, _TOTAL_PROBE)
        if first is None:
            continue  # and a total word
        start = 0
        for index, total in enumerate(sentence):
            if total.span[0] + len(total.text) <= first or not _additive(total):
                continue  # no total word in its clause: no residue
            residue = _total_residue(view, total)
            if residue is None:
                continue
            items, others = _trailing_items(total, sentence[start:index])
            start = index + 1
            if len(items) < 2 or total.id in linked or total.status != items[0].status:
                continue
            if residue and not _names_items(residue, items):
                continue
            if any(view.text[max(0, p.span[0] - 2):p.span[0]].endswith(("每", "每个")) for p in items):
                continue  # 按照每30名会员产生1名代表的比例: the terms of a ratio, no items of a sum
            difference = sum(p.value for p in items) - total.value
            if difference <= 0 and others:
                continue  # only a sum above the total counts, and the tolerance is never negative
            tolerance = _tolerance(view, total, items)
            if difference > tolerance or (not others and -difference > tolerance):
                yield _mismatch(total, items, "items listed before a total")


def check_sum_mismatch(doc: Document, text: Optional[str] = None,
                       view: Optional[DocumentView] = None) -> list[Finding]:
    view = view or DocumentView(doc, text)
    findings = list(_check_linked(view)) if view.parts else []
    findings.extend(_check_trailing(view))
    return findings
