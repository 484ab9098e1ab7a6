"""Helpers for the CLI tests: run ``attrib.cli.main`` in-process and capture its output."""

from __future__ import annotations

import io
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DRAFTS = REPO / "tests" / "fixtures" / "drafts"
SNAPSHOTS = REPO / "tests" / "snapshots"


@dataclass
class Run:
    """What one ``attrib`` invocation did."""

    code: int
    out: str
    err: str


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str, stdin: bytes | None = None) -> Run:
    """Call ``main(argv)`` directly (fast) and capture exit code, stdout and stderr."""
    from attrib import config
    from attrib.cli import main

    config.clear_cache()
    capsys.readouterr()
    saved = sys.stdin
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        code = main(list(argv))
    finally:
        sys.stdin = saved
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


_CONFIDENCE = re.compile(r'"confidence": [0-9.e-]+')


def snapshot(name: str, run: Run, replace: dict[str, str] | None = None) -> None:
    """Compare exit code and stdout with ``tests/snapshots/<name>``; regenerate with
    ATTRIB_UPDATE_SNAPSHOTS=1.  The classifier's confidences are masked: they move with
    every retrained model and are not what a format snapshot is about."""
    body = _CONFIDENCE.sub('"confidence": "<confidence>"', run.out)
    for old, new in (replace or {}).items():
        body = body.replace(old, new)
    text = f"exit: {run.code}\n--- stdout ---\n{body}"
    path = SNAPSHOTS / name
    if os.environ.get("ATTRIB_UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"snapshot {name} is missing; run with ATTRIB_UPDATE_SNAPSHOTS=1 to create it")
    expected = path.read_text(encoding="utf-8")
    if text != expected:
        import difflib

        diff = "".join(difflib.unified_diff(expected.splitlines(True), text.splitlines(True), "snapshot", "now"))
        pytest.fail(f"snapshot {name} differs (ATTRIB_UPDATE_SNAPSHOTS=1 to accept):\n{diff[:4000]}")
