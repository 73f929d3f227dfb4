"""Rule-based section classifier: cue words, document type and the tree.

Each kind of evidence adds a weight (``[weights]`` in
``data/category_cues.toml``) to one category's score; a softmax turns the
scores into probabilities.  Rules learn nothing, but follow the
scikit-learn interface so they can be scored and swapped like the model.
"""
from __future__ import annotations

from typing import Optional, Sequence

import numpy as np

from ..errors import UsageError
from ..records import CATEGORIES, DOC_TYPES
from .cues import CueTables, Evidence, cue_tables, section_evidence
from .samples import CONTEXTS, SectionSample

CLASSES = tuple(sorted(CATEGORIES))  # sklearn orders classes_ this way


def _heading_scores(heading: str, ev: Evidence, tables: CueTables, scores: dict[str, float]) -> None:
    w = tables.weights
    for category, hits in ev.strong.items():
        if hits:
            scores[category] += w["heading_strong"]
    if ev.time.get("plans"):
        scores["plans"] += w["heading_time_plans"]
    elif ev.time.get("achievements"):
        scores["achievements"] += w["heading_time_achievements"]
    for category, hits in ev.weak.items():
        scores[category] += min(hits * w["heading_weak"], w["heading_weak_cap"])
    if ev.year_later:
        scores["plans"] += w["heading_year_later"]
    if not heading.strip():
        scores["other"] += w["untitled"]


def _body_scores(ev: Evidence, tables: CueTables, scores: dict[str, float]) -> None:
    w = tables.weights
    counts = ev.body
    net_future = counts["future"] - counts["past"] - counts["progress"]
    scores["plans"] += min(max(net_future, 0) * w["future"], w["future_cap"])
    scores["achievements"] += min(max(-net_future, 0) * w["past"], w["past_cap"])
    scores["problems"] += min(counts["problems"] * w["problem"], w["problem_cap"])
    if ev.list_body:
        scores["other"] += w["list_body"]


def _context_scores(doc_type: str, parent_category: Optional[str], prev_sibling_category: Optional[str],
                    tables: CueTables, scores: dict[str, float]) -> None:
    w = tables.weights
    if parent_category:
        scores[parent_category] += w["parent"]
        return
    for category, value in tables.doc_prior.get(doc_type, {}).items():
        scores[category] += value
    if prev_sibling_category:
        scores[prev_sibling_category] += w["prev_sibling"]


def context_scores(doc_type: str, parent_category: Optional[str], prev_sibling_category: Optional[str],
                   tables: CueTables | None = None) -> dict[str, float]:
    """Score per category from the section's place: document type, parent, previous sibling."""
    scores = {category: 0.0 for category in CLASSES}
    _context_scores(doc_type, parent_category, prev_sibling_category, tables or cue_tables(), scores)
    return scores


def evidence_scores(sample: SectionSample, tables: CueTables | None = None) -> dict[str, float]:
    """Score per category from the section's own heading and body."""
    tables = tables or cue_tables()
    ev = section_evidence(sample.heading, sample.body, sample.doc_title, tables)
    scores = {category: 0.0 for category in CLASSES}
    _heading_scores(sample.heading, ev, tables, scores)
    _body_scores(ev, tables, scores)
    return scores


def rule_scores(sample: SectionSample, tables: CueTables | None = None) -> dict[str, float]:
    """Evidence score per category (higher is more likely)."""
    context = context_scores(sample.doc_type, sample.parent_category, sample.prev_sibling_category, tables)
    own = evidence_scores(sample, tables)
    return {category: context[category] + own[category] for category in CLASSES}


def _softmax(rows: np.ndarray) -> np.ndarray:
    """Softmax along the last axis."""
    shifted = np.exp(rows - rows.max(axis=-1, keepdims=True))
    return shifted / shifted.sum(axis=-1, keepdims=True)


class RuleSectionClassifier:
    """Cue-word rules with the scikit-learn classifier interface."""

    def __init__(self, temperature: float = 1.0):
        self.temperature = temperature

    def fit(self, samples: Sequence[SectionSample] = (), labels: Sequence[str] = ()) -> "RuleSectionClassifier":
        unknown = sorted(set(labels) - set(CLASSES))
        if unknown:
            raise UsageError(f"unknown section categories {unknown}; expected {CLASSES}")
        if len(samples) != len(labels):
            raise UsageError(f"fit got {len(samples)} samples but {len(labels)} labels")
        self.tables_ = cue_tables()
        self.classes_ = np.array(CLASSES)
        # context scores by document type and tree context, added to each section's own evidence
        self.context_table_ = np.array([[self._row(context_scores(doc_type, *context, self.tables_))
                                         for context in CONTEXTS] for doc_type in DOC_TYPES], dtype=float)
        return self

    def _check_fitted(self) -> None:
        if not hasattr(self, "classes_"):
            raise UsageError("RuleSectionClassifier is not fitted; call fit() first (rules learn nothing, fit() loads the cue tables)")

    def decision_function(self, samples: Sequence[SectionSample]) -> np.ndarray:
        self._check_fitted()
        rows = [self._row(rule_scores(s, self.tables_)) for s in samples]
        return np.array(rows, dtype=float).reshape(len(samples), len(self.classes_))

    def decision_by_context(self, samples: Sequence[SectionSample]) -> np.ndarray:
        """Decision values of every sample in every context of ``samples.CONTEXTS``
        (which replace the samples' own): shape (samples, contexts, classes)."""
        self._check_fitted()
        own = np.array([self._row(evidence_scores(s, self.tables_)) for s in samples], dtype=float)
        placed = self.context_table_[[DOC_TYPES.index(s.doc_type) for s in samples]]
        return placed + own.reshape(len(samples), 1, len(self.classes_))

    def _row(self, scores: dict[str, float]) -> list[float]:
        return [scores[c] for c in CLASSES]

    def proba_from_decision(self, decision: np.ndarray) -> np.ndarray:
        """Probabilities from decision values (softmax along the last axis)."""
        return _softmax(decision / self.temperature)

    def predict_proba(self, samples: Sequence[SectionSample]) -> np.ndarray:
        return self.proba_from_decision(self.decision_function(samples))

    def predict(self, samples: Sequence[SectionSample]) -> np.ndarray:
        self._check_fitted()
        return self.classes_[self.predict_proba(samples).argmax(axis=1)]


__all__ = ["RuleSectionClassifier", "rule_scores", "context_scores", "evidence_scores", "CLASSES"]
