"""Stores chosen by the output's extension, and the export formats.

=================  =========================================================
target             what is written
=================  =========================================================
``x.duckdb``       DuckDB database, incremental (``duckdb_store``)
``x.parquet``      directory of Parquet datasets, incremental (``parquet_store``)
``x.csv``          one CSV per table, UTF-8 with BOM (Excel shows Chinese):
                   ``x.documents.csv``..., or ``x.csv/documents.csv``... when
                   ``x.csv`` is a directory or written with a trailing ``/``
``x.xlsx``         one sheet per table
``x.jsonl``        SPEC JSON Lines: a line per document, a line per failed file
=================  =========================================================

CSV, Excel and JSON Lines are exports: every run parses all its inputs and
rewrites the output (written to a temporary file, moved into place when the
run ends).  Use ``.duckdb`` or ``.parquet`` for incremental, resumable runs.
"""
from __future__ import annotations

import csv
import os
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import StoreError, UsageError
from ..records import Document, FileError, to_json
from .base import RunInfo, Store
from .duckdb_store import DuckDBStore
from .frames import Rows
from .parquet_store import ParquetStore
from .schema import FILE_TABLES, TABLES
from .units import UnitResult

EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_CELL = 32_767


class _ExportStore(Store):
    """Streams rows to temporary files; moves them into place on close."""

    commit_files = 500
    commit_seconds = 2.0

    def _outputs(self) -> dict[str, Path]:
        raise NotImplementedError

    def _tmp(self, path: Path) -> Path:
        return path.with_name("." + path.name + ".partial")

    def _finish(self) -> None:
        for path in self._outputs().values():
            os.replace(self._tmp(path), path)

    def abort(self) -> None:
        for path in self._outputs().values():
            if self._tmp(path).exists():
                self._tmp(path).unlink()


class CsvStore(_ExportStore):
    def __init__(self, target: str):
        super().__init__(target)
        self._handles: dict[str, Any] = {}
        self._writers: dict[str, Any] = {}

    def _outputs(self) -> dict[str, Path]:
        target = self.target
        if target.endswith(("/", os.sep)) or Path(target).is_dir():
            return {name: Path(target) / f"{name}.csv" for name in TABLES}
        stem = target[: -len(".csv")] if target.lower().endswith(".csv") else target
        return {name: Path(f"{stem}.{name}.csv") for name in TABLES}

    def open(self, run: RunInfo) -> None:
        super().open(run)
        for name, path in self._outputs().items():
            path.parent.mkdir(parents=True, exist_ok=True)
            handle = open(self._tmp(path), "w", encoding="utf-8-sig", newline="")
            self._handles[name] = handle
            self._writers[name] = csv.writer(handle)
            self._writers[name].writerow(TABLES[name].column_names)

    def _write(self, rows: Rows, replace_files, replace_errors) -> None:
        for name in FILE_TABLES:
            self._writers[name].writerows(rows[name])

    def close(self, run: RunInfo) -> None:
        self.commit()
        self._writers["runs"].writerow([_plain(v) for v in run.row()])
        for handle in self._handles.values():
            handle.close()
        self._finish()

    def abort(self) -> None:
        for handle in self._handles.values():
            handle.close()
        super().abort()


class XlsxStore(_ExportStore):
    def __init__(self, target: str):
        super().__init__(target)
        self._book = None
        self._sheets: dict[str, Any] = {}
        self._counts: dict[str, int] = {}

    def _outputs(self) -> dict[str, Path]:
        return {"book": Path(self.target)}

    def open(self, run: RunInfo) -> None:
        from openpyxl import Workbook
        super().open(run)
        self._book = Workbook(write_only=True)  # streams rows; memory stays flat
        for name in TABLES:
            self._sheets[name] = self._book.create_sheet(name)
            self._sheets[name].append(list(TABLES[name].column_names))
            self._counts[name] = 1

    def _write(self, rows: Rows, replace_files, replace_errors) -> None:
        for name in FILE_TABLES:
            self._append(name, rows[name])

    def _append(self, name: str, rows: list[tuple]) -> None:
        self._counts[name] += len(rows)
        if self._counts[name] > EXCEL_MAX_ROWS:
            raise StoreError(f"{self.target}: sheet {name!r} would exceed Excel's "
                             f"{EXCEL_MAX_ROWS} rows; write to .duckdb or .parquet instead")
        for row in rows:
            self._sheets[name].append([_excel_cell(v) for v in row])

    def close(self, run: RunInfo) -> None:
        self.commit()
        self._append("runs", [run.row()])
        Path(self.target).parent.mkdir(parents=True, exist_ok=True)
        self._book.save(self._tmp(Path(self.target)))
        self._finish()


class JsonlStore(_ExportStore):
    """SPEC section 2 JSON Lines; the ``runs`` log is not part of this format."""

    def __init__(self, target: str):
        super().__init__(target)
        self._handle = None
        self._lines: list[str] = []

    def _outputs(self) -> dict[str, Path]:
        return {"lines": Path(self.target)}

    def open(self, run: RunInfo) -> None:
        super().open(run)
        Path(self.target).parent.mkdir(parents=True, exist_ok=True)
        self._handle = open(self._tmp(Path(self.target)), "w", encoding="utf-8")

    renders_in_workers = True

    def _buffer_rows(self, result: UnitResult, run_id) -> None:
        # JSON Lines are the documents themselves: no table rows to build
        if result.error is not None:
            self._lines.append(record_json(result.error))
        self._lines.extend(result.json_lines or (record_json(doc) for doc in result.documents))

    def _write(self, rows: Rows, replace_files, replace_errors) -> None:
        self._handle.write("".join(line + "\n" for line in self._lines))
        self._lines = []

    def close(self, run: RunInfo) -> None:
        self.commit()
        self._handle.close()
        self._finish()

    def abort(self) -> None:
        if self._handle is not None:
            self._handle.close()
        super().abort()


def record_json(record: Document | FileError) -> str:
    """One JSON line for a document or a failed file, as ``extractor parse`` prints it."""
    return to_json(record)


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


_ILLEGAL_XML = dict.fromkeys(c for c in range(32) if chr(c) not in "\t\n\r")


def _excel_cell(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()  # Excel cannot hold time zones
    if isinstance(value, str):
        value = value.translate(_ILLEGAL_XML)
        return value if len(value) <= EXCEL_MAX_CELL else value[: EXCEL_MAX_CELL - 1] + "…"
    return value


STORES = {".duckdb": DuckDBStore, ".parquet": ParquetStore, ".csv": CsvStore,
          ".xlsx": XlsxStore, ".jsonl": JsonlStore}


def open_store(target: str | os.PathLike) -> Store:
    """The store for an output path, chosen by its extension (see the table above)."""
    target = os.fspath(target)
    bare = target.rstrip("/" + os.sep)
    suffix = Path(bare).suffix.lower()
    if suffix not in STORES:
        raise UsageError(f"{target}: unknown output type {suffix or '(none)'!r}; "
                         "use .duckdb, .parquet, .csv, .xlsx or .jsonl")
    try:
        Path(bare).parent.mkdir(parents=True, exist_ok=True)  # "out/results.duckdb" in a fresh checkout
    except OSError as exc:
        raise StoreError(f"{target}: cannot create its folder ({exc.strerror or exc})") from exc
    return STORES[suffix](bare if suffix == ".parquet" else target)
