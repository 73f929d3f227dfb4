"""Headings and the section tree of one document.

Headings are found by their numbering (``data/numbering.toml``): at the
start of a line, inline after a sentence end when they continue a sequence
(``1、完成……。2、组织好……``), and as the first child right after a heading's
text (``……整体素质1、进一步深化``).  Depth comes from the order in which the
styles nest in this document, not from a fixed table: a style seen for the
first time goes one level below the current one, unless the standard ranks
it above the styles open at the moment, in which case it closes them.
"""
from __future__ import annotations

from bisect import bisect_right

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Sequence

import regex

from .documents import DocumentBlock, Line
from .records import Section, Span
from .resources import load_toml

_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九", 0)}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_HEADING_END = regex.compile(r"[。:;!?]")
_SENTENCE_BREAK = regex.compile(r"(?<=[。;:!?])\s*")

# patterns used in hot paths, compiled once
_BRACKETS_AND_SPACE = regex.compile(r"[()（）\s]")
_CN_NUMERAL_RUN = regex.compile(r"[一二三四五六七八九十]+")
_GLUED_FIRST_CHILD = regex.compile(r"(?<=[\p{Han}”)]\s?)(?:1[、.．](?!\d)|[(（][一1][)）])")
_SENTENCE_PUNCT_IN_LINE = regex.compile(r"[。;,!?、]$|[。;!?]")
_TWO_HAN = regex.compile(r"\p{Han}{2}")
_ONLY_DIGITS = regex.compile(r"^[\d\s.%]+$")
_ENDS_SENTENCE = regex.compile(r"[。!?]$")


@dataclass(frozen=True)
class Style:
    key: str
    rank: int
    marker: object  # compiled pattern anchored at a heading's start, or None
    inline: bool
    max_heading_chars: int = 0  # a longer heading text is body text, not a heading of this style


@dataclass(frozen=True)
class HeadingMatch:
    """A heading found in the text, before levels are assigned."""

    start: int  # marker start, in the normalised text
    text_start: int
    text_end: int
    style: str
    number: Optional[str]  # as written, "(一)" for paren styles
    value: Optional[int]  # the number as an int, for sequences and findings


@lru_cache(maxsize=1)
def _config():
    data = load_toml("numbering.toml")
    styles = tuple(
        Style(s["key"], s["rank"], regex.compile(s["marker"]) if s["marker"] else None, s["inline"],
              s.get("max_heading_chars", 0))
        for s in data["style"]
    )
    return styles, data["limits"], regex.compile(data["limits"]["not_heading_after"])


def number_value(number: str) -> Optional[int]:
    """``一`` → 1, ``十二`` → 12, ``(3)`` → 3, ``②`` → 2."""
    digits = _BRACKETS_AND_SPACE.sub("", number or "")
    if not digits:
        return None
    if digits.isascii() and digits.isdigit():  # not str.isdigit alone: it accepts ②
        return int(digits)
    if digits in _CIRCLED:
        return _CIRCLED.index(digits) + 1
    if "十" in digits:
        tens, _, units = digits.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(units, 0) if units else 0)
    value = 0
    for ch in digits:
        if ch not in _CN_DIGITS:
            return None
        value = value * 10 + _CN_DIGITS[ch]
    return value


@lru_cache(maxsize=1)
def _marker_order() -> tuple[Style, ...]:
    """Styles to try at a heading's start: month schedules first, then longer markers first."""
    styles, _, _ = _config()
    numbered = [s for s in styles if s.marker is not None]
    return tuple(sorted(numbered, key=lambda s: (s.key != "month", -len(s.marker.pattern))))


def _any_of(styles: Sequence[Style]) -> str:
    return "|".join(f"(?:{s.marker.pattern})" for s in styles) or r"(?!x)x"


@lru_cache(maxsize=1)
def _marker_filters() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    """Tried before the styles one by one: whether any marker starts at a position, whether
    any inline marker does (most lines and sentences start with neither), and the inline
    candidates (``_INLINE_CANDIDATE``, each taken whole as a plain search takes it) that an
    inline marker follows."""
    inline = _any_of([s for s in _marker_order() if s.inline])
    return (regex.compile(_any_of(_marker_order())), regex.compile(inline),
            regex.compile(f"(?>{_INLINE_CANDIDATE.pattern})(?={inline})"))


def _match_marker(text: str, pos: int, inline_only: bool = False) -> Optional[tuple[Style, regex.Match]]:
    _, _, not_after = _config()
    any_marker, any_inline_marker, _ = _marker_filters()
    if not (any_inline_marker if inline_only else any_marker).match(text, pos):
        return None
    for style in _marker_order():
        if inline_only and not style.inline:
            continue
        match = style.marker.match(text, pos)
        if not match:
            continue
        if style.key == "month" or (not not_after.match(text, match.end()) and match.end() < len(text)):
            return style, match
    return None


def _written_number(style: Style, match: regex.Match) -> tuple[Optional[str], Optional[int]]:
    raw = match.groupdict().get("n")
    if raw is None:
        return None, None
    if style.key == "month":
        first = _CN_NUMERAL_RUN.match(raw).group()
        return raw.rstrip("、,"), number_value(first)
    if style.key in ("cn_paren", "arabic_paren"):
        return f"({raw})", number_value(raw)
    return raw, number_value(raw)


def _heading_end(text: str, start: int, limit: int) -> int:
    """End of a heading's text: the first 。 : ; or line end, or an inline child marker."""
    end = len(text)
    stop = _HEADING_END.search(text, start)
    if stop:
        end = stop.start()
    child = _GLUED_FIRST_CHILD.search(text[start:end])
    if child:
        end = start + child.start()
    end = min(end, start + limit)
    while end > start and text[end - 1].isspace():  # "完成情况 (一)……": the space is no part of it
        end -= 1
    return end


def _line_headings(line: Line, previous: Optional[Line], following: Sequence[Line]) -> list[HeadingMatch]:
    styles, limits, _ = _config()
    text = line.text
    found: list[HeadingMatch] = []
    hit = _match_marker(text, 0)
    if hit:
        style, match = hit
        number, value = _written_number(style, match)
        if style.key == "month":  # "一月份:" is its own heading text
            found.append(HeadingMatch(0, 0, len(text.rstrip(":： ")), style.key, number, value))
        else:
            end = _heading_end(text, match.end(), limits["heading_max_chars"])
            if end > match.end() and not (style.max_heading_chars and end - match.end() > style.max_heading_chars):
                found.append(HeadingMatch(0, match.end(), end, style.key, number, value))
    elif _is_plain_heading(text, previous, following, limits):
        found.append(HeadingMatch(0, 0, len(text), "plain", None, None))
    found.extend(_inline_headings(text, found[0] if found else None, limits))
    return [
        HeadingMatch(h.start + line.span[0], h.text_start + line.span[0], h.text_end + line.span[0],
                     h.style, h.number, h.value)
        for h in found
    ]


def _is_plain_heading(text: str, previous: Optional[Line], following: Sequence[Line], limits) -> bool:
    """A short unnumbered line between paragraphs: "二〇一三年工作回顾", "2025 工作谋划"
    (a short subtitle line may come between it and the paragraph it heads)."""
    if len(text) > limits["plain_heading_max_chars"] or _SENTENCE_PUNCT_IN_LINE.search(text):
        return False
    if not _TWO_HAN.search(text) or _ONLY_DIGITS.match(text):
        return False
    least = limits["plain_neighbour_min_chars"]
    if not (previous and following and len(previous.text) >= least):
        return False
    body = following[0]
    if len(body.text) < least and len(following) > 1 and len(body.text) <= limits["plain_heading_max_chars"] \
            and not _ENDS_SENTENCE.search(body.text) and not _DATE_LINE.search(body.text):
        body = following[1]  # the subtitle under a heading
    return (len(body.text) >= least and bool(_PROSE.search(body.text))
            and bool(_ENDS_SENTENCE.search(previous.text)))


_PROSE = regex.compile(r"[,。;]")  # a paragraph, not a signature, date or address line
_DATE_LINE = regex.compile(r"[\d〇零一二三四五六七八九十]{2,4}年[\d一二三四五六七八九十]{1,3}月([\d一二三四五六七八九十]{1,3}日)?$")


_INLINE_CANDIDATE = regex.compile(
    r"(?P<punct>(?<=[。;:!?)])\s*)"                                  # after a sentence end
    r"|(?P<glued>(?<=[\p{Han}”)])\s?(?=1[、.．]|[(（][一1][)）]))"    # a first child glued to a heading
)


def _inline_headings(text: str, head: Optional[HeadingMatch], limits) -> list[HeadingMatch]:
    """Numbered items further along one paragraph."""
    found: list[HeadingMatch] = []
    last = {head.style: head.value} if head and head.value else {}
    pos = head.text_end if head else 0
    # every candidate followed by a marker, in order: a candidate never starts inside
    # another (they span spaces after a character that starts none), and one without a
    # heading leaves the search position where the next candidate starts anyway
    for candidate in _marker_filters()[2].finditer(text, pos):
        if candidate.start() < pos:
            continue  # inside the heading found last
        at = candidate.end()
        hit = _match_marker(text, at, inline_only=True)
        if not hit:
            continue
        style, match = hit
        number, value = _written_number(style, match)
        if value is None:
            continue
        if candidate.group("glued") is not None:
            # "……整体素质1、进一步深化": only right after the text of a heading
            previous = found[-1] if found else head
            if not (previous is not None and candidate.start() <= previous.text_end <= at and value == 1):
                continue
        elif not (value == 1 or last.get(style.key) == value - 1):
            continue
        end = _heading_end(text, match.end(), limits["heading_max_chars"])
        if end <= match.end():
            continue
        found.append(HeadingMatch(at, match.end(), end, style.key, number, value))
        last[style.key] = value
        pos = end
    return found


def find_headings(text: str, block: DocumentBlock) -> list[HeadingMatch]:
    """Every heading of one document, in order (spans in the normalised text)."""
    body = [line for line in block.lines if not block.title_span or line.span[1] > block.title_span[1]]
    if block.title_span and block.lines and block.lines[0].span[0] < block.title_span[1] < block.lines[0].span[1]:
        first = block.lines[0]
        rest = Line((block.title_span[1], first.span[1]), text[block.title_span[1]:first.span[1]])
        stripped = rest.text.lstrip()
        body = [Line((rest.span[0] + len(rest.text) - len(stripped), rest.span[1]), stripped)] + body[1:]
    headings: list[HeadingMatch] = []
    for i, line in enumerate(body):
        previous = body[i - 1] if i else None
        headings.extend(_line_headings(line, previous, body[i + 1:i + 3]))
    return headings


def assign_levels(headings: Sequence[HeadingMatch]) -> list[int]:
    """Depth of each heading from the order its style nests in this document."""
    styles, _, _ = _config()
    rank = {s.key: s.rank for s in styles}
    stack: list[str] = []
    levels = []
    for heading in headings:
        if heading.style in stack:
            del stack[stack.index(heading.style) + 1:]
        else:
            while stack and rank[stack[-1]] > rank[heading.style] and heading.style != "plain":
                stack.pop()
            if heading.style == "plain":
                stack.clear()
            stack.append(heading.style)
        levels.append(len(stack))
    return levels


def build_sections(text: str, block: DocumentBlock) -> list[Section]:
    """The section tree of one document; spans are in the normalised text."""
    headings = find_headings(text, block)
    levels = assign_levels(headings)
    ends = _section_ends(headings, levels, block.span[1])
    sections: list[Section] = []
    open_at_level: dict[int, str] = {}
    for i, (heading, level, end) in enumerate(zip(headings, levels, ends)):
        section_id = f"s{i + 1}"
        parent = next((open_at_level[lv] for lv in range(level - 1, 0, -1) if lv in open_at_level), None)
        open_at_level[level] = section_id
        for deeper in [lv for lv in open_at_level if lv > level]:
            del open_at_level[deeper]
        sections.append(Section(
            id=section_id, parent=parent, level=level, number=heading.number,
            heading=text[heading.text_start:heading.text_end].strip(),
            span=(heading.start, end), heading_span=(heading.start, heading.text_end),
            style=heading.style,
        ))
    return sections


def _section_ends(headings: Sequence[HeadingMatch], levels: Sequence[int], block_end: int) -> list[int]:
    """Where each section ends: at the next heading of its level or above, else at the
    block's end.  Found from the last heading back, keeping the later headings that may still
    end an earlier section (one deeper than a heading before it ends nothing before that one)."""
    ends = [block_end] * len(headings)
    waiting: list[int] = []  # indices, levels rising towards the end of the list
    for i in range(len(headings) - 1, -1, -1):
        while waiting and levels[waiting[-1]] > levels[i]:
            waiting.pop()
        if waiting:
            ends[i] = headings[waiting[-1]].start
        waiting.append(i)
    return ends


def section_at(sections: Sequence[Section], position: int, starts: Optional[Sequence[int]] = None) -> Optional[Section]:
    """The deepest section whose span holds ``position``.

    Sections come in document order, children after their parent, so the
    last section starting at or before ``position`` that still holds it is
    the deepest; ``starts`` (the sections' start offsets) saves building
    that list for every call.
    """
    starts = starts if starts is not None else [s.span[0] for s in sections]
    at = bisect_right(starts, position) - 1
    while at >= 0:
        if position < sections[at].span[1]:
            return sections[at]
        at -= 1
    return None


__all__ = ["HeadingMatch", "build_sections", "find_headings", "assign_levels", "number_value", "section_at", "Span"]
