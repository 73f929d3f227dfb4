"""Bulk runs: parse whole archives into a store, in parallel, resumably.

``run_batch(paths, "out.duckdb")`` lists the files (directories recursively,
zip members as units of their own), hands them to an engine, and writes each
file's result as it arrives.  Every file is keyed by the sha256 of its raw
bytes; a later run over the same archive skips what the store already holds,
so a run that was interrupted (Ctrl-C, SIGKILL, a crash) is completed by
running it again.  Files that fail are stored as ``errors`` rows and are
tried again only with ``retry_errors=True``; ``force=True`` parses
everything again and replaces the stored rows.

Incremental runs need a ``.duckdb`` or ``.parquet`` target; ``.csv``,
``.xlsx`` and ``.jsonl`` outputs are rewritten by every run.
"""
from __future__ import annotations

import json
import os
import secrets
import sys
import time
from contextlib import closing
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Iterable, Optional

from .engines import make_engine
from .records import FileError
from .store.base import RunInfo, Store
from .store.keys import file_key_of
from .store.units import RENDER_JSON, SkipSet, UnitResult, WorkUnit, iter_units
from .store.writers import open_store

MAX_FAILURES_KEPT = 50  # failures listed in a summary; all of them are in the store


@dataclass
class RunSummary:
    run_id: str
    target: str
    engine: str
    jobs: int
    status: str = "running"
    files_seen: int = 0
    files_parsed: int = 0
    files_skipped: int = 0
    files_failed: int = 0
    documents: int = 0
    indicators: int = 0
    findings: int = 0
    chars: int = 0
    seconds: float = 0.0
    failures: list[FileError] = field(default_factory=list)
    worker_peak_rss_mb: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when no file failed in this run (the CLI exits 1 otherwise)."""
        return self.files_failed == 0

    def line(self) -> str:
        """One line for a person: what was done, and where it went."""
        return (f"{self.files_parsed} files parsed ({self.documents} documents, "
                f"{self.indicators} indicators), {self.files_skipped} skipped, "
                f"{self.files_failed} failed in {self.seconds:.1f}s -> {self.target}")


def run_batch(paths: Iterable[str | os.PathLike], out: str | os.PathLike, *,
              jobs: Optional[int] = None, engine="local", scheduler=None,
              force: bool = False, retry_errors: bool = False,
              progress: Optional[bool] = None, argv: Optional[list[str]] = None,
              use_model: bool = True) -> RunSummary:
    """Parse every file under ``paths`` into the store at ``out``.

    ``jobs`` defaults to the number of cores; ``engine`` is ``"local"``,
    ``"dask"`` (``scheduler``: an address, a Client, or None for a local
    cluster) or an engine object.  ``progress=None`` shows a progress bar
    only when stderr is a terminal.  ``use_model=False`` classifies sections
    with the rules alone.  ``argv`` is recorded in the ``runs`` table.
    """
    store = open_store(out)
    runner = make_engine(engine, jobs, scheduler)
    run = RunInfo(run_id=_new_run_id(), started=_now(), argv=json.dumps(argv or sys.argv),
                  target=os.fspath(out), engine=runner.name, jobs=runner.jobs,
                  version=_version())
    summary = RunSummary(run.run_id, run.target, runner.name, runner.jobs)
    units, listing_errors = _list_units(paths)
    summary.files_seen = run.files_seen = len(units) + len(listing_errors)
    try:
        store.open(run)
    except BaseException:
        store.abort()
        raise
    replacing = store.incremental and (force or retry_errors)
    skip = store.skip_set(retry_errors) if store.incremental and not force else None
    recorder = _Recorder(store, summary, replacing)
    started = time.perf_counter()
    try:
        with _progress_bar(summary.files_seen, progress) as bar:
            recorder.bar = bar
            for error in listing_errors:
                recorder.record(_listing_result(error, skip))
            options = {} if use_model else {"use_model": False}
            if store.renders_in_workers:
                options[RENDER_JSON] = True
            with closing(runner.results(units, skip, options)) as stream:
                for batch in stream:
                    for result in batch:
                        recorder.record(result)
                    if store.due():
                        store.commit()
    except BaseException as exc:
        summary.status = "interrupted" if isinstance(exc, KeyboardInterrupt) else "failed"
        _finish(store, run, summary, started)
        raise
    summary.status = "finished"
    _finish(store, run, summary, started)
    return summary


def _finish(store: Store, run: RunInfo, summary: RunSummary, started: float) -> None:
    summary.seconds = time.perf_counter() - started
    for name in ("status", "files_parsed", "files_skipped", "files_failed",
                 "documents", "indicators"):
        setattr(run, name, getattr(summary, name))
    run.finished = _now()
    try:
        store.close(run)
    finally:
        store.abort()


class _Recorder:
    """Counts results, drops duplicates within the run, hands the rest to the store."""

    def __init__(self, store: Store, summary: RunSummary, replace: bool):
        self.store, self.summary, self.replace = store, summary, replace
        self.parsed_at: dict[str, int] = {}  # file key -> listing index of the copy kept
        self.bar = None

    def record(self, result: UnitResult) -> None:
        s = self.summary
        if result.max_rss_mb is not None:
            s.worker_peak_rss_mb[result.worker] = max(
                result.max_rss_mb, s.worker_peak_rss_mb.get(result.worker, 0.0))
        if result.skipped:
            s.files_skipped += 1
        elif result.error is not None:
            s.files_failed += 1
            if len(s.failures) < MAX_FAILURES_KEPT:
                s.failures.append(result.error)
            self.store.add(result, self.replace)
        elif result.file_key in self.parsed_at:
            s.files_skipped += 1
            self._duplicate(result)
        else:
            self.parsed_at[result.file_key] = result.index
            s.files_parsed += 1
            documents, indicators, findings = result.tally
            s.documents += documents
            s.indicators += indicators
            s.findings += findings
            s.chars += result.chars
            self.store.add(result, self.replace)
        if self.bar is not None and not self.bar.disable:  # formatting costs even when hidden
            self.bar.update(1)
            self.bar.set_postfix(docs=s.documents, indicators=s.indicators,
                                 errors=s.files_failed, skipped=s.files_skipped, refresh=False)

    def _duplicate(self, result: UnitResult) -> None:
        """The same bytes twice in one run: the copy listed first is the one kept.

        Results arrive in completion order, so a copy listed earlier may come
        second; an incremental store then replaces the other.  Exports keep
        the copy that arrived first.
        """
        if self.store.incremental and result.index < self.parsed_at[result.file_key]:
            self.parsed_at[result.file_key] = result.index
            self.store.add(result, replace=True)


def _list_units(paths) -> tuple[list[WorkUnit], list[FileError]]:
    units, errors = [], []
    for item in iter_units(paths):
        if isinstance(item, FileError):
            errors.append(item)
        else:
            units.append(replace(item, index=len(units)))
    return units, errors


def _listing_result(error: FileError, skip: Optional[SkipSet]) -> UnitResult:
    """A file that failed while listing (a corrupt zip) as a unit result."""
    key = file_key_of(error)
    if skip is not None and (key, error.source) in skip:
        return UnitResult(error.source, key, skipped=True)
    return UnitResult(error.source, key, error=error)


def _progress_bar(total: int, progress: Optional[bool]):
    from tqdm import tqdm
    enabled = sys.stderr.isatty() if progress is None else progress
    return tqdm(total=total, unit="file", disable=not enabled, file=sys.stderr,
                dynamic_ncols=True, smoothing=0.1)


def _new_run_id() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("extractor")
    except PackageNotFoundError:
        return "unknown"
