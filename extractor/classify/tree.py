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
from math import exp, log
from pathlib import Path
from typing import Optional, Sequence

import numpy as np

from ..errors import ModelError, UsageError
from ..records import DOC_TYPES
from .cues import evidence
from .model import ModelSectionClassifier
from .rules import CLASSES, RuleSectionClassifier
from .samples import CONTEXT_INDEX, SectionSample
from .softmax import row_sum

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
    known = model.classes_.tolist()
    return [known.index(c) if c in known else None for c in classes.tolist()]


@lru_cache(maxsize=8)
def _realigned(model: ModelSectionClassifier) -> Optional[list[Optional[int]]]:
    """``_model_columns`` of the rules' classes, None when they are the model's, in order."""
    columns = _model_columns(model, _rules().classes_)
    return None if columns == list(range(len(columns))) else columns


# Added to each probability before log-linear pooling (see the module's docstring):
# keeps log() finite when a source gives a class zero.
_FLOOR = 1e-6

_DOC_TYPE_INDEX = {doc_type: index for index, doc_type in enumerate(DOC_TYPES)}


class _DocumentScores:
    """What the rules and the model say of a document's sections, read once
    (cue words, n-grams); ``likeliest`` adds a tree context and blends.

    The tree walk meets each section in one context, known only once its
    parent and previous sibling are classified, so a section is finished in
    that context alone, in plain Python: for one row of a few classes that
    beats numpy's fixed cost per call.
    """

    def __init__(self, samples: Sequence[SectionSample], model: Optional[ModelSectionClassifier]):
        rules = _rules()
        self.names = CLASSES  # the rules' classes_
        evidences = [evidence(s.heading, s.body, s.doc_title, rules.tables_) for s in samples]
        self.doc_types = [_DOC_TYPE_INDEX[s.doc_type] for s in samples]
        self.own = [rules.own_scores_(ev) for ev in evidences]
        self.rule_contexts = rules.context_rows_
        self.temperature = rules.temperature
        self.model = model
        if model is not None:
            self.static = model.static_decision(samples, evidences).tolist()
            self.walk = model.walk_rows_
            self.columns = _realigned(model)
            self.weight = rules.tables_.model_weight

    def likeliest(self, index: int, context: int) -> tuple[str, float]:
        """(class, probability) of the likeliest class of sample ``index`` in the
        context ``samples.CONTEXTS[context]``.  The softmaxes and the pooling
        add their few numbers one after the other, as ``softmax.softmax`` does
        (numpy's exp and log may differ from math's in the last bit)."""
        doc_type = self.doc_types[index]
        rules = [c + o for c, o in zip(self.rule_contexts[doc_type][context], self.own[index])]
        if self.temperature != 1.0:  # x / 1.0 is x
            rules = [value / self.temperature for value in rules]
        top = max(rules)
        rules = [exp(value - top) for value in rules]  # the rules' softmax, rules[k] / rules_total
        rules_total = row_sum(rules)
        if self.model is None:
            proba = [value / rules_total for value in rules]
        else:
            model = [s + w for s, w in zip(self.static[index], self.walk[doc_type][context])]
            top = max(model)
            model = [exp(value - top) for value in model]  # the model's softmax, model[k] / model_total
            model_total = row_sum(model)
            if self.columns is not None:  # in the rules' order; 0 for a class the model lacks
                model = [model[i] if i is not None else 0.0 for i in self.columns]
            weight, floor = self.weight, _FLOOR
            pooled = [exp(weight * log(m / model_total + floor) + (1 - weight) * log(r / rules_total + floor))
                      for r, m in zip(rules, model)]
            total = row_sum(pooled)
            proba = [value / total for value in pooled]
        best = max(proba)  # the first of equals, as argmax
        return self.names[proba.index(best)], round(best, 4)


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
    scores = _DocumentScores(samples, _pick_model(use_model, model))
    return [scores.likeliest(index, CONTEXT_INDEX[s.parent_category, s.prev_sibling_category])
            for index, s in enumerate(samples)]


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
    gives each sample with its context filled in, but reads each sample's
    cue words and n-grams once, for the whole document.
    """
    _check_parents(samples, parents)
    if not samples:
        return []
    scores = _DocumentScores(samples, _pick_model(use_model, model))
    results: list[tuple[str, float]] = []
    last_child: dict[Optional[int], int] = {}
    for index, parent in enumerate(parents):
        prev = last_child.get(parent)
        context = CONTEXT_INDEX[(results[parent][0] if parent is not None else None,
                                 results[prev][0] if prev is not None else None)]
        results.append(scores.likeliest(index, context))
        last_child[parent] = index
    return results
