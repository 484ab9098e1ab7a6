"""The shipped classifier: multinomial logistic regression read from JSON.

No pickle and no scikit-learn at run time: the weights are plain numbers in
``data/model.json`` and scoring is a sparse dot product in Python, so a
tampered model file can at worst give wrong labels, never run code.  The
loader checks the file's shape and says what is wrong.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

FORMAT = "attrib-logreg"
VERSION = 1
DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "model.json"


class ModelError(ValueError):
    """The model file is missing pieces or has the wrong shape."""


@dataclass(frozen=True)
class Model:
    """Labels, per-feature weight vectors and intercepts."""

    labels: tuple[str, ...]
    weights: dict[str, tuple[float, ...]]
    intercept: tuple[float, ...]

    def proba(self, feats: dict[str, float]) -> list[float]:
        """Class probabilities for a sparse feature dict."""
        scores = list(self.intercept)
        n = len(scores)
        for name, value in feats.items():
            w = self.weights.get(name)
            if w is not None:
                for k in range(n):
                    scores[k] += w[k] * value
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]

    def predict(self, feats: dict[str, float]) -> tuple[str, float]:
        """The most probable label and its probability."""
        p = self.proba(feats)
        k = max(range(len(p)), key=p.__getitem__)
        return self.labels[k], p[k]


def _check(data: object, path: Path) -> Model:
    if not isinstance(data, dict):
        raise ModelError(f"{path}: a model file holds one JSON object")
    if data.get("format") != FORMAT or data.get("version") != VERSION:
        raise ModelError(f"{path}: not an {FORMAT} v{VERSION} model file")
    labels = data.get("labels")
    if not isinstance(labels, list) or not labels or not all(isinstance(x, str) for x in labels):
        raise ModelError(f"{path}: 'labels' must be a non-empty list of strings")
    n = len(labels)
    intercept = data.get("intercept")
    if not isinstance(intercept, list) or len(intercept) != n or not all(_num(x) for x in intercept):
        raise ModelError(f"{path}: 'intercept' must hold {n} numbers")
    weights = data.get("weights")
    if not isinstance(weights, dict):
        raise ModelError(f"{path}: 'weights' must map feature names to lists of {n} numbers")
    for name, w in weights.items():
        if not isinstance(w, list) or len(w) != n or not all(map(_num, w)):
            raise ModelError(f"{path}: weights of feature {name!r} must be {n} numbers")
    return Model(tuple(labels), {k: tuple(map(float, v)) for k, v in weights.items()}, tuple(map(float, intercept)))


def _num(x: object) -> bool:
    # A finite int or float, not a bool (x - x is 0 only when x is finite); the fast form matters at
    # start-up: the model holds some 15,000 numbers.
    t = type(x)
    return (t is float or t is int) and x - x == 0  # type: ignore[operator]


def load(path: Path | None = None) -> Model:
    """Read and validate a model file; raise ModelError with the reason."""
    path = path or DEFAULT_PATH
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(f"{path}: model file not found") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"{path}: not a JSON model file ({exc})") from None
    except RecursionError:
        raise ModelError(f"{path}: not a model file (JSON nested too deeply)") from None
    return _check(data, path)


def dump(model: Model, path: Path, meta: dict | None = None) -> None:
    """Write a model file (used by training)."""
    data = {
        "format": FORMAT,
        "version": VERSION,
        "labels": list(model.labels),
        "intercept": [round(x, 6) for x in model.intercept],
        "weights": {k: [round(x, 6) for x in v] for k, v in sorted(model.weights.items())},
        "meta": meta or {},
    }
    path.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
