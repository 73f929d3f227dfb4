"""Sparse features of a section sample for the linear model.

One function turns a sample into ``{feature name: value}``; training and
prediction both use it, so the names stored in the model JSON are exactly
the ones computed here.  Bump ``FEATURE_VERSION`` when the names change.

For speed, prediction reads the parts apart: the character n-grams
(``ngram_texts``, looked up in bulk by ``ngrams.NgramColumns``), the rest
of the context-free features (``slot_names`` and ``slot_values``, which
``sample_features`` reads too), and the features the tree walk fills in
(``walk_features``), the only ones that change while a document's tree is
classified.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional, Sequence

from .cues import CueTables, Evidence, cue_tables, evidence
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


def ngram_texts(samples: Sequence[SectionSample]) -> tuple[list[str], list[str]]:
    """The heading and body text each sample's n-gram features come from (see
    ``ngram_text``): (headings, bodies)."""
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


def slot_names(tables: CueTables) -> list[Optional[str]]:
    """Names of the slots: every feature but the n-grams and the walk features,
    in the order ``sample_features`` lists them.  The three slots whose name
    depends on the sample (document type, level, numbering; see
    ``sample_slot_names``) are None, at ``SAMPLE_SLOTS``; the walk features go
    before slot ``WALK_AT``."""
    heading_tables = (("hs", tables.heading_strong), ("ht", tables.heading_time), ("hw", tables.heading_weak))
    return [
        # cue words: heading hits (at most 3) per table and category, body counts per group
        *[f"cue:{group}:{category}" for group, table in heading_tables for category in table],
        *[f"cue:body:{group}" for group in tables.body], "cue:net_future",
        # a later year, and the section's place and shape (the walk features go after doc)
        "cue:heading_year_later", None, None, None,  # doc, level and num
        "position", "first", "untitled", "short_body", "list_body",
    ]


# Where the sample's own slot names go, counted from the end (the number of
# cue slots before them follows the cue tables), and where the walk features go.
SAMPLE_SLOTS = slice(-8, -5)
WALK_AT = -7  # after the doc slot


SAMPLE_SLOT_PREFIXES = ("doc:", "level:", "num:")


def sample_slot_names(sample: SectionSample) -> tuple[str, str, str]:
    """Names of the doc, level and num slots of ``sample`` (see ``slot_names``),
    each beginning with its ``SAMPLE_SLOT_PREFIXES``."""
    return f"doc:{sample.doc_type}", f"level:{min(sample.level, 4)}", f"num:{number_style(sample.number)}"


def slot_values(sample: SectionSample, ev: Evidence) -> list:
    """Values of the slots of ``slot_names`` for ``sample`` whose cue evidence is ``ev``
    (numbers and bools, whose float is the feature value; 0 means the sample lacks the feature)."""
    heading = ev.strong + ev.time + ev.weak
    if max(heading, default=0) > 3:  # hits count up to 3
        heading = [min(hits, 3) for hits in heading]
    return [
        *heading, *([min(count, 6) / 2 for count in ev.body] if any(ev.body) else [0.0] * len(ev.body)),
        min(max(ev.net_future, -4), 4) / 4, ev.year_later, 1, 1, 1,  # doc, level and num
        sample.position, sample.sibling_index == 0, ev.untitled, len(sample.body.strip()) < 10, ev.list_body,
    ]


def sample_features(sample: SectionSample) -> dict[str, float]:
    tables = cue_tables()
    feats = char_ngrams(sample.heading[:HEADING_CHARS], HEADING_PREFIX, HEADING_NGRAMS)
    feats.update(char_ngrams(sample.body[:BODY_NGRAM_CHARS], BODY_PREFIX, BODY_NGRAMS))
    names = slot_names(tables)
    names[SAMPLE_SLOTS] = sample_slot_names(sample)
    slots = list(zip(names, slot_values(sample, evidence(sample.heading, sample.body, sample.doc_title, tables))))
    walk_at = len(slots) + WALK_AT
    feats.update((name, float(value)) for name, value in slots[:walk_at] if value)
    feats.update(walk_features(sample.doc_type, sample.parent_category, sample.prev_sibling_category))
    feats.update((name, float(value)) for name, value in slots[walk_at:] if value)
    return {name: value for name, value in feats.items() if value}
