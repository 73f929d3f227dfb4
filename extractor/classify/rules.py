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
from .cues import CueTables, Evidence, EvidenceArrays, cue_tables, evidence, evidence_arrays
from .samples import CONTEXT_INDEX, CONTEXTS, SectionSample
from .softmax import softmax

CLASSES = tuple(sorted(CATEGORIES))  # sklearn orders classes_ this way


def _own_scores(evidences: Sequence[Evidence], tables: CueTables) -> np.ndarray:
    """Score per section (rows) and category (columns, in ``CLASSES`` order)
    from each section's own heading and body."""
    w = tables.weights
    column = {category: index for index, category in enumerate(CLASSES)}
    plans, achievements, problems, other = (column[c] for c in ("plans", "achievements", "problems", "other"))
    strong_columns = [column[c] for c in tables.heading_strong]
    weak_columns = [column[c] for c in tables.heading_weak]
    time_words = list(tables.heading_time)
    plans_time = time_words.index("plans") if "plans" in time_words else None
    achievements_time = time_words.index("achievements") if "achievements" in time_words else None
    groups = list(tables.body)
    future, past, progress, problem = (groups.index(g) for g in ("future", "past", "progress", "problems"))
    strong, time_plans, time_achievements, weak, weak_cap, year_later, untitled = (w[name] for name in (
        "heading_strong", "heading_time_plans", "heading_time_achievements", "heading_weak", "heading_weak_cap",
        "heading_year_later", "untitled"))
    future_weight, future_cap, past_weight, past_cap, problem_weight, problem_cap, list_body = (w[name] for name in (
        "future", "future_cap", "past", "past_cap", "problem", "problem_cap", "list_body"))
    rows = []
    for ev in evidences:
        scores = [0.0] * len(CLASSES)
        # heading: strong cues, time words, weak cues (capped), a later year, no heading at all
        for at, hits in zip(strong_columns, ev.strong):
            if hits:
                scores[at] += strong
        if plans_time is not None and ev.time[plans_time]:
            scores[plans] += time_plans
        elif achievements_time is not None and ev.time[achievements_time]:
            scores[achievements] += time_achievements
        for at, hits in zip(weak_columns, ev.weak):
            scores[at] += min(hits * weak, weak_cap)
        if ev.year_later:
            scores[plans] += year_later
        if ev.untitled:
            scores[other] += untitled
        # body: net future (future - past - progress) cues, problem cues, a bare list
        net_future = ev.body[future] - ev.body[past] - ev.body[progress]
        scores[plans] += min(max(net_future, 0) * future_weight, future_cap)
        scores[achievements] += min(max(-net_future, 0) * past_weight, past_cap)
        scores[problems] += min(ev.body[problem] * problem_weight, problem_cap)
        if ev.list_body:
            scores[other] += list_body
        rows.append(scores)
    return np.array(rows, dtype=float).reshape(len(evidences), len(CLASSES))


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
    own = _own_scores([evidence(sample.heading, sample.body, sample.doc_title, tables)], tables)
    return dict(zip(CLASSES, own[0].tolist()))


def rule_scores(sample: SectionSample, tables: CueTables | None = None) -> dict[str, float]:
    """Evidence score per category (higher is more likely)."""
    context = context_scores(sample.doc_type, sample.parent_category, sample.prev_sibling_category, tables)
    own = evidence_scores(sample, tables)
    return {category: context[category] + own[category] for category in CLASSES}


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
        contexts = [CONTEXT_INDEX[s.parent_category, s.prev_sibling_category] for s in samples]
        return self.decision_at(samples, np.arange(len(samples)), np.array(contexts, dtype=np.int64))

    def decision_by_context(self, samples: Sequence[SectionSample]) -> np.ndarray:
        """Decision values of every sample in every context of ``samples.CONTEXTS``
        (which replace the samples' own): shape (samples, contexts, classes)."""
        rows, contexts = np.divmod(np.arange(len(samples) * len(CONTEXTS)), len(CONTEXTS))
        return self.decision_at(samples, rows, contexts).reshape(len(samples), len(CONTEXTS), len(CLASSES))

    def decision_at(self, samples: Sequence[SectionSample], rows: np.ndarray, contexts: np.ndarray,
                    evidence: EvidenceArrays | None = None) -> np.ndarray:
        """Decision values of ``samples[rows[j]]`` in the context ``samples.CONTEXTS[contexts[j]]``
        (which replaces the sample's own), a row per j; ``evidence``: ``evidence_arrays(samples)``
        when the caller has it."""
        self._check_fitted()
        ev = evidence if evidence is not None else evidence_arrays(samples, self.tables_)
        own = _own_scores(ev.each, self.tables_)
        doc_types = np.array([DOC_TYPES.index(s.doc_type) for s in samples], dtype=np.int64)
        return self.context_table_[doc_types[rows], contexts] + own[rows]

    def _row(self, scores: dict[str, float]) -> list[float]:
        return [scores[c] for c in CLASSES]

    def proba_from_decision(self, decision: np.ndarray) -> np.ndarray:
        """Probabilities from decision values (softmax along the last axis)."""
        return softmax(decision / self.temperature if self.temperature != 1.0 else decision)  # x / 1.0 is x

    def predict_proba(self, samples: Sequence[SectionSample]) -> np.ndarray:
        return self.proba_from_decision(self.decision_function(samples))

    def predict(self, samples: Sequence[SectionSample]) -> np.ndarray:
        self._check_fitted()
        return self.classes_[self.predict_proba(samples).argmax(axis=1)]


__all__ = ["RuleSectionClassifier", "rule_scores", "context_scores", "evidence_scores", "CLASSES"]
