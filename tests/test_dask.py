"""attrib.dask on a local dask.distributed cluster with two worker processes (skipped without dask)."""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

import pytest

dask = pytest.importorskip("dask")
pytest.importorskip("dask.bag")
pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("dask.distributed")
pd = pytest.importorskip("pandas")

SRC = Path(__file__).resolve().parents[1] / "src"

ARTICLES = [
    {"id": "a1", "text": "Officials said the bridge would close on Monday. The river rose overnight."},
    {"id": "a2", "text": '"We have no choice," said Mayor Ann Lee. Lee said repairs would take a week.'},
    {"id": "a3", "text": "The storm hit at dawn. Nobody was hurt."},
    {"id": "a4", "text": ""},
    {"id": "a5", "text": None},
    {"id": "a6", "text": "A senior official, who spoke on condition of anonymity, said talks had stalled."},
]


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    """Two worker processes, one thread each; workers import attrib from this checkout."""
    saved = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join([str(SRC), *filter(None, [saved])])
    cluster = distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None, silence_logs=40
    )
    client = distributed.Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()
        if saved is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = saved


def _expected() -> dict:
    from attrib.dask import analyze_record

    return {a["id"]: analyze_record(a) for a in ARTICLES}


def test_analyze_bag_on_two_workers(client):
    import dask.bag as db

    from attrib.dask import analyze_bag

    bag = db.from_sequence(ARTICLES, npartitions=3)
    results = analyze_bag(bag).compute()
    assert [r["id"] for r in results] == [a["id"] for a in ARTICLES]
    expected = _expected()
    for r in results:
        assert r == expected[r["id"]]
    by_id = {r["id"]: r for r in results}
    assert by_id["a1"]["labels"]["anonymous"] >= 1 and by_id["a1"]["score"] is not None
    assert by_id["a4"]["error"] is None and by_id["a4"]["score"] is None  # empty: no sentences, no error
    assert "not a string" in by_id["a5"]["error"]
    assert len(client.scheduler_info()["workers"]) == 2


def test_each_worker_process_builds_one_checker(client):
    import dask.bag as db

    from attrib.dask import analyze_bag

    bag = db.from_sequence(ARTICLES * 10, npartitions=12)
    analyze_bag(bag).compute()

    def count() -> tuple[int, int]:
        import attrib.dask as ad

        return os.getpid(), len(ad._checkers)

    counts = client.run(count)
    assert len(counts) == 2
    assert all(n <= 1 for _, n in counts.values())


def test_analyze_dataframe_and_summarize(client):
    import dask.dataframe as dd

    from attrib.dask import LABELS, analyze_dataframe, summarize

    frame = pd.DataFrame(ARTICLES)
    df = dd.from_pandas(frame, npartitions=2)
    results = analyze_dataframe(df)
    local = results.compute()
    assert list(local["id"]) == [a["id"] for a in ARTICLES]
    expected = _expected()
    for row in local.to_dict("records"):
        want = expected[row["id"]]
        if want["score"] is None:
            assert math.isnan(row["score"])
        else:
            assert row["score"] == pytest.approx(want["score"])
        assert [row[lab] for lab in LABELS] == [want["labels"][lab] for lab in LABELS]
        assert json.loads(row["sources"]) == want["sources"]
    summary = summarize(results)
    assert summary == summarize(list(expected.values()))
    assert summary["articles"] == 5 and summary["errors"] == 1


def test_summarize_bag(client):
    import dask.bag as db

    from attrib.dask import analyze_bag, summarize

    results = analyze_bag(db.from_sequence(ARTICLES * 3, npartitions=4), text_field="text", id_field="id")
    summary = summarize(results, top=5)
    assert summary["articles"] == 15 and summary["errors"] == 3
    score = summary["score"]
    assert score["count"] == 12
    assert score["min"] <= score["quantiles"]["0.25"] <= score["median"] <= score["quantiles"]["0.75"] <= score["max"]
    assert sum(b["count"] for b in score["histogram"]) == score["count"]
    shares = summary["labels"]["shares"]
    assert sum(shares.values()) == pytest.approx(1.0)
    top = summary["sources"]["top"]
    assert 0 < len(top) <= 5
    assert top == sorted(top, key=lambda s: -s["mentions"])
    names = {s["name"].lower() for s in top}
    assert any("lee" in n for n in names)
    assert top[0]["articles"] == 3


def test_custom_fields_formats_and_plain_strings():
    """Without a cluster: the partition function itself (field names, markdown, bare strings)."""
    from attrib.dask import analyze_partition, summarize

    records = [
        {"url": "u1", "body": "# Title\n\nOfficials said it rained."},
        "Officials said it rained.",
        42,
    ]
    results = analyze_partition(records, text_field="body", id_field="url", format="markdown")
    assert results[0]["id"] == "u1" and results[0]["sentences"] >= 1
    assert results[1]["id"] is None and results[1]["sentences"] == 1
    assert results[2]["error"]
    assert summarize(results)["errors"] == 1


def test_importing_attrib_does_not_import_dask():
    import subprocess
    import sys

    code = "import sys, attrib, attrib.checker; print('dask' in sys.modules)"
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "False"
