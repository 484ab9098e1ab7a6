"""`attrib eval --polnear FILE`: source-span precision, recall and F1 on PolNeAR.

PolNeAR (Newell, Margolin, Ruths 2018) annotates attributions in political
news with source, cue and content spans.  It also annotates beliefs and
intentions ("pledged", "mocked"), so, like ``shared/tools/polnear_spans.py``,
the "speech" figure keeps gold attributions whose cue holds a speech or
sourcing word of the given reference lexicons (``--lexicon``, as the shared
scorer does), or of our own cue lexicon when none is given.  Spans
are compared exactly (after trimming spaces and a leading "the") and by any
overlap.  Error classes are counted so the misses can be read, not guessed.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from attrib.lexicon import Lexicon

_THE = re.compile(r"(?i)the\s+")


def _norm(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    m = _THE.match(text, s, e)
    return (m.end(), e) if m else (s, e)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _speech_words(lex: Lexicon, lexicons: list[Path]) -> tuple[set[str], set[str]]:
    """Speech words: the reference lexicons if given (as the shared scorer does), else our cue terms."""
    words = set() if lexicons else {w.lower() for r in lex.cues for t in r.terms for w in t.split()}
    for p in lexicons:
        words |= {w.strip().lower() for w in p.read_text(encoding="utf-8").splitlines() if w.strip()}
    words |= {"according", "told", "said", "says", "say", "statement", "reported", "reports", "wrote"}
    return words, {w[:5] for w in words if len(w) >= 4}


def evaluate(path: Path, lexicons: list[Path]) -> str:
    """The printed table: exact and overlap P/R/F1 for all and for speech attributions, with error classes."""
    from attrib.checker import Checker

    checker = Checker()
    words, stems = _speech_words(checker.lexicon, lexicons)
    seen: set[str] = set()
    tally = {k: Counter() for k in ("all", "speech")}
    errors: Counter = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["article_id"] in seen:
            continue
        seen.add(rec["article_id"])
        text = rec["text"]
        result = checker.run(text)
        pred = {_norm(text, a.source.start, a.source.end) for s in result.sentences for a in s.attributions if a.source}
        gold: dict[str, set[tuple[int, int]]] = {"all": set(), "speech": set()}
        for at in rec["attributions"]:
            if at.get("type") != "Attribution" or not at["source"]:
                continue
            span = _norm(text, min(x["start"] for x in at["source"]), max(x["end"] for x in at["source"]))
            gold["all"].add(span)
            cue = " ".join(x["text"] for x in at["cue"]).lower()
            if any(t in words or t[:5] in stems for t in re.findall(r"[a-z]+", cue)):
                gold["speech"].add(span)
        for k, g in gold.items():
            t = tally[k]
            t["pred"] += len(pred)
            t["gold"] += len(g)
            t["exact"] += len(pred & g)
            t["ovl_p"] += sum(1 for p in pred if any(p[0] < x[1] and x[0] < p[1] for x in g))
            t["ovl_r"] += sum(1 for x in g if any(p[0] < x[1] and x[0] < p[1] for p in pred))
        _classify_errors(text, pred, gold["speech"], errors)
    lines = [f"== {path} (PolNeAR source spans, {len(seen)} articles)"]
    for k, t in tally.items():
        ep, er = t["exact"] / max(1, t["pred"]), t["exact"] / max(1, t["gold"])
        op, orr = t["ovl_p"] / max(1, t["pred"]), t["ovl_r"] / max(1, t["gold"])
        lines.append(
            f"{k:7} gold {t['gold']:5d} pred {t['pred']:5d}  exact P {ep:.3f} R {er:.3f} F1 {_f1(ep, er):.3f}"
            f"  overlap P {op:.3f} R {orr:.3f} F1 {_f1(op, orr):.3f}"
        )
    lines.append("reference: CofeNet (BERT tagger) 0.832 exact source F1 on PolNeAR test, all attributions")
    lines.append("error classes (speech attributions):")
    for name, n in errors.most_common():
        lines.append(f"  {n:5d}  {name}")
    return "\n".join(lines)


def _classify_errors(text: str, pred: set, gold: set, errors: Counter) -> None:
    for g in gold - pred:
        near = [p for p in pred if p[0] < g[1] and g[0] < p[1]]
        g_text = text[g[0] : g[1]]
        if not near:
            kind = "pronoun" if g_text.lower() in {"he", "she", "they", "it", "i", "we"} else "other"
            errors[f"missed source ({kind})"] += 1
        elif any(p[0] <= g[0] and p[1] >= g[1] for p in near):
            errors["span too long (title, appositive or clause kept)"] += 1
        else:
            errors["span too short or shifted"] += 1
    for p in pred - gold:
        if not any(p[0] < g[1] and g[0] < p[1] for g in gold):
            errors["source not in gold (belief, event or not annotated)"] += 1
