"""Cold start of the command line: wall time of one ``attrib report`` / ``attrib check`` process.

    python -m pytest benchmarks/bench_cli.py --benchmark-only

Each round starts a fresh interpreter on one short article
(``benchmarks/data/short.txt``) and waits for it: interpreter start, imports,
rules and model loading, analysis and output.  The command is
``sys.executable -m attrib`` (works from a source checkout, with ``src`` put on
PYTHONPATH); the installed console script ``attrib`` is measured too when it
is on PATH (it starts the same ``attrib.cli:main`` through a small wrapper).
The target is a median under 0.3 s on the development machine; for reference
the run also times a bare ``python -c pass``.  Set ATTRIB_BENCH_NO_ASSERT=1 to
report without asserting (a loaded CI machine).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from bench_support import DATA, SRC, env_with_src, report

TARGET_S = 0.3
ROUNDS = 15
SHORT = str(DATA / "short.txt")


def _time(benchmark, argv: list[str], expect: tuple[int, ...]) -> float:  # type: ignore[no-untyped-def]
    env = env_with_src()
    env.pop("ATTRIB_DEBUG", None)

    def once() -> None:
        proc = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
        assert proc.returncode in expect, proc.stderr.decode(errors="replace")

    # As installed (pip writes .pyc files; this environment may set PYTHONDONTWRITEBYTECODE) and warm:
    # the OS file cache and attrib's on-disk regex cache (attrib.recache) are filled by a first run.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(SRC)], check=False, capture_output=True)
    once()
    benchmark.pedantic(once, rounds=ROUNDS, iterations=1)
    return benchmark.stats.stats.median


def _check(median: float, what: str) -> None:
    report(f"cold start, {what}: median {median * 1000:.0f} ms over {ROUNDS} runs (target < {TARGET_S * 1000:.0f} ms)")
    if not os.environ.get("ATTRIB_BENCH_NO_ASSERT"):
        assert median < TARGET_S, f"{what}: median {median:.3f} s, target < {TARGET_S} s"


def test_python_baseline(benchmark):
    median = _time(benchmark, [sys.executable, "-c", "pass"], (0,))
    report(f"cold start, bare `python -c pass`: median {median * 1000:.0f} ms")


@pytest.mark.parametrize("command", ["report", "check"])
def test_cold_start_module(benchmark, command):
    argv = [sys.executable, "-m", "attrib", command, SHORT]
    _check(_time(benchmark, argv, (0, 1)), f"`python -m attrib {command} short.txt`")


@pytest.mark.parametrize("command", ["report", "check"])
def test_cold_start_console_script(benchmark, command):
    script = shutil.which("attrib")
    if script is None:
        pytest.skip("the console script `attrib` is not installed (pip install -e .)")
    _check(_time(benchmark, [script, command, SHORT], (0, 1)), f"`attrib {command} short.txt` (console script)")
