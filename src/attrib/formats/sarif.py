"""SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDE viewers).

One run; ``tool.driver`` carries name, version, informationUri and a ``rules``
table built from the policy rules of the loaded rule files (id, name, short
and full description, help, default level).  Each result has ruleId,
ruleIndex, level, message and one physical location: the path as given
(relative paths stay relative, resolved against ``%SRCROOT%``) and a region
whose columns count Unicode code points (``run.columnKind``), end column
exclusive.  Notes (e.g. an empty draft) become tool execution notifications.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from attrib.formats import INFORMATION_URI, TOOL_NAME, tool_version

if TYPE_CHECKING:
    from attrib.gate import FileCheck
    from attrib.ruleset import Rule, RuleSet

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> dict[str, str]:
    """An artifactLocation for ``path``: relative as given, absolute as a file URI."""
    if path == "-":
        return {"uri": "stdin"}
    p = Path(path)
    if p.is_absolute():
        return {"uri": p.as_uri()}
    posix = PurePosixPath(*p.parts).as_posix() if p.parts else path
    return {"uri": quote(posix, safe="/"), "uriBaseId": "%SRCROOT%"}


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    """A reportingDescriptor for one policy rule."""
    help_text = f"{rule.message}\n\nWhy: {rule.rationale}\n\nStandard: {rule.standard}"
    help_md = f"{rule.message}\n\n**Why:** {rule.rationale}\n\n**Standard:** {rule.standard}"
    examples = [e for e in rule.examples if e.findings is not None]
    if examples:
        help_md += "\n\n**Examples:**\n" + "\n".join(
            f"- {'flagged' if rule.id in (e.findings or ()) else 'fine'}: {e.text}" for e in examples
        )
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.message},
        "fullDescription": {"text": rule.rationale},
        "help": {"text": help_text, "markdown": help_md},
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "warning")},
        "properties": {"standard": rule.standard, "tags": ["journalism", "sourcing"]},
    }


def check(checks: list[FileCheck], rules: RuleSet) -> str:
    """The SARIF log of one ``attrib check`` run."""
    policy_rules = sorted(rules.of_kind("policy"), key=lambda r: r.id)
    index = {r.id: k for k, r in enumerate(policy_rules)}
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for fc in checks:
        location = {"artifactLocation": artifact_uri(fc.path)}
        for note in fc.notes:
            notifications.append(
                {
                    "level": "note",
                    "message": {"text": f"{fc.path}: {note}"},
                    "locations": [{"physicalLocation": location}],
                }
            )
        for loc in fc.findings:
            f = loc.finding
            result: dict[str, Any] = {
                "ruleId": f.rule,
                "level": LEVELS.get(f.severity, "warning"),
                "message": {"text": f.message},
                "locations": [
                    {
                        "physicalLocation": {
                            **location,
                            "region": {
                                "startLine": loc.line,
                                "startColumn": loc.column,
                                "endLine": loc.end_line,
                                "endColumn": loc.end_column,
                            },
                        }
                    }
                ],
            }
            if f.rule in index:
                result["ruleIndex"] = index[f.rule]
            results.append(result)
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": TOOL_NAME,
                "version": tool_version(),
                "informationUri": INFORMATION_URI,
                "rules": [rule_descriptor(r) for r in policy_rules],
            }
        },
        "invocations": [
            {
                "executionSuccessful": True,
                "toolExecutionNotifications": notifications,
            }
        ],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
