"""Markdown files (``.md``): the text as written, and where its markup is.

Online document tools export work reports as Markdown: ``## 一、…`` headings,
``**bold**`` figures, bullets, pipe tables, links.  Unlike HTML, Markdown is
text a user reads as it is, so the file's decoded text stays the text every
span points into; the reader only marks the markup (``SourceText.markup``),
which normalising leaves out of the copy the pipeline reads, and passes the
``#`` depth of headings on as ``heading_lines`` (as Word's heading styles are),
with depth 0 for the items of ordered lists, which head nothing there.
Rules: ``data/read_markdown.toml``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..records import Span
from ..resources import load_toml


@dataclass(frozen=True)
class _Rules:
    drop_line: regex.Pattern
    heading_open: regex.Pattern
    heading_close: regex.Pattern
    line_marks: regex.Pattern
    ordered_item: regex.Pattern
    table_row: regex.Pattern
    outer_bar: regex.Pattern
    inline_drop: regex.Pattern
    link: regex.Pattern
    emphasis: regex.Pattern
    escape: regex.Pattern


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    raw = load_toml("read_markdown.toml")
    return _Rules(**{name: regex.compile(raw[name]) for name in _Rules.__dataclass_fields__})


@lru_cache(maxsize=1)
def _sniffers() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern, int]:
    raw = load_toml("read_markdown.toml")
    return (regex.compile(raw["sniff_heading"]), regex.compile(raw["sniff_bold"]),
            regex.compile(raw["sniff_table_rule"]), raw["sniff_min_marks"])


def looks_like_markdown(text: str) -> bool:
    """Whether a plain-text file is written in Markdown (# headings, **bold**, a pipe table's
    rule): an editor's export saved as .txt, read as Markdown."""
    if "#" not in text and "**" not in text:
        return False  # (most files: neither mark)
    heading, bold, table_rule, least = _sniffers()
    marks = len(heading.findall(text)) + len(bold.findall(text)) + 2 * len(table_rule.findall(text))
    return marks >= least


def markdown_markup(text: str) -> tuple[tuple[Span, ...], tuple[tuple[int, int, int], ...]]:
    """``(markup, headings)`` of a Markdown text: the spans of its markup, and
    (start, end, depth) of its ATX headings, the depth counted from the
    document's top (a lone ``#`` heading that opens the text is its title)."""
    rules = _rules()
    markup: list[Span] = []
    atx: list[tuple[int, int, int]] = []  # (text start, text end, number of #'s)
    items: list[tuple[int, int, int]] = []  # ordered-list items, (start, end, 0)
    in_fence = False  # inside a fenced code block: its lines are text as written
    at = 0
    for line in text.split("\n"):
        body = line.rstrip("\r")
        fence = body.lstrip().startswith(("```", "~~~"))
        if fence or (not in_fence and rules.drop_line.match(body)):
            in_fence = in_fence != fence
            markup.append((at, min(at + len(line) + 1, len(text))))
        elif not in_fence:
            markup.extend((at + start, at + end) for start, end in _line_markup(rules, body, at, atx))
            if rules.ordered_item.match(body):
                items.append((at, at + len(body), 0))
        at += len(line) + 1
    # depth 0: a line that heads nothing (find_headings); a list's items are no headings where
    # the author marks the headings with #'s
    headings = _depths(atx)
    if atx:
        headings = tuple(sorted(headings + tuple(items)))
    return tuple(sorted(markup)), headings  # (normalize joins overlapping spans)


def _line_markup(rules: _Rules, line: str, at: int, atx: list) -> list[Span]:
    """Spans (in ``line``) of one line's markup; an ATX heading is noted in ``atx``."""
    found: list[Span] = []
    content = 0
    heading = rules.heading_open.match(line)
    if heading:
        content = heading.end()
        found.append((0, content))
        closing = rules.heading_close.search(line, content)
        if closing:
            found.append(closing.span())
        atx.append((at + content, at + (closing.start() if closing else len(line)), len(heading.group(1))))
    else:
        marks = rules.line_marks.match(line)
        if marks and marks.end():
            content = marks.end()
            found.append((0, content))
        row = line[content:]
        if rules.table_row.match(row):
            found.extend((content + m.start(), content + m.end()) for m in rules.outer_bar.finditer(row)
                         if m.end() > m.start())
    found.extend(m.span() for m in rules.inline_drop.finditer(line, content))
    for match in rules.link.finditer(line, content):
        found.append((match.start(), match.start("text")))  # [
        found.append((match.end("text"), match.end()))  # ](target)
    for match in rules.emphasis.finditer(line, content):
        mark = len(match.group("mark") or match.group("single"))
        found.append((match.start(), match.start() + mark))
        found.append((match.end() - mark, match.end()))
    found.extend(m.span() for m in rules.escape.finditer(line, content))
    return found


def _depths(atx: list[tuple[int, int, int]]) -> tuple[tuple[int, int, int], ...]:
    """Depths from the #'s: the fewest #'s used are depth 1, unless a single heading
    with them opens the document, which is then its title and heads no section."""
    if not atx:
        return ()
    top = min(marks for _, _, marks in atx)
    if atx[0][2] == top and sum(1 for _, _, marks in atx if marks == top) == 1:
        return tuple((start, end, marks - top) for start, end, marks in atx[1:])
    return tuple((start, end, marks - top + 1) for start, end, marks in atx)
