"""Output emitters, one module per format.

``check`` emitters (text, json, github, sarif) take the list of
:class:`attrib.gate.FileCheck` of one run and return the whole output as a
string; ``report`` emitters (text, json, markdown, html) do the same for
``attrib report``.  Emitters never print and never import pydantic.
"""

from __future__ import annotations

import os
from typing import ClassVar

TOOL_NAME = "attrib"
INFORMATION_URI = "https://github.com/attrib-news/attrib"
CHECK_FORMATS = ("text", "json", "github", "sarif")
REPORT_FORMATS = ("text", "json", "markdown", "html")


def tool_version() -> str:
    """The installed version of attrib (from the package metadata, else pyproject.toml)."""
    try:
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("attrib")
        except PackageNotFoundError:
            pass
    except ImportError:  # pragma: no cover
        pass
    import re
    from pathlib import Path

    pyproject = Path(__file__).resolve().parents[3] / "pyproject.toml"
    try:
        m = re.search(r'^version\s*=\s*"([^"]+)"', pyproject.read_text(encoding="utf-8"), re.MULTILINE)
    except OSError:
        m = None
    return m.group(1) if m else "0+unknown"


def use_color(stream, mode: str = "auto") -> bool:  # type: ignore[no-untyped-def]
    """Colour when asked ("always"), or in "auto" mode on a tty with NO_COLOR unset or empty."""
    if mode == "always":
        return True
    if mode == "never" or os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Style:
    """ANSI styling that turns into plain text when colour is off."""

    CODES: ClassVar[dict[str, str]] = {
        "bold": "1",
        "dim": "2",
        "red": "31",
        "green": "32",
        "yellow": "33",
        "blue": "34",
        "magenta": "35",
        "cyan": "36",
    }

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, text: str, *styles: str) -> str:
        """``text`` wrapped in the ANSI codes of ``styles`` (or unchanged)."""
        if not self.enabled or not styles:
            return text
        codes = ";".join(self.CODES[s] for s in styles)
        return f"\x1b[{codes}m{text}\x1b[0m"


def render_report(fmt: str, checks: list, color: bool = False) -> str:  # type: ignore[type-arg]
    """The ``attrib report`` output of ``checks`` in ``fmt`` (text, json, markdown, html)."""
    if fmt == "json":
        from attrib.formats import json as emitter

        return emitter.report(checks)
    if fmt == "markdown":
        from attrib.formats import markdown

        return markdown.report(checks)
    if fmt == "html":
        from attrib.formats import html

        return html.report(checks)
    from attrib.formats import text

    return text.report(checks, color=color)


def render_check(fmt: str, checks: list, rules=None, color: bool = False) -> str:  # type: ignore[no-untyped-def,type-arg]
    """The ``attrib check`` output of ``checks`` in ``fmt`` (text, json, github, sarif).

    ``rules`` (a RuleSet) is needed for SARIF's rules table.
    """
    if fmt == "json":
        from attrib.formats import json as emitter

        return emitter.check(checks)
    if fmt == "github":
        from attrib.formats import github

        return github.check(checks)
    if fmt == "sarif":
        from attrib.formats import sarif

        return sarif.check(checks, rules)
    from attrib.formats import text

    return text.check(checks, color=color)
