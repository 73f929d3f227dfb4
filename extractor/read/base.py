"""What every reader shares: the size limit, format lookup, hashing.

The size limit is a module constant so a caller (or a test) can change it;
readers look it up at call time.
"""
from __future__ import annotations

import fnmatch
import hashlib
import re
import zipfile
import zlib
from functools import lru_cache
from pathlib import PurePath
from typing import Iterable, Optional

from ..errors import CorruptArchive, InputTooLarge, UnsupportedFormat
from ..resources import load_toml

# Largest file (or archive member) read, in bytes.  Official documents are
# tens of kilobytes; 20 MB leaves room for big HTML pages and docx files with
# images while keeping one file's text comfortably in memory.
MAX_INPUT_BYTES = 20 * 1024 * 1024

_FORMATS_FILE = "read_formats.toml"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_size(size: int, source: str) -> None:
    """Raise ``InputTooLarge`` when ``size`` bytes exceed the limit."""
    if size > MAX_INPUT_BYTES:
        raise InputTooLarge(source, f"file larger than the {_megabytes(MAX_INPUT_BYTES)} limit")


ZIP_ENCRYPTED = 0x1  # a zip member's general-purpose flag bit: its data needs a password
DECLARES_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)")  # (no part of a zip package format declares one: no entity tricks)
_ZIP_MEMBER_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, RuntimeError)


def read_zip_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, source: str, budget: list,
                  kind: str, label: str) -> bytes:
    """The bytes of one part of a zip package (an .odt's content.xml, a deck's slide), spent
    from ``budget``, a one-item list of the bytes the package's parts may still unpack to.  An
    encrypted, oddly compressed, damaged or oversized part is a typed error; ``kind`` names the
    file in the messages ("OpenDocument file"), ``label`` opens those of damage ("corrupt .odt")."""
    if info.flag_bits & ZIP_ENCRYPTED:
        raise UnsupportedFormat(source, f"encrypted (password-protected) {kind}")
    if info.file_size > budget[0]:
        raise InputTooLarge(source, f"{info.filename} unpacks to {info.file_size} bytes, far more than the input limit")
    try:
        with archive.open(info) as handle:
            data = handle.read(budget[0] + 1)
    except NotImplementedError as exc:
        raise UnsupportedFormat(source, f"{kind} part {info.filename} uses an unsupported compression") from exc
    except _ZIP_MEMBER_ERRORS as exc:
        raise CorruptArchive(source, f"{label}: part {info.filename} is damaged ({exc})") from exc
    budget[0] -= len(data)
    if budget[0] < 0:
        raise InputTooLarge(source, "its parts unpack to far more than the input limit")
    return data


def _megabytes(size: int) -> str:
    megabytes = size / (1024 * 1024)
    return f"{megabytes:g} MB" if megabytes >= 1 else f"{size} bytes"


def suffix_of(name: str) -> str:
    """Lower-cased last suffix without the dot ("" when there is none)."""
    return PurePath(name).suffix.lower().lstrip(".")


def format_of(name: str, data: bytes | None = None) -> str:
    """"txt", "html", "docx", "doc", "xlsx", "xls", "pdf", "ofd", "odt", "ods", "pptx", "rtf", "markdown", "mht" or "zip" for ``name``; ``UnsupportedFormat`` otherwise.

    A name without extension is sniffed from ``data`` (when given) and
    taken as text when no known signature matches.
    """
    suffix = suffix_of(name)
    if suffix:
        found = load_toml(_FORMATS_FILE)["extensions"].get(suffix)
        if found is None:
            raise UnsupportedFormat(name, f"unsupported file type .{suffix}")
        if found in ("xls", "wps") and data:
            return _named_but_read_as(found, name, data)
        return found
    sniffed = sniff(data or b"")
    if sniffed == "zip" and data:
        from .ofd import is_ofd_package  # (an OFD package saved without its extension; other zips stay refused)

        if is_ofd_package(data):
            return "ofd"
        from .odf import odf_kind  # (an OpenDocument file saved without its extension: its mimetype member)

        opendocument = odf_kind(data)
        if opendocument:
            return opendocument
        from .pptx import is_pptx_package  # (a deck saved without its extension: its ppt/presentation.xml)

        if is_pptx_package(data):
            return "pptx"
    if sniffed == "doc" and compound_kind(data) == "xls":
        return "xls"
    if sniffed in (None, "html", "pdf", "rtf", "doc", "mht"):
        return sniffed or "txt"
    raise UnsupportedFormat(name, f"unsupported file type: the content looks like {sniffed.upper()}, not text")


def sniff(data: bytes) -> str | None:
    """Name of the format whose signature ``data`` starts with, if any."""
    head = data[:64].decode("latin-1")
    # markup may follow a BOM or blank lines, and its tags are case-blind
    markup = data[:256].lstrip(b"\xef\xbb\xbf \t\r\n").decode("latin-1").lower()
    for magic, name in load_toml(_FORMATS_FILE)["magic"].items():
        if (markup if name == "html" else head).startswith(magic):
            return name
    return "mht" if _looks_like_web_archive(data) else None


def _looks_like_web_archive(data: bytes) -> bool:
    """A MIME message declaring a multipart/related body in its header block (a saved page)."""
    rules = load_toml(_FORMATS_FILE)["mht"]
    head = data[:4096].decode("latin-1").lower().replace("\r\n", "\n")
    if not head.startswith(tuple(rules["first_fields"])):
        return False
    return rules["content_type"] in head.split("\n\n", 1)[0]  # (the header block ends at a blank line)


def compound_kind(data: bytes) -> str | None:
    """What a compound file holds, by its streams ([compound]): "doc" (a WordDocument stream),
    "xls" (a workbook) or "other" (PowerPoint, Works, old WPS …); None for bytes that are no
    compound file or whose directory cannot be read (the reader then says what is wrong)."""
    import io

    import olefile

    if not data or sniff(data[:64]) != "doc":
        return None
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            for kind, streams in load_toml(_FORMATS_FILE)["compound"].items():
                if any(ole.exists(stream) for stream in streams):
                    return kind
    except Exception:  # (olefile on damaged bytes: OSError, struct and index errors alike)
        return None
    return "other"


def _named_but_read_as(named: str, name: str, data: bytes) -> str:
    """The reader for a file whose extension tells less than its bytes: an ``.xls`` that is an
    HTML page (sites export tables so) or an ``.xlsx`` is read as what it is; a ``.wps`` is a
    Word 97 file from WPS Office 2005 on, while older WPS versions and Microsoft Works wrote
    formats of their own."""
    if named == "xls":
        return {"html": "html", "zip": "xlsx"}.get(sniff(data), "xls")  # (an .xlsx renamed .xls: read as one)
    if compound_kind(data) in ("doc", None) and sniff(data[:64]) == "doc":
        return "doc"  # (a damaged one too: the .doc reader says what is wrong with it)
    raise UnsupportedFormat(name, "not a Word-compatible .wps: an old WPS (DOS, WPS 97/2000) or Microsoft Works "
                                  "document; open it in WPS Office and save it as .doc or .docx")


@lru_cache(maxsize=1)
def _skip_globs() -> tuple[str, ...]:
    return tuple(glob.lower() for glob in load_toml(_FORMATS_FILE)["skip"]["globs"])  # (names are compared lower-cased)


def is_skipped(name: str) -> bool:
    """True for hidden files and the toolkit's own outputs (never read)."""
    base = PurePath(name).name
    if base.startswith("."):
        return True
    lowered = base.lower()
    return any(fnmatch.fnmatchcase(lowered, pattern) for pattern in _skip_globs())


def lines_and_headings(lines: Iterable[tuple[str, Optional[int]]]) -> tuple[str, tuple]:
    """The text of ``(line, heading level or None)`` pairs joined by line breaks, and the
    (start, end, level) of each heading line's words (a word processor's styled headings)."""
    texts, headings, at = [], [], 0
    for line, level in lines:
        if level is not None and line.strip():
            start = at + len(line) - len(line.lstrip())
            headings.append((start, at + len(line.rstrip()), level))
        texts.append(line)
        at += len(line) + 1
    return "\n".join(texts), tuple(headings)
