"""Folders and ``.zip`` archives: many files in, one record per file out.

Directories are walked recursively in sorted path order, skipping hidden
files and the toolkit's own outputs (data/read_formats.toml).  A zip is
read in memory, never extracted: its members, in sorted order, are named
``archive.zip!member/path.txt``.  A member whose path could escape (absolute
or with ``..``) is refused, and so is a zip inside a zip.
"""
from __future__ import annotations

import os
import zipfile
import zlib
from pathlib import Path, PurePosixPath
from typing import Iterable, Iterator

from ..errors import CorruptArchive, InputError, UnsafeArchiveMember, UnsupportedFormat
from ..records import FileError, SourceText
from . import base
from .formats import file_error, read_bytes, read_file, read_file_bytes

Record = SourceText | FileError

_ZIP_ENCRYPTED = 0x1  # general-purpose flag bits of a zip member
_ZIP_UTF8_NAME = 0x800


def iter_sources(paths: Iterable[str | Path]) -> Iterator[Record]:
    """One ``SourceText`` or ``FileError`` per file found under ``paths``; never raises for bad input."""
    for given in paths:
        yield from _iter_path(Path(given), str(given))


def _iter_path(path: Path, source: str) -> Iterator[Record]:
    if path.is_dir():
        yield from _iter_directory(path, source)
    elif base.suffix_of(source) == "zip":
        yield from _iter_zip_file(path, source)
    else:
        yield read_file(path, source)


def _iter_directory(directory: Path, source: str) -> Iterator[Record]:
    problems: list[OSError] = []
    found: list[tuple[str, ...]] = []
    for root, dirs, files in os.walk(directory, onerror=problems.append):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        relative = Path(root).relative_to(directory).parts
        found.extend(relative + (name,) for name in files if not base.is_skipped(name))
    for problem in problems:
        yield FileError(source=str(problem.filename or source), error=f"cannot read folder: {problem.strerror}",
                        code=InputError.code)
    for parts in sorted(found):
        member = directory.joinpath(*parts)
        yield from _iter_path(member, str(Path(source).joinpath(*parts)))


def _iter_zip_file(path: Path, source: str) -> Iterator[Record]:
    try:
        if not path.is_file():
            read_file_bytes(path, source)  # raises the right error for missing/special paths
        archive = zipfile.ZipFile(path)
    except InputError as exc:
        yield file_error(exc)
        return
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
        yield file_error(CorruptArchive(source, "corrupt zip archive"))
        return
    with archive:
        yield from iter_zip_members(archive, source)


def iter_zip_members(archive: zipfile.ZipFile, source: str) -> Iterator[Record]:
    """Records of every member of an open archive, in sorted name order."""
    members = [(member_name(info), info) for info in archive.infolist() if not info.is_dir()]
    for name, info in sorted(members, key=lambda pair: pair[0]):
        if is_hidden(name):
            continue
        member_source = f"{source}!{name}"
        try:
            data = _read_member(archive, info, name, member_source)
            yield read_bytes(data, member_source)
        except InputError as exc:
            yield file_error(exc)


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, source: str) -> bytes:
    check_member(info, name, source)
    try:
        with archive.open(info) as handle:
            data = handle.read(base.MAX_INPUT_BYTES + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
        raise CorruptArchive(source, f"corrupt zip member ({exc})") from exc
    except NotImplementedError as exc:
        raise UnsupportedFormat(source, f"zip member uses an unsupported compression method ({exc})") from exc
    base.check_size(len(data), source)  # the header may understate the size
    return data


def check_member(info: zipfile.ZipInfo, name: str, source: str) -> None:
    if _escapes(name):
        raise UnsafeArchiveMember(source, "unsafe path in zip archive (absolute or with '..'); member refused")
    if info.flag_bits & _ZIP_ENCRYPTED:
        raise UnsupportedFormat(source, "encrypted zip member; decrypt the archive first")
    if base.suffix_of(name) == "zip":
        raise UnsupportedFormat(source, "zip archive inside a zip archive is not read; extract the outer one first")
    base.check_size(info.file_size, source)


def member_name(info: zipfile.ZipInfo) -> str:
    """Member name; zips made on Chinese Windows store GBK names without saying so."""
    name = info.filename
    if info.flag_bits & _ZIP_UTF8_NAME:
        return name
    try:
        raw = name.encode("cp437")
    except UnicodeEncodeError:
        return name
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return name


def _escapes(name: str) -> bool:
    normalised = name.replace("\\", "/")
    parts = PurePosixPath(normalised).parts
    return normalised.startswith("/") or (len(name) > 1 and name[1] == ":") or ".." in parts


def is_hidden(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return any(part.startswith(".") and part not in (".", "..") for part in parts) or base.is_skipped(parts[-1])
