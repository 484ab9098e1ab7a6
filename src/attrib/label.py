"""Labels: the guideline's decision order over the rules' findings, then the classifier's vote.

The rules decide clear cases (a named source with a quote, an anonymity
grant, a no-comment line); the classifier, trained on ``corpus/`` with the
rule outputs among its features, decides where the rules are unsure.  Every
sentence reports a confidence and the IDs of the rules that fired.
"""

from __future__ import annotations

from attrib import features
from attrib.attribution import ArticleFindings, Found, SentenceInfo, carry
from attrib.coref import settle_carried
from attrib.model import Model, ModelError, load
from attrib.result import Anonymity, Attribution, Sentence, Skipped, Span

# How sure the rules are of their own decision, by what they found.
_RULE_CONFIDENCE = {"clear": 0.95, "carried": 0.85, "vague": 0.8, "cognition": 0.7, "none": 0.75}


OVERRULE_MARGIN = 0.4


def load_model() -> Model | None:
    """The shipped classifier, or None when no model file is installed."""
    try:
        return load()
    except ModelError as exc:
        if "not found" in str(exc):
            return None
        raise


def _rule_confidence(info: SentenceInfo, rule_label: str) -> float:
    atts = info.attributions
    if not atts:
        return _RULE_CONFIDENCE["none"]
    if any(f.vague for f in atts):
        return _RULE_CONFIDENCE["vague"]
    if any(f.carried_from is not None for f in atts):
        return _RULE_CONFIDENCE["carried"]
    if all("C004" in f.rules for f in atts):
        return _RULE_CONFIDENCE["cognition"]
    return _RULE_CONFIDENCE["clear"]


def decide(
    info: SentenceInfo, text: str, n: int, model: Model | None, speaker: Found | None = None
) -> tuple[str, float, str]:
    """(label, confidence, by) for one sentence; ``by`` is "rules" or "model".

    The classifier overrules the rules only when it prefers another label by more than
    ``OVERRULE_MARGIN`` in probability (chosen on the dev split and the real GUM articles), and
    never credits a source the rules did not find: a sourced label with no attribution behind it
    could not be explained in the report (a quotation with no speaker stays unattributed). The one
    exception is ``speaker``: the rules' candidate for a quotation that may continue the sentence
    before it; the classifier decides whether it does (the report then names that speaker)."""
    rule = features.rule_label(info)
    conf = _rule_confidence(info, rule)
    if model is None:
        return rule, conf, "rules"
    probs = model.proba(features.extract(info, text, n))
    top = max(range(len(probs)), key=probs.__getitem__)
    p_rule = probs[model.labels.index(rule)] if rule in model.labels else 0.0
    sourceless = rule == "unattributed" and not any(not f.vague or f.cue for f in info.attributions)
    allowed = not sourceless or (speaker is not None and model.labels[top] == "attributed")
    if model.labels[top] != rule and probs[top] - p_rule > OVERRULE_MARGIN and allowed:
        return model.labels[top], probs[top], "model"
    return rule, max(conf, p_rule) if p_rule >= 0.5 else conf, "rules"


def _span(text: str, se: tuple[int, int] | None) -> Span | None:
    if se is None:
        return None
    return Span(se[0], se[1], text[se[0] : se[1]])


def _mode(info: SentenceInfo, f: Found) -> str:
    if f.carried_from is not None or info.inside_quote:
        return "direct"
    if features.quoted(info, f):
        sentence_chars = max(1, info.end - info.start)
        return "direct" if info.quote_chars / sentence_chars >= 0.5 else "partial"
    return "indirect"


def _content(text: str, info: SentenceInfo, f: Found, mode: str) -> tuple[Span, ...]:
    if mode != "indirect":
        spans = []
        for q in info.quotes:
            a, b = max(q.inner[0], info.start), min(q.inner[1], info.end)
            if b > a:
                spans.append(Span(a, b, text[a:b]))
        return tuple(spans)
    if f.cue is None:
        return ()
    a = f.cue[1]
    while a < info.end and (text[a].isspace() or text[a] == ","):
        a += 1
    if text[a : a + 5].lower() == "that ":
        a += 5
    b = info.end
    while b > a and text[b - 1] in ".!? ":
        b -= 1
    if b - a < 3 and f.source is not None:
        a, b = info.start, min(f.source[0], f.cue[0])
        while b > a and text[b - 1] in ", ":
            b -= 1
    return (Span(a, b, text[a:b]),) if b > a else ()


def _attribution(text: str, info: SentenceInfo, f: Found, findings: ArticleFindings) -> Attribution:
    mode = _mode(info, f)
    anonymity = None
    if not f.cls.identifiable:
        ent = findings.entities[f.entity] if 0 <= f.entity < len(findings.entities) else None
        anonymity = Anonymity(grant=ent.grant, reason=ent.reason, basis=ent.basis) if ent else Anonymity()
    kind = (
        f.cls.kind if f.cls.kind in {"person", "organization", "document", "role", "unnamed", "pronoun"} else "unnamed"
    )
    if not f.cls.identifiable and kind != "pronoun":
        kind = "unnamed"
    return Attribution(
        kind=kind,
        mode=mode,
        source=_span(text, f.source),
        cue=_span(text, f.cue),
        content=_content(text, info, f, mode),
        vague=f.vague,
        resolved_to=f.resolved_to,
        anonymity=anonymity,
        rules=tuple(f.rules),
    )


def _continued_speaker(infos: list[SentenceInfo], k: int) -> Found | None:
    """The speaker a quote-only sentence may continue: the identifiable speaker of the sentence just before."""
    info = infos[k]
    if k == 0 or info.attributions or info.quote_words < 3 or info.no_comment:
        return None
    prev = infos[k - 1]
    if prev.paragraph not in (info.paragraph, info.paragraph - 1):
        return None
    return next((f for f in prev.attributions if not f.vague and f.cls.identifiable), None)


def _carried(info: SentenceInfo, speaker: Found) -> Found:
    """The classifier's continuation: the speaker carried as the quoting attributions are (rule M001)."""
    found = carry(info, speaker, "direct", "M001")
    settle_carried(found)
    return found


def label_sentences(text: str, segs: list, findings: ArticleFindings, model: Model | None) -> list[Sentence]:
    """One labelled :class:`Sentence` per sentence segment."""
    out = []
    n = len(findings.sentences)
    for k, info in enumerate(findings.sentences):
        speaker = _continued_speaker(findings.sentences, k) if model is not None else None
        label, conf, by = decide(info, text, n, model, speaker)
        if by == "model" and speaker is not None and not info.attributions:
            info.attributions.append(_carried(info, speaker))  # the classifier's continuation, named
        atts = tuple(_attribution(text, info, f, findings) for f in info.attributions)
        rules = [r for f in info.attributions for r in f.rules]
        if info.no_comment:
            rules.append("N001")
        rules.extend(info.not_attribution)
        if by == "model":
            rules.append("M001")
        out.append(
            Sentence(
                start=info.start,
                end=info.end,
                text=text[info.start : info.end],
                label=label,
                confidence=round(conf, 3),
                paragraph=info.paragraph,
                attributions=atts if label != "unattributed" else tuple(a for a in atts if a.vague),
                rules=tuple(dict.fromkeys(rules)),
                no_comment=info.no_comment,
                in_quote=info.inside_quote,
            )
        )
    return out


def skipped_spans(text: str, segs: list) -> list[Skipped]:
    """Skipped segments (furniture, datelines) as result records."""
    return [
        Skipped(s.start, s.end, text[s.start : s.end], s.reason or "other-furniture")
        for s in segs
        if s.kind == "skipped"
    ]
