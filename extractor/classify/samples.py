"""The input of the section classifiers: one section with its context."""
from __future__ import annotations

import inspect
from dataclasses import MISSING, dataclass, fields
from typing import Any, Mapping, Optional

from ..errors import UsageError
from ..records import CATEGORIES, DOC_TYPES

# Every tree context a section can have: (parent_category, prev_sibling_category).
CONTEXTS = tuple((parent, prev) for parent in (None, *sorted(CATEGORIES)) for prev in (None, *sorted(CATEGORIES)))
CONTEXT_INDEX = {context: index for index, context in enumerate(CONTEXTS)}


@dataclass(frozen=True, init=False)
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

    # Written out rather than generated: a frozen dataclass's own __init__ sets each
    # field through object.__setattr__, twice as slow for a sample built per section.
    # The parameters are the fields, in order (checked below the class).
    def __init__(self, heading: str, number: Optional[str], level: int, body: str, doc_type: str,
                 doc_title: Optional[str] = None, parent_heading: Optional[str] = None,
                 parent_category: Optional[str] = None, position: float = 0.0, sibling_index: int = 0,
                 prev_sibling_category: Optional[str] = None):
        self.__dict__.update(
            heading=heading, number=number, level=level, body=body, doc_type=doc_type, doc_title=doc_title,
            parent_heading=parent_heading, parent_category=parent_category, position=position,
            sibling_index=sibling_index, prev_sibling_category=prev_sibling_category)
        if doc_type not in DOC_TYPES:
            raise UsageError(f"SectionSample.doc_type must be one of {DOC_TYPES}, got {doc_type!r}")
        if parent_category is None and prev_sibling_category is None:
            return  # the usual case: the tree walk fills both in
        for name in ("parent_category", "prev_sibling_category"):
            value = getattr(self, name)
            if value is not None and value not in CATEGORIES:
                raise UsageError(f"SectionSample.{name} must be None or one of {CATEGORIES}, got {value!r}")

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> "SectionSample":
        """Build a sample from a dict (a corpus line); unknown keys are ignored."""
        names = {f.name for f in fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in names})


def _check_init_matches_fields() -> None:
    """``SectionSample.__init__`` takes the fields, in order, with their defaults."""
    parameters = list(inspect.signature(SectionSample.__init__).parameters.values())[1:]
    expected = [(f.name, f.default) for f in fields(SectionSample)]
    if [(p.name, p.default if p.default is not p.empty else MISSING) for p in parameters] != expected:
        raise TypeError("SectionSample.__init__ does not take the dataclass fields in order")


_check_init_matches_fields()


__all__ = ["SectionSample", "CONTEXTS", "CONTEXT_INDEX"]
