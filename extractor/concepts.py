"""The lexicon of indicator concepts (``data/concepts.toml``).

A concept is what makes figures from different reports comparable: 签订集体合同
25份 in one county and 新签集体合同40份 in another are both
``collective_contracts``.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache, reduce
from itertools import repeat
from operator import or_
from typing import Iterable, NamedTuple, Optional

import regex

from .errors import DataFileError
from .needles import needle_set
from .resources import load_toml


@dataclass(frozen=True)
class Concept:
    id: str
    label: str
    object_pattern: object
    predicate_pattern: object  # None: any predicate
    units: tuple[str, ...]
    kinds: tuple[str, ...]

    def matches(self, obj: str, predicate: Optional[str], unit: Optional[str], kind: str) -> bool:
        # the unit and kind first: set look-ups rule out most concepts before any regex runs
        if self.units and unit not in self.units:
            return False
        if self.kinds and kind not in self.kinds:
            return False
        if not self.object_pattern.search(obj):
            return False
        return self.predicate_pattern is None or self.predicate_pattern.search(predicate or "") is not None


@lru_cache(maxsize=1)
def concepts() -> tuple[Concept, ...]:
    loaded = []
    for entry in load_toml("concepts.toml").get("concept", []):
        try:
            loaded.append(Concept(
                id=entry["id"], label=entry["label"],
                object_pattern=regex.compile(entry["object"]),
                predicate_pattern=regex.compile(entry["predicate"]) if entry.get("predicate") else None,
                units=tuple(entry.get("units", ())), kinds=tuple(entry.get("kinds", ())),
            ))
        except (KeyError, regex.error) as exc:
            raise DataFileError("extractor/data/concepts.toml", f"concept {entry.get('id', '?')}: {exc}") from exc
    return tuple(loaded)


@lru_cache(maxsize=16384)
def concept_for(obj: Optional[str], predicate: Optional[str], unit: Optional[str], kind: str) -> Optional[str]:
    """The id of the first concept whose rules fit, else None (``Concept.matches``, with
    the concepts whose object needs a character ``obj`` lacks skipped unsearched)."""
    if not obj:
        return None
    index = _index()
    # bit k set: the k-th concept may match (it admits the unit and kind, and its
    # object needs a character of obj or nothing known)
    candidates = reduce(or_, map(index.by_character.get, obj, repeat(0)), index.always) & _admitting(unit, kind)
    while candidates:
        lowest = candidates & -candidates
        concept = index.concepts[lowest.bit_length() - 1]
        if concept.matches(obj, predicate, unit, kind):
            return concept.id
        candidates ^= lowest
    return None


class _Index(NamedTuple):
    concepts: tuple[Concept, ...]  # bit k is concepts[k]; the first that fits wins
    by_character: dict  # character -> bits of the concepts whose object needs it
    always: int  # bits of the concepts whose needs are unknown


@lru_cache(maxsize=1)
def _index() -> _Index:
    """The concepts indexed by the characters their object patterns need: every
    match holds one of them (``needles.needle_set``; 工资.{0,6}(协议|合同) needs 工)."""
    by_character: dict[str, int] = {}
    always = 0
    for k, concept in enumerate(concepts()):
        needed = needle_set(concept.object_pattern.pattern)
        if needed is None:
            always |= 1 << k
        for character in needed or ():
            by_character[character] = by_character.get(character, 0) | 1 << k
    return _Index(concepts(), by_character, always)


@lru_cache(maxsize=1024)
def _admitting(unit: Optional[str], kind: str) -> int:
    """Bits of the concepts that admit ``unit`` and ``kind`` (most name a few units)."""
    return sum(1 << k for k, c in enumerate(concepts())
               if (not c.units or unit in c.units) and (not c.kinds or kind in c.kinds))


def unmapped_objects(indicators: Iterable, top: int = 50) -> list[tuple[str, int]]:
    """The most frequent objects that have no concept yet (to grow the lexicon)."""
    counts = Counter(ind.object for ind in indicators if ind.object and ind.concept is None)
    return counts.most_common(top)


def label_of(concept_id: str) -> Optional[str]:
    return next((c.label for c in concepts() if c.id == concept_id), None)
