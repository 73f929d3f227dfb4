"""One file's bytes -> ``SourceText``: the strict path, raising typed errors."""
from __future__ import annotations

import os
from pathlib import Path
from stat import S_ISREG

from ..errors import InputError, UnsupportedFormat
from ..records import FileError, SourceText
from . import base
from .doc import doc_to_text
from .csvtable import csv_to_text
from .docx import docx_to_text_and_headings
from .html import html_to_text
from .markdown import looks_like_markdown, markdown_markup
from .mht import mht_to_text
from .odf import ods_to_text, odt_to_text
from .ofd import ofd_to_text
from .pdf import pdf_to_text
from .pptx import pptx_to_text
from .rtf import rtf_to_text
from .xls import xls_to_text
from .xlsx import xlsx_to_text
from .text import decode_text


def read_bytes(data: bytes, name: str, sha256: str | None = None) -> SourceText:
    """Decode one file's bytes; ``name`` gives its type (by extension) and its ``source``.

    Raises ``UnsupportedFormat``, ``EmptyInput``, ``UndecodableInput``,
    ``CorruptArchive`` or ``InputTooLarge``.  A ``.zip`` holds several files
    and is refused here: ``iter_sources`` reads archives.  ``sha256``: the
    bytes' hash when the caller has it already.
    """
    base.check_size(len(data), name)
    kind = base.format_of(name, data)
    if kind == "zip":
        raise UnsupportedFormat(name, "a .zip archive holds several files; read it with iter_sources")
    headings: tuple = ()
    markup: tuple = ()
    if kind == "html":
        text, encoding = html_to_text(data, name)
    elif kind == "docx":
        (text, headings), encoding = docx_to_text_and_headings(data, name), None
    elif kind == "xlsx":
        (text, headings), encoding = xlsx_to_text(data, name), None
    elif kind == "xls":
        (text, headings), encoding = xls_to_text(data, name), None
    elif kind == "mht":
        text, encoding = mht_to_text(data, name)
    elif kind == "doc":
        text, encoding = doc_to_text(data, name), None
    elif kind == "rtf":
        text, encoding = rtf_to_text(data, name)
    elif kind == "pdf":
        (text, markup), encoding = pdf_to_text(data, name), None  # (markup: the breaks that wrap a paragraph)
    elif kind == "ofd":
        (text, markup), encoding = ofd_to_text(data, name), None
    elif kind == "odt":
        (text, headings), encoding = odt_to_text(data, name), None
    elif kind == "ods":
        (text, headings), encoding = ods_to_text(data, name), None
    elif kind == "pptx":
        (text, headings), encoding = pptx_to_text(data, name), None
    elif kind == "csv":
        text, encoding = csv_to_text(data, name)
    else:
        text, encoding = decode_text(data, name)
        if kind == "markdown" or (kind == "txt" and looks_like_markdown(text)):
            markup, headings = markdown_markup(text)  # (a .txt written in Markdown is read as one)
    return SourceText(source=name, text=text, encoding=encoding, format=kind,
                      sha256=sha256 or base.sha256_hex(data), heading_lines=headings, markup=markup)


def read_file(path: Path, source: str) -> SourceText | FileError:
    """Read one regular file; every failure becomes a ``FileError``."""
    try:
        data = read_file_bytes(path, source)
    except InputError as exc:
        return file_error(exc)
    try:
        return read_bytes(data, source)
    except InputError as exc:
        return file_error(exc, data)


def read_file_bytes(path: Path, source: str) -> bytes:
    """The bytes of ``path``, refusing what is missing, special or too large.

    Four system calls (open, fstat, read, close) where ``open(path).read()``
    makes a dozen: on a virtual machine each one also slows the parsing
    that follows it, as the processor's caches are flushed on the way.
    ``O_NONBLOCK`` lets a FIFO be opened and refused instead of waiting for
    a writer."""
    try:
        handle = os.open(path, os.O_RDONLY | _NONBLOCK | _BINARY)
    except FileNotFoundError as exc:
        raise InputError(source, "no such file or directory") from exc
    except OSError as exc:
        raise InputError(source, f"cannot read: {exc.strerror or exc}") from exc
    try:
        info = os.fstat(handle)
        if not S_ISREG(info.st_mode):
            raise UnsupportedFormat(source, "not a regular file")
        base.check_size(info.st_size, source)
        data = _read_all(handle, info.st_size, source)
    except OSError as exc:
        raise InputError(source, f"cannot read: {exc.strerror or exc}") from exc
    finally:
        os.close(handle)
    base.check_size(len(data), source)  # the file may have grown since fstat
    return data


_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation


def _read_all(handle: int, size: int, source: str) -> bytes:
    """Up to ``MAX_INPUT_BYTES + 1`` bytes: a regular file returns fewer than asked
    only at its end, so a file still of its ``fstat`` size takes one read."""
    data = os.read(handle, size + 1)
    if len(data) == size:
        return data
    chunks, total = [data], len(data)  # it changed since fstat: read to the end, or past the limit
    while data and total <= base.MAX_INPUT_BYTES:
        data = os.read(handle, 1 << 20)
        chunks.append(data)
        total += len(data)
    return b"".join(chunks)


def file_error(exc: InputError, data: bytes | None = None) -> FileError:
    reason = " ".join(str(exc.reason).split()) or type(exc).__name__
    sha = base.sha256_hex(data) if data is not None else ""
    return FileError(source=exc.source, error=reason, code=exc.code, sha256=sha)
