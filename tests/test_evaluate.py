"""`attrib eval`: per-label P/R/F1 on the corpus test split and on ../shared (skipped without it)."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from attrib import evaluate

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
GUM = SHARED / "gum-news" / "gold.jsonl"


def test_eval_prints_per_label_scores_on_the_test_split(capsys: pytest.CaptureFixture[str]) -> None:
    code = evaluate.main([str(REPO / "corpus" / "articles.jsonl"), "--split", "test"])
    out = capsys.readouterr().out
    assert code == 0
    for label in ("attributed", "paraphrased", "anonymous", "unattributed"):
        assert label in out
    assert "macro-F1" in out and "confusion" in out


def test_scoring_matches_by_overlap() -> None:
    doc = evaluate.GoldDoc(
        "d",
        "Ruiz said so. It rained.",
        (evaluate.GoldSpan(0, 13, "paraphrased"), evaluate.GoldSpan(14, 24, "unattributed")),
    )

    class S:
        def __init__(self, start: int, end: int, label: str) -> None:
            self.start, self.end, self.label = start, end, label

    tally = evaluate.score_docs([doc], lambda t: [S(0, 14, "paraphrased"), S(14, 24, "anonymous")])
    assert tally.prf("paraphrased")[2] == 1.0
    assert tally.prf("unattributed")[1] == 0.0
    assert tally.confusion[("unattributed", "anonymous")] == 1


@pytest.mark.skipif(not GUM.is_file(), reason="../shared/data is not present")
def test_gum_news_macro_f1_floor(capsys: pytest.CaptureFixture[str]) -> None:
    code = evaluate.main([str(GUM), "--min-macro-f1", "0.80"])
    out = capsys.readouterr().out
    assert code == 0, out


REAL = REPO / "corpus" / "real" / "labels.jsonl"
REAL_ROUND2 = REPO / "corpus" / "real" / "labels-round2.jsonl"
ARTICLES = SHARED / "articles"


def _rows(path: Path) -> list[dict]:
    import json

    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_real_article_rounds_are_disjoint() -> None:
    """Round 2 is blind only if none of its articles were in round 1."""
    first, second = {r["doc"] for r in _rows(REAL)}, {r["doc"] for r in _rows(REAL_ROUND2)}
    assert (len(first), len(second)) == (85, 70) and not first & second


@pytest.mark.parametrize("path", [REAL, REAL_ROUND2], ids=["round1", "round2"])
def test_real_article_labels_are_well_formed(path: Path) -> None:
    """Offsets, labels and documents of corpus/real (texts checked only when ../shared is there)."""
    rows = _rows(path)
    assert len(rows) >= 800
    assert {r["label"] for r in rows} <= {"attributed", "paraphrased", "anonymous", "unattributed", "skipped"}
    assert set(rows[0]) == {"doc", "start", "end", "label"}  # names and offsets only: no article text is stored
    by_doc: dict[str, list[tuple[int, int]]] = {}
    for r in rows:
        assert 0 <= r["start"] < r["end"]
        by_doc.setdefault(r["doc"], []).append((r["start"], r["end"]))
    for doc, spans in by_doc.items():
        assert all(a[1] <= b[0] for a, b in pairwise(spans)), doc  # ordered, no overlap
        if ARTICLES.is_dir():
            text = (ARTICLES / f"{doc}.txt").read_text(encoding="utf-8")
            assert spans[-1][1] <= len(text) and all(text[a:b].strip() for a, b in spans), doc


@pytest.mark.skipif(not ARTICLES.is_dir(), reason="../shared/data is not present")
@pytest.mark.parametrize(("path", "floor"), [(REAL, "0.80"), (REAL_ROUND2, "0.78")], ids=["round1", "round2"])
def test_real_articles_macro_f1_floor(capsys: pytest.CaptureFixture[str], path: Path, floor: str) -> None:
    code = evaluate.main([str(path), "--text-dir", str(ARTICLES), "--min-macro-f1", floor])
    out = capsys.readouterr().out
    assert code == 0, out
