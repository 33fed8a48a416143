"""How long the window's event loop stalls while a 100,000-word article is opened and analysed.

A 5 ms QTimer records the gap between its ticks; a gap far above 5 ms means the GUI thread
could not run (paint, react to input) for that long. Run:

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/gui_stall.py [--words 100000] [--model M]

Reports the longest gap in each phase: opening (text shown, on the GUI thread), the analysis
(on the worker thread), and applying the results (highlighting, side panel).
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
from caveat.resources import sample_article  # noqa: E402


def long_article(words: int, folder: Path) -> Path:
    """The bundled sample, repeated until it has `words` words."""
    body = sample_article().read_text(encoding="utf-8")
    repeats = max(1, round(words / len(body.split())))
    path = folder / "long-article.md"
    path.write_text("\n\n".join([body] * repeats), encoding="utf-8")
    return path


class GapRecorder:
    """Ticks every few ms and keeps the longest gap per phase."""

    def __init__(self, interval_ms: int = 5) -> None:
        self.phase = "idle"
        self.longest: dict[str, float] = {}
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = (now - self._last) * 1000
        self.longest[self.phase] = max(self.longest.get(self.phase, 0.0), gap)
        self._last = now

    def enter(self, phase: str) -> None:
        self._tick()
        self.phase = phase


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--model", default=None, help="'rules' for the fallback pipeline")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="caveat-stall-"))
    path = long_article(args.words, folder)
    settings = Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings=settings, model=args.model)
    window.resize(1280, 800)
    recorder = GapRecorder()
    timings: dict[str, float] = {}

    def load_pipeline_then_open() -> None:
        recorder.enter("opening")
        start = time.perf_counter()
        [tab] = window.open_paths([path])
        timings["open_s"] = time.perf_counter() - start
        recorder.enter("analysing")
        timings["analysis_start"] = time.perf_counter()
        tab.runner_done = False

        def first_highlights() -> None:
            timings["first_highlights_s"] = time.perf_counter() - timings["analysis_start"]

        tab.first_highlights.connect(first_highlights)

        def applied(analysis) -> None:
            timings["analysis_s"] = time.perf_counter() - timings["analysis_start"]
            timings["findings"] = len(analysis.all_findings())
            timings["words"] = analysis.words
            recorder.enter("painting in slices")
            QTimer.singleShot(3000, app.quit)

        # the result arrives in the finished slot: time it apart from the analysis
        original = tab.show_analysis

        def timed_show(analysis) -> None:
            recorder.enter("applying results")
            start = time.perf_counter()
            original(analysis)
            timings["apply_s"] = time.perf_counter() - start

        tab.show_analysis = timed_show  # type: ignore[method-assign]
        tab.analysis_ready.connect(applied)

    def pipeline_ready(_info) -> None:
        recorder.enter("idle")
        QTimer.singleShot(200, load_pipeline_then_open)

    window.runner.signals.pipeline_ready.connect(pipeline_ready)
    recorder.enter("model loading")
    window.runner.preload()
    app.exec()
    window.runner.shutdown()
    print(f"words analysed: {timings.get('words', 0):,}  findings: {timings.get('findings', 0):,}")
    print(f"open (text shown): {timings.get('open_s', 0):.3f} s on the GUI thread")
    print(f"first highlights: {timings.get('first_highlights_s', 0):.3f} s after the text shows")
    print(f"analysis: {timings.get('analysis_s', 0):.1f} s in the background")
    print(f"apply results (first slice): {timings.get('apply_s', 0):.3f} s on the GUI thread")
    for phase, gap in recorder.longest.items():
        print(f"longest event-loop gap while {phase}: {gap:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
