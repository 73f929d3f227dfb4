"""Hand-made documents for the audit and compare tests.

``make_doc(text, figures)`` finds each figure's quote in ``text`` (in order)
and builds the ``Indicator`` records the pipeline would, with source spans
and sentence spans, so the checks can be tested without the pipeline.  All
strings are written for these tests.
"""
from __future__ import annotations

import re
from typing import Any, Optional, Sequence

from extractor.records import Document, Indicator, Period, Section

_SENTENCE_END = re.compile(r"[。;；!！?？\n]")
_KINDS = {"%": "percent", "元": "money", "fraction": "fraction", "亩": "measure"}


def sentence_span(text: str, start: int) -> tuple[int, int]:
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, start)
    return (before[-1] if before else 0, after.end() if after else len(text))


def make_indicators(text: str, figures: Sequence[dict[str, Any]]) -> tuple[Indicator, ...]:
    """Figures: dicts with ``q`` (quote), ``value``, ``unit`` and any Indicator
    field; ``part_of`` may be the index of the total figure."""
    records, cursor = [], 0
    for index, spec in enumerate(figures):
        spec = dict(spec)
        quote = spec.pop("q")
        start = text.index(quote, cursor)
        cursor = start + 1
        part_of = spec.pop("part_of", None)
        fields = {
            "id": f"i{index}", "section": None, "span": (start, start + len(quote)),
            "sentence_span": sentence_span(text, start), "text": quote, "predicate": None,
            "object": None, "concept": None, "kind": _KINDS.get(spec.get("unit"), "count"),
            "part_of": f"i{part_of}" if isinstance(part_of, int) else part_of,
        }
        fields.update(spec)
        records.append(Indicator(**fields))
    return tuple(records)


def make_doc(text: str = "", figures: Sequence[dict] = (), *, sections: Sequence[Section] = (),
             org: Optional[str] = "甲县总工会", doc_type: str = "summary", year: Optional[int] = 2012,
             part: Optional[str] = "year", source: str = "a.txt", doc_index: int = 0,
             year_text: Optional[str] = None, year_inferred: Optional[int] = None) -> Document:
    period = Period(year=year, year_text=year_text or (str(year) if year else None),
                    year_masked=year is None and year_text is not None, part=part, year_inferred=year_inferred)
    return Document(source=source, doc_index=doc_index, span=(0, len(text)), title=None, org=org,
                    doc_type=doc_type, period=period, sections=tuple(sections),
                    indicators=make_indicators(text, figures) if text else tuple(
                        _bare(i, spec) for i, spec in enumerate(figures)))


def _bare(index: int, spec: dict) -> Indicator:
    """An indicator without source text (for corpus tests)."""
    spec = dict(spec)
    quote = spec.pop("q", f"{spec.get('object', '')}{spec.get('value')}{spec.get('unit', '')}")
    fields = {"id": f"i{index}", "section": None, "span": (index * 10, index * 10 + 5),
              "sentence_span": (index * 10, index * 10 + 9), "text": quote, "predicate": None,
              "object": None, "concept": None, "kind": _KINDS.get(spec.get("unit"), "count")}
    fields.update(spec)
    return Indicator(**fields)


def section(id: str, number: Optional[str], parent: Optional[str] = None, level: int = 1,
            at: int = 0, heading: str = "工作") -> Section:
    return Section(id=id, parent=parent, level=level, number=number, heading=heading,
                   span=(at, at + 5), heading_span=(at, at + 3))
