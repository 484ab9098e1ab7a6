"""`attrib eval`: per-label P/R/F1 on the corpus test split and on ../shared (skipped without it)."""

from __future__ import annotations

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
