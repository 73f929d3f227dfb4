"""Word ``.docx`` files: body paragraphs and table cells, in document order, then the notes.

Paragraphs are joined with "\n".  A table row becomes one line with its
cells separated by a tab (a short cell holding several paragraphs joins them
with a space, a long one keeps them on separate lines); cells merged across
columns are read once.

A text box or a shape holding text (``w:txbxContent``, drawn as a DrawingML
``wps:txbx`` or a VML ``v:textbox``) gives its paragraphs and tables as lines of
their own right after the paragraph (or table row) that anchors it, so the
sentence around the anchor stays whole; Word writes a box twice (``mc:Choice``
and its ``mc:Fallback``), it is read once, from the Choice.

Footnotes and endnotes come after the body: a line ``注释`` (read_docx.toml),
then one line per note, the footnotes first and then the endnotes, each in the
order of its reference in the body and opening with its number as Word shows
it (``[1]``, ``[2]`` … for footnotes, ``[i]``, ``[ii]`` … for endnotes by
default, or the formats the document sets).  The reference marks are not part
of the body's text.  Page headers, footers and comments are not read; tracked
changes read as accepted.
"""
from __future__ import annotations

from typing import Optional

import io
import re
import zipfile
import zlib

from ..errors import CorruptArchive, EmptyInput, InputTooLarge
from ..resources import load_toml
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
    reader = _Reader()
    lines: list[tuple[str, object]] = []
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            # Word's automatic number says a paragraph's numbering style (一、 (一) 1.), absent from
            # the text; else a Heading N style says its depth.  The lines of the text boxes it
            # anchors, after it, head nothing.
            level = numbering.style_of(child) or _heading_level(child)
            own, *boxed = reader.block_lines_of(child)
            lines.append((own, level))
            lines.extend((line, None) for line in boxed)
        else:
            lines.extend((line, None) for line in reader.block_lines_of(child))
    lines.extend((line, None) for line in _note_lines(document, reader, source))
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


class _Reader:
    """Reads blocks as lines, keeping the notes referenced in the order they are met."""

    def __init__(self):
        # ("footnote" or "endnote", the note's id, the pieces of the mark Word writes it with or None)
        self.references: list[tuple[str, str, Optional[list]]] = []

    def block_lines(self, container, boxes: Optional[list] = None):
        """Lines of the paragraphs and tables directly inside ``container``."""
        for child in container.iterchildren():
            yield from self.block_lines_of(child, boxes)

    def block_lines_of(self, child, boxes: Optional[list] = None):
        """Lines of one block: a paragraph, a table, or a content control's blocks.  The text
        boxes a paragraph anchors follow it, or, given ``boxes``, are left there for the caller
        (a table cell's boxes follow its row)."""
        if child.tag == _P:
            found: list = []
            yield self.paragraph_text(child, found)
            if boxes is not None:
                boxes.extend(found)
            else:
                yield from self.box_lines(found)
        elif child.tag == _TBL:
            yield from self.table_lines(child, boxes)
        elif child.tag == _SDT:  # content controls wrap ordinary blocks
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from self.block_lines(content, boxes)

    def box_lines(self, boxes: list):
        for box in boxes:  # (a w:txbxContent holds blocks as a body does, boxes in it too)
            yield from self.block_lines(box)

    def table_lines(self, table, boxes: Optional[list] = None):
        for row in table.iterchildren(_TR):
            cells: list[str] = []
            row_boxes: list = []
            for cell in row.iterchildren(_TC):
                if _continues_vertical_merge(cell):
                    continue  # the merged cell's text was read in the row above
                lines = list(self.block_lines(cell, row_boxes))
                # a short cell's paragraphs (312人 / 含上年结转36人) stay on its row's line; a long
                # cell (a layout table's text) keeps its paragraphs
                cells.append((" " if sum(map(len, lines)) <= data_cell_max_chars() else "\n").join(lines))
            if any(cells):
                yield "\t".join(cells)
            if boxes is not None:
                boxes.extend(row_boxes)
            else:
                yield from self.box_lines(row_boxes)

    def paragraph_text(self, paragraph, boxes: list) -> str:
        """Text of a ``w:p`` element, with tabs and line breaks as written, as it reads with its
        tracked changes accepted: the runs of an insertion (``w:ins``, ``w:moveTo``) are text, a
        deletion's are not; hyperlinks, fields and content controls give the runs they hold.  A
        text box drawn in a run is not the paragraph's text: it goes to ``boxes``; a note's
        reference mark is not either: the note is kept in ``references``."""
        parts: list[str] = []
        self._run_texts(paragraph, parts, boxes)
        return "".join(parts)

    def _run_texts(self, container, parts: list, boxes: list) -> None:
        # the text after a note reference that Word writes with a mark of its own (*) is that
        # mark, not the paragraph's text: gathered in ``custom`` (in its run or the next)
        custom: Optional[list] = None
        for child in container:
            tag = child.tag
            if tag == _R:
                for piece in child:
                    if piece.tag == _T:
                        (parts if custom is None else custom).append(piece.text or "")
                    elif piece.tag == _TAB:
                        parts.append("\t")
                    elif piece.tag in _BREAKS:
                        parts.append("\n")
                    elif piece.tag in _NOTE_REFERENCES:
                        custom = [] if piece.get(_CUSTOM_MARK) in _TRUE else None
                        self.references.append((_NOTE_REFERENCES[piece.tag], piece.get(_ID), custom))
                    elif piece.tag in _DRAWINGS:
                        _boxes_in((piece,), boxes)
                if custom:
                    custom = None  # (the mark was this run's text)
            elif tag in _RUN_CONTAINERS:
                self._run_texts(child, parts, boxes)
            elif tag == _ALTERNATE:  # (runs written twice, for newer and older Words: read once)
                branch = _chosen_branch(child, lambda branch: _holds(branch, _R))
                if branch is not None:
                    self._run_texts(branch, parts, boxes)


def _boxes_in(element, boxes: list) -> None:
    """The text boxes (``w:txbxContent``) drawn in ``element``, in order; of a box Word writes
    twice (``mc:Choice`` and ``mc:Fallback``), the Choice's."""
    for child in element:
        if child.tag == _TXBX_CONTENT:
            boxes.append(child)  # (boxes inside it are read with its paragraphs)
        elif child.tag == _ALTERNATE:
            branch = _chosen_branch(child, lambda branch: _holds(branch, _TXBX_CONTENT))
            if branch is not None:
                _boxes_in(branch, boxes)
        elif len(child):
            _boxes_in(child, boxes)


def _chosen_branch(alternate, holds):
    """The first ``mc:Choice`` of an ``mc:AlternateContent`` that holds what is read, else its
    ``mc:Fallback`` if it does."""
    for branch in alternate.iterchildren(_CHOICE):
        if holds(branch):
            return branch
    fallback = alternate.find(_FALLBACK)
    return fallback if fallback is not None and holds(fallback) else None


def _holds(element, tag: str) -> bool:
    return next(element.iter(tag), None) is not None


def _continues_vertical_merge(cell) -> bool:
    from docx.oxml.ns import qn

    merge = cell.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
    return merge is not None and merge.get(qn("w:val")) in (None, "continue")


# --- footnotes and endnotes ---------------------------------------------------------------

def _note_lines(document, reader: _Reader, source: str) -> list[str]:
    """``注释`` and one line per note referenced in the body: footnotes, then endnotes, each
    in the order of its first reference, opening with its number as Word shows it."""
    if not reader.references:
        return []
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    settings = load_toml("read_docx.toml")["notes"]
    notes_reader = _Reader()  # (references inside a note are not notes of the body)
    lines = []
    for kind, relationship in (("footnote", RT.FOOTNOTES), ("endnote", RT.ENDNOTES)):
        references = [(note, custom) for found, note, custom in reader.references if found == kind]
        if not references:
            continue
        notes = _notes_of(document, relationship, kind, source)
        number_format, number = _number_format(document, kind, settings)
        seen = set()
        for note, custom in references:
            if note in seen:
                continue
            seen.add(note)
            if custom and "".join(custom).strip():
                mark = "".join(custom).strip()  # (a mark of its own takes no number)
            else:
                mark, number = _formatted(number, number_format, settings), number + 1
            element = notes.get(note)
            if element is None:
                continue
            text = " ".join(line.strip() for line in notes_reader.block_lines(element) if line.strip())
            if text:
                lines.append(settings["mark"].format(mark) + text)
    return [settings["heading"], *lines] if lines else []


def _notes_of(document, relationship: str, kind: str, source: str) -> dict:
    """The notes (``w:footnote`` / ``w:endnote``) of the part ``relationship`` names, by id;
    the separator notes (those with a ``w:type``) left out."""
    from docx.oxml import parse_xml
    from lxml.etree import LxmlError

    part = next((rel.target_part for rel in document.part.rels.values()
                 if rel.reltype == relationship and not rel.is_external), None)
    if part is None:
        return {}
    try:
        root = parse_xml(part.blob)
    except (LxmlError, ValueError) as exc:
        raise CorruptArchive(source, f"corrupt .docx file (its {kind}s: {_reason(exc)})") from exc
    return {note.get(_ID): note for note in root.iterchildren(_W + kind) if note.get(_W + "type") is None}


def _number_format(document, kind: str, settings: dict) -> tuple[str, int]:
    """The number format and first number of a kind of note: the body's section's, else the
    document settings', else Word's default (read_docx.toml)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    places = [document.element.body.find(_W + "sectPr")]
    settings_part = next((rel.target_part for rel in document.part.rels.values()
                          if rel.reltype == RT.SETTINGS and not rel.is_external), None)
    places.append(getattr(settings_part, "element", None))
    number_format, start = None, None
    for place in places:
        properties = place.find(f"{_W}{kind}Pr") if place is not None else None
        if properties is None:
            continue
        found_format, found_start = properties.find(_W + "numFmt"), properties.find(_W + "numStart")
        if number_format is None and found_format is not None:
            number_format = found_format.get(_VAL)
        if start is None and found_start is not None and (found_start.get(_VAL) or "").isdigit():
            start = int(found_start.get(_VAL))
    return number_format or settings[f"{kind}_format"], start if start is not None else 1


def _formatted(number: int, number_format: str, settings: dict) -> str:
    """``number`` as Word shows it in ``number_format`` (decimal for a format not known)."""
    if number_format in ("lowerRoman", "upperRoman") and 0 < number < 4000:
        roman = _roman(number)
        return roman.lower() if number_format == "lowerRoman" else roman
    if number_format in ("lowerLetter", "upperLetter") and number > 0:
        # a, b … z, then aa, bb … zz, then aaa …
        letter = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letter if number_format == "lowerLetter" else letter.upper()
    if number_format == "chicago" and number > 0:
        symbols = settings["chicago_symbols"]
        return symbols[(number - 1) % len(symbols)] * ((number - 1) // len(symbols) + 1)
    return str(number)


def _roman(number: int) -> str:
    out = []
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _TR, _TC = _W + "p", _W + "tbl", _W + "tr", _W + "tc"
_SDT, _SDT_CONTENT = _W + "sdt", _W + "sdtContent"
_R, _T, _TAB = _W + "r", _W + "t", _W + "tab"
_ID, _VAL, _CUSTOM_MARK = _W + "id", _W + "val", _W + "customMarkFollows"
_TRUE = frozenset(("1", "true", "on"))
_BREAKS = frozenset((_W + "br", _W + "cr"))
_NOTE_REFERENCES = {_W + "footnoteReference": "footnote", _W + "endnoteReference": "endnote"}
# what a run draws a text box or a shape with text in (DrawingML, VML, either written twice)
_DRAWINGS = frozenset((_W + "drawing", _W + "pict", _MC + "AlternateContent"))
_TXBX_CONTENT = _W + "txbxContent"
_ALTERNATE, _CHOICE, _FALLBACK = _MC + "AlternateContent", _MC + "Choice", _MC + "Fallback"
# what may hold a paragraph's runs (not w:del, w:moveFrom: text taken out)
_RUN_CONTAINERS = frozenset(_W + name for name in (
    "ins", "moveTo", "hyperlink", "smartTag", "fldSimple", "sdt", "sdtContent", "customXml", "dir", "bdo"))
