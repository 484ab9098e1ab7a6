"""Build corpus/articles.jsonl from the authoring files in corpus/src/*.json.

Authoring format (one JSON file holds a list of articles)::

    [{"id": "wire-001", "style": "wire", "title": "...",
      "paragraphs": [
        [{"skip": "dateline", "text": "WASHINGTON (AP) --"},
         {"text": "Officials said the talks failed.", "label": "anonymous",
          "attributions": [{"source": "Officials", "cue": "said",
                            "kind": "unnamed", "mode": "indirect",
                            "content": "the talks failed"}]}],
        [{"skip": "related-link", "text": "Also Read | Talks collapse"}]
      ]}]

Sentences of a paragraph are joined with one space, paragraphs with a blank
line.  ``source``, ``cue`` and ``content`` are substrings of the sentence
text; the first occurrence is used unless ``source_nth`` / ``cue_nth`` /
``content_nth`` (1-based) says otherwise.  The output record carries exact
character offsets into the article text (see corpus/GUIDELINES.md).

Usage: python corpus/tools/build.py            (from the repository root)
       python corpus/tools/build.py --check F...  (validate files, write nothing)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABELS = {"attributed", "paraphrased", "anonymous", "unattributed"}
# Within each style, articles in id order are dealt out to splits in this cycle.
SPLIT_CYCLE = ["train", "test", "train", "dev", "train"]


def _find(sentence: str, needle: str, nth: int, where: str) -> tuple[int, int]:
    pos = -1
    for _ in range(max(1, nth)):
        pos = sentence.find(needle, pos + 1)
        if pos < 0:
            raise ValueError(f"{where}: {needle!r} is not in sentence {sentence!r}")
    return pos, pos + len(needle)


def _span(text: str, base: int, sentence: str, needle: str, nth: int, where: str) -> dict:
    s, e = _find(sentence, needle, nth, where)
    return {"start": base + s, "end": base + e, "text": text[base + s : base + e]}


def build_article(art: dict) -> dict:
    """Turn one authored article into a record with exact offsets."""
    text_parts: list[str] = []
    sentences: list[dict] = []
    skipped: list[dict] = []
    pos = 0
    for p_i, para in enumerate(art["paragraphs"]):
        if p_i:
            text_parts.append("\n\n")
            pos += 2
        for s_i, item in enumerate(para):
            if s_i:
                text_parts.append(" ")
                pos += 1
            sent = item["text"]
            if sent != sent.strip() or not sent:
                raise ValueError(f"{art['id']}: sentence has outer whitespace or is empty: {sent!r}")
            text_parts.append(sent)
            start, end = pos, pos + len(sent)
            pos = end
            full = "".join(text_parts)
            where = f"{art['id']} paragraph {p_i + 1} sentence {s_i + 1}"
            if "skip" in item:
                skipped.append({"start": start, "end": end, "reason": item["skip"]})
                continue
            label = item.get("label")
            if label not in LABELS:
                raise ValueError(f"{where}: bad label {label!r}")
            atts = []
            for a in item.get("attributions", []):
                rec = {
                    "source": _span(full, start, sent, a["source"], a.get("source_nth", 1), where)
                    if a.get("source")
                    else None,
                    "cue": _span(full, start, sent, a["cue"], a.get("cue_nth", 1), where) if a.get("cue") else None,
                    "content": [_span(full, start, sent, a["content"], a.get("content_nth", 1), where)]
                    if a.get("content")
                    else [],
                    "kind": a.get("kind"),
                    "mode": a.get("mode"),
                }
                atts.append(rec)
            sentences.append({"start": start, "end": end, "label": label, "attributions": atts})
    text = "".join(text_parts) + "\n"
    record = {
        "id": art["id"],
        "style": art["style"],
        "title": art.get("title", ""),
        "text": text,
        "sentences": sentences,
        "skipped": skipped,
    }
    if "split" in art:
        if art["split"] != "train":
            raise ValueError(f"{art['id']}: only 'train' may be pinned; dev and test are dealt by the cycle")
        record["split"] = "train"
    return record


def assign_splits(records: list[dict]) -> None:
    """Deal articles to train/dev/test by style, deterministically.

    An article whose authoring record pins ``"split": "train"`` (the articles added after the
    first release) keeps it and is left out of the cycle, so dev and test stay as published."""
    by_style: dict[str, list[dict]] = {}
    for r in records:
        if r.get("split"):
            continue
        by_style.setdefault(r["style"], []).append(r)
    for group in by_style.values():
        for i, r in enumerate(sorted(group, key=lambda r: r["id"])):
            r["split"] = SPLIT_CYCLE[i % len(SPLIT_CYCLE)]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--check"]:
        # Validate the named authoring files only; write nothing.
        n_art = n_sent = 0
        for name in argv[1:]:
            for art in json.loads(Path(name).read_text(encoding="utf-8")):
                rec = build_article(art)
                n_art += 1
                n_sent += len(rec["sentences"])
        print(f"ok: {n_art} articles, {n_sent} labelled sentences", file=sys.stderr)
        return 0
    records = []
    seen = set()
    for path in sorted((ROOT / "src").glob("*.json")):
        for art in json.loads(path.read_text(encoding="utf-8")):
            if art["id"] in seen:
                raise SystemExit(f"{path.name}: duplicate article id {art['id']}")
            seen.add(art["id"])
            records.append(build_article(art))
    assign_splits(records)
    out = ROOT / "articles.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for r in sorted(records, key=lambda r: r["id"]):
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    n_sent = sum(len(r["sentences"]) for r in records)
    print(f"wrote {len(records)} articles, {n_sent} labelled sentences to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
