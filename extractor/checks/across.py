"""Checks across documents, and :func:`audit_corpus` that runs them.

Documents are grouped by organisation and year (see :mod:`.keys`).

* ``target.missed`` / ``target.exceeded``: each target of a plan against
  the matching actual (see :mod:`.matching`) in a summary or report of the
  same organisation and year (both for the whole year).  A target with an upper bound
  (控制在...以内) is missed when the actual is above it.
* ``period.half_exceeds_year``: a half-year actual above the matching
  annual actual (counts, money and measures only; concepts listed as stocks
  are skipped).
* ``value.jump``: a document's largest actual of a key (its total) that
  changes by more than ``jump_factor`` from one year to the next (same
  organisation, key, unit family and period part).
* ``value.outlier``: per concept, unit and status with enough documents,
  a document's largest figure whose modified z-score is beyond ``outlier_z``;
  computed on log10 of counts, money and measures (they span orders of
  magnitude between a township and a province), on the raw value for rates.
* ``benford.deviation``: an organisation's first digits against Benford's
  law, a research aid only.
"""
from __future__ import annotations

import math
from collections import defaultdict
from typing import Iterable, Mapping, Optional, Sequence

from ..records import Document, Finding, Indicator
from .common import fmt, has_value, quote, rules
from .keys import comparable, doc_year, org_key, representatives
from .matching import best_match
from .stats import benford_test, modified_z_scores

_AMOUNTS = ("count", "money", "measure")


def _groups(docs: Sequence[Document]) -> dict[tuple, list[Document]]:
    groups: dict[tuple, list[Document]] = defaultdict(list)
    for doc in docs:
        org, year = org_key(doc.org), doc_year(doc)
        if org is not None and year is not None:
            groups[(org, year)].append(doc)
    return groups


def _annual(doc: Document) -> bool:
    return doc.period.part is None or doc.period.part in rules("corpus")["annual_parts"]


def _finding(check: str, severity: str, message: str, doc: Document, *inds: Indicator) -> Finding:
    return Finding(check=check, severity=severity, message=message, span=inds[0].span if inds else None,
                   indicators=tuple(i.id for i in inds), source=doc.source, doc_index=doc.doc_index)


def _where(doc: Document) -> str:
    return f"{doc.source}#{doc.doc_index}"


def _target_finding(plan: Document, target: Indicator,
                    report: Document, actual: Indicator) -> Optional[Finding]:
    tolerance = rules("corpus")["target_tolerance"] * abs(target.value)
    gap = actual.value - target.value
    if abs(gap) <= tolerance or target.value == 0:
        return None
    better = gap < 0 if target.bound == "upper" else gap > 0
    ratio = actual.value / target.value
    message = (f"{_org_year(report)}: actual {quote(actual)} ({fmt(actual.value)} {actual.unit}) against the "
               f"target {quote(target)} ({fmt(target.value)} {target.unit}) of the plan {_where(plan)}: "
               f"actual/target = {ratio:.1%}")
    if better:
        return _finding("target.exceeded", "info", message, report, actual)
    return _finding("target.missed", "warning", message, report, actual)


def _org_year(doc: Document) -> str:
    return f"{doc.org or '?'} {doc_year(doc) or '?'}"


def _figures(doc: Document, status: str, kinds: Optional[Sequence[str]] = None) -> list[Indicator]:
    return [ind for ind in doc.indicators if ind.status == status and comparable(ind)
            and ind.change != "from" and (kinds is None or ind.kind in kinds)]


def check_targets(docs: Sequence[Document], texts: Mapping[str, str]) -> Iterable[Finding]:
    for members in _groups(docs).values():
        plans = [d for d in members if d.doc_type == "plan" and _annual(d)]
        reports = [d for d in members if d.doc_type in ("summary", "report") and _annual(d)]
        for plan, report in ((p, r) for p in plans for r in reports):
            for target in _figures(plan, "target"):
                actual = best_match(target, report, "actual", texts, plan.source)
                found = actual and _target_finding(plan, target, report, actual)
                if found:
                    yield found


def check_half_year(docs: Sequence[Document], texts: Mapping[str, str]) -> Iterable[Finding]:
    stocks = set(rules("corpus")["stock_concepts"])
    for members in _groups(docs).values():
        halves = [d for d in members if d.period.part == "H1" and d.doc_type != "plan"]
        years = [d for d in members if _annual(d) and d.doc_type != "plan"]
        for half, year_doc in ((h, y) for h in halves for y in years):
            for first in _figures(half, "actual", _AMOUNTS):
                if first.concept in stocks:
                    continue
                whole = best_match(first, year_doc, "actual", texts, half.source)
                if whole is not None and first.value > whole.value:
                    yield _finding(
                        "period.half_exceeds_year", "warning",
                        f"{_org_year(half)}: the half-year figure {quote(first)} ({fmt(first.value)}) "
                        f"is above the annual figure {quote(whole)} ({fmt(whole.value)}) in {_where(year_doc)}",
                        half, first)


def _yearly(docs: Sequence[Document]) -> dict[tuple, dict[int, tuple[Document, Indicator]]]:
    """(org, key, unit family, part) -> year -> the year's largest actual."""
    series: dict[tuple, dict[int, tuple[Document, Indicator]]] = defaultdict(dict)
    for doc in docs:
        org, year = org_key(doc.org), doc_year(doc)
        if org is None or year is None or doc.doc_type == "plan":
            continue
        for (key, status, family), ind in representatives(doc, _AMOUNTS).items():
            line = series[(org, key, family, doc.period.part or "year")]
            if status == "actual" and (year not in line or ind.value > line[year][1].value):
                line[year] = (doc, ind)
    return series


def check_jumps(docs: Sequence[Document]) -> Iterable[Finding]:
    factor = rules("corpus")["jump_factor"]
    for line in _yearly(docs).values():
        for year in sorted(line):
            if year - 1 not in line:
                continue
            (_, before), (doc, after) = line[year - 1], line[year]
            if before.value <= 0 or after.value <= 0:
                continue
            ratio = after.value / before.value
            if ratio >= factor or ratio <= 1 / factor:
                yield _finding("value.jump", "info",
                               f"{_org_year(doc)}: {quote(after)} ({fmt(after.value)}) is {ratio:.2f}× the "
                               f"previous year's {quote(before)} ({fmt(before.value)})", doc, after)


def _outlier_scale(ind: Indicator) -> Optional[float]:
    if ind.kind in _AMOUNTS:
        return math.log10(ind.value) if ind.value > 0 else None
    return ind.value


def check_outliers(docs: Sequence[Document]) -> Iterable[Finding]:
    table = rules("corpus")
    groups: dict[tuple, list[tuple[Document, Indicator, float]]] = defaultdict(list)
    for doc in docs:
        for (key, status, _), ind in representatives(doc).items():
            scaled = _outlier_scale(ind)
            if ind.concept and scaled is not None:
                groups[(ind.concept, ind.unit, status)].append((doc, ind, scaled))
    for (concept, unit, status), members in groups.items():
        if len(members) < table["outlier_min_values"]:
            continue
        scores = modified_z_scores([m[2] for m in members])
        for (doc, ind, _), score in zip(members, scores or []):
            if abs(score) > table["outlier_z"]:
                yield _finding("value.outlier", "info",
                               f"{quote(ind)} ({fmt(ind.value)} {unit}) is far from the other "
                               f"{len(members) - 1} "
                               f"{status} values of “{concept}” (modified z-score {score:.1f})", doc, ind)


def check_benford(docs: Sequence[Document]) -> Iterable[Finding]:
    table = rules("corpus")
    values: dict[str, list[float]] = defaultdict(list)
    names: dict[str, str] = {}
    for doc in docs:
        org = org_key(doc.org)
        if org is None:
            continue
        names.setdefault(org, doc.org)
        values[org].extend(i.value for i in doc.indicators
                           if has_value(i) and i.kind in _AMOUNTS and i.value >= 1)
    for org, figures in values.items():
        if len(figures) < table["benford_min_figures"]:
            continue
        statistic, p_value, counts = benford_test(figures)
        if p_value < table["benford_alpha"]:
            shares = " ".join(f"{d}:{c / len(figures):.0%}" for d, c in enumerate(counts, 1))
            yield Finding(check="benford.deviation", severity="info",
                          message=(f"{names[org]}: first digits of {len(figures)} figures depart from "
                                   f"Benford's law (chi-square {statistic:.1f}, 8 dof, p = {p_value:.2g}; "
                                   f"observed {shares}); a research aid, not evidence of error"))


def audit_corpus(docs: Sequence[Document],
                 texts: Optional[Mapping[str, str]] = None) -> tuple[Finding, ...]:
    """Every cross-document finding: targets, periods, jumps, outliers, Benford.

    ``texts`` maps a document's ``source`` to its source text; with it,
    figures are matched on the words around them as well (see ``matching``).
    """
    docs, texts = list(docs), texts or {}
    return tuple([*check_targets(docs, texts), *check_half_year(docs, texts), *check_jumps(docs),
                  *check_outliers(docs), *check_benford(docs)])


__all__ = ["audit_corpus", "check_targets", "check_half_year", "check_jumps", "check_outliers",
           "check_benford"]
