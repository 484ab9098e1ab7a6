"""The model file is data only: a tampered or wrong-shape file gives a clear ModelError, and
nothing in ``src/`` can execute code from a data file (no pickle, no eval, no exec)."""

from __future__ import annotations

import ast
import json
import pickle
from pathlib import Path

import pytest

from attrib import model
from attrib.model import ModelError
from cli_support import REPO, run_cli

SRC = REPO / "src" / "attrib"


def _good() -> dict:
    return json.loads(model.DEFAULT_PATH.read_text(encoding="utf-8"))


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "model.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_the_shipped_model_loads():
    m = model.load()
    assert m.labels and len(m.intercept) == len(m.labels)


def _tampered() -> list[tuple[str, object]]:
    good = _good()
    n = len(good["labels"])
    a_feature = next(iter(good["weights"]))
    cases: list[tuple[str, object]] = [
        ("not-json", "this is not JSON {"),
        ("array", [1, 2, 3]),
        ("string", '"a model"'),
        ("wrong-format", {**good, "format": "sklearn-pickle"}),
        ("wrong-version", {**good, "version": 99}),
        ("no-labels", {k: v for k, v in good.items() if k != "labels"}),
        ("empty-labels", {**good, "labels": []}),
        ("labels-not-strings", {**good, "labels": [1] * n}),
        ("short-intercept", {**good, "intercept": good["intercept"][:-1]}),
        ("string-intercept", {**good, "intercept": ["0"] * n}),
        ("weights-list", {**good, "weights": [[0.0] * n]}),
        ("short-weights", {**good, "weights": {**good["weights"], a_feature: [0.0] * (n - 1)}}),
        ("bool-weights", {**good, "weights": {**good["weights"], a_feature: [True] * n}}),
        ("null-weights", {**good, "weights": {**good["weights"], a_feature: None}}),
    ]
    return cases


@pytest.mark.parametrize(("name", "data"), _tampered(), ids=[c[0] for c in _tampered()])
def test_tampered_model_gives_a_model_error(tmp_path, name, data):
    path = _write(tmp_path, data)
    with pytest.raises(ModelError) as info:
        model.load(path)
    message = str(info.value)
    assert str(path) in message and "\n" not in message


@pytest.mark.parametrize("token", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_non_finite_weights_are_refused(tmp_path, token):
    good = _good()
    n = len(good["labels"])
    text = json.dumps({**good, "intercept": [0.0] * n}).replace('"intercept": [0.0', f'"intercept": [{token}', 1)
    with pytest.raises(ModelError):
        model.load(_write(tmp_path, text))


def test_missing_model_file(tmp_path):
    with pytest.raises(ModelError, match="not found"):
        model.load(tmp_path / "nope.json")


def test_invalid_utf8_model_file(tmp_path):
    path = tmp_path / "model.json"
    path.write_bytes(b'{"format": "\xff"}')
    with pytest.raises(ModelError):
        model.load(path)


def test_deeply_nested_json_is_a_model_error_not_a_crash(tmp_path):
    path = _write(tmp_path, "[" * 100_000 + "]" * 100_000)
    with pytest.raises(ModelError):
        model.load(path)


class _Boom:
    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (Path.touch, (Path(_Boom.sentinel),))

    sentinel = ""


def test_a_pickle_payload_is_never_unpickled(tmp_path):
    """A malicious pickle saved as the model file: refused as data, its code never runs."""
    sentinel = tmp_path / "pwned"
    _Boom.sentinel = str(sentinel)
    path = tmp_path / "model.json"
    path.write_bytes(pickle.dumps(_Boom()))
    with pytest.raises(ModelError):
        model.load(path)
    assert not sentinel.exists()


def test_cli_reports_a_tampered_model_in_one_line(capsys, tmp_path, monkeypatch):
    bad = _write(tmp_path, {**_good(), "intercept": []})
    monkeypatch.setattr(model, "DEFAULT_PATH", bad)
    import attrib

    attrib._default_checker.clear()
    draft = tmp_path / "draft.txt"
    draft.write_text("Officials said it rained.\n", encoding="utf-8")
    run = run_cli(capsys, "check", str(draft))
    assert run.code == 2
    assert run.err.count("\n") == 1 and "Traceback" not in run.err
    assert "model" in run.err.lower() and "intercept" in run.err


# --- no code execution from data anywhere in src/ ---------------------------------------------

_BANNED_MODULES = {"pickle", "cPickle", "_pickle", "dill", "cloudpickle", "joblib", "shelve", "marshal"}
_BANNED_CALLS = {"eval", "exec", "execfile", "__import__", "compile", "input"}


def _python_files() -> list[Path]:
    files = sorted(SRC.rglob("*.py"))
    assert files, SRC
    return files


def _violations(path: Path, root: Path = REPO) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        where = f"{path.relative_to(root)}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Import):
            found += [f"{where}: import {a.name}" for a in node.names if a.name.split(".")[0] in _BANNED_MODULES]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in _BANNED_MODULES:
            found.append(f"{where}: from {node.module} import ...")
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in _BANNED_CALLS:
                found.append(f"{where}: {func.id}()")
            elif isinstance(func, ast.Attribute):
                owner = func.value.id if isinstance(func.value, ast.Name) else ""
                if func.attr in {"load", "loads", "Unpickler"} and (owner in _BANNED_MODULES or owner == "yaml"):
                    found.append(f"{where}: {owner}.{func.attr}()")
                if func.attr == "load" and any(k.arg == "allow_pickle" for k in node.keywords):
                    found.append(f"{where}: load(allow_pickle=...)")
                if func.attr in {"eval", "exec"} and owner == "builtins":
                    found.append(f"{where}: builtins.{func.attr}()")
    return found


def test_no_pickle_eval_or_exec_in_src():
    problems = [v for path in _python_files() for v in _violations(path)]
    assert not problems, "code execution from data:\n" + "\n".join(problems)


def test_the_checker_itself_catches_banned_calls(tmp_path):
    """The AST check is not vacuous: it flags each banned use (and ignores mentions in text)."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""No pickle here, nor eval() in a docstring."""\n'
        "import pickle\nfrom marshal import loads\nimport yaml\n"
        "eval('1')\nexec('x = 1')\npickle.loads(b'')\nyaml.load('')\nnp.load('f', allow_pickle=True)\n",
        encoding="utf-8",
    )
    found = _violations(sample, tmp_path)
    assert len(found) == 7, found


def test_no_pickled_data_files_ship():
    suspicious = [
        p for p in SRC.rglob("*") if p.suffix.lower() in {".pkl", ".pickle", ".joblib", ".npy", ".npz", ".sav"}
    ]
    assert not suspicious, suspicious
    for path in (SRC / "data").glob("*.json"):
        raw = path.read_bytes()[:2]
        assert raw[:1] in (b"{", b"["), f"{path} does not look like JSON"
