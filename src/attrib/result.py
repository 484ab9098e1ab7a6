"""The analysis result as plain frozen dataclasses (the core's data flow).

The core pipeline and the CLI work on these: they import in microseconds,
whereas pydantic costs about 0.2 s of start-up.  ``attrib.models`` holds the
pydantic twins that the public API returns; ``tests/test_models.py`` keeps the
two in step and ``to_dict`` gives the same JSON shape as ``model_dump``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1.0"
LABELS: tuple[str, ...] = ("attributed", "paraphrased", "anonymous", "unattributed")


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the report text: ``text == report.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Anonymity:
    """Newsroom anonymity signals for one unidentifiable source, judged over the article."""

    grant: bool = False
    reason: str = "none"
    basis: bool = False


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution relation: a cue crediting content to a source."""

    kind: str
    mode: str
    source: Span | None = None
    cue: Span | None = None
    content: tuple[Span, ...] = ()
    vague: bool = False
    resolved_to: str | None = None
    anonymity: Anonymity | None = None
    rules: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the article body with its label."""

    start: int
    end: int
    text: str
    label: str
    confidence: float
    paragraph: int
    attributions: tuple[Attribution, ...] = ()
    rules: tuple[str, ...] = ()
    no_comment: bool = False
    in_quote: bool = False


@dataclass(frozen=True, slots=True)
class Skipped:
    """A span that is not a sentence of the article (furniture, dateline)."""

    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Score:
    """Sourcing transparency, 0-100, with the components that explain it."""

    value: float
    components: dict[str, float]
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Source:
    """A distinct source of the article."""

    name: str
    kind: str
    count: int
    first_start: int
    anonymous: bool


@dataclass(frozen=True, slots=True)
class Finding:
    """A policy finding of `attrib check` (also reported by `attrib report`)."""

    rule: str
    name: str
    severity: str
    start: int
    end: int
    message: str


@dataclass(frozen=True, slots=True)
class Result:
    """The analysis of one article."""

    text: str
    sentences: tuple[Sentence, ...]
    skipped: tuple[Skipped, ...]
    score: Score
    sources: tuple[Source, ...]
    findings: tuple[Finding, ...] = ()
    label_counts: dict[str, int] = field(default_factory=dict)
    format: str = "text"
    schema_version: str = SCHEMA_VERSION


def to_dict(obj: Any) -> Any:
    """Plain JSON-ready data with the same shape as the pydantic ``model_dump``."""
    if dataclasses.is_dataclass(obj):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj
