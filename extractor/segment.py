"""Word segmentation for the short windows around numbers.

jieba is the slow part of Chinese NLP, so the toolkit never runs it over a
whole document: only the few characters left and right of each quantity are
segmented, and results are cached.  A private ``jieba.Tokenizer`` with the
union-terms dictionary (``data/union_terms.txt``) is built on first use.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _tokenizer():
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    terms = resources.files("extractor.data").joinpath("union_terms.txt")
    with resources.as_file(terms) as path:
        tokenizer.load_userdict(str(path))
    tagger = jieba.posseg.POSTokenizer(tokenizer)
    tags = dict(tagger.word_tag_tab)
    for line in terms.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 3 and not line.startswith("#"):
            tags[parts[0]] = parts[2]
    return tokenizer, tags


@lru_cache(maxsize=65536)
def _cut(text: str) -> tuple[str, ...]:
    tokenizer, _ = _tokenizer()
    return tuple(tokenizer.lcut(text, HMM=False))


def segment(text: str) -> list[str]:
    """Words of a short text (a clause window), dictionary-only for speed."""
    return list(_cut(text)) if text else []


def tag_of(word: str) -> str:
    """jieba's dictionary part-of-speech tag of a word ('' when unknown)."""
    return _tokenizer()[1].get(word, "")
