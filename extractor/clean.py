"""The normalised copy of a text and its map back to the source.

Later stages search a copy in which traditional characters are simplified,
full-width forms are half-width, pinyin and emoji annotations are gone,
whitespace is tidied and lines broken by page breaks are joined again.  The
copy is made only by 1:1 character mappings and deletions, never by
insertions, so every character of the copy comes from exactly one source
character.  ``NormalizedText`` keeps that source offset per character and
maps spans back with two array look-ups.

Rules live in ``data/clean_rules.toml`` and ``data/clean_pinyin.txt``.

>>> norm = normalize("總結(jié)：簽訂集體合同２５份")
>>> norm.text
'总结:签订集体合同25份'
>>> start, end = norm.to_source((5, 11))
>>> norm.source[start:end]
'集體合同２５'
"""
from __future__ import annotations

import html
import re
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Iterable

import numpy as np

from .errors import DataFileError
from .records import Span
from .resources import load_lines, load_toml

__all__ = ["NormalizedText", "normalize", "fold"]

_RULES_FILE = "clean_rules.toml"
_PINYIN_FILE = "clean_pinyin.txt"


@dataclass(frozen=True)
class NormalizedText:
    """``text`` is the normalised copy of ``source``.

    ``index[i]`` is the source offset of ``text[i]``; one more entry,
    ``len(source)``, closes the array so end positions map too.
    """

    source: str
    text: str
    index: array = field(repr=False, compare=False)

    def to_source_pos(self, pos: int) -> int:
        """Source offset of normalised position ``pos`` (``len(text)`` maps to ``len(source)``)."""
        if not 0 <= pos <= len(self.text):
            raise ValueError(f"position {pos} is outside the normalised text (0..{len(self.text)})")
        return self.index[pos]

    def to_source(self, span: Span) -> Span:
        """Source span showing what ``text[start:end]`` shows.

        The source span runs from the first to the last source character
        behind the normalised span, so deletions inside it (annotations,
        joined line breaks) are inside the source span too.  An empty span
        maps to an empty span at the matching source position.
        """
        start, end = span
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {span!r} is not inside the normalised text (0..{len(self.text)})")
        if start == end:
            return (self.index[start], self.index[start])
        last = self.index[end - 1]
        if self.source[last] == "&" and self.text[end - 1] != "&":  # a character reference read as one character
            reference = _rules().char_reference.match(self.source, last)
            if reference is not None:
                return (self.index[start], reference.end())
        return (self.index[start], last + 1)

    def to_norm_pos(self, source_pos: int) -> int:
        """First normalised position at or after source offset ``source_pos``."""
        if not 0 <= source_pos <= len(self.source):
            raise ValueError(f"position {source_pos} is outside the source text (0..{len(self.source)})")
        return bisect_left(self.index, source_pos, 0, len(self.text))

    def from_source(self, span: Span) -> Span:
        """Normalised span covering the source characters of ``span`` that survived."""
        start, end = span
        if not 0 <= start <= end <= len(self.source):
            raise ValueError(f"span {span!r} is not inside the source text (0..{len(self.source)})")
        norm_start = bisect_left(self.index, start, 0, len(self.text))
        norm_end = bisect_right(self.index, end - 1, 0, len(self.text)) if end > start else norm_start
        return (norm_start, max(norm_start, norm_end))


def normalize(text: str, markup: Iterable[Span] = (), text_format: str = "") -> NormalizedText:
    """The normalised copy of ``text`` with its offset map (see the module doc);
    ``markup``: spans of ``text`` left out of the copy (a Markdown file's ``**``);
    ``text_format``: the reader's format (a slide deck's lines are never joined)."""
    rules = _rules()
    copy = _fold(text, rules)  # 1:1, so offsets in `copy` are source offsets
    if rules.ocr_probe.search(copy):
        copy = rules.ocr_zero.sub("0", rules.ocr_one.sub("1", copy))  # 2O家, l86.4万元: still 1:1
    index = _identity(len(text))
    first = (_spans(rules.crlf, text) if "\r" in text else []) + _spans(rules.junk, copy)
    quoted = _quote_mark_spans(copy, rules) if "\n>" in copy or copy.startswith(">") else []
    if "─" in copy or "━" in copy or "═" in copy:  # (a box-drawn table's rules and its rows' edges)
        quoted += _spans(rules.rule_line, copy) + _spans(rules.row_edges, copy)
    if markup or quoted:
        first = _disjoint([*first, *markup, *quoted])
    copy, index = _delete(copy, index, first)
    if "&" in copy or "<" in copy:  # (a page saved as text with its entities and tags left in)
        copy, index = _without_markup_left_in(copy, index, rules)
    if "__" in copy and rules.filled_blank.search(copy):
        # a form's blanks filled in (职工总数:__1,286__人 reads 职工总数:1,286人); its blanks left
        # empty (劳务派遣工:______人) are unfilled, no figures hidden: their underscores go too
        copy, index = _delete(copy, index, _spans(rules.any_blank, copy))
    # page numbers and running heads first: a table's rows on either side of a page break are one table
    copy, index = _delete(copy, index, _page_furniture_spans(copy, rules))
    if "\t" in copy or "  " in copy or "|" in copy or "│" in copy:  # (a pipe table: cells parted by bars)
        copy, index = _mark_table_cells(copy, index, rules)
    copy, index = _delete(copy, index, _pinyin_spans(copy, rules))
    indented = _indented_line_starts(copy, index, rules)  # (source offsets: the spaces go next)
    copy, index = _delete(copy, index, _space_spans(copy, rules))
    if text_format not in rules.paragraph_formats:
        copy, index = _delete(copy, index, _figure_line_breaks(copy, rules))
        copy, index = _delete(copy, index, _line_join_spans(copy, rules, index, indented))
    index.append(len(text))
    return NormalizedText(text, copy, index)


def fold(text: str) -> str:
    """Only the 1:1 character mappings of ``normalize`` (same length as ``text``).

    Simplified characters, half-width forms, every space-like character as
    a space and every line-break character as a line feed; nothing is deleted.  For
    short normalised fields (a title, a unit) where offsets do not matter.
    """
    return _fold(text, _rules()).replace("\t", " ")


def fold_table() -> dict:
    """What ``fold`` changes: code point -> the character it becomes."""
    return _rules().table


_CODE_POINT = np.dtype("<u4")  # as UTF-32-LE writes them
_ARRAY_FOLD_FROM = 100  # below this many characters str.translate is quicker
_IDENTITY_KEPT = 1 << 16  # offsets 0..n-1 kept ready for texts up to this long (256 KB)
_identity_prefix = array("i")


def _identity(size: int) -> array:
    """``array("i", range(size))``, copied from a ready one: building it
    element by element costs more than the rest of normalising a short text."""
    global _identity_prefix
    if size > len(_identity_prefix):
        if size > _IDENTITY_KEPT:
            return array("i", np.arange(size, dtype=np.intc).tobytes())
        _identity_prefix = array("i", range(_IDENTITY_KEPT))
    return _identity_prefix[:size]


def _fold(text: str, rules: "_Rules") -> str:
    """``text.translate(rules.table)``; a long text goes through the array instead,
    about ten times faster than a dict look-up per character."""
    if rules.foldable.search(text) is None:
        return text  # most texts: nothing to simplify or narrow (one quick scan)
    if len(text) < _ARRAY_FOLD_FROM:
        return text.translate(rules.table)
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=_CODE_POINT)
    table = rules.code_table
    inside = codes < len(table)  # code points past the table's end stay as they are
    folded = table[codes] if inside.all() else np.where(inside, table[np.minimum(codes, len(table) - 1)], codes)
    return folded.astype(_CODE_POINT, copy=False).tobytes().decode("utf-32-le", "surrogatepass")


def _spans(pattern: re.Pattern, text: str) -> list[Span]:
    return [match.span() for match in pattern.finditer(text) if match.end() > match.start()]


def _disjoint(spans: Iterable[Span]) -> list[Span]:
    """Sorted spans, overlapping ones joined."""
    joined: list[Span] = []
    for start, end in sorted(spans):
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(joined[-1][1], end))
        else:
            joined.append((start, end))
    return joined


def _without_markup_left_in(text: str, index: array, rules: "_Rules") -> tuple[str, array]:
    """HTML character references a scraper left in the text (&ldquo;, &nbsp;, &#8220;) read as
    the characters they stand for, and stray tags (<br>, <p>) left out: each reference's first
    character becomes the character, the rest is deleted, so spans still point into the source."""
    found = list(rules.char_reference.finditer(text))
    tags = [match.span() for match in rules.stray_tag.finditer(text)]
    if not found and not tags:
        return text, index
    chars = list(text)
    gone: list[Span] = list(tags)
    for match in found:
        decoded = html.unescape(match.group())
        if len(decoded) != 1 or decoded == match.group():
            continue  # (an unknown name, or one that stands for more than a character)
        if decoded.isspace():
            gone.append(match.span())  # (&nbsp;: an indent, or a space a Chinese text has no use for)
            continue
        chars[match.start()] = decoded
        gone.append((match.start() + 1, match.end()))
    return _delete("".join(chars), index, gone)


def _delete(text: str, index: array, spans: Iterable[Span]) -> tuple[str, array]:
    """``text`` without ``spans``, and ``index`` without the matching entries."""
    spans = sorted(spans)
    if not spans:
        return text, index
    pieces: list[str] = []
    kept = array("i")
    position = 0
    for start, end in spans:
        if start > position:
            pieces.append(text[position:start])
            kept.extend(index[position:start])
        position = max(position, end)
    pieces.append(text[position:])
    kept.extend(index[position:len(text)])
    return "".join(pieces), kept


def _mark_table_cells(text: str, index: array, rules: "_Rules") -> tuple[str, array]:
    """The gaps between the cells of a table pasted as text become one tab each; every
    other tab becomes a space (see [tables] in the rules file)."""
    tabs: list[int] = []  # positions that become a tab ...
    gone: list[Span] = []  # ... and the rest of their gaps, deleted
    block: list[list[Span]] = []  # the gaps of the rows of the table being read
    has_digit = False

    def close_block() -> None:
        if sum(1 for gaps in block if gaps) >= rules.min_table_rows and has_digit:  # (wrapped lines are no rows)
            for gaps in block:
                for start, end in gaps:
                    tabs.append(start)
                    if end > start + 1:
                        gone.append((start + 1, end))
        block.clear()

    line_start = 0
    for line in text.split("\n"):
        if "\t" not in line and "  " not in line and "|" not in line and "│" not in line and "┃" not in line:
            if not (block and line and len(line) <= rules.max_cell_chars):
                close_block()  # most lines: no gap, no cell's wrapped text
                line_start += len(line) + 1
                continue
        inner = line.strip(" \t")
        if line.startswith("\t") and "\t" in inner:
            inner = line.rstrip(" \t")  # (a row whose first cell is empty, 序号 of a 合计 row: kept, the columns hold)
        gaps = []
        if inner:
            lo = line_start + (0 if inner.startswith("\t") else line.index(inner[0]))
            gaps = [m.span() for m in rules.cell_gap.finditer(text, lo, lo + len(inner))]
        cells = rules.cell_gap.split(inner)
        # (the last column may hold remarks, longer than a figure's cell: 备注)
        tabbed = bool(gaps) and all("\t" in text[start:end] for start, end in gaps)
        most, last = (rules.max_tabbed_cell_chars, rules.max_tabbed_cell_chars) if tabbed \
            else (rules.max_cell_chars, rules.max_last_cell_chars)
        cells_fit = bool(gaps) and all(len(cell) <= most for cell in cells[:-1]) \
            and len(cells[-1]) <= last and not rules.heading_number_cell.fullmatch(cells[0])
        if cells_fit:
            if not block:
                has_digit = False
            block.append(gaps)
            has_digit = has_digit or any(ch.isdigit() for ch in inner)
        elif block and inner and not gaps and len(inner) <= rules.max_cell_chars and block[-1]:
            block.append([])  # a cell's text wrapped onto a line of its own: the table goes on
        else:
            close_block()
        line_start += len(line) + 1
    close_block()
    if not tabs and "\t" not in text:
        return text, index  # no table, no stray tab: nothing to change
    marked = set(tabs)
    chars = list(text)
    for at, char in enumerate(chars):
        if char == "\t" and at not in marked:
            chars[at] = " "
    for at in tabs:
        chars[at] = "\t"
    return _delete("".join(chars), index, gone)


def _quote_mark_spans(text: str, rules: "_Rules") -> list[Span]:
    """The quote marks that open the lines of a document quoted in an e-mail (> 一、……)."""
    spans = _spans(rules.quote_marks, text)
    return spans if len(spans) >= rules.min_quoted_lines else []


def _pinyin_spans(text: str, rules: "_Rules") -> list[Span]:
    """Pinyin annotations after hanzi; toneless ones only beside tone-marked ones."""
    toned: list[Span] = []
    toneless: list[Span] = []
    for match in rules.pinyin.finditer(text):
        written = match.group(1)
        bare = written.translate(rules.tone_bases).lower().split()  # the syllables without tones
        if len(bare) > rules.max_syllables or not rules.syllables.issuperset(bare):
            continue
        if not rules.tone_letters.isdisjoint(written):
            toned.append(match.span())
        elif written.islower() and len(bare[0]) > 1:
            toneless.append(match.span())
    return toned + toneless if toned else []


def _space_spans(text: str, rules: "_Rules") -> list[Span]:
    """Spaces at line ends, runs beyond one space, and one space between CJK (PDF spacing)."""
    spans: list[Span] = []
    for match in rules.space_runs.finditer(text):
        start, end = match.span()
        if start == 0 or end == len(text) or text[start - 1] == "\n" or text[end] == "\n":
            spans.append((start, end))
        elif end - start > 1:
            spans.append((start + 1, end))
        elif rules.cjk_before_space.match(text[start - 1]) and rules.cjk_after_space.match(text[end]):
            spans.append((start, end))
    return spans


def _page_furniture_spans(text: str, rules: "_Rules") -> list[Span]:
    """Page-number lines and the running header or footer beside them, each with its
    line break (see [pages] in the rules file)."""
    if rules.page_line.search(text) is None:
        return []  # most texts: one scan
    lines: list[Span] = []  # (start, end) of every line, end before its "\n"
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        lines.append((start, end))
        start = end + 1
    numbered = [k for k, (a, b) in enumerate(lines) if rules.page_number.fullmatch(text, a, b)]
    if not numbered:
        return []
    beside: dict[str, list[int]] = {}  # a line's words -> the lines beside page numbers that hold them
    for k in numbered:
        for step in (-1, 1):
            n = k + step
            while 0 <= n < len(lines) and lines[n][0] == lines[n][1]:
                n += step  # over blank lines
            if 0 < n < len(lines) and n not in numbered:  # (the first line is the masthead, kept)
                words = text[lines[n][0]:lines[n][1]].strip()
                if words:
                    beside.setdefault(words, []).append(n)
    furniture = set(numbered)
    for where in beside.values():
        if len(set(where)) >= rules.min_running_lines:
            furniture.update(where)
    return [(lines[k][0], min(lines[k][1] + 1, len(text))) for k in sorted(furniture)]


def _figure_line_breaks(text: str, rules: "_Rules") -> list[Span]:
    """The line breaks around a figure set on a line of its own (see [figure_lines]): joined
    with its unit's line and with its label, the line above (新发展会员 / 2867 / 人) or, on a
    card whose label stands under the figure, the line below (1,318 / 家 / 全区基层工会组织)."""
    spans: list[Span] = []
    claimed = -1  # where the label line the card before took from under it starts
    below_before = False  # whether the card before took its label from under it
    last_card_end = -2  # where the card before ends (its last line's end)
    for match in rules.figure_line_probe.finditer(text):
        start = match.start()  # the break before the figure's line
        label_start = text.rfind("\n", 0, start) + 1
        label = text[label_start:start]
        line_end = text.find("\n", start + 1)
        line_end = len(text) if line_end < 0 else line_end
        figure = text[start + 1:line_end]
        if rules.figure_line.fullmatch(figure):
            card_end, breaks = line_end, [(start, start + 1)]
        elif rules.number_line.fullmatch(figure):
            unit_end = text.find("\n", line_end + 1)
            unit_end = len(text) if unit_end < 0 else unit_end
            if not (line_end < len(text) and rules.unit_line.fullmatch(text, line_end + 1, unit_end)):
                continue
            card_end, breaks = unit_end, [(start, start + 1), (line_end, line_end + 1)]
        else:
            continue
        above_ok = (bool(label) and len(label) <= rules.label_max_chars and "\u4e00" <= label[-1] <= "\u9fff"
                    and not rules.heading.match(label.lstrip()))  # (a numbered heading, then a figure of the body)
        below_end = text.find("\n", card_end + 1)
        below_end = len(text) if below_end < 0 else below_end
        below_label = card_end < len(text) and rules.card_label.fullmatch(text, card_end + 1, below_end) is not None
        above_start = text.rfind("\n", 0, max(0, label_start - 1)) + 1
        above_free = (above_ok and rules.card_label.fullmatch(label) is not None and label_start != claimed
                      and not (label_start and rules.card_part_heading.match(text, above_start)))
        # (not the label the card before took from under it, nor the subtitle under a part's heading)
        if below_label and (not above_free or (below_before and label_start == last_card_end + 1)):
            # (a run of cards keeps the side its first took: 52家 / 新建基层工会 / 3126 / 人 / 新发展会员)
            spans.extend(breaks[1:] + [(card_end, card_end + 1)])  # the label under the figure reads with it
            claimed, below_before = card_end + 1, True
        elif above_ok:
            spans.extend(breaks)
            below_before = False
        else:
            continue
        last_card_end = card_end
    return sorted(spans)


def _indented_line_starts(text: str, index: array, rules: "_Rules") -> frozenset[int]:
    """Source offsets of the first characters of lines indented as paragraphs open in print
    (two spaces, full-width or not), when the text's other lines start flush as hard-wrapped
    paragraphs go on: there an indented line always starts a paragraph.  Empty when no line is
    indented, or when nearly every line is (indentation then tells nothing)."""
    if "\n  " not in text and not text.startswith("  "):
        return frozenset()
    starts = [match.end() for match in rules.indented_line.finditer(text)]
    lines = text.count("\n") + 1 - text.count("\n\n")
    if not starts or (lines - len(starts)) < rules.min_flush_share * lines:
        return frozenset()
    return frozenset(index[start] for start in starts if start < len(index))


def _line_join_spans(text: str, rules: "_Rules", index: array = None,
                     indented: frozenset[int] = frozenset()) -> list[Span]:
    """Line breaks that split a sentence (page breaks, hard wrapping); never one before a
    line in ``indented`` (source offsets of lines that open a paragraph, mapped by ``index``).

    Each physical line is looked at a bounded number of times, so a long
    hard-wrapped text costs linear time.
    """
    spans: list[Span] = []
    paragraph = None  # the paragraph the last joined break extended ...
    paragraph_end = -1  # ... and where its last line ends
    # only breaks between the characters the join rules allow there (a third
    # of them); any other break starts a new paragraph, read when needed
    for match in rules.join_candidates.finditer(text):
        start, end = match.span()
        if indented and index[end] in indented:
            paragraph_end = -1
            continue
        if paragraph_end != start:
            paragraph = _Paragraph(text[text.rfind("\n", 0, start) + 1:start], rules)
        next_end = text.find("\n", end)
        after = text[end:next_end if next_end >= 0 else len(text)]
        if _joins(paragraph, after, rules):
            spans.append((start, end))
            paragraph.extend(after, rules)
            paragraph_end = end + len(after)
        else:
            paragraph_end = -1
    return spans


class _Paragraph:
    """What the join rules need of the (possibly already joined) line before a break."""

    __slots__ = ("first", "last", "length", "prose", "single")

    def __init__(self, line: str, rules: "_Rules"):
        self.first = self.last = line  # the first line tells headings, the last how it ends
        self.length = len(line)
        self.prose = rules.prose.search(line) is not None
        self.single = True

    def extend(self, line: str, rules: "_Rules") -> None:
        self.last = line
        self.length += len(line)
        self.prose = self.prose or rules.prose.search(line) is not None
        self.single = False


_HEADING_WITH_BODY = re.compile(r"[。;；]\s*\S")  # (一)坚持建功立业主题。每年组织……: the body follows


def _joins(before: _Paragraph, after: str, rules: "_Rules") -> bool:
    """Whether the break between ``before`` and ``after`` splits one paragraph
    (a break ``rules.join_candidates`` found: the characters beside it may join)."""
    if "\t" in before.last or "\t" in after:
        return False  # a table's rows (their cells are marked by now)
    if before.length < rules.min_line_chars or not before.prose:
        return False  # the quick checks first (all of them are needed, in any order)
    if rules.heading.match(after) or rules.label.match(after) or rules.paragraph_start.match(after):
        return False
    if not rules.prose.search(after):
        return False
    if (before.length <= rules.heading_max_chars and (rules.heading.match(before.first) or rules.label.match(before.first))
            and not _HEADING_WITH_BODY.search(before.first)):
        return False  # a numbered heading or a "field: value" line (not one whose body goes on)
    if before.last.endswith(rules.stop_endings):
        return False  # a title or a photo credit
    if before.single and before.length <= 2 * rules.heading_max_chars and before.first.count(":") > rules.max_colons:
        return False  # a "时间:... 来源:..." metadata line
    if len(after) <= rules.heading_max_chars and after.endswith(rules.title_endings):
        return False
    title_like = len(after) < rules.min_line_chars and after[-1].isalnum()
    return not title_like


@dataclass(frozen=True)
class _Rules:
    t2s: dict[int, str]
    table: dict[int, str]
    foldable: re.Pattern  # any character ``table`` maps
    code_table: "np.ndarray"  # the same mapping, entry i the code point that i folds to
    crlf: re.Pattern
    junk: re.Pattern
    pinyin: re.Pattern
    tone_letters: frozenset[str]
    tone_bases: dict[int, str]
    syllables: frozenset[str]
    max_syllables: int
    space_runs: re.Pattern
    indented_line: re.Pattern  # a line opening with two spaces or more (its first character after them)
    min_flush_share: float  # of the lines: indentation tells paragraphs apart only when this many start flush
    cjk_before_space: re.Pattern
    cjk_after_space: re.Pattern
    join_candidates: re.Pattern  # a run of line breaks between a join_after and a join_before character
    char_reference: re.Pattern  # &ldquo; &nbsp; &#8220; &#x201C;: a character reference left in text
    filled_blank: re.Pattern  # the underscores around a figure written into a form's blank
    any_blank: re.Pattern  # a form's blank, filled or not
    stray_tag: re.Pattern  # <br>, <p>, </span>: a tag left in text
    card_label: re.Pattern  # a card's label line: a few words, no figure and no punctuation of a sentence
    card_part_heading: re.Pattern  # a post's part heading (01 组织建设, ▍送温暖): the line under it is its subtitle
    paragraph_formats: frozenset  # formats whose every line is a paragraph: no break of theirs is deleted
    heading: re.Pattern
    label: re.Pattern
    paragraph_start: re.Pattern  # a dateline (本报讯): the line starts a paragraph
    prose: re.Pattern
    min_line_chars: int
    heading_max_chars: int
    max_colons: int
    stop_endings: tuple[str, ...]
    title_endings: tuple[str, ...]
    cell_gap: re.Pattern  # the gap between two cells of a table row
    page_number: re.Pattern  # a page-number line
    page_line: re.Pattern  # a page-number line anywhere in a text
    min_running_lines: int
    max_cell_chars: int
    max_last_cell_chars: int
    max_tabbed_cell_chars: int  # a cell between tabs may be a sentence
    heading_number_cell: re.Pattern
    rule_line: re.Pattern
    row_edges: re.Pattern
    quote_marks: re.Pattern
    min_quoted_lines: int
    min_table_rows: int
    ocr_probe: re.Pattern  # a Latin letter beside a digit: an OCR look-alike may be there
    ocr_zero: re.Pattern
    ocr_one: re.Pattern
    figure_line_probe: re.Pattern  # a line break before a line that starts with a figure
    number_line: re.Pattern
    unit_line: re.Pattern
    figure_line: re.Pattern
    label_max_chars: int


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = load_toml(_RULES_FILE)
    try:
        return _compile_rules(data)
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise DataFileError(f"extractor/data/{_RULES_FILE}", f"bad rule: {exc!r}") from exc


def _compile_rules(data: dict) -> _Rules:
    classes = data["classes"]
    notes = data["annotations"]
    lines = data["lines"]
    t2s = _t2s_table(frozenset(data["t2s"]["keep"]))
    tone_letters, tone_bases = notes["tone_letters"], notes["tone_bases"]
    letters = "a-zA-Zü" + tone_letters
    table = _translation_table(t2s, data["width"], data["space"])
    return _Rules(
        t2s=t2s,
        table=table,
        foldable=re.compile(_character_class(table)),
        code_table=_code_table(table),
        crlf=re.compile(r"\r(?=\n)"),
        # first one character of either kind, so the engine skips to it in one
        # quick scan; then the rest of a run of deletable characters or of a
        # parenthesised emoji run ("(" is no deletable character)
        junk=re.compile(rf"[{data['space']['delete']}(](?:(?<=[{data['space']['delete']}])[{data['space']['delete']}]*"
                        rf"|(?<=\()(?:[{classes['emoji']}]){{1,{notes['emoji_max']}}}\))"),
        # the literal "(" comes first so the scan is fast; the look-behind then wants a hanzi before it
        pinyin=re.compile(rf"\((?<=[{classes['hanzi']}]\() ?([{letters}]+(?: [{letters}]+)*) ?\)"),
        tone_letters=frozenset(tone_letters),
        tone_bases=str.maketrans(tone_letters, tone_bases),
        syllables=frozenset(" ".join(load_lines(_PINYIN_FILE)).split()),
        max_syllables=notes["max_syllables"],
        indented_line=re.compile(r"(?:^|(?<=\n))[ ]{2,}(?=\S)"),
        min_flush_share=float(lines["min_flush_share"]),
        space_runs=re.compile("  *"),  # " +" written to begin with a literal, which re searches for quickly
        cjk_before_space=re.compile(f"[{classes['hanzi']}{classes['cjk_punct']},;:!?%)]"),
        cjk_after_space=re.compile(f"[{classes['hanzi']}{classes['cjk_punct']}]"),
        paragraph_formats=frozenset(lines["paragraph_formats"]),
        char_reference=re.compile(data["markup_left_in"]["char_reference"]),
        filled_blank=re.compile(data["markup_left_in"]["filled_blank"]),
        any_blank=re.compile(data["markup_left_in"]["any_blank"]),
        stray_tag=re.compile(data["markup_left_in"]["stray_tag"]),
        card_label=re.compile(data["figure_lines"]["card_label"]),
        card_part_heading=re.compile(data["figure_lines"]["card_part_heading"]),
        # a whole run of breaks, written to begin with its first "\n" so re
        # searches for that quickly; the characters beside it checked around it
        join_candidates=re.compile(f"\n(?<=[{lines['join_after']}]\n)(?<!\n\n)\n*+(?=[{lines['join_before']}])"),
        heading=re.compile(lines["heading_start"]),
        label=re.compile(lines["label_start"]),
        paragraph_start=re.compile(lines["paragraph_start"]),
        prose=re.compile(f"[{re.escape(lines['prose_marks'])}]"),
        min_line_chars=lines["min_line_chars"],
        heading_max_chars=lines["heading_max_chars"],
        max_colons=lines["max_colons"],
        stop_endings=tuple(lines["title_endings"]) + tuple(lines["credit_endings"]),
        title_endings=tuple(lines["title_endings"]),
        cell_gap=re.compile(data["tables"]["cell_gap"]),
        max_cell_chars=data["tables"]["max_cell_chars"],
        max_last_cell_chars=data["tables"]["max_last_cell_chars"],
        max_tabbed_cell_chars=data["tables"]["max_tabbed_cell_chars"],
        heading_number_cell=re.compile(data["tables"]["heading_number_cell"]),
        rule_line=re.compile(data["tables"]["rule_line"]),
        row_edges=re.compile(data["tables"]["row_edges"]),
        quote_marks=re.compile(data["mail"]["quote_marks"]),
        min_quoted_lines=data["mail"]["min_quoted_lines"],
        min_table_rows=data["tables"]["min_rows"],
        ocr_probe=re.compile(r"[0-9][Oo]|[lI][0-9]"),
        ocr_zero=re.compile(data["ocr"]["zero"]),
        ocr_one=re.compile(data["ocr"]["one"]),
        figure_line_probe=re.compile(r"\n(?=(?:超|近|约|逾)?[0-9])"),
        number_line=re.compile(data["figure_lines"]["number_line"]),
        unit_line=re.compile(data["figure_lines"]["unit_line"]),
        figure_line=re.compile(data["figure_lines"]["figure_line"]),
        label_max_chars=data["figure_lines"]["label_max_chars"],
        page_number=re.compile(data["pages"]["page_number"]),
        page_line=re.compile(f"^(?:{data['pages']['page_number']})$", re.M),
        min_running_lines=data["pages"]["min_running"],
    )


def _translation_table(t2s: dict[int, str], width: dict, space: dict) -> dict[int, str]:
    table = dict(t2s)
    for first, last, target in width["ranges"]:
        offset = ord(target) - ord(first)
        table.update({code: chr(code + offset) for code in range(ord(first), ord(last) + 1)})
    table.update({ord(key): value for key, value in width["chars"].items()})
    table.update({ord(char): " " for char in space["to_space"]})
    table.update({ord(char): "\n" for char in space["to_newline"]})
    if any(len(value) != 1 for value in table.values()):
        raise ValueError("every mapping must give exactly one character")
    return table


def _character_class(table: dict[int, str]) -> str:
    """A character class of the keys of ``table``, consecutive ones as ranges;
    every character past the BMP is in it too: re tests those of a class one
    by one, while a BMP class is one table look-up (a false hit only sends
    the text through the translation, which then changes nothing there)."""
    codes = sorted(code for code in table if code <= 0xFFFF)
    parts = ["\U00010000-\U0010FFFF"]
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        first, last = re.escape(chr(codes[i])), re.escape(chr(codes[j]))
        parts.append(first if i == j else f"{first}-{last}")
        i = j + 1
    return f"[{''.join(parts)}]"


def _code_table(table: dict[int, str]) -> "np.ndarray":
    codes = np.arange(max(table, default=-1) + 1, dtype=_CODE_POINT)
    for code, target in table.items():
        codes[code] = ord(target)
    return codes


def _t2s_table(keep: frozenset[str]) -> dict[int, str]:
    """Traditional -> simplified, one character to one (opencc's TSCharacters)."""
    path = resources.files("opencc").joinpath("dictionary", "TSCharacters.txt")
    table: dict[int, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        source, _, targets = line.partition("\t")
        candidates = targets.split()
        if len(source) == 1 and candidates and len(candidates[0]) == 1 and source not in keep:
            if candidates[0] != source:
                table[ord(source)] = candidates[0]
    return table
