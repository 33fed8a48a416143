"""What the window's progress bar does while a big file is analysed.

Opens FILE in the real window (offscreen), with its own analysis process, and prints when the
bar first moves, how often it moves, its value every tenth of the run, when the first
highlights show and when the analysis is done. Run it under peak_memory.py for the memory of
the window and its analysis process together:

    .venv/bin/python benchmarks/peak_memory.py -- \
        .venv/bin/python benchmarks/window_progress.py big.txt
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from caveat.gui.main_window import MainWindow  # noqa: E402
from caveat.gui.settings import Settings  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--model", default=None, help="'rules' for the fallback pipeline")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="caveat-progress-"))
    settings = Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings=settings, model=args.model)
    window.resize(1280, 800)
    steps: list[tuple[float, int, int]] = []
    marks: dict[str, float] = {}

    def open_file() -> None:
        marks["open"] = time.perf_counter()
        [tab] = window.open_paths([args.file])
        marks["shown"] = time.perf_counter()

        def progress(request_id: int, done: int, total: int) -> None:
            steps.append((time.perf_counter(), done, total))

        window.runner.signals.progress.connect(progress)
        tab.first_highlights.connect(lambda: marks.setdefault("first", time.perf_counter()))

        def finished(analysis) -> None:
            marks["done"] = time.perf_counter()
            marks["findings"] = len(analysis.all_findings())
            QTimer.singleShot(500, app.quit)

        tab.analysis_ready.connect(finished)

    window.runner.signals.pipeline_ready.connect(lambda _info: QTimer.singleShot(100, open_file))
    window.runner.preload()
    app.exec()
    window.runner.shutdown()
    start = marks["open"]
    print(f"text shown after {marks['shown'] - start:.1f} s")
    if "first" in marks:
        print(f"first highlights after {marks['first'] - start:.1f} s")
    print(f"analysis done after {marks['done'] - start:.1f} s, {marks['findings']:,} findings")
    if steps:
        print(f"progress: {len(steps)} updates, the first after {steps[0][0] - start:.1f} s")
        span = marks["done"] - start
        for tenth in range(1, 11):
            at = start + span * tenth / 10
            done = max((d / t for s, d, t in steps if s <= at and t), default=0.0)
            print(f"  at {at - start:6.1f} s: {done:4.0%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
