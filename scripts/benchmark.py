"""Throughput and memory of bulk parsing, measured in one run.

Builds a synthetic archive from the documents in ``corpora/`` (numbers and
organisation names varied, one document text per file, in a temporary
folder), then parses it end to end (reading -> JSON Lines) with
``extractor.batch.run_batch`` and prints:

  docs/s and chars/s per core, the speed-up from 1 to 2 jobs, peak RSS per
  worker at the small and the full size, and ratios against jieba.lcut (and
  jionlp.ner.extract_money when it is installed).

Goals (reported, not enforced): end-to-end chars/s per core >= 3x jieba.lcut;
2 jobs >= 1.7x one job; peak RSS per worker <= 300 MB and flat from 1,000
to 5,000 documents.

    python scripts/benchmark.py            # 5,000 documents
    python scripts/benchmark.py --quick    # a small run, for a smoke test
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from pathlib import Path

from extractor.batch import run_batch
from extractor.engines import LocalEngine
from extractor.read import iter_sources
from extractor.records import SourceText

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
DEV_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
MIN_SEED_TEXTS = 5

DIGITS = re.compile(r"[0-9]+")  # Arabic figures, varied to make each copy distinct
# Place names are swapped for invented ones; the org suffix stays as written.
ORG = re.compile(r"[\u4e00-\u9fff]{2,4}(?=(?:县|市|区|镇|乡|街道)[\u4e00-\u9fff]{0,6}工会)")
PLACES = ("青山", "绿水", "白云", "东湖", "南岭", "北港", "西林", "金川", "玉溪", "长河", "红岩", "石桥")


def seed_texts() -> list[str]:
    """Texts of the corpora documents; the dev corpus only if corpora/ is too thin."""
    texts = _texts_under(CORPORA)
    if len(texts) < MIN_SEED_TEXTS and DEV_CORPUS.exists():
        print(f"note: only {len(texts)} texts in corpora/, timing on the dev corpus instead",
              file=sys.stderr)
        texts = _texts_under(DEV_CORPUS)
    if not texts:
        sys.exit("no seed documents found in corpora/ or the dev corpus")
    return texts


def _texts_under(folder: Path) -> list[str]:
    if not folder.exists():
        return []
    found = [s for s in iter_sources([folder]) if isinstance(s, SourceText) and "/src/" not in s.source]
    return [s.text for s in found if len(s.text) > 200]


def vary(text: str, rng: random.Random) -> str:
    """A new document from a seed: other figures, another organisation."""
    text = DIGITS.sub(lambda m: str(rng.randint(1, 10 ** len(m.group()) - 1)), text)
    place = rng.choice(PLACES) + rng.choice(PLACES)
    return ORG.sub(place, text)


def build_archive(folder: Path, count: int, seeds: list[str]) -> int:
    """Write ``count`` documents; returns the number of characters written."""
    rng = random.Random(20240601)
    chars = 0
    for n in range(count):
        text = vary(seeds[n % len(seeds)], rng)
        (folder / f"doc{n:05d}.txt").write_text(text, encoding="utf-8")
        chars += len(text)
    return chars


class TimedEngine(LocalEngine):
    """A pool (even for 1 job, so RSS is a worker's) that notes when results start.

    Starting workers and loading the pipeline takes seconds; the steady rate
    counts from the first result on, so small runs are not dominated by it.
    """

    def results(self, units, skip, options=None):
        self.first_at, self.first_docs, self.first_chars = None, 0, 0
        for batch in super().results(units, skip, options):
            if batch and self.first_at is None:
                self.first_at = time.perf_counter()
                self.first_docs = sum(r.tally[0] for r in batch)
                self.first_chars = sum(r.chars for r in batch)
            yield batch


def timed_run(folder: Path, out: Path, jobs: int):
    """(summary, wall seconds, steady docs/s, steady chars/s)."""
    engine = TimedEngine(jobs, in_process=False)
    started = time.perf_counter()
    summary = run_batch([folder], out, engine=engine, progress=False)
    ended = time.perf_counter()
    steady = max(ended - (engine.first_at or started), 1e-9)
    return (summary, ended - started, (summary.documents - engine.first_docs) / steady,
            (summary.chars - engine.first_chars) / steady)


def _busy_loop(steps: int) -> int:
    total = 0
    for i in range(steps):
        total += i * i % 7
    return total


def two_process_ceiling(steps: int = 20_000_000) -> float:
    """How much faster two processes finish two equal CPU-bound tasks than one process
    doing both: on a shared 2-core machine this is often well under 2x, and it bounds
    what two parsing jobs can show."""
    import multiprocessing
    started = time.perf_counter()
    _busy_loop(steps)
    _busy_loop(steps)
    one = time.perf_counter() - started
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        pool.map(_busy_loop, [1000, 1000])  # the workers start before the clock does
        started = time.perf_counter()
        pool.map(_busy_loop, [steps, steps], chunksize=1)
        two = time.perf_counter() - started
    return one / two


def rate_of(function, texts: list[str], repeat: int = 1) -> float:
    """Characters per second of ``function`` over ``texts``: the best of ``repeat``
    passes, so a pass slowed by other work on the machine does not count."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for text in texts:
            function(text)
        best = min(best, time.perf_counter() - started)
    return sum(map(len, texts)) / best


def jieba_rate(texts: list[str], repeat: int = 1) -> float:
    import jieba
    jieba.initialize()  # dictionary loading is not part of the rate
    return rate_of(jieba.lcut, texts, repeat)


def dev_texts() -> list[str]:
    return [p.read_text(encoding="utf-8", errors="replace") for p in sorted(DEV_CORPUS.glob("*.txt"))]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=5000, help="documents in the full archive")
    parser.add_argument("--quick", action="store_true", help="a small run (200 documents)")
    args = parser.parse_args(argv)
    full = 200 if args.quick else args.docs
    small = max(1, full // 5)
    seeds = seed_texts()
    with tempfile.TemporaryDirectory(prefix="extractor-bench-") as tmp:
        report(Path(tmp), small, full, seeds)


def report(tmp: Path, small: int, full: int, seeds: list[str]) -> None:
    small_dir, full_dir = tmp / "small", tmp / "full"
    small_dir.mkdir(), full_dir.mkdir()
    build_archive(small_dir, small, seeds)
    full_chars = build_archive(full_dir, full, seeds)
    print(f"archive: {full} documents, {full_chars / 1e6:.1f} M characters "
          f"({sum(p.stat().st_size for p in full_dir.iterdir()) / 1e6:.1f} MB) from {len(seeds)} seeds")

    # one and two jobs alternately, twice, best of each: the machine's speed drifts between runs
    runs = {1: [], 2: []}
    for jobs in (1, 2, 1, 2):
        runs[jobs].append(timed_run(small_dir, tmp / f"jobs{jobs}.jsonl", jobs))
    one, one_s, one_docs, one_cps = max(runs[1], key=lambda r: r[3])
    two, two_s, two_docs, two_cps = max(runs[2], key=lambda r: r[3])
    print(f"1 job, {small} docs: {one_docs:.1f} docs/s, {one_cps:,.0f} chars/s per core, end to end "
          f"(reading -> JSON), steady state; {one.documents / one_s:.1f} docs/s counting pool "
          f"start-up; {one.files_failed} files failed")
    print(f"2 jobs, {small} docs: {two_docs:.1f} docs/s, {two_cps:,.0f} chars/s")
    print(f"speedup_2_jobs: {two_cps / one_cps:.2f}x  (goal >= 1.7x)")
    big, _, big_docs, big_cps = timed_run(full_dir, tmp / "full.jsonl", 2)
    print(f"2 jobs, {full} docs: {big_docs:.1f} docs/s, {big_cps:,.0f} chars/s")
    # the same comparison on the full archive: each worker's caches warm over more documents
    _, _, _, big_one_cps = timed_run(full_dir, tmp / "full_one.jsonl", 1)
    print(f"1 job, {full} docs: {big_one_cps:,.0f} chars/s per core")
    print(f"speedup_2_jobs_full: {big_cps / big_one_cps:.2f}x  (goal >= 1.7x)")
    print(f"machine_two_process_ceiling: {two_process_ceiling():.2f}x  (two processes of a pure-Python "
          "loop against one doing both: the most this machine gives two jobs now)")
    print(f"peak_rss_per_worker_mb at {small} docs: {_rss(two)}; at {full} docs: {_rss(big)}  "
          "(goal <= 300 MB, flat)")

    small_texts = [p.read_text(encoding="utf-8") for p in sorted(small_dir.iterdir())]
    jieba_cps = jieba_rate(small_texts)
    print(f"jieba.lcut: {jieba_cps:,.0f} chars/s")
    print(f"end_to_end_vs_jieba: {one_cps / jieba_cps:.2f}x  (goal >= 3x)")
    end_to_end_on_dev()
    quantities_vs_jieba(dev_texts())
    long_inputs(small_texts)
    end_to_end_vs_jionlp(small_texts, one_cps)


def long_inputs(texts: list[str]) -> None:
    """Nothing may grow faster than the input: one page holding many documents,
    and one paragraph of thousands of figures, at the rate of ordinary files."""
    from extractor.pipeline import parse_text
    page = "\n".join(texts[:300])
    paragraph = "全县新建工会组织30家,发展会员2000人,签订集体合同50份,投入救助资金25万余元," * 4000
    parse_text(texts[0])
    for name, text in (("one page of 300 documents", page), ("one paragraph of 16,000 figures", paragraph)):
        started = time.perf_counter()
        parse_text(text)
        print(f"{name}: {len(text) / (time.perf_counter() - started):,.0f} chars/s ({len(text):,} chars)")


def _rss(summary) -> str:
    peaks = sorted(summary.worker_peak_rss_mb.values())
    return ", ".join(f"{p:.0f}" for p in peaks) or "n/a"


def end_to_end_on_dev() -> None:
    """Issue 4's ratio: every dev file read, parsed and rendered as JSON, against
    jieba.lcut over the same decoded texts.

    Each pass of ours runs in a fresh process prepared as a batch worker, so nothing it caches by phrase (segmentations, readings) is left
    over from an earlier pass over the same documents: a first reading, as an
    archive gets.  jieba keeps no such cache; its best pass counts.
    """
    paths = sorted(DEV_CORPUS.glob("*.txt"))
    if not paths:
        print("end_to_end_vs_jieba_dev: skipped (no dev corpus)")
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    texts = dev_texts()
    chars = sum(map(len, texts))
    ours, theirs = 0.0, jieba_rate(texts, repeat=5)
    for _ in range(3):
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
            seconds = pool.submit(_one_cold_pass, [str(p) for p in paths]).result()
        ours = max(ours, chars / seconds)
    print(f"dev corpus, {len(paths)} files, {chars:,} chars: end to end (reading -> JSON) "
          f"{ours:,.0f} chars/s, first pass in a fresh process; jieba.lcut {theirs:,.0f} chars/s")
    print(f"end_to_end_vs_jieba_dev: {ours / theirs:.2f}x  (goal >= 3x)")


def _one_cold_pass(paths: list[str]) -> float:
    """Seconds for one pass over ``paths``, done as a batch worker does it: prepared
    (lexicons and model loaded on a built-in sample text, then frozen), and
    given the files in tasks of the local engine's size."""
    from extractor.pipeline import prepare_process
    from extractor.store.units import FILES_PER_TASK, RENDER_JSON, WorkUnit, process_units
    prepare_process()
    options = {RENDER_JSON: True}
    task_size = FILES_PER_TASK
    units = [WorkUnit(path, path) for path in paths]
    started = time.perf_counter()
    for first in range(0, len(units), task_size):
        process_units(units[first:first + task_size], None, None, options)
    return time.perf_counter() - started


def quantities_vs_jieba(texts: list[str]) -> None:
    if not texts:
        print("find_quantities_vs_jieba: skipped (no dev corpus)")
        return
    from extractor.quantities import find_quantities
    find_quantities(texts[0])  # lexicons load on first use
    import jieba
    jieba.initialize()
    ours, theirs = 0.0, 0.0
    for _ in range(5):  # interleaved passes, best of each: both sides see the same machine
        ours = max(ours, rate_of(find_quantities, texts))
        theirs = max(theirs, rate_of(jieba.lcut, texts))
    print(f"find_quantities: {ours:,.0f} chars/s on the dev corpus")
    print(f"find_quantities_vs_jieba: {ours / theirs:.2f}x")


def end_to_end_vs_jionlp(texts: list[str], our_rate: float) -> None:
    try:
        import jionlp
    except ImportError:
        print("end_to_end_vs_jionlp_money: skipped; jionlp is not a project dependency. To measure it:\n"
              "  python -m venv /tmp/bench-venv && /tmp/bench-venv/bin/pip install jionlp -e . && "
              "/tmp/bench-venv/bin/python scripts/benchmark.py")
        return
    jionlp.ner.extract_money(texts[0])
    theirs = rate_of(jionlp.ner.extract_money, texts)
    print(f"jionlp.ner.extract_money: {theirs:,.0f} chars/s")
    print(f"end_to_end_vs_jionlp_money: {our_rate / theirs:.2f}x")


if __name__ == "__main__":
    main()
