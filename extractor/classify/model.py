"""Linear section classifier stored as plain JSON.

Training uses scikit-learn's LogisticRegression (imported inside ``fit``);
prediction needs only numpy: the JSON file holds feature names,
coefficients, intercepts and classes, and loading it runs no code.
"""
from __future__ import annotations

import json
import math
from collections import Counter
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

import numpy as np

from ..errors import ModelError, UsageError
from ..records import DOC_TYPES
from .cues import Evidence, cue_tables, evidence
from .features import (
    BODY_NGRAMS, BODY_PREFIX, FEATURE_VERSION, HEADING_NGRAMS, HEADING_PREFIX, SAMPLE_SLOT_PREFIXES, SAMPLE_SLOTS,
    ngram_texts, sample_features, sample_slot_names, slot_names, slot_values, walk_features,
)
from .ngrams import NgramColumns
from .samples import CONTEXT_INDEX, CONTEXTS, SectionSample
from .softmax import softmax

MODEL_FORMAT = "extractor.section_classifier/1"
_REQUIRED_KEYS = ("format", "feature_version", "classes", "features", "coef", "intercept")


@lru_cache(maxsize=256)
def _each_repeated(count: int, times: int) -> np.ndarray:
    """0, 0, ..., 1, 1, ...: each of ``range(count)`` ``times`` times (read-only, shared)."""
    found = np.arange(count).repeat(times)
    found.flags.writeable = False
    return found


class ModelSectionClassifier:
    """Logistic regression over ``features.sample_features``."""

    def __init__(self, C: float = 4.0, min_df: int = 2, max_iter: int = 3000):
        self.C = C
        self.min_df = min_df
        self.max_iter = max_iter

    # ------------------------------------------------------------ training
    def fit(self, samples: Sequence[SectionSample], labels: Sequence[str]) -> "ModelSectionClassifier":
        from scipy.sparse import csr_matrix
        from sklearn.linear_model import LogisticRegression

        if len(samples) != len(labels) or not samples:
            raise UsageError(f"fit needs as many labels as samples (got {len(samples)} and {len(labels)})")
        rows = [sample_features(s) for s in samples]
        df = Counter(name for row in rows for name in row)
        names = sorted(name for name, n in df.items() if n >= self.min_df)
        index = {name: i for i, name in enumerate(names)}
        data, cols, indptr = [], [], [0]
        for row in rows:
            for name, value in row.items():
                if name in index:
                    cols.append(index[name])
                    data.append(value)
            indptr.append(len(cols))
        matrix = csr_matrix((data, cols, indptr), shape=(len(rows), len(names)))
        estimator = LogisticRegression(C=self.C, max_iter=self.max_iter)
        estimator.fit(matrix, list(labels))
        self._set_weights(estimator.classes_, names, estimator.coef_, estimator.intercept_)
        return self

    def _set_weights(self, classes, names, coef, intercept) -> None:
        classes = np.asarray(classes)
        coef = np.asarray(coef, dtype=float)
        if len(classes) == 2:  # binary sklearn models keep one row; expand to two
            coef = np.vstack([-coef[0] / 2, coef[0] / 2])
            intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
        self.classes_ = classes
        self.feature_names_ = list(names)
        self.vocabulary_ = {name: i for i, name in enumerate(self.feature_names_)}
        self.coef_ = coef
        self.intercept_ = np.asarray(intercept, dtype=float)
        self._index_weights()

    def _index_weights(self) -> None:
        """Lookup tables derived from the weights, so prediction does little per section."""
        # the weights, a row per feature, and a last row of zeros, the weights of features the model does not know
        self._feature_weights = np.vstack([self.coef_.T, np.zeros((1, len(self.classes_)))])
        # weights of the walk features by document type and tree context (also as lists: see walk_rows_)
        self._walk_table = np.array([[self._walk_decision(doc_type, *context) for context in CONTEXTS]
                                     for doc_type in DOC_TYPES], dtype=float)
        self.walk_rows_ = self._walk_table.tolist()
        self._class_range = np.arange(len(self.classes_))
        # the column of each slot (-1, the zero row, for those the model does not know or names per sample)
        self._slot_columns = [self.vocabulary_.get(name, -1) if name else -1 for name in slot_names(cue_tables())]
        # the known features of the slots named per sample (a small table, read for every sample)
        self._sample_slot_columns = {name: col for name, col in self.vocabulary_.items()
                                     if name.startswith(SAMPLE_SLOT_PREFIXES)}
        # n-gram columns of headings and bodies by the bare n-gram, looked up in bulk
        self._ngram_columns = NgramColumns.of_fields([
            ({name[len(prefix):]: col for name, col in self.vocabulary_.items() if name.startswith(prefix)}, sizes)
            for prefix, sizes in ((HEADING_PREFIX, HEADING_NGRAMS), (BODY_PREFIX, BODY_NGRAMS))])

    # ------------------------------------------------------------ prediction
    def _check_fitted(self) -> None:
        if not hasattr(self, "coef_"):
            raise UsageError("ModelSectionClassifier is not fitted; call fit() or ModelSectionClassifier.load(path)")

    def decision_function(self, samples: Sequence[SectionSample]) -> np.ndarray:
        contexts = [CONTEXT_INDEX[s.parent_category, s.prev_sibling_category] for s in samples]
        return self.decision_at(samples, np.arange(len(samples)), np.array(contexts, dtype=np.int64))

    def decision_by_context(self, samples: Sequence[SectionSample]) -> np.ndarray:
        """Decision values of every sample in every context of ``samples.CONTEXTS``
        (which replace the samples' own): shape (samples, contexts, classes)."""
        rows, contexts = np.divmod(np.arange(len(samples) * len(CONTEXTS)), len(CONTEXTS))
        return self.decision_at(samples, rows, contexts).reshape(len(samples), len(CONTEXTS), len(self.classes_))

    def decision_at(self, samples: Sequence[SectionSample], rows: np.ndarray, contexts: np.ndarray) -> np.ndarray:
        """Decision values of ``samples[rows[j]]`` in the context ``samples.CONTEXTS[contexts[j]]``
        (which replaces the sample's own), a row per j."""
        self._check_fitted()
        doc_types = np.array([DOC_TYPES.index(s.doc_type) for s in samples], dtype=np.int64)
        return self.static_decision(samples)[rows] + self._walk_table[doc_types[rows], contexts]

    def static_decision(self, samples: Sequence[SectionSample],
                        evidences: Sequence[Evidence] | None = None) -> np.ndarray:
        """Intercepts plus the weights of every feature but the walk features, row per
        sample; the decision in a tree context adds ``walk_rows_[doc type][context]``."""
        self._check_fitted()
        if not samples:
            return np.zeros((0, len(self.classes_)))
        if evidences is None:
            tables = cue_tables()
            evidences = [evidence(s.heading, s.body, s.doc_title, tables) for s in samples]
        ngram_owners, ngram_cols = self._ngram_columns.lookup_fields(ngram_texts(samples))
        column = self._sample_slot_columns.get
        slot_cols: list[int] = []
        values: list = []
        for sample, ev in zip(samples, evidences):
            cols = self._slot_columns.copy()
            cols[SAMPLE_SLOTS] = [column(name, -1) for name in sample_slot_names(sample)]
            slot_cols += cols
            values += slot_values(sample, ev)
        # A row's weights are summed in the order sample_features lists its features:
        # heading n-grams, body n-grams, then the slots (a slot of value 0 adds 0).
        # bincount adds each bin's weights one after the other, in the order given.
        weighted = self._feature_weights[np.concatenate([ngram_cols, slot_cols])]
        weighted[len(ngram_cols):] *= np.array(values, dtype=float)[:, None]  # n-gram features are all 1.0
        classes = len(self.classes_)
        owners = np.concatenate([ngram_owners, _each_repeated(len(samples), len(self._slot_columns))])
        sums = np.bincount(((owners * classes)[:, None] + self._class_range).ravel(), weights=weighted.ravel(),
                           minlength=len(samples) * classes)
        return self.intercept_ + sums.reshape(len(samples), classes)

    def _walk_decision(self, doc_type: str, parent_category: Optional[str],
                       prev_sibling_category: Optional[str]) -> np.ndarray:
        """Weights of the features the tree walk fills in, summed per class."""
        cols: list[int] = []
        values: list[float] = []
        self._add_columns(walk_features(doc_type, parent_category, prev_sibling_category).items(), cols, values)
        return self.coef_[:, cols] @ np.asarray(values) if cols else np.zeros(len(self.classes_))

    def _add_columns(self, features, cols: list[int], values: list[float]) -> None:
        """Append (column, value) of the known, non-zero features."""
        vocabulary = self.vocabulary_
        for name, value in features:
            if value and name in vocabulary:
                cols.append(vocabulary[name])
                values.append(value)

    def proba_from_decision(self, scores: np.ndarray) -> np.ndarray:
        """Probabilities from decision values (softmax along the last axis)."""
        return softmax(scores)

    def predict_proba(self, samples: Sequence[SectionSample]) -> np.ndarray:
        return self.proba_from_decision(self.decision_function(samples))

    def predict(self, samples: Sequence[SectionSample]) -> np.ndarray:
        self._check_fitted()
        return self.classes_[self.predict_proba(samples).argmax(axis=1)]

    # ------------------------------------------------------------ storage
    def to_json(self, prune: float = 1e-5, meta: dict | None = None) -> dict:
        """JSON-ready weights; features whose every coefficient is below ``prune`` are dropped."""
        self._check_fitted()
        keep = np.flatnonzero(np.abs(self.coef_).max(axis=0) >= prune)
        return {
            "format": MODEL_FORMAT,
            "feature_version": FEATURE_VERSION,
            "trained": date.today().isoformat(),
            "params": {"C": self.C, "min_df": self.min_df, "max_iter": self.max_iter},
            "meta": meta or {},
            "classes": [str(c) for c in self.classes_],
            "intercept": [round(float(v), 6) for v in self.intercept_],
            "features": [self.feature_names_[i] for i in keep],
            "coef": [[round(float(v), 6) for v in row[keep]] for row in self.coef_],
        }

    def save(self, path: str | Path, meta: dict | None = None) -> None:
        Path(path).write_text(json.dumps(self.to_json(meta=meta), ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> "ModelSectionClassifier":
        """Read weights written by ``save``; a missing or broken file raises ModelError naming it."""
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ModelError(f"{path}: section model file not found; retrain with scripts/train_sections.py or use use_model=False") from exc
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ModelError(f"{path}: section model file is not valid JSON ({exc}); retrain with scripts/train_sections.py") from exc
        return cls._from_json(data, path)

    @classmethod
    def _from_json(cls, data, path: Path) -> "ModelSectionClassifier":
        if not isinstance(data, dict) or any(key not in data for key in _REQUIRED_KEYS):
            raise ModelError(f"{path}: not a section model (needs keys {', '.join(_REQUIRED_KEYS)})")
        if data["format"] != MODEL_FORMAT or data["feature_version"] != FEATURE_VERSION:
            raise ModelError(f"{path}: model format {data['format']!r} v{data['feature_version']} does not match "
                             f"{MODEL_FORMAT!r} v{FEATURE_VERSION}; retrain with scripts/train_sections.py")
        try:
            coef = np.asarray(data["coef"], dtype=float)
            intercept = np.asarray(data["intercept"], dtype=float)
        except (TypeError, ValueError) as exc:
            raise ModelError(f"{path}: coefficients are not numbers ({exc})") from exc
        n_classes, n_features = len(data["classes"]), len(data["features"])
        if coef.shape != (n_classes, n_features) or intercept.shape != (n_classes,) or n_classes < 2:
            raise ModelError(f"{path}: weight shapes {coef.shape}/{intercept.shape} do not match "
                             f"{n_classes} classes and {n_features} features")
        if not all(math.isfinite(v) for v in coef.ravel()) or not np.isfinite(intercept).all():
            raise ModelError(f"{path}: weights contain NaN or infinity")
        params = data.get("params", {})
        model = cls(**{k: params[k] for k in ("C", "min_df", "max_iter") if k in params})
        model._set_weights(data["classes"], data["features"], coef, intercept)
        model.trained_ = data.get("trained")
        model.meta_ = data.get("meta", {})
        return model


__all__ = ["ModelSectionClassifier", "MODEL_FORMAT"]
