"""Draw the real-article sample of corpus/real/ and write its annotation batches (needs ../shared).

Usage: python corpus/tools/real_sample.py OUT_DIR      (from the repository root)

Picks 25 PolNeAR political articles and 60 VOA newscasts from ../shared/data/articles with a fixed seed,
splits them with attrib's segmenter and writes OUT_DIR/batch-N.md: one "[start-end] sentence" line per
sentence, the form the annotators labelled. No article text is stored in the repository (the PolNeAR
texts are for research use only); corpus/real/labels.jsonl keeps document names, offsets and labels.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from attrib.segment import segment

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT.parent / "shared" / "data" / "articles"
SEED, POLITICAL, NEWSCASTS, BATCHES = 20261130, 25, 60, 5


def sample() -> list[Path]:
    """The sampled articles, in batch order (five political articles, then twelve newscasts, per batch)."""
    files = sorted(ARTICLES.glob("*.txt"))
    rng = random.Random(SEED)
    political = rng.sample([f for f in files if f.name.startswith("pn-")], POLITICAL)
    newscasts = rng.sample([f for f in files if f.name.startswith("voa")], NEWSCASTS)
    per_p, per_n = POLITICAL // BATCHES, NEWSCASTS // BATCHES
    ordered: list[Path] = []
    for b in range(BATCHES):
        ordered += political[b * per_p : (b + 1) * per_p] + newscasts[b * per_n : (b + 1) * per_n]
    return ordered


def main(out_dir: str) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    docs = sample()
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
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
