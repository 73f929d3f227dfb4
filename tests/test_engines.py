"""Engines: the Dask engine stores exactly what the local engine stores."""
from __future__ import annotations

import pytest

from batch_fixtures import assert_same_tables, write_bad, write_good, write_zip
from extractor.batch import run_batch
from extractor.engines import DaskEngine, LocalEngine, make_engine
from extractor.errors import UsageError
from extractor.store import read_store_table

QUIET = {"progress": False, "use_model": False}


def test_dask_engine_tables_equal_the_local_engines(tmp_path):
    folder = tmp_path / "in"
    write_good(folder, 4)
    write_bad(folder, 3)
    write_zip(folder / "pack.zip", 2, start=10)
    local, dask = tmp_path / "local.duckdb", tmp_path / "dask.parquet"
    run_batch([folder], local, jobs=1, **QUIET)
    engine = DaskEngine(cluster_kwargs={"n_workers": 2, "threads_per_worker": 1, "processes": False})
    summary = run_batch([folder], dask, engine=engine, **QUIET)
    assert (summary.engine, summary.files_parsed, summary.files_failed) == ("dask", 6, 3)
    assert_same_tables(local, dask)
    runs = read_store_table(dask, "runs").to_pandas()
    assert runs[["engine", "jobs", "status"]].values.tolist() == [["dask", 2, "finished"]]


def test_dask_engine_skips_what_is_stored(tmp_path):
    write_good(tmp_path / "in", 2)
    out = tmp_path / "out.parquet"
    run_batch([tmp_path / "in"], out, jobs=1, **QUIET)
    engine = DaskEngine(cluster_kwargs={"n_workers": 1, "threads_per_worker": 1, "processes": False})
    summary = run_batch([tmp_path / "in"], out, engine=engine, **QUIET)
    assert (summary.files_parsed, summary.files_skipped) == (0, 2)


ENGINES = [
    ("local", None, LocalEngine, 3),
    ("dask", "tcp://127.0.0.1:8786", DaskEngine, 3),
]


@pytest.mark.parametrize("name, scheduler, kind, jobs", ENGINES)
def test_make_engine_by_name(name, scheduler, kind, jobs):
    engine = make_engine(name, jobs, scheduler)
    assert isinstance(engine, kind) and engine.jobs == jobs
    assert getattr(engine, "scheduler", scheduler) == scheduler  # only stored, not connected


def test_make_engine_passes_an_engine_through():
    engine = LocalEngine(2)
    assert make_engine(engine) is engine


def test_unknown_engine_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown engine 'spark'"):
        make_engine("spark")


@pytest.mark.parametrize("jobs, in_process", [(1, True), (2, False)])
def test_local_engine_runs_one_job_in_this_process(jobs, in_process):
    assert LocalEngine(jobs).in_process is in_process
