"""Work units of a batch run and the per-unit function every engine runs.

A unit is one file, or one member of a ``.zip`` archive.  Units carry paths,
never bytes, so a worker (a local process or a Dask worker on another machine
sharing the files) reads its own input.  The worker hashes the raw bytes
first and skips the unit when the store already holds that hash, so an
unchanged file is read and hashed but never parsed again.
"""
from __future__ import annotations

import hashlib
import os
import sys
import time
import zipfile
import zlib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Callable, FrozenSet, Iterable, Iterator, Optional, Sequence, Tuple

from ..errors import INTERNAL_ERROR_CODE, CorruptArchive, InputError, UnsupportedFormat, internal_error_reason
from ..read import base as read_base
# The archive rules are the reader's own, so a batch run and iter_sources
# name, refuse and skip exactly the same members.
from ..read.archive import check_member, is_hidden, member_name
from ..read.formats import read_bytes, read_file_bytes
from ..records import Document, FileError, SourceText
from .keys import file_key_of

try:  # POSIX only
    import resource
except ImportError:  # pragma: no cover
    resource = None  # type: ignore[assignment]


@dataclass(frozen=True)
class WorkUnit:
    source: str  # name in the output: the path as given, or "archive.zip!member"
    path: str  # absolute path of the file (of the archive, for a member)
    member: Optional[str] = None  # the member's raw name inside the archive
    index: int = 0  # position in the run's listing; decides which of two copies is kept


@dataclass(frozen=True)
class SkipSet:
    """What the store already holds: parsed content hashes and failed (hash, source)."""

    parsed: FrozenSet[str] = frozenset()
    failed: FrozenSet[Tuple[str, str]] = frozenset()

    def __contains__(self, key: Tuple[str, str]) -> bool:
        sha, source = key
        return sha in self.parsed or (sha, source) in self.failed

    def __len__(self) -> int:
        return len(self.parsed) + len(self.failed)


# The name results give the process that made them, kept rather than asked of the
# system per result (a system call slows the parsing after it); renewed in a fork.
_this_worker = f"pid{os.getpid()}"


def _rename_this_worker() -> None:
    global _this_worker
    _this_worker = f"pid{os.getpid()}"


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_rename_this_worker)


@dataclass(frozen=True)
class UnitResult:
    source: str
    file_key: str
    documents: Tuple[Document, ...] = ()
    error: Optional[FileError] = None
    skipped: bool = False
    chars: int = 0
    seconds: float = 0.0
    max_rss_mb: Optional[float] = None  # peak RSS of the process that parsed it
    index: int = 0  # the unit's position in the listing
    worker: str = field(default_factory=lambda: _this_worker)
    # For a JSON Lines target the worker renders the lines itself and sends them
    # instead of the records, so the writing process only writes.
    json_lines: Tuple[str, ...] = ()
    counts: Tuple[int, int, int] = (0, 0, 0)  # documents, indicators, findings

    @property
    def tally(self) -> Tuple[int, int, int]:
        """(documents, indicators, findings) of this file, with or without its records."""
        if self.documents:
            return (len(self.documents), sum(len(d.indicators) for d in self.documents),
                    sum(len(d.findings) for d in self.documents))
        return self.counts


def iter_units(paths: Iterable[str | os.PathLike]) -> Iterator[WorkUnit | FileError]:
    """Units under ``paths``, listed by the rules of ``extractor.read.iter_sources``.

    Directories recursively in sorted order, hidden files and the toolkit's
    own outputs skipped; a ``.zip`` gives one unit per member, named
    ``archive.zip!member``.  Nothing is read here but zip directories.
    """
    for given in paths:
        yield from _path_units(Path(given), str(given))


def _path_units(path: Path, source: str) -> Iterator[WorkUnit | FileError]:
    if path.is_dir():
        yield from _directory_units(path, source)
    elif read_base.suffix_of(source) == "zip":
        yield from _zip_units(path, source)
    else:
        yield WorkUnit(source, os.path.abspath(path))


def _directory_units(directory: Path, source: str) -> Iterator[WorkUnit | FileError]:
    problems: list[OSError] = []
    found: list[tuple[str, ...]] = []
    for root, dirs, files in os.walk(directory, onerror=problems.append):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        relative = Path(root).relative_to(directory).parts
        found.extend(relative + (name,) for name in files if not read_base.is_skipped(name))
    for problem in problems:
        yield FileError(str(problem.filename or source), f"cannot read folder: {problem.strerror}",
                        InputError.code)
    for parts in sorted(found):
        yield from _path_units(directory.joinpath(*parts), str(Path(source).joinpath(*parts)))


def _zip_units(path: Path, source: str) -> Iterator[WorkUnit | FileError]:
    absolute = os.path.abspath(path)
    try:
        with zipfile.ZipFile(absolute) as archive:
            infos = [info for info in archive.infolist() if not info.is_dir()]
    except (zipfile.BadZipFile, OSError, EOFError):
        yield FileError(source, "corrupt zip archive", CorruptArchive.code, _hash_file(absolute))
        return
    named = sorted((member_name(info), info.filename) for info in infos)
    for name, raw_name in named:
        if not is_hidden(name):
            yield WorkUnit(f"{source}!{name}", absolute, raw_name)


def _hash_file(path: str) -> str:
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return ""


@lru_cache(maxsize=4)
def _open_archive(path: str, mtime_ns: int) -> zipfile.ZipFile:
    # Kept open per process: reopening re-reads the central directory per member.
    return zipfile.ZipFile(path)


def read_unit_bytes(unit: WorkUnit) -> bytes:
    """The raw bytes of a unit; ``InputError`` subclasses for what cannot be read."""
    if unit.member is None:
        return read_file_bytes(Path(unit.path), unit.source)
    name = unit.source.split("!", 1)[1]
    try:
        archive = _open_archive(unit.path, os.stat(unit.path).st_mtime_ns)
        info = archive.getinfo(unit.member)
        check_member(info, name, unit.source)
        with archive.open(info) as handle:
            data = handle.read(read_base.MAX_INPUT_BYTES + 1)
    except (zipfile.BadZipFile, zlib.error, KeyError, EOFError, OSError) as exc:
        raise CorruptArchive(unit.source, f"corrupt zip member ({exc})") from exc
    except NotImplementedError as exc:
        raise UnsupportedFormat(unit.source, f"zip member uses an unsupported compression "
                                f"method ({exc})") from exc
    read_base.check_size(len(data), unit.source)  # the header may understate the size
    return data


# The option that asks a worker for rendered JSON lines instead of records.
RENDER_JSON = "render_json"

# Files handed to process_units (a local worker's task, parse_paths' batch) at a
# time: enough for stage-by-stage parsing to pay, few enough to hold their texts.
FILES_PER_TASK = 8


def process_unit(unit: WorkUnit, skip: Optional[SkipSet] = None,
                 parse: Optional[Callable] = None, options: Optional[dict] = None) -> UnitResult:
    """Read, hash, and (unless ``skip`` holds the hash) parse one unit.

    ``parse(source_text, **options)`` gives the file's documents (or a
    ``FileError``); the default is the pipeline's own parser.  Never
    raises for a bad input: unreadable, undecodable or unparsable files come
    back as a ``FileError`` so a batch always goes on.
    """
    return process_units([unit], skip, parse, options)[0]


def process_units(units: Sequence[WorkUnit], skip: Optional[SkipSet] = None,
                  parse: Optional[Callable] = None, options: Optional[dict] = None) -> list[UnitResult]:
    """``process_unit`` of each unit, in order.  The pipeline's own parser takes
    the units' texts together, stage by stage (``pipeline.parse_sources_safely``),
    which is quicker than one file after the other; a unit's ``seconds`` then
    runs from its reading to the end of the shared parse."""
    options = dict(options or {})
    render_json = options.pop(RENDER_JSON, False)
    results: list[Optional[UnitResult]] = [None] * len(units)
    to_parse: list[tuple[int, SourceText, float]] = []  # (position, decoded text, when its reading started)
    for n, unit in enumerate(units):
        started = time.perf_counter()
        try:
            data = read_unit_bytes(unit)
        except InputError as exc:
            results[n] = _failed(unit, "", exc.code, exc.reason, started)
            continue
        sha = hashlib.sha256(data).hexdigest()
        if skip is not None and (sha, unit.source) in skip:
            results[n] = UnitResult(unit.source, sha, skipped=True, index=unit.index,
                                    seconds=time.perf_counter() - started)
            continue
        try:
            to_parse.append((n, read_bytes(data, unit.source, sha), started))
        except Exception as exc:  # undecodable, or a reader bug: this file only
            results[n] = _failed_with(unit, sha, exc, started)
    parsed = _parse_all([text for _, text, _ in to_parse], parse, options)
    peak_rss = peak_rss_mb() if to_parse else None  # once per task: a system call
    for (n, text, started), records in zip(to_parse, parsed):
        results[n] = _parsed(units[n], text, records, started, render_json, peak_rss)
    return results  # type: ignore[return-value]  # every position is filled


def _parse_all(texts: list[SourceText], parse: Optional[Callable], options: dict) -> list:
    """Each text's records, or the exception its parse raised."""
    if parse is None:
        from .. import pipeline  # imported on first use: the pipeline loads its lexicons then

        return pipeline.parse_sources_safely(texts, **options)
    found: list = []
    for text in texts:
        try:
            found.append(list(parse(text, **options)))
        except Exception as exc:  # a parser bug on one file must not stop the batch
            found.append(exc)
    return found


def _parsed(unit: WorkUnit, text: SourceText, records, started: float, render_json: bool,
            peak_rss: Optional[float]) -> UnitResult:
    sha = text.sha256
    if isinstance(records, Exception):
        return _failed_with(unit, sha, records, started)
    records = [r if isinstance(r, FileError) or r.sha256 == sha else replace(r, sha256=sha) for r in records]
    errors = [r for r in records if isinstance(r, FileError)]
    if errors:
        return _failed(unit, sha, errors[0].code, errors[0].error, started)
    result = UnitResult(unit.source, sha, tuple(records), chars=len(text.text), index=unit.index,
                        seconds=time.perf_counter() - started, max_rss_mb=peak_rss)
    if render_json:
        from .writers import record_json

        result = replace(result, documents=(), counts=result.tally,
                         json_lines=tuple(record_json(doc) for doc in records))
    return result


def _failed_with(unit: WorkUnit, sha: str, exc: Exception, started: float) -> UnitResult:
    if isinstance(exc, InputError):
        return _failed(unit, sha, exc.code, exc.reason, started)
    return _failed(unit, sha, INTERNAL_ERROR_CODE, internal_error_reason(exc), started)


def _failed(unit: WorkUnit, sha: str, code: str, reason: str, started: float) -> UnitResult:
    error = FileError(unit.source, reason, code, sha)
    return UnitResult(unit.source, file_key_of(error), error=error, index=unit.index,
                      seconds=time.perf_counter() - started, max_rss_mb=peak_rss_mb())


def peak_rss_mb() -> Optional[float]:
    """Peak resident memory of this process, in MB (None where unsupported)."""
    if resource is None:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
