"""Compiled regular expressions (and parsed rule files) kept on disk between runs, for a fast start.

Every ``attrib check`` used to compile some 150 regular expressions at start-up
(the rules' phrase tries and patterns, and the pipeline modules' own patterns)
and parse the rule files with ``tomllib``, all in pure Python: about 150 ms of
the 0.3 s budget.  The result of that work is plain data: the regex engine's
instruction list (integers) plus the group table, and the rule files' tables.
This module stores it as JSON in the user's cache directory and rebuilds a
pattern from it with ``_sre.compile`` (what ``re.compile`` itself calls last)
in microseconds.  Use :func:`compile` for module-level patterns and
:func:`load_toml` for data files read at start-up.

Safe by construction: the file is JSON (never pickle), entries are keyed by
the exact pattern text and flags, the file name carries the Python version and
the regex engine's MAGIC number, ``_sre.compile`` validates the instruction
list, and any problem (missing, corrupt or tampered file, unwritable directory,
another Python) falls back to ``re.compile``.  ``ATTRIB_NO_REGEX_CACHE=1``
turns the cache off; ``ATTRIB_CACHE_DIR`` moves it (default:
``$XDG_CACHE_HOME/attrib`` or ``~/.cache/attrib``).
"""

from __future__ import annotations

import atexit
import base64
import json
import os
import re
import sys
import time
from array import array
from typing import Any

try:  # CPython's regex engine; elsewhere the cache is simply off
    import _sre
    from re import _compiler, _parser

    _TAG = f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}"
except (ImportError, AttributeError):  # pragma: no cover
    _sre = None
    _TAG = ""

_MAX_ENTRIES = 1000
_entries: dict[str, Any] | None = None
_used: set[str] = set()
_dirty = False


def cache_path() -> str | None:
    """Where the cache lives, or None when it is off."""
    if not _TAG or os.environ.get("ATTRIB_NO_REGEX_CACHE"):
        return None
    base = os.environ.get("ATTRIB_CACHE_DIR")
    if not base:
        xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        base = os.path.join(xdg, "attrib")
    return os.path.join(base, f"regex-{_TAG}.json")


def _load() -> dict[str, Any]:
    global _entries
    if _entries is None:
        _entries = {}
        path = cache_path()
        if path is not None:
            try:
                with open(path, encoding="utf-8") as fh:
                    data = json.load(fh)
                if isinstance(data, dict) and data.get("tag") == _TAG and isinstance(data.get("entries"), dict):
                    _entries = data["entries"]
            except (OSError, ValueError, RecursionError):
                pass
    return _entries


def _build(pattern: str, entry: Any, want: int) -> re.Pattern[str] | None:
    """The pattern from a cache entry, or None when the entry is not well formed."""
    try:
        flags, packed, groups, groupindex = entry
        code = _unpack(packed)
        if not (
            isinstance(flags, int)
            and flags & want == want
            and flags & (re.UNICODE | re.ASCII)
            and isinstance(groups, int)
            and 0 <= groups < 1000
            and code is not None
            and isinstance(groupindex, dict)
            and all(isinstance(k, str) and type(v) is int and 0 < v <= groups for k, v in groupindex.items())
        ):
            return None
        indexgroup: list[str | None] = [None] * (groups + 1)
        for name, index in groupindex.items():
            indexgroup[index] = name
        return _sre.compile(pattern, flags, code, groups, groupindex, tuple(indexgroup))
    except Exception:  # a malformed entry (the engine validates the code): recompile
        return None


def _fresh(pattern: str, flags: int) -> tuple[re.Pattern[str], list[Any]]:
    """Compile as ``re.compile`` does, keeping the engine's code for the cache."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    state = parsed.state
    groupindex = dict(state.groupdict)
    indexgroup: list[str | None] = [None] * state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    compiled = _sre.compile(pattern, flags | state.flags, code, state.groups - 1, groupindex, tuple(indexgroup))
    return compiled, [flags | state.flags, _pack(code), state.groups - 1, groupindex]


def _pack(code: list[int]) -> str:
    """The engine's code as base64 of native unsigned ints: far faster to load than a JSON list."""
    return base64.b64encode(array("I", code).tobytes()).decode("ascii")


def _unpack(packed: Any) -> list[int] | None:
    if not isinstance(packed, str):
        return None
    try:
        raw = base64.b64decode(packed, validate=True)
    except ValueError:
        return None
    if len(raw) % array("I").itemsize:
        return None
    code = array("I")
    code.frombytes(raw)
    return code.tolist()


def compile(pattern: str, flags: int = 0, key: str | None = None) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the on-disk cache when it is there."""
    if cache_path() is None or flags & re.DEBUG:
        return re.compile(pattern, flags)
    flags = int(flags)
    key = key or f"{flags}:{pattern}"
    entry = _lookup(key)
    if isinstance(entry, dict) and entry.get("pattern") == pattern:
        compiled = _build(pattern, entry.get("code"), flags)
        if compiled is not None:
            return compiled
    try:
        compiled, code = _fresh(pattern, flags)
    except (RecursionError, OverflowError, AssertionError, IndexError, TypeError):
        return re.compile(pattern, flags)  # let re raise its own error, or compile as it would
    _remember(key, {"pattern": pattern, "code": code})
    return compiled


def cached_pattern(key: str) -> str | None:
    """The pattern text stored under ``key`` (used to skip building a pattern that is cached)."""
    entry = _load().get(key) if cache_path() is not None else None
    return entry.get("pattern") if isinstance(entry, dict) and isinstance(entry.get("pattern"), str) else None


def save() -> None:
    """Write the cache if this process added entries (atomically; errors are ignored)."""
    global _dirty
    path = cache_path()
    if not _dirty or path is None or _entries is None:
        return
    _dirty = False
    # Forget entries older than two weeks that this run did not use (edited rules leave stale ones).
    cutoff = time.time() - 14 * 86400
    entries = {k: v for k, v in _entries.items() if k in _used or (isinstance(v, dict) and v.get("t", 0) >= cutoff)}
    if len(entries) > _MAX_ENTRIES:  # keep what this run used, then the newest
        kept = sorted(
            entries, key=lambda k: (k in _used, entries[k].get("t", 0) if isinstance(entries[k], dict) else 0)
        )
        entries = {k: entries[k] for k in kept[-_MAX_ENTRIES // 2 :]}
    import tempfile

    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".regex-", suffix=".tmp", dir=os.path.dirname(path))
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump({"tag": _TAG, "entries": entries}, fh, separators=(",", ":"))
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass


def reset() -> None:
    """Forget what was loaded (tests)."""
    global _entries, _dirty
    _entries, _dirty = None, False
    _used.clear()


def _lookup(key: str) -> Any:
    """The cache entry under ``key`` (None when absent), noting that this run used it."""
    _used.add(key)
    return _load().get(key)


def _remember(key: str, entry: dict[str, Any]) -> None:
    """Store ``entry`` (stamped with the time) and write the cache when the process exits."""
    global _dirty
    _load()[key] = {**entry, "t": int(time.time())}
    if not _dirty:
        _dirty = True
        atexit.register(save)


def vetted(pattern: str, check: Any) -> str | None:
    """``check(pattern)`` (the ReDoS vetting of a rule pattern), remembered for patterns found safe.

    Only a clean result is stored, keyed by the exact pattern text; a refused pattern is checked again
    on every load so its error is always reported."""
    if cache_path() is None:
        return check(pattern)
    key = "vetted:" + pattern
    entry = _lookup(key)
    if isinstance(entry, dict) and entry.get("safe") is True:
        return None
    problem = check(pattern)
    if problem is None:
        _remember(key, {"safe": True})
    return problem


def load_toml(raw: str) -> dict[str, Any]:
    """``tomllib.loads(raw)``, from the cache when this exact text was parsed before.

    Only documents that survive a JSON round trip unchanged are cached (no dates);
    errors are raised by tomllib as usual.
    """
    import tomllib

    if cache_path() is None:
        return tomllib.loads(raw)
    key = "toml:" + raw
    entry = _lookup(key)
    if isinstance(entry, dict) and isinstance(entry.get("toml"), dict):
        return entry["toml"]
    data = tomllib.loads(raw)
    try:
        if json.loads(json.dumps(data)) != data:
            return data
    except (TypeError, ValueError):
        return data
    _remember(key, {"toml": data})
    return data
