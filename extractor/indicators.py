"""Quantities → indicator records: what was counted, the verb, actual or target.

For every quantity in a document the clause around it is read: the words
left of the number up to the clause start (``建立基层工会委员会20家``), or the
noun phrase right after the unit (``组织28家企业``), give the object; the last
verb before the number gives the predicate, inherited by the items of an
enumeration that share it.  jieba segments only these short windows, never a
whole document.  Cue words live in ``data/indicators.toml``.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Optional, Sequence

import regex

from .concepts import concept_for
from .quantities import find_quantities
from .records import Indicator, Quantity, Section, Span
from .resources import load_toml
from .sections import section_at
from .segment import segment, tag_of


@dataclass(frozen=True)
class _Cues:
    clause_breaks: object
    sentence_breaks: object
    left_window: int
    right_window: int
    verbs: frozenset
    copulas: frozenset
    borrowing: frozenset
    strip_prefix: tuple
    strip_suffix: tuple
    bad_edge_tags: frozenset
    part_markers: object
    respectively: object
    target: object
    actual: object
    not_target: object


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    data = load_toml("indicators.toml")
    words, status = data["words"], data["status"]

    def alternation(items):
        return regex.compile("|".join(regex.escape(x) for x in sorted(items, key=len, reverse=True)))

    return _Cues(
        clause_breaks=regex.compile("[" + regex.escape(data["clauses"]["clause_breaks"]) + "]"),
        sentence_breaks=regex.compile("[" + regex.escape(data["clauses"]["sentence_breaks"]) + "]"),
        left_window=data["clauses"]["left_window"],
        right_window=data["clauses"]["right_window"],
        verbs=frozenset(words["verbs"]),
        copulas=frozenset(words["copulas"]),
        borrowing=frozenset(words["borrowing"]),
        strip_prefix=tuple(sorted(words["strip_prefix"], key=len, reverse=True)),
        strip_suffix=tuple(sorted(words["strip_suffix"], key=len, reverse=True)),
        bad_edge_tags=frozenset(words["bad_edge_tags"]),
        part_markers=alternation(words["part_markers"]),
        respectively=alternation(words["respectively"]),
        target=alternation(status["target_cues"]),
        actual=alternation(status["actual_cues"]),
        not_target=alternation(status["not_target"]),
    )


_RATE_NOUN = regex.compile(r"[\p{Han}]{1,8}?(率|比例|比重|覆盖面)")
_NUMBERISH = regex.compile(r"[\d一二三四五六七八九十百千万亿两几数*xX]")


@dataclass(frozen=True)
class _Context:
    """Where one quantity sits: its clause and sentence (absolute offsets)."""

    clause_start: int
    clause_end: int
    sentence_start: int
    sentence_end: int


def _context(text: str, lo: int, hi: int, q: Quantity) -> _Context:
    cues = _cues()
    clause_start = lo
    for match in cues.clause_breaks.finditer(text, max(lo, q.span[0] - 80), q.span[0]):
        clause_start = match.end()
    clause_end = hi
    after = cues.clause_breaks.search(text, q.span[1], hi)
    if after:
        clause_end = after.start()
    sentence_start = lo
    for match in cues.sentence_breaks.finditer(text, max(lo, q.span[0] - 300), q.span[0]):
        sentence_start = match.end()
    sentence_end = hi
    after = cues.sentence_breaks.search(text, q.span[1], hi)
    if after:
        sentence_end = after.start()
    return _Context(clause_start, clause_end, sentence_start, sentence_end)


def _is_verb(word: str) -> bool:
    cues = _cues()
    return word in cues.verbs or (tag_of(word).startswith("v") and len(word) > 1 and word not in cues.strip_prefix)


def _strip(phrase: str) -> str:
    """Drop function words, places and times from the edges of an object."""
    cues = _cues()
    changed = True
    while phrase and changed:
        changed = False
        for word in cues.strip_prefix:
            if phrase.startswith(word) and len(phrase) > len(word):
                phrase, changed = phrase[len(word):], True
                break
        for word in cues.strip_suffix:
            if phrase.endswith(word) and len(phrase) > len(word):
                phrase, changed = phrase[: -len(word)], True
                break
    phrase = phrase.strip("“”\"'《》()、 ")
    if phrase in cues.strip_prefix or phrase in cues.strip_suffix or _NUMBERISH.fullmatch(phrase or "0"):
        return ""
    return phrase


def _trim_tokens(tokens: list[str]) -> list[str]:
    cues = _cues()
    while tokens and (tag_of(tokens[0]) in cues.bad_edge_tags or tokens[0] in cues.strip_prefix):
        tokens = tokens[1:]
    while tokens and (tag_of(tokens[-1]) in cues.bad_edge_tags or tokens[-1] in cues.strip_suffix):
        tokens = tokens[:-1]
    return tokens


def _left_object(left: str) -> tuple[Optional[str], str, list[str], int]:
    """(predicate, object, tokens, verb index) from the words left of a number."""
    tokens = segment(left)
    verb_index = -1
    for i in range(len(tokens) - 1, -1, -1):
        if _is_verb(tokens[i]):
            verb_index = i
            break
    predicate = tokens[verb_index] if verb_index >= 0 else None
    obj = _strip("".join(_trim_tokens(tokens[verb_index + 1:])))
    return predicate, obj, tokens, verb_index


def _right_object(right: str) -> str:
    """The noun phrase right after a unit: 组织28家【企业】签订……"""
    if not right or not regex.match(r"[\p{Han}“]", right):
        return ""
    phrase = []
    for token in segment(right):
        if _is_verb(token) or regex.search(r"[^\p{Han}“”]", token) or tag_of(token) in ("p", "c", "uj", "d", "m"):
            break
        phrase.append(token)
    return _strip("".join(_trim_tokens(phrase)))


@dataclass(frozen=True)
class _Reading:
    predicate: Optional[str]
    object: Optional[str]
    confidence: float
    consumed_right: int  # end of the right-hand object taken, or -1


def _read_quantity(text: str, q: Quantity, ctx: _Context, left_from: int, previous: Optional[Indicator]) -> _Reading:
    cues = _cues()
    left_start = max(ctx.clause_start, left_from, q.span[0] - cues.left_window)
    left = text[left_start:q.span[0]]
    right = text[q.span[1]:min(ctx.clause_end, q.span[1] + cues.right_window)]
    predicate, obj, tokens, verb_index = _left_object(left)
    if q.per and obj.startswith(q.per):
        obj = _strip(obj[len(q.per):])
    if q.kind == "percent" and (rate := _rate_noun(text[ctx.clause_start:q.span[0]])):
        return _Reading(predicate, rate, 0.85, -1)
    right_obj = "" if q.kind in ("percent", "fraction") and not right.startswith(("的", "村", "乡")) else _right_object(right)
    if right_obj and (not obj or left.endswith("的") or _NUMBERISH.search(obj)):
        return _Reading(predicate, right_obj, 0.85, q.span[1] + right.find(right_obj) + len(right_obj))
    if obj:
        return _Reading(predicate, obj, 0.9, -1)
    if predicate in cues.copulas and verb_index > 0:
        before = _strip("".join(_trim_tokens(tokens[:verb_index])))
        if before:
            return _Reading(predicate, before, 0.75, -1)
    if predicate in cues.borrowing and previous is not None and previous.object:
        return _Reading(predicate, previous.object, 0.6, -1)
    if right_obj:
        return _Reading(predicate, right_obj, 0.7, -1)
    if predicate and predicate not in cues.copulas:
        return _Reading(predicate, predicate, 0.5, -1)
    return _Reading(predicate, None, 0.3, -1)


def _rate_noun(clause_left: str) -> Optional[str]:
    match = None
    for match in _RATE_NOUN.finditer(clause_left):
        pass
    if match is None:
        return None
    tokens = segment(match.group())
    for i in range(len(tokens) - 1, -1, -1):  # keep the noun phrase after the last verb
        if _is_verb(tokens[i]) and i < len(tokens) - 1 and not tokens[-1].startswith(tokens[i]):
            return _strip("".join(tokens[i + 1:])) or None
    return _strip(match.group()) or None


def _status(text: str, q: Quantity, ctx: _Context, category: Optional[str], doc_type: str) -> str:
    cues = _cues()
    before = text[ctx.sentence_start:q.span[0]]
    clause = text[ctx.clause_start:q.span[0]]
    masked_before = cues.not_target.sub(lambda m: "\0" * len(m.group()), before)
    masked_clause = cues.not_target.sub(lambda m: "\0" * len(m.group()), clause)
    target_cue = cues.target.search(masked_before)
    actual_in_clause = cues.actual.search(masked_clause)
    if target_cue and not (actual_in_clause and actual_in_clause.start() > target_cue.start() - (len(before) - len(clause))):
        return "target"
    if cues.target.search(masked_clause):
        return "target"
    if (doc_type == "plan" or category == "plans") and not actual_in_clause:
        return "target"
    return "actual"


def _part_of(text: str, q: Quantity, ctx: _Context, made: Sequence[Indicator], totals: dict) -> Optional[str]:
    """The id of the total a part belongs to (发展会员5005人,其中农牧民工3500人)."""
    cues = _cues()
    marker = None
    for marker in cues.part_markers.finditer(text, ctx.sentence_start, q.span[0]):
        pass
    if marker is None:
        return None
    key = (ctx.sentence_start, marker.start())
    if key in totals:
        return totals[key]
    total = None
    for indicator in reversed(made):
        if indicator.span[1] <= marker.start() and indicator.unit == q.unit and indicator.span[0] >= ctx.sentence_start - 200:
            total = indicator
            break
    totals[key] = total.id if total else None
    return totals[key]


def find_indicators(text: str, span: Span, sections: Sequence[Section], doc_type: str,
                    first_id: int = 1) -> list[Indicator]:
    """Indicator records of one document (spans in ``text``, the normalised copy)."""
    lo, hi = span
    quantities = [replace(q, span=(q.span[0] + lo, q.span[1] + lo),
                          number_span=(q.number_span[0] + lo, q.number_span[1] + lo) if q.number_span else None)
                  for q in find_quantities(text[lo:hi])]
    made: list[Indicator] = []
    totals: dict = {}
    consumed = lo
    previous: Optional[Indicator] = None
    for q in quantities:
        if q.kind == "ratio" or q.unit is None:
            continue
        ctx = _context(text, lo, hi, q)
        reading = _read_quantity(text, q, ctx, consumed, previous)
        predicate = reading.predicate
        if predicate is None and previous is not None and previous.sentence_span[0] == ctx.sentence_start:
            predicate = previous.predicate  # an enumeration shares its verb
        section = section_at(sections, q.span[0])
        status = _status(text, q, ctx, section.category if section else None, doc_type)
        indicator = Indicator(
            id=f"i{first_id + len(made)}", section=section.id if section else None,
            span=q.span, sentence_span=(ctx.sentence_start, ctx.sentence_end), text=q.text,
            predicate=predicate, object=reading.object,
            concept=concept_for(reading.object, predicate, q.unit, q.kind),
            value=None if q.masked else q.value, unit=q.unit, kind=q.kind, approx=q.approx, bound=q.bound,
            range=q.range, per=q.per, status=status, masked=q.masked,
            part_of=_part_of(text, q, ctx, made, totals), confidence=reading.confidence, change=q.change,
        )
        made.append(indicator)
        previous = indicator
        consumed = max(q.span[1], reading.consumed_right)
    return made
