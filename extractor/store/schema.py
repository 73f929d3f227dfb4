"""The tables every store writes: their columns, types and keys.

One definition serves every target (DuckDB, Parquet, CSV, Excel, pandas), so
a column has the same name, order and type wherever it ends up.  Keys link
the tables: ``documents.doc_key`` (``f"{sha256}:{doc_index}"``) is referenced
by ``sections``, ``indicators`` and ``findings``; ``file_key`` (the sha256 of
a file's raw bytes) is on every row that came from a file, so one file's rows
can be found and replaced together.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

import pyarrow as pa


@dataclass(frozen=True)
class Table:
    name: str
    columns: Tuple[Tuple[str, pa.DataType], ...]
    primary_key: Tuple[str, ...]
    doc: str

    @property
    def column_names(self) -> Tuple[str, ...]:
        return tuple(name for name, _ in self.columns)

    @property
    def arrow_schema(self) -> pa.Schema:
        return pa.schema(list(self.columns))


STR, INT, FLOAT, BOOL = pa.string(), pa.int64(), pa.float64(), pa.bool_()
TIME = pa.timestamp("us", tz="UTC")

DOCUMENTS = Table("documents", (
    ("doc_key", STR), ("file_key", STR), ("source", STR), ("doc_index", INT),
    ("span_start", INT), ("span_end", INT), ("title", STR), ("org", STR),
    ("doc_type", STR), ("year", INT), ("year_text", STR), ("year_masked", BOOL),
    ("part", STR), ("year_inferred", INT), ("year_evidence", STR),
    ("encoding", STR), ("format", STR), ("title_span_start", INT),
    ("title_span_end", INT), ("schema", STR), ("run_id", STR),
), ("doc_key",), "one row per document found in a file")

SECTIONS = Table("sections", (
    ("doc_key", STR), ("file_key", STR), ("seq", INT), ("id", STR), ("parent", STR),
    ("level", INT), ("number", STR), ("heading", STR), ("span_start", INT),
    ("span_end", INT), ("heading_span_start", INT), ("heading_span_end", INT),
    ("category", STR), ("confidence", FLOAT), ("style", STR),
), ("doc_key", "id"), "the section tree of each document, in document order (seq)")

INDICATORS = Table("indicators", (
    ("doc_key", STR), ("file_key", STR), ("seq", INT), ("id", STR), ("section", STR),
    ("span_start", INT), ("span_end", INT), ("sentence_span_start", INT),
    ("sentence_span_end", INT), ("text", STR), ("predicate", STR), ("object", STR),
    ("concept", STR), ("value", FLOAT), ("unit", STR), ("kind", STR), ("approx", STR),
    ("bound", STR), ("range_low", FLOAT), ("range_high", FLOAT), ("per", STR),
    ("status", STR), ("masked", BOOL), ("part_of", STR), ("confidence", FLOAT),
    ("change", STR), ("quantity_span_start", INT), ("quantity_span_end", INT),
), ("doc_key", "id"), "quantified indicators; range as range_low/range_high")

FINDINGS = Table("findings", (
    ("finding_key", STR), ("doc_key", STR), ("file_key", STR), ("seq", INT),
    ("check", STR), ("severity", STR), ("message", STR), ("span_start", INT),
    ("span_end", INT), ("indicators", STR), ("source", STR), ("doc_index", INT),
), ("finding_key",), "audit findings; doc_key is null for cross-document findings; "
   "indicator ids joined with ','")

ERRORS = Table("errors", (
    ("file_key", STR), ("source", STR), ("code", STR), ("error", STR), ("run_id", STR),
), ("file_key", "source"), "files that could not be parsed, with the reason")

FILES = Table("files", (
    ("file_key", STR), ("source", STR), ("documents", INT), ("chars", INT),
    ("run_id", STR),
), ("file_key",), "the ledger of parsed files (also those that held no document)")

RUNS = Table("runs", (
    ("run_id", STR), ("started", TIME), ("finished", TIME), ("status", STR),
    ("argv", STR), ("target", STR), ("engine", STR), ("jobs", INT),
    ("files_seen", INT), ("files_parsed", INT), ("files_skipped", INT),
    ("files_failed", INT), ("documents", INT), ("indicators", INT), ("version", STR),
), ("run_id",), "one row per run; status is running, finished or interrupted")

TABLES = {t.name: t for t in (DOCUMENTS, SECTIONS, INDICATORS, FINDINGS, ERRORS, FILES, RUNS)}

# Tables whose rows come from parsing files (everything but the run log).
FILE_TABLES = ("documents", "sections", "indicators", "findings", "errors", "files")

_PANDAS_DTYPES = {STR: "string", INT: "Int64", FLOAT: "Float64", BOOL: "boolean",
                  TIME: "datetime64[us, UTC]"}


def pandas_dtypes(table: str) -> dict[str, str]:
    """Column -> pandas dtype (nullable extension types, stable even when empty)."""
    return {name: _PANDAS_DTYPES[kind] for name, kind in TABLES[table].columns}


def sql_type(kind: pa.DataType) -> str:
    return {STR: "VARCHAR", INT: "BIGINT", FLOAT: "DOUBLE", BOOL: "BOOLEAN",
            TIME: "TIMESTAMPTZ"}[kind]


def quote(name: str) -> str:
    """SQL identifier quoting: several columns (check, object, range...) are keywords."""
    return '"' + name.replace('"', '""') + '"'


def create_table_sql(table: Table, primary_key: Optional[bool] = True) -> str:
    cols = [f"{quote(n)} {sql_type(k)}" for n, k in table.columns]
    if primary_key:
        cols.append("PRIMARY KEY (" + ", ".join(quote(c) for c in table.primary_key) + ")")
    return f"CREATE TABLE IF NOT EXISTS {quote(table.name)} (\n  " + ",\n  ".join(cols) + "\n)"
