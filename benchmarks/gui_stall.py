"""How long the window's event loop stalls while a 100,000-word article is opened and analysed.

A 5 ms QTimer records the gap between its ticks; a gap far above 5 ms means the GUI thread
could not run (paint, react to input) for that long. Run:

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/gui_stall.py [--words 100000] [--model M]

Reports the longest gap in each phase: opening (text shown, on the GUI thread), the analysis
(on the worker thread), and applying the results (highlighting, side panel), and beside it the
most CPU time the GUI thread spent between two ticks: on a loaded machine a gap may be the
machine's (the window waited for a core), and then costs the GUI thread no CPU. With --stacks MS,
a watching thread also records where the GUI thread was whenever it had spent MS milliseconds of
its own CPU time without ticking, and prints the places seen most: what to split.
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
import tempfile
import threading
import time
import traceback
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
        self.busiest: dict[str, float] = {}  # the most GUI-thread CPU time between two ticks
        self._last_cpu = self.last_tick_cpu = time.thread_time()
        self._last = self.last_tick = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        gap = (now - self._last) * 1000
        self.longest[self.phase] = max(self.longest.get(self.phase, 0.0), gap)
        # the GUI thread's own CPU time in the gap: a gap of the machine's (other processes
        # had the cores) costs it none; a gap of the window's own work costs all of it
        busy = (cpu - self._last_cpu) * 1000
        self.busiest[self.phase] = max(self.busiest.get(self.phase, 0.0), busy)
        self._last, self._last_cpu = now, cpu
        self.last_tick, self.last_tick_cpu = now, cpu

    def enter(self, phase: str) -> None:
        self._tick()
        self.phase = phase


class StallWatcher:
    """A thread that samples the GUI thread's stack once it has spent `after_ms` of its own CPU
    time since its last tick: the window's own work, not the machine's load."""

    def __init__(self, recorder: GapRecorder, after_ms: float) -> None:
        self.recorder, self.after = recorder, after_ms / 1000
        self.places: collections.Counter[str] = collections.Counter()
        self._gui = threading.main_thread().ident
        self._stop = threading.Event()
        threading.Thread(target=self._watch, daemon=True).start()

    def _watch(self) -> None:
        gui_cpu = time.pthread_getcpuclockid(self._gui)  # the GUI thread's own CPU clock
        while not self._stop.wait(0.005):
            if time.clock_gettime(gui_cpu) - self.recorder.last_tick_cpu < self.after:
                continue  # not stalled, or stalled by the machine (no CPU of its own)
            frame = sys._current_frames().get(self._gui)  # noqa: SLF001 - a sampling profiler
            if frame is not None:
                stack = traceback.extract_stack(frame)[-8:]
                where = " < ".join(
                    f"{Path(f.filename).stem}:{f.name}:{f.lineno}" for f in reversed(stack)
                )
                self.places[f"{self.recorder.phase}: {where}"] += 1

    def report(self) -> None:
        self._stop.set()
        for where, count in self.places.most_common(12):
            print(f"{count * 5:5d} ms  {where}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--model", default=None, help="'rules' for the fallback pipeline")
    parser.add_argument("--stacks", type=float, default=0, help="sample stalls over this (ms)")
    parser.add_argument("--news", action="store_true", help="real news, not the sample repeated")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="caveat-stall-"))
    if args.news:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from news_text import write_news

        path = write_news(args.words, folder)
    else:
        path = long_article(args.words, folder)
    settings = Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings=settings, model=args.model)
    window.resize(1280, 800)
    recorder = GapRecorder()
    watcher = StallWatcher(recorder, args.stacks) if args.stacks else None
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
        busy = recorder.busiest.get(phase, 0.0)
        print(f"longest event-loop gap while {phase}: {gap:.0f} ms ({busy:.0f} ms of CPU)")
    if watcher:
        print(f"where the GUI thread was, {args.stacks:.0f} ms of CPU or more into a stall:")
        watcher.report()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
