"""The lexicon of indicator concepts (``data/concepts.toml``).

A concept is what makes figures from different reports comparable: 签订集体合同
25份 in one county and 新签集体合同40份 in another are both
``collective_contracts``.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache, reduce
from itertools import repeat
from operator import or_
from typing import Iterable, NamedTuple, Optional

import regex

try:  # the standard library's own regex parser, used only to read what a pattern needs
    from re import _parser as _sre_parse
except ImportError:  # Python 3.10
    import sre_parse as _sre_parse

from .errors import DataFileError
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
        if concept.object_pattern.search(obj) and (
                concept.predicate_pattern is None or concept.predicate_pattern.search(predicate or "")):
            return concept.id
        candidates ^= lowest
    return None


class _Index(NamedTuple):
    concepts: tuple[Concept, ...]  # bit k is concepts[k]; the first that fits wins
    by_character: dict  # character -> bits of the concepts whose object needs it
    always: int  # bits of the concepts whose needs are unknown


@lru_cache(maxsize=1)
def _index() -> _Index:
    """The concepts indexed by the characters their object patterns need (see ``_needed_characters``)."""
    by_character: dict[str, int] = {}
    always = 0
    for k, concept in enumerate(concepts()):
        needed = _needed_characters(concept.object_pattern.pattern)
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


# Inline flags (case folding, the regex module's fuzzy matching) or its own syntax
# (\p{Han}, named lists, POSIX classes) change what a pattern matches in ways the
# standard parser does not read: such a pattern is always searched.
_BEYOND_PLAIN_SYNTAX = re.compile(r"\\(?:[pPX]|[NL]\{)|\(\?|\{[^}0-9,]|\[:")


def _needed_characters(pattern: str) -> Optional[frozenset]:
    """Characters of which every match of ``pattern`` contains at least one
    (工资.{0,6}(协议|合同) needs 工; 集体合同|集体协议 needs 集), else None."""
    if _BEYOND_PLAIN_SYNTAX.search(pattern):
        return None
    try:
        parsed = _sre_parse.parse(pattern)
    except Exception:  # syntax only the regex module reads
        return None
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    return _needed_in_sequence(parsed)


def _needed_in_sequence(items) -> Optional[frozenset]:
    # the first item every match goes through that needs a character decides
    for op, argument in items:
        name = op.name
        if name == "LITERAL":
            return frozenset(chr(argument))
        if name == "IN" and argument and all(o.name == "LITERAL" for o, _ in argument):
            found = frozenset(chr(a) for _, a in argument)
        elif name == "SUBPATTERN":
            found = _needed_in_sequence(argument[-1])
        elif name == "BRANCH":
            branches = [_needed_in_sequence(branch) for branch in argument[1]]
            found = None if None in branches else frozenset().union(*branches)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and argument[0] >= 1:
            found = _needed_in_sequence(argument[2])
        else:  # optional, any character, an anchor: nothing needed here
            continue
        if found is not None:
            return found
    return None


def unmapped_objects(indicators: Iterable, top: int = 50) -> list[tuple[str, int]]:
    """The most frequent objects that have no concept yet (to grow the lexicon)."""
    counts = Counter(ind.object for ind in indicators if ind.object and ind.concept is None)
    return counts.most_common(top)


def label_of(concept_id: str) -> Optional[str]:
    return next((c.label for c in concepts() if c.id == concept_id), None)
