"""`caveat analyze|export` on a web address, and on a text that is not in English."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from caveat.cli import main

NEWS_PAGE = Path(__file__).resolve().parents[2] / "data" / "news-page.html"
GERMAN = (
    "Die Stadtverwaltung hat am Dienstag angekündigt, dass die Brücke über den Fluss im "
    "kommenden Frühjahr gesperrt wird. Nach Angaben der Behörde könnten die Bauarbeiten etwa "
    "acht Monate dauern. Vielleicht 40 Prozent der Pendler müssen einen Umweg nehmen. "
    "About 3,800 Menschen sind betroffen.\n"  # an English cue the hedge layer would flag
)


@pytest.mark.allow_hosts(["127.0.0.1"])
def test_analyze_takes_a_web_address(local_site, capsys):
    url = local_site.add("/news/storm", NEWS_PAGE.read_bytes())
    assert main(["analyze", url, "--json", "--model", "rules"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["source"] == url
    assert out["format"] == "html"
    assert out["language"] == "en"
    assert "Kelby Harbour" in out["text"]
    assert out["findings"]


@pytest.mark.allow_hosts(["127.0.0.1"])
def test_analyze_reports_an_unreachable_address_in_one_line(local_site, capsys):
    url = local_site.url("/missing")
    assert main(["analyze", url, "--model", "rules"]) == 1
    err = capsys.readouterr().err
    assert err == f"caveat: {url}: the page was not found (HTTP 404)\n"


def test_a_web_address_is_not_taken_for_a_batch(capsys):
    assert main(["analyze", "https://news.example/a", "--jsonl", "out.jsonl"]) == 2
    assert "on its own" in capsys.readouterr().err


def test_a_german_text_is_not_flagged_with_english_rules(tmp_path, capsys):
    path = tmp_path / "bruecke.txt"
    path.write_text(GERMAN, "utf-8")
    assert main(["analyze", str(path), "--json", "--model", "rules"]) == 0
    captured = capsys.readouterr()
    out = json.loads(captured.out)
    assert out["language"] == "de"
    assert out["findings"] == [] and out["layers"] == []
    assert "mostly in German" in captured.err and "--any-language" in captured.err


def test_any_language_analyses_it_anyway(tmp_path, capsys):
    path = tmp_path / "bruecke.txt"
    path.write_text(GERMAN, "utf-8")
    assert main(["analyze", str(path), "--json", "--model", "rules", "--any-language"]) == 0
    captured = capsys.readouterr()
    out = json.loads(captured.out)
    assert out["language"] == "de"
    assert out["layers"] == ["hedge", "number", "speculation"]
    assert any(f["text"] == "About" for f in out["findings"])
    assert "analysed with English rules" in captured.err


@pytest.mark.slow
@pytest.mark.allow_hosts(["127.0.0.1"])
def test_export_takes_a_web_address(local_site, tmp_path):
    url = local_site.add("/news/storm", NEWS_PAGE.read_bytes())
    out = tmp_path / "storm.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "caveat", "export", url, "-o", str(out), "--model", "rules"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "findings annotated" in result.stdout
    annots = [a.get_object() for page in PdfReader(out).pages for a in page.get("/Annots", [])]
    assert annots


def test_caveat_with_a_web_address_opens_the_window_on_it(monkeypatch):
    opened: list[list[str]] = []
    monkeypatch.setattr("caveat.gui.app.run_gui", lambda argv: opened.append(argv) or 0)
    assert main(["https://news.example/story"]) == 0
    assert opened == [["https://news.example/story"]]
