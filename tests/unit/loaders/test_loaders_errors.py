"""Bad input: one plain line naming the file and the reason, never a traceback, nothing written."""

from __future__ import annotations

import builtins
import os
from pathlib import Path

import pytest

from caveat.cli import main
from caveat.loaders import DEFAULT_MAX_BYTES, LoadError, load_document, registry
from caveat.loaders import html as html_loader


def _files_under(*folders: Path) -> list[Path]:
    return sorted(p for folder in folders if folder.exists() for p in folder.rglob("*"))


def _assert_cli_refuses(path: Path, reason: str, capsys, *options: str) -> None:
    """`caveat analyze PATH` exits 1 with one stderr line naming the file, writing nothing."""
    watched = [path.parent, Path(os.environ["XDG_CACHE_HOME"]), Path(os.environ["XDG_DATA_HOME"])]
    before = _files_under(*watched)
    assert main(["analyze", str(path), *options]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and err.endswith("\n")
    assert str(path) in err and reason in err
    assert "Traceback" not in err
    assert _files_under(*watched) == before


CASES = {
    "empty": (b"", ".txt", "file is empty"),
    "only-whitespace": (b" \n\t\n", ".md", "file is empty"),
    "png-named-txt": (b"\x89PNG\r\n\x1a\n" + bytes(200), ".txt", "a PNG image"),
    "old-word-doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), ".doc", "legacy Office"),
    "random-bytes": (bytes(range(256)) * 8, ".txt", "binary file"),
    "unknown-extension": (b"a,b\n1,2\n", ".csv", "unsupported file type .csv"),
    "binary-without-extension": (b"\x00\x01\x02" * 50, "", "binary file"),
}


@pytest.mark.parametrize(("content", "suffix", "reason"), CASES.values(), ids=CASES.keys())
def test_bad_content_is_refused_by_the_loader_and_the_cli(
    tmp_path, capsys, content, suffix, reason
):
    path = tmp_path / f"input{suffix}"
    path.write_bytes(content)
    with pytest.raises(LoadError, match=reason) as raised:
        load_document(path)
    assert raised.value.path == path
    assert "\n" not in str(raised.value)
    _assert_cli_refuses(path, reason, capsys)


def test_missing_file_is_refused(tmp_path, capsys):
    path = tmp_path / "nowhere.txt"
    with pytest.raises(LoadError, match="no such file"):
        load_document(path)
    _assert_cli_refuses(path, "no such file", capsys)


def test_folder_is_refused_by_the_loader(tmp_path):
    with pytest.raises(LoadError, match="is a folder"):
        load_document(tmp_path)


def test_special_file_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(LoadError, match="not a regular file"):
        load_document(fifo)


def test_file_over_the_size_limit_is_refused(tmp_path, capsys):
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 400_000)  # 2 MB
    with pytest.raises(LoadError, match=r"file is 1.9 MB, over the 1 MB size limit"):
        load_document(path, max_bytes=2**20)
    _assert_cli_refuses(path, "over the 1 MB size limit", capsys, "--max-size", "1")


def test_default_size_limit_is_50_mb():
    assert DEFAULT_MAX_BYTES == 50 * 2**20


def test_file_that_grows_past_the_limit_after_stat_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "growing.txt"
    path.write_bytes(b"small")
    real_open = builtins.open

    def open_grown(file, *args, **kwargs):
        if Path(file) == path:
            path.write_bytes(b"x" * 2000)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(registry, "open", open_grown, raising=False)
    with pytest.raises(LoadError, match="over the"):
        load_document(path, max_bytes=1000)


def test_unreadable_file_is_refused_when_open_is_denied(tmp_path, monkeypatch, capsys):
    path = tmp_path / "secret.txt"
    path.write_text("About 40% of staff were told.")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(registry, "open", denied, raising=False)
    with pytest.raises(LoadError, match="permission denied"):
        load_document(path)
    _assert_cli_refuses(path, "permission denied", capsys)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_is_refused_by_its_mode(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("About 40% of staff were told.")
    path.chmod(0)
    with pytest.raises(LoadError, match="permission denied"):
        load_document(path)


def test_a_parser_crash_becomes_a_load_error(tmp_path, monkeypatch):
    path = tmp_path / "page.html"
    path.write_text("<html><body><p>Hello there, reader.</p></body></html>")

    def crash(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(html_loader, "load_html", crash)
    with pytest.raises(LoadError, match="could not be read as html"):
        load_document(path)
