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
from itertools import accumulate, chain
from pathlib import Path
from typing import Optional, Sequence

import numpy as np

from ..errors import ModelError, UsageError
from .cues import cue_tables, evidence_arrays
from .model import ModelSectionClassifier
from .rules import CLASSES, RuleSectionClassifier
from .samples import CONTEXT_INDEX, SectionSample
from .softmax import last_sum

# The trained weights live in the project's models/ folder, beside the package;
# EXTRACTOR_SECTION_MODEL points elsewhere (an installed package has no models/).
DEFAULT_MODEL_PATH = Path(os.environ.get(
    "EXTRACTOR_SECTION_MODEL", Path(__file__).resolve().parents[2] / "models" / "section_classifier.json"))


# The contexts (indices into samples.CONTEXTS) a section can meet in the tree
# walk, by (has a parent, has a previous sibling): each category for what it
# has, None for what it lacks.
_PLACE_CONTEXTS = {
    (has_parent, has_prev): [CONTEXT_INDEX[parent, prev] for parent in (CLASSES if has_parent else (None,))
                             for prev in (CLASSES if has_prev else (None,))]
    for has_parent in (False, True) for has_prev in (False, True)}


@lru_cache(maxsize=None)
def load_model(path: str | Path = DEFAULT_MODEL_PATH) -> ModelSectionClassifier:
    """The trained model, read on first use and cached per path."""
    return ModelSectionClassifier.load(path)


@lru_cache(maxsize=1)
def _rules() -> RuleSectionClassifier:
    return RuleSectionClassifier().fit()


def _model_columns(model: ModelSectionClassifier, classes: np.ndarray) -> list[Optional[int]]:
    """The model's column of each of the rules' classes (None when it lacks one)."""
    known = model.classes_.tolist()
    return [known.index(c) if c in known else None for c in classes.tolist()]


def _pool(rule_p: np.ndarray, model_p: np.ndarray, columns: Sequence[Optional[int]]) -> np.ndarray:
    """Log-linear pooling of the two sources' probabilities (classes on the last axis)."""
    if list(columns) == list(range(rule_p.shape[-1])):  # the same classes in the same order
        aligned = model_p
    else:
        aligned = np.zeros_like(rule_p)
        for j, i in enumerate(columns):
            if i is not None:
                aligned[..., j] = model_p[..., i]
    weight = cue_tables().model_weight
    floor = 1e-6  # keeps log() finite when a source gives a class zero
    pooled = np.exp(weight * np.log(aligned + floor) + (1 - weight) * np.log(rule_p + floor))
    return pooled / last_sum(pooled)[..., None]


def _proba(samples: Sequence[SectionSample], model: Optional[ModelSectionClassifier]) -> tuple[np.ndarray, np.ndarray]:
    """(classes, probability rows) of the blend, or of the rules alone, each sample in its own context."""
    contexts = [CONTEXT_INDEX[s.parent_category, s.prev_sibling_category] for s in samples]
    return _proba_at(samples, np.arange(len(samples)), np.array(contexts, dtype=np.int64), model)


def _proba_at(samples: Sequence[SectionSample], rows: np.ndarray, contexts: np.ndarray,
              model: Optional[ModelSectionClassifier]) -> tuple[np.ndarray, np.ndarray]:
    """(classes, probabilities of ``samples[rows[j]]`` in the context ``CONTEXTS[contexts[j]]``,
    a row per j) of the blend, or of the rules alone."""
    rules = _rules()
    evidence = evidence_arrays(samples)  # what the cue words say, read once for both
    rule_p = rules.proba_from_decision(rules.decision_at(samples, rows, contexts, evidence))
    if model is None:
        return rules.classes_, rule_p
    model_p = model.proba_from_decision(model.decision_at(samples, rows, contexts, evidence))
    return rules.classes_, _pool(rule_p, model_p, _model_columns(model, rules.classes_))


def _best(classes: np.ndarray, proba: np.ndarray) -> list[tuple[str, float]]:
    """(class, probability) of the likeliest class of each row."""
    names = [str(c) for c in classes]
    return [_likeliest(names, row) for row in proba.tolist()]


def _likeliest(names: list[str], row: list[float]) -> tuple[str, float]:
    """The class of the highest probability (the first of equals, as argmax) and that probability."""
    best = max(row)
    return names[row.index(best)], round(best, 4)


def _pick_model(use_model: bool, model: Optional[ModelSectionClassifier]) -> Optional[ModelSectionClassifier]:
    if not use_model:
        return None
    if model is not None:
        return model
    try:
        return load_model()  # read once, then cached (a file system call per document costs more)
    except ModelError:
        if Path(DEFAULT_MODEL_PATH).exists():
            raise  # a broken model file
        _warn_no_model()
        return None


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
    # The walk meets each sample in one context, known once its parent and
    # previous sibling are classified: score each sample in every context it
    # can meet (see _PLACE_CONTEXTS), then the walk only picks.
    places, seen = [], set()
    for parent in parents:
        places.append((parent is not None, parent in seen))
        seen.add(parent)
    contexts = [_PLACE_CONTEXTS[place] for place in places]
    first_row = list(accumulate(map(len, contexts), initial=0))
    rows = np.repeat(np.arange(len(samples)), [len(found) for found in contexts])
    classes, proba = _proba_at(samples, rows, np.fromiter(chain.from_iterable(contexts), np.int64, first_row[-1]),
                               _pick_model(use_model, model))
    names, proba = [str(c) for c in classes], proba.tolist()
    results: list[tuple[str, float]] = []
    last_child: dict[Optional[int], int] = {}
    for index, parent in enumerate(parents):
        prev = last_child.get(parent)
        context = CONTEXT_INDEX[(results[parent][0] if parent is not None else None,
                                 results[prev][0] if prev is not None else None)]
        results.append(_likeliest(names, proba[first_row[index] + _PLACE_CONTEXTS[places[index]].index(context)]))
        last_child[parent] = index
    return results
