"""What reaches stderr: the loader's notices always, libraries' log messages only with --verbose."""

from __future__ import annotations

import json
import subprocess
import sys

from odd_pdfs import wrong_startxref

from caveat.cli import main

BBC = "Chelsea completed a £15.8m signing of the winger, the club said on Tuesday.\n"


def test_analyze_json_says_when_the_encoding_was_guessed(tmp_path, capsys):
    path = tmp_path / "bbc.txt"
    path.write_bytes(BBC.encode("cp1252"))
    assert main(["analyze", str(path), "--json", "--model", "rules"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert "£15.8m" in out["text"]
    assert len(out["notices"]) == 1 and "Windows-1252" in out["notices"][0]


def test_analyze_json_of_a_utf8_file_has_no_notices(tmp_path, capsys):
    path = tmp_path / "bbc.txt"
    path.write_text(BBC, encoding="utf-8")
    assert main(["analyze", str(path), "--json", "--model", "rules"]) == 0
    assert json.loads(capsys.readouterr().out)["notices"] == []


def test_analyze_text_output_puts_the_notice_on_stderr(tmp_path, capsys):
    path = tmp_path / "bbc.txt"
    path.write_bytes(BBC.encode("cp1252"))
    assert main(["analyze", str(path), "--model", "rules"]) == 0
    captured = capsys.readouterr()
    assert "note: The file does not say how its text is encoded" in captured.err
    assert "Windows-1252" not in captured.out


def caveat(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "caveat", *args], capture_output=True, text=True, timeout=300
    )


def test_pypdf_repair_warnings_show_only_with_verbose(tmp_path):
    source = tmp_path / "damaged.pdf"
    source.write_bytes(wrong_startxref())
    quiet = caveat("export", str(source), "-o", str(tmp_path / "a.pdf"), "--model", "rules")
    assert quiet.returncode == 0, quiet.stderr
    assert "startxref" not in quiet.stderr
    assert all(line.startswith("note:") for line in quiet.stderr.splitlines()), quiet.stderr
    loud = caveat(
        "export", str(source), "-o", str(tmp_path / "b.pdf"), "--model", "rules", "--verbose"
    )
    assert loud.returncode == 0, loud.stderr
    assert "caveat: WARNING pypdf._reader: incorrect startxref pointer" in loud.stderr
