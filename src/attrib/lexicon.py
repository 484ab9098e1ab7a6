"""The rule set turned into the matchers the pipeline asks questions of.

Built once per :class:`attrib.Checker` from the loaded rules plus the house
lists of the configuration (extra unnamed-source nouns, extra cue verbs).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from attrib import recache
from attrib.ruleset import Rule, RuleSet, _compile

if TYPE_CHECKING:
    from attrib.config import Config


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule match inside a piece of text."""

    start: int
    end: int
    rule: Rule

    @property
    def text_span(self) -> tuple[int, int]:
        """(start, end) of the match."""
        return self.start, self.end


def _hits(rules: tuple[Rule, ...], text: str) -> list[Hit]:
    out = [Hit(m.start(), m.end(), r) for r in rules for m in r.finditer(text) if m.end() > m.start()]
    out.sort(key=lambda h: (h.start, -(h.end - h.start)))
    return out


class Lexicon:
    """Matchers for cues, source nouns, anonymity signals, vague phrases and furniture."""

    def __init__(self, rules: RuleSet, extra_cues: tuple[str, ...] = (), extra_unnamed: tuple[str, ...] = ()):
        self.rules = rules
        self.cues = rules.of_kind("cue")
        if extra_cues:
            self.cues += (_house_rule("C900", "house-cues", "cue", extra_cues),)
        self.grants = rules.of_kind("anonymity-grant")
        self.reasons = rules.of_kind("anonymity-reason")
        self.bases = rules.of_kind("basis")
        self.vague = rules.of_kind("vague")
        self.no_comment = rules.of_kind("no-comment")
        self.not_attribution = rules.of_kind("not-attribution")
        self.furniture_rules = rules.of_kind("furniture")
        self.closing_rules = [r for r in self.furniture_rules if r.scope == "closing"]
        nouns = {r.name: r for r in rules.of_kind("source-noun")}
        self.person_nouns = _word_set(nouns.get("unnamed-officials"))
        self.person_nouns |= {t.lower() for t in extra_unnamed}
        self.vague_collectives = _word_set(nouns.get("vague-collectives"))
        self.unlocatable = _word_set(nouns.get("unlocatable-documents"))
        self.institutions = _word_set(nouns.get("institution-nouns"))
        self.documents = _word_set(nouns.get("document-nouns"))

    @classmethod
    def from_rules(cls, rules: RuleSet, config: Config | None = None) -> Lexicon:
        """The lexicon of a rule set plus the configuration's house lists."""
        if config is None:
            return cls(rules)
        return cls(rules, tuple(config.cues), tuple(config.unnamed_sources))

    def find_cues(self, text: str) -> list[Hit]:
        """Cue matches, longest first at each position, no overlaps."""
        return _no_overlap(_hits(self.cues, text))

    def find(self, kind: str, text: str) -> list[Hit]:
        """Matches of the rules of one kind ("vague", "no-comment", ...)."""
        group = {
            "anonymity-grant": self.grants,
            "anonymity-reason": self.reasons,
            "basis": self.bases,
            "vague": self.vague,
            "no-comment": self.no_comment,
            "not-attribution": self.not_attribution,
        }[kind]
        return _no_overlap(_hits(group, text))

    def furniture(self, line: str) -> str | None:
        """The skip reason when a whole line is page furniture, else None.

        The furniture rules of rules/*.toml decide first; the segmenter's built-in patterns
        (dates on their own line, transcription markers, wire trailers) are the fallback."""
        stripped = line.strip()
        if not stripped or len(stripped) > 400:
            return None
        for rule in self.furniture_rules:
            for rx in rule.regexes:
                m = rx.search(stripped)
                if m and m.start() == 0 and m.end() == len(stripped):
                    return rule.reason or "other-furniture"
        from attrib.segment import default_furniture

        return default_furniture(line)

    def closing_furniture(self, sentence: str) -> str | None:
        """The skip reason when a sentence that closes the article is a sign-off ("This is VOA news."), else None."""
        stripped = sentence.strip()
        for rule in self.closing_rules:
            for rx in rule.regexes:
                m = rx.search(stripped)
                if m and m.start() == 0 and m.end() == len(stripped):
                    return rule.reason or "other-furniture"
        return None


def _house_rule(rule_id: str, name: str, kind: str, terms: tuple[str, ...]) -> Rule:
    return Rule(
        id=rule_id,
        name=name,
        kind=kind,
        message="house list from the configuration",
        rationale="configured by the newsroom",
        standard="house style",
        terms=terms,
        regexes=_compile(terms, ()),
    )


def _word_set(rule: Rule | None) -> set[str]:
    return {t.lower() for t in rule.terms} if rule else set()


def _no_overlap(hits: list[Hit]) -> list[Hit]:
    out: list[Hit] = []
    end = -1
    for h in hits:
        if h.start >= end:
            out.append(h)
            end = h.end
    return out


WORD = recache.compile(r"[A-Za-z][\w'’.-]*|\d[\d,.]*%?|\S")
