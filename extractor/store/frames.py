"""Records -> table rows -> Arrow tables / pandas DataFrames.

``to_frames`` is the public verb: documents (and the errors of files that
could not be parsed) become the tables of ``extractor.store.schema``, with the
same columns and dtypes whether there is one document or none.  The row
builders below are shared by every store, so DuckDB, Parquet, CSV and Excel
all hold exactly the same rows.
"""
from __future__ import annotations

import hashlib
from typing import Iterable, Optional, Sequence

import pandas as pd
import pyarrow as pa

from ..records import Document, FileError, Finding
from .keys import doc_key, file_key_of
from .schema import TABLES

Rows = dict[str, list[tuple]]


def empty_rows() -> Rows:
    return {name: [] for name in TABLES}


def _start(span) -> Optional[int]:
    return None if span is None else span[0]


def _end(span) -> Optional[int]:
    return None if span is None else span[1]


def add_document(rows: Rows, doc: Document, run_id: Optional[str]) -> None:
    """Append one document's rows (document, sections, indicators, findings)."""
    fkey = file_key_of(doc)
    dkey = doc_key(fkey, doc.doc_index)
    p = doc.period
    rows["documents"].append((
        dkey, fkey, doc.source, doc.doc_index, _start(doc.span), _end(doc.span),
        doc.title, doc.org, doc.doc_type, p.year, p.year_text, p.year_masked, p.part,
        p.year_inferred, p.year_evidence, doc.encoding, doc.format,
        _start(doc.title_span), _end(doc.title_span), doc.schema, run_id,
    ))
    for seq, s in enumerate(doc.sections):
        rows["sections"].append((
            dkey, fkey, seq, s.id, s.parent, s.level, s.number, s.heading,
            _start(s.span), _end(s.span), _start(s.heading_span), _end(s.heading_span),
            s.category, s.confidence, s.style,
        ))
    for seq, i in enumerate(doc.indicators):
        low, high = i.range if i.range is not None else (None, None)
        rows["indicators"].append((
            dkey, fkey, seq, i.id, i.section, _start(i.span), _end(i.span),
            _start(i.sentence_span), _end(i.sentence_span), i.text, i.predicate,
            i.object, i.concept, _float(i.value), i.unit, i.kind, i.approx, i.bound,
            _float(low), _float(high), i.per, i.status, i.masked, i.part_of,
            _float(i.confidence), i.change, _start(i.quantity_span), _end(i.quantity_span),
        ))
    for seq, f in enumerate(doc.findings):
        add_finding(rows, f, dkey, fkey, seq)


def add_finding(rows: Rows, f: Finding, dkey: Optional[str], fkey: Optional[str], seq: int) -> None:
    """A finding row; a cross-document finding has no doc_key and a content key."""
    key = f"{dkey}#{seq}" if dkey is not None else _cross_key(f)
    rows["findings"].append((
        key, dkey, fkey, seq, f.check, f.severity, f.message, _start(f.span),
        _end(f.span), ",".join(f.indicators), f.source, f.doc_index,
    ))


def _cross_key(f: Finding) -> str:
    text = "\x1f".join(str(x) for x in (f.check, f.source, f.doc_index, f.span, f.message,
                                        ",".join(f.indicators)))
    return "x:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def add_error(rows: Rows, err: FileError, run_id: Optional[str]) -> None:
    rows["errors"].append((file_key_of(err), err.source, err.code, err.error, run_id))


def add_file(rows: Rows, file_key: str, source: str, documents: int, chars: int,
             run_id: Optional[str]) -> None:
    rows["files"].append((file_key, source, documents, chars, run_id))


def _float(value) -> Optional[float]:
    return None if value is None else float(value)


def to_arrow(table: str, rows: Sequence[tuple]) -> pa.Table:
    """Rows of one table as an Arrow table with the table's exact schema."""
    schema = TABLES[table].arrow_schema
    columns = list(zip(*rows)) if rows else [[] for _ in schema]
    arrays = [pa.array(list(col), type=field.type) for col, field in zip(columns, schema)]
    return pa.Table.from_arrays(arrays, schema=schema)


_PANDAS_TYPES = {pa.string(): pd.StringDtype(), pa.int64(): pd.Int64Dtype(),
                 pa.float64(): pd.Float64Dtype(), pa.bool_(): pd.BooleanDtype()}


def arrow_to_pandas(table: pa.Table) -> pd.DataFrame:
    """Nullable pandas dtypes, so an int column with gaps stays Int64."""
    return table.to_pandas(types_mapper=_PANDAS_TYPES.get)


def rows_to_frames(rows: Rows, tables: Iterable[str] = TABLES) -> dict[str, pd.DataFrame]:
    return {name: arrow_to_pandas(to_arrow(name, rows.get(name, []))) for name in tables}


def to_frames(documents: Iterable[Document], errors: Iterable[FileError] = (),
              findings: Iterable[Finding] = (), run_id: Optional[str] = None,
              ) -> dict[str, pd.DataFrame]:
    """The store's tables as pandas DataFrames (without ``files`` and ``runs``).

    ``findings`` takes cross-document findings (e.g. from ``compare``); they get
    a null ``doc_key``.  Columns and dtypes are those of ``store.schema`` even
    when a table is empty.
    """
    rows = empty_rows()
    for doc in documents:
        add_document(rows, doc, run_id)
    for err in errors:
        add_error(rows, err, run_id)
    for seq, f in enumerate(findings):
        add_finding(rows, f, None, None, seq)
    return rows_to_frames(rows, ("documents", "sections", "indicators", "findings", "errors"))
