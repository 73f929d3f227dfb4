"""Sparse features of a section sample for the linear model.

One function turns a sample into ``{feature name: value}``; training and
prediction both use it, so the names stored in the model JSON are exactly
the ones computed here.  Bump ``FEATURE_VERSION`` when the names change.

For speed, prediction reads the parts apart: the character n-grams
(``sample_ngram_texts``, looked up in bulk by ``ngrams.NgramColumns``), the rest of
the context-free features (``other_features``), and the features the tree
walk fills in (``walk_features``), which are the only ones that change
while a document's tree is classified.
"""
from __future__ import annotations

import re
from typing import Optional

from .cues import section_evidence
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
_SPACES = re.compile(r"\s+")
# Runs of digits become one "0": amounts say little about the category.
_DIGITS = re.compile(r"\d+(\.\d+)?")


def number_style(number: str | None) -> str:
    if not number:
        return "none"
    for name, pattern in _NUMBER_STYLES:
        if pattern.match(number):
            return name
    return "other"


def ngram_text(text: str) -> str:
    """The text n-grams are taken from: spaces dropped, digit runs as "0"."""
    return _DIGITS.sub("0", _SPACES.sub("", text))


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


def cue_features(sample: SectionSample) -> dict[str, float]:
    feats: dict[str, float] = {}
    ev = section_evidence(sample.heading, sample.body, sample.doc_title)
    for group_name, hits_of in (("hs", ev.strong), ("ht", ev.time), ("hw", ev.weak)):
        for category, hits in hits_of.items():
            if hits:
                feats[f"cue:{group_name}:{category}"] = float(min(hits, 3))
    counts = ev.body
    for name, count in counts.items():
        feats[f"cue:body:{name}"] = min(count, 6) / 2
    net_future = counts["future"] - counts["past"] - counts["progress"]
    feats["cue:net_future"] = max(-4, min(4, net_future)) / 4
    if ev.year_later:
        feats["cue:heading_year_later"] = 1.0
    return feats


def walk_features(doc_type: str, parent_category: Optional[str], prev_sibling_category: Optional[str]) -> dict[str, float]:
    """The features the tree walk fills in: parent and previous sibling categories."""
    parent = parent_category or "none"
    return {
        f"parent:{parent}": 1.0,
        f"doc_parent:{doc_type}|{parent}": 1.0,
        f"prev:{prev_sibling_category or 'none'}": 1.0,
    }


def _tail_features(sample: SectionSample) -> dict[str, float]:
    return {
        f"level:{min(sample.level, 4)}": 1.0,
        f"num:{number_style(sample.number)}": 1.0,
        "position": float(sample.position),
        "first": 1.0 if sample.sibling_index == 0 else 0.0,
        "untitled": 0.0 if sample.heading.strip() else 1.0,
        "short_body": 1.0 if len(sample.body.strip()) < 10 else 0.0,
        "list_body": 1.0 if section_evidence(sample.heading, sample.body, sample.doc_title).list_body else 0.0,
    }


def context_features(sample: SectionSample) -> dict[str, float]:
    return {f"doc:{sample.doc_type}": 1.0,
            **walk_features(sample.doc_type, sample.parent_category, sample.prev_sibling_category),
            **_tail_features(sample)}


def other_features(sample: SectionSample) -> dict[str, float]:
    """Every feature but the n-grams and the walk features."""
    return {**cue_features(sample), f"doc:{sample.doc_type}": 1.0, **_tail_features(sample)}


def sample_features(sample: SectionSample) -> dict[str, float]:
    feats = char_ngrams(sample.heading[:HEADING_CHARS], HEADING_PREFIX, HEADING_NGRAMS)
    feats.update(char_ngrams(sample.body[:BODY_NGRAM_CHARS], BODY_PREFIX, BODY_NGRAMS))
    feats.update(cue_features(sample))
    feats.update(context_features(sample))
    return {name: value for name, value in feats.items() if value}
