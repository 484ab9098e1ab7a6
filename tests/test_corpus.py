"""Every corpus record is valid: offsets match the text, labels valid, spans inside their sentence."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from attrib.corpus import validate_file, validate_record

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "articles.jsonl"


def test_corpus_records_are_valid() -> None:
    assert validate_file(CORPUS) == []


def test_corpus_size_and_splits() -> None:
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(records) >= 60
    assert sum(len(r["sentences"]) for r in records) >= 1500
    splits = Counter(r["split"] for r in records)
    assert set(splits) == {"train", "dev", "test"}
    styles_by_split = {sp: {r["style"] for r in records if r["split"] == sp} for sp in splits}
    assert styles_by_split["test"] == styles_by_split["train"]


def test_validator_catches_a_broken_record() -> None:
    rec = {
        "id": "x",
        "split": "train",
        "text": "Ruiz said so.\n",
        "sentences": [
            {
                "start": 0,
                "end": 13,
                "label": "quoted",
                "attributions": [
                    {
                        "source": {"start": 0, "end": 4, "text": "Ruis"},
                        "cue": None,
                        "kind": "person",
                        "mode": "indirect",
                    }
                ],
            }
        ],
    }
    problems = validate_record(rec)
    assert any("label 'quoted'" in p for p in problems)
    assert any("'Ruis'" in p for p in problems)
