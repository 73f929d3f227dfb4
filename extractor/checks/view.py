"""One document as the single-document checks read it, built once per audit.

The checks need the same groupings (figures by id, parts by total, figures
by sentence) and the same derived strings (a figure's clause, its sentence
in simplified characters, the size of its last written digit) many times; a
``DocumentView`` finds each once, on first use, and shares it between the
checks.  The figures a check starts from are listed once, so a check with
nothing to look at (no percent, no ``part_of`` link, no sentence with three
figures) returns at once.
"""
from __future__ import annotations

import re
from operator import attrgetter
from typing import Optional

from ..records import Document, Indicator
from .common import clause_before, clause_lead, written_step


ANYWHERE = float("-inf")  # DocumentView.first_in_sentence: any figure's clause may hold them
_span_of = attrgetter("span")
_sentence_of = attrgetter("sentence_span")


class DocumentView:
    """A document, its source text and what the checks derive from them."""

    def __init__(self, doc: Document, text: Optional[str]):
        self.doc, self.text = doc, text
        self.indicators = indicators = doc.indicators
        self.parts = [ind for ind in indicators if ind.part_of]
        self.percents = [ind for ind in indicators if ind.kind == "percent"]
        self.masked = [ind for ind in indicators if ind.masked]
        self._by_id: Optional[dict] = None
        self._linked: Optional[dict] = None
        self._sections: Optional[dict] = None
        self._leads: dict[int, tuple[str, int, int]] = {}
        self._clauses: dict[int, str] = {}
        self._steps: dict[int, float] = {}

    # --- groupings -------------------------------------------------------------

    @property
    def by_id(self) -> dict:
        if self._by_id is None:
            self._by_id = {ind.id: ind for ind in self.indicators}
        return self._by_id

    @property
    def linked(self) -> dict:
        """Total id -> its parts (``part_of`` links), in text order of the links."""
        if self._linked is None:
            groups: dict = {}
            for ind in self.parts:
                groups.setdefault(ind.part_of, []).append(ind)
            self._linked = groups
        return self._linked

    @property
    def sections(self) -> dict:
        if self._sections is None:
            self._sections = {s.id: s for s in self.doc.sections}
        return self._sections

    def sentences_with(self, figures: int) -> list[list[Indicator]]:
        """The figures of each sentence that holds at least ``figures`` of them,
        in text order (sentences in the order of their first figure)."""
        spans = list(map(_sentence_of, self.indicators))
        if len(set(spans)) > len(spans) - figures + 1:
            return []  # too many sentences for one to hold that many figures
        counts: dict = {}
        for span in spans:
            counts[span] = counts.get(span, 0) + 1
        wanted = {span for span, count in counts.items() if count >= figures}
        groups: dict = {}
        for ind in sorted(self.indicators, key=_span_of):
            if ind.sentence_span in wanted:
                groups.setdefault(ind.sentence_span, []).append(ind)
        return list(groups.values())

    # --- derived strings -------------------------------------------------------

    def lead(self, ind: Indicator) -> tuple[str, int, int]:
        """``common.clause_lead`` of a figure, found once."""
        key = id(ind)
        lead = self._leads.get(key)
        if lead is None:
            lead = self._leads[key] = clause_lead(ind, self.text)
        return lead

    def clause(self, ind: Indicator) -> str:
        """``common.clause_before`` of a figure, found once."""
        key = id(ind)
        clause = self._clauses.get(key)
        if clause is None:
            clause = self._clauses[key] = clause_before(ind, self.text, self.lead(ind))
        return clause

    def step(self, ind: Indicator) -> float:
        """``common.written_step`` of a figure, found once."""
        key = id(ind)
        step = self._steps.get(key)
        if step is None:
            step = written_step(ind)
            self._steps[key] = step
        return step

    # --- quick tests -----------------------------------------------------------

    def clause_may_hold(self, ind: Indicator, probe: Optional[tuple[re.Pattern, re.Pattern]]) -> bool:
        """False when the figure's clause surely holds none of the characters of a
        ``common.clause_probe``: its unfolded words and its object have none."""
        if probe is None:
            return True
        in_lead, in_object = probe
        source, start, end = self.lead(ind)
        return in_lead.search(source, start, end) is not None or bool(ind.object and in_object.search(ind.object))

    def first_in_sentence(self, figures: list[Indicator],
                          probe: Optional[tuple[re.Pattern, re.Pattern]]) -> Optional[float]:
        """Where in their sentence the clauses of figures of one sentence may first
        hold one of the characters of a ``common.clause_probe``: None when no clause
        can, found with one search over the sentence instead of cutting each clause.
        A figure's clause comes from the sentence up to its numeral, which is inside
        its own text, or from that text, plus its object; so a figure that ends
        before the returned position has none of them in its clause (``ANYWHERE``
        when that cannot be told from the sentence)."""
        if probe is None:
            return ANYWHERE
        chars = probe[1]
        text = self.text
        if chars.search("".join(ind.object for ind in figures if ind.object)):
            return ANYWHERE
        start, end = figures[0].sentence_span[0], 0
        length = len(text) if text is not None else -1
        for ind in figures:
            reach = ind.span[0] + len(ind.text)  # the numeral is before this
            if reach > end:
                end = reach
            if text is None or ind.span[0] < start or reach > length:
                if chars.search(ind.text):  # the clause may come from the figure's own text
                    return ANYWHERE
        found = chars.search(text, start, min(end, length)) if text is not None else None
        return found.start() if found else None
