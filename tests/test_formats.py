"""Output formats: CLI snapshots (stdout + exit code) per format and input format, and emitter units.

Snapshots live in tests/snapshots/; regenerate them with ATTRIB_UPDATE_SNAPSHOTS=1 after an
intended change (e.g. a better label from the pipeline) and review the diff.
"""

from __future__ import annotations

import json

import pytest

from attrib.config import Config
from attrib.formats import Style, github, tool_version
from attrib.formats import markdown as md
from attrib.gate import FileCheck, Located
from attrib.result import Finding
from cli_support import REPO, run_cli, snapshot

DRAFTS = "tests/fixtures/drafts"
CHECK_FILES = [
    f"{DRAFTS}/check-anonymous.html",
    f"{DRAFTS}/check-anonymous.md",
    f"{DRAFTS}/check-anonymous.txt",
    f"{DRAFTS}/check-clean.md",
    f"{DRAFTS}/check-suppressed.md",
]
REPORT_FILES = [
    f"{DRAFTS}/check-anonymous.txt",
    f"{DRAFTS}/check-anonymous.md",
    f"{DRAFTS}/check-anonymous.html",
]


@pytest.fixture(autouse=True)
def _repo_cwd(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("NO_COLOR", raising=False)


VERSION = {f'"version": "{tool_version()}"': '"version": "<version>"'}


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_check_snapshot(capsys, fmt):
    run = run_cli(capsys, "check", "--isolated", "--format", fmt, *CHECK_FILES)
    assert run.code == 1
    snapshot(f"check-{fmt}.txt", run, VERSION)


def test_check_snapshot_passing(capsys):
    run = run_cli(capsys, "check", "--isolated", f"{DRAFTS}/check-clean.md", f"{DRAFTS}/check-suppressed.md")
    assert run.code == 0
    snapshot("check-text-pass.txt", run)


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "html"])
@pytest.mark.parametrize("draft", REPORT_FILES, ids=["txt", "md", "html"])
def test_report_snapshot(capsys, fmt, draft):
    run = run_cli(capsys, "report", "--isolated", "--format", fmt, draft)
    assert run.code == 0
    snapshot(f"report-{draft.rsplit('.', 1)[1]}-{fmt}.txt", run)


# --- emitter units on hand-built results ---------------------------------------------------


def _check(path: str, *findings: tuple[Finding, int, int]) -> FileCheck:
    located = tuple(Located(f, line, col, line, col + 5) for f, line, col in findings)
    return FileCheck(path, "markdown", Config(), None, located)


def test_github_escapes_data_and_properties():
    f = Finding("AT201", "anonymous-no-reason", "warning", 0, 5, "100% sure,\nreally: yes\r")
    out = github.check([_check("dir,with:odd%name.md", (f, 3, 7))])
    assert out == (
        "::warning file=dir%2Cwith%3Aodd%25name.md,line=3,col=7,endLine=3,endColumn=11,"
        "title=AT201 anonymous-no-reason::100%25 sure,%0Areally: yes%0D\n"
    )


def test_github_levels():
    fs = [(Finding(c, "n", sev, 0, 1, "m"), 1, 1) for c, sev in (("AT101", "error"), ("AT205", "info"))]
    lines = github.check([_check("a.md", *fs)]).splitlines()
    assert [ln.split()[0] for ln in lines] == ["::error", "::notice"]


def test_text_check_line_format():
    from attrib.formats import text

    f = Finding("AT203", "vague-attribution", "warning", 0, 5, "Say who.")
    out = text.check([_check("story.md", (f, 12, 4))])
    assert out.splitlines()[0] == "story.md:12:4: AT203 vague-attribution Say who."
    assert "Failed: 1 of 1 file" in out


def test_json_check_document():
    from attrib.formats import json as emitter

    f = Finding("AT401", "unsourced-figure", "info", 0, 5, "Source it.")
    data = json.loads(emitter.check([_check("a.md", (f, 2, 3)), _check("b.md")]))
    assert data["schema_version"] == "1.0"
    assert data["passed"] is True  # info is below the default fail-on (warning)
    assert data["summary"] == {"files": 2, "failed": 0, "findings": 1, "error": 0, "warning": 0, "info": 1}
    assert data["files"][0]["findings"][0] == {
        "rule": "AT401",
        "name": "unsourced-figure",
        "severity": "info",
        "message": "Source it.",
        "line": 2,
        "column": 3,
        "end_line": 2,
        "end_column": 8,
        "start": 0,
        "end": 5,
    }


def test_markdown_cells_are_escaped():
    assert md.cell("a | b\n<script>") == "a \\| b &lt;script&gt;"


def test_html_report_escapes_article_text(capsys, tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("The <b>council</b> met & voted.\n")
    out = run_cli(capsys, "report", "--format", "html", str(path)).out
    assert "&lt;b&gt;council&lt;/b&gt; met &amp; voted." in out
    assert "<b>council" not in out


def test_style_is_plain_when_off():
    assert Style(False)("x", "red") == "x"
    assert Style(True)("x", "red", "bold") == "\x1b[31;1mx\x1b[0m"
