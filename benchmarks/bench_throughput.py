"""Throughput over the ~450 real articles of ../shared/data/articles, next to pySBD.

    python -m pytest benchmarks/bench_throughput.py --benchmark-only

attrib's whole analysis (segmentation, rules, classifier, score, policy) must
take no longer than pySBD's sentence segmentation alone (issue 5; the aim is
half).  Both run in the same process, interleaved round by round (pySBD in
the untimed setup of each attrib round, timed by hand), so that a busy machine
slows both alike; the best round of each is compared.  Words are white-space
separated tokens, counted the same way for both.
"""

from __future__ import annotations

import time

import pytest

from bench_support import report, words

ROUNDS = 3


def _pysbd_segmenter():  # type: ignore[no-untyped-def]
    pysbd = pytest.importorskip("pysbd", reason="pySBD is the peer: pip install pysbd (test extra)")
    return pysbd.Segmenter(language="en", clean=False)


def test_throughput_attrib_vs_pysbd(benchmark, articles):
    from attrib.checker import Checker

    checker = Checker()
    segmenter = _pysbd_segmenter()
    n_words = words(articles)
    pysbd_times: list[float] = []

    def pysbd_round() -> None:
        t0 = time.perf_counter()
        for text in articles:
            segmenter.segment(text)
        pysbd_times.append(time.perf_counter() - t0)

    def attrib_round() -> int:
        return sum(len(checker.run(text).sentences) for text in articles)

    checker.run(articles[0])  # warm
    sentences = benchmark.pedantic(attrib_round, setup=pysbd_round, rounds=ROUNDS, iterations=1)
    assert sentences > len(articles)
    attrib_best = benchmark.stats.stats.min
    pysbd_best = min(pysbd_times)
    benchmark.extra_info.update(
        articles=len(articles),
        words=n_words,
        attrib_words_per_s=round(n_words / attrib_best),
        pysbd_words_per_s=round(n_words / pysbd_best),
        ratio=round(attrib_best / pysbd_best, 3),
    )
    report(
        f"throughput, {len(articles)} articles, {n_words:,} words (best of {ROUNDS}): "
        f"attrib {n_words / attrib_best:,.0f} words/s ({attrib_best:.2f} s), "
        f"pySBD segmentation {n_words / pysbd_best:,.0f} words/s ({pysbd_best:.2f} s); "
        f"attrib takes {attrib_best / pysbd_best:.2f}x pySBD's time"
    )
    assert attrib_best <= pysbd_best, (
        f"attrib's analysis ({attrib_best:.2f} s) is slower than pySBD's segmentation ({pysbd_best:.2f} s)"
    )


def test_throughput_analyze_public_api(benchmark, articles):
    """The same archive through ``attrib.analyze`` (pipeline plus pydantic report)."""
    import attrib

    n_words = words(articles)
    attrib.analyze(articles[0])
    benchmark.pedantic(lambda: [attrib.analyze(t) for t in articles], rounds=1, iterations=1)
    best = benchmark.stats.stats.min
    benchmark.extra_info.update(words=n_words, words_per_s=round(n_words / best))
    report(f"attrib.analyze over the archive: {n_words / best:,.0f} words/s ({best:.2f} s)")


def test_throughput_pysbd_alone(benchmark, articles):
    """pySBD on its own, for the table (the comparison above is the one asserted)."""
    segmenter = _pysbd_segmenter()
    n_words = words(articles)
    benchmark.pedantic(lambda: [segmenter.segment(t) for t in articles], rounds=1, iterations=1)
    best = benchmark.stats.stats.min
    benchmark.extra_info.update(words=n_words, words_per_s=round(n_words / best))
    report(f"pySBD alone over the archive: {n_words / best:,.0f} words/s ({best:.2f} s)")
