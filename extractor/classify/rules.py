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
from .cues import CueTables, Evidence, cue_tables, evidence
from .samples import CONTEXT_INDEX, CONTEXTS, SectionSample
from .softmax import softmax

CLASSES = tuple(sorted(CATEGORIES))  # sklearn orders classes_ this way


class OwnScores:
    """Score per category (in ``CLASSES`` order) from a section's own heading
    and body: ``OwnScores(tables)(evidence)``, the cue tables' weights and
    positions looked up once."""

    def __init__(self, tables: CueTables):
        w = tables.weights
        column = {category: index for index, category in enumerate(CLASSES)}
        self.plans, self.achievements, self.problems, self.other = (
            column[c] for c in ("plans", "achievements", "problems", "other"))
        self.strong_columns = [column[c] for c in tables.heading_strong]
        self.weak_columns = [column[c] for c in tables.heading_weak]
        time_words = list(tables.heading_time)
        self.plans_time = time_words.index("plans") if "plans" in time_words else None
        self.achievements_time = time_words.index("achievements") if "achievements" in time_words else None
        self.problem = list(tables.body).index("problems")
        (self.w_strong, self.w_time_plans, self.w_time_achievements, self.w_weak, self.w_weak_cap,
         self.w_year_later, self.w_untitled) = (w[name] for name in (
            "heading_strong", "heading_time_plans", "heading_time_achievements", "heading_weak",
            "heading_weak_cap", "heading_year_later", "untitled"))
        (self.w_future, self.w_future_cap, self.w_past, self.w_past_cap, self.w_problem, self.w_problem_cap,
         self.w_list_body) = (w[name] for name in (
            "future", "future_cap", "past", "past_cap", "problem", "problem_cap", "list_body"))
        # what weak cues add without a hit (0 unless the cap is below 0)
        self.weak_without_hits = min(0 * self.w_weak, self.w_weak_cap)

    def __call__(self, ev: Evidence) -> list[float]:
        # Each kind of evidence adds its weight in this order; an addition of 0 is
        # skipped (most sections have no cue at all), which leaves every sum as it was.
        scores = [0.0] * len(CLASSES)
        plans, achievements, other = self.plans, self.achievements, self.other
        # heading: strong cues, time words, weak cues (capped), a later year, no heading at all
        if any(ev.strong):
            for at, hits in zip(self.strong_columns, ev.strong):
                if hits:
                    scores[at] += self.w_strong
        if any(ev.time):
            if self.plans_time is not None and ev.time[self.plans_time]:
                scores[plans] += self.w_time_plans
            elif self.achievements_time is not None and ev.time[self.achievements_time]:
                scores[achievements] += self.w_time_achievements
        if any(ev.weak) or self.weak_without_hits:
            for at, hits in zip(self.weak_columns, ev.weak):
                add = min(hits * self.w_weak, self.w_weak_cap)
                if add:
                    scores[at] += add
        if ev.year_later:
            scores[plans] += self.w_year_later
        if ev.untitled:
            scores[other] += self.w_untitled
        # body: net future (future - past - progress) cues, problem cues, a bare list
        net_future = ev.net_future
        add = min(max(net_future, 0) * self.w_future, self.w_future_cap)
        if add:
            scores[plans] += add
        add = min(max(-net_future, 0) * self.w_past, self.w_past_cap)
        if add:
            scores[achievements] += add
        add = min(ev.body[self.problem] * self.w_problem, self.w_problem_cap)
        if add:
            scores[self.problems] += add
        if ev.list_body:
            scores[other] += self.w_list_body
        return scores


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
    return dict(zip(CLASSES, OwnScores(tables)(evidence(sample.heading, sample.body, sample.doc_title, tables))))


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
        self.own_scores_ = OwnScores(self.tables_)
        # context scores by document type and tree context, added to each section's own evidence
        self.context_rows_ = [[self._row(context_scores(doc_type, *context, self.tables_)) for context in CONTEXTS]
                              for doc_type in DOC_TYPES]
        self.context_table_ = np.array(self.context_rows_, dtype=float)
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

    def decision_at(self, samples: Sequence[SectionSample], rows: np.ndarray, contexts: np.ndarray) -> np.ndarray:
        """Decision values of ``samples[rows[j]]`` in the context ``samples.CONTEXTS[contexts[j]]``
        (which replaces the sample's own), a row per j."""
        self._check_fitted()
        evidences = [evidence(s.heading, s.body, s.doc_title, self.tables_) for s in samples]
        own = np.array([self.own_scores_(ev) for ev in evidences], dtype=float).reshape(len(samples), len(CLASSES))
        doc_types = np.array([DOC_TYPES.index(s.doc_type) for s in samples], dtype=np.int64)
        return self.context_table_[doc_types[rows], contexts] + own[rows]

    def _row(self, scores: dict[str, float]) -> list[float]:
        return [scores[c] for c in CLASSES]

    def proba_from_decision(self, decision: np.ndarray) -> np.ndarray:
        """Probabilities from decision values (softmax along the last axis)."""
        return softmax(decision / self.temperature)

    def predict_proba(self, samples: Sequence[SectionSample]) -> np.ndarray:
        return self.proba_from_decision(self.decision_function(samples))

    def predict(self, samples: Sequence[SectionSample]) -> np.ndarray:
        self._check_fitted()
        return self.classes_[self.predict_proba(samples).argmax(axis=1)]


__all__ = ["RuleSectionClassifier", "OwnScores", "rule_scores", "context_scores", "evidence_scores", "CLASSES"]
