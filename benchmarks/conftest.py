"""Fixtures of the benchmark suites: ``python -m pytest benchmarks --benchmark-only``.

The suites are the ``bench_*.py`` files here, collected by the hook below so
that the normal test run (``testpaths = ["tests"]``) never includes them.  The
real articles live in ``../shared/data/articles`` beside the repository
(read-only, never copied into it); suites that need them skip cleanly when it
is absent.  ``data/article_1000.txt`` is a ~1,000-word article written for
these benchmarks.
"""

from __future__ import annotations

import sys
from fnmatch import fnmatch

import pytest

from bench_support import DATA, FIGURES, SRC, article_paths

try:
    import attrib  # noqa: F401
except ImportError:  # a source checkout without `pip install -e .`
    sys.path.insert(0, str(SRC))


def pytest_collect_file(file_path, parent):  # type: ignore[no-untyped-def]
    """Collect ``bench_*.py`` as test modules (unless python_files already does)."""
    if file_path.suffix != ".py" or not file_path.name.startswith("bench_") or file_path.name == "bench_support.py":
        return None
    if parent.session.isinitpath(file_path):
        return None  # named on the command line: pytest's own collector takes it
    if any(fnmatch(file_path.name, pat) for pat in parent.config.getini("python_files")):
        return None
    return pytest.Module.from_parent(parent, path=file_path)


def pytest_terminal_summary(terminalreporter):  # type: ignore[no-untyped-def]
    """Print the figures the suites reported (words/s, start-up, memory, speed-up)."""
    if FIGURES:
        terminalreporter.section("attrib figures")
        for line in FIGURES:
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def articles() -> list[str]:
    """Texts of every real article (about 450, 97,000 words)."""
    return [p.read_text(encoding="utf-8") for p in article_paths()]


@pytest.fixture(scope="session")
def article_1000() -> str:
    """The ~1,000-word benchmark article."""
    return (DATA / "article_1000.txt").read_text(encoding="utf-8")
