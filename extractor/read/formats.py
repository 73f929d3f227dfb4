"""One file's bytes -> ``SourceText``: the strict path, raising typed errors."""
from __future__ import annotations

from pathlib import Path
from stat import S_ISREG

from ..errors import InputError, UnsupportedFormat
from ..records import FileError, SourceText
from . import base
from .docx import docx_to_text
from .html import html_to_text
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
    if kind == "html":
        text, encoding = html_to_text(data, name)
    elif kind == "docx":
        text, encoding = docx_to_text(data, name), None
    else:
        text, encoding = decode_text(data, name)
    return SourceText(source=name, text=text, encoding=encoding, format=kind,
                      sha256=sha256 or base.sha256_hex(data))


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
    """The bytes of ``path``, refusing what is missing, special or too large."""
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise InputError(source, "no such file or directory") from exc
    except OSError as exc:
        raise InputError(source, f"cannot read: {exc.strerror or exc}") from exc
    if not S_ISREG(info.st_mode):  # the stat in hand, not a second one
        raise UnsupportedFormat(source, "not a regular file")
    base.check_size(info.st_size, source)
    try:
        with open(path, "rb") as handle:
            data = handle.read(base.MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise InputError(source, f"cannot read: {exc.strerror or exc}") from exc
    base.check_size(len(data), source)  # the file may have grown since stat
    return data


def file_error(exc: InputError, data: bytes | None = None) -> FileError:
    reason = " ".join(str(exc.reason).split()) or type(exc).__name__
    sha = base.sha256_hex(data) if data is not None else ""
    return FileError(source=exc.source, error=reason, code=exc.code, sha256=sha)
