"""PDF files with a text layer: the text of every page, in reading order.

Read with PDFium (pypdfium2), the engine Chrome uses: fast, and tolerant of
the malformed files that office suites and scanners write.  A line break of
the page becomes "\n", pages are joined with a form feed ("\f", which the
cleaning step reads as a page break, so a footer such as ``— 3 —`` stays a
line of its own), and a wide gap between two pieces of text on one line (a
table's columns, laid out without ruling) becomes a tab, as a cell
separator does in pasted text.  What the PDF draws as an image (a scanned
page, a stamp) has no text: a file of scanned pages is refused with the
reason, since it needs OCR first.
"""
from __future__ import annotations

from ..errors import EmptyInput, UndecodableInput
from ..resources import load_toml

_RULES_FILE = "read_pdf.toml"


def pdf_to_text(data: bytes, source: str) -> str:
    """The text layer of a PDF's pages, joined by form feeds."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise UndecodableInput(source, _reason_of(exc)) from exc
    try:
        pages = [_page_text(document, number) for number in range(len(document))]
    finally:
        document.close()
    text = "\f".join(pages)
    if not text.strip():
        raise EmptyInput(source, f"PDF of {len(pages)} page(s) has no text layer "
                                 "(scanned pages need OCR before they can be read)")
    return text


def _reason_of(exc: Exception) -> str:
    code = getattr(exc, "err_code", None)
    if code == 4 or "password" in str(exc).lower():  # (FPDF_ERR_PASSWORD)
        return "PDF is encrypted with a password; save an unprotected copy to read it"
    if code == 3:  # (FPDF_ERR_FORMAT)
        return "not a readable PDF: its structure is damaged or the file is cut short"
    return f"not a readable PDF ({exc})"


def _page_text(document, number: int) -> str:
    import pypdfium2.raw as pdfium_c

    page = document[number]
    textpage = page.get_textpage()
    try:
        raw = textpage.get_text_range()
        if not raw:
            return ""
        gap_in_font_sizes = load_toml(_RULES_FILE)["cell_gap_in_font_sizes"]
        characters = list(raw)
        # PDFium numbers its text page's characters as the text it returns, the spaces and line
        # breaks it generates included: a generated space across a wide gap parts two cells
        for index, character in enumerate(raw):
            if character != " " or index == 0 or index + 1 >= len(raw):
                continue
            before = textpage.get_charbox(index - 1)
            after = textpage.get_charbox(index + 1)
            size = max(pdfium_c.FPDFText_GetFontSize(textpage.raw, index - 1),
                       pdfium_c.FPDFText_GetFontSize(textpage.raw, index + 1), 1.0)
            if after[0] - before[2] > gap_in_font_sizes * size:
                characters[index] = "\t"
        return "".join(characters).replace("\r\n", "\n").replace("\r", "\n")
    finally:
        textpage.close()
        page.close()
