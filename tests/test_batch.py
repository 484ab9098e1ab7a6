"""attrib.batch: JSON Lines input, --jobs over processes, streaming output, bounded memory, progress."""

from __future__ import annotations

import argparse
import io
import json
import sys
import threading
from pathlib import Path

import pytest

from attrib import batch
from cli_support import DRAFTS

GOOD = "Officials said the bridge would close. “We have no choice,” said Mayor Ann Lee."


def _args(**kw) -> argparse.Namespace:  # type: ignore[no-untyped-def]
    base = {
        "command": "report",
        "format": None,
        "jsonl": None,
        "jobs": 1,
        "id_field": "id",
        "text_field": "text",
        "progress": False,
        "isolated": True,
        "color": "never",
        "files": [],
        "paths": [],
    }
    base.update(kw)
    return argparse.Namespace(**base)


def _run(**kw) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    out, err = io.StringIO(), io.StringIO()
    code = batch.run(_args(**kw), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _jsonl(path: Path, lines: list) -> str:  # type: ignore[type-arg]
    with path.open("w", encoding="utf-8") as fh:
        for line in lines:
            fh.write((line if isinstance(line, str) else json.dumps(line)) + "\n")
    return str(path)


# --- reading JSON Lines ------------------------------------------------------------------------


def test_iter_jsonl_good_bad_and_blank_lines(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(
        b'{"id": "a1", "text": "Officials said it rained."}\n'
        b"\n"
        b"not json\n"
        b"[1, 2]\n"
        b'{"id": "a2"}\n'
        b'{"id": "a3", "text": 7}\n'
        b'{"id": {"x": 1}, "text": "t"}\n'
        b'{"text": "no id"}\n'
        b'{"id": "a5", "text": "caf\xe9"}\n'
        b'{"id": "a6", "text": "t", "format": "pdf"}\n'
        b'{"id": "a7", "text": "# T", "format": "markdown"}\n'
    )
    tasks = list(batch.iter_jsonl(str(path)))
    assert [t.line for t in tasks] == [1, 3, 4, 5, 6, 7, 8, 9, 10, 11]
    ok = [t for t in tasks if t.error is None]
    assert [(t.id, t.text) for t in ok] == [("a1", "Officials said it rained."), (8, "no id"), ("a7", "# T")]
    assert ok[-1].format == "markdown"
    errors = {t.line: t.error for t in tasks if t.error}
    assert "not JSON" in errors[3] and f"{path}:3" in errors[3]
    assert "expected a JSON object, got array" in errors[4]
    assert "'text' is missing" in errors[5]
    assert "a number, not a string" in errors[6]
    assert "must be a string or a number" in errors[7]
    assert "invalid utf-8" in errors[9].lower()
    assert "format" in errors[10]
    for message in errors.values():
        assert "\n" not in message


def test_iter_jsonl_custom_fields_and_stdin():
    data = io.BytesIO(b'{"url": "u1", "body": "Officials said it rained."}\n')
    (task,) = batch.iter_jsonl("-", id_field="url", text_field="body", stdin=data)
    assert (task.id, task.name, task.text) == ("u1", "u1", "Officials said it rained.")


def test_missing_jsonl_file_is_one_error_record(tmp_path):
    code, out, err = _run(jsonl=[str(tmp_path / "nope.jsonl")])
    assert code == 2
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert "no such file" in record["error"]
    assert err.count("\n") == 1 and err.startswith("attrib: error: ")


# --- running -------------------------------------------------------------------------------------


@pytest.mark.parametrize("jobs", [1, 2])
def test_report_jsonl_streams_json_lines_in_order(tmp_path, jobs):
    lines = [{"id": f"n{k}", "text": f"{GOOD} Story {k}."} for k in range(12)]
    lines.insert(5, "{broken")
    path = _jsonl(tmp_path / "a.jsonl", lines)
    code, out, err = _run(jsonl=[path], jobs=jobs)
    assert code == 2  # one bad line: processing went on, exit 2 at the end
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 13
    assert records[5] == {"path": path, "line": 6, "id": None, "error": records[5]["error"]}
    good = [r for r in records if "error" not in r]
    assert [r["id"] for r in good] == [f"n{k}" for k in range(12)]
    for r in good:
        assert r["sentences"] and r["text"].startswith("Officials")
        for s in r["sentences"]:
            assert r["text"][s["start"] : s["end"]] == s["text"]
    assert "attrib: error: " in err and ":6:" in err


def test_jobs_1_and_2_give_identical_output(tmp_path):
    lines = [{"id": k, "text": f"{GOOD} Item {k} was said to matter, officials said."} for k in range(20)]
    path = _jsonl(tmp_path / "a.jsonl", lines)
    one = _run(jsonl=[path], jobs=1)
    two = _run(jsonl=[path], jobs=2)
    assert one == two and one[0] == 0


def test_files_with_jobs_match_the_plain_cli(capsys):
    from cli_support import run_cli

    files = sorted(str(p) for p in DRAFTS.glob("*.md"))[:6]
    assert files
    plain = run_cli(capsys, "report", "--format", "json", "--isolated", *files)
    code, out, _ = _run(files=files, jobs=2, format="json")
    assert (code, out) == (plain.code, plain.out)
    plain = run_cli(capsys, "check", "--isolated", "--color", "never", *files)
    code, out, _ = _run(command="check", paths=files, jobs=2, format="text")
    assert (code, out) == (plain.code, plain.out)


def test_check_jsonl_records_and_summary(tmp_path):
    lines = [
        {"id": "anon", "text": "Officials said the plan would fail."},
        {"id": "named", "text": "“It will work,” said Mayor Ann Lee, who leads the council."},
        {"id": "empty", "text": "   "},
    ]
    code, out, _ = _run(command="check", jsonl=[_jsonl(tmp_path / "c.jsonl", lines)])
    records = [json.loads(line) for line in out.splitlines()]
    assert [r.get("id") for r in records[:3]] == ["anon", "named", "empty"]
    assert records[0]["passed"] is False and records[0]["findings"]
    assert records[2]["notes"] and records[2]["score"] is None
    assert records[-1]["summary"]["articles"] == 3
    assert code == 1 and records[-1]["passed"] is False


def test_exit_zero_and_output_file(tmp_path):
    path = _jsonl(tmp_path / "c.jsonl", [{"id": "anon", "text": "Officials said the plan would fail."}])
    out_file = tmp_path / "out.jsonl"
    code = batch.run(_args(command="check", jsonl=[path], exit_zero=True, output=str(out_file)), err=io.StringIO())
    assert code == 0
    assert json.loads(out_file.read_text(encoding="utf-8").splitlines()[0])["id"] == "anon"


def test_internal_errors_become_records_not_crashes(tmp_path, monkeypatch):
    from attrib.checker import Checker

    real = Checker.run

    def flaky(self, text, fmt="text"):  # type: ignore[no-untyped-def]
        if "boom" in text:
            raise RuntimeError("kaboom")
        return real(self, text, fmt)

    monkeypatch.setattr(Checker, "run", flaky)
    path = _jsonl(tmp_path / "a.jsonl", [{"id": 1, "text": "boom said x."}, {"id": 2, "text": GOOD}])
    code, out, err = _run(jsonl=[path])
    assert "kaboom" in err
    records = [json.loads(line) for line in out.splitlines()]
    assert "internal error" in records[0]["error"] and "kaboom" in records[0]["error"]
    assert records[1]["id"] == 2 and records[1]["sentences"]
    assert code == 2


# --- bounded memory: a bounded number of articles in flight ---------------------------------


@pytest.mark.parametrize("jobs", [1, 2])
def test_inflight_is_bounded(jobs):
    lock = threading.Lock()
    state = {"taken": 0, "max_ahead": 0, "given": 0}

    def tasks():  # type: ignore[no-untyped-def]
        for k in range(400):
            with lock:
                state["taken"] += 1
                state["max_ahead"] = max(state["max_ahead"], state["taken"] - state["given"])
            yield batch.Task(f"t{k}", text=f"Officials said item {k} was fine.", id=k, line=k + 1)

    options = batch.Options(command="report", format="json", runner={"isolated": True})
    names = []
    for outcome in batch.analyse(tasks(), options, jobs=jobs, chunksize=4):
        with lock:
            state["given"] += 1
        names.append(outcome.name)
    assert names == [f"t{k}" for k in range(400)]
    limit = max(jobs * batch.INFLIGHT_PER_JOB, 4 * jobs * 2) if jobs > 1 else 1
    assert state["max_ahead"] <= limit + 4, state


def test_outcomes_are_written_as_they_come():
    out = io.StringIO()
    seen: list[str] = []

    def outcomes():  # type: ignore[no-untyped-def]
        for k in range(3):
            seen.append(out.getvalue())
            yield batch.Outcome(f"a{k}", rendered=f"line {k}\n")

    options = batch.Options(command="report", format="json")
    summary = batch.write_outcomes(outcomes(), options, out, io.StringIO())
    assert seen == ["", "line 0\n", "line 0\nline 1\n"]
    assert summary.articles == 3 and summary.exit_status == 0


# --- progress ------------------------------------------------------------------------------------


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal():
    assert batch.progress_bar(10, None, io.StringIO()) is None
    assert batch.progress_bar(10, False, _Tty()) is None
    assert batch.progress_bar(10, None, _Tty()) is not None
    assert batch.progress_bar(10, True, io.StringIO()) is not None


def test_builtin_progress_bar_without_tqdm(monkeypatch):
    monkeypatch.setitem(sys.modules, "tqdm", None)
    stream = _Tty()
    bar = batch.progress_bar(4, None, stream)
    assert isinstance(bar, batch._Bar)
    for _ in range(4):
        bar.update()
    bar.close()
    assert "4/4 articles" in stream.getvalue()


def test_run_is_silent_on_stderr_when_not_a_terminal(tmp_path):
    path = _jsonl(tmp_path / "a.jsonl", [{"id": 1, "text": GOOD}])
    code, _, err = _run(jsonl=[path], progress=None)
    assert code == 0 and err == ""


def test_jobs_argument():
    parser = argparse.ArgumentParser()
    batch.add_arguments(parser)
    args = parser.parse_args(["--jobs", "0", "--jsonl", "x.jsonl", "--no-progress"])
    assert args.jobs == 0 and args.jsonl == ["x.jsonl"] and args.progress is False
    assert batch.resolve_jobs(0) >= 1 and batch.wanted(args)
    with pytest.raises(SystemExit):
        parser.parse_args(["--jobs", "-1"])


# --- through the command line ------------------------------------------------------------------


def test_cli_report_jsonl_defaults_to_json_lines(capsys, tmp_path):
    from cli_support import run_cli

    path = _jsonl(
        tmp_path / "a.jsonl",
        [{"url": "u1", "body": GOOD}, "oops", {"url": "u2", "body": "The storm hit at dawn."}],
    )
    run = run_cli(capsys, "report", "--isolated", "--jsonl", path, "--id-field", "url", "--text-field", "body")
    assert run.code == 2
    records = [json.loads(line) for line in run.out.splitlines()]
    assert [r.get("id") for r in records] == ["u1", None, "u2"]
    assert records[1]["line"] == 2 and "not JSON" in records[1]["error"]
    assert run.err.count("\n") == 1 and run.err.startswith("attrib: error: ")


def test_cli_check_jsonl_with_jobs(capsys, tmp_path):
    from cli_support import run_cli

    lines = [{"id": k, "text": "Officials said the plan would fail." if k % 2 else GOOD} for k in range(8)]
    path = _jsonl(tmp_path / "a.jsonl", lines)
    run = run_cli(capsys, "check", "--isolated", "--jsonl", path, "--jobs", "2", "--no-progress")
    records = [json.loads(line) for line in run.out.splitlines()]
    assert [r["id"] for r in records[:-1]] == list(range(8))
    assert records[-1]["summary"]["articles"] == 8
    assert run.code == 1
    text = run_cli(capsys, "check", "--isolated", "--jsonl", path, "--format", "text", "--color", "never")
    assert text.code == 1 and text.out.rstrip().splitlines()[-1].startswith("Failed: ")


def test_cli_jobs_on_files_gives_the_same_report(capsys):
    from cli_support import run_cli

    files = sorted(str(p) for p in DRAFTS.glob("*.md"))[:5]
    one = run_cli(capsys, "report", "--isolated", "--format", "json", *files)
    two = run_cli(capsys, "report", "--isolated", "--format", "json", "--jobs", "2", *files)
    assert (one.code, one.out) == (two.code, two.out)
    one = run_cli(capsys, "check", "--isolated", "--format", "sarif", *files)
    two = run_cli(capsys, "check", "--isolated", "--format", "sarif", "--jobs", "2", *files)
    assert (one.code, one.out) == (two.code, two.out)


def test_cli_needs_files_or_jsonl(capsys):
    from cli_support import run_cli

    for command in ("report", "check"):
        run = run_cli(capsys, command)
        assert run.code == 2 and "--jsonl" in run.err and run.err.count("\n") == 1


def test_python_dash_m_jsonl_end_to_end(tmp_path):
    import os
    import subprocess

    from cli_support import REPO

    path = _jsonl(tmp_path / "a.jsonl", [{"id": k, "text": GOOD} for k in range(3)])
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    proc = subprocess.run(
        [sys.executable, "-m", "attrib", "report", "--jsonl", path, "--jobs", "2", "--isolated"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(line)["id"] for line in proc.stdout.splitlines()] == [0, 1, 2]
    assert proc.stderr == ""  # no progress bar: stderr is not a terminal
