"""caveat batch on a real local Dask cluster of two worker processes: the numbers and findings
of `caveat analyze --json`, a worker killed mid-run, a killed run resumed, bad files.

The cluster listens on 127.0.0.1 only; the tests may open sockets to it and nowhere else.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys

import pytest
from batch_checks import (
    TABLE_ROWS,
    analyze_json,
    assert_same_as_analyze,
    read_articles,
    read_findings,
)

from caveat.batch import run as batch_run
from caveat.batch.engines import DaskEngine
from caveat.batch.run import run_batch
from caveat.batch.work import BatchOptions
from caveat.cli import main
from caveat.layers import layer_ids

pytestmark = [
    pytest.mark.slow,
    pytest.mark.enable_socket,
    pytest.mark.allow_hosts(["127.0.0.1"]),
]


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",  # no dashboard on the network
        silence_logs=logging.ERROR,
    ) as cluster:
        yield cluster


def test_results_equal_analyze_json_for_every_article(cluster, good_articles, tmp_path, capsys):
    out = tmp_path / "out"
    code = main(
        ["batch", str(good_articles), "--out", str(out), "--scheduler", cluster.scheduler_address]
    )
    assert code == 0
    rows, findings = read_articles(out), read_findings(out)
    for name in ("sample.md", "short.txt", "web/news-page.html"):
        path = good_articles / name
        assert_same_as_analyze(
            rows[str(path)], findings.get(str(path), []), analyze_json(path, capsys)
        )
    for table_row in TABLE_ROWS[:2]:
        as_file = tmp_path / f"{table_row['id']}.txt"
        as_file.write_text(table_row["text"], encoding="utf-8")
        row = rows[table_row["id"]]
        assert_same_as_analyze(
            row, findings.get(table_row["id"], []), analyze_json(as_file, capsys)
        )
        assert (row["outlet"], row["date"]) == (table_row["outlet"], table_row["date"])
    assert rows["a-3"]["error"] == "line 3: no text"
    assert sum(len(f) for f in findings.values()) > 20


def test_the_dataset_reads_back_in_duckdb(cluster, good_articles, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    out = tmp_path / "out"
    main(
        [
            "batch",
            str(good_articles / "table.jsonl"),
            "--out",
            str(out),
            "--scheduler",
            cluster.scheduler_address,
        ]
    )
    per_outlet = duckdb.sql(
        f"SELECT outlet, count(*) AS n, sum(hedge_count) AS hedges "
        f"FROM read_parquet('{out}/articles/*.parquet') WHERE error IS NULL "
        f"GROUP BY outlet ORDER BY outlet"
    ).fetchall()
    assert per_outlet == [("The Daily", 1, 3), ("The Weekly", 1, 0)]
    joined = duckdb.sql(
        f"SELECT a.outlet, f.rule, f.text FROM read_parquet('{out}/articles/*.parquet') a "
        f"JOIN read_parquet('{out}/findings/*.parquet') f USING (id) ORDER BY f.start"
    ).fetchall()
    assert ("The Daily", "unnamed-source", "Some say") in joined


def test_a_worker_killed_mid_run_loses_only_its_batch(
    cluster, good_articles, tmp_path, monkeypatch
):
    monkeypatch.setattr(batch_run, "BATCH_ARTICLES", 1)  # several batches from a small set
    killed: list[int] = []

    def kill_a_busy_worker(_result) -> None:
        # the scheduler runs in this process: its state says which worker has a batch now
        # (a second Client here would bring a second event loop into the run)
        busy = [w for w in list(cluster.scheduler.workers.values()) if w.processing]
        if killed or not busy:
            return
        os.kill(busy[0].pid, signal.SIGKILL)
        killed.append(busy[0].pid)

    out = tmp_path / "out"
    options = BatchOptions(tuple(layer_ids()))
    summary = run_batch(
        [good_articles],
        out,
        options,
        lambda: DaskEngine(cluster.scheduler_address),
        on_result=kill_a_busy_worker,
    )
    assert killed, "no worker was busy to be killed"
    assert (summary.analysed, summary.failed) == (5, 1)  # a-3 has no text
    rows = read_articles(out)
    assert len(rows) == 6 and [r for r in rows.values() if r["error"]] == [rows["a-3"]]
    cluster.wait_for_workers(2)  # the next test starts with both workers back


def test_a_killed_run_resumes_where_it_stopped(cluster, tmp_path, bundled_sample):
    body = bundled_sample.read_text(encoding="utf-8")
    table = tmp_path / "many.jsonl"
    with open(table, "w", encoding="utf-8") as fh:
        for i in range(40):
            fh.write(f'{{"id": "n{i}", "text": {json_text(f"Article {i}. " + body)}}}\n')
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "caveat",
        "batch",
        str(table),
        "--out",
        str(out),
        "--scheduler",
        cluster.scheduler_address,
        "--part-rows",
        "1",
    ]
    run = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    assert run.stderr is not None
    for line in run.stderr:
        if "articles written" in line:
            run.kill()  # SIGKILL: no chance to tidy up
            break
    run.wait()
    written = len(read_articles(out))
    assert 1 <= written < 40
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert f"{written} already done" in result.stderr
    rows, findings = read_articles(out), read_findings(out)
    assert sorted(rows) == sorted(f"n{i}" for i in range(40))
    assert len({len(findings[key]) for key in rows}) == 1  # no finding lost or written twice


def test_ctrl_c_writes_what_is_finished_and_stops(cluster, good_articles, tmp_path, monkeypatch):
    monkeypatch.setattr(batch_run, "BATCH_ARTICLES", 1)

    def interrupt(_result) -> None:
        raise KeyboardInterrupt

    out = tmp_path / "out"
    summary = run_batch(
        [good_articles],
        out,
        BatchOptions(tuple(layer_ids())),
        lambda: DaskEngine(cluster.scheduler_address),
        on_result=interrupt,
    )
    assert summary.interrupted
    assert 1 <= len(read_articles(out)) < 6


def test_an_edited_file_is_analysed_again_and_replaces_its_row(
    cluster, good_articles, tmp_path, capsys
):
    out = tmp_path / "out"
    short = good_articles / "short.txt"
    command = ["batch", str(short), "--out", str(out), "--scheduler", cluster.scheduler_address]
    assert main(command) == 0
    short.write_text("Maybe. It might rain, some say.", encoding="utf-8")
    assert main(command) == 0
    [row] = read_articles(out).values()
    assert_same_as_analyze(row, read_findings(out)[str(short)], analyze_json(short, capsys))


def test_bad_files_among_good_ones_on_a_cluster_it_starts(
    good_articles, bad_files, tmp_path, capsys
):
    out = tmp_path / "out"
    code = main(
        ["batch", str(good_articles), "--out", str(out), "--engine", "dask", "--workers", "2"]
    )
    assert code == 0
    err = capsys.readouterr().err
    rows = read_articles(out)
    for name in bad_files:
        path = str(good_articles / name)
        assert rows[path]["error"], name
        assert f"caveat: {path}: {rows[path]['error']}" in err
    good = [row for row in rows.values() if not row["error"]]
    assert len(good) == 5 and all(row["hedge_count"] is not None for row in good)
    assert "5 analysed, 5 unreadable" in err  # the four bad files and the row without text


def json_text(text: str) -> str:
    import json

    return json.dumps(text)
