"""The segmenter measured on real data in ../shared (skipped cleanly when it is absent).

* pySBD's English golden rules (the cases whose ``clean`` is false): each case compares the
  sentence texts (``kind == "sentence"``) with pySBD's expectation. pySBD's list splits
  ("1.) The first item 2.) ...") are expected and implemented (inline numbered, lettered
  and bulleted lists); none of its cases has a dateline. Known failures are strict xfails
  with the reason, so a fix shows up.
* GUM news (Wikinews): how many gold sentence and skipped spans get a segment with the same
  offsets (a dateline is merged back into its sentence first; GUM has none).
* Agreement of ``attrib.punkt`` with nltk's own ``PunktSentenceTokenizer`` on the same parameters.
* Speed on the 453 real articles.
"""

from __future__ import annotations

import collections
import json
import time
from pathlib import Path

import pytest

from attrib.punkt import DEFAULT_PARAMS_PATH, default_punkt
from attrib.segment import Segment, segment

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATA = SHARED / "data"
pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not DATA.is_dir(), reason="../shared (real data) is absent"),
]

# case id -> why we differ from pySBD (strict xfail: a fix shows up as XPASS).
XFAIL = {
    "issue31_3": "math text: 'each vertex in X. If X = ...' -- an upper-case single letter after a lower-case "
    "word followed by a sentence starter ends a sentence for us (news: 'plan B. The ...'); pySBD "
    "treats every single letter as an initial",
}


def _pysbd_cases() -> list[dict]:
    path = DATA / "pysbd" / "english_sbd_cases.jsonl"
    if not path.is_file():
        return []
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [c for c in cases if not c["clean"]]


PYSBD = _pysbd_cases()


def sentences(text: str) -> list[str]:
    """The sentence texts of ``text`` (skipped spans left out)."""
    return [text[s.start : s.end] for s in segment(text) if s.kind == "sentence"]


def _param(case: dict):
    marks = [pytest.mark.xfail(reason=XFAIL[case["id"]], strict=True)] if case["id"] in XFAIL else []
    return pytest.param(case["text"], case["expected"], id=case["id"], marks=marks)


@pytest.mark.parametrize(("text", "expected"), [_param(c) for c in PYSBD])
def test_pysbd_golden_rule(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_pysbd_pass_rate() -> None:
    if not PYSBD:
        pytest.skip("pySBD cases absent")
    failed = [c["id"] for c in PYSBD if sentences(c["text"]) != c["expected"]]
    passed = len(PYSBD) - len(failed)
    print(f"\npySBD English golden rules (clean=false): {passed}/{len(PYSBD)} pass; failing: {failed}")
    assert sorted(failed) == sorted(XFAIL)
    assert passed / len(PYSBD) >= 0.90


def _merge_datelines(segs: list[Segment]) -> list[tuple[int, int, str]]:
    merged: list[tuple[int, int, str]] = []
    for s in segs:
        if merged and merged[-1][2] == "dateline":
            start = merged.pop()[0]
            merged.append((start, s.end, s.kind))
        else:
            merged.append((s.start, s.end, s.reason or s.kind))
    return merged


def test_gum_boundary_agreement() -> None:
    gold_path = DATA / "gum-news" / "gold.jsonl"
    if not gold_path.is_file():
        pytest.skip("GUM gold absent")
    by_doc: dict[str, list[dict]] = collections.defaultdict(list)
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            by_doc[record["doc"]].append(record)
    total = same = skipped_total = skipped_same = 0
    for doc, records in by_doc.items():
        text = (DATA / "gum-news" / "texts" / f"{doc}.txt").read_text(encoding="utf-8")
        spans = {(a, b) for a, b, _ in _merge_datelines(segment(text))}
        for r in records:
            hit = (r["start"], r["end"]) in spans
            total += 1
            same += hit
            if r["label"] == "skipped":
                skipped_total += 1
                skipped_same += hit
    print(
        f"\nGUM news: {same}/{total} gold spans ({same / total:.1%}) have a segment with the same offsets; "
        f"skipped lines: {skipped_same}/{skipped_total}"
    )
    assert same / total >= 0.97


def _nltk_tokenizer():
    punkt_module = pytest.importorskip("nltk.tokenize.punkt")
    data = json.loads(DEFAULT_PARAMS_PATH.read_text(encoding="utf-8"))
    params = punkt_module.PunktParameters()
    params.abbrev_types = set(data["abbrev_types"])
    params.collocations = {tuple(pair) for pair in data["collocations"]}
    params.sent_starters = set(data["sent_starters"])
    for typ, flags in data["ortho_context"].items():
        params.ortho_context[typ] = flags
    return punkt_module.PunktSentenceTokenizer(params)


def _real_texts() -> list[str]:
    paths = sorted((DATA / "articles").glob("*.txt")) + sorted((DATA / "gum-news" / "texts").glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths] + [c["text"] for c in PYSBD]


def test_punkt_agrees_with_nltk() -> None:
    nltk_tok = _nltk_tokenizer()
    ours = default_punkt()
    boundaries = agree = docs_differ = 0
    for text in _real_texts():
        theirs_spans = list(nltk_tok.span_tokenize(text))
        ours_spans = ours.spans(text)
        a, b = {e for _, e in theirs_spans}, {e for _, e in ours_spans}
        boundaries += len(a | b)
        agree += len(a & b)
        docs_differ += theirs_spans != ours_spans
    print(f"\nPunkt applier vs nltk: {agree}/{boundaries} sentence ends agree; {docs_differ} texts differ")
    assert agree / boundaries >= 0.999


def test_real_articles_speed_and_invariants() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((DATA / "articles").glob("*.txt"))]
    if not texts:
        pytest.skip("articles absent")
    segment(texts[0])  # load the Punkt parameters outside the timing
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        results = [segment(t) for t in texts]
        best = min(best, time.perf_counter() - start)
    words = sum(len(t.split()) for t in texts)
    n_segments = sum(len(r) for r in results)
    print(f"\nsegmented {len(texts)} articles ({words} words, {n_segments} segments) in {best:.3f} s")
    assert best < 1.5  # ~0.25 s on a quiet 2-core machine; generous for shared CI runners
    for text, segs in zip(texts, results, strict=True):
        covered = sum(len(text[s.start : s.end]) - sum(c.isspace() for c in text[s.start : s.end]) for s in segs)
        assert covered == sum(not c.isspace() for c in text)


@pytest.mark.slow
def test_much_faster_than_pysbd() -> None:
    pysbd = pytest.importorskip("pysbd")
    texts = [p.read_text(encoding="utf-8") for p in sorted((DATA / "articles").glob("*.txt"))][:60]
    segmenter = pysbd.Segmenter(language="en", clean=False)
    start = time.perf_counter()
    for t in texts:
        segmenter.segment(t)
    theirs = time.perf_counter() - start
    segment(texts[0])
    start = time.perf_counter()
    for t in texts:
        segment(t)
    ours = time.perf_counter() - start
    print(f"\n{len(texts)} articles: attrib {ours:.3f} s, pySBD {theirs:.3f} s ({theirs / ours:.0f}x)")
    assert ours * 5 < theirs
