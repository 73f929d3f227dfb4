"""The input of the section classifiers: one section with its context."""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Mapping, Optional

from ..errors import UsageError
from ..records import CATEGORIES, DOC_TYPES

# Every tree context a section can have: (parent_category, prev_sibling_category).
CONTEXTS = tuple((parent, prev) for parent in (None, *sorted(CATEGORIES)) for prev in (None, *sorted(CATEGORIES)))
CONTEXT_INDEX = {context: index for index, context in enumerate(CONTEXTS)}


@dataclass(frozen=True)
class SectionSample:
    """What a classifier sees of one section.

    Text fields are normalised (simplified characters, half-width digits and
    punctuation).  ``parent_category`` and ``prev_sibling_category`` are
    predictions made earlier in the tree walk (or gold labels in training).
    """

    heading: str  # heading text without its number
    number: Optional[str]  # numbering as written: "一", "(一)", "1", "(1)", None
    level: int  # depth in the section tree, 1 = top
    body: str  # the section's own text after the heading (first ~300 chars)
    doc_type: str  # one of records.DOC_TYPES
    doc_title: Optional[str] = None
    parent_heading: Optional[str] = None
    parent_category: Optional[str] = None
    position: float = 0.0  # sibling_index / number of siblings
    sibling_index: int = 0
    prev_sibling_category: Optional[str] = None

    def __post_init__(self):
        if self.doc_type not in DOC_TYPES:
            raise UsageError(f"SectionSample.doc_type must be one of {DOC_TYPES}, got {self.doc_type!r}")
        for name in ("parent_category", "prev_sibling_category"):
            value = getattr(self, name)
            if value is not None and value not in CATEGORIES:
                raise UsageError(f"SectionSample.{name} must be None or one of {CATEGORIES}, got {value!r}")

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> "SectionSample":
        """Build a sample from a dict (a corpus line); unknown keys are ignored."""
        names = {f.name for f in fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in names})


__all__ = ["SectionSample", "CONTEXTS", "CONTEXT_INDEX"]
