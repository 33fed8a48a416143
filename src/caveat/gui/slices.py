"""Long GUI-thread work (painting 100,000 words, filling a list of thousands) in short slices.

Each slice runs for a few milliseconds, then yields to the event loop through a zero timer, so
the window keeps painting and answering input. Never `processEvents()`.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from PySide6.QtCore import QObject, QTimer, Signal

SLICE_MS = 12.0


class SliceRunner(QObject):
    """Runs one generator at a time, a slice per event-loop turn; a new start replaces it."""

    done = Signal()

    def __init__(self, parent: QObject | None = None, budget_ms: float = SLICE_MS) -> None:
        super().__init__(parent)
        self._budget = budget_ms / 1000
        self._steps: Iterator[object] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._run_slice)

    def start(self, steps: Iterator[object], at_once: bool = False, later: bool = False) -> None:
        """Run `steps`; `at_once` runs them to the end now (small jobs, and deterministic tests);
        `later` starts on the next turn of the event loop, leaving this one to other work."""
        self._steps = steps
        self._timer.stop()
        if at_once:
            for _ in steps:
                pass
            self._steps = None
            self.done.emit()
        elif later:
            self._timer.start()
        else:
            self._run_slice()

    def busy(self) -> bool:
        return self._steps is not None

    def _run_slice(self) -> None:
        steps = self._steps
        if steps is None:
            return
        deadline = time.perf_counter() + self._budget
        for _ in steps:
            if time.perf_counter() > deadline:
                self._timer.start()
                return
        self._steps = None
        self.done.emit()
