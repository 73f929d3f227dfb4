"""A directory of Parquet datasets, one per table, appended by part files.

Layout of ``out.parquet/``::

    documents/part-<run>-<n>.parquet   one part per commit and table
    ...                                (sections, indicators, findings, errors, files)
    runs/run-<run>.parquet             one file per run, rewritten as it ends
    _staging/<run>-<n>/                a commit being made (ignored by readers)

``pandas.read_parquet("out.parquet/documents")`` reads a table.  Appends
never rewrite earlier parts; only replacing files (``force``/``retry_errors``)
rewrites the older parts that held them.  A commit is made crash-safe by a
small journal: parts are written to ``_staging``, then a ``COMMIT`` marker
listing the replaced keys, then applied (old rows purged, parts moved in).
On open, a staged commit with a marker is finished, one without is dropped.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Optional

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ..errors import StoreError
from .base import RunInfo, Store
from .frames import Rows, to_arrow
from .schema import FILE_TABLES, TABLES
from .units import SkipSet

_MARKER = "COMMIT"


class ParquetStore(Store):
    incremental = True
    commit_files = 1000  # fewer, larger parts: a part per commit and table
    commit_seconds = 10.0

    def __init__(self, target: str):
        super().__init__(target)
        self.root = Path(target)
        self._sequence = 0

    def open(self, run: RunInfo) -> None:
        super().open(run)
        try:
            for name in TABLES:
                (self.root / name).mkdir(parents=True, exist_ok=True)
            self._recover()
            for name in FILE_TABLES:
                self._ensure_schema_part(name)
        except OSError as exc:
            raise StoreError(f"{self.target}: cannot prepare the Parquet store ({exc})") from exc
        self._write_run(run)

    def _ensure_schema_part(self, name: str) -> None:
        """An empty part, so a table with no rows yet still reads with its columns."""
        if not any((self.root / name).glob("*.parquet")):
            pq.write_table(to_arrow(name, []), self.root / name / "part-000-schema.parquet")

    def _recover(self) -> None:
        staging = self.root / "_staging"
        for batch in sorted(staging.glob("*")) if staging.exists() else ():
            if (batch / _MARKER).exists():
                self._apply(batch)
            else:
                shutil.rmtree(batch)

    def skip_set(self, retry_errors: bool) -> SkipSet:
        parsed = frozenset(read_table(self.root, "files", ["file_key"])["file_key"].to_pylist())
        failed: frozenset = frozenset()
        if not retry_errors:
            errors = read_table(self.root, "errors", ["file_key", "source"])
            failed = frozenset(zip(errors["file_key"].to_pylist(), errors["source"].to_pylist()))
        return SkipSet(parsed, failed)

    def _write(self, rows: Rows, replace_files: set[str], replace_sources: set[str]) -> None:
        self._sequence += 1
        batch_id = f"{self.run.run_id}-{self._sequence:05d}"
        staged = self.root / "_staging" / batch_id
        try:
            staged.mkdir(parents=True)
            for name in FILE_TABLES:
                if rows[name]:
                    pq.write_table(to_arrow(name, rows[name]), staged / f"{name}.parquet")
            marker = {"files": sorted(replace_files), "sources": sorted(replace_sources)}
            _write_atomic(staged / _MARKER, json.dumps(marker).encode("utf-8"))
            self._apply(staged)
        except OSError as exc:
            raise StoreError(f"{self.target}: writing a batch failed ({exc})") from exc

    def _apply(self, staged: Path) -> None:
        """Finish a marked commit; safe to repeat after a crash at any step."""
        marker = json.loads((staged / _MARKER).read_text(encoding="utf-8"))
        files, sources = set(marker["files"]), set(marker["sources"])
        for name in FILE_TABLES:
            self._purge(name, files, sources, keep=f"part-{staged.name}.parquet")
        for part in staged.glob("*.parquet"):
            os.replace(part, self.root / part.stem / f"part-{staged.name}.parquet")
        shutil.rmtree(staged)

    def _purge(self, name: str, files: set[str], sources: set[str], keep: str) -> None:
        """Rewrite the parts of ``name`` that hold rows of replaced files, without them.

        ``keep`` names this commit's own part, already moved in when a crashed
        commit is being finished.
        """
        key_columns = ["source"] if name == "errors" else ["file_key"]
        if not (sources if name == "errors" else files):
            return
        for part in sorted((self.root / name).glob("*.parquet")):
            if part.name == keep:
                continue
            keys = pq.read_table(part, columns=key_columns)
            gone = _replaced_mask(name, keys, files, sources)
            if not pc.any(gone).as_py():
                continue
            _write_atomic_table(part, pq.read_table(part).filter(pc.invert(gone)))

    def _write_run(self, run: RunInfo) -> None:
        table = pa.Table.from_pylist([dict(zip(TABLES["runs"].column_names, run.row()))],
                                     schema=TABLES["runs"].arrow_schema)
        _write_atomic_table(self.root / "runs" / f"run-{run.run_id}.parquet", table)

    def close(self, run: RunInfo) -> None:
        self.commit()
        self._write_run(run)


def _replaced_mask(name: str, keys: pa.Table, files: set[str], sources: set[str]) -> pa.Array:
    column, wanted = ("source", sources) if name == "errors" else ("file_key", files)
    return pc.is_in(keys[column], value_set=pa.array(sorted(wanted), pa.string()))


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def _write_atomic_table(path: Path, table: pa.Table) -> None:
    # The temporary name starts with "." so dataset readers never pick it up.
    tmp = path.with_name("." + path.name + ".tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)


def read_table(root: str | Path, name: str, columns: Optional[list[str]] = None) -> pa.Table:
    """One table of a Parquet store, with the store's schema (empty if absent)."""
    schema = TABLES[name].arrow_schema
    folder = Path(root) / name
    parts = sorted(folder.glob("*.parquet")) if folder.exists() else []
    tables = [pq.read_table(p, columns=columns, schema=schema) for p in parts]
    if not tables:
        empty = to_arrow(name, [])
        return empty.select(columns) if columns else empty
    return pa.concat_tables(tables)
