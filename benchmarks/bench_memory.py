"""Peak memory of analysing the archive (target < 150 MB), and flat memory when streaming.

    python -m pytest benchmarks/bench_memory.py --benchmark-only

Peak resident memory (``ru_maxrss``) of a fresh process, so the figure covers
the interpreter, attrib's modules, rules and model and the analysis itself:

* the library: ``Checker.run`` over every article of ``../shared/data/articles``;
* the command line streaming a JSON Lines file of the archive
  (``python -m attrib report --jsonl FILE --format json``), once with the
  archive and once with it three times over: the peak must not grow with the
  number of articles (results are written as they are done).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bench_support import article_paths, env_with_src, report

TARGET_MB = 150

_LIBRARY = r"""
import json, resource, sys
from pathlib import Path
from attrib.checker import Checker
checker = Checker()
n = 0
for p in sorted(Path(sys.argv[1]).glob("*.txt")):
    n += len(checker.run(p.read_text(encoding="utf-8")).sentences)
print(json.dumps({"sentences": n, "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""

_CHILD = r"""
import json, os, resource, subprocess, sys
with open(os.devnull, "wb") as out:
    code = subprocess.run(sys.argv[1:], stdout=out).returncode
print(json.dumps({"code": code, "maxrss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


def _run(argv: list[str]) -> dict:
    proc = subprocess.run(argv, env=env_with_src(), capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_peak_memory_library(benchmark):
    folder = str(article_paths()[0].parent)
    found: dict = {}
    benchmark.pedantic(lambda: found.update(_run([sys.executable, "-c", _LIBRARY, folder])), rounds=1, iterations=1)
    mb = found["maxrss_kb"] / 1024
    benchmark.extra_info["peak_mb"] = round(mb, 1)
    report(f"peak memory, Checker.run over the archive in one process: {mb:.0f} MB (target < {TARGET_MB} MB)")
    assert mb < TARGET_MB


def _jsonl(path: Path, copies: int) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for k in range(copies):
            for p in article_paths():
                fh.write(json.dumps({"id": f"{k}/{p.stem}", "text": p.read_text(encoding="utf-8")}) + "\n")
    return path


def test_peak_memory_streaming_cli(benchmark, tmp_path):
    peaks = {}
    for copies in (1, 3):
        jsonl = _jsonl(tmp_path / f"archive-x{copies}.jsonl", copies)
        argv = [
            sys.executable,
            "-c",
            _CHILD,
            sys.executable,
            "-m",
            "attrib",
            "report",
            "--jsonl",
            str(jsonl),
            "--format",
            "json",
            "--no-progress",
        ]
        found: dict = {}
        if copies == 1:
            benchmark.pedantic(lambda argv=argv, found=found: found.update(_run(argv)), rounds=1, iterations=1)
        else:
            found.update(_run(argv))
        assert found["code"] == 0
        peaks[copies] = found["maxrss_kb"] / 1024
    benchmark.extra_info.update(peak_mb_x1=round(peaks[1], 1), peak_mb_x3=round(peaks[3], 1))
    report(
        f"peak memory, `attrib report --jsonl` streaming the archive: {peaks[1]:.0f} MB; "
        f"three times the archive: {peaks[3]:.0f} MB (target < {TARGET_MB} MB, flat)"
    )
    assert peaks[1] < TARGET_MB and peaks[3] < TARGET_MB
    assert peaks[3] < peaks[1] * 1.2 + 5, "memory grows with the number of articles: not streaming"
