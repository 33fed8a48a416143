"""The window's figures at 100,000 words: launch to window shown, layer toggle, peak memory.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/gui_figures.py [--words 100000] [--runs 5]

Launch is timed from starting a fresh Python process to the window's first turn of the event
loop after show(). Memory is the window process's peak RSS plus the RSS of its helper process
(analysis/parallel.py), read from /proc once the analysis is done.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

sys.path.insert(0, str(Path(__file__).resolve().parent))

LAUNCH_CHILD = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from caveat.gui.main_window import MainWindow
window = MainWindow(model="rules")
window.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""


def launch_seconds() -> float:
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", LAUNCH_CHILD], capture_output=True, text=True, check=True
    )
    assert "shown" in out.stdout
    return time.perf_counter() - start


def _status_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        found.extend(int(c) for c in text)
    return found


def in_window(words: int, runs: int) -> dict[str, float]:
    from gui_stall import long_article
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from caveat.gui.main_window import MainWindow
    from caveat.gui.settings import Settings

    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="caveat-figures-"))
    path = long_article(words, folder)
    settings = Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings=settings)
    window.resize(1280, 800)
    window.show()
    figures: dict[str, float] = {}

    def toggle_runs(tab) -> None:
        visibility = window.visibility
        sync, repaint = [], []
        for _ in range(runs):
            for visible in (False, True):
                start = time.perf_counter()
                visibility.set_visible("hedge", visible)
                sync.append(time.perf_counter() - start)
                painter = tab.reader.highlighter.painter
                while painter.busy():
                    app.processEvents()  # a benchmark may spin the loop; the program never does
                repaint.append(time.perf_counter() - start)
        figures["toggle_sync_ms"] = 1000 * statistics.median(sync)
        figures["toggle_full_repaint_ms"] = 1000 * statistics.median(repaint)
        figures["findings"] = len(tab.analysis.all_findings())
        figures["window_peak_rss_mb"] = _status_kb(os.getpid(), "VmHWM") / 1024
        helpers = _children(os.getpid())
        figures["helper_rss_mb"] = sum(_status_kb(c, "VmRSS") for c in helpers) / 1024
        figures["helper_peak_rss_mb"] = sum(_status_kb(c, "VmHWM") for c in helpers) / 1024
        app.quit()

    def open_article(_info) -> None:
        [tab] = window.open_paths([path])
        tab.analysis_ready.connect(lambda _a: QTimer.singleShot(500, lambda: toggle_runs(tab)))

    window.runner.signals.pipeline_ready.connect(open_article)
    window.runner.preload()
    app.exec()
    window.runner.shutdown()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    launches = [launch_seconds() for _ in range(args.runs)]
    print(
        f"launch to window shown: median {statistics.median(launches):.3f} s "
        f"(runs: {', '.join(f'{s:.3f}' for s in launches)})"
    )
    for name, value in in_window(args.words, args.runs).items():
        print(f"{name}: {value:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
