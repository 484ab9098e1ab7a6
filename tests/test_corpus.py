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


#: The dev and test articles as first published. New articles are pinned to train (GUIDELINES section 3),
#: so these sets never change; a re-deal would silently move tuned-on articles into the test split.
FROZEN = {
    "dev": {
        "local-04", "local-09", "opinion-04", "opinion-05", "release-04", "release-08", "release-13",
        "science-04", "science-08", "science-13", "wire-02", "wire-07", "wire-12",
    },
    "test": {
        "local-02", "local-07", "local-12", "opinion-02", "opinion-09", "opinion-12", "release-02",
        "release-06", "release-11", "science-02", "science-06", "science-11", "wire-05", "wire-10",
    },
}  # fmt: skip


def test_dev_and_test_splits_are_frozen() -> None:
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    for split, ids in FROZEN.items():
        assert {r["id"] for r in records if r["split"] == split} == ids


def test_build_pins_added_articles_to_train_only() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("corpus_build", CORPUS.parent / "tools" / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    art = {
        "id": "more-x",
        "style": "wire",
        "split": "train",
        "paragraphs": [[{"text": "It rained.", "label": "unattributed"}]],
    }
    records = [build.build_article(art)]
    build.assign_splits(records)
    assert records[0]["split"] == "train"
    art["split"] = "test"
    try:
        build.build_article(art)
    except ValueError as e:
        assert "only 'train' may be pinned" in str(e)
    else:
        raise AssertionError("a pinned test split was accepted")


def test_second_annotation_agrees_with_the_corpus() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("corpus_agreement", CORPUS.parent / "tools" / "agreement.py")
    agreement = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(agreement)
    groups = agreement.pairs_by_split(CORPUS, CORPUS.parent / "agreement" / "second-annotator.json")
    assert len(groups["all"]) == 1670  # every sentence of the first release is covered, in the gold segmentation
    observed, kappa = agreement.kappa(groups["all"])
    assert kappa >= 0.95, (observed, kappa)
