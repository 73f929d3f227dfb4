"""Bulk runs on the real pipeline: errors as rows, skip, force, retry, resume."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from batch_fixtures import assert_same_tables, good_text, write_bad, write_good, write_zip
from extractor import pipeline
from extractor.batch import RunSummary, run_batch
from extractor.engines import LocalEngine
from extractor.errors import UsageError
from extractor.store import read_store_table


# The rules classifier keeps these tests independent of a trained model file.
QUIET = {"progress": False, "use_model": False}


def _count(store, table: str) -> int:
    return read_store_table(store, table).num_rows


def test_bad_files_become_error_rows_and_good_files_are_stored(tmp_path):
    archive = tmp_path / "archive"
    good = write_good(archive / "good", 6)
    write_bad(archive / "bad", 100)
    out = tmp_path / "out.duckdb"
    summary = run_batch([archive], out, jobs=2, **QUIET)
    assert (summary.files_failed, summary.files_parsed, summary.ok) == (100, 6, False)
    errors = read_store_table(out, "errors").to_pandas()
    assert len(errors) == 100
    assert set(errors["code"]) == {"E101", "E102", "E103"}
    stored = set(read_store_table(out, "documents").to_pandas()["source"])
    assert stored == {str(p) for p in good}


RERUNS = [
    # (first run options, second run options, parsed, skipped, failed in the second run)
    pytest.param({}, {}, 0, 5, 0, id="rerun skips stored and failed files"),
    pytest.param({}, {"force": True}, 3, 0, 2, id="force parses everything again"),
    pytest.param({}, {"retry_errors": True}, 0, 3, 2, id="retry-errors retries failures only"),
]


@pytest.mark.parametrize("first, second, parsed, skipped, failed", RERUNS)
@pytest.mark.parametrize("target", ["out.duckdb", "out.parquet"])
def test_second_run(tmp_path, target, first, second, parsed, skipped, failed):
    write_good(tmp_path / "in", 3)
    write_bad(tmp_path / "in", 2)
    out = tmp_path / target
    run_batch([tmp_path / "in"], out, jobs=1, **QUIET, **first)
    before = _snapshot(out)
    summary = run_batch([tmp_path / "in"], out, jobs=1, **QUIET, **second)
    assert (summary.files_parsed, summary.files_skipped, summary.files_failed) == (parsed, skipped, failed)
    assert _snapshot(out) == before  # replaced rows, never duplicated ones


def _snapshot(out) -> dict[str, int]:
    return {name: _count(out, name) for name in ("documents", "indicators", "errors", "files")}


def test_force_gives_rows_the_new_run_id(tmp_path):
    write_good(tmp_path / "in", 2)
    out = tmp_path / "out.duckdb"
    run_batch([tmp_path / "in"], out, jobs=1, **QUIET)
    again = run_batch([tmp_path / "in"], out, jobs=1, **QUIET, force=True)
    assert set(read_store_table(out, "documents").to_pandas()["run_id"]) == {again.run_id}


def test_a_fixed_file_loses_its_error_row(tmp_path):
    broken = tmp_path / "in" / "note.txt"
    broken.parent.mkdir()
    broken.write_bytes(b"")
    out = tmp_path / "out.duckdb"
    run_batch([tmp_path / "in"], out, jobs=1, **QUIET)
    broken.write_text(good_text(1), encoding="utf-8")
    summary = run_batch([tmp_path / "in"], out, jobs=1, **QUIET)
    assert (summary.files_parsed, _count(out, "errors"), _count(out, "files")) == (1, 0, 1)


class ReversedEngine(LocalEngine):
    """Results in the reverse of listing order, as a pool may deliver them."""

    def results(self, units, skip, options=None):
        collected = [r for batch in super().results(units, skip, options) for r in batch]
        yield collected[::-1]


@pytest.mark.parametrize("engine", [LocalEngine(1), ReversedEngine(1)], ids=["in order", "reversed"])
def test_same_bytes_twice_are_stored_once_under_the_first_name(tmp_path, engine):
    folder = tmp_path / "in"
    write_good(folder, 1)
    (folder / "zz_copy.txt").write_bytes((folder / "doc000.txt").read_bytes())
    out = tmp_path / "out.duckdb"
    summary = run_batch([folder], out, engine=engine, **QUIET)
    assert (summary.files_parsed, summary.files_skipped) == (1, 1)
    assert list(read_store_table(out, "files").to_pandas()["source"]) == [str(folder / "doc000.txt")]
    assert list(read_store_table(out, "documents").to_pandas()["source"]) == [str(folder / "doc000.txt")]


def test_zip_members_are_units_of_their_own(tmp_path):
    archive = write_zip(tmp_path / "in" / "pack.zip", 3)
    out = tmp_path / "out.duckdb"
    run_batch([archive], out, jobs=1, **QUIET)
    sources = sorted(read_store_table(out, "files").to_pandas()["source"])
    assert sources == [f"{archive}!inner/doc{n:03d}.txt" for n in range(3)]
    again = run_batch([archive], out, jobs=1, **QUIET)
    assert (again.files_parsed, again.files_skipped) == (0, 3)


def test_interrupted_run_resumes_to_the_same_tables(tmp_path, monkeypatch):
    write_good(tmp_path / "in", 8)
    whole, resumed = tmp_path / "whole.parquet", tmp_path / "resumed.parquet"
    run_batch([tmp_path / "in"], whole, jobs=1, **QUIET)
    real_parse, calls = pipeline.parse_sources_safely, []

    def interrupted_after_three(sources, **options):
        if len(calls) == 3:
            raise KeyboardInterrupt
        calls.extend(src.source for src in sources)
        return real_parse(sources, **options)

    monkeypatch.setattr(pipeline, "parse_sources_safely", interrupted_after_three)
    with pytest.raises(KeyboardInterrupt):
        run_batch([tmp_path / "in"], resumed, jobs=1, **QUIET)
    assert _count(resumed, "files") == 3  # what was parsed before Ctrl-C is kept
    assert read_store_table(resumed, "runs").to_pandas()["status"].tolist() == ["interrupted"]
    monkeypatch.setattr(pipeline, "parse_sources_safely", real_parse)
    summary = run_batch([tmp_path / "in"], resumed, jobs=1, **QUIET)
    assert (summary.files_parsed, summary.files_skipped) == (5, 3)
    assert_same_tables(whole, resumed)


# Run in a child process: every parse is slowed down so the kill lands mid-run,
# and every commit is announced on stdout.
KILLED_CHILD = textwrap.dedent("""
    import sys, time
    from extractor import pipeline
    from extractor.batch import run_batch
    from extractor.store.duckdb_store import DuckDBStore

    real_parse, real_write = pipeline.parse_sources_safely, DuckDBStore._write

    def slow_parse(sources, **options):
        time.sleep(0.1)
        return real_parse(sources, **options)

    def announced_write(self, *args):
        real_write(self, *args)
        print("committed", flush=True)

    pipeline.parse_sources_safely = slow_parse
    DuckDBStore._write, DuckDBStore.commit_seconds = announced_write, 0.0
    run_batch([sys.argv[1]], sys.argv[2], jobs=1, progress=False, use_model=False)
""")


def test_killed_run_loses_nothing_stored_and_the_next_run_completes(tmp_path):
    write_good(tmp_path / "in", 12)
    whole, killed = tmp_path / "whole.duckdb", tmp_path / "killed.duckdb"
    child = subprocess.Popen([sys.executable, "-c", KILLED_CHILD, str(tmp_path / "in"), str(killed)],
                             stdout=subprocess.PIPE, text=True)
    for _ in range(3):
        assert child.stdout.readline().strip() == "committed"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    stored = _count(killed, "files")
    assert 3 <= stored < 12
    assert read_store_table(killed, "runs").to_pandas()["status"].tolist() == ["running"]
    summary = run_batch([tmp_path / "in"], killed, jobs=1, **QUIET)
    assert (summary.files_skipped, summary.files_parsed) == (stored, 12 - stored)
    run_batch([tmp_path / "in"], whole, jobs=1, **QUIET)
    assert_same_tables(whole, killed)


def test_summary_line_and_runs_row(tmp_path):
    write_good(tmp_path / "in", 2)
    out = tmp_path / "out.duckdb"
    summary = run_batch([tmp_path / "in"], out, jobs=1, **QUIET, argv=["parse", "in"])
    assert isinstance(summary, RunSummary) and summary.ok
    assert summary.line().startswith("2 files parsed (2 documents, ")
    run = read_store_table(out, "runs").to_pylist()[0]
    assert (run["status"], run["files_seen"], run["files_parsed"], run["argv"]) == \
        ("finished", 2, 2, '["parse", "in"]')
    assert run["finished"] >= run["started"]


def test_progress_bar_when_asked(tmp_path, capsys):
    write_good(tmp_path / "in", 1)
    run_batch([tmp_path / "in"], tmp_path / "out.duckdb", jobs=1, progress=True, use_model=False)
    assert "1/1" in capsys.readouterr().err


@pytest.mark.parametrize("target", ["out.txt", "out", "out.sqlite"])
def test_unknown_target_is_a_usage_error(tmp_path, target):
    with pytest.raises(UsageError, match="unknown output type"):
        run_batch([tmp_path], tmp_path / target, jobs=1, **QUIET)


def test_units_processed_together_give_what_each_gives_alone(tmp_path):
    """A worker's task goes through process_units, which parses its files stage by
    stage across them: each result equals the one process_unit gives the file alone."""
    from extractor.store.units import RENDER_JSON, SkipSet, WorkUnit, process_unit, process_units

    paths = sorted(write_good(tmp_path / "good", 5) + write_bad(tmp_path / "bad", 4))
    units = [WorkUnit(str(p), str(p), index=n) for n, p in enumerate(paths)]
    skipped = process_unit(units[-1]).file_key  # a good file (bad/ sorts first)
    skip = SkipSet(parsed=frozenset({skipped}))
    for options in ({"use_model": False}, {"use_model": False, RENDER_JSON: True}):
        together = process_units(units, skip, None, options)
        alone = [process_unit(unit, skip, None, options) for unit in units]

        def comparable(result):
            return (result.source, result.file_key, result.documents, result.error, result.skipped, result.chars,
                    result.index, result.json_lines, result.counts)

        assert [comparable(r) for r in together] == [comparable(r) for r in alone]
        assert sum(r.skipped for r in together) == 1 and sum(r.error is not None for r in together) == 4
