"""Inline suppression comments: ignore (next paragraph), disable/enable ranges, AT9xx."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attrib import suppress
from attrib.result import Finding
from cli_support import run_cli

KNOWN = {
    "AT201": "AT201",
    "AT203": "AT203",
    "AT401": "AT401",
    "AT901": "AT901",
    "anonymous-no-reason": "AT201",
}


@dataclass
class C:
    """A stand-in for attrib.inputs.Comment."""

    text: str
    line: int
    col: int
    next_offset: int


def f(rule: str, start: int) -> Finding:
    return Finding(rule, rule.lower(), "warning", start, start + 3, "m")


def run(findings, comments, text="x" * 200, enabled=lambda code: True):
    return suppress.apply(findings, comments, text, KNOWN.get, enabled)


PARAS = "First paragraph here.\n\nSecond paragraph here.\n\nThird paragraph here.\n"
SECOND = PARAS.index("Second")
THIRD = PARAS.index("Third")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('ignore[AT201] reason="approved"', ("ignore", ("AT201",), "approved")),
        ("ignore[ AT201 , AT203 ] reason='desk ok'", ("ignore", ("AT201", "AT203"), "desk ok")),
        ('ignore[anonymous-no-reason] reason="x"', ("ignore", ("AT201",), "x")),
        ("disable[AT201]", ("disable", ("AT201",), None)),
        ('disable[AT201] reason="  "', ("disable", ("AT201",), None)),
        ("enable[AT201]", ("enable", ("AT201",), None)),
        ('IGNORE[AT201] reason="x"', ("ignore", ("AT201",), "x")),
    ],
)
def test_parse_ok(body, expected):
    assert suppress.parse(body, KNOWN.get) == expected


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("silence[AT201]", "unknown directive 'silence'"),
        ('ignore reason="x"', "ignore needs rule codes"),
        ("ignore[]", "ignore needs rule codes"),
        ('ignore[AT999] reason="x"', "unknown rule code 'AT999'"),
        ('ignore[AT901] reason="x"', "AT901 cannot be suppressed inline"),
        ("ignore[AT201] because I said so", "cannot read 'because I said so'"),
        ('ignore[AT201] reason="unterminated', "cannot read"),
    ],
)
def test_parse_malformed(body, problem):
    out = suppress.parse(body, KNOWN.get)
    assert isinstance(out, str) and problem in out


def test_ignore_covers_only_the_next_paragraph():
    comment = C('attrib: ignore[AT201] reason="approved"', 3, 1, SECOND)
    kept, problems = run([f("AT201", SECOND + 5), f("AT201", THIRD + 2)], [comment], PARAS)
    assert [x.start for x in kept] == [THIRD + 2]
    assert problems == []


def test_ignore_keeps_other_codes():
    comment = C('attrib: ignore[AT201] reason="approved"', 3, 1, SECOND)
    kept, problems = run([f("AT201", SECOND), f("AT401", SECOND + 4)], [comment], PARAS)
    assert [x.rule for x in kept] == ["AT401"]
    assert problems == []


def test_unused_suppression_is_at901_at_the_comment():
    comment = C('attrib: ignore[AT203] reason="approved"', 3, 5, SECOND)
    kept, problems = run([f("AT201", SECOND)], [comment], PARAS)
    assert [x.rule for x in kept] == ["AT201"]
    assert [(p.code, p.where.line, p.where.column) for p in problems] == [("AT901", 3, 5)]
    assert "ignore[AT203] suppressed nothing" in problems[0].detail


def test_unused_is_not_reported_for_codes_the_config_turns_off():
    comment = C('attrib: ignore[AT203] reason="approved"', 3, 1, SECOND)
    _, problems = run([], [comment], PARAS, enabled=lambda code: code != "AT203")
    assert problems == []


def test_reasonless_suppression_is_at903_and_suppresses_nothing():
    comment = C("attrib: ignore[AT201]", 3, 1, SECOND)
    kept, problems = run([f("AT201", SECOND)], [comment], PARAS)
    assert [x.rule for x in kept] == ["AT201"]
    assert [p.code for p in problems] == ["AT903"]


def test_malformed_is_at902_and_other_comments_are_left_alone():
    comments = [
        C("attrib: ignore AT201", 1, 1, 0),
        C("TODO: check the quote", 2, 1, 0),
        C("attrib ignore[AT201]", 2, 1, 0),
    ]
    kept, problems = run([f("AT201", 0)], comments, PARAS)
    assert [x.rule for x in kept] == ["AT201"]
    assert [p.code for p in problems] == ["AT902"]


def test_disable_enable_range():
    comments = [
        C('attrib: disable[AT201,AT203] reason="whistleblower profile, approved"', 1, 1, SECOND),
        C("attrib: enable[AT201]", 5, 1, THIRD),
    ]
    found = [f("AT201", 0), f("AT201", SECOND), f("AT203", SECOND + 3), f("AT201", THIRD), f("AT203", THIRD)]
    kept, problems = run(found, comments, PARAS)
    assert [(x.rule, x.start) for x in kept] == [("AT201", 0), ("AT201", THIRD)]
    assert problems == []


def test_disable_without_enable_runs_to_the_end():
    comments = [C('attrib: disable[AT401] reason="a fact box of sourced figures"', 1, 1, 0)]
    kept, _ = run([f("AT401", 0), f("AT401", THIRD)], comments, PARAS)
    assert kept == []


def test_enable_without_disable_is_malformed():
    _, problems = run([], [C("attrib: enable[AT201]", 4, 2, THIRD)], PARAS)
    assert [(p.code, p.where.line) for p in problems] == [("AT902", 4)]
    assert "without a disable" in problems[0].detail


def test_unused_disable_range():
    comments = [C('attrib: disable[AT203] reason="x"', 1, 1, 0), C("attrib: enable[AT203]", 5, 1, THIRD)]
    _, problems = run([f("AT203", THIRD + 1)], comments, PARAS)
    assert [(p.code, p.where.line) for p in problems] == [("AT901", 1)]


# --- end to end through the formats' comments ------------------------------------------


def test_markdown_suppression_end_to_end(capsys, tmp_path):
    draft = tmp_path / "a.md"
    draft.write_text(
        '<!-- attrib: ignore[AT201] reason="approved by the standards desk" -->\n'
        "Officials said the plan was dead.\n\n"
        "Officials said the talks would resume.\n\n"
        "<!-- attrib: ignore[AT203] -->\n"
        "Mayor Ana Ruiz said the city would appeal.\n"
    )
    run = run_cli(capsys, "check", "--isolated", "--ignore", "AT204", str(draft))
    codes = [(ln.split(":")[1], ln.split()[1]) for ln in run.out.splitlines() if " AT" in ln]
    # the second "Officials" is the same source as the first, whose anonymity was approved
    assert codes == [("6", "AT903")]
    assert run.code == 1


def test_html_and_plain_text_suppressions(capsys, tmp_path):
    html = tmp_path / "a.html"
    html.write_text(
        '<html><body>\n<!-- attrib: ignore[AT201] reason="approved" -->\n'
        "<p>Officials said the plan was dead.</p>\n</body></html>\n"
    )
    txt = tmp_path / "a.txt"
    txt.write_text('<!-- attrib: ignore[AT201] reason="approved" -->\nOfficials said the plan was dead.\n')
    assert run_cli(capsys, "check", "--isolated", str(html), str(txt)).code == 0


@given(st.text(max_size=80))
@settings(max_examples=200, deadline=None)
def test_any_comment_body_parses_or_explains(body):
    out = suppress.parse(body, KNOWN.get)
    assert isinstance(out, (str, tuple))
    _, problems = run([f("AT201", 0)], [C("attrib:" + body, 1, 1, 0)], PARAS)
    assert all(p.code in suppress.META for p in problems)
