"""Rule-based section classifier: cue words, document type and the tree.

Each kind of evidence adds a weight (``[weights]`` in
``data/category_cues.toml``) to one category's score; a softmax turns the
scores into probabilities.  Rules learn nothing, but follow the
scikit-learn interface so they can be scored and swapped like the model.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from ..errors import UsageError
from ..records import CATEGORIES
from .cues import CueTables, body_counts, cue_tables, heading_hits, heading_year_later, looks_like_list
from .samples import SectionSample

CLASSES = tuple(sorted(CATEGORIES))  # sklearn orders classes_ this way


def _heading_scores(sample: SectionSample, tables: CueTables, scores: dict[str, float]) -> None:
    w = tables.weights
    for category, hits in heading_hits(sample.heading, tables.heading_strong).items():
        if hits:
            scores[category] += w["heading_strong"]
    time_hits = heading_hits(sample.heading, tables.heading_time)
    if time_hits.get("plans"):
        scores["plans"] += w["heading_time_plans"]
    elif time_hits.get("achievements"):
        scores["achievements"] += w["heading_time_achievements"]
    for category, hits in heading_hits(sample.heading, tables.heading_weak).items():
        scores[category] += min(hits * w["heading_weak"], w["heading_weak_cap"])
    if heading_year_later(sample.heading, sample.doc_title):
        scores["plans"] += w["heading_year_later"]
    if not sample.heading.strip():
        scores["other"] += w["untitled"]


def _body_scores(sample: SectionSample, tables: CueTables, scores: dict[str, float]) -> None:
    w = tables.weights
    counts = body_counts(sample.body, tables)
    net_future = counts["future"] - counts["past"] - counts["progress"]
    scores["plans"] += min(max(net_future, 0) * w["future"], w["future_cap"])
    scores["achievements"] += min(max(-net_future, 0) * w["past"], w["past_cap"])
    scores["problems"] += min(counts["problems"] * w["problem"], w["problem_cap"])
    if looks_like_list(sample.body):
        scores["other"] += w["list_body"]


def _context_scores(sample: SectionSample, tables: CueTables, scores: dict[str, float]) -> None:
    w = tables.weights
    if sample.parent_category:
        scores[sample.parent_category] += w["parent"]
        return
    for category, value in tables.doc_prior.get(sample.doc_type, {}).items():
        scores[category] += value
    if sample.prev_sibling_category:
        scores[sample.prev_sibling_category] += w["prev_sibling"]


def rule_scores(sample: SectionSample, tables: CueTables | None = None) -> dict[str, float]:
    """Evidence score per category (higher is more likely)."""
    tables = tables or cue_tables()
    scores = {category: 0.0 for category in CLASSES}
    _context_scores(sample, tables, scores)
    _heading_scores(sample, tables, scores)
    _body_scores(sample, tables, scores)
    return scores


def _softmax(rows: np.ndarray) -> np.ndarray:
    shifted = np.exp(rows - rows.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


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
        return self

    def _check_fitted(self) -> None:
        if not hasattr(self, "classes_"):
            raise UsageError("RuleSectionClassifier is not fitted; call fit() first (rules learn nothing, fit() loads the cue tables)")

    def decision_function(self, samples: Sequence[SectionSample]) -> np.ndarray:
        self._check_fitted()
        rows = [[rule_scores(s, self.tables_)[c] for c in self.classes_] for s in samples]
        return np.array(rows, dtype=float).reshape(len(samples), len(self.classes_))

    def predict_proba(self, samples: Sequence[SectionSample]) -> np.ndarray:
        return _softmax(self.decision_function(samples) / self.temperature)

    def predict(self, samples: Sequence[SectionSample]) -> np.ndarray:
        self._check_fitted()
        return self.classes_[self.predict_proba(samples).argmax(axis=1)]


__all__ = ["RuleSectionClassifier", "rule_scores", "CLASSES"]
