"""What every store does: buffer whole files' rows and commit them together.

A batch run hands each file's result to ``Store.add`` as it arrives; the
store turns it into rows and commits when enough has piled up (``commit_files``
results or ``commit_seconds`` since the first pending one).  A commit holds
whole files only, so a store never keeps half a file; a run killed with
SIGKILL loses at most the results of the last ``commit_seconds``, which the
next run parses again.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime
from typing import Optional

from .frames import Rows, add_document, add_error, add_file, empty_rows
from .schema import FILE_TABLES, TABLES
from .units import SkipSet, UnitResult


@dataclass
class RunInfo:
    """The ``runs`` row of the current run, updated as it goes."""

    run_id: str
    started: datetime
    argv: str
    target: str
    engine: str
    jobs: int
    version: str
    finished: Optional[datetime] = None
    status: str = "running"
    files_seen: int = 0
    files_parsed: int = 0
    files_skipped: int = 0
    files_failed: int = 0
    documents: int = 0
    indicators: int = 0

    def row(self) -> tuple:
        return (self.run_id, self.started, self.finished, self.status, self.argv,
                self.target, self.engine, self.jobs, self.files_seen, self.files_parsed,
                self.files_skipped, self.files_failed, self.documents, self.indicators,
                self.version)


class Store:
    """Base class: row buffering and the commit policy; subclasses write."""

    incremental = False  # True when a later run can skip what this one stored
    renders_in_workers = False  # True when workers send rendered lines instead of records
    commit_files = 200
    commit_seconds = 0.25

    def __init__(self, target: str):
        self.target = target
        self._rows: Rows = empty_rows()
        self._replace_files: set[str] = set()  # file keys whose old rows go
        # Sources whose old error rows go: a file stored now no longer fails,
        # and one that fails again gets a fresh row.
        self._replace_sources: set[str] = set()
        self._pending = 0
        self._pending_keys: set[str] = set()
        self._first_pending = 0.0
        self.run: Optional[RunInfo] = None

    # -- what subclasses implement -------------------------------------------
    def open(self, run: RunInfo) -> None:
        self.run = run

    def skip_set(self, retry_errors: bool) -> Optional[SkipSet]:
        """What is already stored, or None when this target is rewritten per run."""
        return None

    def _write(self, rows: Rows, replace_files: set[str], replace_sources: set[str]) -> None:
        """Store ``rows`` in one commit, first dropping the rows of ``replace_files``
        (by file key) and the error rows of ``replace_sources``."""
        raise NotImplementedError

    def close(self, run: RunInfo) -> None:
        """Commit what is pending and record the run's final row."""
        self.commit()

    def abort(self) -> None:
        """Release resources after a failure inside the store itself."""

    # -- shared ---------------------------------------------------------------
    def add(self, result: UnitResult, replace: bool = False) -> None:
        """Buffer one file's rows; ``replace`` drops rows stored for it before."""
        run_id = self.run.run_id if self.run else None
        if replace and result.file_key in self._pending_keys:
            self._drop_pending(result.file_key)
        self._pending_keys.add(result.file_key)
        self._buffer_rows(result, run_id)
        if replace:
            self._replace_files.add(result.file_key)
        self._replace_sources.add(result.source)
        if self._pending == 0:
            self._first_pending = time.monotonic()
        self._pending += 1

    def _buffer_rows(self, result: UnitResult, run_id: Optional[str]) -> None:
        """Turn one file's result into table rows (stores that write tables)."""
        if result.error is not None:
            add_error(self._rows, result.error, run_id)
        else:
            for doc in result.documents:
                add_document(self._rows, doc, run_id)
            add_file(self._rows, result.file_key, result.source, len(result.documents),
                     result.chars, run_id)

    def _drop_pending(self, file_key: str) -> None:
        for name in FILE_TABLES:
            column = TABLES[name].column_names.index("file_key")
            self._rows[name] = [row for row in self._rows[name] if row[column] != file_key]

    def due(self) -> bool:
        """True when the pending results should be committed now."""
        return self._pending > 0 and (
            self._pending >= self.commit_files
            or time.monotonic() - self._first_pending >= self.commit_seconds)

    def commit(self) -> None:
        if not self._pending:
            return
        self._write(self._rows, self._replace_files, self._replace_sources)
        self._rows = empty_rows()
        self._replace_files, self._replace_sources = set(), set()
        self._pending = 0
        self._pending_keys = set()
