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

import re
from bisect import bisect_right

from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple, Optional, Sequence

import regex

from .documents import DocumentBlock, Line
from .documents.rules import document_rules
from .needles import first_characters, first_characters_class
from .records import Section, Span, fill
from .resources import load_toml

_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九", 0)}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_HEADING_END = re.compile(r"[。:;!?]")  # a class of plain characters: the standard library's engine is quicker

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
    first_chars: Optional[frozenset] = None  # the characters a marker can start with; None if not known
    not_after_line_end: str = ""  # not a heading when the line before ends in one of these (”: a quote's speaker)
    closes: str = ""  # the heading's text ends at one of these marks (】 of 【组织建设】), when one follows
    list_when_adjacent: bool = False  # a line of this style beside another is a list's item, no heading


class HeadingMatch(NamedTuple):  # a tuple: made for every heading, in a hot loop
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
              s.get("max_heading_chars", 0), first_characters(s["marker"]), s.get("not_after_line_end", ""),
              s.get("closes", ""), s.get("list_when_adjacent", False))
        for s in data["style"]
    )
    return styles, data["limits"], regex.compile(data["limits"]["not_heading_after"])


def number_value(number: str) -> Optional[int]:
    """``一`` → 1, ``十二`` → 12, ``(3)`` → 3, ``②`` → 2."""
    digits = number or ""
    if not digits.isalnum():  # else it holds no bracket or space to take out
        digits = _BRACKETS_AND_SPACE.sub("", digits)
    if not digits:
        return None
    if digits.isascii() and digits.isdigit():  # not str.isdigit alone: it accepts ②
        return int(digits)
    if digits in _CIRCLED:
        return _CIRCLED.index(digits) + 1
    if len(digits) == 1 and "a" <= digits <= "z":
        return ord(digits) - ord("a") + 1  # a) b) (a) (b): Western items
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
def _marker_filters() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern, Optional[re.Pattern]]:
    """Tried before the styles one by one: whether any marker starts at a position, whether
    any inline marker does (most lines and sentences start with neither), and a sentence end
    with the spaces after it (taken whole) that an inline marker follows; last, a quick test
    for that (a sentence end, spaces and a character an inline marker starts with) on the
    standard library's engine, which searches a line several times faster, or None.  Its
    \\s takes every character `regex`'s does, so it rules out no line the full one matches."""
    inline_styles = [s for s in _marker_order() if s.inline]
    inline = _any_of(inline_styles)
    starts = first_characters_class(s.marker.pattern for s in inline_styles)
    return (regex.compile(_any_of(_marker_order())), regex.compile(inline),
            regex.compile(f"[{_SENTENCE_END_CHARS}](?>\\s*)(?={inline})"),
            re.compile(f"[{re.escape(_SENTENCE_END_CHARS)}]\\s*[{starts}]") if starts else None)


def _match_marker(text: str, pos: int, inline_only: bool = False) -> Optional[tuple[Style, regex.Match]]:
    _, _, not_after = _config()
    any_marker, any_inline_marker, _, _ = _marker_filters()
    if not (any_inline_marker if inline_only else any_marker).match(text, pos):
        return None
    first = text[pos:pos + 1]
    for style in _marker_order():
        if inline_only and not style.inline:
            continue
        if style.first_chars is not None and first not in style.first_chars:
            continue  # cannot start here: no call to the engine
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
    if style.key in ("cn_paren", "arabic_paren", "latin_paren"):
        return f"({raw})", number_value(raw)
    return raw, number_value(raw)


def _heading_end(text: str, start: int, limit: int) -> int:
    """End of a heading's text: the first 。 : ; or line end, or an inline child marker."""
    end = len(text)
    stop = _HEADING_END.search(text, start)
    if stop:
        end = stop.start()
    head = text[start:end]
    if "1" in head or "(" in head or "（" in head:  # a glued child marker holds one of them
        child = _GLUED_FIRST_CHILD.search(head)
        if child:
            end = start + child.start()
    end = min(end, start + limit)
    while end > start and text[end - 1].isspace():  # "完成情况 (一)……": the space is no part of it
        end -= 1
    return end


_DIGIT = re.compile(r"[0-9]")
_BODY_AFTER_TITLE = 8  # characters of body after an item's titled 。 that make it a heading after a colon


def _line_headings(line: Line, previous: Optional[Line], following: Sequence[Line],
                   items_headed: bool = False) -> list[HeadingMatch]:
    styles, limits, _ = _config()
    text = line.text
    offset = line.span[0]
    found: list[HeadingMatch] = []
    head = None  # the line's own heading: (text_end, style, value), in the line
    hit = _match_marker(text, 0)
    if hit:
        style, match = hit
        number, value = _written_number(style, match)
        if style.key == "month":  # "一月份:" is its own heading text, its items follow the colon
            head = (len(text[:match.end()].rstrip(":： ")), style.key, value)
            found.append(HeadingMatch(offset, offset, offset + head[0], style.key, number, value))
        else:
            # 【组织建设】年内……: the brackets hold the heading (a style's marker without its
            # closing mark, ● 建会入会, ends as any heading does)
            end = min((at for at in (text.find(mark, match.end()) for mark in style.closes) if at != -1), default=-1)
            if end == -1:
                end = _heading_end(text, match.end(), limits["heading_max_chars"])
            if (style.not_after_line_end and previous is not None and previous.text.endswith(tuple(style.not_after_line_end))
                    and not (text[end:end + 1] == "。" and len(text) - end > _BODY_AFTER_TITLE)):
                # (“……过踏实了” then ——建筑工人老周: who said it, no heading; a titled item with its
                # body after the colon, ①返还工会经费。对受疫情……, heads its paragraph all the same)
                end = match.end()
            if style.list_when_adjacent and any(
                    neighbour is not None and style.marker.match(neighbour.text)
                    and _next_to(neighbour.span, line.span)
                    for neighbour in (previous, following[0] if following else None)):
                end = match.end()  # 1️⃣ …⏎2️⃣ …: a list, one item a line (a blank line between parts them)
            elif _ENDS_IN_FIGURE.search(text) and any(
                    neighbour is not None and style.marker.match(neighbour.text) and _ENDS_IN_FIGURE.search(neighbour.text)
                    for neighbour in (previous, following[0] if following else None)):
                end = match.end()  # 1.市电力公司工会 286分⏎2.……271分: a ranked list's lines, each a figure
            if end > match.end() and not (style.max_heading_chars and end - match.end() > style.max_heading_chars):
                head = (end, style.key, value)
                found.append(HeadingMatch(offset, offset + match.end(), offset + end, style.key, number, value))
    elif _is_plain_heading(text, previous, following, limits, items_headed):
        head = (len(text), "plain", None)
        found.append(HeadingMatch(offset, offset, offset + len(text), "plain", None, None))
    found.extend(_inline_headings(text, offset, head, limits))
    return found


def _next_to(a: Span, b: Span) -> bool:
    """Whether two lines stand one right under the other, no blank line between."""
    first, second = (a, b) if a[0] < b[0] else (b, a)
    return second[0] - first[1] <= 1


def _is_plain_heading(text: str, previous: Optional[Line], following: Sequence[Line], limits,
                      items_headed: bool = False) -> bool:
    """A short unnumbered line between paragraphs: "二〇一三年工作回顾", "2025 工作谋划"
    (a short subtitle line may come between it and the paragraph it heads)."""
    if _SENTENCE_PUNCT_IN_LINE.search(text) or text[:1] in "(（":
        return False  # (（云溪高新区工会）: an item's source, in brackets)
    if following and _dateline().match(following[0].text) is not None:
        # a news item's headline over its dateline (……驿站15个⏎本刊讯 今年以来,……), up to a longer length
        # (the first line under an article's title is its subtitle; under a bulletin's name, its first item's headline)
        return (len(text) <= limits["headline_max_chars"] and (previous is not None or items_headed)
                and _TWO_HAN.search(text) is not None)
    if len(text) > limits["plain_heading_max_chars"]:
        return False
    if not _TWO_HAN.search(text) or _ONLY_DIGITS.match(text) or _figure_end().search(text):
        return False
    least = limits["plain_neighbour_min_chars"]
    if not (previous and following and len(previous.text) >= least):
        return False
    body = following[0]
    if len(body.text) < least and len(following) > 1 and len(body.text) <= limits["plain_heading_max_chars"] \
            and not _ENDS_SENTENCE.search(body.text) and not _DATE_LINE.search(body.text):
        body = following[1]  # the subtitle under a heading
    long_enough = len(body.text) >= least or bool(_speaker_turn().match(body.text))  # (记者:……? an interview's turn)
    return long_enough and bool(_PROSE.search(body.text)) and bool(_ENDS_SENTENCE.search(previous.text))




@lru_cache(maxsize=1)
def _notes_label() -> regex.Pattern:
    return regex.compile(_config()[1]["notes_label"])


@lru_cache(maxsize=1)
def _figure_end() -> regex.Pattern:
    return regex.compile(_config()[1]["plain_heading_figure_end"])


@lru_cache(maxsize=1)
def _dateline() -> regex.Pattern:
    return regex.compile(_config()[1]["dateline"])


@lru_cache(maxsize=1)
def _speaker_turn() -> regex.Pattern:
    return regex.compile(_config()[1]["speaker_turn"])
_PROSE = regex.compile(r"[,。;?!]")  # a paragraph (a question too), not a signature, date or address line
_DATE_LINE = regex.compile(r"[\d〇零一二三四五六七八九十]{2,4}年[\d一二三四五六七八九十]{1,3}月([\d一二三四五六七八九十]{1,3}日)?$")


_SENTENCE_END_CHARS = "。;:!?)"
# the marker of a first child glued to a heading's text: 1、 (一) (1)
_GLUED_MARKER = re.compile(r"1[、.．]|[(（][一1][)）]")
_GLUED_MARKER_FIRST = frozenset("1(（")  # what a match of _GLUED_MARKER starts with
_HAN_OR_QUOTE = regex.compile(r"[\p{Han}”]")
_SPACE = regex.compile(r"\s")


def _glued_child_at(text: str, pos: int) -> Optional[int]:
    """Where the marker of a first child glued to the heading text that ends at ``pos``
    starts, if one does: after a Han character or ”, and one space at most."""
    if text[pos:pos + 1] not in _GLUED_MARKER_FIRST and text[pos + 1:pos + 2] not in _GLUED_MARKER_FIRST:
        return None  # the common case: no marker can start at pos nor after one space
    if not pos or not _HAN_OR_QUOTE.match(text, pos - 1):
        return None
    at = pos + 1 if _SPACE.match(text, pos) else pos
    return at if _GLUED_MARKER.match(text, at) else None


def _inline_headings(text: str, offset: int, head: Optional[tuple[int, str, Optional[int]]], limits) -> list[HeadingMatch]:
    """Numbered items further along one paragraph that starts at ``offset``, after its own
    heading ``head`` (text end, style, value) if any.  Each follows a sentence end (。;:!?)
    and the spaces after it, or is a first child glued to the end of the heading found last
    (``……整体素质1、进一步深化``), which is where the search goes on from."""
    found: list[HeadingMatch] = []
    last = {head[1]: head[2]} if head and head[2] else {}
    pos = head[0] if head else 0
    # (start, marker start) after every sentence end an inline marker follows, in order; no
    # two overlap, as they span spaces after a character that starts none
    _, _, inline_after_sentence_end, may_follow_sentence_end = _marker_filters()
    from_pos = max(pos - 1, 0)
    if may_follow_sentence_end is not None and not may_follow_sentence_end.search(text, from_pos):
        after_sentence_end = []  # most lines: no sentence end followed by a marker's first character
    else:
        after_sentence_end = [(m.start() + 1, m.end()) for m in inline_after_sentence_end.finditer(text, from_pos)]
    next_candidate = 0
    glued_tried = head is None  # whether a glued child at pos was looked for (none without a heading)
    while True:
        if not glued_tried:
            glued_tried = True
            at = _glued_child_at(text, pos)
            if at is None:
                continue
            glued = True
        else:
            while next_candidate < len(after_sentence_end) and after_sentence_end[next_candidate][0] < pos:
                next_candidate += 1  # inside the heading found last
            if next_candidate == len(after_sentence_end):
                break
            at = after_sentence_end[next_candidate][1]
            next_candidate += 1
            glued = False
        hit = _match_marker(text, at, inline_only=True)
        if not hit:
            continue
        style, match = hit
        number, value = _written_number(style, match)
        if value is None:
            continue
        if glued:
            if value != 1:  # a first child only (it starts where the last heading's text ends)
                continue
        elif not (value == 1 or last.get(style.key) == value - 1):
            continue
        end = _heading_end(text, match.end(), limits["heading_max_chars"])
        if end <= match.end():
            continue
        if not glued and text[:at].rstrip().endswith(":") and text[end:end + 1] == ";":
            continue  # 主要做了以下工作:(1)……;(2)……: the items a sentence lists, no headings
        found.append(HeadingMatch(offset + at, offset + match.end(), offset + end, style.key, number, value))
        last[style.key] = value
        pos = end
        glued_tried = False
    return found


@lru_cache(maxsize=1)
def _annex_patterns() -> tuple[regex.Pattern, regex.Pattern]:
    limits = _config()[1]
    return regex.compile(limits["annex_list"]), regex.compile(limits["annex_item"])


def find_headings(text: str, block: DocumentBlock, styled: Sequence[tuple[int, int]] = ()) -> list[HeadingMatch]:
    """Every heading of one document, in order (spans in the normalised text); ``styled``:
    (line start, level) of the lines a Word file styles as headings, headings whatever their words
    (level 0: a line the file marks as no heading, a Markdown list's item)."""
    body = [line for line in block.lines if not block.title_span or line.span[1] > block.title_span[1]]
    if block.title_span and block.lines and block.lines[0].span[0] < block.title_span[1] < block.lines[0].span[1]:
        first = block.lines[0]
        rest = Line((block.title_span[1], first.span[1]), text[block.title_span[1]:first.span[1]])
        stripped = rest.text.lstrip()
        body = [Line((rest.span[0] + len(rest.text) - len(stripped), rest.span[1]), stripped)] + body[1:]
    headings: list[HeadingMatch] = []
    styled_at = dict(styled)
    limits_max = _config()[1]["heading_max_chars"]
    annex_list, annex_item = _annex_patterns()
    items_headed = bool(block.title) and document_rules().bulletin_name.match(block.title) is not None
    in_annex_list = False
    table_openers: set[str] = set()  # the first cells of the rows that open a table (序号 of a form)
    for i, line in enumerate(body):
        previous = body[i - 1] if i else None
        if "\t" in line.text and (previous is None or "\t" not in previous.text):
            table_openers.add(line.text.split("\t", 1)[0])
        if "\t" in line.text or (previous is not None and i + 1 < len(body) and line.span[0] not in styled_at
                                 and "\t" in previous.text and "\t" in body[i + 1].text
                                 and _DIGIT.search(body[i + 1].text)  # (over a new table's header: a heading)
                                 and abs(previous.text.count("\t") - body[i + 1].text.count("\t")) <= 1
                                 and body[i + 1].text.split("\t", 1)[0] not in table_openers):
            # (rows of one table around it: as many cells, or one fewer where a leading empty one was stripped;
            # not a row that opens a table again, 序号 | 2 of the next form)
            continue  # a table's row, or a group line between its rows (一、收入): no heading (a sheet's name is one)
        if annex_list.match(line.text) or _notes_label().match(line.text):
            in_annex_list = True  # 附件:1.参会回执⏎2.……, 填表说明:⏎1.……: the attachments' names, notes: a list
            continue
        if in_annex_list and annex_item.match(line.text):
            continue
        in_annex_list = False
        found = _line_headings(line, previous, body[i + 1:i + 3], items_headed)
        if found and found[0].style == "notes" and found[0].start == line.span[0]:
            in_annex_list = True  # 说明:⏎1.……⏎2.……: the notes' numbers head nothing, the label does
        if _NOTES_OPENING_A_LINE.match(line.text):
            # 注:1.本表数据截至……⏎2.……: the notes begin on the line; their numbers head nothing
            found = [HeadingMatch(line.span[0], line.span[0], line.span[0], "notes_inline", None, None)] + found
        level = styled_at.get(line.span[0])
        if isinstance(level, str):  # Word numbers it itself: the style its number shows
            if found and found[0].start == line.span[0] and found[0].style == "plain":
                found = found[1:]  # an unnumbered line to the eye of the text, numbered by Word
            if not (found and found[0].start == line.span[0]):  # (a typed number keeps its own)
                end = line.span[0] + _heading_end(line.text, 0, limits_max)
                if end > line.span[0]:
                    found = [HeadingMatch(line.span[0], line.span[0], end, level, None, None)] + found
        elif level == 0:  # a list's item (a Markdown file's 1. under its # headings): no heading
            found = [heading for heading in found if heading.start != line.span[0]]
        elif level is not None and level <= _MAX_STYLED:
            if found and found[0].start == line.span[0] and found[0].style in ("plain", "notes"):
                found = found[1:]  # the unnumbered line is a heading at the depth Word gives it (a sheet's name, 说明)
            if not (found and found[0].start == line.span[0]):  # (a typed number keeps its own style)
                found = [HeadingMatch(line.span[0], line.span[0], line.span[1], f"styled{level}", None, None)] + found
        headings.extend(found)
    return _without_bullets_under_numbers(_without_labels_under_symbols(_without_note_labels(headings)))


def _without_labels_under_symbols(headings: list[HeadingMatch]) -> list[HeadingMatch]:
    """In a document whose parts a symbol marks (◆, ●), a dash or a bracketed label leads a
    paragraph in: it heads nothing."""
    limits = _config()[1]
    symbols = limits["symbol_styles"]
    if not any(h.style in symbols for h in headings):
        return headings
    labels = limits["labels_under_symbols"]
    return [h for h in headings if h.style not in labels]


def _without_bullets_under_numbers(headings: list[HeadingMatch]) -> list[HeadingMatch]:
    """In a document whose parts are numbered (一、 (一)), a bullet's line (● 新建基层工会38家) is an
    item of a list: it heads nothing."""
    numbered = _config()[1]["numbered_over_bullets"]
    if not any(h.style in numbered for h in headings):
        return headings
    return [h for h in headings if h.style != "bullet"]


def _without_note_labels(headings: list[HeadingMatch]) -> list[HeadingMatch]:
    """Numbers under a notes heading (注释: ①含……, 注: 1. 含……) label the notes, they head nothing;
    nor do those of notes that open on their own line (注:1.……)."""
    if not any(h.style in ("notes", "notes_inline") for h in headings):
        return headings
    kept, in_notes = [], False
    for heading in headings:
        if heading.style == "notes_inline":
            in_notes = True
            continue  # (no heading: where the notes begin)
        if heading.style == "notes":
            in_notes = True
        elif heading.style not in _NOTE_LABEL_STYLES:
            in_notes = False
        elif in_notes:
            continue
        kept.append(heading)
    return kept


_NOTE_LABEL_STYLES = frozenset(("circled", "arabic", "arabic_paren"))
_NOTES_OPENING_A_LINE = regex.compile(r"(?:注释|附注|注)\s*[:：]\s*(?:[0-9]{1,2}[.、．]|[①-⑳]|[(（][0-9]{1,2}[)）])")


_MAX_STYLED = 3  # Heading 1 to 3 (numbering.toml's styled styles)


# a short list line that ends in its figure (1.市电力公司工会 286分): no sentence in it
_ENDS_IN_FIGURE = regex.compile(r"^[^,，。;；:：]{1,30}?[0-9][0-9.]*\s*\p{Han}{0,2}$")
_TOP_ONLY = ("plain", "notes", "emoji_year")  # styles that always stand at the top level


def assign_levels(headings: Sequence[HeadingMatch]) -> list[int]:
    """Depth of each heading from the order its style nests in this document."""
    styles, _, _ = _config()
    rank = {s.key: s.rank for s in styles}
    stack: list[str] = []
    levels = []
    for heading in headings:
        if heading.style.startswith("styled"):  # Word says its depth: Heading 2 sits at level 2
            del stack[int(heading.style[-1]) - 1:]
            stack.append(heading.style)
        elif heading.style in stack:
            del stack[stack.index(heading.style) + 1:]
        else:
            while stack and rank[stack[-1]] > rank[heading.style] and heading.style not in _TOP_ONLY:
                stack.pop()
            if heading.style in _TOP_ONLY:
                stack.clear()  # (注释: the notes close the body's sections, whatever was open)
            stack.append(heading.style)
        levels.append(len(stack))
    return levels


def build_sections(text: str, block: DocumentBlock, styled: Sequence[tuple[int, int]] = ()) -> list[Section]:
    """The section tree of one document; spans are in the normalised text (``styled``: see
    ``find_headings``)."""
    headings = find_headings(text, block, styled)
    levels = assign_levels(headings)
    ends = _section_ends(headings, levels, block.span[1])
    sections: list[Section] = []
    open_at_level: dict[int, str] = {}
    for i, (heading, level, end) in enumerate(zip(headings, levels, ends)):
        section_id = f"s{i + 1}"
        parent = None  # the section open at the deepest level above this one
        for lv in range(level - 1, 0, -1):
            if lv in open_at_level:
                parent = open_at_level[lv]
                break
        open_at_level[level] = section_id
        for deeper in [lv for lv in open_at_level if lv > level]:
            del open_at_level[deeper]
        # the frozen dataclass's __init__ sets each field through object.__setattr__ (costlier than the rest)
        section = fill(Section, {
            "id": section_id, "parent": parent, "level": level, "number": heading.number,
            "heading": text[heading.text_start:heading.text_end].strip(),
            "span": (heading.start, end), "heading_span": (heading.start, heading.text_end),
            "category": None, "confidence": None, "style": heading.style,
        })
        sections.append(section)
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
