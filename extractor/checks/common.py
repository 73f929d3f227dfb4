"""Helpers shared by the audit checks: rules, unit families, text windows.

Checks read their thresholds and cue words from ``data/audit_rules.toml``
through :func:`rules`.  Text handed to the checks is the *source* text
(possibly traditional characters, full-width digits); cue matching works on
a simplified, half-width copy of short snippets, never on spans.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Iterable, Mapping, Optional, Sequence

from ..clean import fold
from ..errors import DataFileError
from ..records import Indicator, Section, Span
from ..resources import load_toml

RULES_FILE = "audit_rules.toml"

# the last run of Arabic digits (with a decimal point) inside an indicator text
_LAST_ARABIC = re.compile(r"[0-9０-９][0-9０-９.．]*(?!.*[0-9０-９])")
# a run of Chinese numerals, used when a figure is written without digits
_CJK_NUMERAL = re.compile(r"[零〇一二三四五六七八九十百千万两兩]+")
# a written numeral with optional decimals and a multiplier character
_WRITTEN_NUMBER = re.compile(r"([0-9]+)(?:[.．]([0-9]+))?\s*(万|萬|亿|億|千)?")
# clause delimiters: the clause of a figure starts after the last of these
# (、 separates list items, an opening bracket starts an aside: 职工8747人(其中...)
_CLAUSE_DELIMITERS = re.compile(r"[,，;；。:：!！?？、(（\n]")
# everything up to the last of them (matched at a clause's start, runs back from its end)
_UP_TO_LAST_DELIMITER = re.compile(r"(?s:.*)" + _CLAUSE_DELIMITERS.pattern)
# the end of a full sentence (a semicolon only separates its clauses)
_FULL_STOP = re.compile(r"[。!！?？\n]")

_MULTIPLIERS = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "千": 1e3}


def rules(section: str) -> Mapping:
    """One table of ``audit_rules.toml``."""
    return load_toml(RULES_FILE)[section]


@lru_cache(maxsize=None)
def pattern(section: str, key: str) -> re.Pattern:
    """A regex from ``audit_rules.toml``, compiled once."""
    try:
        return re.compile(rules(section)[key])
    except re.error as exc:
        raise DataFileError(f"extractor/data/{RULES_FILE}", f"[{section}] {key}: bad pattern: {exc}") from exc


@lru_cache(maxsize=None)
def patterns(section: str, key: str) -> tuple[re.Pattern, ...]:
    """A list of regexes from ``audit_rules.toml``, compiled once."""
    compiled = []
    for index, source in enumerate(rules(section)[key]):
        try:
            compiled.append(re.compile(source))
        except re.error as exc:
            raise DataFileError(f"extractor/data/{RULES_FILE}",
                                f"[{section}] {key}[{index}]: bad pattern: {exc}") from exc
    return tuple(compiled)


FAMILY_OF = {unit: name for name, units in rules("families").items() for unit in units}  # unit -> family


def unit_family(unit: Optional[str]) -> Optional[str]:
    """The family a unit belongs to (人 and 名 are both people)."""
    if unit is None:
        return None
    return FAMILY_OF.get(unit, unit)


def family_unit(unit: Optional[str]) -> Optional[str]:
    """The unit a family is shown with: 名 and 位 show as 人."""
    family = unit_family(unit)
    members = rules("families").get(family)
    return members[0] if members else unit


def same_family(a: Indicator, b: Indicator) -> bool:
    if a.unit is None:
        return False
    return FAMILY_OF.get(a.unit, a.unit) == (None if b.unit is None else FAMILY_OF.get(b.unit, b.unit))


def to_half_width(text: str) -> str:
    """Full-width digits and punctuation to ASCII; the length never changes."""
    return fold(text)


@lru_cache(maxsize=4096)
def simplify(text: str) -> str:
    """Simplified characters, half-width forms: for matching cue words only.

    The cleaning stage's own 1:1 mapping (``clean.fold``), so the audit reads
    text exactly as the rest of the pipeline does.
    """
    return fold(text)


def has_value(ind: Indicator) -> bool:
    return ind.value is not None and not ind.masked


def is_exact(ind: Indicator) -> bool:
    """Written as an exact figure: no 余/约, no 以上, no range, no change."""
    return ind.approx is None and ind.bound is None and ind.range is None and ind.change is None


def number_offset(ind: Indicator) -> int:
    """Offset inside ``ind.text`` where its numeral starts (best effort)."""
    match = _LAST_ARABIC.search(ind.text)
    if match:
        return match.start()
    runs = list(_CJK_NUMERAL.finditer(ind.text))
    return runs[-1].start() if runs else 0


def written_step(ind: Indicator) -> float:
    """Base-unit size of the last written digit: 27.22万元 gives 100."""
    match = None
    for match in _WRITTEN_NUMBER.finditer(to_half_width(ind.text)):
        pass
    if match is None:
        return 1.0
    decimals = len(match.group(2) or "")
    return 10.0 ** -decimals * _MULTIPLIERS.get(match.group(3) or "", 1.0)


def clause_lead(ind: Indicator, text: Optional[str]) -> tuple[str, int, int]:
    """Where the words leading up to the figure's numeral are: a string and the
    range in it that ``clause_before`` cuts the clause from.

    With the source text: its sentence up to the numeral; without it (or when
    the spans do not fit it): the indicator's own text before the numeral.
    """
    offset = number_offset(ind)
    number_at = ind.span[0] + offset
    start = ind.sentence_span[0]
    if text is not None and start <= number_at <= len(text):
        if start < 0:  # a slice counts that from the end
            lead = text[start:number_at]
            return lead, 0, len(lead)
        return text, start, number_at
    return ind.text, 0, offset


def clause_probe(chars: Optional[str]) -> Optional[tuple[re.Pattern, re.Pattern]]:
    """Tests whether a clause may hold one of ``chars`` (a character class body)
    without cutting it: one finds them after the last delimiter of a lead
    (``clause_lead``), the other anywhere in an object.  None for no ``chars``."""
    if chars is None:
        return None
    after_last_delimiter = re.compile(f"[{chars}][^{_CLAUSE_DELIMITERS.pattern[1:-1]}]*\\Z")
    return after_last_delimiter, re.compile(f"[{chars}]")


def clause_start(source: str, start: int, end: int) -> int:
    """Where the clause of a lead (``clause_lead``) starts: after its last delimiter."""
    before = _UP_TO_LAST_DELIMITER.match(source, start, end)  # what a split at the delimiters would drop
    return before.end() if before else start


def with_object(ind: Indicator, clause: str) -> str:
    """A simplified clause, led by the figure's object unless it names it."""
    if ind.object and ind.object not in clause:
        return ind.object + clause
    return clause


def clause_before(ind: Indicator, text: Optional[str], lead: Optional[tuple[str, int, int]] = None) -> str:
    """Simplified clause leading up to the figure's numeral.

    With the source text: from the last delimiter in the sentence before the
    numeral; without it: the indicator's own text before the numeral, plus
    its object.  ``lead`` is ``clause_lead(ind, text)`` when already found.
    """
    source, start, end = lead or clause_lead(ind, text)
    return with_object(ind, simplify(source[clause_start(source, start, end):end]))


def full_stops(text: Optional[str], start: int = 0, end: Optional[int] = None) -> Optional[list[int]]:
    """Positions of the full stops of a text (between ``start`` and ``end``), for
    ``same_full_sentence`` on many pairs of figures that lie there."""
    if text is None:
        return None
    return [m.start() for m in _FULL_STOP.finditer(text, start, len(text) if end is None else end)]


def same_full_sentence(a: Indicator, b: Indicator, text: Optional[str],
                       stops: Optional[list[int]] = None) -> bool:
    """Whether nothing but commas and semicolons separate two figures."""
    if text is None:
        return a.sentence_span == b.sentence_span
    first, second = sorted((a, b), key=lambda ind: ind.span)
    if stops is None:
        return not _FULL_STOP.search(text, first.span[1], max(first.span[1], second.span[0]))
    at = bisect_left(stops, first.span[1])  # the first stop after the first figure
    return not (at < len(stops) and stops[at] < max(first.span[1], second.span[0]))


def mentions(clause: str, name: Optional[str]) -> bool:
    """Whether a clause names a figure's object: contains it, or shares a
    run of three characters with it (有效问卷回收率 names 有效问卷)."""
    if not name or len(name) < 2:
        return False
    return name in clause or shares_run(clause, name, 3)


def sentence_text(ind: Indicator, text: Optional[str]) -> str:
    if text is not None and 0 <= ind.sentence_span[0] < ind.sentence_span[1] <= len(text):
        return simplify(text[ind.sentence_span[0]:ind.sentence_span[1]])
    return simplify(ind.text)


def quote(ind: Indicator) -> str:
    return f"“{ind.text}”"


def fmt(value: float) -> str:
    """A number as a person writes it: 25, 27.22, 0.3333."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def cover(spans: Iterable[Span]) -> Optional[Span]:
    spans = list(spans)
    if not spans:
        return None
    return (min(s[0] for s in spans), max(s[1] for s in spans))


def section_chain(section_id: Optional[str], sections: Mapping[str, Section]) -> list[Section]:
    """The section and its ancestors, innermost first."""
    chain, seen = [], set()
    while section_id is not None and section_id in sections and section_id not in seen:
        seen.add(section_id)
        chain.append(sections[section_id])
        section_id = sections[section_id].parent
    return chain


def sentence_windows(indicators: Sequence[Indicator]) -> dict[Span, Span]:
    """Each sentence span mapped to the sentence span before it (or itself).

    Only sentences that hold an indicator are known, which is all a rate or
    a breakdown needs: the figures it refers to are indicators too.
    """
    ordered = sorted({ind.sentence_span for ind in indicators})
    previous = {}
    for index, span in enumerate(ordered):
        previous[span] = ordered[index - 1] if index else span
    return previous


def shares_run(a: Optional[str], b: Optional[str], length: int = 2) -> bool:
    """Whether ``a`` and ``b`` have a common substring of ``length`` characters."""
    if not a or not b:
        return False
    if len(a) < length or len(b) < length:
        return (a in b or b in a) and min(len(a), len(b)) > 0
    runs = {a[i:i + length] for i in range(len(a) - length + 1)}
    return any(b[i:i + length] in runs for i in range(len(b) - length + 1))


def word_finder(words: Iterable[str]) -> re.Pattern:
    """A pattern whose ``search`` tells whether a text contains any of ``words``:
    one scan instead of one per word."""
    return re.compile("|".join(re.escape(word) for word in words) or "(?!)")
