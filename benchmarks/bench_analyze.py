"""``analyze()`` on one ~1,000-word article (benchmarks/data/article_1000.txt).

    python -m pytest benchmarks/bench_analyze.py --benchmark-only

Two figures: the public API (``attrib.analyze``: the pipeline plus the pydantic
report) and the core pipeline the CLI runs (``Checker.run``: plain dataclasses).
Rules and model are loaded once, before timing, as a long-running caller would.
"""

from __future__ import annotations

from bench_support import report, words


def test_analyze_1000_words(benchmark, article_1000):
    import attrib

    attrib.analyze(article_1000)  # warm: rules and model loaded once
    result = benchmark(attrib.analyze, article_1000)
    assert result.text == article_1000
    assert result.sentences
    n = words([article_1000])
    benchmark.extra_info["words"] = n
    mean = benchmark.stats.stats.mean
    report(f"attrib.analyze on {n} words: {mean * 1000:.1f} ms ({n / mean:,.0f} words/s)")


def test_checker_run_1000_words(benchmark, article_1000):
    from attrib.checker import Checker

    checker = Checker()
    result = benchmark(checker.run, article_1000)
    assert result.text == article_1000
    n = words([article_1000])
    benchmark.extra_info["words"] = n
    mean = benchmark.stats.stats.mean
    report(f"Checker.run on {n} words: {mean * 1000:.1f} ms ({n / mean:,.0f} words/s)")
