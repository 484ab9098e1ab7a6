"""Helpers of the benchmark suites: paths, the shared articles, subprocess environment."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src"
SHARED = Path(__file__).resolve().parents[2] / "shared"
ARTICLES = SHARED / "data" / "articles"
DATA = Path(__file__).resolve().parent / "data"


def env_with_src() -> dict[str, str]:
    """The environment for a subprocess that must import attrib from this checkout."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), *filter(None, [env.get("PYTHONPATH")])])
    return env


def article_paths() -> list[Path]:
    """The real articles of ../shared/data/articles (skip the test when absent)."""
    if not ARTICLES.is_dir():
        pytest.skip(f"{ARTICLES} not found (needs the shared data beside the repository)")
    paths = sorted(ARTICLES.glob("*.txt"))
    if not paths:
        pytest.skip(f"no articles in {ARTICLES}")
    return paths


def words(texts: list[str]) -> int:
    """Words as white-space separated tokens (the same count for every tool compared)."""
    return sum(len(t.split()) for t in texts)


#: Figures reported by the suites, printed at the end of the run (conftest's terminal summary).
FIGURES: list[str] = []


def report(line: str) -> None:
    """Record a figure: it is printed in the run's summary (and now, with ``-s``)."""
    FIGURES.append(line)
    print(f"[bench] {line}")
