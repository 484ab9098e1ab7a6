"""Agreement between the corpus labels and a second, blind annotation (Cohen's kappa, per split).

Usage: python corpus/tools/agreement.py            (from the repository root)

The second annotation (corpus/agreement/second-annotator.json) labels the 64 articles of the first
release sentence by sentence, in the gold segmentation; articles it does not cover are skipped.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABELS = ("attributed", "paraphrased", "anonymous", "unattributed")


def kappa(pairs: list[tuple[str, str]]) -> tuple[float, float]:
    """Observed agreement and Cohen's kappa of (gold, second) label pairs."""
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(ca[lab] * cb[lab] for lab in LABELS) / (n * n)
    return observed, (observed - expected) / (1 - expected) if expected < 1 else 1.0


def pairs_by_split(corpus: Path, second: Path) -> dict[str, list[tuple[str, str]]]:
    """Label pairs of every covered sentence, grouped by split (and 'all')."""
    labels = json.loads(second.read_text(encoding="utf-8"))["labels"]
    out: dict[str, list[tuple[str, str]]] = {"all": []}
    for line in corpus.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        theirs = labels.get(rec["id"])
        if theirs is None:
            continue
        if len(theirs) != len(rec["sentences"]):
            raise SystemExit(f"{rec['id']}: {len(theirs)} second labels for {len(rec['sentences'])} sentences")
        got = [(s["label"], t) for s, t in zip(rec["sentences"], theirs, strict=True)]
        out.setdefault(rec["split"], []).extend(got)
        out["all"].extend(got)
    return out


def main() -> int:
    groups = pairs_by_split(ROOT / "articles.jsonl", ROOT / "agreement" / "second-annotator.json")
    for split in ("train", "dev", "test", "all"):
        pairs = groups.get(split, [])
        if pairs:
            obs, k = kappa(pairs)
            diff = sum(a != b for a, b in pairs)
            print(f"{split:6} {len(pairs):5} sentences  agreement {obs:.3f}  kappa {k:.3f}  disagreements {diff}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
