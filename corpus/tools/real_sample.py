"""Draw the real-article sample of corpus/real/ and write its annotation batches (needs ../shared).

Usage: python corpus/tools/real_sample.py OUT_DIR [ROUND]      (from the repository root)

Round 1 picks 25 PolNeAR political articles and 60 VOA newscasts from ../shared/data/articles with a fixed
seed; round 2 picks 20 and 50 more from the articles round 1 left. The articles are split with attrib's
segmenter and written to OUT_DIR/batch-N.md: one "[start-end] sentence" line per sentence, the form the
annotators labelled. No article text is stored in the repository (the PolNeAR texts are for research use
only); corpus/real/labels.jsonl (round 1) and labels-round2.jsonl keep document names, offsets and labels.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from attrib.segment import segment

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT.parent / "shared" / "data" / "articles"
BATCHES = 5
ROUNDS = {1: (20261130, 25, 60), 2: (20261201, 20, 50)}  # seed, political articles, newscasts


def sample(round_no: int = 1) -> list[Path]:
    """The sampled articles, in batch order (the political articles, then the newscasts, of each batch)."""
    files = sorted(ARTICLES.glob("*.txt"))
    taken = {f.name for r in range(1, round_no) for f in sample(r)}
    files = [f for f in files if f.name not in taken]
    seed, n_political, n_newscasts = ROUNDS[round_no]
    rng = random.Random(seed)
    political = rng.sample([f for f in files if f.name.startswith("pn-")], n_political)
    newscasts = rng.sample([f for f in files if f.name.startswith("voa")], n_newscasts)
    per_p, per_n = n_political // BATCHES, n_newscasts // BATCHES
    ordered: list[Path] = []
    for b in range(BATCHES):
        ordered += political[b * per_p : (b + 1) * per_p] + newscasts[b * per_n : (b + 1) * per_n]
    return ordered


def main(out_dir: str, round_no: int = 1) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    docs = sample(round_no)
    per_batch = len(docs) // BATCHES
    for b in range(BATCHES):
        lines: list[str] = []
        for path in docs[b * per_batch : (b + 1) * per_batch]:
            text = path.read_text(encoding="utf-8")
            lines.append(f"\n## DOC {path.stem}\n(full text: {path})\n")
            for s in segment(text):
                if s.kind == "sentence":
                    lines.append(f"[{s.start}-{s.end}] {' '.join(text[s.start : s.end].split())}")
        (out / f"batch-{b + 1}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(docs)} articles in {BATCHES} batches under {out}")


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3) or (len(sys.argv) == 3 and sys.argv[2] not in ("1", "2")):
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) == 3 else 1)
