"""How long switching the sensitivity takes in the window, on a long article.

    .venv/bin/python benchmarks/sensitivity_toggle.py TEXT [--runs 5]

Analyses TEXT once (this process, the real model), shows it in a DocumentTab offscreen, then
clicks strict, balanced and thorough in turn and times each switch until the tab has repainted
its highlights, counts and findings list (the click returns when the refresh is done: it runs
on the GUI thread). Prints the median and the largest, in seconds (wall and CPU).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("text", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = Path(tempfile.mkdtemp(prefix="caveat-toggle-"))
    for key in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
        os.environ[key] = str(home / key)
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from caveat.analysis.run import analyze
    from caveat.gui.document_tab import DocumentTab
    from caveat.gui.layer_visibility import LayerVisibility
    from caveat.gui.reader_filters import ReaderFilters
    from caveat.gui.settings import Settings
    from caveat.gui.view_filters import DismissalStore, IgnoreList
    from caveat.gui.worker import AnalysisRunner
    from caveat.loaders import load_document

    app = QApplication(sys.argv)
    document = load_document(args.text)
    analysis = analyze(document, use_cache=False, parallel=False)
    settings = Settings(QSettings(str(home / "c.ini"), QSettings.Format.IniFormat))
    filters = ReaderFilters(DismissalStore(home / "d.json"), IgnoreList(home / "i.txt"))
    runner = AnalysisRunner("rules")
    tab = DocumentTab(document, runner, LayerVisibility(settings), filters, QUndoStack())
    tab.resize(1200, 800)
    tab.show()
    tab.show_analysis(analysis)
    app.processEvents()
    wall, cpu = [], []
    for _ in range(args.runs):
        for level in ("strict", "balanced", "thorough"):
            started, started_cpu = time.perf_counter(), time.process_time()
            tab.side_panel.sensitivity.buttons[level].click()
            wall.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
            app.processEvents()
    print(
        f"{analysis.words:,} words, {len(analysis.all_findings()):,} findings: switching level "
        f"{statistics.median(wall):.3f} s median, {max(wall):.3f} s at most "
        f"(CPU {statistics.median(cpu):.3f} s median)"
    )
    runner.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
