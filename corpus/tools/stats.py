"""Print the corpus tables of corpus/GUIDELINES.md sections 4 and 5 from corpus/articles.jsonl.

Usage: python corpus/tools/stats.py        (from the repository root; paste the output into GUIDELINES.md)
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABELS = ("attributed", "paraphrased", "anonymous", "unattributed")
SPLITS = ("train", "dev", "test")


def main() -> int:
    records = [json.loads(line) for line in (ROOT / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    print("| split | articles | " + " | ".join(LABELS) + " | labelled sentences | skipped spans |")
    print("|---|---:|" + "---:|" * len(LABELS) + "---:|---:|")
    for split in (*SPLITS, "total"):
        recs = [r for r in records if split == "total" or r["split"] == split]
        labels = Counter(s["label"] for r in recs for s in r["sentences"])
        n = sum(labels.values())
        cells = " | ".join(f"{labels[lab]} ({100 * labels[lab] / n:.1f}%)" for lab in LABELS)
        skipped = sum(len(r["skipped"]) for r in recs)
        print(f"| {split} | {len(recs)} | {cells} | {n} | {skipped} |")
    kinds = Counter(a["kind"] for r in records for s in r["sentences"] for a in s["attributions"])
    modes = Counter(a["mode"] for r in records for s in r["sentences"] for a in s["attributions"])
    print(
        f"\nAttribution relations in total: {sum(kinds.values())}. By kind: "
        + ", ".join(f"{k} {v}" for k, v in kinds.most_common())
        + ". By mode: "
        + ", ".join(f"{k} {v}" for k, v in modes.most_common())
        + "."
    )
    print("\n| style | " + " | ".join(SPLITS) + " |\n|---|---|---|---|")
    for style in sorted({r["style"] for r in records}):
        cells = [
            ", ".join(sorted(r["id"] for r in records if r["style"] == style and r["split"] == sp)) for sp in SPLITS
        ]
        print(f"| {style} | " + " | ".join(cells) + " |")
    reasons = Counter((k["reason"], r["split"]) for r in records for k in r["skipped"])
    print("\n| reason | " + " | ".join(SPLITS) + " | total |\n|---|---:|---:|---:|---:|")
    for reason in sorted({k for k, _ in reasons}, key=lambda k: -sum(reasons[(k, sp)] for sp in SPLITS)):
        counts = [reasons[(reason, sp)] for sp in SPLITS]
        print(f"| `{reason}` | " + " | ".join(map(str, counts)) + f" | {sum(counts)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
