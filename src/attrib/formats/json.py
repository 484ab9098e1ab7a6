"""JSON output, versioned (documented in docs/json-schema.md).

``report``: JSON Lines, one compact report object per article (so one file
gives exactly one JSON object).  Each is the report of ``interfaces.md``
(``schema_version``, ``text``, ``sentences``, ``skipped``, ``score``,
``sources``, ``findings``) plus ``path``, ``warnings``, and ``line``/``column``
positions in the source file on sentences and findings.

``check``: one indented document with ``schema_version``, ``tool``,
``passed``, ``files`` (each with its score, fail-on level, findings and
their positions) and a ``summary``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from attrib.formats import TOOL_NAME, tool_version
from attrib.result import SCHEMA_VERSION, to_dict

if TYPE_CHECKING:
    from attrib.gate import FileCheck, Located

CHECK_SCHEMA_VERSION = "1.0"


def finding_dict(loc: Located) -> dict[str, Any]:
    """A located finding as JSON-ready data."""
    f = loc.finding
    return {
        "rule": f.rule,
        "name": f.name,
        "severity": f.severity,
        "message": f.message,
        "line": loc.line,
        "column": loc.column,
        "end_line": loc.end_line,
        "end_column": loc.end_column,
        "start": f.start,
        "end": f.end,
    }


def report_dict(fc: FileCheck) -> dict[str, Any]:
    """The JSON report of one draft (interfaces.md shape plus positions)."""
    if fc.result is None:
        data: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "format": fc.format,
            "text": "",
            "sentences": [],
            "skipped": [],
            "score": None,
            "sources": [],
            "findings": [],
            "label_counts": {},
        }
    else:
        data = to_dict(fc.result)
        for s in data["sentences"]:
            s["line"], s["column"] = fc.position(s["start"])
        data["findings"] = [finding_dict(loc) for loc in fc.findings]
    ordered = {"schema_version": data.pop("schema_version"), "path": fc.path}
    ordered.update(data)
    ordered["warnings"] = list(fc.notes)
    return ordered


def report(checks: list[FileCheck]) -> str:
    """JSON Lines: one report object per draft."""
    return "".join(json.dumps(report_dict(fc), ensure_ascii=False) + "\n" for fc in checks)


def check(checks: list[FileCheck]) -> str:
    """One JSON document for the whole run."""
    files = []
    summary = {"files": len(checks), "failed": 0, "findings": 0, "error": 0, "warning": 0, "info": 0}
    for fc in checks:
        failed = fc.failed()
        summary["failed"] += failed
        for loc in fc.findings:
            summary["findings"] += 1
            summary[loc.finding.severity] = summary.get(loc.finding.severity, 0) + 1
        files.append(
            {
                "path": fc.path,
                "format": fc.format,
                "score": fc.score,
                "min_score": fc.config.min_score,
                "fail_on": fc.config.fail_on,
                "passed": not failed,
                "notes": list(fc.notes),
                "findings": [finding_dict(loc) for loc in fc.findings],
            }
        )
    doc = {
        "schema_version": CHECK_SCHEMA_VERSION,
        "tool": {"name": TOOL_NAME, "version": tool_version()},
        "passed": summary["failed"] == 0,
        "files": files,
        "summary": summary,
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
