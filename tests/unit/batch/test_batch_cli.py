"""caveat batch's command line: options that do not fit together, nothing to do, no cluster."""

from __future__ import annotations

import socket

import pytest

from caveat.batch import engines
from caveat.cli import main


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            ["--engine", "local", "--scheduler", "tcp://127.0.0.1:1"],
            "--scheduler needs --engine dask",
        ),
        (
            ["--scheduler", "tcp://127.0.0.1:1", "--workers", "2"],
            "a cluster at --scheduler has its own",
        ),
    ],
)
def test_options_that_do_not_fit_together_are_a_usage_error(tmp_path, capsys, extra, message):
    assert main(["batch", str(tmp_path), "--out", str(tmp_path / "out"), *extra]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_workers_must_be_a_positive_number(tmp_path, capsys, value):
    with pytest.raises(SystemExit):
        main(["batch", str(tmp_path), "--out", str(tmp_path / "out"), "--workers", value])
    assert "--workers" in capsys.readouterr().err


def test_a_folder_without_articles_says_so(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["batch", str(tmp_path / "empty"), "--out", str(tmp_path / "out")]) == 1
    assert "no articles found in" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_an_output_path_that_is_a_file_is_refused(tmp_path, capsys, bundled_sample):
    target = tmp_path / "taken.txt"
    target.write_text("mine", encoding="utf-8")
    assert main(["batch", str(bundled_sample), "--out", str(target)]) == 1
    assert "is a file, not a folder" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "mine"


@pytest.mark.enable_socket
@pytest.mark.allow_hosts(["127.0.0.1"])
def test_a_scheduler_nobody_runs_is_a_clear_error(tmp_path, capsys, bundled_sample, monkeypatch):
    monkeypatch.setattr(engines, "CONNECT_TIMEOUT", "1s")
    with socket.socket() as probe:  # a free port: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = ["batch", str(bundled_sample), "--out", str(tmp_path / "out")]
    assert main([*command, "--scheduler", f"tcp://127.0.0.1:{port}"]) == 1
    err = capsys.readouterr().err
    assert f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}" in err
    assert "Traceback" not in err
