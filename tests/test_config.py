"""Configuration: discovery, validation, and command-line flags winning."""

from __future__ import annotations

from pathlib import Path

import pytest

from attrib import config
from attrib.config import Config, ConfigError, discover, from_mapping, load_file, resolve
from cli_support import run_cli

DRAFT = "Officials said the plan was dead.\n"


@pytest.fixture(autouse=True)
def _fresh() -> None:
    config.clear_cache()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_and_hashable():
    c = Config()
    assert (c.select, c.fail_on, c.min_score, c.max_anonymous_share, c.rules_path()) == (
        (),
        "warning",
        None,
        0.3,
        None,
    )
    assert hash(c) == hash(Config())
    assert {c: 1}[Config()] == 1
    assert Config(rules_dir="house").rules_path() == Path("house")


def test_closest_config_wins_and_pyproject_without_table_is_ignored(tmp_path):
    write(tmp_path / ".attrib.toml", "min-score = 10\n")
    write(tmp_path / "desk" / ".attrib.toml", "min-score = 20\n")
    write(tmp_path / "desk" / "wire" / "pyproject.toml", "[project]\nname = 'x'\n")
    draft = write(tmp_path / "desk" / "wire" / "a.md", DRAFT)
    assert discover(draft).min_score == 20
    assert discover(write(tmp_path / "b.md", DRAFT)).min_score == 10


def test_pyproject_tool_attrib_table(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.attrib]\nfail-on = 'error'\nselect = ['AT2']\n")
    c = discover(write(tmp_path / "a.md", DRAFT))
    assert (c.fail_on, c.select, Path(c.path).name) == ("error", ("AT2",), "pyproject.toml")


def test_dot_attrib_toml_beats_pyproject_in_the_same_directory(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.attrib]\nmin-score = 1\n")
    write(tmp_path / ".attrib.toml", "min_score = 2\n")
    assert discover(tmp_path / "a.md").min_score == 2


def test_every_key(tmp_path):
    path = write(
        tmp_path / ".attrib.toml",
        """
select = ["AT1", "AT201"]
ignore = ["AT205"]
min-score = 55.5
fail-on = "info"
max-anonymous-share = 0.5
unnamed-sources = ["palace insiders"]
cues = ["briefed"]
rules-dir = "house-rules"
exclude = ["archive/**"]
[severity]
AT203 = "error"
[per-path-ignores]
"wire/*.md" = ["AT203"]
""",
    )
    c = load_file(path)
    assert c.select == ("AT1", "AT201") and c.ignore == ("AT205",)
    assert (c.min_score, c.fail_on, c.max_anonymous_share) == (55.5, "info", 0.5)
    assert c.unnamed_sources == ("palace insiders",) and c.cues == ("briefed",)
    assert c.rules_path() == tmp_path / "house-rules"
    assert c.severity == {"AT203": "error"} and c.severity_of("AT203", "warning") == "error"
    assert c.per_path_ignores == {"wire/*.md": ("AT203",)}
    assert c.ignored_for(tmp_path / "wire" / "a.md") == ("AT203",)
    assert c.ignored_for(tmp_path / "desk" / "a.md") == ()
    assert c.enabled("AT101") and c.enabled("AT201") and not c.enabled("AT202") and not c.enabled("AT401")


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("colour = 'red'\n", "unknown key 'colour'"),
        ("min-score = 'high'\n", "min-score must be a number from 0 to 100"),
        ("min-score = 101\n", "min-score must be a number from 0 to 100"),
        ("fail-on = 'fatal'\n", "fail-on must be one of info, warning, error"),
        ("select = ['E501']\n", "'E501' is not a rule code"),
        ("select = 'AT201'\n", "select must be an array"),
        ("[severity]\nAT201 = 'loud'\n", "severity.AT201 must be one of"),
        ("cues = [1]\n", "cues must be an array of non-empty strings"),
        ("min-score = \n", "invalid TOML"),
    ],
)
def test_invalid_config_names_key_and_file(tmp_path, toml, message):
    path = write(tmp_path / ".attrib.toml", toml)
    with pytest.raises(ConfigError) as err:
        load_file(path)
    assert message in str(err.value)
    assert str(path) in str(err.value)


def test_unknown_key_in_pyproject_names_the_table(tmp_path):
    path = write(tmp_path / "pyproject.toml", "[tool.attrib]\nmin_scores = 3\n")
    with pytest.raises(ConfigError, match=r"pyproject.toml \[tool.attrib\]: unknown key 'min_scores'"):
        load_file(path)


def test_flags_win_over_the_file(tmp_path):
    write(tmp_path / ".attrib.toml", "min-score = 80\nfail-on = 'error'\n")
    c = resolve(tmp_path / "a.md", min_score=20, fail_on=None)
    assert (c.min_score, c.fail_on) == (20, "error")
    assert resolve(tmp_path / "a.md", isolated=True).min_score is None


def test_from_mapping_accepts_snake_and_kebab_case():
    assert from_mapping({"max_anonymous_share": 0.1}).max_anonymous_share == 0.1
    assert from_mapping({"max-anonymous-share": 0.2}).max_anonymous_share == 0.2


# --- through the command line -------------------------------------------------------------


def test_cli_uses_discovered_config_and_flags_win(capsys, tmp_path):
    write(tmp_path / ".attrib.toml", "ignore = ['AT201']\n")
    draft = write(tmp_path / "a.txt", DRAFT)
    assert run_cli(capsys, "check", str(draft)).code == 0
    assert run_cli(capsys, "check", "--ignore", "AT9", str(draft)).code == 1
    assert run_cli(capsys, "check", "--isolated", str(draft)).code == 1


def test_cli_severity_override_and_fail_on(capsys, tmp_path):
    write(tmp_path / ".attrib.toml", "fail-on = 'error'\n[severity]\nAT201 = 'error'\n")
    draft = write(tmp_path / "a.txt", DRAFT)
    run = run_cli(capsys, "check", "--format", "json", str(draft))
    assert run.code == 1
    assert '"severity": "error"' in run.out


def test_cli_per_path_ignores(capsys, tmp_path):
    write(tmp_path / ".attrib.toml", "[per-path-ignores]\n'wire/*' = ['AT201']\n")
    wire = write(tmp_path / "wire" / "a.txt", DRAFT)
    desk = write(tmp_path / "desk" / "a.txt", DRAFT)
    run = run_cli(capsys, "check", str(tmp_path))
    assert run.code == 1
    assert str(desk) in run.out and str(wire) not in run.out


def test_cli_exclude_when_recursing(capsys, tmp_path):
    write(tmp_path / ".attrib.toml", "exclude = ['archive/*']\n")
    write(tmp_path / "archive" / "old.txt", DRAFT)
    write(tmp_path / "new.txt", "The council meets on Thursday.\n")
    assert run_cli(capsys, "check", str(tmp_path)).code == 0


def test_cli_broken_config_exits_2_with_one_line(capsys, tmp_path):
    write(tmp_path / ".attrib.toml", "min-score = [\n")
    draft = write(tmp_path / "a.txt", DRAFT)
    run = run_cli(capsys, "check", str(draft))
    assert run.code == 2
    assert run.err.startswith("attrib: error: ") and run.err.count("\n") == 1
    assert "invalid TOML" in run.err


def test_cli_unknown_key_exits_2_naming_key_and_file(capsys, tmp_path):
    cfg = write(tmp_path / ".attrib.toml", "treshold = 3\n")
    run = run_cli(capsys, "report", str(write(tmp_path / "a.txt", DRAFT)))
    assert run.code == 2
    assert f"{cfg}: unknown key 'treshold'" in run.err


def test_cli_explicit_config_file(capsys, tmp_path):
    cfg = write(tmp_path / "house.toml", "ignore = ['AT2']\n")
    draft = write(tmp_path / "a.txt", DRAFT)
    assert run_cli(capsys, "check", "--config", str(cfg), str(draft)).code == 0
    run = run_cli(capsys, "check", "--config", str(tmp_path / "nope.toml"), str(draft))
    assert (run.code, run.err) == (2, f"attrib: error: {tmp_path / 'nope.toml'}: config file not found\n")


def test_cli_bad_rule_file_reports_rule_error(capsys, tmp_path):
    rules = tmp_path / "rules"
    write(rules / "house.toml", "[[rules]]\nid = 'H001'\nname = 'x'\nkind = 'cue'\n")
    write(tmp_path / ".attrib.toml", "rules-dir = 'rules'\n")
    run = run_cli(capsys, "check", str(write(tmp_path / "a.txt", DRAFT)))
    assert run.code == 2
    assert run.err.count("\n") == 1
    assert f"{rules / 'house.toml'}:2: rule H001 needs a non-empty string 'message'" in run.err
    assert run.out == ""
