"""Word ``.docx`` files: body paragraphs and table cells, in document order.

Paragraphs are joined with "\n".  A table row becomes one line with its
cells separated by a tab (a short cell holding several paragraphs joins them
with a space, a long one keeps them on separate lines); cells merged across
columns are read once.  Page headers,
footers, footnotes and text boxes are not read.
"""
from __future__ import annotations

from typing import Optional

import io
import re
import zipfile
import zlib

from ..errors import CorruptArchive, EmptyInput, InputTooLarge
from . import base
from .html import data_cell_max_chars

# how much larger than the input limit a docx's unpacked parts may be
_EXPANSION_FACTOR = 5


def docx_to_text(data: bytes, source: str) -> str:
    return docx_to_text_and_headings(data, source)[0]


def docx_to_text_and_headings(data: bytes, source: str) -> tuple[str, tuple]:
    """The text, and (start, end, level) of the body paragraphs styled as headings."""
    from docx.oxml.ns import qn

    body = _open_document(data, source).element.body
    lines: list[str] = []
    headings = []
    at = 0
    for child in body.iterchildren():
        found = list(_block_lines_of(child))
        level = _heading_level(child) if child.tag == qn("w:p") else None
        for line in found:
            if level is not None and line.strip():
                start = at + len(line) - len(line.lstrip())
                headings.append((start, at + len(line.rstrip()), level))
            lines.append(line)
            at += len(line) + 1
    text = "\n".join(lines)
    if not text.strip():
        raise EmptyInput(source, "Word document has no text")
    return text, tuple(headings)


_HEADING_STYLE = re.compile(r"(?:[Hh]eading|标题)\s*([1-9])$")


def _heading_level(paragraph) -> Optional[int]:
    """1, 2, ... for a paragraph styled Heading N (or 标题 N), else None."""
    from docx.oxml.ns import qn

    style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    found = _HEADING_STYLE.match(style.get(qn("w:val")) or "") if style is not None else None
    return int(found.group(1)) if found else None


def _open_document(data: bytes, source: str):
    import docx  # python-docx; imported on use
    from docx.opc.exceptions import OpcError
    from lxml.etree import LxmlError

    _check_expansion(data, source)
    try:
        return docx.Document(io.BytesIO(data))
    # python-docx lets the errors of zipfile, zlib and lxml through on broken
    # files, and KeyError/ValueError on a package that is not a Word document
    except (zipfile.BadZipFile, zlib.error, OpcError, KeyError, ValueError, LxmlError, EOFError,
            NotImplementedError) as exc:
        raise CorruptArchive(source, f"corrupt .docx file ({_reason(exc)})") from exc


def _check_expansion(data: bytes, source: str) -> None:
    """Refuse a docx whose parts unpack to far more than the input limit (a zip bomb)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            unpacked = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError) as exc:
        raise CorruptArchive(source, "corrupt .docx file (not a zip container)") from exc
    if unpacked > _EXPANSION_FACTOR * base.MAX_INPUT_BYTES:
        raise InputTooLarge(source, f"docx unpacks to {unpacked} bytes, over {_EXPANSION_FACTOR} times the input limit")


def _reason(exc: Exception) -> str:
    if isinstance(exc, zipfile.BadZipFile):
        return "not a zip container"
    if isinstance(exc, KeyError):
        return "a required part is missing"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _block_lines(container):
    """Lines of the paragraphs and tables directly inside ``container``."""
    for child in container.iterchildren():
        yield from _block_lines_of(child)


def _block_lines_of(child):
    """Lines of one block: a paragraph, a table, or a content control's blocks."""
    from docx.oxml.ns import qn

    if child.tag == qn("w:p"):
        yield _paragraph_text(child)
    elif child.tag == qn("w:tbl"):
        yield from _table_lines(child)
    elif child.tag == qn("w:sdt"):  # content controls wrap ordinary blocks
        content = child.find(qn("w:sdtContent"))
        if content is not None:
            yield from _block_lines(content)


def _table_lines(table):
    from docx.oxml.ns import qn

    for row in table.iterchildren(qn("w:tr")):
        cells = []
        for cell in row.iterchildren(qn("w:tc")):
            if _continues_vertical_merge(cell):
                continue  # the merged cell's text was read in the row above
            lines = list(_block_lines(cell))
            # a short cell's paragraphs (312人 / 含上年结转36人) stay on its row's line; a long
            # cell (a layout table's text) keeps its paragraphs
            cells.append((" " if sum(map(len, lines)) <= data_cell_max_chars() else "\n").join(lines))
        if any(cells):
            yield "\t".join(cells)


def _continues_vertical_merge(cell) -> bool:
    from docx.oxml.ns import qn

    merge = cell.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
    return merge is not None and merge.get(qn("w:val")) in (None, "continue")


def _paragraph_text(paragraph) -> str:
    """Text of a ``w:p`` element, with tabs and line breaks as written."""
    from docx.text.paragraph import Paragraph

    return Paragraph(paragraph, None).text
