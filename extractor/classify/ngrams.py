"""Character n-grams of many texts at once, looked up in a model's vocabulary.

``features.ngrams`` defines the n-gram features one text at a time; making
a Python string per n-gram is most of the cost of classifying a section.
Here every n-gram of a batch of texts becomes one integer: its characters'
codes packed a few bits each, above them the field it was read from (a
model reads n-grams of headings and of bodies, each with its own
vocabulary), and below them the index of its sample.  Numpy sorts these,
drops repeats and looks the n-grams up in the sorted keys of the known
n-grams (a binary search through sorted queries is several times faster
than through random ones).  The result is the same set of (sample, column)
pairs as looking up ``features.ngrams(text)`` of each field in that
field's vocabulary.
"""
from __future__ import annotations

from itertools import accumulate
from typing import Mapping, Sequence

import numpy as np

MAX_SIZE = 3  # 3 * 21 bits (any Unicode code point) fit in a signed 64-bit integer
_INT64_BITS = 63  # bits of a non-negative int64
_BREAK = chr(0x10FFFF)  # joins texts; above the characters of most vocabularies (see _lookup)


def _codes(text: str) -> np.ndarray:
    """Code points of ``text`` (lone surrogates included) plus one, as int64.

    With no zero code, a key of n characters is at least 2 ** (bits * (n - 1)):
    keys of different sizes never collide and share one sorted table.
    """
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64) + 1


def _packed(codes: np.ndarray, size: int, bits: int) -> np.ndarray:
    """Key of the n-gram of ``size`` characters starting at each position."""
    count = len(codes) - size + 1
    keys = codes[:count]
    for offset in range(1, size):
        keys = (keys << bits) | codes[offset:offset + count]
    return keys


def _distinct(values: np.ndarray) -> np.ndarray:
    """Sorted distinct values but the least, ``_BELOW``, which ``values`` must hold
    once (``np.unique`` costs more on small arrays); sorts ``values`` in place."""
    values.sort()
    rest = values[1:]
    return rest[rest != values[:-1]]


_BELOW = np.array([-1], dtype=np.int64)  # below every key


_NONE = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))


class NgramColumns:
    """Known n-grams (bare, without the feature prefix) and their model columns.

    ``NgramColumns(columns, sizes)`` reads one field; ``NgramColumns.of_fields``
    several, each with its vocabulary and n-gram sizes.
    """

    def __init__(self, columns: Mapping[str, int], sizes: Sequence[int]):
        self._index([(columns, sizes)])

    @classmethod
    def of_fields(cls, fields: Sequence[tuple[Mapping[str, int], Sequence[int]]]) -> "NgramColumns":
        """Fields given as (known n-gram -> column, n-gram sizes)."""
        found = cls.__new__(cls)
        found._index(fields)
        return found

    def _index(self, fields: Sequence[tuple[Mapping[str, int], Sequence[int]]]) -> None:
        for _, sizes in fields:
            if any(not 1 <= size <= MAX_SIZE for size in sizes):
                raise ValueError(f"n-gram sizes must be 1..{MAX_SIZE}, got {tuple(sizes)}")
        self.field_sizes = [tuple(sizes) for _, sizes in fields]
        self._sizes = {size for sizes in self.field_sizes for size in sizes}  # read by some field
        self._max_size = max(self._sizes, default=0)
        grams = [(field, gram, _codes(gram), col) for field, (columns, sizes) in enumerate(fields)
                 for gram, col in columns.items() if len(gram) in sizes]
        # Bits per character: enough for every code of the known n-grams plus
        # one more, ``_unknown``, which stands for any character they lack
        # (and for the break between two texts).
        self._bits = int(max((int(codes.max()) for _, _, codes, _ in grams), default=0) + 1).bit_length()
        self._unknown = (1 << self._bits) - 1
        self._field_shift = self._bits * max((max(sizes, default=1) for sizes in self.field_sizes), default=1)
        field_bits = (len(fields) - 1).bit_length()
        if self._field_shift + field_bits > _INT64_BITS:  # characters far out in Unicode: a table per field
            self._fields = [NgramColumns(columns, sizes) for columns, sizes in fields]
            return
        self._fields = None
        keys = np.array([(field << self._field_shift) | int(_packed(codes, len(codes), self._bits)[0])
                         for field, _, codes, _ in grams], dtype=np.int64)
        order = np.argsort(keys)
        # sorted keys, and one more that no key equals, where a search past the last key lands
        self._keys = np.append(keys[order], -1)
        self._sorted_keys = self._keys[:-1]
        # whether the break between texts becomes the unknown code with the characters the n-grams lack
        self._break_is_unknown = ord(_BREAK) + 1 >= self._unknown
        self._cols = np.array([col for _, _, _, col in grams], dtype=np.int64)[order]
        # samples per batch, so that a key with its field and its sample's index fits in an int64
        self._batch = 1 << (_INT64_BITS - self._field_shift - field_bits)

    def lookup(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """(text index, column) of every known n-gram in ``texts`` (of a one-field
        table), each pair once.

        Texts are taken as they are: normalise them first (``features.ngram_text``).
        """
        return self.lookup_fields([texts])

    def lookup_fields(self, texts: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
        """(sample index, column) of every known n-gram in the samples' texts, each
        pair once; ``texts[field][sample]`` is the text of a sample's field."""
        if self._fields is not None:  # field by field: the pairs of each sample stay in the same order
            found = [table.lookup(field) for table, field in zip(self._fields, texts)]
            return np.concatenate([samples for samples, _ in found]), np.concatenate([cols for _, cols in found])
        count = len(texts[0]) if texts else 0
        if count <= self._batch:
            return self._lookup(texts, count)
        starts = range(0, count, self._batch)
        found = [self._lookup([field[start:start + self._batch] for field in texts], min(self._batch, count - start))
                 for start in starts]
        return (np.concatenate([samples + start for (samples, _), start in zip(found, starts)]),
                np.concatenate([cols for _, cols in found]))

    def _lookup(self, texts: Sequence[Sequence[str]], count: int) -> tuple[np.ndarray, np.ndarray]:
        if len(self._keys) == 1 or not count:  # nothing known, or no samples
            return _NONE
        sample_bits = (count - 1).bit_length()
        every = [text for field in texts for text in field]
        lengths = [len(text) + 1 for text in every]  # each text with the break after it
        # Texts joined by a break that becomes the unknown code, so that no known
        # n-gram runs from one text into the next; codes shifted to leave room for
        # the sample's index below each key.
        codes = np.add(np.frombuffer((_BREAK.join(every) + _BREAK).encode("utf-32-le", "surrogatepass"),
                                     dtype=np.uint32), 1, dtype=np.int64)
        np.minimum(codes, self._unknown, out=codes)
        if not self._break_is_unknown:
            codes[np.cumsum(lengths, dtype=np.int64) - 1] = self._unknown
        codes <<= sample_bits
        # the field (above the n-gram's key) and the sample (below it) of the text at each position
        field_shift = self._field_shift + sample_bits
        tags = np.array([(field << field_shift) | sample for field in range(len(texts))
                         for sample in range(count)], dtype=np.int64).repeat(lengths)
        # The n-grams of every size at every position, all fields at once (one
        # across a break is unknown), each field's taken for the sizes it reads.
        stops = list(accumulate([sum(lengths[field * count:(field + 1) * count]) for field in range(len(texts))]))
        pairs = [_BELOW]  # field and n-gram key, then the index of the sample
        keys = codes
        for size in range(1, self._max_size + 1):
            if size > 1:
                keys = (keys[:-1] << self._bits) | codes[size - 1:]
            if size in self._sizes:
                tagged = keys | tags[:len(keys)]
                pairs += [tagged[start:stop] for start, stop, sizes in zip([0, *stops], stops, self.field_sizes)
                          if size in sizes]
        if len(pairs) == 1:
            return _NONE
        pairs = _distinct(np.concatenate(pairs))  # sorted by field and n-gram; repeats in one text dropped
        keys = pairs >> sample_bits
        at = self._sorted_keys.searchsorted(keys)
        known = self._keys[at] == keys
        return pairs[known] & ((1 << sample_bits) - 1), self._cols[at[known]]


__all__ = ["NgramColumns", "MAX_SIZE"]
