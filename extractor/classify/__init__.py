"""Section classifiers: is a section achievements, plans, problems or other?

``classify_tree`` is the entry point: it walks a document's section tree
top-down so children see their parent's predicted category.  Two
classifiers share the scikit-learn interface: ``RuleSectionClassifier``
(cue words from ``data/category_cues.toml``) and ``ModelSectionClassifier``
(a logistic regression stored as plain JSON in ``models/``, loaded on first
use).  By default their probabilities are blended (see ``tree.py``).
"""
from .model import ModelSectionClassifier
from .rules import RuleSectionClassifier, rule_scores
from .samples import SectionSample
from .tree import DEFAULT_MODEL_PATH, classify_sections, classify_tree, load_model

__all__ = [
    "SectionSample", "classify_tree", "classify_sections", "RuleSectionClassifier",
    "ModelSectionClassifier", "load_model", "rule_scores", "DEFAULT_MODEL_PATH",
]
