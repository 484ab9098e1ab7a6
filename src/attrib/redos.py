"""Reject regular expressions that can backtrack catastrophically.

Rule patterns come from data files, so a bad one must not be able to hang the
checker.  We parse each pattern with Python's own regex parser and refuse the
shapes behind exponential or high-polynomial backtracking:

- a repeat (``*``, ``+``, ``{m,n}`` with n > 1) whose body holds an unbounded
  repeat: ``(a+)+``, ``(\\w+\\s?)*``, ``(.*a){20}``;
- an unbounded repeat over alternatives that can start with the same
  character: ``(a|aa)*``, ``(a|a)+``;
- backreferences and conditional groups (not regular at all).

The check is conservative: it may refuse a pattern that happens to be safe;
the error says why, and a rule author can always rewrite with terms.
"""

from __future__ import annotations

import re._constants as C
import re._parser as P

_UNBOUNDED = C.MAXREPEAT
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT))


def _has_unbounded(items) -> bool:  # type: ignore[no-untyped-def]
    for op, av in items:
        if op in _REPEATS:
            if av[1] == _UNBOUNDED or _has_unbounded(av[2]):
                return True
        elif op is C.SUBPATTERN:
            if _has_unbounded(av[3]):
                return True
        elif op is C.BRANCH:
            if any(_has_unbounded(b) for b in av[1]):
                return True
        elif op in (C.ASSERT, C.ASSERT_NOT) and _has_unbounded(av[1]):
            return True
    return False


def _first_chars(items) -> set | None:  # type: ignore[no-untyped-def]
    """Literal first characters of a branch, or None when not a plain literal."""
    for op, av in items:
        if op is C.LITERAL:
            return {av}
        if op is C.SUBPATTERN:
            return _first_chars(av[3])
        return None
    return set()


def _overlapping_branches(branches) -> bool:  # type: ignore[no-untyped-def]
    seen: set = set()
    for b in branches:
        first = _first_chars(b)
        if first is None or not first or first & seen:
            return True
        seen |= first
    return False


def _walk(items, in_repeat: bool) -> str | None:  # type: ignore[no-untyped-def]
    for op, av in items:
        if op in (C.GROUPREF, C.GROUPREF_EXISTS):
            return "backreferences and conditional groups are not allowed"
        if op in _REPEATS:
            _lo, hi, body = av
            if (hi == _UNBOUNDED or hi > 1) and _has_unbounded(body):
                return "nested repetition can backtrack catastrophically"
            problem = _walk(body, in_repeat or hi == _UNBOUNDED)
            if problem:
                return problem
        elif op is C.SUBPATTERN:
            problem = _walk(av[3], in_repeat)
            if problem:
                return problem
        elif op is C.BRANCH:
            if in_repeat and _overlapping_branches(av[1]):
                return "repeated alternatives that can match the same text backtrack catastrophically"
            for b in av[1]:
                problem = _walk(b, in_repeat)
                if problem:
                    return problem
        elif op in (C.ASSERT, C.ASSERT_NOT):
            problem = _walk(av[1], in_repeat)
            if problem:
                return problem
    return None


def problem(pattern: str) -> str | None:
    """Why ``pattern`` is refused, or None when it is safe to compile."""
    try:
        parsed = P.parse(pattern)
    except Exception as exc:  # re.error and friends: report, never raise
        return f"invalid regular expression: {exc}"
    # A repeated group whose body is a BRANCH shows up as SUBPATTERN(BRANCH).
    return _walk(list(parsed), False)
