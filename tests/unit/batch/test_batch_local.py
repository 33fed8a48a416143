"""caveat batch with local worker processes: the results of `caveat analyze --json`, bad files
among good ones, a worker killed mid-run, and a rerun that finds everything done."""

from __future__ import annotations

import multiprocessing
import os
import signal

import pytest
from batch_checks import analyze_json, assert_same_as_analyze, read_articles, read_findings

from caveat.batch import run as batch_run
from caveat.batch.engines import LocalEngine
from caveat.batch.run import run_batch
from caveat.batch.work import BatchOptions
from caveat.cli import main
from caveat.layers import layer_ids

pytestmark = pytest.mark.slow


def test_a_local_worker_killed_mid_run_loses_only_its_batch(
    good_articles, bad_files, tmp_path, monkeypatch, capsys
):
    monkeypatch.setattr(batch_run, "BATCH_ARTICLES", 1)
    killed: list[int] = []

    def kill_a_worker(_result) -> None:
        workers = [p for p in multiprocessing.active_children() if p.pid and p.is_alive()]
        if not killed and len(workers) > 1:
            killed.append(workers[0].pid or 0)
            os.kill(killed[0], signal.SIGKILL)

    out = tmp_path / "out"
    summary = run_batch(
        [good_articles],
        out,
        BatchOptions(tuple(layer_ids())),
        lambda: LocalEngine(2),
        on_result=kill_a_worker,
    )
    assert killed
    assert (summary.analysed, summary.failed) == (5, 5)
    rows, findings = read_articles(out), read_findings(out)
    sample = good_articles / "sample.md"
    assert_same_as_analyze(rows[str(sample)], findings[str(sample)], analyze_json(sample, capsys))
    for name in bad_files:
        assert rows[str(good_articles / name)]["error"]

    assert main(["batch", str(good_articles), "--out", str(out)]) == 0
    assert "10 articles: 0 analysed, 0 unreadable, 10 already done" in capsys.readouterr().err
    assert read_articles(out) == rows


def test_a_batch_at_strict_keeps_what_analyze_at_strict_shows_and_reruns_only_at_strict(
    tmp_path, bundled_sample, capsys
):
    import json

    folder = tmp_path / "in"
    folder.mkdir()
    sample = folder / "sample.md"
    sample.write_bytes(bundled_sample.read_bytes())
    out = tmp_path / "out"
    args = ["batch", str(folder), "--out", str(out), "--workers", "1"]
    assert main([*args, "--sensitivity", "strict"]) == 0
    capsys.readouterr()
    assert main(["analyze", str(sample), "--json", "--sensitivity", "strict"]) == 0
    strict = json.loads(capsys.readouterr().out)
    assert_same_as_analyze(read_articles(out)[str(sample)], read_findings(out)[str(sample)], strict)
    assert len(strict["findings"]) < len(analyze_json(sample, capsys)["findings"])
    assert main([*args, "--sensitivity", "thorough"]) == 1
    assert "other options (sensitivity)" in capsys.readouterr().err
