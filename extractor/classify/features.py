"""Sparse features of a section sample for the linear model.

One function turns a sample into ``{feature name: value}``; training and
prediction both use it, so the names stored in the model JSON are exactly
the ones computed here.  Bump ``FEATURE_VERSION`` when the names change.

For speed, prediction reads the parts apart, for many samples at once: the
character n-grams (``ngram_texts``, looked up in bulk by
``ngrams.NgramColumns``), the rest of the context-free features
(``other_feature_slots``, which ``sample_features`` reads too), and the
features the tree walk fills in (``walk_features``), which are the only ones
that change while a document's tree is classified.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple, Optional, Sequence

import numpy as np

from .cues import EvidenceArrays, cue_tables, evidence_arrays
from .samples import SectionSample

FEATURE_VERSION = 2
HEADING_CHARS = 40
HEADING_NGRAMS = (1, 2, 3)
HEADING_PREFIX = "h:"
BODY_NGRAM_CHARS = 80  # body n-grams come from the opening only
BODY_NGRAMS = (1, 2)
BODY_PREFIX = "b:"
# Numbering styles, so "(1)" items and "一、" sections can behave differently.
_NUMBER_STYLES = (
    ("cn", re.compile(r"^[一二三四五六七八九十]+$")),
    ("paren_cn", re.compile(r"^\([一二三四五六七八九十]+\)$")),
    ("arabic", re.compile(r"^\d+$")),
    ("paren_arabic", re.compile(r"^\(\d+\)$")),
)
# Runs of digits become one "0": amounts say little about the category.
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
# Joins texts to normalise them at once; ngram_text neither drops nor merges it.
_TEXT_BREAK = "\x00"


@lru_cache(maxsize=1024)  # a document numbers its sections in a few styles
def number_style(number: str | None) -> str:
    if not number:
        return "none"
    for name, pattern in _NUMBER_STYLES:
        if pattern.match(number):
            return name
    return "other"


def ngram_text(text: str) -> str:
    """The text n-grams are taken from: spaces dropped, digit runs as "0"."""
    return _DIGITS.sub("0", "".join(text.split()))  # str.split() splits at what \s matches


def ngrams(text: str, sizes: tuple[int, ...]) -> list[str]:
    """Distinct character n-grams of ``ngram_text(text)``, in order of first
    appearance, shorter sizes first."""
    text = ngram_text(text)
    return list(dict.fromkeys([text[i:i + n] for n in sizes for i in range(len(text) - n + 1)]))


def char_ngrams(text: str, prefix: str, sizes: tuple[int, ...]) -> dict[str, float]:
    return dict.fromkeys([prefix + gram for gram in ngrams(text, sizes)], 1.0)


def sample_ngram_texts(sample: SectionSample) -> tuple[str, str]:
    """(heading, body) text the sample's n-gram features come from (see ``ngram_text``)."""
    return ngram_text(sample.heading[:HEADING_CHARS]), ngram_text(sample.body[:BODY_NGRAM_CHARS])


def ngram_texts(samples: Sequence[SectionSample]) -> tuple[list[str], list[str]]:
    """``sample_ngram_texts`` of many samples: (headings, bodies)."""
    return (_ngram_text_of_each([s.heading[:HEADING_CHARS] for s in samples]),
            _ngram_text_of_each([s.body[:BODY_NGRAM_CHARS] for s in samples]))


def _ngram_text_of_each(texts: list[str]) -> list[str]:
    """``ngram_text`` of each text, in one pass over them all when they are joined by a
    character none of them holds (neither a space nor a digit, it keeps them apart)."""
    joined = _TEXT_BREAK.join(texts)
    if joined.count(_TEXT_BREAK) != max(len(texts) - 1, 0):
        return [ngram_text(text) for text in texts]
    return ngram_text(joined).split(_TEXT_BREAK) if texts else []


def walk_features(doc_type: str, parent_category: Optional[str], prev_sibling_category: Optional[str]) -> dict[str, float]:
    """The features the tree walk fills in: parent and previous sibling categories."""
    parent = parent_category or "none"
    return {
        f"parent:{parent}": 1.0,
        f"doc_parent:{doc_type}|{parent}": 1.0,
        f"prev:{prev_sibling_category or 'none'}": 1.0,
    }


class FeatureSlots(NamedTuple):
    """Every feature but the n-grams and the walk features of a batch of samples.

    Slot j is the feature ``names[j]`` (one name, or a list of one name per
    sample) with ``values[i, j]`` for sample i; a value of 0 means the sample
    lacks the feature.  The slots follow the order of ``sample_features``,
    whose walk features come before slot ``walk_at``.
    """

    names: list  # of str or list[str]
    values: np.ndarray  # (samples, slots)
    walk_at: int


def other_feature_slots(samples: Sequence[SectionSample], evidence: EvidenceArrays | None = None) -> FeatureSlots:
    """The features of ``samples`` besides n-grams and walk features (see
    ``FeatureSlots``); ``evidence``: ``evidence_arrays(samples)`` when the caller has it."""
    tables = cue_tables()
    ev = evidence if evidence is not None else evidence_arrays(samples, tables)
    heading_tables = (("hs", tables.heading_strong), ("ht", tables.heading_time), ("hw", tables.heading_weak))
    names = [
        # cue words: heading hits (at most 3) per table and category, body counts per group
        *[f"cue:{group}:{category}" for group, table in heading_tables for category in table],
        *[f"cue:body:{group}" for group in tables.body], "cue:net_future",
        # a later year, and the section's place and shape (the walk features go after doc)
        "cue:heading_year_later", [f"doc:{s.doc_type}" for s in samples],
        [f"level:{min(s.level, 4)}" for s in samples], [f"num:{number_style(s.number)}" for s in samples],
        "position", "first", "untitled", "short_body", "list_body",
    ]
    place = np.array([(s.position, s.sibling_index == 0, len(s.body.strip()) < 10) for s in samples],
                     dtype=float).reshape(len(samples), 3)  # position, first, short_body
    values = np.concatenate([
        np.minimum(ev.heading, 3), np.minimum(ev.body, 6) / 2,
        (np.minimum(np.maximum(ev.net_future, -4), 4) / 4).reshape(-1, 1), ev.year_later.reshape(-1, 1),
        np.ones((len(samples), 3)),  # doc, level and num
        place[:, :2], ev.untitled.reshape(-1, 1), place[:, 2:], ev.list_body.reshape(-1, 1)], axis=1, dtype=float)
    return FeatureSlots(names, values, walk_at=names.index("cue:heading_year_later") + 2)


def _slot_features(slots: FeatureSlots, row: int, start: int, stop: int) -> dict[str, float]:
    """Features of sample ``row`` in slots start..stop, as {name: value}, those of value 0 left out."""
    found = {}
    for name, value in zip(slots.names[start:stop], slots.values[row, start:stop].tolist()):
        if value:
            found[name if isinstance(name, str) else name[row]] = value
    return found


def sample_features(sample: SectionSample) -> dict[str, float]:
    feats = char_ngrams(sample.heading[:HEADING_CHARS], HEADING_PREFIX, HEADING_NGRAMS)
    feats.update(char_ngrams(sample.body[:BODY_NGRAM_CHARS], BODY_PREFIX, BODY_NGRAMS))
    slots = other_feature_slots([sample])
    feats.update(_slot_features(slots, 0, 0, slots.walk_at))
    feats.update(walk_features(sample.doc_type, sample.parent_category, sample.prev_sibling_category))
    feats.update(_slot_features(slots, 0, slots.walk_at, len(slots.names)))
    return {name: value for name, value in feats.items() if value}
