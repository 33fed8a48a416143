"""`caveat export` end to end, in its own process as a user runs it (no Qt application here)."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata

import pytest
from pypdf import PdfReader


def caveat(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "caveat", *args], capture_output=True, text=True, timeout=300
    )


@pytest.mark.slow
def test_export_command_writes_highlights_of_the_named_layers(bundled_sample, tmp_path):
    out = tmp_path / "sample.caveat.pdf"
    result = caveat("export", str(bundled_sample), "-o", str(out), "--layers", "hedge,number")
    assert result.returncode == 0, result.stderr
    written = re.search(r"wrote .* \((\d+) pages, (\d+) findings annotated\)", result.stdout)
    assert written, result.stdout
    assert subprocess.run(["qpdf", "--check", out], capture_output=True).returncode == 0
    reader = PdfReader(out)
    assert len(reader.pages) == int(written.group(1))
    annots = [a.get_object() for page in reader.pages for a in page.get("/Annots", [])]
    assert len(annots) == int(written.group(2)) > 0
    assert {str(a["/T"]) for a in annots} <= {"Hedges", "Unsourced numbers"}
    groups = reader.trailer["/Root"]["/OCProperties"]["/OCGs"]
    assert [str(g.get_object()["/Name"]) for g in groups] == ["Hedges", "Unsourced numbers"]


def test_export_command_refuses_to_overwrite_its_input(tmp_path):
    article = tmp_path / "article.md"
    article.write_text("# Title\n\nAbout 3,800 people left.\n", encoding="utf-8")
    result = caveat("export", str(article), "-o", str(tmp_path / "." / "article.md"))
    assert result.returncode == 1
    assert "is the article itself" in result.stderr
    assert article.read_text(encoding="utf-8") == "# Title\n\nAbout 3,800 people left.\n"


def test_export_command_reports_an_unwritable_target_in_one_line(tmp_path):
    article = tmp_path / "article.md"
    article.write_text("Some text.\n", encoding="utf-8")
    result = caveat("export", str(article), "-o", str(tmp_path / "nowhere" / "out.pdf"))
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert "does not exist" in result.stderr
    assert not (tmp_path / "nowhere").exists()


def test_the_summary_says_the_sensitivity_and_the_rules_switched_off(tmp_path):
    article = tmp_path / "article.md"
    article.write_text("About 3,800 people perhaps left the island.\n", encoding="utf-8")
    out = tmp_path / "article.pdf"
    result = caveat(
        "export", str(article), "-o", str(out), "--model", "rules",
        "--sensitivity", "strict", "--skip-rules", "hedging-adverb",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    text = " ".join(unicodedata.normalize("NFKC", text).split())  # the font's "ff" ligature
    assert "Shown at the strict sensitivity. Rules switched off: Hedging adverb." in text
