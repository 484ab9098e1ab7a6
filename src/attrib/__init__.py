"""attrib: how well is a news article sourced?

``attrib.analyze(text)`` splits an article into sentences, labels each one
``attributed``, ``paraphrased``, ``anonymous`` or ``unattributed``, and scores
the article's sourcing transparency.  The public models are pydantic v2
(``attrib.ArticleReport``); they are imported lazily so that the command line
starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["ArticleReport", "Attribution", "Checker", "Sentence", "__version__", "analyze"]

if TYPE_CHECKING:
    from attrib.checker import Checker
    from attrib.config import Config
    from attrib.models import ArticleReport, Attribution, Sentence

_default_checker: dict[str, Any] = {}


def analyze(text: str, format: str = "text", config: Config | None = None) -> ArticleReport:
    """Analyse one article given as ``text`` ("text", "markdown" or "html") into an ArticleReport."""
    from attrib.checker import Checker

    if config is None:
        checker = _default_checker.get("checker")
        if checker is None:
            checker = _default_checker["checker"] = Checker()
    else:
        checker = Checker(config)
    return checker.analyze(text, format)


def __getattr__(name: str) -> Any:
    if name in {"ArticleReport", "Attribution", "Sentence"}:
        from attrib import models

        return getattr(models, name)
    if name == "Checker":
        from attrib.checker import Checker

        return Checker
    raise AttributeError(f"module 'attrib' has no attribute {name!r}")
