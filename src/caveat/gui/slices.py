"""Long GUI-thread work (painting 100,000 words, filling a list of thousands) in short slices.

Each slice runs for a few milliseconds, then yields to the event loop through a zero timer, so
the window keeps painting and answering input. Never `processEvents()`.

Runners busy at once share the budget: each slice gets SLICE_MS divided by their number. Every
busy runner's zero timer fires in the same turn of the event loop, so three of them (the text
being laid out, the highlights being painted, the findings list being filled, as when a long
article's analysis arrives) made one turn of 36 ms plus the slot that started them, measured at
100,000 words as gaps of 45-55 ms.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Iterator

from PySide6.QtCore import QObject, QTimer, Signal

SLICE_MS = 12.0


class SliceRunner(QObject):
    """Runs one generator at a time, a slice per event-loop turn; a new start replaces it."""

    done = Signal()
    #: the runners with steps left, in every window of this process: they share a turn's budget
    #: (weak: a runner deleted with its tab, steps left or not, leaves it)
    _busy: weakref.WeakSet[SliceRunner] = weakref.WeakSet()

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
            self._finish()
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
        SliceRunner._busy.add(self)
        deadline = time.perf_counter() + self._budget / len(SliceRunner._busy)
        for _ in steps:
            if time.perf_counter() > deadline:
                self._timer.start()
                return
        self._finish()

    def _finish(self) -> None:
        self._steps = None
        SliceRunner._busy.discard(self)
        self.done.emit()
