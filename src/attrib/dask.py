"""attrib over a Dask cluster: many machines, one archive (the optional extra ``attrib[dask]``).

    import dask.bag as db
    from dask.distributed import Client
    from attrib.dask import analyze_bag, summarize

    client = Client("tcp://scheduler:8786")            # or Client() for a local cluster
    articles = db.read_text("s3://archive/*.jsonl").map(json.loads)
    results = analyze_bag(articles, text_field="body", id_field="url")
    print(summarize(results))                           # score distribution, label shares, top sources

:func:`analyze_bag` and :func:`analyze_dataframe` map the analysis over the
partitions of a ``dask.bag`` of article records (dicts, or plain strings) or a
``dask.dataframe`` with a text column; each worker process builds one
:class:`~attrib.checker.Checker` per configuration and reuses it for every
partition it is given.  They return per-article results, lazily:

``{"id", "score", "sentences", "labels": {label: count}, "sources": [{"name",
"kind", "count", "anonymous"}], "findings", "error"}``

(the DataFrame form has one column per label and ``sources`` as a JSON
string).  An article that cannot be analysed (no text, not a string) gets an
``error`` and no score instead of stopping the job.  :func:`summarize` reduces
results, partition by partition, to a small dict: the score distribution
(mean, median, quantiles, histogram), label shares and the most frequent
sources.

Dask is imported inside the functions, so ``import attrib`` never needs it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from attrib.config import Config

LABELS = ("attributed", "paraphrased", "anonymous", "unattributed")
QUANTILES = (0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95)
_checkers: dict[Any, Any] = {}


def _checker(config: Config | None) -> Any:
    """The Checker of this process for ``config`` (built once per worker process)."""
    checker = _checkers.get(config)
    if checker is None:
        from attrib.checker import Checker

        checker = _checkers[config] = Checker(config)
    return checker


def analyze_record(
    record: Any,
    text_field: str = "text",
    id_field: str = "id",
    format: str = "text",
    config: Config | None = None,
) -> dict[str, Any]:
    """The per-article result of one record (a mapping with a text field, or a plain string)."""
    if isinstance(record, str):
        ident, text = None, record
    elif isinstance(record, dict) or hasattr(record, "get"):
        ident, text = record.get(id_field), record.get(text_field)
    else:
        return _failed(None, f"expected a mapping or a string, got {type(record).__name__}")
    if not isinstance(text, str):
        return _failed(ident, f"field {text_field!r} is missing or not a string")
    try:
        plain = text
        if format != "text":
            from attrib.inputs import load

            plain = load(text, format).text
        result = _checker(config).run(plain, format)
    except Exception as exc:  # one bad article must not stop an archive-wide job
        return _failed(ident, f"{type(exc).__name__}: {exc}")
    return {
        "id": ident,
        "score": result.score.value if result.sentences else None,
        "sentences": len(result.sentences),
        "labels": {lab: int(result.label_counts.get(lab, 0)) for lab in LABELS},
        "sources": [
            {"name": s.name, "kind": s.kind, "count": s.count, "anonymous": bool(s.anonymous)} for s in result.sources
        ],
        "findings": len(result.findings),
        "error": None,
    }


def _failed(ident: Any, message: str) -> dict[str, Any]:
    return {
        "id": ident,
        "score": None,
        "sentences": 0,
        "labels": dict.fromkeys(LABELS, 0),
        "sources": [],
        "findings": 0,
        "error": message,
    }


def analyze_partition(records: Iterable[Any], **options: Any) -> list[dict[str, Any]]:
    """Results of one partition (one Checker for all of it)."""
    return [analyze_record(r, **options) for r in records]


def analyze_bag(
    bag: Any,
    text_field: str = "text",
    id_field: str = "id",
    format: str = "text",
    config: Config | None = None,
) -> Any:
    """A ``dask.bag.Bag`` of per-article results for a bag of article records (lazy)."""
    options = {"text_field": text_field, "id_field": id_field, "format": format, "config": config}
    return bag.map_partitions(analyze_partition, **options)


FRAME_COLUMNS = ("id", "score", "sentences", *LABELS, "findings", "sources", "error")


def _frame_partition(part: Any, text_field: str, id_field: str, format: str, config: Config | None) -> Any:
    import pandas as pd

    ids = part[id_field] if id_field in part.columns else pd.Series(part.index, index=part.index)
    rows = []
    for ident, text in zip(ids.tolist(), part[text_field].tolist(), strict=True):
        text = text if isinstance(text, str) else None
        r = analyze_record({"id": ident, "text": text}, "text", "id", format, config)
        rows.append(
            {
                "id": r["id"],
                "score": math.nan if r["score"] is None else float(r["score"]),
                "sentences": r["sentences"],
                **r["labels"],
                "findings": r["findings"],
                "sources": json.dumps(r["sources"], ensure_ascii=False),
                "error": r["error"],
            }
        )
    return _frame(rows, part.index)


def _frame(rows: list[dict[str, Any]], index: Any = None) -> Any:
    import pandas as pd

    frame = pd.DataFrame(rows, columns=list(FRAME_COLUMNS), index=index)
    ints = ["sentences", *LABELS, "findings"]
    frame[ints] = frame[ints].astype("int64")
    frame["score"] = frame["score"].astype("float64")
    for col in ("id", "sources", "error"):
        frame[col] = frame[col].astype(object)
    return frame


def analyze_dataframe(
    df: Any,
    text_field: str = "text",
    id_field: str = "id",
    format: str = "text",
    config: Config | None = None,
) -> Any:
    """A ``dask.dataframe.DataFrame`` of per-article results (one row per input row, same index).

    Columns: ``id``, ``score`` (NaN without sentences), ``sentences``, one count
    per label, ``findings``, ``sources`` (a JSON list) and ``error``.  Without
    an ``id_field`` column the index is the id.
    """
    meta = _frame([])
    return df.map_partitions(_frame_partition, text_field, id_field, format, config, meta=meta)


# --- summary statistics ---------------------------------------------------------------------


def _partial(records: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Mergeable aggregates of some results (one partition's)."""
    scores: list[float] = []
    labels = dict.fromkeys(LABELS, 0)
    sources: dict[tuple[str, str], list[Any]] = {}
    errors = articles = 0
    for r in records:
        if r.get("error"):
            errors += 1
            continue
        articles += 1
        score = r.get("score")
        if score is not None and not (isinstance(score, float) and math.isnan(score)):
            scores.append(float(score))
        for lab in LABELS:
            labels[lab] += int(r.get("labels", r).get(lab, 0) or 0)
        found = r.get("sources") or []
        if isinstance(found, str):
            found = json.loads(found)
        seen: set[tuple[str, str]] = set()
        for s in found:
            key = (" ".join(str(s["name"]).split()).lower(), s.get("kind", ""))
            entry = sources.setdefault(key, [s["name"], 0, 0, bool(s.get("anonymous"))])
            entry[1] += int(s.get("count", 1))
            if key not in seen:
                entry[2] += 1
                seen.add(key)
    return {"scores": scores, "labels": labels, "sources": sources, "errors": errors, "articles": articles}


def _merge(parts: Iterable[dict[str, Any]]) -> dict[str, Any]:
    total = _partial(())
    for p in parts:
        total["scores"].extend(p["scores"])
        total["errors"] += p["errors"]
        total["articles"] += p["articles"]
        for lab, n in p["labels"].items():
            total["labels"][lab] += n
        for key, (name, mentions, arts, anon) in p["sources"].items():
            entry = total["sources"].setdefault(key, [name, 0, 0, anon])
            entry[1] += mentions
            entry[2] += arts
    return total


def _quantile(sorted_values: list[float], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default)."""
    pos = (len(sorted_values) - 1) * q
    lo = math.floor(pos)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


def _finish(total: dict[str, Any], top: int) -> dict[str, Any]:
    scores = sorted(total["scores"])
    score: dict[str, Any] = {"count": len(scores)}
    if scores:
        mean = sum(scores) / len(scores)
        score.update(
            mean=mean,
            median=_quantile(scores, 0.5),
            std=math.sqrt(sum((x - mean) ** 2 for x in scores) / len(scores)),
            min=scores[0],
            max=scores[-1],
            quantiles={str(q): _quantile(scores, q) for q in QUANTILES},
            histogram=[
                {
                    "from": lo,
                    "to": lo + 10,
                    "count": sum(1 for x in scores if lo <= x < lo + 10 or (lo == 90 and x == 100)),
                }
                for lo in range(0, 100, 10)
            ],
        )
    n_sentences = sum(total["labels"].values())
    ranked = sorted(total["sources"].items(), key=lambda kv: (-kv[1][1], -kv[1][2], kv[0]))
    return {
        "articles": total["articles"],
        "errors": total["errors"],
        "score": score,
        "labels": {
            "counts": dict(total["labels"]),
            "shares": {lab: (n / n_sentences if n_sentences else 0.0) for lab, n in total["labels"].items()},
        },
        "sources": {
            "distinct": len(total["sources"]),
            "top": [
                {"name": name, "kind": kind, "mentions": mentions, "articles": arts, "anonymous": anon}
                for (_, kind), (name, mentions, arts, anon) in ranked[:top]
            ],
        },
    }


def summarize(results: Any, top: int = 20) -> dict[str, Any]:
    """Summary statistics of per-article results: score distribution, label shares, top sources.

    ``results`` is what :func:`analyze_bag` or :func:`analyze_dataframe`
    returned (computed here, partition by partition, and reduced on the
    client), a pandas DataFrame of results, or any iterable of result dicts.
    """
    if _is_dask_bag(results):
        total = results.reduction(_partial, _merge).compute()
    elif _is_dask_frame(results):
        import dask

        parts = dask.compute(*[dask.delayed(_frame_partial)(p) for p in results.to_delayed()])
        total = _merge(parts)
    elif hasattr(results, "to_dict") and hasattr(results, "columns"):
        total = _frame_partial(results)
    else:
        total = _partial(results)
    return _finish(total, top)


def _frame_partial(frame: Any) -> dict[str, Any]:
    records = []
    for row in frame.to_dict("records"):
        error = row.get("error")
        if isinstance(error, float) and math.isnan(error):
            error = None
        records.append({**row, "error": error, "labels": {lab: row.get(lab, 0) for lab in LABELS}})
    return _partial(records)


def _is_dask_bag(obj: Any) -> bool:
    return type(obj).__module__.startswith("dask.bag")


def _is_dask_frame(obj: Any) -> bool:
    module = type(obj).__module__
    return module.startswith(("dask.dataframe", "dask_expr")) and hasattr(obj, "to_delayed")


__all__ = ["analyze_bag", "analyze_dataframe", "analyze_partition", "analyze_record", "summarize"]
