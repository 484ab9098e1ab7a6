"""The pipeline, top to bottom: text -> sentences -> attributions -> labels -> score.

``Checker`` loads rules and the model once and is reused for many articles;
``run`` returns the plain dataclass :class:`attrib.result.Result` (fast, used
by the CLI) and ``analyze`` the pydantic :class:`attrib.models.ArticleReport`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from attrib import attribution, label, lexicon, score, sources
from attrib.result import Result, Sentence
from attrib.ruleset import RuleSet, load_rules
from attrib.segment import segment

if TYPE_CHECKING:
    from attrib.config import Config
    from attrib.models import ArticleReport


class Checker:
    """Analyses articles with one loaded rule set, model and configuration."""

    def __init__(self, config: Config | None = None, rules: RuleSet | None = None) -> None:
        if config is None:
            from attrib.config import Config

            config = Config()
        self.config = config
        self.rules = rules or load_rules(config.rules_path())
        self.lexicon = lexicon.Lexicon.from_rules(self.rules, config)
        self._model = label.load_model()
        figure_rule = self.rules.get("AT401")
        self._is_figure = (lambda t: figure_rule.search(t) is not None) if figure_rule else (lambda t: False)

    def run(self, text: str, fmt: str = "text") -> Result:
        """Analyse plain article ``text`` (already extracted from Markdown/HTML)."""
        segs = segment(text, self.lexicon.furniture, self.lexicon.closing_furniture)
        sentence_segs = [s for s in segs if s.kind == "sentence"]
        found = attribution.find_all(text, sentence_segs, self.lexicon)
        labelled: list[Sentence] = label.label_sentences(text, sentence_segs, found, self._model)
        skipped = tuple(label.skipped_spans(text, segs))
        srcs = sources.table(labelled)
        sc = score.transparency(labelled, self._is_figure)
        counts = {lab: 0 for lab in ("attributed", "paraphrased", "anonymous", "unattributed")}
        for s in labelled:
            counts[s.label] += 1
        result = Result(
            text=text,
            sentences=tuple(labelled),
            skipped=skipped,
            score=sc,
            sources=tuple(srcs),
            label_counts=counts,
            format=fmt,
        )
        from attrib import policy

        return policy.apply(result, self.config, self.rules)

    def analyze(self, text: str, fmt: str = "text") -> ArticleReport:
        """Analyse ``text`` given in ``fmt`` ("text", "markdown", "html") into a pydantic report."""
        from attrib.models import ArticleReport

        if fmt == "text":
            plain = text
        else:
            from attrib.inputs import load

            plain = load(text, fmt).text
        return ArticleReport.model_validate(self.run(plain, fmt))
