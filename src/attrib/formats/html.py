"""HTML report: one self-contained page, the article with every sentence marked by label."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import TYPE_CHECKING

from attrib.formats.text import LABELS, describe

if TYPE_CHECKING:
    from attrib.gate import FileCheck
    from attrib.result import Result

STYLE = """
body{font:16px/1.5 Georgia,serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}
h1,h2,h3{font-family:system-ui,sans-serif}
.score{font:700 2rem system-ui,sans-serif}
table{border-collapse:collapse;margin:1rem 0;font:14px system-ui,sans-serif}
td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
.s{border-radius:3px;padding:0 .1rem}
.attributed{background:#d9f2d9}.paraphrased{background:#d6eef5}
.anonymous{background:#fde9b8}.unattributed{background:#f3e1f0}
.skipped{color:#888;text-decoration:line-through}
.legend span{margin-right:1rem;padding:0 .3rem}
.warning{background:#fff3cd;padding:.5rem}
"""


def _article(result: Result) -> str:
    text = result.text
    marks: list[tuple[int, int, str, str]] = []
    for s in result.sentences:
        title = s.label + "".join(f"; {describe(a)}" for a in s.attributions)
        if any(r.startswith("AT") for r in s.rules):
            title += "; policy: " + ", ".join(r for r in s.rules if r.startswith("AT"))
        marks.append((s.start, s.end, f"s {s.label}", title))
    for k in result.skipped:
        marks.append((k.start, k.end, "skipped", f"skipped: {k.reason}"))
    marks.sort()
    parts: list[str] = []
    pos = 0
    for start, end, cls, title in marks:
        if start < pos:
            continue
        parts.append(escape(text[pos:start]))
        parts.append(f'<span class="{cls}" title="{escape(title)}">{escape(text[start:end])}</span>')
        pos = end
    parts.append(escape(text[pos:]))
    paragraphs = "".join(parts).replace("\r\n", "\n").split("\n\n")
    return "\n".join(f"<p>{p.strip().replace(chr(10), '<br>')}</p>" for p in paragraphs if p.strip())


def section(fc: FileCheck) -> str:
    """The report of one draft as an HTML <section>."""
    out = [f"<section><h1>Sourcing report: {escape(fc.path)}</h1>"]
    out += [f'<p class="warning">Warning: {escape(n)}</p>' for n in fc.notes]
    result = fc.result
    if result is None or not result.sentences:
        return "\n".join([*out, "<p>No sentences to score.</p>", "</section>"])
    out.append(f'<p class="score">Transparency score: {result.score.value:.0f}/100</p>')
    if result.score.reasons:
        out.append("<ul>" + "".join(f"<li>{escape(r)}</li>" for r in result.score.reasons) + "</ul>")
    counts = result.label_counts or {lab: sum(s.label == lab for s in result.sentences) for lab in LABELS}
    out.append(
        '<p class="legend">'
        + "".join(f'<span class="s {lab}">{lab}: {counts.get(lab, 0)}</span>' for lab in LABELS)
        + "</p>"
    )
    if result.sources:
        out.append(
            _table(
                "Sources",
                ("Source", "Kind", "Mentions", "Anonymous"),
                ((escape(s.name), s.kind, s.count, "yes" if s.anonymous else "no") for s in result.sources),
            )
        )
    if fc.findings:
        out.append(
            _table(
                "Findings",
                ("Line", "Rule", "Severity", "Message"),
                (
                    (
                        f"{loc.line}:{loc.column}",
                        f"{loc.finding.rule} {escape(loc.finding.name)}",
                        loc.finding.severity,
                        escape(loc.finding.message),
                    )
                    for loc in fc.findings
                ),
            )
        )
    out.append("<h2>Article</h2>")
    out.append(_article(result))
    out.append("</section>")
    return "\n".join(out)


def report(checks: list[FileCheck]) -> str:
    """A standalone HTML page with the reports of all drafts."""
    title = escape(checks[0].path) if len(checks) == 1 else f"{len(checks)} drafts"
    body = "\n<hr>\n".join(section(fc) for fc in checks)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>attrib report: {title}</title><style>{STYLE}</style></head>\n"
        f"<body>\n{body}\n</body></html>\n"
    )


def _table(title: str, headers: tuple[str, ...], rows: Iterable[tuple[object, ...]]) -> str:
    """A titled HTML table; the cells are already escaped."""
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<h2>{title}</h2><table><tr>{head}</tr>{body}</table>"
