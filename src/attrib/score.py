"""The sourcing transparency score, 0-100, and the components that explain it.

Formula (documented in the README, property-tested for monotonicity)::

    score = 100 * credit / weight

Every labelled sentence adds to ``weight`` and ``credit``:

=====================  ======  ==========================================
sentence               weight  credit
=====================  ======  ==========================================
attributed             1       1
paraphrased            1       1
anonymous              1       0.25 base, +0.1 grant, +0.15 reason given
                               (+0.05 if only a rote reason), +0.15 basis;
                               0 for vague/agentless attribution
unattributed claim     1       0   (a figure or statistic with no source)
unattributed other     0.3     0   (background, transitions, framing)
no-comment disclosure  0       0   (never penalised)
=====================  ======  ==========================================

Turning an anonymous or unattributed sentence into a named one never lowers
the score (its credit rises to 1 and its weight to at most 1); adding an
unattributed sentence never raises it (weight grows, credit does not).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from attrib.result import Score, Sentence

BACKGROUND_WEIGHT = 0.3
ANON_BASE, ANON_GRANT, ANON_REASON, ANON_WEAK, ANON_BASIS = 0.25, 0.10, 0.15, 0.05, 0.15


@dataclass(frozen=True, slots=True)
class Item:
    """What the score needs to know of one sentence."""

    label: str
    figure: bool = False
    no_comment: bool = False
    vague: bool = False
    grant: bool = False
    reason: str = "none"
    basis: bool = False


def weight_and_credit(item: Item) -> tuple[float, float]:
    """The sentence's weight in the denominator and credit in the numerator."""
    if item.label in ("attributed", "paraphrased"):
        return 1.0, 1.0
    if item.label == "anonymous":
        if item.vague:
            return 1.0, 0.0
        credit = ANON_BASE + (ANON_GRANT if item.grant else 0.0) + (ANON_BASIS if item.basis else 0.0)
        credit += ANON_REASON if item.reason == "given" else ANON_WEAK if item.reason == "weak" else 0.0
        return 1.0, credit
    if item.no_comment:
        return 0.0, 0.0
    return (1.0 if item.figure else BACKGROUND_WEIGHT), 0.0


def compute(items: Iterable[Item]) -> Score:
    """The score of a list of sentence items, with its components and reasons."""
    items = list(items)
    weight = credit = 0.0
    counts = {"attributed": 0, "paraphrased": 0, "anonymous": 0, "unattributed": 0}
    claims = vague = anon_no_reason = no_comment = 0
    for it in items:
        w, c = weight_and_credit(it)
        weight += w
        credit += c
        counts[it.label] = counts.get(it.label, 0) + 1
        claims += it.label == "unattributed" and it.figure and not it.no_comment
        vague += it.label == "anonymous" and it.vague
        anon_no_reason += it.label == "anonymous" and not it.vague and it.reason == "none"
        no_comment += it.no_comment
    value = round(100.0 * credit / weight, 1) if weight > 0 else 0.0
    n = max(1, len(items))
    components = {
        "sentences": float(len(items)),
        "named_share": round((counts["attributed"] + counts["paraphrased"]) / n, 3),
        "quoted_share": round(counts["attributed"] / n, 3),
        "anonymous_share": round(counts["anonymous"] / n, 3),
        "unattributed_share": round(counts["unattributed"] / n, 3),
        "unsourced_figures": float(claims),
        "vague_attributions": float(vague),
        "anonymous_without_reason": float(anon_no_reason),
        "no_comment_disclosures": float(no_comment),
        "credit": round(credit, 3),
        "weight": round(weight, 3),
    }
    return Score(value=value, components=components, reasons=tuple(_reasons(counts, claims, vague, anon_no_reason, n)))


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _reasons(counts: dict[str, int], claims: int, vague: int, anon_no_reason: int, n: int) -> list[str]:
    named = counts["attributed"] + counts["paraphrased"]
    out = [
        f"{named} of {_n(n, 'sentence', 'sentences')} credit a named source ({counts['attributed']} quoted, "
        f"{counts['paraphrased']} paraphrased)"
    ]
    if counts["anonymous"]:
        out.append(
            f"{_n(counts['anonymous'], 'sentence rests', 'sentences rest')} on anonymous sources"
            + (f", {anon_no_reason} without a reason for anonymity" if anon_no_reason else "")
        )
    if vague:
        out.append(
            f"{_n(vague, 'sentence uses', 'sentences use')} vague or agentless attribution "
            '("critics say", "reportedly")'
        )
    if claims:
        where = "its sentence" if claims == 1 else "their sentences"
        out.append(f"{_n(claims, 'figure or statistic has', 'figures or statistics have')} no source in {where}")
    return out


def item_of(s: Sentence, is_figure: Callable[[str], bool]) -> Item:
    """The score item of a labelled sentence; ``is_figure`` says whether it states a statistic."""
    anon = [a for a in s.attributions if a.anonymity is not None]
    first = anon[0].anonymity if anon else None
    return Item(
        label=s.label,
        figure=is_figure(s.text),
        no_comment=s.no_comment,
        vague=bool(anon) and all(a.vague for a in anon),
        grant=bool(first and first.grant),
        reason=first.reason if first else "none",
        basis=bool(first and first.basis),
    )


def transparency(sentences: Iterable[Sentence], is_figure: Callable[[str], bool]) -> Score:
    """The transparency score of labelled sentences.

    ``is_figure`` is the same test as policy rule AT401 (unsourced figure), so the score and the
    findings agree on what a statistic is."""
    return compute(item_of(s, is_figure) for s in sentences)
