"""The ``attrib`` command line: argument parsing and exit codes only.

    attrib report FILE...    per-article report (text, json, markdown, html)
    attrib check PATH...     the CI / pre-commit gate (text, json, github, sarif)
    attrib rules             list every rule
    attrib rule AT201        explain one rule, with its examples
    attrib version
    attrib eval ... / attrib train ...   (evaluation and training; passed through)

Exit status: 0 passed, 1 failed the policy (``check``), 2 usage, configuration
or input error, always with one line ``attrib: error: ...`` on stderr and
never a traceback (set ATTRIB_DEBUG=1 to see one).  Start-up matters (pre-commit
runs this on every draft), so nothing heavy is imported at module level and
pydantic is never imported on the report/check path.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any, NoReturn, TextIO

from attrib import batch

PROG = "attrib"
EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2
PASSTHROUGH = {"eval": "attrib.evaluate", "train": "attrib.train"}


class UsageError(Exception):
    """A bad command line; the message is printed as one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _error(message: str, stream: TextIO | None = None) -> None:
    stream = stream or sys.stderr
    stream.write(f"{PROG}: error: {' '.join(str(message).split())}\n")


def _write(text: str, stream: TextIO | None = None) -> None:
    stream = stream or sys.stdout
    try:
        stream.write(text)
    except UnicodeEncodeError:
        stream.flush()
        stream.buffer.write(text.encode("utf-8"))  # type: ignore[attr-defined]
    stream.flush()


def _codes(value: str) -> tuple[str, ...]:
    codes = tuple(c.strip().upper() for c in value.split(",") if c.strip())
    for c in codes:
        if not ((c.startswith("AT") and c[2:].isdigit()) or c == "AT"):
            raise argparse.ArgumentTypeError(f"{c!r} is not a rule code or prefix such as AT201 or AT2")
    return codes


def _bounded(value: str, top: float) -> float:
    try:
        v = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0 <= v <= top:
        raise argparse.ArgumentTypeError(f"must be between 0 and {top:g}")
    return v


def _score(value: str) -> float:
    return _bounded(value, 100)


def _share(value: str) -> float:
    return _bounded(value, 1)


def _input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", metavar="FILE", help="use this .attrib.toml or pyproject.toml (no discovery)")
    p.add_argument("--isolated", action="store_true", help="ignore all configuration files")
    p.add_argument("--encoding", default="utf-8", help="text encoding of the drafts (default: utf-8)")
    p.add_argument(
        "--max-size",
        type=float,
        default=20.0,
        metavar="MB",
        help="refuse a single article larger than this (default: 20; 0: no limit); archives go through --jsonl",
    )
    p.add_argument("--stdin-format", choices=("text", "markdown", "html"), help="format of a draft read from -")
    p.add_argument("--stdin-filename", metavar="NAME", help="name to report (and find config for) for -")
    p.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour text output (auto: on a terminal with NO_COLOR unset)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``attrib``."""
    parser = _Parser(
        prog=PROG,
        description="How well is a news article sourced? Labels every sentence "
        "as attributed, paraphrased, anonymous or unattributed and scores the article.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    rep = sub.add_parser(
        "report",
        help="per-article sourcing report",
        description="Report labels, sources, score and findings of each article.",
    )
    rep.add_argument("files", nargs="*", metavar="FILE", help="article files (.txt .md .html); - for stdin")
    rep.add_argument(
        "--format",
        choices=("text", "json", "markdown", "html"),
        default=None,
        help="output format (default: text; json with --jsonl); json is JSON Lines, one report object per article",
    )
    _input_options(rep)
    batch.add_arguments(rep)

    chk = sub.add_parser(
        "check",
        help="check drafts against the sourcing policy (CI gate)",
        description="Check drafts; exit 0 passed, 1 failed the policy, 2 error.",
    )
    chk.add_argument("paths", nargs="*", metavar="PATH", help="files, directories (recursed), or - for stdin")
    chk.add_argument(
        "--format",
        choices=("text", "json", "github", "sarif"),
        default=None,
        help="output format (default: text; with --jsonl, json: JSON Lines, one record per article)",
    )
    chk.add_argument("--min-score", type=_score, metavar="N", help="fail when the score is below N (0-100)")
    chk.add_argument(
        "--fail-on",
        choices=("info", "warning", "error"),
        help="fail on findings of this severity or above (default: warning)",
    )
    chk.add_argument("--exit-zero", action="store_true", help="exit 0 even when the policy fails")
    chk.add_argument("--select", type=_codes, metavar="CODES", help="comma-separated codes or prefixes to run")
    chk.add_argument("--ignore", type=_codes, metavar="CODES", help="comma-separated codes or prefixes to skip")
    chk.add_argument("--max-anonymous-share", type=_share, metavar="X", help="AT204 threshold, 0-1")
    chk.add_argument("-o", "--output", metavar="FILE", help="write the output to FILE instead of stdout")
    _input_options(chk)
    batch.add_arguments(chk)

    rules = sub.add_parser("rules", help="list all rules")
    rules.add_argument("--kind", help="only rules of this kind (e.g. policy)")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.add_argument("--config", metavar="FILE", help="configuration naming a rules-dir")

    rule = sub.add_parser("rule", help="explain one rule", description="Explain a rule by code or name.")
    rule.add_argument("rule", metavar="ID_OR_NAME")
    rule.add_argument("--config", metavar="FILE", help="configuration naming a rules-dir")

    sub.add_parser("version", help="print the version")
    sub.add_parser("eval", help="evaluate on a labelled corpus (see attrib eval --help)", add_help=False)
    sub.add_parser("train", help="train the sentence classifier (see attrib train --help)", add_help=False)
    return parser


def _runner_kwargs(args: argparse.Namespace, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "config_file": args.config,
        "isolated": args.isolated,
        "overrides": overrides,
        "encoding": args.encoding,
        "max_mb": args.max_size,
        "stdin_format": args.stdin_format,
        "stdin_filename": args.stdin_filename,
    }


def _runner(args: argparse.Namespace, overrides: dict[str, Any] | None = None):  # type: ignore[no-untyped-def]
    from attrib.gate import Runner

    return Runner(**_runner_kwargs(args, overrides))


def _inputs_given(args: argparse.Namespace, positional: list[str], what: str) -> None:
    """FILE/PATH arguments are required unless --jsonl names the input; also settle the default --format."""
    if not positional and not args.jsonl:
        raise UsageError(f"the following arguments are required: {what} (or --jsonl FILE)")
    if args.format is None:
        args.format = "json" if args.jsonl else "text"


def _errors() -> tuple[type[BaseException], ...]:
    from attrib.config import ConfigError
    from attrib.reader import InputError
    from attrib.ruleset import RuleError

    return InputError, ConfigError, RuleError, UnicodeError, OSError


def _analyse(runner, paths: list[str], blank_ok: bool) -> tuple[list, bool]:  # type: ignore[no-untyped-def]
    """Run every path; print one line per error (once each); return (checks, any_error)."""
    checks, seen, bad = [], set(), False
    errors = _errors()
    for path in paths:
        try:
            checks.append(runner.run(path, analyse_blank=blank_ok))
        except errors as exc:
            bad = True
            message = str(exc)
            if message not in seen:
                seen.add(message)
                _error(message)
    return checks, bad


def cmd_report(args: argparse.Namespace) -> int:
    """``attrib report``: per-article reports; 0 unless an input could not be read."""
    from attrib.formats import render_report, use_color

    _inputs_given(args, args.files, "FILE")
    if batch.wanted(args):  # --jsonl or --jobs N: streamed, over processes (attrib.batch)
        return batch.run(args, files=list(args.files), runner=_runner_kwargs(args))
    checks, bad = _analyse(_runner(args), args.files, blank_ok=True)
    if checks:
        _write(render_report(args.format, checks, color=use_color(sys.stdout, args.color)))
    return EXIT_ERROR if bad else EXIT_OK


def _check_output(args: argparse.Namespace, checks: list, runner) -> str:  # type: ignore[no-untyped-def]
    from attrib.formats import render_check, use_color

    rules = None
    if args.format == "sarif":
        rules = runner.rules_for(checks[0].config if checks else runner.config_for("."))
    color = use_color(sys.stdout, args.color) and not args.output
    return render_check(args.format, checks, rules, color=color)


def cmd_check(args: argparse.Namespace) -> int:
    """``attrib check``: 0 passed, 1 failed the policy, 2 usage/config/input error."""
    from attrib import gate

    _inputs_given(args, args.paths, "PATH")
    overrides = {
        "min_score": args.min_score,
        "fail_on": args.fail_on,
        "select": args.select,
        "ignore": args.ignore,
        "max_anonymous_share": args.max_anonymous_share,
    }
    runner = _runner(args, overrides)
    try:
        paths = gate.collect(args.paths, lambda f: gate.excluded(f, runner.config_for(f)))
    except _errors() as exc:
        _error(str(exc))
        return EXIT_ERROR
    if not paths and not args.jsonl:
        _error("no drafts found (.txt .md .markdown .html .htm) in " + ", ".join(args.paths))
        return EXIT_ERROR
    if batch.wanted(args):  # --jsonl or --jobs N: streamed, over processes (attrib.batch)
        return batch.run(args, files=paths, runner=_runner_kwargs(args, overrides))
    checks, bad = _analyse(runner, paths, blank_ok=False)
    if bad and not checks:
        return EXIT_ERROR
    failed = any(fc.failed() for fc in checks)
    try:
        out = _check_output(args, checks, runner)
    except _errors() as exc:
        _error(str(exc))
        return EXIT_ERROR
    if args.format in ("text", "github"):
        for fc in checks:
            for note in fc.notes:
                sys.stderr.write(f"{PROG}: note: {fc.path}: {note}\n")
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8") as fh:
                fh.write(out)
        except OSError as exc:
            _error(f"{args.output}: cannot write ({exc.strerror or exc})")
            return EXIT_ERROR
    else:
        _write(out)
    if bad:
        return EXIT_ERROR
    return EXIT_FAILED if failed and not args.exit_zero else EXIT_OK


def _ruleset(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from pathlib import Path

    from attrib.config import resolve
    from attrib.ruleset import load_rules

    config = resolve(Path.cwd(), getattr(args, "config", None))
    return load_rules(config.rules_path())


def cmd_rules(args: argparse.Namespace) -> int:
    """``attrib rules``: id, name, kind and severity of every rule."""
    rules = [r for r in _ruleset(args).rules if args.kind is None or r.kind == args.kind]
    if args.format == "json":
        import json

        data = [
            {"id": r.id, "name": r.name, "kind": r.kind, "severity": r.severity, "message": r.message} for r in rules
        ]
        _write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    width = max((len(r.name) for r in rules), default=4)
    lines = [f"{'ID':<6} {'NAME':<{width}} {'KIND':<16} SEVERITY"]
    for r in rules:
        severity = r.severity if r.kind == "policy" else "-"
        lines.append(f"{r.id:<6} {r.name:<{width}} {r.kind:<16} {severity}")
    _write("\n".join(lines) + "\n")
    return EXIT_OK


def _expected(example: Any, rule_id: str) -> str:
    bits = []
    if example.findings is not None:
        bits.append(("flags " + ", ".join(example.findings)) if example.findings else "no findings")
    if example.label is not None:
        bits.append(f"label {example.label}")
    if example.matches is not None:
        bits.append("matches" if example.matches else "does not match")
    if example.reason:
        bits.append(example.reason)
    return "; ".join(bits)


def cmd_rule(args: argparse.Namespace) -> int:
    """``attrib rule ID_OR_NAME``: explain one rule with its rationale and examples."""
    import textwrap

    rules = _ruleset(args)
    rule = rules.get(args.rule) or rules.get(args.rule.upper())
    if rule is None:
        import difflib

        close = difflib.get_close_matches(args.rule, [k for k in rules.by_id], n=3)
        hint = f" (did you mean {', '.join(close)}?)" if close else "; see `attrib rules`"
        _error(f"unknown rule {args.rule!r}{hint}")
        return EXIT_ERROR
    wrap = textwrap.TextWrapper(width=88, initial_indent="  ", subsequent_indent="  ")
    out = [f"{rule.id} {rule.name}", f"  kind: {rule.kind}"]
    if rule.kind == "policy":
        out.append(f"  severity: {rule.severity}")
    if rule.aliases:
        out.append(f"  aliases: {', '.join(rule.aliases)}")
    out += ["", "Message:", wrap.fill(rule.message), "", "Rationale:", wrap.fill(rule.rationale)]
    out += ["", "Standard:", wrap.fill(rule.standard)]
    if rule.terms:
        shown = ", ".join(rule.terms[:12]) + (f", ... ({len(rule.terms)} terms)" if len(rule.terms) > 12 else "")
        out += ["", "Terms:", wrap.fill(shown)]
    if rule.examples:
        out += ["", "Examples:"]
        for ex in rule.examples:
            out.append(wrap.fill(ex.text))
            out.append(f"    -> {_expected(ex, rule.id)}")
    _write("\n".join(out) + "\n")
    return EXIT_OK


def cmd_version(args: argparse.Namespace | None = None) -> int:
    """``attrib version``."""
    from attrib.formats import tool_version

    _write(f"{PROG} {tool_version()}\n")
    return EXIT_OK


def _passthrough(command: str, rest: list[str]) -> int:
    import importlib

    try:
        module = importlib.import_module(PASSTHROUGH[command])
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("attrib"):
            _error(f"`{command}` is not available in this installation")
            return EXIT_ERROR
        _error(f"`{command}` needs {exc.name}: install it (e.g. pip install 'attrib[train]')")
        return EXIT_ERROR
    code = module.main(rest)
    return int(code or 0)


COMMANDS = {
    "report": cmd_report,
    "check": cmd_check,
    "rules": cmd_rules,
    "rule": cmd_rule,
    "version": cmd_version,
}


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``attrib`` and ``python -m attrib``; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in PASSTHROUGH:
            return _passthrough(argv[0], argv[1:])
        try:
            args = build_parser().parse_args(argv)
        except SystemExit as exc:  # --help
            return int(exc.code or 0)
        if args.version:
            return cmd_version()
        if not args.command:
            raise UsageError(f"choose a command: {', '.join([*COMMANDS, *PASSTHROUGH])} (see attrib --help)")
        return COMMANDS[args.command](args)
    except UsageError as exc:
        _error(str(exc))
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILED
    except Exception as exc:
        if os.environ.get("ATTRIB_DEBUG"):
            raise
        _error(f"internal error: {type(exc).__name__}: {exc} (set ATTRIB_DEBUG=1 for a traceback)")
        return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
