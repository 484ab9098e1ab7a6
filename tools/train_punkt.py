"""Train Punkt sentence-boundary parameters on news text and write them as JSON.

Usage::

    python tools/train_punkt.py [--shared ../shared] [--out src/attrib/data/punkt.json]

Reads the real articles in ``<shared>/data/articles/*.txt`` and, when present,
the project corpus texts in ``corpus/articles.jsonl``, trains nltk's
``PunktTrainer`` and writes abbreviation types, collocations, sentence starters
and orthographic contexts to JSON. Only this tool imports nltk; the runtime
applier (``attrib.punkt``) reads the JSON. Nothing is downloaded or pickled.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO.parent / "shared"
DEFAULT_OUT = REPO / "src" / "attrib" / "data" / "punkt.json"
FORMAT_VERSION = 1


def training_texts(shared: Path, corpus: Path) -> Iterator[tuple[str, str]]:
    """Yield ``(name, text)`` for every training document, in a stable order."""
    for path in sorted((shared / "data" / "articles").glob("*.txt")):
        yield path.name, path.read_text(encoding="utf-8")
    if corpus.is_file():
        for line in corpus.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                yield f"corpus:{record.get('id', '?')}", record["text"]


def train(texts: Iterator[tuple[str, str]]) -> tuple[dict, int]:
    """Train a PunktTrainer on the texts; return (parameters as a JSON-able dict, document count)."""
    from nltk.tokenize.punkt import PunktTrainer  # imported here: slow, and only needed to train

    # One pass over the whole collection: training document by document makes nltk re-score
    # abbreviations per call, so the result would depend on the order of the documents.
    documents = [text for _name, text in texts]
    count = len(documents)
    trainer = PunktTrainer()
    trainer.train("\n\n".join(documents), finalize=True)
    params = trainer.get_params()
    data = {
        "format": FORMAT_VERSION,
        "trainer": "nltk.tokenize.punkt.PunktTrainer (default settings)",
        "documents": count,
        "abbrev_types": sorted(params.abbrev_types),
        "collocations": sorted([a, b] for a, b in params.collocations),
        "sent_starters": sorted(params.sent_starters),
        "ortho_context": {typ: flags for typ, flags in sorted(params.ortho_context.items()) if flags},
    }
    return data, count


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared/ folder")
    parser.add_argument("--corpus", type=Path, default=REPO / "corpus" / "articles.jsonl")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    if not (args.shared / "data" / "articles").is_dir():
        print(f"no articles under {args.shared}/data/articles", file=sys.stderr)
        return 2
    data, count = train(training_texts(args.shared, args.corpus))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=0, sort_keys=False)
        handle.write("\n")
    print(
        f"{count} documents: {len(data['abbrev_types'])} abbreviations, "
        f"{len(data['collocations'])} collocations, {len(data['sent_starters'])} sentence starters, "
        f"{len(data['ortho_context'])} ortho types -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
