"""Lay a 公文 written as UTF-8 text out as printed PDF pages (reportlab), as an office suite
would export it: A4, 仿宋-like song face, body lines justified to a fixed width, paragraphs
indented two characters, a ``— N —`` page number at the foot of every page, an optional
running header, and tables drawn as columns of text without ruling.

For the corpus's PDF samples (``scripts/make_corpora.py``) and the reader's tests; not part of
the toolkit (reportlab is a dev dependency).

Source conventions, one line of source per paragraph:

- ``#c `` centres the line (a title), ``#r `` sets it flush right (signature, date);
- a line holding tabs is a table row: its cells go to fixed columns;
- an empty line is an empty line of the page;
- any other line is a paragraph, wrapped at ``chars_per_line`` full-width characters
  (half-width ones count half).
"""
from __future__ import annotations

import io
import unicodedata

FONT = "STSong-Light"  # one of the CID fonts every PDF reader knows, so nothing is embedded
PAGE_WIDTH, PAGE_HEIGHT = 595.27, 841.89  # A4 in points


def text_units(text: str) -> float:
    """Width in full-width characters (the OFD writer lays its lines out by it too)."""
    return sum(0.5 if unicodedata.east_asian_width(ch) in ("Na", "H") else 1.0 for ch in text)


def wrapped_lines(paragraph: str, chars_per_line: int) -> list[str]:
    """``paragraph`` hard-wrapped at ``chars_per_line`` full-width characters, as a 公文 is printed."""
    lines, current = [], ""
    for ch in paragraph:
        if text_units(current + ch) > chars_per_line:
            lines.append(current)
            current = ""
        current += ch
    return lines + [current]


def gongwen_pdf(source: str, *, chars_per_line: int = 28, lines_per_page: int = 22,
                font_size: float = 16.0, running_header: str | None = None,
                column_width: float = 110.0) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), invariant=1)  # (no timestamp: reproducible)
    left = (PAGE_WIDTH - chars_per_line * font_size) / 2
    line_height = font_size * 1.75
    top = PAGE_HEIGHT - 90
    page_lines: list[tuple[str, str]] = []  # (how, text) for the page being filled
    pages: list[list[tuple[str, str]]] = []
    for paragraph in source.split("\n"):
        if paragraph.startswith(("#c ", "#r ")):
            items = [(paragraph[:2], paragraph[3:])]
        elif "\t" in paragraph:
            items = [("table", paragraph)]
        elif not paragraph.strip():
            items = [("blank", "")]
        else:
            wrapped = wrapped_lines(paragraph, chars_per_line)
            items = [("full", line) for line in wrapped[:-1]] + [("last", wrapped[-1])]
        for item in items:
            page_lines.append(item)
            if len(page_lines) == lines_per_page:
                pages.append(page_lines)
                page_lines = []
    if page_lines:
        pages.append(page_lines)
    for number, lines in enumerate(pages, 1):
        if running_header:
            pdf.setFont(FONT, 10.5)
            pdf.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 50, running_header)
        y = top
        for how, text in lines:
            pdf.setFont(FONT, font_size)
            if how == "#c":
                pdf.drawCentredString(PAGE_WIDTH / 2, y, text)
            elif how == "#r":
                pdf.drawRightString(left + chars_per_line * font_size, y, text)
            elif how == "table":
                pdf.setFont(FONT, font_size * 0.75)
                for column, cell in enumerate(text.split("\t")):
                    pdf.drawString(left + column * column_width, y, cell)
            elif how in ("full", "last"):
                drawn = pdf.beginText(left, y)
                drawn.setFont(FONT, font_size)
                if how == "full" and len(text) > 1:  # justified: the line's slack spread between its characters
                    slack = chars_per_line * font_size - pdfmetrics.stringWidth(text, FONT, font_size)
                    drawn.setCharSpace(max(0.0, slack / (len(text) - 1)))
                # (PDFium leaves out a run of one character drawn in a font that is not embedded, as a
                # paragraph's last 。 alone on its line is: a space after it keeps it in the text)
                drawn.textOut(text + " " if len(text) == 1 else text)
                pdf.drawText(drawn)
            y -= line_height
        pdf.setFont(FONT, 14)
        pdf.drawCentredString(PAGE_WIDTH / 2, 50, f"— {number} —")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()
