"""Typed results of an analysis: the public data model and the JSON report.

Every span carries character offsets into ``ArticleReport.text`` such that
``report.text[span.start:span.end] == span.text``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

Label = Literal["attributed", "paraphrased", "anonymous", "unattributed"]
LABELS: tuple[str, ...] = ("attributed", "paraphrased", "anonymous", "unattributed")
SourceKind = Literal["person", "organization", "document", "role", "unnamed", "pronoun"]
Mode = Literal["direct", "partial", "indirect"]
Severity = Literal["info", "warning", "error"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", from_attributes=True)


class Span(_Model):
    """A piece of the report text: ``text == report.text[start:end]``."""

    start: int
    end: int
    text: str


class Anonymity(_Model):
    """Newsroom anonymity signals for one unidentifiable source, judged over the article."""

    grant: bool = False
    reason: Literal["given", "weak", "none"] = "none"
    basis: bool = False


class Attribution(_Model):
    """One attribution relation: a cue crediting content to a source."""

    source: Span | None = None
    cue: Span | None = None
    content: list[Span] = Field(default_factory=list)
    kind: SourceKind
    mode: Mode
    vague: bool = False
    resolved_to: str | None = None
    anonymity: Anonymity | None = None
    rules: list[str] = Field(default_factory=list)


class Sentence(_Model):
    """A sentence of the article body with its label."""

    start: int
    end: int
    text: str
    label: Label
    confidence: float
    paragraph: int
    attributions: list[Attribution] = Field(default_factory=list)
    rules: list[str] = Field(default_factory=list)
    no_comment: bool = False
    in_quote: bool = False


class Skipped(_Model):
    """A span that is not a sentence of the article (furniture, dateline)."""

    start: int
    end: int
    text: str
    reason: str


class Score(_Model):
    """Sourcing transparency, 0-100, with the components that explain it."""

    value: float
    components: dict[str, float]
    reasons: list[str] = Field(default_factory=list)


class Source(_Model):
    """A distinct source of the article."""

    name: str
    kind: SourceKind
    count: int
    first_start: int
    anonymous: bool


class Finding(_Model):
    """A policy finding of `attrib check` (also reported by `attrib report`)."""

    rule: str
    name: str
    severity: Severity
    start: int
    end: int
    message: str


class ArticleReport(_Model):
    """The analysis of one article; ``model_dump_json()`` is the JSON report."""

    schema_version: str = SCHEMA_VERSION
    format: Literal["text", "markdown", "html"] = "text"
    text: str
    sentences: list[Sentence]
    skipped: list[Skipped]
    score: Score
    sources: list[Source]
    findings: list[Finding] = Field(default_factory=list)
    label_counts: dict[str, int] = Field(default_factory=dict)
