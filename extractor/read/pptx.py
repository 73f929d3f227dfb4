"""PowerPoint decks (``.pptx``; WPS Presentation's ``.dps`` when saved in the same form).

Union work reports are often kept as slide decks (工作汇报PPT).  A deck is a zip of XML parts,
read with the standard library.  Its slides are read in the deck's order (the slide list of
``ppt/presentation.xml``, never the zip's member order), hidden ones left out, each parted from
the next by an empty line.

On a slide the shapes are read top to bottom, then left to right, by their offsets: a
placeholder without a position of its own takes its layout's (or master's) placeholder's, and
failing that a title comes first and the others last.  A group is placed by its own offset, its
shapes read in their reading order inside it.  A text body gives a line per paragraph (runs and
fields as shown, a line break a new line; the bullet level is not text; empty paragraphs are left
out, so that an empty line only ever parts slides); a table a line per row, its cells parted by
a tab, a cell a merged one covers left empty so that the row keeps its columns.  Pictures,
charts (their cached numbers are not the deck's text), SmartArt, speaker notes, comments and
the slide's furniture (date, footer, slide number) are not read.

A title placeholder's paragraphs are joined into one line.  The first slide's title is the
text's first line (the deck's title); on the slides after it, a title is returned as a heading
line of level 1, as ``docx.py`` returns a Word heading style, unless it starts with a numbering
marker the section finder knows (一、 （一） 1. …): such a line is left to the finder; nor are a
contents or closing slide's title (目录, 谢谢) headings.

Rules: ``data/read_pptx.toml``.
"""
from __future__ import annotations

import io
import posixpath
import zipfile
from functools import lru_cache
from typing import Iterator, NamedTuple, Optional
from xml.etree import ElementTree

import regex

from ..errors import CorruptArchive, EmptyInput, UnsupportedFormat
from ..resources import load_toml
from . import base
from .html import data_cell_max_chars

_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# a deck saved as Strict Open XML names the same elements in other namespaces: read as transitional
_STRICT = {"{http://purl.oclc.org/ooxml/presentationml/main}": _P,
           "{http://purl.oclc.org/ooxml/drawingml/main}": _A,
           "{http://purl.oclc.org/ooxml/officeDocument/relationships}": _R}

_PRESENTATION = "ppt/presentation.xml"  # where every producer puts it (the package's rels may say otherwise)


@lru_cache(maxsize=1)
def _rules() -> dict:
    return load_toml("read_pptx.toml")


def is_pptx_package(data: bytes) -> bool:
    """True for a zip holding ``ppt/presentation.xml`` (a deck saved without its extension)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return any(_part_name(name) == _PRESENTATION for name in archive.namelist())
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError, RuntimeError):
        return False


def pptx_to_text(data: bytes, source: str) -> tuple[str, tuple]:
    """The text of a deck, and (start, end, level) of the title lines of its slides after the first:
    level 1, or 2 when numbered titles (two or more) part the deck and the others sit under them."""
    if base.sniff(data[:64]) == "doc":
        _refuse_compound_file(data, source)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError, RuntimeError) as exc:
        raise CorruptArchive(source, "corrupt .pptx: not a zip container") from exc
    with archive:
        package = _Package(archive, source)
        lines: list[tuple[str, Optional[int]]] = []
        first = True
        numbered = 0  # slides after the first whose title is numbered (01 工作概况, 02 主要成效)
        for slide in package.slides():
            found = _slide_lines(package, slide, first)
            if found:
                if not first:
                    lines.append(("", None))
                    numbered += any(_numbered(text) for text, is_title in found if is_title)
                lines.extend((text, level) for text, level, _ in _with_levels(found, first))
                first = False
    if numbered >= 2:  # numbered titles in a row are the deck's parts: the other titles sit under them
        lines = [(text, 2 if level == 1 else level) for text, level in lines]
    text, headings = base.lines_and_headings(lines)
    if not text.strip():
        raise EmptyInput(source, "the deck has no text on any slide (pictures only?)")
    return text, headings


def _refuse_compound_file(data: bytes, source: str) -> None:
    """An OLE compound file named as a deck: an encrypted OOXML deck, a PowerPoint 97–2003 one,
    or something else."""
    import olefile

    rules = _rules()["compound"]
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            encrypted = any(ole.exists(stream) for stream in rules["encrypted"])
            binary = any(ole.exists(stream) for stream in rules["binary_deck"])
    except Exception as exc:  # (olefile on damaged bytes: OSError, struct and index errors alike)
        raise CorruptArchive(source, "corrupt file: a compound (OLE) file whose directory cannot be read") from exc
    if encrypted:
        raise UnsupportedFormat(source, "password-protected (encrypted) deck: open it, remove the password and "
                                        "save it again to read it")
    if binary:
        raise UnsupportedFormat(source, "a PowerPoint 97–2003 deck (.ppt format), which is not read: open it in "
                                        "PowerPoint or WPS Presentation and save it as .pptx")
    raise UnsupportedFormat(source, "not a PowerPoint deck: a compound (OLE) file of another kind "
                                    "(a Word or Excel 97–2003 file?)")


# --- the package ----------------------------------------------------------------

def _part_name(name: str) -> str:
    return name.replace("\\", "/").lstrip("/").lower()  # (part names are case-blind)


class _Package:
    """The deck's parts, unpacked on demand under one budget, parsed once."""

    def __init__(self, archive: zipfile.ZipFile, source: str):
        self.archive, self.source = archive, source
        self.members = {_part_name(info.filename): info for info in archive.infolist()}
        self.budget = [base.MAX_INPUT_BYTES * int(_rules()["expansion_factor"])]  # (spent by base.read_zip_part)
        self.parsed: dict[str, Optional[ElementTree.Element]] = {}
        self.placeholders: dict[str, list] = {}

    def xml(self, part: str) -> Optional[ElementTree.Element]:
        """The root of a part's XML, None when the package has no such part."""
        part = _part_name(part)
        if part not in self.parsed:
            info = self.members.get(part)
            self.parsed[part] = None if info is None else self._parse(info)
        return self.parsed[part]

    def _parse(self, info: zipfile.ZipInfo) -> ElementTree.Element:
        data = base.read_zip_part(self.archive, info, self.source, self.budget, "deck", "corrupt .pptx")
        if base.DECLARES_DTD.search(data):
            raise CorruptArchive(self.source, f"corrupt .pptx: {info.filename} declares a DTD, which OOXML parts never do")
        try:
            root = ElementTree.fromstring(data)
        except (ElementTree.ParseError, ValueError, LookupError) as exc:
            raise CorruptArchive(self.source, f"corrupt .pptx: broken XML in {info.filename} ({exc})") from exc
        if any(root.tag.startswith(strict) for strict in _STRICT):
            _to_transitional(root)
        return root

    def relations(self, part: str) -> dict[str, tuple[str, str]]:
        """A part's relationships: id -> (type, target part name)."""
        folder, name = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", name + ".rels"))
        found = {}
        for relation in (root if root is not None else ()):
            target = relation.get("Target") or ""
            if relation.tag != _RELS + "Relationship" or relation.get("TargetMode") == "External" or not target:
                continue
            where = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            found[relation.get("Id") or ""] = (relation.get("Type") or "", posixpath.normpath(where))
        return found

    def related(self, part: str, kind: str) -> Optional[str]:
        """The first part ``part`` relates to by a relationship of type ``…/kind``."""
        return next((target for rel_type, target in self.relations(part).values()
                     if rel_type.rsplit("/", 1)[-1] == kind), None)

    def slides(self) -> Iterator[tuple[str, ElementTree.Element]]:
        """(part name, root) of each shown slide, in the deck's order."""
        presentation = self.related("", "officeDocument") or _PRESENTATION
        root = self.xml(presentation)
        if root is None or root.tag != _P + "presentation":
            raise CorruptArchive(self.source, "not a PowerPoint deck: the package has no presentation part "
                                              "(ppt/presentation.xml)")
        relations = self.relations(presentation)
        listed = root.find(_P + "sldIdLst")
        for entry in (listed if listed is not None else ()):
            target = relations.get(entry.get(_R + "id") or "")
            if target is None:
                raise CorruptArchive(self.source, "corrupt .pptx: a slide of the deck's list has no part")
            slide = self.xml(target[1])
            if slide is None or slide.tag != _P + "sld":
                raise CorruptArchive(self.source, f"corrupt .pptx: slide part {target[1]} is missing or no slide")
            if (slide.get("show") or "1").lower() not in ("0", "false"):  # (show="0": a hidden slide)
                yield target[1], slide

    def layout_placeholders(self, part: Optional[str]) -> list:
        """The placeholders of a layout or master part, with their positions."""
        if part is None:
            return []
        if part not in self.placeholders:
            root = self.xml(part)
            tree = root.find(f"{_P}cSld/{_P}spTree") if root is not None else None
            found = []
            for shape in (tree.iter(_P + "sp") if tree is not None else ()):
                placeholder = _placeholder_of(shape)
                if placeholder is not None:
                    found.append(_Placeholder(*placeholder, _offset(shape)))
            self.placeholders[part] = found
        return self.placeholders[part]


def _to_transitional(root: ElementTree.Element) -> None:
    for element in root.iter():
        for strict, transitional in _STRICT.items():
            if element.tag.startswith(strict):
                element.tag = transitional + element.tag[len(strict):]
        for key in [key for key in element.attrib if key.startswith(tuple(_STRICT))]:
            prefix = next(strict for strict in _STRICT if key.startswith(strict))
            element.attrib[_STRICT[prefix] + key[len(prefix):]] = element.attrib.pop(key)


# --- a slide ----------------------------------------------------------------------

class _Placeholder(NamedTuple):
    kind: str
    index: Optional[str]
    offset: Optional[tuple[int, int]]


class _Item(NamedTuple):
    """A shape's (or a group's) place in the reading order and its lines, (text, is a title)."""

    key: tuple
    lines: list
    box: Optional[tuple[int, int, int, int]] = None  # (x, y, width, height) when the shape gives them


def _slide_lines(package: _Package, slide: tuple[str, ElementTree.Element], first: bool) -> list:
    part, root = slide
    tree = root.find(f"{_P}cSld/{_P}spTree")
    if tree is None:
        return []
    layout = package.related(part, "slideLayout")
    placements = _Placements(package.layout_placeholders(layout),
                             package.layout_placeholders(package.related(layout, "slideMaster") if layout else None))
    items = _items(tree, placements)
    if first:  # the deck's title opens its text
        items.sort(key=lambda item: not any(is_title for _, is_title in item.lines))
    return [(text, is_title) for item in items for text, is_title in item.lines]


def _with_levels(lines: list, first: bool) -> list:
    """(text, heading level or None, is_title) of one slide's (text, is_title) lines."""
    return [(text, 1 if is_title and not first and _heads_a_part(text) else None, is_title) for text, is_title in lines]


def _numbered(title: str) -> bool:
    """Whether a slide's title opens with a numbering marker the section finder knows."""
    stripped = title.lstrip()
    return any(marker.match(stripped) for marker in _numbering_markers())


class _Placements:
    """Where a placeholder without a position of its own sits: at its layout's placeholder of
    the same index (or type), else at its master's of the same type."""

    def __init__(self, layout: list, master: list):
        self.layout, self.master = layout, master

    def offset(self, kind: str, index: Optional[str]) -> Optional[tuple[int, int]]:
        found = next((p for p in self.layout if index is not None and p.index == index), None)
        found = found or next((p for p in self.layout if _family(p.kind, True) == _family(kind, True)), None)
        if found is not None and found.offset is not None:
            return found.offset
        family = _family(found.kind if found is not None else kind)
        return next((p.offset for p in self.master if _family(p.kind) == family), None)


def _family(kind: str, layout: bool = False) -> str:
    """A placeholder type as a layout (titles alike) or a master (also every body alike) matches it."""
    if kind in _rules()["title_placeholders"]:
        return "title"
    if layout or kind in _rules()["furniture_placeholders"]:
        return kind
    return "body"


def _items(container: ElementTree.Element, placements: _Placements) -> list[_Item]:
    """The shapes directly in ``container`` (a slide's tree, a group) with text, in reading order."""
    items: list[_Item] = []
    for child in container:
        tag = child.tag
        if tag == _MC + "AlternateContent":  # (a newer shape, and its fallback for older readers)
            branches = [branch for branch in child if branch.tag in (_MC + "Choice", _MC + "Fallback")]
            items.extend(next((found for found in (_items(b, placements) for b in branches) if found), []))
            continue
        placeholder = _placeholder_of(child)
        if placeholder is not None and placeholder[0] in _rules()["furniture_placeholders"]:
            continue
        is_title = placeholder is not None and placeholder[0] in _rules()["title_placeholders"]
        if tag == _P + "sp":
            texts = _body_lines(child.find(_P + "txBody"))
            lines = [(_joined(texts), True)] if is_title and texts else [(text, False) for text in texts]
        elif tag == _P + "grpSp":
            lines = [line for item in _items(child, placements) for line in item.lines]
        elif tag == _P + "graphicFrame":
            table = child.find(f"{_A}graphic/{_A}graphicData/{_A}tbl")  # (charts, SmartArt, objects: not read)
            lines = [(text, False) for text in _table_lines(table)] if table is not None else []
        else:
            continue  # pictures, connectors, ink
        if lines:
            items.append(_Item(_reading_key(child, placeholder, placements), lines, _box(child)))
    items.sort(key=lambda item: item.key)
    return _cards_paired(items)


@lru_cache(maxsize=1)
def _card_patterns() -> tuple[regex.Pattern, regex.Pattern]:
    cards = _rules()["cards"]
    return regex.compile(cards["figure"]), regex.compile(cards["label"])


def _cards_paired(items: list[_Item]) -> list[_Item]:
    """A "big number" box with its label in the box right under it (1.26万 / 职工服务人次) as
    one line, the label, a tab, the figure: the card's two boxes say one thing, as a table's
    row does, while reading order would put a row of figures before the row of their labels."""
    figure, label = _card_patterns()
    single = [len(item.lines) == 1 and item.box is not None and not item.lines[0][1] for item in items]
    figures = [k for k, item in enumerate(items) if single[k] and figure.fullmatch(item.lines[0][0].strip())]
    if not figures:
        return items
    labels = [k for k, item in enumerate(items) if single[k] and k not in figures
              and label.fullmatch(item.lines[0][0].strip())]
    paired: dict[int, int] = {}
    for k in figures:
        below = [j for j in labels if j not in paired.values() and _under(items[k].box, items[j].box)]
        if below:
            paired[k] = min(below, key=lambda j: items[j].box[1])
    if not paired:
        return items
    used = set(paired.values())
    result = []
    for k, item in enumerate(items):
        if k in used:
            continue
        if k in paired:
            text = items[paired[k]].lines[0][0].strip() + "\t" + item.lines[0][0].strip()
            item = item._replace(lines=[(text, False)])
        result.append(item)
    return result


def _under(upper: tuple[int, int, int, int], lower: tuple[int, int, int, int]) -> bool:
    """Whether the box ``lower`` sits right under ``upper``: below it, no farther than its
    height, and sharing most of the narrower one's width."""
    x, y, width, height = upper
    lx, ly, lwidth, _ = lower
    if not (y < ly <= y + 2 * height):
        return False
    overlap = min(x + width, lx + lwidth) - max(x, lx)
    return overlap >= 0.5 * min(width, lwidth) > 0


def _reading_key(shape: ElementTree.Element, placeholder, placements: _Placements) -> tuple:
    offset = _offset(shape)
    if offset is None and placeholder is not None:
        offset = placements.offset(*placeholder)
    if offset is not None:
        return (1, offset[1], offset[0])
    kind = placeholder[0] if placeholder is not None else ""
    if kind in _rules()["title_placeholders"]:
        return (0, 0, 0)
    order = _rules()["unplaced_order"]
    return (2, order.index(kind) if kind in order else len(order), 0)


def _box(shape: ElementTree.Element) -> Optional[tuple[int, int, int, int]]:
    """(x, y, width, height) of a shape's own transform, None when it gives no extent."""
    offset = _offset(shape)
    for path in (f"{_P}spPr/{_A}xfrm/{_A}ext", f"{_P}grpSpPr/{_A}xfrm/{_A}ext", f"{_P}xfrm/{_A}ext"):
        found = shape.find(path)
        if found is not None and offset is not None:
            try:
                return offset[0], offset[1], int(found.get("cx") or 0), int(found.get("cy") or 0)
            except ValueError:
                return None
    return None


def _offset(shape: ElementTree.Element) -> Optional[tuple[int, int]]:
    """(x, y) of a shape's ``a:off``: a shape's, a group's or a graphic frame's transform."""
    for path in (f"{_P}spPr/{_A}xfrm/{_A}off", f"{_P}grpSpPr/{_A}xfrm/{_A}off", f"{_P}xfrm/{_A}off"):
        found = shape.find(path)
        if found is not None:
            try:
                return int(found.get("x") or 0), int(found.get("y") or 0)
            except ValueError:
                return None
    return None


def _placeholder_of(shape: ElementTree.Element) -> Optional[tuple[str, Optional[str]]]:
    """(type, index) of a placeholder shape (type ``obj`` when not given), else None."""
    properties = next((child for child in shape if child.tag.startswith(_P + "nv")), None)
    found = properties.find(f"{_P}nvPr/{_P}ph") if properties is not None else None
    if found is None:
        return None
    return found.get("type") or "obj", found.get("idx")


@lru_cache(maxsize=1)
def _numbering_markers() -> tuple:
    """The section finder's numbering markers (numbering.toml), to leave its numbered titles to it."""
    return tuple(regex.compile(style["marker"]) for style in load_toml("numbering.toml")["style"] if style.get("marker"))


@lru_cache(maxsize=1)
def _unheaded_titles() -> regex.Pattern:
    return regex.compile(_rules()["unheaded_titles"])


def _heads_a_part(title: str) -> bool:
    """Whether a slide's title is returned as a heading line: not when it is numbered (the
    section finder reads its number), nor a contents or closing slide's (目录, 谢谢)."""
    if _numbered(title):
        return False
    return not _unheaded_titles().fullmatch(_NOT_WORDS.sub("", title.lstrip()).lower())


_NOT_WORDS = regex.compile(r"[\p{P}\p{S}\p{Z}\s]+")


def _joined(lines: list[str]) -> str:
    """A title's lines as one: run together, with a space only between two Latin words or numbers."""
    joined = ""
    for line in (line.strip() for line in lines):
        if joined and joined[-1].isascii() and joined[-1].isalnum() and line[:1].isascii() and line[:1].isalnum():
            joined += " "
        joined += line
    return joined


# --- text ------------------------------------------------------------------------

def _body_lines(body: Optional[ElementTree.Element]) -> list[str]:
    """A text body's lines: one per paragraph, a line break starting another; no empty ones."""
    if body is None:
        return []
    lines = []
    for paragraph in body.findall(_A + "p"):
        lines.extend(line for line in _paragraph_text(paragraph).split("\n") if line.strip())
    return lines


def _paragraph_text(paragraph: ElementTree.Element) -> str:
    parts = []
    for child in paragraph:
        if child.tag in (_A + "r", _A + "fld"):  # (a field: the date, page or slide number as last shown)
            text = child.find(_A + "t")
            if text is not None and text.text:
                parts.append(text.text)
        elif child.tag == _A + "br":
            parts.append("\n")
    return "".join(parts).replace("\r\n", "\n").replace("\r", "\n").replace("\v", "\n")


def _table_lines(table: ElementTree.Element) -> Iterator[str]:
    limit = data_cell_max_chars()
    for row in table.findall(_A + "tr"):
        cells = []
        for cell in row.findall(_A + "tc"):
            if (cell.get("hMerge") or cell.get("vMerge") or "0").lower() in ("1", "true"):
                cells.append("")  # (covered by a merged cell, whose text was read: its column stays)
                continue
            lines = _body_lines(cell.find(_A + "txBody"))
            # as docx.py: a short cell's paragraphs stay on its row's line, a long one keeps them
            cells.append((" " if sum(map(len, lines)) <= limit else "\n").join(lines))
        if any(cell.strip() for cell in cells):
            yield "\t".join(cells)
