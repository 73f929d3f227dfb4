"""Classify a document's sections top-down, blending model and rules.

Blend (log-linear pooling): for every section
``p ∝ p_model ** w * p_rules ** (1 - w)`` with ``w`` = ``[blend]
model_weight`` in ``data/category_cues.toml``.  The model has seen what the
rules see (the same cue counts are features) but learns their weights from
a small corpus; pooling lets the more confident source win, so decisive
rule evidence (a heading that says "存在的问题", a child of 其他工作) holds
against a hesitant model, and the model settles what the rules leave open.
With ``use_model=False`` the rules decide alone.
"""
from __future__ import annotations

import os
import warnings

from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

import numpy as np

from ..errors import UsageError
from .cues import cue_tables
from .model import ModelSectionClassifier
from .rules import RuleSectionClassifier
from .samples import CONTEXT_INDEX, SectionSample

# The trained weights live in the project's models/ folder, beside the package;
# EXTRACTOR_SECTION_MODEL points elsewhere (an installed package has no models/).
DEFAULT_MODEL_PATH = Path(os.environ.get(
    "EXTRACTOR_SECTION_MODEL", Path(__file__).resolve().parents[2] / "models" / "section_classifier.json"))


@lru_cache(maxsize=None)
def load_model(path: str | Path = DEFAULT_MODEL_PATH) -> ModelSectionClassifier:
    """The trained model, read on first use and cached per path."""
    return ModelSectionClassifier.load(path)


@lru_cache(maxsize=1)
def _rules() -> RuleSectionClassifier:
    return RuleSectionClassifier().fit()


def _model_columns(model: ModelSectionClassifier, classes: np.ndarray) -> list[Optional[int]]:
    """The model's column of each of the rules' classes (None when it lacks one)."""
    known = list(model.classes_)
    return [known.index(c) if c in known else None for c in classes]


def _pool(rule_p: np.ndarray, model_p: np.ndarray, columns: Sequence[Optional[int]]) -> np.ndarray:
    """Log-linear pooling of the two sources' probabilities (classes on the last axis)."""
    aligned = np.zeros_like(rule_p)
    for j, i in enumerate(columns):
        if i is not None:
            aligned[..., j] = model_p[..., i]
    weight = cue_tables().model_weight
    floor = 1e-6  # keeps log() finite when a source gives a class zero
    pooled = np.exp(weight * np.log(aligned + floor) + (1 - weight) * np.log(rule_p + floor))
    return pooled / pooled.sum(axis=-1, keepdims=True)


def _proba(samples: Sequence[SectionSample], model: Optional[ModelSectionClassifier]) -> tuple[np.ndarray, np.ndarray]:
    """(classes, probability rows) of the blend, or of the rules alone."""
    rules = _rules()
    rule_p = rules.predict_proba(samples)
    if model is None:
        return rules.classes_, rule_p
    return rules.classes_, _pool(rule_p, model.predict_proba(samples), _model_columns(model, rules.classes_))


def _proba_by_context(samples: Sequence[SectionSample],
                      model: Optional[ModelSectionClassifier]) -> tuple[np.ndarray, np.ndarray]:
    """(classes, probabilities of shape (samples, samples.CONTEXTS, classes)) of the blend or the rules."""
    rules = _rules()
    rule_p = rules.proba_from_decision(rules.decision_by_context(samples))
    if model is None:
        return rules.classes_, rule_p
    model_p = model.proba_from_decision(model.decision_by_context(samples))
    return rules.classes_, _pool(rule_p, model_p, _model_columns(model, rules.classes_))


def _best(classes: np.ndarray, proba: np.ndarray) -> list[tuple[str, float]]:
    best = proba.argmax(axis=1)
    return [(str(classes[i]), round(float(row[i]), 4)) for i, row in zip(best, proba)]


def _pick_model(use_model: bool, model: Optional[ModelSectionClassifier]) -> Optional[ModelSectionClassifier]:
    if not use_model:
        return None
    if model is None and not Path(DEFAULT_MODEL_PATH).exists():
        _warn_no_model()
        return None
    return model if model is not None else load_model()


@lru_cache(maxsize=1)
def _warn_no_model() -> None:
    warnings.warn(f"no section model at {DEFAULT_MODEL_PATH}; classifying sections with the rules alone "
                  "(set EXTRACTOR_SECTION_MODEL to the model file, or pass --no-model to silence this)",
                  stacklevel=3)


def classify_sections(samples: Sequence[SectionSample], use_model: bool = True,
                      model: Optional[ModelSectionClassifier] = None) -> list[tuple[str, float]]:
    """(category, confidence) per sample, taking each sample's context as given."""
    if not samples:
        return []
    return _best(*_proba(samples, _pick_model(use_model, model)))


def _check_parents(samples: Sequence[SectionSample], parents: Sequence[Optional[int]]) -> None:
    if len(parents) != len(samples):
        raise UsageError(f"classify_tree got {len(samples)} samples but {len(parents)} parents")
    for index, parent in enumerate(parents):
        if parent is not None and not 0 <= parent < index:
            raise UsageError(f"section {index} has parent {parent}; parents must come before their children")


def classify_tree(samples: Sequence[SectionSample], parents: Sequence[Optional[int]], use_model: bool = True,
                  model: Optional[ModelSectionClassifier] = None) -> list[tuple[str, float]]:
    """Classify sections in document order, parents first.

    ``parents[i]`` is the index of sample i's parent (None at the top).  The
    walk sets each sample's ``parent_category`` and ``prev_sibling_category``
    from its own predictions, so the values in the given samples are
    ignored.  Gives the (category, confidence) that ``classify_sections``
    gives each sample with its context filled in, but scores every sample
    in every possible context at once (cue counts and n-grams are read once
    per sample), so the walk itself only looks results up.
    """
    _check_parents(samples, parents)
    if not samples:
        return []
    classes, proba = _proba_by_context(samples, _pick_model(use_model, model))
    # Every sample is scored in every context at once; the walk only picks.
    best = proba.argmax(axis=-1)
    names = [str(c) for c in classes]
    chosen_class, chosen_p = best.tolist(), np.take_along_axis(proba, best[..., None], axis=-1)[..., 0].tolist()
    results: list[tuple[str, float]] = []
    last_child: dict[Optional[int], int] = {}
    for index, parent in enumerate(parents):
        prev = last_child.get(parent)
        context = CONTEXT_INDEX[(results[parent][0] if parent is not None else None,
                                 results[prev][0] if prev is not None else None)]
        results.append((names[chosen_class[index][context]], round(chosen_p[index][context], 4)))
        last_child[parent] = index
    return results
