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
    """The text, and (start, end, level) of the body paragraphs styled as headings; level is a
    depth (Heading N) or, for a paragraph Word numbers itself, the numbering style its number
    shows ("cn" for 一、, "cn_paren" for (一), "arabic" for 1., ... as in numbering.toml)."""
    from docx.oxml.ns import qn

    document = _open_document(data, source)
    body = document.element.body
    numbering = _AutoNumbering(document)
    lines: list[tuple[str, object]] = []
    for child in body.iterchildren():
        # Word's automatic number says a paragraph's numbering style (一、 (一) 1.), absent from the
        # text; else a Heading N style says its depth
        level = (numbering.style_of(child) or _heading_level(child)) if child.tag == qn("w:p") else None
        lines.extend((line, level) for line in _block_lines_of(child))
    text, headings = base.lines_and_headings(lines)
    if not text.strip():
        raise EmptyInput(source, "Word document has no text")
    return text, headings


_HEADING_STYLE = re.compile(r"(?:[Hh]eading|标题)\s*([1-9])$")
_CHINESE_FORMATS = frozenset(("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified",
                              "ideographTraditional", "ideographDigital", "taiwaneseCounting",
                              "taiwaneseCountingThousand", "japaneseCounting"))
_DECIMAL_FORMATS = frozenset(("decimal", "decimalZero", "decimalFullWidth", "decimalHalfWidth"))
_CIRCLED_FORMATS = frozenset(("decimalEnclosedCircle", "decimalEnclosedCircleChinese"))


class _AutoNumbering:
    """Which numbering style the number Word adds to a paragraph shows: its list (numId and
    level, on the paragraph or its style) and that level's format in numbering.xml."""

    def __init__(self, document):
        from docx.oxml.ns import qn

        self._levels: dict[tuple[str, str], tuple[str, str]] = {}  # (numId, ilvl) -> (numFmt, lvlText)
        self._by_style: dict[str, tuple[str, str]] = {}  # styleId -> (numId, ilvl)
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return  # no numbering part: no automatic numbers
        val = qn("w:val")
        abstract = {}
        for definition in numbering.iterchildren(qn("w:abstractNum")):
            levels = {}
            for level in definition.iterchildren(qn("w:lvl")):
                fmt, text = level.find(qn("w:numFmt")), level.find(qn("w:lvlText"))
                levels[level.get(qn("w:ilvl"))] = (fmt.get(val) if fmt is not None else "",
                                                   text.get(val) if text is not None else "")
            abstract[definition.get(qn("w:abstractNumId"))] = levels
        for num in numbering.iterchildren(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            for ilvl, found in abstract.get(ref.get(val) if ref is not None else None, {}).items():
                self._levels[(num.get(qn("w:numId")), ilvl)] = found
        for style in document.styles.element.iterchildren(qn("w:style")):
            numbered = _num_pr(style.find(qn("w:pPr")))
            if numbered is not None:
                self._by_style[style.get(qn("w:styleId"))] = numbered

    def style_of(self, paragraph) -> Optional[str]:
        """numbering.toml's key of the style the paragraph's automatic number shows, or None."""
        if not self._levels:
            return None
        from docx.oxml.ns import qn

        properties = paragraph.find(qn("w:pPr"))
        numbered = _num_pr(properties)
        if numbered is None and properties is not None:
            style = properties.find(qn("w:pStyle"))
            numbered = self._by_style.get(style.get(qn("w:val"))) if style is not None else None
        if numbered is None or numbered[0] == "0":
            return None
        fmt, text = self._levels.get(numbered, ("", ""))
        bracketed = "(" in text or "（" in text
        if fmt in _CHINESE_FORMATS:
            return "cn_paren" if bracketed else "cn"
        if fmt in _DECIMAL_FORMATS:
            return "arabic_paren" if bracketed else "arabic"
        return "circled" if fmt in _CIRCLED_FORMATS else None  # (bullets and letters head nothing)


def _num_pr(properties) -> Optional[tuple[str, str]]:
    """(numId, ilvl) of a paragraph's or a style's numbering properties, if any."""
    if properties is None:
        return None
    from docx.oxml.ns import qn

    numbering = properties.find(qn("w:numPr"))
    if numbering is None:
        return None
    num, level = numbering.find(qn("w:numId")), numbering.find(qn("w:ilvl"))
    if num is None:
        return None
    return num.get(qn("w:val")), level.get(qn("w:val")) if level is not None else "0"


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
    """Text of a ``w:p`` element, with tabs and line breaks as written, as it reads with its
    tracked changes accepted: the runs of an insertion (``w:ins``, ``w:moveTo``) are text, a
    deletion's are not; hyperlinks, fields and content controls give the runs they hold; a
    text box drawn in a run is not the paragraph's text (as python-docx reads it)."""
    parts: list[str] = []
    _run_texts(paragraph, parts)
    return "".join(parts)


def _run_texts(container, parts: list) -> None:
    for child in container:
        tag = child.tag
        if tag == _R:
            for piece in child:
                if piece.tag == _T:
                    parts.append(piece.text or "")
                elif piece.tag == _TAB:
                    parts.append("\t")
                elif piece.tag in _BREAKS:
                    parts.append("\n")
        elif tag in _RUN_CONTAINERS:
            _run_texts(child, parts)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R, _T, _TAB = _W + "r", _W + "t", _W + "tab"
_BREAKS = frozenset((_W + "br", _W + "cr"))
# what may hold a paragraph's runs (not w:del, w:moveFrom: text taken out)
_RUN_CONTAINERS = frozenset(_W + name for name in (
    "ins", "moveTo", "hyperlink", "smartTag", "fldSimple", "sdt", "sdtContent", "customXml", "dir", "bdo"))
