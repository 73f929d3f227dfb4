"""Which figure of another document is the same indicator?

A plan's ``新建工会组织30家`` should meet the summary's ``新建工会组织34家``,
not its ``基层工会总数达到412家`` although both are ``unions_founded``-like
counts of 家.  Candidates share the indicator key (concept, else object)
and the unit family; each is scored

    2 × same predicate + 1 × same object + 3 × Jaccard(bigrams of the clauses)

where a clause is the words leading up to the number (see
``common.clause_before``).  The best candidate wins when it scores at least
``match_min_score`` and beats the runner-up (with another value) by
``match_margin``; otherwise the pair is left alone rather than guessed.
"""
from __future__ import annotations

from typing import Mapping, Optional

from ..records import Document, Indicator
from .common import clause_before, rules, unit_family
from .keys import comparable, indicator_key


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def clause_similarity(a: str, b: str) -> float:
    first, second = _bigrams(a), _bigrams(b)
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


def match_score(a: Indicator, b: Indicator, text_a: Optional[str], text_b: Optional[str]) -> float:
    same_predicate = bool(a.predicate) and a.predicate == b.predicate
    same_object = bool(a.object) and a.object == b.object
    return (2.0 * same_predicate + 1.0 * same_object
            + 3.0 * clause_similarity(clause_before(a, text_a), clause_before(b, text_b)))


def candidates(figure: Indicator, doc: Document, status: str) -> list[Indicator]:
    """Figures of ``doc`` with ``status`` that could be the same indicator."""
    key, family = indicator_key(figure), unit_family(figure.unit)
    return [ind for ind in doc.indicators
            if ind.status == status and comparable(ind) and ind.change != "from"
            and indicator_key(ind) == key and unit_family(ind.unit) == family]


def best_match(figure: Indicator, doc: Document, status: str,
               texts: Mapping[str, str], figure_source: str) -> Optional[Indicator]:
    """The figure of ``doc`` (with ``status``) that is ``figure``'s indicator, or None."""
    table = rules("corpus")
    scored = sorted(((match_score(figure, other, texts.get(figure_source), texts.get(doc.source)), other)
                     for other in candidates(figure, doc, status)),
                    key=lambda pair: pair[0], reverse=True)
    if not scored or scored[0][0] < table["match_min_score"]:
        return None
    best_score, best = scored[0]
    for score, other in scored[1:]:
        if best_score - score < table["match_margin"] and other.value != best.value:
            return None
    return best
