"""Many articles at once: files, directories and JSON Lines, streamed, over N processes.

``attrib report`` and ``attrib check`` call :func:`run` when they are given
``--jsonl FILE`` or ``--jobs N`` (N > 1).  Inputs are read lazily, work is
spread over ``--jobs`` worker processes (``multiprocessing`` with a chunked,
order-preserving ``imap``; each worker builds one :class:`~attrib.checker.Checker`
per configuration, once) and every result is written as soon as it and all
before it are done.  At most a bounded number of articles is in flight, so
memory stays flat however many articles there are.

Output, by command and ``--format``:

* ``report --format json`` (the default for ``--jsonl``): JSON Lines, one
  report object per article, each with its ``id`` (``--jsonl``) or ``path``;
  ``text`` and ``markdown`` reports stream too; ``html`` is one page, built at
  the end.
* ``check --format text|github``: finding lines as files are done, the summary
  at the end; ``check --format json|sarif`` are single documents, built at the
  end (their memory grows with the number of files).

A JSON Lines input line that is not a JSON object with a string text field is
reported as one error record (``{"id", "line", "error"}`` in JSON Lines, a
one-line message on stderr otherwise) and processing goes on.  The exit status
is 2 when any input could not be read, else 1 when ``check`` failed the
policy for any article, else 0.

A progress bar goes to stderr when stderr is a terminal (tqdm when it is
installed, the ``progress`` extra, else a minimal built-in one); ``--progress``
and ``--no-progress`` force it on or off.

Nothing here imports pydantic, numpy or nltk at module level; the worker
imports the pipeline.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from typing import IO, Any, NamedTuple

#: Articles handed to a worker at a time.
DEFAULT_CHUNKSIZE = 4
#: Articles in flight (queued, being analysed, or done but waiting for an earlier one) per job.
INFLIGHT_PER_JOB = 16

STREAM_REPORT_FORMATS = ("json", "text", "markdown")
STREAM_CHECK_FORMATS = ("text", "github")


# --- command-line surface -----------------------------------------------------------------


def positive_int(value: str) -> int:
    """argparse type for ``--jobs``: a positive integer, or 0 for one job per CPU."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of processes, not {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("--jobs must be 0 (one per CPU) or more")
    return n


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--jsonl``, ``--jobs``, ``--id-field``, ``--text-field`` and ``--progress`` to ``parser``."""
    group = parser.add_argument_group("many articles")
    group.add_argument(
        "--jsonl",
        metavar="FILE",
        action="append",
        default=None,
        help="read articles from a JSON Lines file, one object per line ('-' is stdin); may repeat",
    )
    group.add_argument(
        "--id-field", default="id", metavar="NAME", help="JSON Lines field of the article id (default: id)"
    )
    group.add_argument(
        "--text-field", default="text", metavar="NAME", help="JSON Lines field of the article text (default: text)"
    )
    group.add_argument(
        "-j",
        "--jobs",
        type=positive_int,
        default=1,
        metavar="N",
        help="analyse with N processes (0: one per CPU; default: 1)",
    )
    group.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on stderr (default: only when stderr is a terminal)",
    )


def wanted(args: argparse.Namespace) -> bool:
    """Should the CLI hand this run to :func:`run` (``--jsonl`` given or more than one job)?"""
    return bool(getattr(args, "jsonl", None)) or resolve_jobs(getattr(args, "jobs", 1)) > 1


def resolve_jobs(jobs: int | None) -> int:
    """``--jobs`` as a process count (0 or None: the CPUs this process may use)."""
    if jobs:
        return jobs
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


# --- tasks and inputs ---------------------------------------------------------------------


class Task(NamedTuple):
    """One article to analyse: a file path, or a text from a JSON Lines file (``text`` set)."""

    name: str
    text: str | None = None
    id: Any = None
    line: int = 0
    error: str | None = None
    source: str | None = None
    format: str | None = None


def iter_jsonl(
    path: str,
    id_field: str = "id",
    text_field: str = "text",
    encoding: str = "utf-8",
    stdin: IO[bytes] | None = None,
) -> Iterator[Task]:
    """Articles of a JSON Lines file, lazily; a bad line becomes a Task carrying its error.

    A line's id is its ``id_field`` value (any JSON value; the line number when
    the field is absent); its text must be a string.  Blank lines are skipped.
    A file that cannot be opened raises :class:`attrib.reader.InputError`.
    """
    from attrib.reader import open_binary

    if path == "-":
        stream: IO[bytes] = stdin if stdin is not None else sys.stdin.buffer
        close = False
    else:
        stream = open_binary(path, expected="a JSON Lines file")
        close = True
    try:
        for number, raw in enumerate(stream, 1):
            if not raw.strip():
                continue
            yield _jsonl_task(path, number, raw, id_field, text_field, encoding)
    except OSError as exc:
        yield Task(path, None, None, 0, f"{path}: cannot read ({exc.strerror or exc})", path)
    finally:
        if close:
            stream.close()


def _jsonl_task(path: str, number: int, raw: bytes, id_field: str, text_field: str, encoding: str) -> Task:
    where = f"{path}:{number}"
    bad = lambda message, ident=None: Task(where, None, ident, number, message, path)  # noqa: E731
    try:
        line = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        return bad(f"{where}: invalid {encoding} (byte offset {exc.start} in the line)")
    except LookupError:
        return bad(f"unknown encoding {encoding!r}")
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return bad(f"{where}: not JSON ({exc.msg} at column {exc.colno})")
    except RecursionError:
        return bad(f"{where}: not JSON (nested too deeply)")
    if not isinstance(obj, dict):
        return bad(f"{where}: expected a JSON object, got {_json_type(obj)}")
    ident = obj.get(id_field, number)
    fmt = obj.get("format")
    if fmt is not None and fmt not in ("text", "markdown", "html"):
        return bad(f"{where}: field 'format' must be text, markdown or html, not {fmt!r}", ident)
    if isinstance(ident, (dict, list)):
        return bad(f"{where}: field {id_field!r} must be a string or a number")
    text = obj.get(text_field)
    if not isinstance(text, str):
        what = "missing" if text_field not in obj else f"a {_json_type(text)}, not a string"
        return bad(f"{where}: field {text_field!r} is {what}", ident)
    name = str(ident)
    return Task(name, text, ident, number, None, path, fmt)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "boolean", int: "number", float: "number", str: "string", list: "array", dict: "object"}.get(
        type(value), type(value).__name__
    )


def iter_tasks(
    paths: Iterable[str], jsonl: Iterable[str], id_field: str, text_field: str, encoding: str
) -> Iterator[Task]:
    """Files first (as collected by the caller), then the articles of each JSON Lines file."""
    from attrib.reader import InputError

    for p in paths:
        yield Task(p)
    for j in jsonl:
        try:
            yield from iter_jsonl(j, id_field, text_field, encoding)
        except InputError as exc:
            yield Task(j, None, None, 0, str(exc), j)


# --- the worker ---------------------------------------------------------------------------


class Options(NamedTuple):
    """Everything a worker needs, picklable: how to analyse and how to render."""

    command: str = "report"
    format: str = "json"
    stream: bool = True
    runner: dict[str, Any] | None = None  # gate.Runner keyword arguments
    color: bool = False
    width: int | None = None
    jsonl_base: str = "."
    text_format: str = "text"


class Outcome(NamedTuple):
    """What a worker returns for one article (small: rendered text, not the analysis)."""

    name: str
    rendered: str = ""
    error: str | None = None
    failed: str | None = None
    counts: tuple[tuple[str, int], ...] = ()
    notes: tuple[str, ...] = ()
    check: Any = None


_state: dict[str, Any] = {}


def init_worker(options: Options) -> None:
    """Build this process's runner (one Checker per configuration, built on first use)."""
    from attrib.gate import Runner

    _state["options"] = options
    _state["runner"] = Runner(**(options.runner or {}))


def _analyse_text(task: Task, options: Options) -> Any:
    """A FileCheck for a JSON Lines article (configuration found from the JSON Lines file's folder)."""
    from dataclasses import replace

    from attrib.gate import FileCheck, finish
    from attrib.inputs import load

    runner = _state["runner"]
    config = runner.config_for(options.jsonl_base)
    fmt = task.format or options.text_format
    text = task.text or ""
    notes: tuple[str, ...] = ()
    if not text.strip():
        notes = ("empty article: nothing to analyse",)
        if options.command == "check":
            return FileCheck(task.name, fmt, config, notes=notes)
    document = load(text, fmt)
    if not notes and not document.text.strip():
        notes = ("no article text found",)
        if options.command == "check":
            return FileCheck(task.name, fmt, config, notes=notes, document=document)
    checker = runner.checker(config)
    result = checker.run(document.text, fmt)
    done = finish(task.name, fmt, config, result, document, checker.rules)
    return replace(done, notes=notes) if notes else done


def work(task: Task) -> Outcome:
    """Analyse and render one task in this process (the pool's map function)."""
    options: Options = _state["options"]
    if task.error is not None:
        return Outcome(task.name, _error_record(task, task.error, options), error=task.error)
    from attrib.config import ConfigError
    from attrib.reader import InputError
    from attrib.ruleset import RuleError

    try:
        if task.text is None:
            fc = _state["runner"].run(task.name, analyse_blank=options.command == "report")
        else:
            fc = _analyse_text(task, options)
        return _outcome(fc, task, options)
    except (InputError, ConfigError, RuleError, UnicodeError, OSError) as exc:
        message = str(exc)
    except RecursionError:
        message = f"{task.name}: input nested too deeply to analyse"
    except Exception as exc:  # a bug must not stop a run over a whole archive
        message = f"{task.name}: internal error ({type(exc).__name__}: {exc})"
    return Outcome(task.name, _error_record(task, message, options), error=message)


def _error_record(task: Task, message: str, options: Options) -> str:
    """An error as JSON Lines output shows it (one record); other formats show it on stderr only."""
    if options.format != "json" or not options.stream:
        return ""
    record: dict[str, Any] = {"path": task.source or task.name}
    if task.line:
        record["line"] = task.line
        record["id"] = task.id
    record["error"] = message
    return json.dumps(record, ensure_ascii=False) + "\n"


def _outcome(fc: Any, task: Task, options: Options) -> Outcome:
    failed = fc.config.fail_on if options.command == "check" and fc.failed() else None
    counts: dict[str, int] = {}
    for loc in fc.findings:
        counts[loc.finding.severity] = counts.get(loc.finding.severity, 0) + 1
    if not options.stream:
        return Outcome(fc.path, failed=failed, counts=tuple(counts.items()), check=fc)
    return Outcome(fc.path, _render(fc, task, options), None, failed, tuple(counts.items()), fc.notes)


def _render(fc: Any, task: Task, options: Options) -> str:
    if options.command == "report":
        if options.format == "json":
            from attrib.formats.json import report_dict

            data = report_dict(fc)
            if task.text is not None:
                data = {"id": task.id, **data}
            return json.dumps(data, ensure_ascii=False) + "\n"
        if options.format == "markdown":
            from attrib.formats.markdown import report_one as markdown_one

            return markdown_one(fc)
        from attrib.formats.text import report_one

        return report_one(fc, options.color, options.width)
    if options.format == "json":  # check --jsonl: one record per article, as the JSON check's "files"
        from attrib.formats.json import finding_dict

        record = {
            "id": task.id,
            "path": fc.path,
            "format": fc.format,
            "score": fc.score,
            "min_score": fc.config.min_score,
            "fail_on": fc.config.fail_on,
            "passed": not fc.failed(),
            "notes": list(fc.notes),
            "findings": [finding_dict(loc) for loc in fc.findings],
        }
        return json.dumps(record, ensure_ascii=False) + "\n"
    if options.format == "github":
        from attrib.formats.github import check as github_check

        return github_check([fc])
    # text: the finding lines of formats.text.check, without its summary (written once at the end)
    from attrib.formats import Style
    from attrib.formats.text import SEVERITY_STYLE

    st = Style(options.color)
    lines = []
    for loc in fc.findings:
        f = loc.finding
        where = st(f"{fc.path}:{loc.line}:{loc.column}:", "bold")
        lines.append(f"{where} {st(f.rule, *SEVERITY_STYLE.get(f.severity, ()))} {f.name} {f.message}")
    if fc.score_failed and not any(loc.finding.rule == "AT101" for loc in fc.findings):
        lines.append(f"{fc.path}: transparency score {fc.score:g} is below the minimum {fc.config.min_score:g}")
    return "".join(line + "\n" for line in lines)


# --- running ------------------------------------------------------------------------------


def analyse(
    tasks: Iterable[Task], options: Options, jobs: int = 1, chunksize: int = DEFAULT_CHUNKSIZE
) -> Iterator[Outcome]:
    """Outcomes of ``tasks`` in input order, with ``jobs`` processes and bounded memory."""
    jobs = resolve_jobs(jobs)
    if jobs <= 1:
        init_worker(options)
        for task in tasks:
            yield work(task)
        return
    import multiprocessing

    limit = threading.BoundedSemaphore(max(jobs * INFLIGHT_PER_JOB, chunksize * jobs * 2))
    stop = threading.Event()

    def feed() -> Iterator[Task]:
        # Runs in the pool's task-feeding thread: blocks while too many articles are in flight.
        for task in tasks:
            while not limit.acquire(timeout=0.2):
                if stop.is_set():
                    return
            if stop.is_set():
                return
            yield task

    pool = multiprocessing.get_context().Pool(jobs, init_worker, (options,))
    try:
        for outcome in pool.imap(work, feed(), chunksize):
            limit.release()
            yield outcome
        pool.close()
    except BaseException:
        stop.set()
        pool.terminate()
        raise
    finally:
        stop.set()
        pool.join()


class _Bar:
    """A minimal progress line on stderr: count, rate and (when known) the total."""

    def __init__(self, total: int | None, stream: IO[str]) -> None:
        self.total, self.stream, self.n = total, stream, 0
        self.start = self.last = time.monotonic()

    def update(self, n: int = 1) -> None:
        self.n += n
        now = time.monotonic()
        if now - self.last >= 0.1 or (self.total is not None and self.n >= self.total):
            self.last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        rate = self.n / max(now - self.start, 1e-9)
        if self.total:
            width = 30
            done = int(width * min(self.n / self.total, 1.0))
            line = f"\r[{'#' * done}{'.' * (width - done)}] {self.n}/{self.total} articles, {rate:.1f}/s"
        else:
            line = f"\r{self.n} articles, {rate:.1f}/s"
        self.stream.write(line)
        self.stream.flush()

    def close(self) -> None:
        self._draw(time.monotonic())
        self.stream.write("\n")
        self.stream.flush()


def progress_bar(total: int | None, enabled: bool | None, stream: IO[str] | None = None) -> Any:
    """A progress bar (``update``/``close``) on stderr, or None when it is off.

    ``enabled`` None means "when ``stream`` is a terminal".
    """
    stream = stream if stream is not None else sys.stderr
    if enabled is None:
        isatty = getattr(stream, "isatty", None)
        enabled = bool(isatty and isatty())
    if not enabled:
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        return _Bar(total, stream)
    return tqdm(total=total, file=stream, unit="article", dynamic_ncols=True, leave=False)


class Summary:
    """Counts of one batch run."""

    def __init__(self) -> None:
        self.articles = self.errors = self.failed = 0
        self.fail_on: set[str] = set()
        self.findings: dict[str, int] = {"error": 0, "warning": 0, "info": 0}

    @property
    def checked(self) -> int:
        """Articles analysed (read without error)."""
        return self.articles - self.errors

    @property
    def exit_status(self) -> int:
        """2 when any input could not be read, else 1 when any article failed the policy, else 0."""
        return 2 if self.errors else 1 if self.failed else 0


def write_outcomes(
    outcomes: Iterable[Outcome],
    options: Options,
    out: IO[str],
    err: IO[str],
    bar: Any = None,
) -> Summary:
    """Write each outcome as it comes, then anything that needs the whole run; return the counts."""
    summary = Summary()
    collected: list[Any] = []
    first = True
    for o in outcomes:
        summary.articles += 1
        if o.error is not None:
            summary.errors += 1
            if bar is not None and hasattr(bar, "clear"):
                bar.clear()
            err.write(f"attrib: error: {' '.join(o.error.split())}\n")
            err.flush()
        if o.failed:
            summary.failed += 1
            summary.fail_on.add(o.failed)
        for sev, n in o.counts:
            summary.findings[sev] = summary.findings.get(sev, 0) + n
        if o.check is not None:
            collected.append(o.check)
        if options.command == "check" and options.format in STREAM_CHECK_FORMATS:
            for note in o.notes:
                err.write(f"attrib: note: {o.name}: {note}\n")
        if o.rendered:
            if not first and options.command == "report" and options.format != "json" and o.error is None:
                out.write("\n---\n\n" if options.format == "markdown" else "\n")
            out.write(o.rendered)
            out.flush()
            first = first and o.error is not None
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()
    if not options.stream:
        if collected or options.command == "check":
            out.write(_whole(collected, options))
    elif options.command == "check" and options.format == "text":
        out.write(_check_summary(summary, options))
    elif options.command == "check" and options.format == "json":
        totals = {"articles": summary.checked, "failed": summary.failed, "errors": summary.errors, **summary.findings}
        out.write(json.dumps({"summary": totals, "passed": not summary.failed and not summary.errors}) + "\n")
    out.flush()
    return summary


def _whole(checks: list[Any], options: Options) -> str:
    """The single-document formats (report html, check json/sarif), built once everything is done."""
    from attrib.formats import render_check, render_report

    if options.command == "report":
        return render_report(options.format, checks, color=options.color)
    rules = None
    if options.format == "sarif":
        from attrib.gate import Runner

        runner = Runner(**(options.runner or {}))
        rules = runner.rules_for(checks[0].config if checks else runner.config_for("."))
    return render_check(options.format, checks, rules, color=options.color)


def _check_summary(summary: Summary, options: Options) -> str:
    """The closing lines of ``check --format text`` (as formats.text.check writes them)."""
    from attrib.formats import Style

    st = Style(options.color)

    def plural(n: int, word: str) -> str:
        return f"{n} {word}" if n == 1 else f"{n} {word}s"

    lines = []
    total = sum(summary.findings.values())
    files = plural(summary.checked, "file")
    if total:
        parts = ", ".join(plural(n, sev) for sev, n in summary.findings.items() if n)
        lines.append(f"Found {plural(total, 'finding')} ({parts}) in {files}.")
    if summary.failed:
        levels = ", ".join(sorted(summary.fail_on))
        lines.append(st(f"Failed: {summary.failed} of {files} (fail-on: {levels}).", "red", "bold"))
    else:
        lines.append(st(f"Passed: {files} checked.", "green", "bold"))
    return "".join(line + "\n" for line in lines)


def _jobs_for(jobs: int | None, files: list[str], jsonl: list[str]) -> int:
    """Processes worth starting: no more than the files, and one when a draft is read from stdin."""
    n = resolve_jobs(jobs)
    if "-" in files:  # the parent holds stdin; workers cannot read it
        return 1
    return n if jsonl else max(1, min(n, len(files)))


def runner_options(args: argparse.Namespace) -> dict[str, Any]:
    """Keyword arguments of :class:`attrib.gate.Runner` from parsed ``report``/``check`` arguments."""
    overrides = {
        key: getattr(args, key)
        for key in ("min_score", "fail_on", "select", "ignore", "max_anonymous_share")
        if getattr(args, key, None) is not None
    }
    return {
        "config_file": getattr(args, "config", None),
        "isolated": bool(getattr(args, "isolated", False)),
        "overrides": overrides,
        "encoding": getattr(args, "encoding", None) or "utf-8",
        "max_mb": getattr(args, "max_size", None) or 0.0,
        "stdin_format": getattr(args, "stdin_format", None),
        "stdin_filename": getattr(args, "stdin_filename", None),
    }


def run(
    args: argparse.Namespace,
    files: list[str] | None = None,
    runner: dict[str, Any] | None = None,
    out: IO[str] | None = None,
    err: IO[str] | None = None,
) -> int:
    """Run ``report``/``check`` over ``files`` and ``args.jsonl``; return the exit status.

    ``files`` are the drafts already collected by the CLI (directories
    expanded, excludes applied); when None, ``args.paths`` (or ``args.files``)
    are expanded here.  ``runner`` is the :class:`attrib.gate.Runner` keyword
    arguments (default: taken from ``args``).  ``args.output`` (check ``-o``)
    sends the output to a file.
    """
    err = err if err is not None else sys.stderr
    command = getattr(args, "command", None) or "report"
    jsonl = list(getattr(args, "jsonl", None) or [])
    fmt = getattr(args, "format", None) or ("json" if jsonl else "text")
    if files is None:  # check recurses into directories; report takes files as given
        if command == "check":
            from attrib.gate import collect

            files = collect(list(getattr(args, "paths", None) or []))
        else:
            files = list(getattr(args, "files", None) or [])
    output = getattr(args, "output", None)
    if out is None and output:
        try:
            with open(output, "w", encoding="utf-8") as fh:
                return _run(args, command, fmt, files, jsonl, runner, fh, err, to_file=True)
        except OSError as exc:
            err.write(f"attrib: error: {output}: cannot write ({exc.strerror or exc})\n")
            return 2
    return _run(args, command, fmt, files, jsonl, runner, out if out is not None else sys.stdout, err)


def _run(  # type: ignore[no-untyped-def]
    args, command, fmt, files, jsonl, runner, out, err, to_file: bool = False
) -> int:
    stream = fmt in (STREAM_REPORT_FORMATS if command == "report" else STREAM_CHECK_FORMATS)
    if command == "check" and fmt == "json" and jsonl:
        stream = True  # JSON Lines of per-article records (a JSON Lines archive has no end to wait for)
    color = False
    if fmt == "text" and not to_file:
        from attrib.formats import use_color

        color = use_color(out, getattr(args, "color", None) or "auto")
    ropts = runner if runner is not None else runner_options(args)
    options = Options(
        command=command,
        format=fmt,
        stream=stream,
        runner=ropts,
        color=color,
        width=getattr(args, "width", None),
        jsonl_base=next((j for j in jsonl if j != "-"), "."),
        text_format=getattr(args, "stdin_format", None) or "text",
    )
    tasks = iter_tasks(
        files,
        jsonl,
        getattr(args, "id_field", "id"),
        getattr(args, "text_field", "text"),
        ropts.get("encoding") or "utf-8",
    )
    bar = progress_bar(None if jsonl else len(files), getattr(args, "progress", None), err)
    try:
        outcomes = analyse(tasks, options, _jobs_for(getattr(args, "jobs", 1), files, jsonl), DEFAULT_CHUNKSIZE)
        summary = write_outcomes(outcomes, options, out, err, bar)
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, as Unix tools do.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 1
    except KeyboardInterrupt:
        err.write("attrib: error: interrupted\n")
        return 130
    status = summary.exit_status
    if status == 1 and getattr(args, "exit_zero", False):
        return 0
    return status


__all__ = [
    "Options",
    "Outcome",
    "Summary",
    "Task",
    "add_arguments",
    "analyse",
    "iter_jsonl",
    "iter_tasks",
    "progress_bar",
    "run",
    "wanted",
    "work",
]
