"""PDF files with a text layer: the text of every page as printed, in reading order.

Read with PDFium (pypdfium2), the engine Chrome uses: fast, and tolerant of
the malformed files that office suites and scanners write.  A printed line
becomes a line of the text, pages are joined with a form feed ("\f", which
the cleaning step reads as a page break, so a footer such as ``— 3 —``
stays a line of its own), and a wide gap between two pieces of text on one
line (a table's columns, laid out without ruling) becomes a tab, as a cell
separator does in pasted text.

The text keeps the printed lines, so a figure wrapped at the margin
(``1,1⏎87个``) is quoted as the page shows it; but the page's geometry says
which line breaks only wrap a paragraph: a line that runs to the right margin
with the next one starting at the left margin.  Those breaks are passed on
as markup (``SourceText.markup``), which the normalised copy leaves out, so
the pipeline reads the paragraph whole whatever the width of the column.

What the PDF draws as an image (a scanned page, a stamp) has no text: a file
of scanned pages is refused with the reason, since it needs OCR first.
Rules: ``data/read_pdf.toml``.

The page geometry (a wide gap parts cells; margins found, wrapping breaks
marked, pages joined) is shared with the OFD reader (``read/ofd.py``):
``laid_out`` takes the printed lines of any paged format, and
``printed_lines`` makes them from placed glyphs for a format that, unlike
PDFium's text page, does not group its characters into lines itself.
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

import regex

from ..errors import EmptyInput, UndecodableInput
from ..records import Span
from ..resources import load_toml


@dataclass(frozen=True)
class _Rules:
    cell_gap: float  # in font sizes
    margin_slack: float  # in font sizes
    indent_reach: float  # in font sizes
    min_measured_chars: int
    heading_start: regex.Pattern
    baseline_slack: float  # in font sizes; the rest: glyphs placed by the reader (printed_lines)
    space_gap: float  # in font sizes
    overprint: float  # in font sizes
    narrow_width: float  # in font sizes


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    raw = load_toml("read_pdf.toml")
    glyphs = raw["glyphs"]
    return _Rules(float(raw["cell_gap_in_font_sizes"]), float(raw["margin_slack_in_font_sizes"]),
                  float(raw["indent_in_font_sizes"]), int(raw["min_measured_chars"]),
                  regex.compile(load_toml("clean_rules.toml")["lines"]["heading_start"]),
                  float(glyphs["baseline_slack_in_font_sizes"]), float(glyphs["space_gap_in_font_sizes"]),
                  float(glyphs["overprint_in_font_sizes"]), float(glyphs["narrow_width_in_font_sizes"]))


@dataclass
class PrintedLine:
    """One printed line of a page: its text (cells parted by tabs) and where it stands."""

    text: str
    left: float  # where its first and last printed characters stand (points, millimetres: any one unit)
    right: float
    size: float  # its font size (0.0 for a line of nothing printed)


@dataclass(frozen=True)
class Glyph:
    """A character placed on a page (its width: ``nominal_width``)."""

    text: str
    left: float
    baseline: float  # growing down the page
    size: float  # font size, in the unit of the positions
    run: int | None = None  # glyphs of one run (same number) are never parted by a space: a run holds its own


def pdf_to_text(data: bytes, source: str) -> tuple[str, tuple[Span, ...]]:
    """The text layer of a PDF's pages, joined by form feeds, and the spans of the line
    breaks that only wrap a paragraph."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise UndecodableInput(source, _reason_of(exc)) from exc
    try:
        pages = [_page_lines(document, number) for number in range(len(document))]
    except pdfium.PdfiumError as exc:
        raise UndecodableInput(source, f"not a readable PDF: a page is damaged ({exc})") from exc
    finally:
        document.close()
    text, wraps = laid_out(pages)
    if not text.strip():
        raise EmptyInput(source, f"PDF of {len(pages)} page(s) has no text layer "
                                 "(scanned pages need OCR before they can be read)")
    return text, wraps


def _reason_of(exc: Exception) -> str:
    code = getattr(exc, "err_code", None)
    if code == 4 or "password" in str(exc).lower():  # (FPDF_ERR_PASSWORD)
        return "PDF is encrypted with a password; save an unprotected copy to read it"
    if code == 3:  # (FPDF_ERR_FORMAT)
        return "not a readable PDF: its structure is damaged or the file is cut short"
    return f"not a readable PDF ({exc})"


def _page_lines(document, number: int) -> list[PrintedLine]:
    import pypdfium2.raw as pdfium_c

    page = document[number]
    textpage = page.get_textpage()
    try:
        raw = textpage.get_text_range()
        characters = list(raw)
        lines = []
        start = 0
        # PDFium numbers its text page's characters as the text it returns, the spaces and line
        # breaks it generates included, so a character's box is found by its place in the text
        for end in [*_line_ends(raw), len(raw)]:
            printed = [i for i in range(start, end) if not raw[i].isspace()]
            if printed:
                size = max(pdfium_c.FPDFText_GetFontSize(textpage.raw, printed[-1]), 1.0)
                for i in range(printed[0] + 1, printed[-1]):
                    # a space across a wide gap parts two cells of a table
                    if raw[i] == " " and parts_cells(textpage.get_charbox(i + 1)[0] - textpage.get_charbox(i - 1)[2],
                                                     size):
                        characters[i] = "\t"
                text = "".join(characters[start:end]).replace("\r", "\n")
                lines.append(PrintedLine(text, textpage.get_charbox(printed[0])[0],
                                         textpage.get_charbox(printed[-1])[2], size))
            elif end > start:
                lines.append(PrintedLine("".join(characters[start:end]).replace("\r", "\n"), 0.0, 0.0, 0.0))
            start = end + 2
        return lines
    finally:
        textpage.close()
        page.close()


def _line_ends(raw: str):
    at = raw.find("\r\n")
    while at >= 0:
        yield at
        at = raw.find("\r\n", at + 2)


def parts_cells(gap: float, size: float) -> bool:
    """Whether a gap this wide between two pieces of text on one line parts two cells of a table."""
    return gap > _rules().cell_gap * size


def printed_lines(glyphs: Iterable[Glyph]) -> list[PrintedLine]:
    """A page's glyphs as its printed lines, top to bottom: glyphs on one baseline (within a slack)
    make a line, read left to right; a wide gap between two of them parts cells (a tab), a
    narrower one words (a space) unless both glyphs belong to one run, whose spaces are its own
    characters (a Latin capital is wider than its nominal width).  A glyph printed twice in one
    place (a bold face faked by overprinting) is read once; spaces ending a line are left out."""
    rules = _rules()
    rows: list[list[Glyph]] = []
    for glyph in sorted(glyphs, key=lambda glyph: (glyph.baseline, glyph.left)):
        if rows and abs(glyph.baseline - rows[-1][0].baseline) <= rules.baseline_slack * max(glyph.size, rows[-1][0].size):
            rows[-1].append(glyph)
        else:
            rows.append([glyph])
    lines = []
    for row in rows:
        row.sort(key=lambda glyph: glyph.left)
        parts: list[str] = []
        last: Glyph | None = None
        for glyph in row:
            if not glyph.text:
                continue
            if last is not None:
                size = max(glyph.size, last.size)
                if glyph.text == last.text and abs(glyph.left - last.left) <= rules.overprint * size:
                    continue
                gap = glyph.left - _right_of(last)
                if parts_cells(gap, size):
                    parts.append("\t")
                elif (gap > rules.space_gap * size and (glyph.run is None or glyph.run != last.run)
                      and not parts[-1].endswith(" ") and not glyph.text.startswith(" ")):
                    parts.append(" ")
            parts.append(glyph.text)
            last = glyph
        printed = [glyph for glyph in row if glyph.text.strip()]
        if printed:
            lines.append(PrintedLine("".join(parts).rstrip(" "), printed[0].left, _right_of(printed[-1]),
                                     printed[-1].size))
    return lines


def _right_of(glyph: Glyph) -> float:
    return glyph.left + glyph.size * sum(nominal_width(ch) for ch in glyph.text)


def nominal_width(ch: str) -> float:
    """A character's width in font sizes, for a format that places glyphs without saying how wide
    each is: a Chinese character fills its font size, a Latin letter or digit about half of it."""
    return _rules().narrow_width if unicodedata.east_asian_width(ch) in ("Na", "H") else 1.0


def laid_out(pages: list[list[PrintedLine]]) -> tuple[str, tuple[Span, ...]]:
    """The pages' text, joined by form feeds, and the spans of their wrapping line breaks."""
    rules = _rules()
    measured = [line for lines in pages for line in lines
                if line.size and len(line.text.strip()) >= rules.min_measured_chars and "\t" not in line.text]
    # justified lines share one right edge, the margin; the leftmost of them starts at the left one
    # (the others at a paragraph's indent)
    right = _most_common(line.right for line in measured)
    left = min((line.left for line in measured if right is not None
                and abs(line.right - right) <= rules.margin_slack * line.size), default=None)
    parts: list[str] = []
    wraps: list[Span] = []
    at = 0
    for number, lines in enumerate(pages):
        if number:
            parts.append("\f")
            at += 1
        for index, line in enumerate(lines):
            parts.append(line.text)
            at += len(line.text)
            if index + 1 < len(lines):
                if right is not None and left is not None and _wraps(line, lines[index + 1], left, right, rules):
                    wraps.append((at, at + 1))
                parts.append("\n")
                at += 1
    return "".join(parts), tuple(wraps)


def _wraps(line: PrintedLine, following: PrintedLine, left: float, right: float, rules: _Rules) -> bool:
    """Whether the break after ``line`` only wraps its paragraph onto ``following``."""
    if not line.size or not following.size or "\t" in line.text or "\t" in following.text:
        return False
    return (abs(line.right - right) <= rules.margin_slack * line.size  # it runs to the right margin,
            and line.left - left <= rules.indent_reach * line.size  # from the left one or a paragraph's indent
            and abs(following.left - left) <= rules.margin_slack * following.size  # the next starts at the margin
            and not rules.heading_start.match(following.text))  # and is no heading


def _most_common(values) -> float | None:
    counts = Counter(round(value) for value in values)
    return float(counts.most_common(1)[0][0]) if counts else None
