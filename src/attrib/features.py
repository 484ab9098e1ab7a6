"""Features of a sentence for the classifier: rule-engine outputs plus text n-grams.

Shared by training (``attrib.train``) and inference (``attrib.model``), so the
two can never drift apart.
"""

from __future__ import annotations

from itertools import pairwise

from attrib import recache
from attrib.attribution import SentenceInfo

_TOKEN = recache.compile(r"[a-z][a-z'’-]*|\d+|[%$€£\"“”‘’?:]")
_NUMBER = recache.compile(r"\d")
_FIGURE = recache.compile(r"\d[\d,.]*\s?(?:%|percent|per cent|million|billion|trillion)|[$€£]\s?\d")


def rule_label(info: SentenceInfo) -> str:
    """The guideline's decision order applied to the attributions found by the rules."""
    atts = info.attributions
    if not atts:
        return "unattributed"
    if any(not f.cls.identifiable for f in atts):
        return "anonymous"
    if any(quoted(info, f) for f in atts):
        return "attributed"
    return "paraphrased"


def quoted(info: SentenceInfo, f) -> bool:  # type: ignore[no-untyped-def]
    """Does attribution ``f`` carry quoted words of its source?"""
    if f.quoted or info.inside_quote:
        return True
    if not info.quotes:
        return False
    if info.quote_words >= 3 or info.max_quote_words >= 2:
        return True
    if f.cue is None:
        return False
    # A short fragment right after the cue ("called it 'reckless'"), or a quote the cue
    # closes (`"We failed," said Smith`), is the source's words.
    lo = min(f.cue[0], f.source[0]) if f.source else f.cue[0]
    return any(
        0 <= q.start - f.cue[1] <= 60 or 0 <= lo - q.end <= 4 or f.cue[0] <= q.start < f.cue[1]  # 'branded "x" by'
        for q in info.quotes
    )


def extract(info: SentenceInfo, text: str, n_sentences: int) -> dict[str, float]:
    """Sparse feature dict of one sentence."""
    sent = text[info.start : info.end]
    low = sent.lower()
    feats: dict[str, float] = {"bias": 1.0, "rule=" + rule_label(info): 1.0}
    for f in info.attributions:
        feats["kind=" + f.cls.kind + ("" if f.cls.identifiable else ":anon")] = 1.0
        feats["mode_carried"] = feats.get("mode_carried", 0.0) + (1.0 if f.carried_from is not None else 0.0)
        if f.vague:
            feats["vague"] = 1.0
        for r in f.rules:
            feats["rule:" + r] = 1.0
    qw = info.quote_words
    feats["quote_words=" + ("0" if qw == 0 else "1-2" if qw < 3 else "3-9" if qw < 10 else "10+")] = 1.0
    if info.inside_quote:
        feats["inside_quote"] = 1.0
    if info.no_comment:
        feats["no_comment"] = 1.0
    for r in info.not_attribution:
        feats["not_attr:" + r] = 1.0
    if info.grants:
        feats["grant"] = 1.0
    if info.bases:
        feats["basis"] = 1.0
    if sent.rstrip().endswith("?"):
        feats["question"] = 1.0
    if _FIGURE.search(sent):
        feats["figure"] = 1.0
    elif _NUMBER.search(sent):
        feats["number"] = 1.0
    words = len(sent.split())
    feats["len=" + ("short" if words < 8 else "mid" if words < 25 else "long")] = 1.0
    if info.paragraph == 0:
        feats["first_paragraph"] = 1.0
    if sent.rstrip()[-1:] not in ".!?\"”’'" and words < 20:
        feats["headline_like"] = 1.0
    toks = _TOKEN.findall(low)
    for t in toks:
        feats["w:" + t] = 1.0
    for a, b in pairwise(toks):
        feats["b:" + a + "_" + b] = 1.0
    return feats
