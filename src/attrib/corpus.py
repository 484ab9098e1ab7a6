"""Validate corpus records (corpus/articles.jsonl): offsets, labels, spans inside their sentence."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

from attrib.result import LABELS

KINDS = {"person", "organization", "document", "role", "unnamed", "pronoun"}
MODES = {"direct", "partial", "indirect"}
SPLITS = {"train", "dev", "test"}


def _span_problems(text: str, span: dict, lo: int, hi: int, where: str) -> list[str]:
    out = []
    s, e = span.get("start"), span.get("end")
    if not isinstance(s, int) or not isinstance(e, int) or not 0 <= s < e <= len(text):
        return [f"{where}: bad offsets {s}..{e}"]
    if text[s:e] != span.get("text"):
        out.append(f"{where}: text {span.get('text')!r} is not text[{s}:{e}] = {text[s:e]!r}")
    if s < lo or e > hi:
        out.append(f"{where}: span {s}..{e} is outside its sentence {lo}..{hi}")
    return out


def validate_record(rec: dict) -> list[str]:
    """Every problem of one article record (empty when valid)."""
    rid = rec.get("id", "?")
    text = rec.get("text")
    if not isinstance(text, str):
        return [f"{rid}: no text"]
    problems = []
    if rec.get("split") not in SPLITS:
        problems.append(f"{rid}: split {rec.get('split')!r} is not one of {sorted(SPLITS)}")
    spans = []
    for i, s in enumerate(rec.get("sentences", [])):
        where = f"{rid} sentence {i + 1}"
        lo, hi = s.get("start"), s.get("end")
        if not isinstance(lo, int) or not isinstance(hi, int) or not 0 <= lo < hi <= len(text):
            problems.append(f"{where}: bad offsets {lo}..{hi}")
            continue
        spans.append((lo, hi))
        if text[lo:hi] != text[lo:hi].strip():
            problems.append(f"{where}: sentence has outer white space")
        if s.get("label") not in LABELS:
            problems.append(f"{where}: label {s.get('label')!r} is not one of {LABELS}")
        atts = s.get("attributions", [])
        if s.get("label") == "unattributed" and atts:
            problems.append(f"{where}: an unattributed sentence has attributions")
        if s.get("label") in ("attributed", "paraphrased", "anonymous") and not atts:
            problems.append(f"{where}: a {s.get('label')} sentence has no attribution")
        for j, a in enumerate(atts):
            aw = f"{where} attribution {j + 1}"
            if a.get("kind") not in KINDS:
                problems.append(f"{aw}: kind {a.get('kind')!r}")
            if a.get("mode") not in MODES:
                problems.append(f"{aw}: mode {a.get('mode')!r}")
            for key in ("source", "cue"):
                if a.get(key):
                    problems += _span_problems(text, a[key], lo, hi, f"{aw} {key}")
            for c in a.get("content", []):
                problems += _span_problems(text, c, lo, hi, f"{aw} content")
    for s in rec.get("skipped", []):
        lo, hi = s.get("start"), s.get("end")
        if not isinstance(lo, int) or not isinstance(hi, int) or not 0 <= lo < hi <= len(text):
            problems.append(f"{rid} skipped span: bad offsets {lo}..{hi}")
            continue
        spans.append((lo, hi))
        if not s.get("reason"):
            problems.append(f"{rid} skipped span {lo}..{hi}: no reason")
    spans.sort()
    for (a1, b1), (a2, _b2) in pairwise(spans):
        if a2 < b1:
            problems.append(f"{rid}: spans {a1}..{b1} and {a2}.. overlap")
    covered = bytearray(len(text))
    for a, b in spans:
        covered[a:b] = b"\x01" * (b - a)
    lost = [i for i, ch in enumerate(text) if not ch.isspace() and not covered[i]]
    if lost:
        problems.append(f"{rid}: text at {lost[0]} is in no sentence or skipped span")
    return problems


def validate_file(path: Path) -> list[str]:
    """Problems of every record of a corpus file, plus duplicate ids."""
    problems = []
    seen: set[str] = set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{path}:{n}: not JSON ({exc})")
            continue
        if rec.get("id") in seen:
            problems.append(f"{path}:{n}: duplicate id {rec.get('id')}")
        seen.add(rec.get("id"))
        problems += validate_record(rec)
    return problems
