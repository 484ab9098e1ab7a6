"""Throughput with ``--jobs 1`` vs ``--jobs 2`` over the archive (near-linear speed-up on 2 cores).

    python -m pytest benchmarks/bench_jobs.py --benchmark-only

Runs :func:`attrib.batch.analyse` (what ``attrib report --jobs N`` runs) over
every article of ``../shared/data/articles``, rendering each report as a JSON
line, first in one process, then over a pool of N worker processes (each
builds its Checker once; order preserved).  The pool's start-up is inside the
timing.  The speed-up is asserted at >= 1.5x with two jobs when the machine
has two or more CPUs (set ATTRIB_BENCH_NO_ASSERT=1 to only report).
"""

from __future__ import annotations

import os
import time

import pytest

from bench_support import article_paths, report, words

ROUNDS = 3


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover
        return os.cpu_count() or 1


def test_jobs_speedup(benchmark):
    from attrib import batch

    paths = [str(p) for p in article_paths()]
    n_words = words([p.read_text(encoding="utf-8") for p in article_paths()])
    options = batch.Options(command="report", format="json", runner={"isolated": True})
    jobs = min(2, _cpus()) if _cpus() > 1 else 2

    def run(n: int) -> list:
        tasks = (batch.Task(p) for p in paths)
        return list(batch.analyse(tasks, options, jobs=n))

    one: list[float] = []

    def setup() -> None:  # jobs=1, timed by hand between the timed pool rounds (same machine load)
        t0 = time.perf_counter()
        outcomes = run(1)
        one.append(time.perf_counter() - t0)
        assert len(outcomes) == len(paths)

    outcomes = benchmark.pedantic(run, args=(jobs,), setup=setup, rounds=ROUNDS, iterations=1)
    assert [o.name for o in outcomes] == paths  # order preserved
    assert not [o.error for o in outcomes if o.error]
    t1, tn = min(one), benchmark.stats.stats.min
    speedup = t1 / tn
    benchmark.extra_info.update(jobs=jobs, t_jobs1=round(t1, 3), t_jobsN=round(tn, 3), speedup=round(speedup, 2))
    report(
        f"--jobs 1: {n_words / t1:,.0f} words/s ({t1:.2f} s); --jobs {jobs}: {n_words / tn:,.0f} words/s "
        f"({tn:.2f} s); speed-up {speedup:.2f}x on {_cpus()} CPUs"
    )
    if _cpus() < 2:
        pytest.skip("one CPU: no speed-up to show")
    if not os.environ.get("ATTRIB_BENCH_NO_ASSERT"):
        assert speedup >= 1.5, f"--jobs {jobs} gave only {speedup:.2f}x"
