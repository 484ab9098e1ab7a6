"""Run drafts through the pipeline for ``attrib check`` and ``attrib report``.

Per file: read and decode (:mod:`attrib.reader`), find its configuration
(:mod:`attrib.config`), extract the article text (:mod:`attrib.inputs`),
analyse it with a :class:`~attrib.checker.Checker` cached per configuration
(policy findings included), drop inline suppressions (:mod:`attrib.suppress`)
and per-path ignores, and map every finding back to line and column of the
file the user wrote.  Nothing here prints; the emitters in
:mod:`attrib.formats` do.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attrib import config as config_mod
from attrib import reader
from attrib.result import Finding, Result

if TYPE_CHECKING:
    from attrib.config import Config

EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm")
_SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox"}


@dataclass(frozen=True, slots=True)
class Located:
    """A finding with its 1-based position in the source file (end column exclusive)."""

    finding: Finding
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True)
class FileCheck:
    """What ``check``/``report`` found in one draft."""

    path: str
    format: str
    config: Config
    result: Result | None = None
    findings: tuple[Located, ...] = ()
    notes: tuple[str, ...] = ()
    document: Any = field(default=None, compare=False, repr=False)

    @property
    def score(self) -> float | None:
        """The transparency score, or None when nothing was analysed."""
        return self.result.score.value if self.result is not None and self.result.sentences else None

    @property
    def score_failed(self) -> bool:
        """Is the score below the configured minimum?"""
        return self.config.min_score is not None and self.score is not None and self.score < self.config.min_score

    def failed(self, fail_on: str | None = None) -> bool:
        """Does this draft fail the policy (a finding at ``fail_on`` or a low score)?"""
        from attrib.policy import fails

        level = fail_on or self.config.fail_on
        return self.score_failed or fails([loc.finding for loc in self.findings], level)

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) in the source file of a plain-text offset."""
        return _position(self.document, offset)


def collect(paths: list[str], exclude_for=None) -> list[str]:  # type: ignore[no-untyped-def]
    """Files to check: files as given, directories recursed for draft extensions (sorted)."""
    out: list[str] = []
    for p in paths:
        if p == "-" or not os.path.isdir(p):
            out.append(p)
            continue
        found: list[str] = []
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
            for name in files:
                if name.lower().endswith(EXTENSIONS):
                    found.append(os.path.join(root, name))
        found.sort()
        if exclude_for is not None:
            found = [f for f in found if not exclude_for(f)]
        out.extend(found)
    return out


def excluded(path: str, config: Config) -> bool:
    """Is ``path`` matched by the ``exclude`` globs of its configuration?"""
    if not config.exclude:
        return False
    from fnmatch import fnmatch

    base = Path(config.path).parent if config.path else Path.cwd()
    try:
        rel = Path(path).resolve().relative_to(base.resolve()).as_posix()
    except (ValueError, OSError):
        rel = Path(path).as_posix()
    return any(fnmatch(rel, g) or fnmatch(Path(path).name, g) for g in config.exclude)


def _position(document: Any, offset: int) -> tuple[int, int]:
    if document is None:
        return 1, 1
    text = document.text
    if text and offset >= len(text):
        line, col = document.position(len(text) - 1)
        return line, col + 1
    if not text:
        return 1, 1
    return document.position(max(offset, 0))


def locate(document: Any, finding: Finding) -> Located:
    """Map a finding's plain-text span to line/column in the source file."""
    line, col = _position(document, finding.start)
    if finding.end > finding.start:
        end_line, end_col = _position(document, finding.end - 1)
        end_col += 1
        if (end_line, end_col) < (line, col):
            end_line, end_col = line, col
    else:
        end_line, end_col = line, col
    return Located(finding, line, col, end_line, end_col)


class Runner:
    """Analyses drafts with one Checker per distinct configuration."""

    def __init__(
        self,
        *,
        config_file: str | None = None,
        isolated: bool = False,
        overrides: dict[str, Any] | None = None,
        encoding: str = reader.DEFAULT_ENCODING,
        max_mb: float = reader.DEFAULT_MAX_MB,
        stdin_format: str | None = None,
        stdin_filename: str | None = None,
    ) -> None:
        self.config_file = config_file
        self.isolated = isolated
        self.overrides = overrides or {}
        self.encoding = encoding
        self.max_mb = max_mb
        self.stdin_format = stdin_format
        self.stdin_filename = stdin_filename
        self._checkers: dict[Config, Any] = {}

    def config_for(self, path: str) -> Config:
        """The effective configuration of ``path`` (flags over the closest config file)."""
        target = Path(self.stdin_filename or ".") if path == "-" else Path(path)
        return config_mod.resolve(target, self.config_file, self.isolated, **self.overrides)

    def checker(self, config: Config) -> Any:
        """The Checker for ``config`` (rules and model loaded once)."""
        if config not in self._checkers:
            from attrib.checker import Checker

            self._checkers[config] = Checker(config)
        return self._checkers[config]

    def _format_of(self, path: str) -> str:
        if path == "-":
            if self.stdin_format:
                return self.stdin_format
            if not self.stdin_filename:
                return "text"
            path = self.stdin_filename
        from attrib.inputs import detect_format

        return detect_format(path)

    def display_name(self, path: str) -> str:
        """The name findings are reported under ("-" becomes --stdin-filename if given)."""
        return self.stdin_filename if path == "-" and self.stdin_filename else path

    def rules_for(self, config: Config) -> Any:
        """The rule set of ``config`` (from its Checker when one is loaded)."""
        if config in self._checkers:
            return self._checkers[config].rules
        from attrib.ruleset import load_rules

        return load_rules(config.rules_path())

    def run(self, path: str, analyse_blank: bool = False) -> FileCheck:
        """Analyse one draft; raise InputError/ConfigError/RuleError on bad input.

        An empty or whitespace-only draft gets a note; it is analysed (to an
        empty report) only when ``analyse_blank`` is set, as ``report`` does.
        """
        draft = reader.read(path, self.encoding, max_mb=self.max_mb)
        config = self.config_for(path)
        fmt = self._format_of(path)
        name = self.display_name(path)
        notes: tuple[str, ...] = ()
        if draft.blank:
            notes = ("empty file: nothing to analyse",)
            if not analyse_blank:
                return FileCheck(name, fmt, config, notes=notes)
        from attrib.inputs import load

        document = load(draft.text, fmt)
        if not notes and not document.text.strip():
            notes = ("no article text found",)
            if not analyse_blank:
                return FileCheck(name, fmt, config, notes=notes, document=document)
        checker = self.checker(config)
        result = checker.run(document.text, fmt)
        done = finish(name, fmt, config, result, document, checker.rules)
        return replace(done, notes=notes) if notes else done


def _comment_end(document: Any, line: int, col: int) -> tuple[int, int] | None:
    """(line, column) just after the ``-->`` of the comment starting at line/col of the source."""
    source = getattr(document, "source", None)
    starts = getattr(document, "line_starts", None)
    if not source or not starts or not 0 < line <= len(starts):
        return None
    at = starts[line - 1] + col - 1
    if line == 1 and source.startswith("\ufeff"):
        at += 1
    end = source.find("-->", at)
    if not source.startswith("<!--", at) or end < 0:
        return None
    return document.source_position(end + 3)


def finish(name: str, fmt: str, config: Config, result: Result, document: Any, rules: Any) -> FileCheck:
    """Apply inline suppressions and per-path ignores, then locate every finding."""
    from attrib import policy, suppress

    path_ignored = config.ignored_for(name) if name != "-" else ()

    def enabled(code: str) -> bool:
        return config.enabled(code) and not any(code.startswith(p) for p in path_ignored)

    def known(key: str) -> str | None:
        rule = rules.get(key)
        return rule.id if rule is not None and rule.kind == "policy" else None

    comments = getattr(document, "comments", ()) or ()
    kept, problems = suppress.apply(result.findings, comments, result.text, known, enabled)
    located: list[Located] = []
    meta: list[Finding] = []
    for p in problems:
        rule = rules.get(p.code)
        if rule is None or not enabled(p.code):
            continue
        severity = config.severity_of(rule.id, rule.severity)
        f = Finding(rule.id, rule.name, severity, p.offset, p.offset, f"{rule.message} ({p.detail})")
        meta.append(f)
        w = p.where
        end_line, end_col = _comment_end(document, w.line, w.column) or (w.end_line, w.end_column)
        located.append(Located(f, w.line, w.column, end_line, end_col))
    kept = [f for f in kept if enabled(f.rule)]
    located.extend(locate(document, f) for f in kept)
    located.sort(key=lambda loc: (loc.line, loc.column, loc.finding.rule))
    result = policy.with_findings(result, sorted(kept + meta, key=lambda f: (f.start, f.end, f.rule)))
    return FileCheck(name, fmt, config, result, tuple(located), document=document)
