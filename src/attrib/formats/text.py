"""Plain-text output: ``check`` lines for editors and CI logs, and the human report.

Check output is one line per finding, ``path:line:col: AT201 name message``,
then a one-line summary.  The report puts the score and its reasons first,
then the sources and findings, then every sentence with its label and sources.
"""

from __future__ import annotations

import os
import textwrap
from typing import TYPE_CHECKING

from attrib.formats import Style

if TYPE_CHECKING:
    from attrib.gate import FileCheck
    from attrib.result import Attribution, Result, Sentence

SEVERITY_STYLE = {"error": ("red", "bold"), "warning": ("yellow",), "info": ("blue",)}
LABEL_STYLE = {
    "attributed": ("green",),
    "paraphrased": ("cyan",),
    "anonymous": ("yellow", "bold"),
    "unattributed": ("magenta",),
}
LABELS = ("attributed", "paraphrased", "anonymous", "unattributed")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def check(checks: list[FileCheck], color: bool = False) -> str:
    """``path:line:col: CODE name message`` per finding and a summary line."""
    st = Style(color)
    lines: list[str] = []
    counts = {"error": 0, "warning": 0, "info": 0}
    for fc in checks:
        for loc in fc.findings:
            f = loc.finding
            counts[f.severity] = counts.get(f.severity, 0) + 1
            where = st(f"{fc.path}:{loc.line}:{loc.column}:", "bold")
            code = st(f.rule, *SEVERITY_STYLE.get(f.severity, ()))
            lines.append(f"{where} {code} {f.name} {f.message}")
        if fc.score_failed and not any(loc.finding.rule == "AT101" for loc in fc.findings):
            lines.append(f"{fc.path}: transparency score {fc.score:g} is below the minimum {fc.config.min_score:g}")
    total = sum(counts.values())
    failed = [fc for fc in checks if fc.failed()]
    files = _plural(len(checks), "file")
    if total:
        parts = ", ".join(_plural(n, sev) for sev, n in counts.items() if n)
        lines.append(f"Found {_plural(total, 'finding')} ({parts}) in {files}.")
    if failed:
        levels = sorted({fc.config.fail_on for fc in failed})
        lines.append(st(f"Failed: {len(failed)} of {files} (fail-on: {', '.join(levels)}).", "red", "bold"))
    else:
        lines.append(st(f"Passed: {files} checked.", "green", "bold"))
    return "\n".join(lines) + "\n"


def _score_style(value: float) -> tuple[str, ...]:
    return ("green", "bold") if value >= 70 else ("yellow", "bold") if value >= 40 else ("red", "bold")


def describe(a: Attribution) -> str:
    """One attribution as "source (kind, mode)", with pronouns resolved."""
    name = a.source.text if a.source is not None else "(no source)"
    if a.resolved_to and a.resolved_to != name:
        name = f"{name} → {a.resolved_to}"
    bits = [a.kind, a.mode]
    if a.vague:
        bits.append("vague")
    if a.anonymity is not None:
        an = a.anonymity
        bits.append(f"reason: {an.reason}")
        if an.grant:
            bits.append("anonymity granted")
        bits.append("basis given" if an.basis else "no basis")
    return f"{' '.join(name.split())} ({', '.join(bits)})"


def _sentence_lines(fc: FileCheck, s: Sentence, st: Style, width: int) -> list[str]:
    line, col = fc.position(s.start)
    pos = f"{line}:{col}".rjust(7)
    label = st(s.label.ljust(12), *LABEL_STYLE.get(s.label, ()))
    body = textwrap.wrap(" ".join(s.text.split()), width=max(width - 24, 30)) or [""]
    out = [f"{pos}  {label}  {body[0]}"]
    out += [" " * 23 + rest for rest in body[1:]]
    for a in s.attributions:
        out.append(" " * 23 + st(f"← {describe(a)}", "dim"))
    if s.no_comment:
        out.append(" " * 23 + st("(no-comment disclosure)", "dim"))
    codes = [r for r in s.rules if r.startswith("AT")]
    if codes:
        out.append(" " * 23 + st("policy: " + ", ".join(codes), "dim"))
    return out


def _summary(result: Result) -> str:
    counts = result.label_counts or {lab: sum(s.label == lab for s in result.sentences) for lab in LABELS}
    return " · ".join(f"{counts.get(lab, 0)} {lab}" for lab in LABELS)


def _terminal_width() -> int:
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        try:
            columns = os.get_terminal_size().columns
        except OSError:
            columns = 100
    return max(60, min(columns, 120))


def report_one(fc: FileCheck, color: bool = False, width: int | None = None) -> str:
    """The human report of one draft."""
    st = Style(color)
    width = width or _terminal_width()
    out: list[str] = [st(f"{fc.path}", "bold") + f" ({fc.format})"]
    for note in fc.notes:
        out.append(st(f"warning: {note}", "yellow"))
    result = fc.result
    if result is None or not result.sentences:
        out.append("No sentences to score.")
        return "\n".join(out) + "\n"
    sc = result.score
    out.append(f"Transparency score: {st(f'{sc.value:.0f}/100', *_score_style(sc.value))}")
    for reason in sc.reasons:
        out.append(f"  • {reason}")
    out.append(f"Sentences: {_summary(result)}")
    if result.sources:
        out.append("Sources:")
        for src in result.sources:
            flag = "  anonymous" if src.anonymous else ""
            out.append(f"  {' '.join(src.name.split())[:40]:<40} {src.kind:<12} ×{src.count}{flag}")
    if fc.findings:
        out.append("Findings:")
        for loc in fc.findings:
            f = loc.finding
            sev = st(f"{f.severity:<7}", *SEVERITY_STYLE.get(f.severity, ()))
            out.append(f"  {loc.line}:{loc.column}  {sev}  {f.rule} {f.name}  {f.message}")
    out.append("")
    for s in result.sentences:
        out.extend(_sentence_lines(fc, s, st, width))
    if result.skipped:
        reasons = sorted({sk.reason for sk in result.skipped})
        out.append("")
        out.append(st(f"Skipped: {_plural(len(result.skipped), 'span')} ({', '.join(reasons)})", "dim"))
    return "\n".join(out) + "\n"


def report(checks: list[FileCheck], color: bool = False, width: int | None = None) -> str:
    """Human reports of all drafts, separated by a blank line."""
    return "\n".join(report_one(fc, color, width) for fc in checks)
