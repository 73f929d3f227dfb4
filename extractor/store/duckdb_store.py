"""The embedded default store: one ``.duckdb`` file holding every table.

Tables carry primary keys (``store.schema``).  Each commit is one
transaction holding whole files: old rows of replaced files are deleted and
the new rows inserted together, so a reader never sees half a file and a run
killed at any moment leaves every earlier commit intact.
"""
from __future__ import annotations

from typing import Optional

import duckdb
import pyarrow as pa

from ..errors import StoreError
from .base import RunInfo, Store
from .frames import Rows, to_arrow
from .schema import FILE_TABLES, TABLES, create_table_sql, quote
from .units import SkipSet

# Tables whose rows belong to a parsed file, deleted by file_key on replace.
_PARSED_TABLES = ("documents", "sections", "indicators", "findings", "files")


class DuckDBStore(Store):
    incremental = True

    def __init__(self, target: str):
        super().__init__(target)
        self._con: Optional[duckdb.DuckDBPyConnection] = None

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            try:
                self._con = duckdb.connect(self.target)
            except duckdb.Error as exc:
                raise StoreError(f"{self.target}: cannot open the DuckDB store ({exc}); "
                                 "is another run writing to it?") from exc
            for table in TABLES.values():
                self._con.execute(create_table_sql(table))
        return self._con

    def open(self, run: RunInfo) -> None:
        super().open(run)
        self._upsert_run(run)

    def skip_set(self, retry_errors: bool) -> SkipSet:
        parsed = frozenset(k for (k,) in self.con.execute("SELECT file_key FROM files").fetchall())
        failed: frozenset = frozenset()
        if not retry_errors:
            failed = frozenset(self.con.execute("SELECT file_key, source FROM errors").fetchall())
        return SkipSet(parsed, failed)

    def _write(self, rows: Rows, replace_files: set[str], replace_sources: set[str]) -> None:
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            self._delete(replace_files, replace_sources)
            for name in FILE_TABLES:
                if rows[name]:
                    self._insert(name, to_arrow(name, rows[name]))
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"{self.target}: writing a batch failed ({exc})") from exc

    def _insert(self, name: str, batch: pa.Table) -> None:
        self.con.register("_batch", batch)
        try:
            self.con.execute(f"INSERT INTO {quote(name)} SELECT * FROM _batch")
        finally:
            self.con.unregister("_batch")

    def _delete(self, replace_files: set[str], replace_sources: set[str]) -> None:
        if replace_files:
            self.con.register("_keys", pa.table({"file_key": sorted(replace_files)}))
            try:
                for name in _PARSED_TABLES:
                    self.con.execute(f"DELETE FROM {quote(name)} "
                                     "WHERE file_key IN (SELECT file_key FROM _keys)")
            finally:
                self.con.unregister("_keys")
        if replace_sources:
            self.con.register("_sources", pa.table({"source": sorted(replace_sources)}))
            try:
                self.con.execute("DELETE FROM errors WHERE source IN (SELECT source FROM _sources)")
            finally:
                self.con.unregister("_sources")

    def _upsert_run(self, run: RunInfo) -> None:
        placeholders = ", ".join("?" for _ in TABLES["runs"].columns)
        self.con.execute("DELETE FROM runs WHERE run_id = ?", [run.run_id])
        self.con.execute(f"INSERT INTO runs VALUES ({placeholders})", list(run.row()))

    def close(self, run: RunInfo) -> None:
        try:
            self.commit()
            self._upsert_run(run)
        finally:
            self.abort()

    def abort(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
