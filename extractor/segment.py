"""Word segmentation for the short windows around numbers.

jieba is the slow part of Chinese NLP, so the toolkit never runs it over a
whole document: only the few characters left and right of each quantity are
segmented, and results are cached.  A private ``jieba.Tokenizer`` with the
union-terms dictionary (``data/union_terms.txt``) is built on first use.
Part-of-speech tags come straight from jieba's dictionary file (one table,
no HMM tagger): ``jieba.posseg`` would load two more copies of that table.
"""
from __future__ import annotations

import logging
import os
import re
import sys
from functools import lru_cache
from math import log
from importlib import resources


def _read_tags(path: str, tags: dict) -> None:
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) >= 3 and not parts[0].startswith("#"):
                # one shared object per tag (about 60 of them, not one per word): less
                # memory, and the few that are read stay in the processor's cache
                tags[parts[0]] = sys.intern(parts[2])


# word -> tag, set once the tokenizer is built (read directly by ``tag_of``)
_TAGS: dict[str, str] = {}


@lru_cache(maxsize=1)
def _tokenizer():
    global _TAGS
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    terms = resources.files("extractor.data").joinpath("union_terms.txt")
    with resources.as_file(terms) as path:
        tokenizer.load_userdict(str(path))
        tags: dict[str, str] = {}
        _read_tags(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), tags)
        _read_tags(str(path), tags)  # our terms override the general dictionary
    tokenizer.check_initialized()
    _TAGS = tags  # whole, never half-filled
    return tokenizer, tags


# Runs of Han characters go to jieba's dictionary graph; runs of Latin letters
# and digits stay whole; anything else is one token per character.
_RUNS = re.compile(r"([\u4e00-\u9fff]+)|([A-Za-z0-9.%_*]+)|(.)", re.S)


@lru_cache(maxsize=65536)
def _cut(text: str) -> tuple[str, ...]:
    """jieba's dictionary-only segmentation (lcut with HMM=False), without its per-call
    set-up: the best route through its dictionary on each Han run."""
    words: list[str] = []
    for match in _RUNS.finditer(text):
        han = match.group(1)
        if han is None:
            words.append(match.group())
        else:
            words.extend(_han_words(han))
    return tuple(words)


# The route through a Han run depends on that run alone, so runs are cached on
# their own: the window right of one figure and the one left of the next share them.
@lru_cache(maxsize=16384)
def _han_words(han: str) -> tuple[str, ...]:
    tokenizer, _ = _tokenizer()
    ends = _best_word_ends(han, tokenizer.FREQ, log(tokenizer.total))
    words = []
    start = 0
    while start < len(han):
        end = ends[start] + 1
        words.append(han[start:end])
        start = end
    return tuple(words)


def _best_word_ends(han: str, freq: dict, log_total: float) -> list[int]:
    """jieba's most probable route (``get_DAG`` then ``calc``, the same sums in
    the same order, ties to the longer word) in one pass without the DAG:
    ``ends[i]`` is the last index of the word that starts at ``i``."""
    n = len(han)
    score = [0.0] * (n + 1)
    ends = [0] * n
    get = freq.get
    for start in range(n - 1, -1, -1):
        best_score, best_end = None, start
        end = start
        count = get(han[start])
        # the dictionary holds every prefix of its words (count 0 when only a prefix):
        # one probe per step, since on a cold pass each probe is a cache miss
        while count is not None:
            if count:
                candidate = log(count) - log_total + score[end + 1]
                if best_score is None or candidate >= best_score:
                    best_score, best_end = candidate, end
            end += 1
            if end == n:
                break
            count = get(han[start:end + 1])
        if best_score is None:  # no word starts here: the character alone
            best_score = log(get(han[start]) or 1) - log_total + score[start + 1]
        score[start], ends[start] = best_score, best_end
    return ends


def segment(text: str) -> list[str]:
    """Words of a short text (a clause window), dictionary-only for speed."""
    return list(_cut(text)) if text else []


def tag_of(word: str) -> str:
    """jieba's dictionary part-of-speech tag of a word ('' when unknown)."""
    return (_TAGS or _tokenizer()[1]).get(word, "")
