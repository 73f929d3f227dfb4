"""Tables, stores and writers: same columns everywhere, records round-trip."""
from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

import pandas as pd
import pytest

from batch_fixtures import write_bad, write_good
from extractor.batch import run_batch
from extractor.pipeline import parse_paths
from extractor.records import Document, FileError, Finding, Indicator, Period, Section
from extractor.store import TABLES, load_documents, load_errors, record_json, to_frames
from extractor.store.frames import doc_key

QUIET = {"progress": False, "use_model": False}

# Record field -> the columns holding it, where the name is not kept as is.
FLATTENED = {"span": ("span_start", "span_end"), "heading_span": ("heading_span_start", "heading_span_end"),
             "sentence_span": ("sentence_span_start", "sentence_span_end"),
             "title_span": ("title_span_start", "title_span_end"), "range": ("range_low", "range_high"),
             "quantity_span": ("quantity_span_start", "quantity_span_end"),
             "sha256": ("file_key",)}
NESTED = {"period", "sections", "indicators", "findings"}  # stored in tables of their own


@pytest.mark.parametrize("record, table", [
    (Document, "documents"), (Period, "documents"), (Section, "sections"),
    (Indicator, "indicators"), (Finding, "findings"),
])
def test_every_record_field_has_a_column(record, table):
    columns = set(TABLES[table].column_names)
    for f in fields(record):
        if record is Document and f.name in NESTED:
            continue
        assert set(FLATTENED.get(f.name, (f.name,))) <= columns, f"{record.__name__}.{f.name}"


@pytest.mark.parametrize("table", ["documents", "sections", "indicators", "findings", "errors"])
def test_empty_frames_keep_columns_and_dtypes(table):
    frame = to_frames([])[table]
    assert list(frame.columns) == list(TABLES[table].column_names)
    assert frame.empty
    assert frame.dtypes.astype(str).tolist() == \
        [{"string": "string", "int64": "Int64", "double": "Float64", "bool": "boolean"}[str(t)]
         for _, t in TABLES[table].columns]


def _hand_made_document() -> Document:
    text = "某县总工会工作总结。一、主要工作。签订集体合同3至5份。"
    return Document(
        source="a.txt", doc_index=1, span=(0, len(text)), title="某县总工会工作总结", org="某县总工会",
        doc_type="summary", period=Period(year=None, year_text="201*", year_masked=True, part="H1"),
        sections=(Section("s1", None, 1, "一", "主要工作", (10, 29), (10, 16), "achievements", 0.9),),
        indicators=(Indicator("i1", "s1", (17, 28), (17, 29), "签订集体合同3至5份", "签订", "集体合同",
                              "collective_contracts", 3, "份", "count", range=(3, 5)),),
        findings=(Finding("value.masked", "info", "masked year", (4, 8), ("i1",)),),
        title_span=(0, 9), encoding="utf-8", format="txt", sha256="ab" * 32,
    )


def test_frames_flatten_and_link_a_document():
    doc = _hand_made_document()
    cross = Finding("target.missed", "warning", "plan 10, done 8", None, ("i1", "i2"), "b.txt", 0)
    frames = to_frames([doc], [FileError("bad.pdf", "unsupported file type .pdf", "E101", "cd" * 32)],
                       findings=[cross])
    key = doc_key("ab" * 32, 1)
    row = frames["documents"].iloc[0]
    assert (row["doc_key"], row["year_text"], row["part"], row["span_end"]) == (key, "201*", "H1", doc.span[1])
    assert pd.isna(row["year"])
    ind = frames["indicators"].iloc[0]
    assert (ind["doc_key"], ind["value"], ind["range_low"], ind["range_high"]) == (key, 3.0, 3.0, 5.0)
    assert frames["sections"]["doc_key"].tolist() == [key]
    findings = frames["findings"]
    assert findings["doc_key"].isna().tolist() == [False, True]
    assert findings["indicators"].tolist() == ["i1", "i1,i2"]
    assert frames["errors"][["file_key", "code"]].values.tolist() == [["cd" * 32, "E101"]]


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("archive")
    write_good(folder, 4)
    write_bad(folder, 2)
    return folder


@pytest.fixture(scope="module")
def parsed(archive):
    records = list(parse_paths([archive], use_model=False))
    docs = sorted((r for r in records if isinstance(r, Document)), key=lambda d: (d.source, d.doc_index))
    return docs, [r for r in records if isinstance(r, FileError)]


@pytest.mark.parametrize("target", ["out.duckdb", "out.parquet"])
def test_incremental_stores_give_back_the_same_documents(tmp_path, archive, parsed, target):
    run_batch([archive], tmp_path / target, jobs=1, **QUIET)
    docs, errors = parsed
    assert load_documents(tmp_path / target) == docs
    assert [(e.source, e.code) for e in load_errors(tmp_path / target)] == \
        sorted((e.source, e.code) for e in errors)


def _csv_tables(out: Path) -> dict[str, pd.DataFrame]:
    return {name: pd.read_csv(out.with_name(f"out.{name}.csv"), encoding="utf-8-sig") for name in TABLES}


def _xlsx_tables(out: Path) -> dict[str, pd.DataFrame]:
    return pd.read_excel(out, sheet_name=None)


@pytest.mark.parametrize("target, read", [("out.csv", _csv_tables), ("out.xlsx", _xlsx_tables)])
def test_exports_read_back_with_the_same_columns(tmp_path, archive, parsed, target, read):
    run_batch([archive], tmp_path / target, jobs=1, **QUIET)
    tables = read(tmp_path / target)
    for name, table in TABLES.items():
        assert list(tables[name].columns) == list(table.column_names), name
    docs, errors = parsed
    assert sorted(tables["documents"]["title"]) == sorted(d.title for d in docs)
    assert len(tables["indicators"]) == sum(len(d.indicators) for d in docs)
    assert len(tables["errors"]) == len(errors)


def test_csv_starts_with_a_bom_for_excel(tmp_path, archive):
    run_batch([archive], tmp_path / "out.csv", jobs=1, **QUIET)
    assert (tmp_path / "out.documents.csv").read_bytes().startswith(b"\xef\xbb\xbfdoc_key,")


def test_csv_into_a_directory(tmp_path, archive):
    run_batch([archive], str(tmp_path / "tables.csv") + "/", jobs=1, **QUIET)
    assert sorted(p.name for p in (tmp_path / "tables.csv").iterdir()) == sorted(f"{n}.csv" for n in TABLES)


def test_jsonl_holds_spec_lines_for_documents_and_errors(tmp_path, archive, parsed):
    run_batch([archive], tmp_path / "out.jsonl", jobs=1, **QUIET)
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    docs, errors = parsed
    assert sorted(lines) == sorted(record_json(r) for r in docs + errors)
    schemas = {json.loads(line)["schema"] for line in lines}
    assert schemas == {"extractor.document/1", "extractor.error/1"}


def test_parquet_store_finishes_or_drops_a_crashed_commit(tmp_path, archive):
    out = tmp_path / "out.parquet"
    run_batch([archive], out, jobs=1, **QUIET)
    files_before = load_documents(out)
    # a commit that died before its marker: dropped on the next open
    (out / "_staging" / "dead-00001").mkdir(parents=True)
    (out / "_staging" / "dead-00001" / "documents.parquet").write_bytes(b"half a file")
    summary = run_batch([archive], out, jobs=1, **QUIET)
    assert summary.files_parsed == 0
    assert not list((out / "_staging").iterdir())
    assert load_documents(out) == files_before


def test_parquet_store_finishes_a_commit_that_has_its_marker(tmp_path, archive):
    out = tmp_path / "out.parquet"
    run_batch([archive], out, jobs=1, **QUIET)
    expected = load_documents(out)
    # crash after the marker, before the parts were moved in: the next run moves them
    part = next(p for p in (out / "documents").glob("part-*.parquet") if "schema" not in p.name)
    staged = out / "_staging" / part.stem[len("part-"):]
    staged.mkdir(parents=True)
    part.rename(staged / "documents.parquet")
    (staged / "COMMIT").write_text('{"files": [], "sources": []}', encoding="utf-8")
    assert load_documents(out) == []
    run_batch([archive], out, jobs=1, **QUIET)
    assert load_documents(out) == expected
