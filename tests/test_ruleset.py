"""The rule engine's loader: malformed files fail at load time with file, line and reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from attrib.redos import problem
from attrib.ruleset import RuleError, load_file, load_rules

GOOD = """
[[rules]]
id = "C901"
name = "test-cue"
kind = "cue"
message = "m"
rationale = "r"
standard = "s"
terms = ["said"]
"""


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "r.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_every_shipped_rule_has_an_id_name_and_examples() -> None:
    rules = load_rules().rules
    ids = [r.id for r in rules]
    assert len(ids) == len(set(ids))
    for r in rules:
        assert r.name and r.message and r.rationale and r.standard
        assert r.examples, f"{r.id} has no examples"


def test_a_good_file_loads(tmp_path: Path) -> None:
    (rule,) = load_file(_write(tmp_path, GOOD))
    assert rule.id == "C901" and rule.search("She said so.")


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (('kind = "cue"', 'kind = "nonsense"'), "unknown kind"),
        (('id = "C901"', 'id = "bad id"'), "must look like"),
        (('message = "m"\n', ""), "needs a non-empty string 'message'"),
        (('terms = ["said"]', 'terms = ["said"]\ncolour = "red"'), "unknown key 'colour'"),
        (('terms = ["said"]', "terms = [\"said\"]\npatterns = ['(a+)+$']"), "backtrack catastrophically"),
        (('terms = ["said"]', "patterns = ['(unclosed']"), "invalid regular expression"),
        (('name = "test-cue"', 'name = "test-cue'), "invalid TOML"),
    ],
)
def test_malformed_rule_files_name_file_line_and_reason(tmp_path: Path, change: tuple[str, str], reason: str) -> None:
    path = _write(tmp_path, GOOD.replace(*change))
    with pytest.raises(RuleError) as err:
        load_file(path)
    assert str(path) in str(err.value)
    assert reason in str(err.value)
    assert err.value.line >= 1


@pytest.mark.parametrize(
    "pattern", [r"(a+)+$", r"(a|a)*b", r"(a|aa)+", r"(.*a){20}", r"([a-z]+)*$", r"(\w+\s?)+$", r"^(\d+)*\.$"]
)
def test_known_redos_patterns_are_rejected(pattern: str) -> None:
    assert problem(pattern)


@pytest.mark.parametrize("pattern", [r"\bsaid\b", r"(?:told|said)\s+reporters", r"[A-Z][a-z]{1,20}:", r"(?:a|b)+"])
def test_linear_patterns_are_accepted(pattern: str) -> None:
    assert problem(pattern) is None
