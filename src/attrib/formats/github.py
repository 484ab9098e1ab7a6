"""GitHub Actions workflow commands, so findings show inline in pull requests.

``::warning file=drafts/a.md,line=3,col=1,endLine=3,endColumn=10,title=AT201 anonymous-no-reason::message``

Escaping follows GitHub's rules for workflow commands: in the message ``%``,
CR and LF become ``%25``, ``%0D``, ``%0A``; in property values ``:`` and
``,`` are escaped as well (``%3A``, ``%2C``).  Severity maps error -> error,
warning -> warning, info -> notice.  Notes (e.g. an empty draft) are notices.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from attrib.gate import FileCheck

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    """Escape a command's message."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a command property value (file, title)."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _command(level: str, props: dict[str, object], message: str) -> str:
    body = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
    return f"::{level} {body}::{escape_data(message)}"


def check(checks: list[FileCheck]) -> str:
    """One workflow command per finding and per note."""
    lines: list[str] = []
    for fc in checks:
        for note in fc.notes:
            lines.append(_command("notice", {"file": fc.path, "title": "attrib"}, note))
        for loc in fc.findings:
            f = loc.finding
            props: dict[str, object] = {"file": fc.path, "line": loc.line, "col": loc.column}
            props["endLine"] = loc.end_line
            if loc.end_line == loc.line:
                props["endColumn"] = max(loc.end_column - 1, loc.column)
            props["title"] = f"{f.rule} {f.name}"
            lines.append(_command(LEVELS.get(f.severity, "warning"), props, f.message))
        if fc.score_failed and not any(loc.finding.rule == "AT101" for loc in fc.findings):
            msg = f"transparency score {fc.score:g} is below the minimum {fc.config.min_score:g}"
            lines.append(_command("error", {"file": fc.path, "title": "attrib score"}, msg))
    return "".join(line + "\n" for line in lines)
