"""Policy findings (AT codes) over an analysed article, for ``attrib check``.

Each check is a rule of kind ``policy`` in ``rules/policy.toml``; the rule
file gives the code, name, default severity and the message, and this module
decides where the rule fires.  A rule missing from the loaded rule set is not
run.  ``apply`` honours the configuration's select/ignore and severity
overrides (per-path ignores and inline suppressions need the file and are
applied by :mod:`attrib.gate`).

Findings that concern the whole article (AT101, AT204) are empty spans at the
start of the first sentence: they fall on no sentence.  Every other finding's
code is added to the ``rules`` of the sentence it falls on.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from attrib import recache
from attrib.result import Attribution, Finding, Result, Sentence

if TYPE_CHECKING:
    from attrib.config import Config
    from attrib.ruleset import Rule, RuleSet

AT_CODE = recache.compile(r"^AT\d{3}$")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
_WORD = recache.compile(r"\w+(?:['’]\w+)*")
_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_DOUBLE_MARK = recache.compile("[" + re.escape(_DOUBLE_OPEN + _DOUBLE_CLOSE + '"') + "]")
_SOURCED = ("attributed", "paraphrased", "anonymous")


def _finding(rule: Rule, config: Config, start: int, end: int, detail: str = "") -> Finding:
    message = f"{rule.message} ({detail})" if detail else rule.message
    return Finding(
        rule=rule.id,
        name=rule.name,
        severity=config.severity_of(rule.id, rule.severity),
        start=start,
        end=end,
        message=message,
    )


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _span_of(attr: Attribution, sentence: Sentence) -> tuple[int, int]:
    spans = [s for s in (attr.source, attr.cue) if s is not None]
    if not spans:
        return sentence.start, sentence.end
    return min(s.start for s in spans), max(s.end for s in spans)


def _source_key(attr: Attribution, sentence: Sentence) -> str:
    """Who the attribution credits: the resolved name, the source words, or (no source) itself."""
    if attr.resolved_to:
        return " ".join(attr.resolved_to.casefold().split())
    if attr.source is not None:
        return " ".join(attr.source.text.casefold().split())
    cue = attr.cue.start if attr.cue is not None else sentence.start
    return f"@{cue}"


def _anonymous(result: Result) -> Iterator[tuple[Sentence, Attribution]]:
    for s in result.sentences:
        for a in s.attributions:
            if a.anonymity is not None:
                yield s, a


def _first_per_source(result: Result, want) -> Iterator[tuple[Sentence, Attribution]]:  # type: ignore[no-untyped-def]
    """Anonymous, non-vague attributions passing ``want``, once per distinct source."""
    seen: set[str] = set()
    for s, a in _anonymous(result):
        if a.vague:
            continue
        key = _source_key(a, s)
        if key in seen:
            continue
        seen.add(key)
        if want(a):
            yield s, a


def _source_detail(attr: Attribution) -> str:
    if attr.source is None:
        return ""
    return f"source: “{_short(attr.source.text)}”"


def _anonymity_checks(result: Result, config: Config, rules: RuleSet) -> Iterator[Finding]:
    checks = (
        ("AT201", lambda a: a.anonymity.reason == "none"),
        ("AT202", lambda a: a.anonymity.reason == "weak"),
        ("AT205", lambda a: a.anonymity.reason == "given" and not a.anonymity.basis),
    )
    for code, want in checks:
        rule = rules.get(code)
        if rule is None:
            continue
        for s, a in _first_per_source(result, want):
            span = a.source or a.cue
            start, end = (span.start, span.end) if span else (s.start, s.end)
            yield _finding(rule, config, start, end, _source_detail(a))


def _vague(result: Result, config: Config, rule: Rule) -> Iterator[Finding]:
    for s in result.sentences:
        for a in s.attributions:
            if a.vague:
                start, end = _span_of(a, s)
                yield _finding(rule, config, start, end, f"“{_short(result.text[start:end])}”")


def _article_start(result: Result) -> int:
    return result.sentences[0].start if result.sentences else 0


def _share(result: Result, config: Config, rule: Rule) -> Iterator[Finding]:
    sourced = [s for s in result.sentences if s.label in _SOURCED]
    anonymous = [s for s in sourced if s.label == "anonymous"]
    if len(anonymous) < 2:
        return
    share = len(anonymous) / len(sourced)
    if share > config.max_anonymous_share:
        at = _article_start(result)
        detail = (
            f"{len(anonymous)} of {len(sourced)} sourced sentences are anonymous, "
            f"{share:.0%} > {config.max_anonymous_share:.0%}"
        )
        yield _finding(rule, config, at, at, detail)


def _score(result: Result, config: Config, rule: Rule) -> Iterator[Finding]:
    if config.min_score is None or not result.sentences:
        return
    if result.score.value < config.min_score:
        at = _article_start(result)
        yield _finding(rule, config, at, at, f"score {result.score.value:g} < minimum {config.min_score:g}")


def paragraphs(result: Result) -> list[tuple[int, int]]:
    """Paragraph spans (first sentence start, last sentence end), in order."""
    spans: dict[int, list[int]] = {}
    for s in result.sentences:
        lo_hi = spans.setdefault(s.paragraph, [s.start, s.end])
        lo_hi[0] = min(lo_hi[0], s.start)
        lo_hi[1] = max(lo_hi[1], s.end)
    return sorted((lo, hi) for lo, hi in spans.values())


def _speakerless_quotes(result: Result, config: Config, rule: Rule) -> Iterator[Finding]:
    from attrib.quotes import find_quotes

    minimum = int(rule.threshold or 5)
    chains: dict[int, list] = {}
    for q in find_quotes(result.text, paragraphs(result)):
        chains.setdefault(q.chain, []).append(q)
    for quotes in chains.values():
        words = sum(len(_WORD.findall(result.text[slice(*q.inner)])) for q in quotes)
        if words < minimum:
            continue
        touched = [s for q in quotes for s in _overlapping(result.sentences, q.start, q.end)]
        if touched and all(s.label == "unattributed" for s in touched):
            first = quotes[0]
            yield _finding(rule, config, first.start, first.end, f"“{_short(result.text[slice(*first.inner)], 50)}”")


def _unbalanced_in(text: str, start: int, end: int) -> tuple[int | None, int | None]:
    """(position of a stray closing mark, position of a mark left open) in text[start:end]."""
    open_at: int | None = None
    for mark in _DOUBLE_MARK.finditer(text, start, end):  # jump between the marks: other characters do nothing
        i = mark.start()
        ch = text[i]
        if ch in _DOUBLE_OPEN:
            if open_at is not None:
                return None, open_at
            open_at = i
        elif ch in _DOUBLE_CLOSE:
            if open_at is None:
                return i, None
            open_at = None
        elif ch == '"':
            open_at = i if open_at is None else None
    return None, open_at


def _unbalanced(result: Result, config: Config, rule: Rule) -> Iterator[Finding]:
    text = result.text
    paras = paragraphs(result)
    for k, (start, end) in enumerate(paras):
        stray, left_open = _unbalanced_in(text, start, end)
        if stray is not None:
            yield _finding(rule, config, stray, stray + 1, "closing mark with no opening mark")
        elif left_open is not None:
            nxt = text[paras[k + 1][0]] if k + 1 < len(paras) else ""
            if nxt and nxt in _DOUBLE_OPEN + '"':
                continue  # the quote runs on into the next paragraph
            yield _finding(rule, config, left_open, left_open + 1, "quotation is never closed")


def _matches(rule: Rule, text: str) -> list[re.Match[str]]:
    """Non-overlapping matches of ``rule`` in ``text``, leftmost-longest first."""
    kept: list[re.Match[str]] = []
    for m in sorted(rule.finditer(text), key=lambda m: (m.start(), -m.end())):
        if m.end() > m.start() and (not kept or m.start() >= kept[-1].end()):
            kept.append(m)
    return kept


def _figures(result: Result, config: Config, rule: Rule) -> Iterator[Finding]:
    for s in result.sentences:
        if s.label != "unattributed" or s.no_comment:
            continue
        found = _matches(rule, s.text)
        if found:
            first = found[0]
            shown = ", ".join(f"“{m.group().strip()}”" for m in found[:3])
            yield _finding(rule, config, s.start + first.start(), s.start + first.end(), shown)


_CHECKS = (
    ("AT101", _score),
    ("AT203", _vague),
    ("AT204", _share),
    ("AT301", _speakerless_quotes),
    ("AT302", _unbalanced),
    ("AT401", _figures),
)


def findings(result: Result, config: Config, rules: RuleSet) -> list[Finding]:
    """All enabled policy findings of ``result``, sorted by position then code."""
    out = list(_anonymity_checks(result, config, rules))
    for code, check in _CHECKS:
        rule = rules.get(code)
        if rule is not None:
            out.extend(check(result, config, rule))
    out = [f for f in out if config.enabled(f.rule)]
    return sorted(out, key=lambda f: (f.start, f.end, f.rule))


def _overlapping(sentences: tuple[Sentence, ...], start: int, end: int) -> list[Sentence]:
    """The sentences (in text order, not overlapping one another) that overlap ``start:end``, by bisection."""
    k = bisect_right(sentences, start, key=lambda s: s.end)  # first sentence ending after start
    out = []
    while k < len(sentences) and sentences[k].start < end:
        if start < sentences[k].end:
            out.append(sentences[k])
        k += 1
    return out


def with_findings(result: Result, found: list[Finding] | tuple[Finding, ...]) -> Result:
    """A copy of ``result`` carrying ``found``, with each sentence's AT codes recomputed."""
    sentences = []
    spans = sorted((f.start, n) for n, f in enumerate(found) if f.end > f.start)  # findings by start
    starts = [start for start, _ in spans]
    for s in result.sentences:
        codes = [r for r in s.rules if not AT_CODE.match(r)]
        # the findings starting inside the sentence, in their original order (as the full scan gave them)
        inside = sorted(n for _, n in spans[bisect_left(starts, s.start) : bisect_left(starts, s.end)])
        for f in (found[n] for n in inside):
            if f.rule not in codes:
                codes.append(f.rule)
        sentences.append(replace(s, rules=tuple(codes)) if tuple(codes) != s.rules else s)
    return replace(result, sentences=tuple(sentences), findings=tuple(found))


def apply(result: Result, config: Config, rules: RuleSet) -> Result:
    """``result`` with its policy findings filled in (select/ignore/severity honoured)."""
    return with_findings(result, findings(result, config, rules))


def fails(found: list[Finding] | tuple[Finding, ...], fail_on: str) -> bool:
    """Does any finding reach the ``fail_on`` severity?"""
    threshold = SEVERITY_RANK[fail_on]
    return any(SEVERITY_RANK.get(f.severity, 1) >= threshold for f in found)
