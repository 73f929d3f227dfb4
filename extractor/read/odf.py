"""OpenDocument files: ``.odt`` text documents and ``.ods`` spreadsheets.

Government offices on domestic Linux desktops, and LibreOffice or WPS users who save in ODF,
write these.  A package is a zip whose ``content.xml`` holds the document's body; it is read
with the standard library.

A text document is read as ``docx.py`` reads a Word file: its paragraphs (``text:p``) and
headings (``text:h``) one per line in document order, those inside lists and sections
included; spaces written as ``text:s``, tabs and line breaks as written; a table's rows one
line each, their cells parted by a tab (a short cell's paragraphs joined by a space, a long
one's kept on lines of their own, cells covered by a merged one left out).  The text reads as
with its tracked changes accepted: the deleted text kept in ``text:tracked-changes`` is not
read, nor are comments (``office:annotation``), notes or text boxes.  The headings' lines are
returned with their outline level.

A spreadsheet's sheets are read as LibreOffice shows them (each cell's ``text:p``, its number
format applied) and laid out by the workbook assembly the ``.xlsx`` and ``.xls`` readers share
(``xlsx.workbook_text``): the same sheet captions, headings and refusal of the toolkit's own
output.  A row or cell written once with a repeat count is expanded (within a cap) when it holds
text, never when empty.  Rules: ``data/read_odf.toml``.
"""
from __future__ import annotations

import io
import re
import zipfile
import zlib
from functools import lru_cache, partial
from typing import Iterator
from xml.etree import ElementTree

from ..errors import CorruptArchive, EmptyInput, InputTooLarge, UnsupportedFormat
from ..resources import load_toml
from . import base
from .html import data_cell_max_chars
from .xlsx import cell_text, row_text, workbook_text

_KIND = "OpenDocument file"  # (in the messages of its errors)

_NAMESPACES = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
}


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{_NAMESPACES[prefix]}}}{local}"


_P, _H, _S, _TAB, _BREAK = _q("text:p"), _q("text:h"), _q("text:s"), _q("text:tab"), _q("text:line-break")
_TABLE, _ROW, _CELL, _COVERED = _q("table:table"), _q("table:table-row"), _q("table:table-cell"), _q("table:covered-table-cell")
_ROW_GROUPS = frozenset(map(_q, ("table:table-header-rows", "table:table-rows", "table:table-row-group")))
# not the text as it reads: deleted text kept for the change history, comments, notes (a page's
# foot), a ruby's gloss, forms and declarations
_SKIPPED = frozenset(map(_q, ("text:tracked-changes", "office:annotation", "office:annotation-end", "text:note",
                              "text:ruby-text", "office:forms", "text:sequence-decls", "text:variable-decls",
                              "text:user-field-decls", "table:shapes")))
_DRAW = "{" + _NAMESPACES["draw"] + "}"  # frames, shapes, text boxes: not the body's text (as docx.py)
_WHITESPACE = re.compile(r"[ \t\r\n]+")  # XML whitespace, one space in ODF text (more are text:s)
_ENCRYPTION = re.compile(rb"<(?:[\w.-]+:)?encryption-data\b")


@lru_cache(maxsize=1)
def _rules() -> dict:
    return load_toml("read_odf.toml")


def odf_kind(data: bytes) -> str | None:
    """"odt" or "ods" for a zip whose ``mimetype`` member names an OpenDocument text or
    spreadsheet, else None."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("mimetype")
            if info.file_size > 200:
                return None
            with archive.open(info) as handle:
                mimetype = handle.read(201).decode("ascii", "replace").strip()
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError, zlib.error):
        return None
    return _rules()["mimetypes"].get(mimetype)


def odt_to_text(data: bytes, source: str) -> tuple[str, tuple]:
    """The text of an OpenDocument text (``.odt``), and (start, end, level) of its headings'
    lines (``text:h``, level its outline level).  A package holding a spreadsheet is read as one."""
    return _read(data, source, "odt")


def ods_to_text(data: bytes, source: str) -> tuple[str, tuple]:
    """The text of an OpenDocument spreadsheet (``.ods``), and (start, end, 1) of its sheets'
    names when the sheets are named, as ``xlsx_to_text`` gives them.  A package holding a text
    document is read as one."""
    return _read(data, source, "ods")


def _read(data: bytes, source: str, named: str) -> tuple[str, tuple]:
    body = _body(data, source, named)
    budget = _Budget(source)
    if body.tag == _q("office:spreadsheet"):
        tables = [child for child in body if child.tag == _TABLE]
        sheets = [(table.get(_q("table:name")) or f"Sheet{k}", partial(_sheet_rows, table, budget))
                  for k, table in enumerate(tables, 1)]
        return workbook_text(sheets, source)
    if body.tag != _q("office:text"):
        kind = body.tag.rsplit("}", 1)[-1]
        raise UnsupportedFormat(source, f"an OpenDocument {kind} (not a text document or spreadsheet): "
                                        "not read")
    return _document_text(body, source, budget)


# --- the package ----------------------------------------------------------------

def _body(data: bytes, source: str, named: str) -> ElementTree.Element:
    """The element under ``office:body`` of the package's content.xml (``office:text``,
    ``office:spreadsheet`` …)."""
    label = f"corrupt .{named}"
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise CorruptArchive(source, f"{label}: not a zip container") from exc
    with archive:
        members = {info.filename.lstrip("/"): info for info in archive.infolist()}
        budget = [base.MAX_INPUT_BYTES * int(_rules()["expansion_factor"])]
        manifest = members.get("META-INF/manifest.xml")
        if manifest is not None and _ENCRYPTION.search(base.read_zip_part(archive, manifest, source, budget, _KIND, label)):
            raise UnsupportedFormat(source, f"encrypted (password-protected) {_KIND}")
        content = members.get("content.xml")
        if content is None:
            raise CorruptArchive(source, f"{label}: no content.xml (not an OpenDocument package)")
        xml = base.read_zip_part(archive, content, source, budget, _KIND, label)
    if base.DECLARES_DTD.search(xml):
        raise CorruptArchive(source, f"{label}: content.xml declares a DTD, which OpenDocument parts never do")
    try:
        root = ElementTree.fromstring(xml)
    except (ElementTree.ParseError, ValueError, LookupError) as exc:
        raise CorruptArchive(source, f"{label}: broken XML in content.xml ({exc})") from exc
    container = root.find(_q("office:body"))
    body = next(iter(container), None) if container is not None else None
    if body is None:
        raise CorruptArchive(source, f"{label}: content.xml holds no document body (office:body)")
    return body


class _Budget:
    """The text read so far, held under the expansion limit (repeated rows and cells)."""

    def __init__(self, source: str):
        self.source = source
        self.left = base.MAX_INPUT_BYTES * int(_rules()["expansion_factor"])

    def spend(self, size: int) -> None:
        self.left -= size
        if self.left < 0:
            raise InputTooLarge(self.source, "its repeated rows and cells make far more text than the input limit")


# --- text documents -------------------------------------------------------------

def _document_text(body: ElementTree.Element, source: str, budget: _Budget) -> tuple[str, tuple]:
    blocks: list[tuple[str, int | None]] = []
    _blocks(body, blocks, budget)
    text, headings = base.lines_and_headings(blocks)
    if not text.strip():
        raise EmptyInput(source, "OpenDocument text has no text")
    return text, headings


def _blocks(container: ElementTree.Element, out: list, budget: _Budget) -> None:
    """The lines of the paragraphs, headings and tables inside ``container``, with a heading's
    outline level (None for the others); lists, sections and indexes give the blocks they hold."""
    for child in container:
        tag = child.tag
        if tag == _P:
            out.append((_paragraph_text(child), None))
        elif tag == _H:
            out.append((_paragraph_text(child), _outline_level(child)))
        elif tag == _TABLE:
            out.extend((line, None) for line in _table_lines(child, budget))
        elif tag not in _SKIPPED and not tag.startswith(_DRAW):
            _blocks(child, out, budget)


def _outline_level(heading: ElementTree.Element) -> int:
    try:
        return max(1, int(heading.get(_q("text:outline-level")) or 1))
    except ValueError:
        return 1


def _paragraph_text(paragraph: ElementTree.Element) -> str:
    parts: list[str] = []
    _inline(paragraph, parts)
    return "".join(parts)


def _inline(element: ElementTree.Element, parts: list) -> None:
    """The text of a paragraph's content: spans, links and fields give what they show."""
    if element.text:
        parts.append(_WHITESPACE.sub(" ", element.text))
    for child in element:
        tag = child.tag
        if tag == _S:
            parts.append(" " * _count(child.get(_q("text:c"))))
        elif tag == _TAB:
            parts.append("\t")
        elif tag == _BREAK:
            parts.append("\n")
        elif tag not in _SKIPPED and not tag.startswith(_DRAW):
            _inline(child, parts)
        if child.tail:
            parts.append(_WHITESPACE.sub(" ", child.tail))


def _count(value: str | None, cap: int = 1000) -> int:
    try:
        return min(max(1, int(value or 1)), cap)
    except ValueError:
        return 1


def _rows(table: ElementTree.Element) -> Iterator[ElementTree.Element]:
    """A table's rows, in order, those inside header rows and row groups included."""
    for child in table:
        if child.tag == _ROW:
            yield child
        elif child.tag in _ROW_GROUPS:
            yield from _rows(child)


def _table_lines(table: ElementTree.Element, budget: _Budget) -> Iterator[str]:
    limit = data_cell_max_chars()
    for row in _rows(table):
        cells = []
        for cell in row:
            if cell.tag != _CELL:
                continue  # (a cell covered by a merged one: its text was read in the merged cell)
            found: list = []
            _blocks(cell, found, budget)
            lines = [line for line, _ in found]
            # as docx.py: a short cell's paragraphs stay on its row's line, a long one keeps them
            text = (" " if sum(map(len, lines)) <= limit else "\n").join(lines)
            cells.append((text, _repeats(cell, "table:number-columns-repeated", "max_column_repeat")))
        line = row_text(_expanded(cells))
        if line.strip():
            for _ in range(_repeats(row, "table:number-rows-repeated", "max_row_repeat")):
                budget.spend(len(line) + 1)
                yield line


# --- spreadsheets ---------------------------------------------------------------

def _sheet_rows(table: ElementTree.Element, budget: _Budget) -> Iterator[str]:
    for row in _rows(table):
        cells = [(_sheet_cell_text(cell) if cell.tag == _CELL else "",
                  _repeats(cell, "table:number-columns-repeated", "max_column_repeat"))
                 for cell in row if cell.tag in (_CELL, _COVERED)]
        line = row_text(_expanded(cells))
        if not line.strip():
            continue  # (an empty row is not expanded, however often it repeats)
        for _ in range(_repeats(row, "table:number-rows-repeated", "max_row_repeat")):
            budget.spend(len(line) + 1)
            yield line


def _sheet_cell_text(cell: ElementTree.Element) -> str:
    """What LibreOffice shows in a cell: its paragraphs (the value with its number format
    applied), else, from a producer that writes none, its value."""
    paragraphs = [_paragraph_text(child) for child in cell if child.tag == _P]
    if paragraphs:
        return cell_text(" ".join(paragraphs))
    kind = cell.get(_q("office:value-type"))
    if kind in ("float", "currency", "percentage"):
        try:
            value = float(cell.get(_q("office:value")) or "")
        except ValueError:
            return ""
        return cell_text(value, "0%" if kind == "percentage" else "")
    if kind == "date":
        return cell_text((cell.get(_q("office:date-value")) or "").replace("T00:00:00", ""))
    if kind == "boolean":
        return cell_text((cell.get(_q("office:boolean-value")) or "").lower() == "true")
    return cell_text(cell.get(_q("office:string-value")))


def _repeats(element: ElementTree.Element, attribute: str, cap: str) -> int:
    return _count(element.get(_q(attribute)), int(_rules()[cap]))


def _expanded(cells: list[tuple[str, int]]) -> list[str]:
    """The cells' texts, each repeated its count, without the empty cells ending the row
    (never expanded: a row's last cell is often repeated to the sheet's last column)."""
    while cells and not cells[-1][0].strip():
        cells.pop()
    return [text for text, count in cells for _ in range(count)]
