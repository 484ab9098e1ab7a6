"""House policy: ``[tool.attrib]`` in pyproject.toml or a ``.attrib.toml``.

Discovery walks up from each checked file; in each directory ``.attrib.toml``
is tried before ``pyproject.toml``, and a ``pyproject.toml`` without a
``[tool.attrib]`` table is ignored.  The closest file wins (no merging), and
command-line flags win over the file.  Keys may be written with dashes or
underscores (``min-score`` or ``min_score``); an unknown key is an error that
names the key and the file.

Example ``.attrib.toml``::

    select = ["AT1", "AT2", "AT3", "AT4"]    # codes or prefixes; empty = all
    ignore = ["AT205"]
    min-score = 60
    fail-on = "warning"                      # info | warning | error
    max-anonymous-share = 0.3
    unnamed-sources = ["palace insiders"]     # house list of unnamed-source nouns
    cues = ["briefed"]                        # house list of extra cue verbs
    exclude = ["archive/**"]                  # skipped when recursing directories

    [severity]
    AT203 = "error"

    [per-path-ignores]
    "wire/*.md" = ["AT203"]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from attrib import recache

SEVERITIES = ("info", "warning", "error")
CONFIG_NAMES = (".attrib.toml", "pyproject.toml")
_CODE = recache.compile(r"^AT\d{0,3}$")


class ConfigError(ValueError):
    """A configuration file or flag is invalid; ``str(exc)`` is one line."""


@dataclass(frozen=True)
class Config:
    """Policy settings for ``attrib check`` and the house lists for the lexicon."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_path_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    min_score: float | None = None
    fail_on: str = "warning"
    max_anonymous_share: float = 0.3
    severity: dict[str, str] = field(default_factory=dict)
    unnamed_sources: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    rules_dir: str | None = None
    exclude: tuple[str, ...] = ()
    path: str | None = field(default=None, compare=False)

    def __hash__(self) -> int:
        return hash(
            (
                self.select,
                self.ignore,
                tuple(sorted(self.per_path_ignores.items())),
                self.min_score,
                self.fail_on,
                self.max_anonymous_share,
                tuple(sorted(self.severity.items())),
                self.unnamed_sources,
                self.cues,
                self.rules_dir,
                self.exclude,
            )
        )

    def rules_path(self) -> Path | None:
        """The rules directory chosen by the house, or None for the shipped rules."""
        return Path(self.rules_dir) if self.rules_dir else None

    def enabled(self, code: str) -> bool:
        """Is the rule ``code`` selected (select empty = all) and not ignored?"""
        if self.select and not any(code.startswith(s) for s in self.select):
            return False
        return not any(code.startswith(s) for s in self.ignore)

    def severity_of(self, code: str, default: str) -> str:
        """The severity of ``code`` after the house overrides."""
        return self.severity.get(code, default)

    def ignored_for(self, path: str | Path) -> tuple[str, ...]:
        """Codes (or prefixes) that per-path-ignores turn off for ``path``."""
        from fnmatch import fnmatch

        if not self.per_path_ignores:
            return ()
        p = Path(path)
        base = Path(self.path).parent if self.path else Path.cwd()
        try:
            rel = p.resolve().relative_to(base.resolve()).as_posix()
        except (ValueError, OSError):
            rel = p.as_posix()
        out: list[str] = []
        for pattern, codes in self.per_path_ignores.items():
            if fnmatch(rel, pattern) or fnmatch(p.name, pattern) or fnmatch(p.as_posix(), pattern):
                out.extend(codes)
        return tuple(out)


def _fail(where: str, msg: str) -> ConfigError:
    return ConfigError(f"{where}: {msg}")


def _codes(where: str, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(where, f'{key} must be an array of rule codes such as "AT201"')
    for v in value:
        if not _CODE.match(v):
            raise _fail(where, f"{key}: {v!r} is not a rule code or prefix (AT201, AT2, AT)")
    return tuple(value)


def _strings(where: str, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(where, f"{key} must be an array of non-empty strings")
    return tuple(value)


def _number(where: str, key: str, value: Any, lo: float, hi: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not lo <= value <= hi:
        raise _fail(where, f"{key} must be a number from {lo:g} to {hi:g}")
    return float(value)


def _severity(where: str, key: str, value: Any) -> str:
    if value not in SEVERITIES:
        raise _fail(where, f"{key} must be one of {', '.join(SEVERITIES)}, not {value!r}")
    return value


def _severity_table(where: str, value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise _fail(where, "severity must be a table of rule code = severity")
    out = {}
    for code, sev in value.items():
        if not re.match(r"^AT\d{3}$", code):
            raise _fail(where, f"severity: {code!r} is not a rule code such as AT201")
        out[code] = _severity(where, f"severity.{code}", sev)
    return out


def _per_path(where: str, value: Any) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise _fail(where, "per-path-ignores must be a table of glob = [codes]")
    return {glob: _codes(where, f"per-path-ignores.{glob!r}", codes) for glob, codes in value.items()}


def from_mapping(data: dict[str, Any], where: str = "configuration", base: Path | None = None) -> Config:
    """Validate a ``[tool.attrib]`` table into a Config; ``where`` names it in errors."""
    values: dict[str, Any] = {}
    for raw_key, value in data.items():
        key = raw_key.replace("-", "_")
        if key in ("select", "ignore"):
            values[key] = _codes(where, raw_key, value)
        elif key == "per_path_ignores":
            values[key] = _per_path(where, value)
        elif key == "min_score":
            values[key] = _number(where, raw_key, value, 0, 100)
        elif key == "fail_on":
            values[key] = _severity(where, raw_key, value)
        elif key == "max_anonymous_share":
            values[key] = _number(where, raw_key, value, 0, 1)
        elif key == "severity":
            values[key] = _severity_table(where, value)
        elif key in ("unnamed_sources", "cues", "exclude"):
            values[key] = _strings(where, raw_key, value)
        elif key == "rules_dir":
            if not isinstance(value, str) or not value.strip():
                raise _fail(where, "rules-dir must be a path")
            path = Path(value).expanduser()
            if base is not None and not path.is_absolute():
                path = base / path
            values[key] = str(path)
        else:
            known = ", ".join(f.name.replace("_", "-") for f in fields(Config) if f.name != "path")
            raise _fail(where, f"unknown key {raw_key!r} (known keys: {known})")
    return Config(**values)


def load_file(path: Path) -> Config | None:
    """Load one config file; None for a pyproject.toml without ``[tool.attrib]``."""
    import tomllib

    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not valid UTF-8") from None
    try:
        doc = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        table = doc.get("tool", {}).get("attrib") if isinstance(doc.get("tool"), dict) else None
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.attrib] must be a table")
        where = f"{path} [tool.attrib]"
    else:
        table, where = doc, str(path)
    config = from_mapping(table, where, base=path.parent)
    return replace(config, path=str(path))


_cache: dict[Path, Config | None] = {}


def discover(start: Path) -> Config | None:
    """The config closest to ``start`` (a file or directory), walking up; None if none."""
    start = start.absolute()
    directory = start if start.is_dir() else start.parent
    visited: list[Path] = []
    found: Config | None = None
    for d in (directory, *directory.parents):
        if d in _cache:
            found = _cache[d]
            break
        visited.append(d)
        for name in CONFIG_NAMES:
            candidate = d / name
            if candidate.is_file():
                found = load_file(candidate)
                if found is not None:
                    break
        if found is not None:
            break
    for d in visited:
        _cache[d] = found
    return found


def clear_cache() -> None:
    """Forget discovered configs (for tests and long-running callers)."""
    _cache.clear()


def resolve(start: Path, explicit: str | None = None, isolated: bool = False, **overrides: Any) -> Config:
    """The effective Config for a file: explicit file or discovery, then flag overrides."""
    if isolated:
        config = Config()
    elif explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"{explicit}: config file not found")
        config = load_file(path) or Config()
    else:
        config = discover(start) or Config()
    changes = {k: v for k, v in overrides.items() if v is not None}
    return replace(config, **changes) if changes else config
