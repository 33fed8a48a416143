"""Analysis off the GUI thread: a one-thread pool runs the model load, then analyses in turn.

One thread, because the spaCy pipeline is shared and analyses of two tabs gain nothing from
running side by side on a GIL-bound interpreter. Every run carries a request id; the window drops
results whose id is no longer current, and cancelling sets an event the analysis checks between
blocks.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Sequence

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from caveat.analysis.model import LAYER_IDS, PipelineInfo
from caveat.document import Document


class AnalysisSignals(QObject):
    """Signals of the background jobs; lives on the GUI thread, so slots run there."""

    pipeline_ready = Signal(object)  # PipelineInfo
    progress = Signal(int, int, int)  # request id, blocks done, blocks in all
    partial = Signal(int, object)  # request id, Analysis of the blocks on screen (partial=True)
    finished = Signal(int, object)  # request id, Analysis
    failed = Signal(int, str)  # request id, reason in plain words


class _PipelineJob(QRunnable):
    def __init__(self, signals: AnalysisSignals, model: str | None) -> None:
        super().__init__()
        self._signals, self._model = signals, model

    def run(self) -> None:
        try:
            from caveat.analysis.nlp import load_pipeline  # spaCy import is slow: keep it here

            _nlp, info = load_pipeline(self._model)
            # A helper process shares long documents (analysis/parallel.py). Spawned, since
            # forking a process with Qt threads is unsafe, and started now so that it has loaded
            # its own pipeline before the first long document arrives.
            from caveat.analysis.parallel import shared_helper

            shared_helper(self._model, start_method="spawn")
        except Exception as exc:  # noqa: BLE001 - the window reports it; a thread must not die
            self._signals.failed.emit(0, f"The language pipeline could not be loaded: {exc}")
            return
        self._signals.pipeline_ready.emit(info)


class _AnalysisJob(QRunnable):
    def __init__(
        self,
        signals: AnalysisSignals,
        request_id: int,
        document: Document,
        cancel: threading.Event,
        model: str | None,
        first_blocks: Sequence[int],
    ) -> None:
        super().__init__()
        self._signals, self._id, self._document = signals, request_id, document
        self._cancel, self._model, self._first = cancel, model, list(first_blocks)
        self._last_percent = -1

    def _progress(self, done: int, total: int) -> None:
        # one signal per percent: thousands of queued events would only cost the GUI thread
        percent = 100 * done // max(total, 1)
        if percent != self._last_percent:
            self._last_percent = percent
            self._signals.progress.emit(self._id, done, total)

    def run(self) -> None:
        if self._cancel.is_set():
            return
        try:
            from caveat.analysis.analyze import analyze, analyze_first

            if self._first:
                # what is on screen first, so highlights show in a fraction of a second
                first = analyze_first(
                    self._document, self._first, LAYER_IDS, self._model, self._cancel.is_set
                )
                if first is not None and not self._cancel.is_set():
                    self._signals.partial.emit(self._id, first)
            analysis = analyze(
                self._document,
                LAYER_IDS,
                model=self._model,
                progress=self._progress,
                cancelled=self._cancel.is_set,
            )
        except Exception as exc:  # noqa: BLE001 - shown in the window, never a traceback
            self._signals.failed.emit(self._id, f"The analysis stopped: {exc}")
            return
        if not analysis.cancelled:
            self._signals.finished.emit(self._id, analysis)


class AnalysisRunner(QObject):
    """Queues analyses on its own one-thread pool and hands out request ids."""

    def __init__(self, model: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.signals = AnalysisSignals(self)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._ids = itertools.count(1)
        self._cancels: dict[int, threading.Event] = {}
        self.pipeline_info: PipelineInfo | None = None
        self.signals.pipeline_ready.connect(self._remember_pipeline)
        self.signals.finished.connect(lambda rid, _a: self._cancels.pop(rid, None))
        self.signals.failed.connect(lambda rid, _m: self._cancels.pop(rid, None))

    def _remember_pipeline(self, info: PipelineInfo) -> None:
        self.pipeline_info = info

    def preload(self) -> None:
        """Load the pipeline now, so the first analysis does not wait for it."""
        self._pool.start(_PipelineJob(self.signals, self.model))

    def start(self, document: Document, first_blocks: Sequence[int] = ()) -> int:
        """Queue an analysis of `document`; `first_blocks` (those on screen) are done and shown
        first when the document is long."""
        request_id = next(self._ids)
        cancel = threading.Event()
        self._cancels[request_id] = cancel
        job = _AnalysisJob(self.signals, request_id, document, cancel, self.model, first_blocks)
        self._pool.start(job)
        return request_id

    def cancel(self, request_id: int) -> None:
        event = self._cancels.pop(request_id, None)
        if event is not None:
            event.set()

    def shutdown(self, wait_ms: int = 5000) -> None:
        """Cancel everything and wait for the running job to reach its next cancel point."""
        for request_id in list(self._cancels):
            self.cancel(request_id)
        self._pool.clear()
        self._pool.waitForDone(wait_ms)
