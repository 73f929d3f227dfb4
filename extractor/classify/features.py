"""Sparse features of a section sample for the linear model.

One function turns a sample into ``{feature name: value}``; training and
prediction both use it, so the names stored in the model JSON are exactly
the ones computed here.  Bump ``FEATURE_VERSION`` when the names change.
"""
from __future__ import annotations

import re

from .cues import body_counts, cue_tables, heading_hits, heading_year_later, looks_like_list
from .samples import SectionSample

FEATURE_VERSION = 2
HEADING_CHARS = 40
BODY_NGRAM_CHARS = 80  # body n-grams come from the opening only
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


def char_ngrams(text: str, prefix: str, sizes: tuple[int, ...]) -> dict[str, float]:
    text = _DIGITS.sub("0", _SPACES.sub("", text))
    grams: dict[str, float] = {}
    for n in sizes:
        for i in range(len(text) - n + 1):
            grams[f"{prefix}{text[i:i + n]}"] = 1.0
    return grams


def cue_features(sample: SectionSample) -> dict[str, float]:
    tables = cue_tables()
    feats: dict[str, float] = {}
    for group_name, group in (("hs", tables.heading_strong), ("ht", tables.heading_time), ("hw", tables.heading_weak)):
        for category, hits in heading_hits(sample.heading, group).items():
            if hits:
                feats[f"cue:{group_name}:{category}"] = float(min(hits, 3))
    counts = body_counts(sample.body, tables)
    for name, count in counts.items():
        feats[f"cue:body:{name}"] = min(count, 6) / 2
    net_future = counts["future"] - counts["past"] - counts["progress"]
    feats["cue:net_future"] = max(-4, min(4, net_future)) / 4
    if heading_year_later(sample.heading, sample.doc_title):
        feats["cue:heading_year_later"] = 1.0
    return feats


def context_features(sample: SectionSample) -> dict[str, float]:
    parent = sample.parent_category or "none"
    prev = sample.prev_sibling_category or "none"
    return {
        f"doc:{sample.doc_type}": 1.0,
        f"parent:{parent}": 1.0,
        f"doc_parent:{sample.doc_type}|{parent}": 1.0,
        f"prev:{prev}": 1.0,
        f"level:{min(sample.level, 4)}": 1.0,
        f"num:{number_style(sample.number)}": 1.0,
        "position": float(sample.position),
        "first": 1.0 if sample.sibling_index == 0 else 0.0,
        "untitled": 0.0 if sample.heading.strip() else 1.0,
        "short_body": 1.0 if len(sample.body.strip()) < 10 else 0.0,
        "list_body": 1.0 if looks_like_list(sample.body) else 0.0,
    }


def sample_features(sample: SectionSample) -> dict[str, float]:
    feats = char_ngrams(sample.heading[:HEADING_CHARS], "h:", (1, 2, 3))
    feats.update(char_ngrams(sample.body[:BODY_NGRAM_CHARS], "b:", (1, 2)))
    feats.update(cue_features(sample))
    feats.update(context_features(sample))
    return {name: value for name, value in feats.items() if value}
