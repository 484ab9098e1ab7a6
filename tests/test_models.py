"""The public pydantic models and the core dataclasses stay in step; the JSON report follows interfaces.md."""

from __future__ import annotations

import dataclasses
import json

from attrib import models, result
from attrib.checker import Checker

TEXT = (
    "WASHINGTON (AP) — A senior official, speaking on condition of anonymity, said talks had stalled.\n\n"
    '"We will not back down," Mayor Ana Ruiz told reporters.\n\n'
    "Also Read | Talks collapse in Geneva\n\n"
    "Costs have risen 40% since 2019.\n"
)


def test_dataclasses_and_pydantic_models_have_the_same_fields() -> None:
    for name in ("Span", "Anonymity", "Attribution", "Sentence", "Skipped", "Score", "Source", "Finding"):
        dc = {f.name for f in dataclasses.fields(getattr(result, name))}
        pm = set(getattr(models, name).model_fields)
        assert dc == pm, name
    assert {f.name for f in dataclasses.fields(result.Result)} == set(models.ArticleReport.model_fields)


def test_cli_json_equals_the_library_json() -> None:
    checker = Checker()
    plain = json.loads(json.dumps(result.to_dict(checker.run(TEXT))))
    lib = json.loads(checker.analyze(TEXT).model_dump_json())
    assert plain == lib


def test_report_has_the_required_keys_and_exact_offsets() -> None:
    data = json.loads(Checker().analyze(TEXT).model_dump_json())
    assert {"text", "sentences", "skipped", "score", "sources", "findings", "schema_version"} <= set(data)
    assert data["text"] == TEXT
    for s in data["sentences"]:
        assert TEXT[s["start"] : s["end"]] == s["text"]
        assert {"label", "confidence", "attributions", "rules"} <= set(s)
        for a in s["attributions"]:
            for key in ("source", "cue"):
                if a[key]:
                    assert TEXT[a[key]["start"] : a[key]["end"]] == a[key]["text"]
            if a["kind"] == "unnamed":
                assert set(a["anonymity"]) == {"grant", "reason", "basis"}
    reasons = {s["reason"] for s in data["skipped"]}
    assert {"dateline", "related-link"} <= reasons
    assert 0 <= data["score"]["value"] <= 100
