"""Rebuild records from a store: the inverse of ``frames``.

``load_documents("out.duckdb")`` (or a ``.parquet`` store directory) gives
back the ``Document`` records a run stored, equal to those the pipeline
produced, ordered by source and document index.
"""
from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path
from typing import Any, Optional

import pyarrow as pa

from ..errors import StoreError
from ..records import Document, FileError, Finding, Indicator, Period, Section
from .parquet_store import read_table
from .schema import TABLES

Row = dict[str, Any]


def read_store_table(store: str | os.PathLike, name: str) -> pa.Table:
    """One table of a ``.duckdb`` file or a ``.parquet`` store directory."""
    path = Path(store)
    if path.suffix.lower() == ".parquet":
        return read_table(path, name)
    if path.suffix.lower() != ".duckdb":
        raise StoreError(f"{store}: not a store; expected a .duckdb file or a .parquet directory")
    if not path.exists():
        raise StoreError(f"{store}: no such store")
    import duckdb
    with duckdb.connect(str(path), read_only=True) as con:
        columns = ", ".join(f'"{c}"' for c in TABLES[name].column_names)
        relation = con.sql(f'SELECT {columns} FROM "{name}"')
        # DuckDB 1.4 renamed fetch_arrow_table to to_arrow_table; accept both.
        fetch = getattr(relation, "to_arrow_table", None) or relation.fetch_arrow_table
        return fetch().cast(TABLES[name].arrow_schema)


def load_documents(db_path: str | os.PathLike) -> list[Document]:
    tables = {name: read_store_table(db_path, name).to_pylist()
              for name in ("documents", "sections", "indicators", "findings")}
    parts = {name: _by_doc(tables[name]) for name in ("sections", "indicators", "findings")}
    rows = sorted(tables["documents"], key=lambda r: (r["source"], r["doc_index"]))
    return [_document(r, parts["sections"][r["doc_key"]], parts["indicators"][r["doc_key"]],
                      parts["findings"][r["doc_key"]]) for r in rows]


def load_errors(db_path: str | os.PathLike) -> list[FileError]:
    rows = sorted(read_store_table(db_path, "errors").to_pylist(), key=lambda r: r["source"])
    return [FileError(r["source"], r["error"], r["code"], _sha(r["file_key"])) for r in rows]


def _by_doc(rows: list[Row]) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = defaultdict(list)
    for row in sorted(rows, key=lambda r: r["seq"]):
        grouped[row["doc_key"]].append(row)
    return grouped


def _span(row: Row, prefix: str) -> Optional[tuple[int, int]]:
    start, end = row[f"{prefix}_start"], row[f"{prefix}_end"]
    return None if start is None else (start, end)


def _sha(file_key: str) -> str:
    return "" if file_key.startswith("unread:") else file_key


def _document(r: Row, sections: list[Row], indicators: list[Row], findings: list[Row]) -> Document:
    period = Period(r["year"], r["year_text"], bool(r["year_masked"]), r["part"],
                    r["year_inferred"], r["year_evidence"])
    return Document(
        source=r["source"], doc_index=r["doc_index"], span=_span(r, "span"), title=r["title"],
        org=r["org"], doc_type=r["doc_type"], period=period,
        sections=tuple(_section(s) for s in sections),
        indicators=tuple(_indicator(i) for i in indicators),
        findings=tuple(_finding(f) for f in findings),
        title_span=_span(r, "title_span"), encoding=r["encoding"], format=r["format"],
        sha256=_sha(r["file_key"]), schema=r["schema"],
    )


def _section(s: Row) -> Section:
    return Section(s["id"], s["parent"], s["level"], s["number"], s["heading"],
                   _span(s, "span"), _span(s, "heading_span"), s["category"],
                   s["confidence"], s["style"])


def _indicator(i: Row) -> Indicator:
    value_range = None if i["range_low"] is None else (i["range_low"], i["range_high"])
    return Indicator(
        id=i["id"], section=i["section"], span=_span(i, "span"),
        sentence_span=_span(i, "sentence_span"), text=i["text"], predicate=i["predicate"],
        object=i["object"], concept=i["concept"], value=i["value"], unit=i["unit"],
        kind=i["kind"], approx=i["approx"], bound=i["bound"], range=value_range, per=i["per"],
        status=i["status"], masked=bool(i["masked"]), part_of=i["part_of"],
        confidence=i["confidence"], change=i["change"],
        quantity_span=_span(i, "quantity_span"),
    )


def _finding(f: Row) -> Finding:
    ids = tuple(f["indicators"].split(",")) if f["indicators"] else ()
    return Finding(f["check"], f["severity"], f["message"], _span(f, "span"), ids,
                   f["source"], f["doc_index"])
