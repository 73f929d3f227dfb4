"""Quantities → indicator records: what was counted, the verb, actual or target.

For every quantity in a document the clause around it is read: the words
left of the number up to the clause start (``建立基层工会委员会20家``), or the
noun phrase right after the unit (``组织28家企业``), give the object; the last
verb before the number gives the predicate, inherited by the items of an
enumeration that share it.  jieba segments only these short windows, never a
whole document.  Cue words live in ``data/indicators.toml``.
"""
from __future__ import annotations

from bisect import bisect_left
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

# patterns used in hot paths, compiled once
_STARTS_HAN_OR_QUOTE = regex.compile(r"[\p{Han}“]")
_ALL_HAN = regex.compile(r"\p{Han}+")
_NON_HAN = regex.compile(r"[^\p{Han}]")
_PER_WORD_PREFIX = regex.compile(r"^(每|人均|户均)")
_PER_PHRASE_PREFIX = regex.compile(r"^(每\p{Han}|人均|户均)")
_ONLY_CONJUNCTIONS = regex.compile(r"[、和及与\s]*")


@dataclass(frozen=True)
class _Cues:
    clause_breaks: object
    sentence_breaks: object
    left_window: int
    right_window: int
    verbs: frozenset
    copulas: frozenset
    borrowing: frozenset
    object_before: frozenset
    not_objects: frozenset
    nominal_verbs: frozenset
    sum_words: frozenset
    kind_units: frozenset
    strip_prefix: tuple
    strip_suffix: tuple
    prefix_re: object
    suffix_re: object
    bad_edge_tags: frozenset
    part_markers: object
    respectively: object
    target: object
    actual: object
    not_target: object
    weak_target: object
    weak_actual: object
    drop_units: frozenset
    article_units: frozenset
    drop_followed: tuple
    drop_preceded: tuple


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
        object_before=frozenset(words["object_before"]),
        not_objects=frozenset(words["not_objects"]),
        nominal_verbs=frozenset(words["nominal_verbs"]),
        sum_words=frozenset(words["sum_words"]),
        kind_units=frozenset(words["kind_units"]),
        strip_prefix=tuple(sorted(words["strip_prefix"], key=len, reverse=True)),
        strip_suffix=tuple(sorted(words["strip_suffix"], key=len, reverse=True)),
        prefix_re=regex.compile("^(?:" + "|".join(regex.escape(w) for w in sorted(
            (w for w in words["strip_prefix"] if len(w) > 1), key=len, reverse=True)) + ")"),
        suffix_re=regex.compile("(?:" + "|".join(regex.escape(w) for w in sorted(
            words["strip_suffix"], key=len, reverse=True)) + ")$"),
        bad_edge_tags=frozenset(words["bad_edge_tags"]),
        part_markers=alternation(words["part_markers"]),
        respectively=alternation(words["respectively"]),
        target=alternation(status["target_cues"]),
        actual=alternation(status["actual_cues"]),
        not_target=alternation(status["not_target"]),
        weak_target=alternation(status["weak_target_cues"]),
        weak_actual=alternation(status["weak_actual_cues"]),
        drop_units=frozenset(data["select"]["drop_units"]),
        article_units=frozenset(data["select"]["article_units"]),
        drop_followed=tuple((regex.compile(u), regex.compile(f)) for u, f in data["select"]["drop_when_followed"]),
        drop_preceded=tuple((regex.compile(u), regex.compile(p + "$" if not p.endswith("$") else p))
                            for u, p in data["select"]["drop_when_preceded"]),
    )


_RATE_WORD = regex.compile(r"(率|比例|比重|覆盖面|参与面|活动面|知晓面|满意度|知晓度|参与度)$")
_LEADING_NUMBER = regex.compile(r"^\s*(?:\d{1,2}\s*[.、,]|[(]\d{1,2}[)]|[一二三四五六七八九十]+、)\s*")
_NUMBERISH = regex.compile(r"[\d一二三四五六七八九十百千万亿两几数*xX]")


@dataclass(frozen=True)
class _Context:
    """Where one quantity sits: its clause and sentence (absolute offsets)."""

    clause_start: int
    clause_end: int
    sentence_start: int
    sentence_end: int


@dataclass(frozen=True)
class _Breaks:
    """Clause and sentence ends of one document, found once, searched by bisection."""

    clauses: tuple[int, ...]  # positions of clause-ending characters
    sentences: tuple[int, ...]

    @classmethod
    def of(cls, text: str, lo: int, hi: int) -> "_Breaks":
        cues = _cues()
        return cls(tuple(m.start() for m in cues.clause_breaks.finditer(text, lo, hi)),
                   tuple(m.start() for m in cues.sentence_breaks.finditer(text, lo, hi)))


def _around(breaks: tuple[int, ...], start: int, end: int, lo: int, hi: int, reach: int) -> tuple[int, int]:
    """(first position after the break before ``start``, the break at or after ``end``)."""
    before = bisect_left(breaks, start)
    first = breaks[before - 1] + 1 if before else lo
    after = bisect_left(breaks, end)
    last = breaks[after] if after < len(breaks) else hi
    return max(first, lo, start - reach), last


def _context(breaks: _Breaks, lo: int, hi: int, q: Quantity) -> _Context:
    clause_start, clause_end = _around(breaks.clauses, q.span[0], q.span[1], lo, hi, 80)
    sentence_start, sentence_end = _around(breaks.sentences, q.span[0], q.span[1], lo, hi, 300)
    return _Context(clause_start, clause_end, sentence_start, sentence_end)


def _is_verb(word: str) -> bool:
    # The lexicon only: jieba's dictionary tags are too noisy here (选手 is tagged v).
    return word in _cues().verbs


def _strip(phrase: str) -> str:
    """Drop function words, places and times from the edges of an object."""
    cues = _cues()
    head = phrase.rstrip("的").rsplit("的", 1)
    if len(head) == 2 and head[1]:  # the head noun follows the last attributive 的
        phrase = head[1]
    while phrase:
        # one-character function words are dropped as tokens, never from inside a word (对象)
        prefix = cues.prefix_re.match(phrase)
        if prefix and prefix.end() < len(phrase):
            phrase = phrase[prefix.end():]
            continue
        suffix = cues.suffix_re.search(phrase)
        if suffix and suffix.start() > 0:
            phrase = phrase[:suffix.start()]
            continue
        break
    phrase = _LEADING_NUMBER.sub("", phrase).strip("“”\"'《》()、 \n")
    if phrase in cues.strip_prefix or (phrase in cues.strip_suffix and len(phrase) == 1) or phrase in cues.not_objects:
        return ""
    if _NUMBERISH.fullmatch(phrase or "0"):
        return ""
    return phrase


def _trim_tokens(tokens: Sequence[str]) -> list[str]:
    cues = _cues()
    tokens = list(tokens)
    while tokens and (tag_of(tokens[0]) in cues.bad_edge_tags or tokens[0] in cues.strip_prefix):
        tokens = tokens[1:]
    # a whole-word suffix such as 任务 or 目标 may be the object itself (完成【任务】的112%)
    while len(tokens) > 1 and (tag_of(tokens[-1]) in cues.bad_edge_tags or tokens[-1] in cues.strip_suffix):
        tokens = tokens[:-1]
    if tokens and tag_of(tokens[-1]) in cues.bad_edge_tags:
        tokens = tokens[:-1]
    return tokens


def _phrase(tokens: Sequence[str]) -> str:
    trimmed = _trim_tokens(tokens)
    if trimmed:
        return _strip("".join(trimmed))
    # a lone pronoun-like noun is still an object (私营17家,【其它】25家)
    if len(tokens) == 1 and tag_of(tokens[0]) in ("r", "") and tokens[0] not in _cues().strip_prefix:
        return _strip(tokens[0])
    return ""


@dataclass(frozen=True)
class _LeftReading:
    predicate: Optional[str]
    object: str  # the words after the last verb
    before_verb: str  # for copulas: everything before the verb
    between_verbs: str  # for other verbs: the words between the verb before and this one


def _left_reading(left: str) -> _LeftReading:
    tokens = segment(left)
    verbs = [i for i, token in enumerate(tokens) if _is_verb(token)]
    if not verbs:
        return _LeftReading(None, _phrase(tokens), "", "")
    last = verbs[-1]
    bounds = [-1] + verbs
    between = ""
    for k in range(len(verbs) - 1, -1, -1):  # the nearest non-empty stretch between two verbs
        between = _phrase(tokens[bounds[k] + 1:verbs[k]])
        if between:
            break
    return _LeftReading(tokens[last], _phrase(tokens[last + 1:]), _phrase(tokens[:last]), between)


def _relative_head(right: str) -> str:
    """Skip a relative clause before the head noun: 为14户【有维权需求的】农民工家庭."""
    if right.startswith("的"):
        return right[1:]
    cut = right.find("的", 0, 10)
    if cut > 0:
        before = segment(right[:cut])
        if (_is_verb(before[0]) or tag_of(before[-1])[:1] in ("a", "i")
                or (cut <= 6 and tag_of(before[0])[:1] in ("v", "a", "d", "i"))):
            return right[cut + 1:]
    return right


def _right_object(right: str) -> str:
    """The noun phrase right after a unit: 组织28家【企业】签订……"""
    cues = _cues()
    nominal = right.startswith("的")  # 每人800元的【资助】: after 的 a verb is a noun
    right = _relative_head(right)
    if not right or not _STARTS_HAN_OR_QUOTE.match(right):
        return ""
    phrase: list[str] = []
    tokens = segment(right)
    for i, token in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if token in "“”":
            phrase.append(token)
            continue
        if _is_verb(token):
            if (nominal and not phrase) or (phrase and token in cues.nominal_verbs and len(nxt) >= 2 and not _is_verb(nxt)):
                phrase.append(token)
                continue
            if not phrase and len(nxt) >= 2 and _ALL_HAN.fullmatch(nxt) and not _is_verb(nxt):
                phrase.append(token)  # 获奖选手, 参保任务
                continue
            break
        if _NON_HAN.search(token) or tag_of(token) in ("p", "c", "uj", "ul", "d"):
            break
        phrase.append(token)
    found = _strip("".join(phrase)[:16])
    return found if len(found) >= 2 or tag_of(found) in ("n", "zg", "ns") else ""


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
    reading = _left_reading(left)
    predicate, obj = reading.predicate, reading.object
    if q.kind == "percent" and (rate := _rate_noun(text[ctx.clause_start:q.span[0]])):
        return _Reading(predicate, rate, 0.85, -1)
    if q.change == "to" and previous is not None and previous.change == "from" and previous.object:
        return _Reading(previous.predicate, previous.object, 0.8, -1)
    # NUM-CL-N: the noun right after the measure word is what is counted
    if q.kind not in ("percent", "fraction") or right.startswith("的") or q.kind == "fraction":
        right_obj = _right_object(right)
        verb_after = tag_of(segment(right)[0]) == "v" if right else False
        if right_obj and not (obj and verb_after and not right.startswith("的")):
            return _Reading(predicate, right_obj, 0.85, q.span[1] + right.find(right_obj) + len(right_obj))
    if q.per and (not obj or obj.startswith(("每", "人均", "户均", q.per))):
        if predicate and predicate not in cues.copulas:
            return _Reading(predicate, predicate, 0.6, -1)  # 每户借款1万元: the verb names it
        obj = _strip(_PER_WORD_PREFIX.sub("", obj))
    if obj:
        return _Reading(predicate, obj, 0.9, -1)
    if predicate in cues.copulas and reading.before_verb:
        before = _strip(_PER_PHRASE_PREFIX.sub("", reading.before_verb))
        if before:
            return _Reading(predicate, before, 0.75, -1)
    if predicate in cues.object_before and reading.between_verbs:
        return _Reading(predicate, reading.between_verbs, 0.7, -1)
    if (predicate in cues.borrowing or predicate in cues.sum_words or left.strip() in cues.sum_words) \
            and previous is not None and previous.object:
        return _Reading(predicate, previous.object, 0.6, -1)
    if predicate and predicate not in cues.copulas:
        return _Reading(predicate, predicate, 0.5, -1)
    return _Reading(predicate, reading.before_verb or None, 0.3, -1)


def _rate_noun(clause_left: str) -> Optional[str]:
    """The rate a percentage measures: 职代会建制率力争达到……90%, 签订率达到100%."""
    tokens = segment(clause_left)
    for i in range(len(tokens) - 1, -1, -1):
        if _RATE_WORD.search(tokens[i]):
            break
    else:
        return None
    first = i
    if _RATE_WORD.fullmatch(tokens[i]) and i > 0:  # 签订 + 率
        first = i - 1
    if first > 0 and tag_of(tokens[first - 1]).startswith("n") and not _is_verb(tokens[first - 1]):
        first -= 1  # 职代会 + 建制率
    return _strip("".join(tokens[first:i + 1])) or None


def _last_cue(text: str, cues: _Cues, in_plan: bool) -> Optional[tuple[int, str]]:
    """Position and kind of the last status cue in ``text``."""
    masked = cues.not_target.sub(lambda m: "\0" * len(m.group()), text)
    best = None
    patterns = [("target", cues.target), ("actual", cues.actual)]
    if not in_plan and not cues.target.search(masked):
        patterns.append(("actual", cues.weak_actual))
    for kind, pattern in patterns:
        for match in pattern.finditer(masked):
            if best is None or match.start() >= best[0]:
                best = (match.start(), kind)
    for match in cues.weak_target.finditer(masked):
        following = segment(masked[match.end():match.end() + 6])
        if following and _is_verb(following[0]) and (best is None or match.start() > best[0]):
            best = (match.start(), "target")
    return best


def _status(text: str, q: Quantity, ctx: _Context, category: Optional[str], doc_type: str) -> str:
    """target or actual: the last cue before the figure in its sentence decides, else the section."""
    in_plan = doc_type == "plan" or category == "plans"
    cue = _last_cue(text[ctx.sentence_start:q.span[0]], _cues(), in_plan)
    if cue is not None:
        return cue[1]
    return "target" if in_plan else "actual"


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


def _phrase_start(text: str, floor: int, q: Quantity, predicate: Optional[str], obj: Optional[str]) -> int:
    """Where the words that name the figure begin: 【签订集体合同25份】 (never before ``floor``)."""
    window_start = max(floor, q.span[0] - _cues().left_window)
    left = text[window_start:q.span[0]]
    start = q.span[0]
    for word in (obj, predicate):
        if word:
            at = left.rfind(word)
            if at >= 0:
                start = min(start, window_start + at)
    return start


def _shifted(q: Quantity, by: int) -> Quantity:
    number_span = (q.number_span[0] + by, q.number_span[1] + by) if q.number_span else None
    return replace(q, span=(q.span[0] + by, q.span[1] + by), number_span=number_span)


def is_indicator(text: str, q: Quantity) -> bool:
    """SPEC section 3: a quantity that measures work, people, money or results."""
    cues = _cues()
    if q.kind == "ratio" or q.unit is None or q.unit in cues.drop_units:
        return False
    if q.number_span and text[q.number_span[0]:q.number_span[1]] == "一" and q.unit in cues.article_units:
        return False
    following = text[q.span[1]:q.span[1] + 8]
    preceding = text[max(0, q.span[0] - 8):q.span[0]]
    if any(u.search(q.unit) and f.search(following) for u, f in cues.drop_followed):
        return False
    return not any(u.search(q.unit) and p.search(preceding) for u, p in cues.drop_preceded)


def find_indicators(text: str, span: Span, sections: Sequence[Section], doc_type: str,
                    first_id: int = 1, quantities: Optional[Sequence[Quantity]] = None) -> list[Indicator]:
    """Indicator records of one document (spans in ``text``, the normalised copy).

    ``quantities`` are those of the whole ``text`` when the caller has them
    (one scan per page); otherwise the document's span is scanned.
    """
    lo, hi = span
    if quantities is None:
        quantities = find_quantities(text[lo:hi])
        shift = lo
    else:
        quantities = [q for q in quantities if lo <= q.span[0] and q.span[1] <= hi]
        shift = 0
    if shift:
        quantities = [_shifted(q, shift) for q in quantities]
    breaks = _Breaks.of(text, lo, hi)
    made: list[Indicator] = []
    totals: dict = {}
    consumed = lo
    previous: Optional[Indicator] = None
    last_figure_end = lo  # a span never reaches back over another figure
    for q in quantities:
        floor, last_figure_end = last_figure_end, q.span[1]
        if not is_indicator(text, q):
            continue
        ctx = _context(breaks, lo, hi, q)
        reading = _read_quantity(text, q, ctx, consumed, previous)
        if (not reading.object and previous is not None and consumed > ctx.clause_start
                and previous.unit in _cues().kind_units and previous.span[0] >= ctx.clause_start):
            # 五项集体合同177份: the first figure counts kinds, the noun belongs to this one
            reading = replace(reading, object=previous.object, predicate=reading.predicate or previous.predicate)
            made.pop()
            previous = made[-1] if made else None
        predicate = reading.predicate
        same_sentence = previous is not None and previous.sentence_span[0] == ctx.sentence_start
        if predicate is None and same_sentence:
            predicate = previous.predicate  # an enumeration shares its verb
        if same_sentence and previous.unit == q.unit and previous.object and not q.per and (
                not reading.object or (reading.object == reading.predicate and reading.confidence <= 0.5)
                or _ONLY_CONJUNCTIONS.fullmatch(text[previous.quantity_span[1]:q.span[0]])):
            # 应到职工代表96名,实到93名 / 分别奖励3000元、2000元: the noun is not repeated
            reading = replace(reading, object=previous.object, confidence=0.6)
        section = section_at(sections, q.span[0])
        start = _phrase_start(text, max(floor, ctx.clause_start), q, predicate, reading.object)
        status = _status(text, q, ctx, section.category if section else None, doc_type)
        indicator = Indicator(
            id=f"i{first_id + len(made)}", section=section.id if section else None,
            span=(start, max(q.span[1], reading.consumed_right)), quantity_span=q.span,
            sentence_span=(ctx.sentence_start, ctx.sentence_end), text=q.text,
            predicate=predicate, object=reading.object,
            concept=concept_for(reading.object, predicate, q.unit, q.kind),
            value=None if q.masked else q.value, unit=q.unit, kind=q.kind, approx=q.approx, bound=q.bound,
            range=q.range, per=q.per, status=status, masked=q.masked,
            part_of=_part_of(text, q, ctx, made, totals), confidence=reading.confidence, change=q.change,
        )
        if indicator.object is None and indicator.part_of:
            total = next(i for i in made if i.id == indicator.part_of)
            indicator = replace(indicator, object=total.object, concept=total.concept)
        made.append(indicator)
        previous = indicator
        consumed = max(q.span[1], reading.consumed_right)
    return made
