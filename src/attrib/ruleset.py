"""Load ``rules/*.toml`` into compiled, typed rules: the rule engine's data.

A rule file holds ``[[rules]]`` tables.  Every rule has a stable ``id``, a
readable ``name``, a ``kind`` from the closed set ``KINDS`` (each implemented
once in code), a ``message``, a ``rationale``, the ``standard`` it rests on and
its own ``[[rules.examples]]``.  Matching rules carry ``terms`` (phrases,
matched case-insensitively on word boundaries) and/or ``patterns`` (regular
expressions, vetted against catastrophic backtracking at load time).

A malformed file fails at load time with :class:`RuleError`, naming the file,
the line and what is wrong.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from attrib import recache, redos
from attrib.termregex import compile_terms

KINDS: dict[str, str] = {
    "cue": "a speech or cognition cue that credits content to a source",
    "source-noun": "a noun phrase naming an unidentifiable source",
    "anonymity-grant": "words that grant or request anonymity",
    "anonymity-reason": "why anonymity was granted (weak when rote)",
    "basis": "how an unnamed source knows what it says",
    "vague": "agentless or weasel attribution",
    "no-comment": "a disclosure that a source did not comment",
    "not-attribution": "a cue use that credits nothing (questions, negations)",
    "furniture": "page furniture: a line that is not article text",
    "policy": "a policy check of `attrib check` (AT codes)",
}
SEVERITIES = ("info", "warning", "error")
_REQUIRED = ("id", "name", "kind", "message", "rationale", "standard")
_ALLOWED = set(_REQUIRED) | {
    "terms",
    "patterns",
    "examples",
    "severity",
    "cue_type",
    "strength",
    "reason",
    "aliases",
    "threshold",
    "scope",
}
SCOPES = ("line", "closing")  # furniture: whole lines only, or also the sentences that close an article
_ID = re.compile(r"^(AT\d{3}|[A-Z]{1,3}\d{3})$")


class RuleError(ValueError):
    """A rule file is malformed: carries the file, the line and the reason."""

    def __init__(self, path: Path | str, line: int, reason: str) -> None:
        super().__init__(f"{path}:{line}: {reason}")
        self.path, self.line, self.reason = str(path), line, reason


@dataclass(frozen=True, slots=True)
class Example:
    """One worked example of a rule: text plus the expected outcome."""

    text: str
    matches: bool | None = None
    label: str | None = None
    findings: tuple[str, ...] | None = None
    reason: str | None = None


@dataclass(frozen=True)
class Rule:
    """A compiled rule."""

    id: str
    name: str
    kind: str
    message: str
    rationale: str
    standard: str
    terms: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    severity: str = "warning"
    cue_type: str = "speech"
    strength: str = "given"
    reason: str = ""
    threshold: float | None = None
    aliases: tuple[str, ...] = ()
    scope: str = "line"
    examples: tuple[Example, ...] = ()
    path: str = ""
    line: int = 0
    regexes: tuple[re.Pattern[str], ...] = field(default=(), compare=False, repr=False)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Yield the matches of this rule in ``text`` (terms first, then each pattern)."""
        for rx in self.regexes:
            yield from rx.finditer(text)

    def search(self, text: str) -> re.Match[str] | None:
        """First match of this rule in ``text`` (by position) or None."""
        found = [m for rx in self.regexes if (m := rx.search(text))]
        return min(found, key=lambda m: m.start()) if found else None


def _compile(terms: tuple[str, ...], patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """Terms as one case-insensitive phrase trie (longest match wins); patterns as written."""
    out = []
    if terms:
        # A trie of the phrases: same matches as a longest-first alternation of the phrases, but
        # linear in the text rather than in text x phrases (see attrib.termregex).
        out.append(compile_terms(terms))
    out.extend(recache.compile(p) for p in patterns)  # re.compile, cached on disk for a fast start
    return tuple(out)


_ID_LINE = re.compile(r"^\s*id\s*=\s*[\"']([^\"'\n]*)[\"']", re.MULTILINE)


def _line_of(raw: str, rule_id: str) -> int:
    # One precompiled pattern for every rule (a pattern per rule id cost ~40 compiles at start-up).
    m = next((m for m in _ID_LINE.finditer(raw) if m.group(1) == rule_id), None)
    return raw.count("\n", 0, m.start()) + 1 if m else 1


def _examples(path: Path, line: int, items: object) -> tuple[Example, ...]:
    if items is None:
        return ()
    if not isinstance(items, list):
        raise RuleError(path, line, "examples must be an array of tables")
    out = []
    for ex in items:
        if not isinstance(ex, dict) or not isinstance(ex.get("text"), str):
            raise RuleError(path, line, "every example needs a text string")
        unknown = set(ex) - {"text", "matches", "label", "findings", "reason"}
        if unknown:
            raise RuleError(path, line, f"unknown example key {sorted(unknown)[0]!r}")
        findings = ex.get("findings")
        out.append(
            Example(
                text=ex["text"],
                matches=ex.get("matches"),
                label=ex.get("label"),
                findings=tuple(findings) if findings is not None else None,
                reason=ex.get("reason"),
            )
        )
    return tuple(out)


def _strings(path: Path, line: int, data: dict, key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RuleError(path, line, f"{key} must be an array of non-empty strings")
    return tuple(value)


def _build_rule(path: Path, raw: str, data: dict) -> Rule:
    rule_id = data.get("id")
    line = _line_of(raw, rule_id) if isinstance(rule_id, str) else 1
    for key in _REQUIRED:
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise RuleError(path, line, f"rule {rule_id or '?'} needs a non-empty string {key!r}")
    unknown = set(data) - _ALLOWED
    if unknown:
        raise RuleError(path, line, f"rule {rule_id}: unknown key {sorted(unknown)[0]!r}")
    if not _ID.match(rule_id):
        raise RuleError(path, line, f"rule id {rule_id!r} must look like AT201 or C001")
    if data["kind"] not in KINDS:
        raise RuleError(path, line, f"rule {rule_id}: unknown kind {data['kind']!r}")
    severity = data.get("severity", "warning")
    if severity not in SEVERITIES:
        raise RuleError(path, line, f"rule {rule_id}: severity must be one of {', '.join(SEVERITIES)}")
    scope = data.get("scope", "line")
    if scope not in SCOPES or (scope != "line" and data["kind"] != "furniture"):
        raise RuleError(path, line, f"rule {rule_id}: scope must be one of {', '.join(SCOPES)} (furniture only)")
    terms = _strings(path, line, data, "terms")
    patterns = _strings(path, line, data, "patterns")
    for pat in patterns:
        problem = recache.vetted(pat, redos.problem)
        if problem:
            raise RuleError(path, line, f"rule {rule_id}: pattern {pat!r} rejected: {problem}")
    if data["kind"] not in ("policy",) and not terms and not patterns:
        raise RuleError(path, line, f"rule {rule_id}: a {data['kind']} rule needs terms or patterns")
    return Rule(
        id=rule_id,
        name=data["name"],
        kind=data["kind"],
        message=data["message"],
        rationale=data["rationale"],
        standard=data["standard"],
        terms=terms,
        patterns=patterns,
        severity=severity,
        cue_type=data.get("cue_type", "speech"),
        strength=data.get("strength", "given"),
        reason=data.get("reason", ""),
        threshold=data.get("threshold"),
        aliases=_strings(path, line, data, "aliases"),
        scope=scope,
        examples=_examples(path, line, data.get("examples")),
        path=str(path),
        line=line,
        regexes=_compile(terms, patterns),
    )


def load_file(path: Path) -> list[Rule]:
    """Load and compile one rule file; raise RuleError when it is malformed."""
    raw = path.read_text(encoding="utf-8")
    try:
        data = recache.load_toml(raw)  # tomllib.loads, cached on disk for a fast start
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise RuleError(path, int(m.group(1)) if m else 1, f"invalid TOML: {exc}") from None
    rules = data.get("rules")
    if set(data) - {"rules"} or not isinstance(rules, list):
        raise RuleError(path, 1, "a rule file holds only [[rules]] tables")
    return [_build_rule(path, raw, r) for r in rules]


def default_rules_dir() -> Path:
    """rules/ of a source checkout, else the copy shipped inside the package."""
    repo = Path(__file__).resolve().parents[2] / "rules"
    if repo.is_dir():
        return repo
    return Path(__file__).resolve().parent / "data" / "rules"


@dataclass(frozen=True)
class RuleSet:
    """All rules, indexed by id and by kind."""

    rules: tuple[Rule, ...]

    @cached_property
    def by_id(self) -> dict[str, Rule]:
        """Rules by id and by alias."""
        out: dict[str, Rule] = {}
        for r in self.rules:
            out[r.id] = r
            out[r.name] = r
            for a in r.aliases:
                out[a] = r
        return out

    def of_kind(self, kind: str) -> tuple[Rule, ...]:
        """The rules of one kind, in file order."""
        return tuple(r for r in self.rules if r.kind == kind)

    def get(self, key: str) -> Rule | None:
        """A rule by id, name or alias."""
        return self.by_id.get(key)


def load_rules(directory: Path | None = None) -> RuleSet:
    """Load every ``*.toml`` of the rules directory; ids must be unique."""
    directory = directory or default_rules_dir()
    if not directory.is_dir():
        raise RuleError(directory, 0, "rules directory not found")
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path in sorted(directory.glob("*.toml")):
        for rule in load_file(path):
            if rule.id in seen:
                raise RuleError(path, rule.line, f"duplicate rule id {rule.id} (also in {seen[rule.id]})")
            seen[rule.id] = path.name
            rules.append(rule)
    return RuleSet(tuple(rules))
