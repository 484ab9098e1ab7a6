"""Inline suppression comments in drafts (ruff's semantics in an HTML comment).

    <!-- attrib: ignore[AT201] reason="anonymity approved by the standards desk" -->
    A senior official familiar with the talks said a deal was close.

    <!-- attrib: disable[AT201,AT203] reason="profile of a whistleblower, approved by J. Doe" -->
    ...paragraphs...
    <!-- attrib: enable[AT201,AT203] -->

``ignore`` covers the next paragraph: the block that starts where the comment's
next block starts (``comment.next_offset`` in the plain text) up to the next
blank line.  ``disable`` covers everything from its next block to the matching
``enable`` (or the end of the draft).  Codes are required (rule codes such as
AT201, or rule names), and ``ignore``/``disable`` need a non-empty reason.

Problems become findings at the comment itself: AT901 (unused: nothing it names
was reported in its range), AT902 (malformed: unknown directive, no codes,
unknown code, unreadable reason, enable without disable) and AT903 (no
reason; such a suppression suppresses nothing).  AT9xx findings themselves
cannot be suppressed inline; turn them off in the configuration instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from attrib import recache
from attrib.result import Finding

_DIRECTIVE = recache.compile(r"^\s*attrib\s*:(?P<body>.*)$", re.IGNORECASE | re.DOTALL)
_SHAPE = recache.compile(r"^\s*(?P<action>[A-Za-z_-]+)\s*(?:\[(?P<codes>[^\]]*)\])?\s*(?P<rest>.*?)\s*$", re.DOTALL)
_REASON = recache.compile(r"""^reason\s*=\s*(?:"(?P<d>[^"]*)"|'(?P<s>[^']*)')$""", re.DOTALL)
_PARAGRAPH_BREAK = recache.compile(r"\r?\n[ \t]*\r?\n")
ACTIONS = ("ignore", "disable", "enable")
META = ("AT901", "AT902", "AT903")


@dataclass(frozen=True, slots=True)
class Where:
    """Where a comment is in the file the user wrote (1-based; end exclusive)."""

    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True, slots=True)
class Directive:
    """One readable suppression comment and the plain-text range it covers."""

    action: str
    codes: tuple[str, ...]
    reason: str | None
    where: Where
    offset: int
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class Problem:
    """A suppression comment that is itself a finding (AT901-AT903)."""

    code: str
    detail: str
    where: Where
    offset: int


def _body(comment: Any) -> str:
    raw = getattr(comment, "text", None)
    if raw is None:
        raw = getattr(comment, "body", "")
    raw = raw.strip()
    if raw.startswith("<!--"):
        raw = raw[4:]
    if raw.endswith("-->"):
        raw = raw[:-3]
    return raw


def _where(comment: Any, body: str) -> Where:
    line, col = int(getattr(comment, "line", 1)), int(getattr(comment, "col", 1))
    raw = getattr(comment, "text", None) or body
    if "\n" in raw:
        return Where(line, col, line, col)
    width = len(raw.strip()) if raw.strip().startswith("<!--") else len(body) + 7
    return Where(line, col, line, col + width)


def parse(body: str, known: Callable[[str], str | None]) -> tuple[str, tuple[str, ...], str | None] | str:
    """(action, codes, reason) of a directive body after ``attrib:``, or why it is malformed.

    ``known`` maps a code or rule name to its code, or None when unknown.
    """
    m = _SHAPE.match(body)
    if not m:
        return "cannot read the directive"
    action = m.group("action").lower()
    if action not in ACTIONS:
        return f"unknown directive {m.group('action')!r} (use ignore, disable or enable)"
    if m.group("codes") is None or not m.group("codes").strip():
        return f"{action} needs rule codes in brackets, e.g. {action}[AT201]"
    codes: list[str] = []
    for item in m.group("codes").split(","):
        item = item.strip()
        code = known(item) if item else None
        if code is None:
            return f"unknown rule code {item!r}" if item else "empty rule code"
        if code in META:
            return f"{code} cannot be suppressed inline; turn it off in the configuration"
        if code not in codes:
            codes.append(code)
    rest = m.group("rest")
    reason: str | None = None
    if rest:
        r = _REASON.match(rest)
        if not r:
            return f'cannot read {rest!r}; write reason="..."'
        reason = (r.group("d") if r.group("d") is not None else r.group("s")).strip() or None
    return action, tuple(codes), reason


def _paragraph_end(text: str, start: int) -> int:
    m = _PARAGRAPH_BREAK.search(text, start)
    return m.start() if m else len(text)


def read_comments(
    comments: Iterable[Any], text: str, known: Callable[[str], str | None]
) -> tuple[list[Directive], list[Problem]]:
    """The honoured directives (with their ranges) and the problems of a draft's comments."""
    directives: list[Directive] = []
    problems: list[Problem] = []
    open_ranges: dict[str, Directive] = {}
    ordered = sorted(comments, key=lambda c: (getattr(c, "line", 0), getattr(c, "col", 0)))
    for c in ordered:
        body = _body(c)
        m = _DIRECTIVE.match(body)
        if not m:
            continue
        where = _where(c, body)
        offset = getattr(c, "next_offset", None)
        offset = len(text) if offset is None else min(max(int(offset), 0), len(text))
        parsed = parse(m.group("body"), known)
        if isinstance(parsed, str):
            problems.append(Problem("AT902", parsed, where, offset))
            continue
        action, codes, reason = parsed
        if action == "enable":
            for code in codes:
                start = open_ranges.pop(code, None)
                if start is None:
                    problems.append(Problem("AT902", f"enable[{code}] without a disable before it", where, offset))
                else:
                    directives.append(
                        Directive("disable", (code,), start.reason, start.where, start.offset, start.offset, offset)
                    )
            continue
        if reason is None:
            problems.append(Problem("AT903", f"{action}[{','.join(codes)}] has no reason", where, offset))
            continue
        if action == "ignore":
            directives.append(Directive(action, codes, reason, where, offset, offset, _paragraph_end(text, offset)))
        else:
            for code in codes:
                if code in open_ranges:
                    problems.append(Problem("AT902", f"{code} is already disabled", where, offset))
                else:
                    open_ranges[code] = Directive(action, (code,), reason, where, offset)
    for code, start in open_ranges.items():
        directives.append(
            Directive("disable", (code,), start.reason, start.where, start.offset, start.offset, len(text))
        )
    return directives, problems


def _covers(d: Directive, f: Finding) -> bool:
    return f.rule in d.codes and d.start <= f.start and (f.start < d.end or f.start == d.start)


def apply(
    findings: Iterable[Finding],
    comments: Iterable[Any],
    text: str,
    known: Callable[[str], str | None],
    enabled: Callable[[str], bool],
) -> tuple[list[Finding], list[Problem]]:
    """Drop suppressed findings; return (kept findings, problems incl. unused suppressions).

    ``enabled`` says whether a code is turned on for this file: a suppression of
    a code the configuration turns off is never reported as unused.
    """
    directives, problems = read_comments(comments, text, known)
    kept: list[Finding] = []
    used: set[tuple[int, str]] = set()
    for f in findings:
        hits = [k for k, d in enumerate(directives) if _covers(d, f)]
        if not hits or f.rule in META:
            kept.append(f)
        for k in hits:
            used.add((k, f.rule))
    for k, d in enumerate(directives):
        for code in d.codes:
            if (k, code) not in used and enabled(code):
                problems.append(Problem("AT901", f"{d.action}[{code}] suppressed nothing", d.where, d.offset))
    problems.sort(key=lambda p: (p.where.line, p.where.column, p.code))
    return kept, problems
