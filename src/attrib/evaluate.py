"""`attrib eval GOLD...`: per-label precision, recall and F1 against gold labels.

Reads two gold formats:

- the corpus format (``corpus/articles.jsonl``: one JSON object per article
  with ``text`` and ``sentences``), filtered with ``--split``;
- the sentence format of ``shared/data/gum-news/gold.jsonl`` (one JSON object
  per sentence with ``doc``, ``start``, ``end``, ``label``; texts in
  ``texts/DOC.txt`` beside the gold file or in ``--text-dir``).

Gold sentences are matched to predicted ones by character overlap (the
predicted sentence covering most of the gold one, at least a third of it), so
a segmentation difference costs a sentence, not the whole file.  Skipped gold
spans count as honoured when the prediction does not label most of them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from attrib.result import LABELS


@dataclass(frozen=True, slots=True)
class GoldSpan:
    """One gold sentence (or skipped span) of a document."""

    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """A document with its gold spans."""

    doc_id: str
    text: str
    spans: tuple[GoldSpan, ...]


def read_gold(path: Path, split: str | None = None, text_dir: Path | None = None) -> list[GoldDoc]:
    """Gold documents of a corpus-format or sentence-format JSON Lines file."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if records and "sentences" in records[0]:
        docs = []
        for r in records:
            if split and r.get("split") != split:
                continue
            spans = [GoldSpan(s["start"], s["end"], s["label"]) for s in r["sentences"]]
            spans += [
                GoldSpan(s["start"], s["end"], "skipped") for s in r.get("skipped", []) if s.get("reason") != "dateline"
            ]
            docs.append(GoldDoc(r["id"], r["text"], tuple(sorted(spans, key=lambda g: g.start))))
        return docs
    by_doc: dict[str, list[GoldSpan]] = {}
    for r in records:
        by_doc.setdefault(r["doc"], []).append(GoldSpan(r["start"], r["end"], r["label"]))
    base = text_dir or path.parent / "texts"
    return [GoldDoc(d, (base / f"{d}.txt").read_text(encoding="utf-8"), tuple(s)) for d, s in by_doc.items()]


@dataclass
class Tally:
    """Confusion counts and skipped-span agreement."""

    confusion: Counter
    skipped_ok: int = 0
    skipped_all: int = 0
    errors: list | None = None

    def prf(self, label: str) -> tuple[float, float, float, int]:
        """Precision, recall, F1 and gold support of one label."""
        tp = self.confusion[(label, label)]
        fp = sum(v for (g, p), v in self.confusion.items() if p == label and g != label)
        fn = sum(v for (g, p), v in self.confusion.items() if g == label and p != label)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f, tp + fn

    @property
    def macro_f1(self) -> float:
        """Mean F1 over the labels that occur in gold."""
        f1s = [self.prf(lab)[2] for lab in LABELS if self.prf(lab)[3]]
        return sum(f1s) / len(f1s) if f1s else 0.0

    @property
    def accuracy(self) -> float:
        """Share of gold sentences labelled right."""
        total = sum(self.confusion.values())
        return sum(v for (g, p), v in self.confusion.items() if g == p) / max(1, total)


def best_overlap(start: int, end: int, candidates: Iterable) -> tuple[object | None, int]:  # type: ignore[type-arg]
    """The candidate span (with .start/.end) overlapping start..end most, and the overlap."""
    best, best_ov = None, 0
    for c in candidates:
        ov = min(end, c.end) - max(start, c.start)
        if ov > best_ov:
            best, best_ov = c, ov
    return best, best_ov


def score_docs(docs: Iterable[GoldDoc], predict, keep_errors: bool = False) -> Tally:  # type: ignore[no-untyped-def]
    """Match gold to predicted sentences by overlap; ``predict(text)`` -> (sentences, skipped)."""
    tally = Tally(Counter(), errors=[] if keep_errors else None)
    for doc in docs:
        sentences = predict(doc.text)
        for g in doc.spans:
            best, best_ov = best_overlap(g.start, g.end, sentences)
            size = max(1, g.end - g.start)
            if g.label == "skipped":
                tally.skipped_all += 1
                tally.skipped_ok += best is None or best_ov < size / 2
                continue
            pred = best.label if best is not None and best_ov >= size / 3 else "missing"
            tally.confusion[(g.label, pred)] += 1
            if tally.errors is not None and pred != g.label:
                tally.errors.append((doc.doc_id, g.label, pred, doc.text[g.start : g.end]))
    return tally


def format_tally(name: str, tally: Tally) -> str:
    """The printed table: per-label P/R/F1, macro-F1, accuracy, confusion matrix."""
    lines = [f"== {name}", f"{'label':14} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}"]
    for lab in LABELS:
        p, r, f, n = tally.prf(lab)
        lines.append(f"{lab:14} {p:6.3f} {r:6.3f} {f:6.3f} {n:5d}")
    total = sum(tally.confusion.values())
    lines.append(f"macro-F1 {tally.macro_f1:.3f} accuracy {tally.accuracy:.3f} over {total} sentences")
    lines.append(f"skipped spans honoured: {tally.skipped_ok}/{tally.skipped_all}")
    cols = [*LABELS, "missing"]
    lines.append("confusion (rows gold, columns predicted):")
    lines.append(" " * 14 + "".join(f"{c[:6]:>8}" for c in cols))
    for g in LABELS:
        lines.append(f"{g:14}" + "".join(f"{tally.confusion[(g, c)]:8d}" for c in cols))
    return "\n".join(lines)


def _predictor(rules_only: bool):  # type: ignore[no-untyped-def]
    from attrib.checker import Checker

    checker = Checker()
    if rules_only:
        checker._model = None
    return lambda text: checker.run(text).sentences


def main(argv: list[str] | None = None) -> int:
    """Entry point of `attrib eval`."""
    ap = argparse.ArgumentParser(prog="attrib eval", description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="*", type=Path, help="gold JSON Lines files (corpus or sentence format)")
    ap.add_argument("--polnear", type=Path, help="score source spans on a PolNeAR split (JSON Lines)")
    ap.add_argument("--lexicon", type=Path, action="append", default=[], help="extra speech-verb list (PolNeAR)")
    ap.add_argument("--split", choices=["train", "dev", "test"], help="corpus split to score (corpus format)")
    ap.add_argument("--text-dir", type=Path, help="texts of sentence-format gold (default: texts/ beside it)")
    ap.add_argument("--rules-only", action="store_true", help="score the rule engine without the classifier")
    ap.add_argument("--compare", action="store_true", help="print rules-only and rules+classifier side by side")
    ap.add_argument("--show-errors", action="store_true", help="list every mislabelled gold sentence")
    ap.add_argument("--min-macro-f1", type=float, help="exit 1 when macro-F1 is below this")
    args = ap.parse_args(argv)
    if args.polnear is not None:
        if not args.polnear.is_file():
            print(f"attrib eval: error: {args.polnear}: no such file", file=sys.stderr)
            return 2
        from attrib.polnear import evaluate as polnear_evaluate

        print(polnear_evaluate(args.polnear, args.lexicon))
        if not args.gold:
            return 0
    if not args.gold:
        ap.error("give gold files or --polnear")
    modes = [True, False] if args.compare else [args.rules_only]
    worst = 1.0
    for path in args.gold:
        if not path.is_file():
            print(f"attrib eval: error: {path}: no such file", file=sys.stderr)
            return 2
        docs = read_gold(path, args.split, args.text_dir)
        for rules_only in modes:
            tally = score_docs(docs, _predictor(rules_only), keep_errors=args.show_errors)
            split = f" [{args.split}]" if args.split else ""
            name = f"{path}{split} ({'rules only' if rules_only else 'rules + classifier'})"
            print(format_tally(name, tally))
            if tally.errors:
                for doc_id, g, p, t in tally.errors:
                    print(f"  [{doc_id}] gold={g} pred={p} :: {' '.join(t.split())[:110]}")
            print()
            worst = min(worst, tally.macro_f1)
    if args.min_macro_f1 is not None and worst < args.min_macro_f1:
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
