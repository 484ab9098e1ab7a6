"""The command line: subcommands, input errors (one line, exit 2), decoding, colour, start-up."""

from __future__ import annotations

import json
import subprocess
import sys
import types

import pytest

from attrib import reader
from attrib.reader import InputError
from cli_support import DRAFTS, REPO, run_cli

CLEAN = str(DRAFTS / "check-clean.md")


def one_error_line(run) -> str:
    assert run.code == 2
    assert run.err.startswith("attrib: error: ")
    assert run.err.count("\n") == 1, run.err
    assert "Traceback" not in run.err
    return run.err


# --- subcommands -----------------------------------------------------------------------------


def test_version(capsys):
    run = run_cli(capsys, "version")
    assert run.code == 0 and run.out.startswith("attrib ") and run.out.count("\n") == 1
    assert run_cli(capsys, "--version").out == run.out


def test_help_exits_0(capsys):
    run = run_cli(capsys, "--help")
    assert run.code == 0
    for command in ("report", "check", "rules", "rule", "version", "eval", "train"):
        assert command in run.out


def test_no_command_and_bad_flags_are_usage_errors(capsys):
    assert "choose a command" in one_error_line(run_cli(capsys))
    assert "unrecognized arguments: --frobnicate" in one_error_line(run_cli(capsys, "report", "--frobnicate", CLEAN))
    assert "invalid choice: 'pdf'" in one_error_line(run_cli(capsys, "report", "--format", "pdf", CLEAN))
    assert "must be between 0 and 100" in one_error_line(run_cli(capsys, "check", "--min-score", "120", CLEAN))
    assert "not a rule code" in one_error_line(run_cli(capsys, "check", "--select", "E501", CLEAN))


def test_rules_lists_every_rule(capsys):
    run = run_cli(capsys, "rules")
    assert run.code == 0
    lines = run.out.splitlines()
    assert lines[0].split() == ["ID", "NAME", "KIND", "SEVERITY"]
    rows = {ln.split()[0]: ln.split() for ln in lines[1:]}
    assert rows["AT201"] == ["AT201", "anonymous-no-reason", "policy", "warning"]
    assert rows["AT101"][-1] == "error"
    assert any(r[2] == "cue" for r in rows.values())
    data = json.loads(run_cli(capsys, "rules", "--kind", "policy", "--format", "json").out)
    assert {r["kind"] for r in data} == {"policy"}
    assert [r["id"] for r in data] == sorted(r["id"] for r in data)


def test_rule_explains_one_rule_by_code_or_name(capsys):
    run = run_cli(capsys, "rule", "AT201")
    assert run.code == 0
    assert run.out.startswith("AT201 anonymous-no-reason\n")
    for part in (
        "severity: warning",
        "Rationale:",
        "Standard:",
        "NYT",
        "Examples:",
        "-> flags AT201",
        "-> no findings",
    ):
        assert part in run.out
    assert run_cli(capsys, "rule", "anonymous-no-reason").out == run.out
    assert run_cli(capsys, "rule", "at201").out == run.out


def test_unknown_rule(capsys):
    err = one_error_line(run_cli(capsys, "rule", "AT2O1"))
    assert "unknown rule 'AT2O1'" in err and "AT201" in err


def test_eval_and_train_pass_arguments_through(capsys, monkeypatch):
    seen = {}
    for name in ("evaluate", "train"):
        module = types.ModuleType(f"attrib.{name}")
        module.main = lambda argv, name=name: seen.setdefault(name, argv) and 3  # type: ignore[attr-defined]
        monkeypatch.setitem(sys.modules, f"attrib.{name}", module)
    assert run_cli(capsys, "eval", "--split", "dev", "-v").code == 3
    assert run_cli(capsys, "train", "--help").code == 3
    assert seen == {"evaluate": ["--split", "dev", "-v"], "train": ["--help"]}


# --- input errors: one line, exit 2 -----------------------------------------------------------


def test_missing_file(capsys):
    assert one_error_line(run_cli(capsys, "report", "nope.txt")) == "attrib: error: nope.txt: no such file\n"


def test_directory_where_a_file_was_expected(capsys, tmp_path):
    err = one_error_line(run_cli(capsys, "report", str(tmp_path)))
    assert err == f"attrib: error: {tmp_path}: is a directory, expected a file\n"


def test_binary_file(capsys, tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert "binary file (NUL byte at offset 8)" in one_error_line(run_cli(capsys, "report", str(path)))


def test_invalid_utf8_names_the_byte_offset_and_encoding_flag(capsys, tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Le maire a dit «non».\nCafé fermé.\n".encode("latin-1"))
    err = one_error_line(run_cli(capsys, "report", str(path)))
    assert "invalid UTF-8 (byte 0xab at byte offset 15, line 1)" in err
    assert "--encoding" in err
    run = run_cli(capsys, "report", "--encoding", "latin-1", "--format", "json", str(path))
    assert run.code == 0
    assert json.loads(run.out)["text"].startswith("Le maire a dit «non».")


def test_unknown_encoding(capsys):
    assert "unknown encoding 'klingon'" in one_error_line(run_cli(capsys, "report", "--encoding", "klingon", CLEAN))


def test_permission_denied(monkeypatch):
    def deny(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", deny)
    with pytest.raises(InputError, match=r"secret\.txt: permission denied"):
        reader.read("secret.txt")


def test_bom_is_stripped_and_offsets_count_from_after_it(capsys, tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfOfficials said the plan was dead.\n")
    run = run_cli(capsys, "check", "--isolated", "--format", "json", str(path))
    finding = json.loads(run.out)["files"][0]["findings"][0]
    assert (finding["rule"], finding["start"], finding["line"], finding["column"]) == ("AT201", 0, 1, 1)
    report = json.loads(run_cli(capsys, "report", "--format", "json", str(path)).out)
    assert report["text"].startswith("Officials")


def test_crlf_is_kept_with_exact_offsets(capsys, tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"The council met.\r\n\r\nOfficials said the plan was dead.\r\n")
    report = json.loads(run_cli(capsys, "report", "--format", "json", str(path)).out)
    assert "\r\n" in report["text"]
    for s in report["sentences"]:
        assert report["text"][s["start"] : s["end"]] == s["text"]
    finding = json.loads(run_cli(capsys, "check", "--isolated", "--format", "json", str(path)).out)
    loc = finding["files"][0]["findings"][0]
    assert (loc["line"], loc["column"], loc["start"]) == (3, 1, 20)


def test_empty_file_reports_with_a_warning(capsys, tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text(" \n\t\n")
    run = run_cli(capsys, "report", str(path))
    assert run.code == 0
    assert "warning: empty file" in run.out
    data = json.loads(run_cli(capsys, "report", "--format", "json", str(path)).out)
    assert data["warnings"] == ["empty file: nothing to analyse"] and data["sentences"] == []


def test_report_reads_stdin(capsys):
    run = run_cli(capsys, "report", "--format", "json", "-", stdin=b"Mayor Ana Ruiz said the city would appeal.\n")
    data = json.loads(run.out)
    assert data["path"] == "-"
    assert [s["label"] for s in data["sentences"]] == ["paraphrased"]


def test_report_json_lines_for_several_files(capsys):
    run = run_cli(capsys, "report", "--format", "json", CLEAN, str(DRAFTS / "check-anonymous.html"))
    lines = run.out.splitlines()
    assert len(lines) == 2
    docs = [json.loads(x) for x in lines]
    assert [d["path"] for d in docs] == [CLEAN, str(DRAFTS / "check-anonymous.html")]
    assert all(d["schema_version"] == "1.0" for d in docs)


# --- colour ---------------------------------------------------------------------------------------


def test_colour_only_when_asked_or_on_a_tty(capsys, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert "\x1b[" not in run_cli(capsys, "report", CLEAN).out
    assert "\x1b[" in run_cli(capsys, "report", "--color", "always", CLEAN).out
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    assert "\x1b[" in run_cli(capsys, "report", CLEAN).out
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run_cli(capsys, "report", CLEAN).out


# --- end to end and start-up ------------------------------------------------------------------------


def test_python_dash_m_report_end_to_end():
    proc = subprocess.run(
        [sys.executable, "-m", "attrib", "report", "--format", "json", CLEAN],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={"PYTHONPATH": str(REPO / "src"), "PATH": ""},
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["schema_version"] == "1.0"


def test_report_and_check_never_import_heavy_modules():
    code = (
        "import sys; from attrib.cli import main; "
        f"main(['report', {CLEAN!r}]); main(['check', '--isolated', {CLEAN!r}]); "
        "heavy = sorted(m for m in ('pydantic', 'numpy', 'nltk', 'sklearn', 'scipy') if m in sys.modules); "
        "sys.stderr.write(repr(heavy))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={"PYTHONPATH": str(REPO / "src"), "PATH": ""},
        check=False,
    )
    assert proc.stderr.endswith("[]"), proc.stderr


def test_pre_commit_hook_and_action_definitions():
    yaml = pytest.importorskip("yaml")
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    assert (hook["id"], hook["entry"], hook["language"]) == ("attrib-check", "attrib check", "python")
    assert hook["types_or"] == ["markdown", "html", "plain-text"]
    action = yaml.safe_load((REPO / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    assert {"paths", "min-score", "format", "sarif"} <= set(action["inputs"])
    assert action["inputs"]["format"]["default"] == "github"
    scripts = " ".join(step.get("run", "") for step in action["runs"]["steps"])
    assert "attrib check" in scripts and "github.action_path" in scripts
