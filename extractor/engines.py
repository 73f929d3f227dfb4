"""Where the per-file work runs: local processes, or a Dask cluster.

Both engines run the same function, ``store.units.process_unit`` (the local
engine's workers its batched form, ``process_units``), on work
units (paths, never bytes) and stream results back in small lists as they
complete, keeping a bounded number of units in flight so memory stays flat
whatever the size of the archive.  An empty list means "nothing finished
within ``idle_seconds``"; the batch loop uses it to commit pending results
on time.

Dask: results are gathered by the client in bounded batches and written by
the same store the local engine uses (for a ``.parquet`` target, one part
file per commit).  Workers must see the input paths (a shared file system);
nothing but the work unit is sent to them.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Callable, Iterable, Iterator, Optional

from .errors import ExtractorError, UsageError
from .store.units import FILES_PER_TASK, SkipSet, UnitResult, WorkUnit, process_unit, process_units

# The per-process settings of a pool worker, installed once by its initializer
# so the skip set is not pickled again with every task.
_WORKER_SETTINGS: dict = {}


def _init_worker(skip: Optional[SkipSet], parse: Optional[Callable], options: dict) -> None:
    _WORKER_SETTINGS.update(skip=skip, parse=parse, options=options)
    if parse is None:  # the pipeline's own parser: load it before the first file
        from .pipeline import prepare_process

        prepare_process()


def _process_in_worker(units: list[WorkUnit]) -> list[UnitResult]:
    settings = _WORKER_SETTINGS
    return process_units(units, settings["skip"], settings["parse"], settings["options"])


class LocalEngine:
    """A pool of ``jobs`` processes on this machine (``jobs=1``: in this process).

    Workers are started with ``spawn`` by default, so nothing depends on
    state inherited through ``fork`` (DuckDB threads in the parent, for one).
    ``parse`` replaces the pipeline's ``parse_source``; it must be a
    module-level function so it can be sent to the workers.  Units go to the
    workers ``units_per_task`` at a time: each task costs the parent process
    a round of queue and thread hand-offs, which with one file per task took
    about a seventh of a worker's time, a share the workers then lacked when
    every core runs one; a worker also parses a task's files together, stage
    by stage (``process_units``).
    """

    name = "local"

    def __init__(self, jobs: Optional[int] = None, *, parse: Optional[Callable] = None,
                 start_method: str = "spawn", in_process: Optional[bool] = None,
                 in_flight_per_job: int = 3, units_per_task: int = FILES_PER_TASK, idle_seconds: float = 0.2):
        self.jobs = max(1, jobs or os.cpu_count() or 1)
        self.parse = parse
        self.start_method = start_method
        self.in_process = self.jobs == 1 if in_process is None else in_process
        self.in_flight = self.jobs * in_flight_per_job  # tasks queued or running
        self.units_per_task = max(1, units_per_task)
        self.idle_seconds = idle_seconds

    def results(self, units: Iterable[WorkUnit], skip: Optional[SkipSet],
                options: Optional[dict] = None) -> Iterator[list[UnitResult]]:
        """Results as they complete; ``options`` go to the parser (e.g. use_model)."""
        options = options or {}
        if self.in_process:
            for unit in units:
                yield [process_unit(unit, skip, self.parse, options)]
            return
        context = multiprocessing.get_context(self.start_method)
        with ProcessPoolExecutor(self.jobs, mp_context=context, initializer=_init_worker,
                                 initargs=(skip, self.parse, options)) as pool:
            try:
                yield from self._stream(pool, iter(units), self._task_size(units))
            except BrokenProcessPool as exc:
                raise ExtractorError(
                    "a worker process died (killed, out of memory, or a script without "
                    "`if __name__ == '__main__':` started the run); what was stored is kept, "
                    "run again to continue") from exc
            except BaseException:
                pool.shutdown(wait=False, cancel_futures=True)
                raise

    def _task_size(self, units: Iterable[WorkUnit]) -> int:
        """Units per task: ``units_per_task``, fewer for a short listing so that
        every worker still gets several tasks (a few files keep both cores busy)."""
        if not hasattr(units, "__len__"):
            return self.units_per_task
        return max(1, min(self.units_per_task, len(units) // (self.jobs * 4)))

    def _stream(self, pool: ProcessPoolExecutor, units: Iterator[WorkUnit], task_size: int
                ) -> Iterator[list[UnitResult]]:
        running: set = set()
        exhausted = False
        while True:
            while not exhausted and len(running) < self.in_flight:
                task = list(islice(units, task_size))
                if task:
                    running.add(pool.submit(_process_in_worker, task))
                exhausted = len(task) < task_size
            if not running:
                return
            done, running = wait(running, timeout=self.idle_seconds, return_when=FIRST_COMPLETED)
            yield [result for future in done for result in future.result()]


class DaskEngine:
    """The same work on a ``dask.distributed`` cluster.

    ``scheduler`` is a scheduler address (``"tcp://host:8786"``), an existing
    ``distributed.Client``, or None to start a ``LocalCluster`` of ``jobs``
    single-threaded worker processes (``cluster_kwargs`` overrides its
    settings, e.g. ``processes=False`` for a quick in-process cluster).
    """

    name = "dask"

    def __init__(self, scheduler=None, jobs: Optional[int] = None, *,
                 parse: Optional[Callable] = None, cluster_kwargs: Optional[dict] = None,
                 in_flight_per_worker: int = 4, idle_seconds: float = 0.2):
        self.scheduler = scheduler
        self.jobs = max(1, jobs or os.cpu_count() or 1)
        self.parse = parse
        self.cluster_kwargs = cluster_kwargs or {}
        self.in_flight_per_worker = in_flight_per_worker
        self.idle_seconds = idle_seconds

    def _connect(self):
        """(client, things to close afterwards)."""
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise UsageError("the dask engine needs dask.distributed: "
                             "pip install 'dask[distributed]'") from exc
        if isinstance(self.scheduler, Client):
            return self.scheduler, []
        if self.scheduler:
            client = Client(self.scheduler)
            return client, [client]
        settings = dict(n_workers=self.jobs, threads_per_worker=1, processes=True,
                        dashboard_address=None)
        settings.update(self.cluster_kwargs)
        cluster = LocalCluster(**settings)
        client = Client(cluster)
        return client, [client, cluster]

    def results(self, units: Iterable[WorkUnit], skip: Optional[SkipSet],
                options: Optional[dict] = None) -> Iterator[list[UnitResult]]:
        client, owned = self._connect()
        try:
            workers = max(1, sum(client.nthreads().values()))
            self.jobs = workers
            skip_data = client.scatter(skip, broadcast=True) if skip is not None else None
            yield from self._stream(client, iter(units), skip_data, options or {},
                                    workers * self.in_flight_per_worker)
        finally:
            for thing in owned:
                thing.close()

    def _stream(self, client, units: Iterator[WorkUnit], skip_data, options: dict,
                in_flight: int) -> Iterator[list[UnitResult]]:
        from distributed import wait as dask_wait
        running: set = set()
        exhausted = False
        while True:
            while not exhausted and len(running) < in_flight:
                unit = next(units, None)
                if unit is None:
                    exhausted = True
                else:
                    running.add(client.submit(process_unit, unit, skip_data, self.parse,
                                              options, pure=False))
            if not running:
                return
            try:
                done, running = dask_wait(running, timeout=self.idle_seconds,
                                          return_when="FIRST_COMPLETED")
            except TimeoutError:
                yield []
                continue
            yield [future.result() for future in done]


def make_engine(engine="local", jobs: Optional[int] = None, scheduler=None):
    """An engine from its name (``"local"`` or ``"dask"``), or the engine given."""
    if not isinstance(engine, str):
        return engine
    if engine == "local":
        return LocalEngine(jobs)
    if engine == "dask":
        return DaskEngine(scheduler, jobs)
    raise UsageError(f"unknown engine {engine!r}; use 'local' or 'dask'")
