"""OFD files (开放版式文档, GB/T 33190-2016): the text of every page as printed, in reading order.

OFD is the national fixed-layout format in which government bodies issue and archive 电子公文.
A package is a zip: ``OFD.xml`` at its root names each document's ``Document.xml`` (its
DocRoot), which lists the pages in order; a page's ``Content.xml`` holds layers of text
objects, each placing its characters (``TextCode``: a start X/Y and the advance DeltaX
between one character and the next, ``g N d`` standing for N advances of d) inside the
object's Boundary, under its CTM.  A template page (the red head, a running header) a page
names is read with it: its text sits where it is printed.

The package gives where each glyph stands, not lines: the glyphs are made into printed lines
by their baselines, and the lines into text as the PDF reader makes them (``read/pdf.py``,
shared): a wide gap parts table cells with a tab, pages are joined by a form feed (so are the
documents of a package), and the breaks that only wrap a paragraph (a line running to the
right margin followed by one starting at the left margin) are passed on as markup, which the
normalised copy leaves out.  A package of images only (a scanned document) is refused with
the reason, as it needs OCR first.  Read with the standard library; rules:
``data/read_ofd.toml`` and ``data/read_pdf.toml``.
"""
from __future__ import annotations

import io
import math
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from xml.etree import ElementTree

from ..errors import CorruptArchive, EmptyInput, InputError, UnsupportedFormat
from ..records import Span
from ..resources import load_toml
from . import base
from .pdf import Glyph, laid_out, nominal_width, printed_lines

_ZIP_ENCRYPTED = 0x1  # a zip member's general-purpose flag bit


@lru_cache(maxsize=1)
def _rules() -> dict:
    return load_toml("read_ofd.toml")


def is_ofd_package(data: bytes) -> bool:
    """Whether ``data`` is a zip holding an OFD package (``OFD.xml`` at its root)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return any(name.lstrip("/") == _rules()["entry"] for name in archive.namelist())
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
        return False


def ofd_to_text(data: bytes, source: str) -> tuple[str, tuple[Span, ...]]:
    """The text of an OFD package's pages, joined by form feeds, and the spans of the line
    breaks that only wrap a paragraph."""
    package = _Package(data, source)
    try:
        pages, found = _pages(package)
    except InputError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, ElementTree.ParseError) as exc:
        raise CorruptArchive(source, f"corrupt .ofd: {type(exc).__name__}: {exc}") from exc
    finally:
        package.close()
    if not pages:
        raise EmptyInput(source, "OFD lists no pages")
    if not found.text_objects:  # (a template's header over scanned pages does not make them text)
        if found.images:
            raise UnsupportedFormat(source, f"scanned OFD with no text layer: needs OCR ({len(pages)} page(s) "
                                            "of images only)")
        raise EmptyInput(source, f"OFD of {len(pages)} page(s) prints nothing")
    text, wraps = laid_out([printed_lines(glyphs) for glyphs in pages])
    if not text.strip():
        raise EmptyInput(source, f"OFD of {len(pages)} page(s): its text objects hold no text")
    return text, wraps


@dataclass
class _Found:
    text_objects: int = 0  # on the pages themselves, their templates left out
    images: int = 0
    runs: int = 0  # TextCodes read so far: each glyph's run number
    parsed: dict = field(default_factory=dict)  # template parts, parsed once for all the pages naming them


def _pages(package: "_Package") -> tuple[list[list[Glyph]], _Found]:
    rules = _rules()
    root = package.xml(rules["entry"], "entry part")
    if _local(root.tag) != "OFD":
        raise CorruptArchive(package.source, f"corrupt .ofd: {rules['entry']} holds no OFD element")
    encryption = set(rules["encryption_elements"])
    if any(_local(element.tag) in encryption for element in root.iter()):
        raise UnsupportedFormat(package.source, "OFD is encrypted; save an unprotected copy to read it")
    bodies = [child for child in root if _local(child.tag) == "DocBody"]
    if not bodies:
        raise CorruptArchive(package.source, f"corrupt .ofd: {rules['entry']} lists no document (DocBody)")
    found = _Found()
    pages: list[list[Glyph]] = []
    for body in bodies:
        doc_root = next((child.text for child in body if _local(child.tag) == "DocRoot"), None)
        if not doc_root or not doc_root.strip():
            raise CorruptArchive(package.source, "corrupt .ofd: a document (DocBody) names no DocRoot")
        pages.extend(_document_pages(package, package.resolve("", doc_root), found))
    return pages, found


def _document_pages(package: "_Package", path: str, found: _Found) -> list[list[Glyph]]:
    document = package.xml(path, "document part")
    folder = posixpath.dirname(path)
    templates = {element.get("ID"): element.get("BaseLoc") for element in document.iter()
                 if _local(element.tag) == "TemplatePage" and element.get("BaseLoc")}
    listed = [element for child in document if _local(child.tag) == "Pages"
              for element in child.iter() if _local(element.tag) == "Page"]
    pages = []
    for number, entry in enumerate(listed, 1):
        location = entry.get("BaseLoc")
        if not location:
            raise CorruptArchive(package.source, f"corrupt .ofd: page {number} of {path} names no part (BaseLoc)")
        page_path = package.resolve(folder, location)
        page = package.xml(page_path, "page part")
        glyphs = list(_glyphs(page, page_path, package, found, on_page=True))
        for use in page:
            if _local(use.tag) != "Template":
                continue
            template = templates.get(use.get("TemplateID"))
            if template is None:  # (a template the document does not list: nothing to read)
                continue
            template_path = package.resolve(folder, template)
            if template_path not in found.parsed:
                found.parsed[template_path] = list(_glyphs(package.xml(template_path, "template part"),
                                                           template_path, package, found, on_page=False))
            glyphs.extend(found.parsed[template_path])
        pages.append(glyphs)
    return pages


def _glyphs(part: ElementTree.Element, path: str, package: "_Package", found: _Found, on_page: bool):
    """The glyphs of every text object of a page (or template) part, in page coordinates
    (millimetres, y growing down the page)."""
    for element in part.iter():
        name = _local(element.tag)
        if name == "ImageObject":
            found.images += 1
        elif name == "TextObject":
            found.text_objects += on_page
            yield from _object_glyphs(element, path, package, found)


def _object_glyphs(element: ElementTree.Element, path: str, package: "_Package", found: _Found):
    def numbers(attribute: str, count: int, default: tuple[float, ...]) -> tuple[float, ...]:
        value = element.get(attribute)
        if value is None:
            return default
        parsed = _floats(value)
        if parsed is None or len(parsed) < count:
            raise CorruptArchive(package.source, f"corrupt .ofd: bad {attribute} {value[:40]!r} in {path}")
        return tuple(parsed[:count])

    left, top = numbers("Boundary", 4, (0.0, 0.0, 0.0, 0.0))[:2]
    (size,) = numbers("Size", 1, (0.0,))
    if size <= 0:
        raise CorruptArchive(package.source, f"corrupt .ofd: a text object without a font Size in {path}")
    a, b, c, d, e, f = numbers("CTM", 6, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0))
    scale = math.sqrt(abs(a * d - b * c)) or 1.0
    x = y = 0.0  # where the next character goes, in the object's own space
    for code in element:
        if _local(code.tag) != "TextCode":
            continue
        found.runs += 1
        text = "".join(" " if ch in "\t\r\n" else ch for ch in code.text or "")
        x, y = _coordinate(code, "X", x, package, path), _coordinate(code, "Y", y, package, path)
        steps_x = _deltas(code.get("DeltaX"), len(text), package, path)
        steps_y = _deltas(code.get("DeltaY"), len(text), package, path)
        for index, ch in enumerate(text):
            yield Glyph(ch, left + a * x + c * y + e, top + b * x + d * y + f, size * scale, run=found.runs)
            # (an advance the code does not give is the character's own width: what a viewer does
            # with no font metrics to hand)
            x += steps_x[index] if index < len(steps_x) else size * nominal_width(ch)
            y += steps_y[index] if index < len(steps_y) else 0.0


def _coordinate(code: ElementTree.Element, attribute: str, current: float, package: "_Package", path: str) -> float:
    """A TextCode's X or Y; a code without one goes on where the previous code ended."""
    value = code.get(attribute)
    if value is None:
        return current
    parsed = _floats(value)
    if not parsed:
        raise CorruptArchive(package.source, f"corrupt .ofd: bad TextCode {attribute} {value[:40]!r} in {path}")
    return parsed[0]


def _deltas(value: str | None, needed: int, package: "_Package", path: str) -> list[float]:
    """The advances a DeltaX (DeltaY) lists, ``g N d`` read as N times d; at most ``needed``."""
    if not value:
        return []
    tokens = value.split()
    steps: list[float] = []
    at = 0
    try:
        while at < len(tokens) and len(steps) < needed:
            if tokens[at] == "g":
                count, step = int(tokens[at + 1]), _finite(tokens[at + 2])
                if count < 0:
                    raise ValueError(count)
                steps.extend([step] * min(count, needed - len(steps)))
                at += 3
            else:
                steps.append(_finite(tokens[at]))
                at += 1
    except (IndexError, ValueError) as exc:
        raise CorruptArchive(package.source, f"corrupt .ofd: bad DeltaX/DeltaY {value[:40]!r} in {path}") from exc
    return steps


def _floats(value: str) -> list[float] | None:
    try:
        return [_finite(token) for token in value.replace(",", " ").split()]
    except ValueError:
        return None


def _finite(token: str) -> float:
    number = float(token)
    if not math.isfinite(number):
        raise ValueError(token)
    return number


def _local(tag) -> str:
    """An element's name without its namespace (producers write ofd:, their own prefix or none)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


class _Package:
    """The zip of an OFD package, its parts read (within the size limits) and parsed on demand."""

    def __init__(self, data: bytes, source: str):
        self.source = source
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(data))
            infos = self.archive.infolist()
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
            raise CorruptArchive(source, f"corrupt .ofd: not a readable zip package ({exc})") from exc
        self.members: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            name = info.filename.replace("\\", "/").lstrip("/")
            self.members.setdefault(name, info)
            self.members.setdefault(name.lower(), info)  # (producers on Windows mind no case)
        self.budget = base.MAX_INPUT_BYTES * int(_rules()["expansion_factor"])

    def close(self) -> None:
        self.archive.close()

    def resolve(self, folder: str, location: str) -> str:
        """The member a BaseLoc or DocRoot names: from the package root when it starts with "/",
        else from the folder of the part naming it (or, as some producers write, from the root)."""
        location = location.strip().replace("\\", "/")
        if location.startswith("/"):
            return posixpath.normpath(location.lstrip("/"))
        candidates = [posixpath.normpath(posixpath.join(folder, location)), posixpath.normpath(location)]
        return next((name for name in candidates if self._member(name) is not None), candidates[0])

    def _member(self, name: str):
        return self.members.get(name) or self.members.get(name.lower())

    def xml(self, name: str, what: str) -> ElementTree.Element:
        info = self._member(name)
        if info is None:
            if name == _rules()["entry"]:
                raise CorruptArchive(self.source, f"corrupt .ofd: no {name} at the package root (not an OFD package)")
            raise CorruptArchive(self.source, f"corrupt .ofd: {what} {name} is missing")
        if info.flag_bits & _ZIP_ENCRYPTED:
            raise UnsupportedFormat(self.source, "OFD package is encrypted (its zip parts need a password)")
        base.check_size(info.file_size, self.source)
        try:
            with self.archive.open(info) as handle:
                data = handle.read(min(base.MAX_INPUT_BYTES, self.budget) + 1)
        except NotImplementedError as exc:
            raise UnsupportedFormat(self.source, f"OFD part {name} uses an unsupported compression ({exc})") from exc
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, RuntimeError) as exc:
            raise CorruptArchive(self.source, f"corrupt .ofd: part {name} is damaged ({exc})") from exc
        base.check_size(len(data), self.source)
        self.budget -= len(data)
        if self.budget < 0:
            raise CorruptArchive(self.source, "corrupt .ofd: its parts unpack to far more than the input limit")
        if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data[:4096]:  # (OFD parts declare none: no entity tricks)
            raise CorruptArchive(self.source, f"corrupt .ofd: {name} declares a DTD, which OFD parts never do")
        try:
            return _parsed(data)
        except (ElementTree.ParseError, ValueError, LookupError) as exc:  # (UnicodeDecodeError is a ValueError)
            raise CorruptArchive(self.source, f"corrupt .ofd: broken XML in {name} ({exc})") from exc


_DECLARED = re.compile(rb'<\?xml[^>]*?encoding\s*=\s*["\']([A-Za-z0-9._-]+)["\'][^>]*\?>')


def _parsed(data: bytes) -> ElementTree.Element:
    """A part's XML; the standard says UTF-8, but a part declared GB2312 or GBK (which expat does
    not know) is read in its code page."""
    try:
        return ElementTree.fromstring(data)
    except (ElementTree.ParseError, ValueError):  # (expat refuses a multi-byte code page with a ValueError)
        declared = _DECLARED.match(data.lstrip(b"\xef\xbb\xbf \t\r\n"))
        if declared is None or declared.group(1).lower().replace(b"-", b"") in (b"utf8", b"utf16", b"ascii", b"usascii"):
            raise
        codec = "gb18030" if declared.group(1).lower().startswith((b"gb", b"cp936")) else declared.group(1).decode()
        text = data.lstrip(b"\xef\xbb\xbf \t\r\n")[declared.end():].decode(codec)
        return ElementTree.fromstring(text)
