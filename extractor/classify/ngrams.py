"""Character n-grams of many texts at once, looked up in a model's vocabulary.

``features.ngrams`` defines the n-gram features one text at a time; making
a Python string per n-gram is most of the cost of classifying a section.
Here every n-gram of a batch of texts becomes one integer (its code points
packed 21 bits each, so up to three characters fit in an int64), and numpy
looks all of them up in the sorted keys of the known n-grams.  The result
is the same set of (text, column) pairs as looking up
``features.ngrams(text)`` in the vocabulary.
"""
from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np

_BITS = 21  # every Unicode code point plus one is below 2 ** 21
MAX_SIZE = 3  # 3 * 21 bits fit in a signed 64-bit integer


def _codes(text: str) -> np.ndarray:
    """Code points of ``text`` (lone surrogates included) plus one, as int64.

    With no zero code, a key of n characters is at least 2 ** (21 * (n - 1)):
    keys of different sizes never collide and share one sorted table.
    """
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64) + 1


def _packed(codes: np.ndarray, size: int) -> np.ndarray:
    """Key of the n-gram of ``size`` characters starting at each position."""
    count = len(codes) - size + 1
    keys = codes[:count].copy()
    for offset in range(1, size):
        keys = (keys << _BITS) | codes[offset:offset + count]
    return keys


def _distinct(values: np.ndarray) -> np.ndarray:
    """Sorted distinct values (``np.unique`` costs more on small arrays)."""
    values = np.sort(values)
    keep = np.empty(len(values), dtype=bool)
    keep[:1] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


class NgramColumns:
    """Known n-grams (bare, without the feature prefix) and their model columns."""

    def __init__(self, columns: Mapping[str, int], sizes: Sequence[int]):
        if any(not 1 <= size <= MAX_SIZE for size in sizes):
            raise ValueError(f"n-gram sizes must be 1..{MAX_SIZE}, got {tuple(sizes)}")
        self.sizes = tuple(sizes)
        grams = [gram for gram in columns if len(gram) in self.sizes]
        keys = np.array([int(_packed(_codes(gram), len(gram))[0]) for gram in grams], dtype=np.int64)
        order = np.argsort(keys)
        self._keys = keys[order]
        self._cols = np.array([columns[gram] for gram in grams], dtype=np.int64)[order]

    def lookup(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """(text index, column) of every known n-gram in ``texts``, each pair once.

        Texts are taken as they are: normalise them first (``features.ngram_text``).
        """
        codes = _codes("".join(texts))
        if not len(codes) or not len(self._keys):
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        owner = np.repeat(np.arange(len(texts)), [len(text) for text in texts])
        keys, owners = [], []
        for size in self.sizes:
            if len(codes) >= size:
                inside = owner[:len(codes) - size + 1] == owner[size - 1:]  # not running into the next text
                keys.append(_packed(codes, size)[inside])
                owners.append(owner[size - 1:][inside])
        keys, owners = np.concatenate(keys), np.concatenate(owners)
        at = np.searchsorted(self._keys, keys)
        at[at == len(self._keys)] = 0
        found = self._keys[at] == keys
        width = len(self._cols)  # pack (text, column) to drop an n-gram repeated in one text
        pairs = _distinct(owners[found] * width + at[found])
        return pairs // width, self._cols[pairs % width]


__all__ = ["NgramColumns", "MAX_SIZE"]
