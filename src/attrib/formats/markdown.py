"""Markdown report: for a pull-request comment, a wiki page or a newsletter to the desk."""

from __future__ import annotations

from typing import TYPE_CHECKING

from attrib.formats.text import LABELS, describe

if TYPE_CHECKING:
    from attrib.gate import FileCheck


def cell(text: str) -> str:
    """Text made safe for one Markdown table cell."""
    text = " ".join(text.split())
    for ch, rep in (("\\", "\\\\"), ("|", "\\|"), ("<", "&lt;"), (">", "&gt;"), ("`", "\\`")):
        text = text.replace(ch, rep)
    return text


def report_one(fc: FileCheck) -> str:
    """The Markdown report of one draft."""
    out = [f"## Sourcing report: `{fc.path.replace('`', '')}`", ""]
    for note in fc.notes:
        out += [f"> **Warning:** {cell(note)}", ""]
    result = fc.result
    if result is None or not result.sentences:
        out.append("No sentences to score.")
        return "\n".join(out) + "\n"
    out += [f"**Transparency score: {result.score.value:.0f} / 100**", ""]
    out += [f"- {cell(r)}" for r in result.score.reasons]
    if result.score.reasons:
        out.append("")
    counts = result.label_counts or {lab: sum(s.label == lab for s in result.sentences) for lab in LABELS}
    out += ["| Label | Sentences |", "|---|---:|"]
    out += [f"| {lab} | {counts.get(lab, 0)} |" for lab in LABELS]
    out.append("")
    if result.sources:
        out += ["### Sources", "", "| Source | Kind | Mentions | Anonymous |", "|---|---|---:|---|"]
        out += [f"| {cell(s.name)} | {s.kind} | {s.count} | {'yes' if s.anonymous else 'no'} |" for s in result.sources]
        out.append("")
    if fc.findings:
        out += ["### Findings", "", "| Line | Rule | Severity | Message |", "|---:|---|---|---|"]
        out += [
            f"| {loc.line}:{loc.column} | {loc.finding.rule} {loc.finding.name} | {loc.finding.severity} | "
            f"{cell(loc.finding.message)} |"
            for loc in fc.findings
        ]
        out.append("")
    out += ["### Sentences", "", "| Line | Label | Sentence | Sources |", "|---:|---|---|---|"]
    for s in result.sentences:
        line, col = fc.position(s.start)
        sources = "; ".join(cell(describe(a)) for a in s.attributions)
        out.append(f"| {line}:{col} | {s.label} | {cell(s.text)} | {sources} |")
    if result.skipped:
        out += [
            "",
            f"Skipped: {len(result.skipped)} ({', '.join(sorted({k.reason for k in result.skipped}))})",
        ]
    return "\n".join(out) + "\n"


def report(checks: list[FileCheck]) -> str:
    """Markdown reports of all drafts, separated by a rule."""
    return "\n---\n\n".join(report_one(fc) for fc in checks)
