"""How figures from different documents are lined up: organisation, year,
period and indicator keys, and one representative figure per document.

Shared by the cross-document checks and by :mod:`extractor.comparison`.

* An organisation is its name in simplified, half-width characters without
  spaces or punctuation.
* A year is ``period.year``, else ``period.year_inferred``; a masked year
  that nothing infers stays unknown, so two ``201*`` documents never match.
* An indicator's key is its ``concept``; without one, ``obj:`` plus its
  object (simplified, no spaces).  Figures with neither are left out.
* Representative: when one document gives several figures for one key,
  status and unit family, the largest stands for the document.  A document
  usually states a total and then its parts or per-event figures, so the
  largest is the total; adding them up would count the total twice.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from ..records import Document, Indicator
from .common import has_value, simplify, unit_family

# spaces and punctuation dropped from organisation names and objects
_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)

# periods of one year in time order, the whole year after its parts
PART_ORDER = {"month": 0, "Q1": 1, "Q2": 2, "H1": 3, "Q3": 4, "H2": 5, "Q4": 6,
              "year": 7, None: 7, "multi_year": 8}


def org_key(org: Optional[str]) -> Optional[str]:
    if not org:
        return None
    return _NOISE.sub("", simplify(org)) or None


def doc_year(doc: Document) -> Optional[int]:
    return doc.period.year if doc.period.year is not None else doc.period.year_inferred


def period_label(doc: Document) -> str:
    """``2023``, ``2023-H1``; an unknown year shows as written (``201*``) or ``?``."""
    year = doc_year(doc)
    shown = str(year) if year is not None else (doc.period.year_text or "?")
    part = doc.period.part
    return shown if part in (None, "year") else f"{shown}-{part}"


def indicator_key(ind: Indicator) -> Optional[str]:
    if ind.concept:
        return ind.concept
    if ind.object:
        cleaned = _NOISE.sub("", simplify(ind.object))
        return f"obj:{cleaned}" if cleaned else None
    return None


def comparable(ind: Indicator) -> bool:
    """A figure that can stand for a document: known value, not per-unit."""
    return has_value(ind) and ind.per is None and indicator_key(ind) is not None


def representatives(doc: Document, kinds: Optional[Iterable[str]] = None) -> dict[tuple, Indicator]:
    """(key, status, unit family) -> the document's largest figure for it."""
    wanted = set(kinds) if kinds is not None else None
    chosen: dict[tuple, Indicator] = {}
    for ind in doc.indicators:
        if not comparable(ind) or (wanted is not None and ind.kind not in wanted):
            continue
        slot = (indicator_key(ind), ind.status, unit_family(ind.unit))
        if slot not in chosen or ind.value > chosen[slot].value:
            chosen[slot] = ind
    return chosen
