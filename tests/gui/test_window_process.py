"""The window's own process never loads spaCy or textstat: a real window, started as the
`caveat` command starts it, opens an article and gets its analysis from the helper process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile

import pytest

from caveat.resources import sample_article

# Runs the window as `caveat FILE` does (gui/app.py), and reports once the analysis is shown.
DRIVER = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from caveat.gui.app import run_gui
from caveat.gui.main_window import MainWindow

app = QApplication(sys.argv[:1])
report = sys.argv[2]

def write(result):
    with open(report, "w", encoding="utf-8") as fh:
        json.dump(result, fh)
    app.quit()

def watch():
    window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
    heavy = lambda: sorted(m for m in sys.modules if m.split(".")[0] in HEAVY)
    window.runner.signals.finished.connect(
        lambda _id, analysis: write(
            {"findings": len(analysis.all_findings()), "heavy": heavy(),
             "pipeline": analysis.pipeline.name}
        )
    )
    window.runner.signals.failed.connect(lambda _id, reason: write({"failed": reason}))

HEAVY = ("spacy", "textstat", "thinc", "nltk", "pyphen")
QTimer.singleShot(0, watch)
QTimer.singleShot(240_000, lambda: write({"failed": "no analysis within 240 s"}))
run_gui([sys.argv[1]])
"""


@pytest.mark.slow
def test_the_window_process_never_imports_spacy_or_textstat(tmp_path):
    report = tmp_path / "report.json"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CACHE_HOME": tempfile.mkdtemp(dir=tmp_path),  # a fresh cache: a real analysis
    }
    subprocess.run(
        [sys.executable, "-c", DRIVER, str(sample_article()), str(report)],
        env=env,
        timeout=300,
        check=True,
        capture_output=True,
    )
    result = json.loads(report.read_text(encoding="utf-8"))
    assert "failed" not in result, result
    assert result["findings"] > 20  # the helper analysed it
    assert result["pipeline"] != "rules"
    assert result["heavy"] == []
