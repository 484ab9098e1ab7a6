"""``attrib check``: the acceptance cases of issue 4 and the policy checks (AT codes)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from attrib import policy
from attrib.config import Config
from attrib.result import Anonymity, Attribution, Result, Score, Sentence, Span
from attrib.ruleset import load_rules
from cli_support import DRAFTS, REPO, run_cli

ANON = str(DRAFTS / "check-anonymous.md")
SUPPRESSED = str(DRAFTS / "check-suppressed.md")
CLEAN = str(DRAFTS / "check-clean.md")


@pytest.fixture(autouse=True)
def _repo_cwd(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


# --- acceptance (issue 4, "Done when") ---------------------------------------------------


def test_officials_said_without_reason_fails_with_at201_at_line_and_column(capsys):
    run = run_cli(capsys, "check", "--isolated", ANON)
    assert run.code == 1
    lines = [ln for ln in run.out.splitlines() if " AT" in ln]
    assert lines == [
        f"{ANON}:15:1: AT201 anonymous-no-reason Anonymous source with no reason given: say why anonymity"
        " was granted and what the source knows, or name the source. (source: “Officials”)"
    ]


def test_same_draft_with_valid_suppression_passes(capsys):
    run = run_cli(capsys, "check", "--isolated", SUPPRESSED)
    assert run.code == 0, run.out
    assert " AT" not in run.out
    assert run.err == ""


def test_clean_draft_passes(capsys):
    run = run_cli(capsys, "check", "--isolated", CLEAN)
    assert (run.code, run.err) == (0, "")
    assert "Passed" in run.out


def test_missing_file_exits_2_with_one_line(capsys):
    run = run_cli(capsys, "check", "no/such/draft.md")
    assert run.code == 2
    assert run.err == "attrib: error: no/such/draft.md: no such file\n"
    assert "Traceback" not in run.err


def test_markdown_findings_point_past_front_matter_and_code_blocks(capsys):
    run = run_cli(capsys, "check", "--isolated", "--format", "json", ANON)
    data = json.loads(run.out)
    findings = data["files"][0]["findings"]
    assert [(f["rule"], f["line"], f["column"], f["end_column"]) for f in findings] == [("AT201", 15, 1, 10)]
    source_lines = (DRAFTS / "check-anonymous.md").read_text().splitlines()
    assert source_lines[14].startswith("Officials said")
    # the fenced code block also says "officials said", but it is not article text
    assert "officials said nothing" in source_lines[9]


def test_directory_is_recursed_sorted_and_deterministic(capsys, tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.md").write_text("Officials said the plan was dead.\n")
    (tmp_path / "a.txt").write_text("Officials said the plan was dead.\n")
    (tmp_path / "notes.rst").write_text("Officials said the plan was dead.\n")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.md").write_text("Officials said so.\n")
    run = run_cli(capsys, "check", "--isolated", str(tmp_path))
    paths = [ln.split(":")[0] for ln in run.out.splitlines() if " AT201 " in ln]
    assert paths == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "z.md")]
    assert run_cli(capsys, "check", "--isolated", str(tmp_path)).out == run.out


def test_min_score_fails_and_exit_zero_passes(capsys):
    run = run_cli(capsys, "check", "--isolated", "--min-score", "100", CLEAN)
    assert run.code == 1
    assert " AT101 score-below-minimum " in run.out
    run = run_cli(capsys, "check", "--isolated", "--min-score", "100", "--exit-zero", CLEAN)
    assert run.code == 0


def test_fail_on_error_lets_warnings_pass(capsys):
    assert run_cli(capsys, "check", "--isolated", "--fail-on", "error", ANON).code == 0
    assert run_cli(capsys, "check", "--isolated", "--ignore", "AT2", ANON).code == 0
    assert run_cli(capsys, "check", "--isolated", "--select", "AT4", ANON).code == 0


def test_stdin_with_filename_and_format(capsys):
    text = (DRAFTS / "check-anonymous.md").read_bytes()
    run = run_cli(capsys, "check", "--isolated", "--stdin-filename", "story.md", "--format", "github", "-", stdin=text)
    assert run.code == 1
    assert run.out.startswith("::warning file=story.md,line=15,col=1,")


def test_empty_draft_passes_with_a_note(capsys, tmp_path):
    empty = tmp_path / "empty.md"
    empty.write_text("  \n\n")
    run = run_cli(capsys, "check", str(empty))
    assert run.code == 0
    assert run.err == f"attrib: note: {empty}: empty file: nothing to analyse\n"


def test_errors_do_not_hide_other_files(capsys):
    run = run_cli(capsys, "check", "--isolated", "missing.md", ANON)
    assert run.code == 2
    assert run.err.count("\n") == 1
    assert " AT201 " in run.out


def test_python_dash_m_check_end_to_end():
    proc = subprocess.run(
        [sys.executable, "-m", "attrib", "check", "--isolated", "--format", "github", ANON],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={"PYTHONPATH": str(REPO / "src"), "PATH": ""},
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == ""
    assert proc.stdout.startswith(f"::warning file={ANON},line=15,col=1,")


# --- policy checks on hand-built results ------------------------------------------------

RULES = load_rules()


def _sentence(text: str, start: int, label: str, paragraph: int = 0, attributions=()) -> Sentence:
    return Sentence(start, start + len(text), text, label, 0.9, paragraph, tuple(attributions))


def _result(*sentences: Sentence, score: float = 50.0) -> Result:
    text = ""
    for s in sentences:
        text = text.ljust(s.start) + s.text
    return Result(text, tuple(sentences), (), Score(score, {}), ())


def _anon(text: str, start: int, source: str, reason="none", basis=False, vague=False) -> Attribution:
    i = text.index(source)
    return Attribution(
        kind="unnamed",
        mode="indirect",
        source=Span(start + i, start + i + len(source), source),
        vague=vague,
        anonymity=Anonymity(reason=reason, basis=basis),
    )


def codes(result: Result, config: Config | None = None) -> list[str]:
    return [f.rule for f in policy.findings(result, config or Config(), RULES)]


def test_at201_once_per_distinct_source_at_the_source_span():
    a = "Officials said the plan was dead."
    b = "Officials said talks would resume."
    r = _result(
        _sentence(a, 0, "anonymous", 0, [_anon(a, 0, "Officials")]),
        _sentence(b, 40, "anonymous", 1, [_anon(b, 40, "Officials")]),
    )
    found = policy.findings(r, Config(max_anonymous_share=1.0), RULES)
    assert [(f.rule, f.start, f.end) for f in found] == [("AT201", 0, 9)]


def test_anonymity_ladder_none_weak_given_basis():
    for reason, basis, expected in (
        ("none", False, ["AT201"]),
        ("weak", False, ["AT202"]),
        ("given", False, ["AT205"]),
        ("given", True, []),
    ):
        t = "A senior official said the plan was dead."
        r = _result(_sentence(t, 0, "anonymous", 0, [_anon(t, 0, "A senior official", reason, basis)]))
        assert codes(r) == expected, reason


def test_vague_attribution_is_at203_not_at201():
    t = "Critics say the project is over budget."
    r = _result(_sentence(t, 0, "anonymous", 0, [_anon(t, 0, "Critics", vague=True)]))
    assert codes(r) == ["AT203"]


def test_anonymous_share_needs_two_and_respects_threshold():
    s = [_sentence(f"Officials{k} said so.", 30 * k, "anonymous", k) for k in range(2)]
    s.append(_sentence("Ruiz said so.", 60, "paraphrased", 2))
    assert codes(_result(*s)) == ["AT204"]
    assert codes(_result(*s), Config(max_anonymous_share=0.7)) == []
    assert codes(_result(s[0], s[2])) == []
    finding = policy.findings(_result(*s), Config(), RULES)[0]
    assert finding.start == finding.end == 0


def test_min_score():
    r = _result(_sentence("The council meets on Thursday.", 0, "unattributed"), score=42.0)
    assert codes(r) == []
    assert codes(r, Config(min_score=50)) == ["AT101"]
    assert codes(r, Config(min_score=40)) == []


def test_speakerless_quote_but_not_scare_quotes():
    long_q = 'It was "a total and complete disaster for the city."'
    scare = 'The so-called "reform" passed.'
    assert codes(_result(_sentence(long_q, 0, "unattributed"))) == ["AT301"]
    assert codes(_result(_sentence(scare, 0, "unattributed"))) == []
    assert codes(_result(_sentence(long_q, 0, "attributed"))) == []


def test_unbalanced_quotes_allow_a_quote_running_into_the_next_paragraph():
    a = "“We will fight this decision all the way,"
    b = "“and we will win,” Ruiz said."
    ok = _result(_sentence(a, 0, "attributed", 0), _sentence(b, 50, "attributed", 1))
    assert codes(ok) == []
    bad = _result(_sentence(a, 0, "attributed", 0), _sentence("Ruiz left.", 50, "unattributed", 1))
    found = policy.findings(bad, Config(), RULES)
    assert [(f.rule, f.start, f.end) for f in found] == [("AT302", 0, 1)]
    stray = _result(_sentence("Ruiz said it was over.” Then she left.", 0, "paraphrased"))
    assert codes(stray) == ["AT302"]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Costs have risen 40% since 2019.", ["40%"]),
        ("The city will spend $4.5 million on the bridge.", ["$4.5 million"]),
        ("Unemployment fell 2.5 percentage points.", ["2.5 percentage points"]),
        ("About 12,000 people marched.", ["12,000"]),
        ("The pipeline carries 300,000 barrels a day.", ["300,000 barrels"]),
        ("Exports reached 3 billion euros.", ["3 billion"]),
        ("The council met at 3 p.m. on March 5, 2024.", []),
        ("The 45-year-old mayor took office in 1999.", []),
        ("It was the 12th meeting this year.", []),
    ],
)
def test_unsourced_figures(text, flagged):
    r = _result(_sentence(text, 0, "unattributed"))
    found = policy.findings(r, Config(), RULES)
    assert [r.text[f.start : f.end] for f in found if f.rule == "AT401"] == flagged[:1]
    assert codes(_result(_sentence(text, 0, "paraphrased"))) == []


def test_select_ignore_and_severity_overrides():
    t = "Officials said the plan was dead. Costs rose 40%."
    r = _result(
        _sentence(t[:33], 0, "anonymous", 0, [_anon(t, 0, "Officials")]),
        _sentence(t[34:], 34, "unattributed", 0),
    )
    assert codes(r) == ["AT201", "AT401"]
    assert codes(r, Config(select=("AT4",))) == ["AT401"]
    assert codes(r, Config(ignore=("AT201",))) == ["AT401"]
    found = policy.findings(r, Config(severity={"AT201": "error"}), RULES)
    assert [f.severity for f in found] == ["error", "warning"]


def test_apply_adds_codes_to_the_sentence_they_fall_on():
    t = "Officials said the plan was dead."
    s = _sentence(t, 0, "anonymous", 0, [_anon(t, 0, "Officials")])
    s = Sentence(**{**{f: getattr(s, f) for f in s.__slots__}, "rules": ("S001",)})
    out = policy.apply(_result(s), Config(), RULES)
    assert out.sentences[0].rules == ("S001", "AT201")
    assert [f.rule for f in out.findings] == ["AT201"]
    again = policy.with_findings(out, ())
    assert again.sentences[0].rules == ("S001",)
