"""Analysis away from the window: a separate process runs the model, a thread here feeds it.

The window's process never loads spaCy or textstat. Its analysis process (analysis/parallel.py,
spawned and warmed at start-up) holds the pipeline; a one-thread pool here runs the analysis path
every caller shares (analysis/run.py), which sends the document in chunks, the blocks on screen
first (re-decided after every chunk as the reader moves: analysis/schedule.py), and turns what
comes back into signals. So the model's work cannot hold this process's GIL and stall the event
loop, and the window's memory stays that of a reader. A long document is shared by the analysis
process with a second one it forks from itself (analysis/tail.py), which shares the model's
pages: measured at 100,000 words, all three processes together about 370 MB by PSS, where a model
loaded in this process too took about 590 MB (docs/performance.md, "The window").

Every run carries a request id; the window drops results whose id is no longer current, and
cancelling drops the chunks not yet begun.
"""

from __future__ import annotations

import itertools
import threading
from concurrent.futures import CancelledError, Future
from concurrent.futures.process import BrokenProcessPool

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from caveat.analysis import cache
from caveat.analysis.parallel import HelperProcess, forget_shared_helper, shared_helper
from caveat.analysis.run import Stopped, analyze_in_helper
from caveat.analysis.schedule import OnScreen
from caveat.document import Document
from caveat.findings import PipelineInfo
from caveat.reader_words import load_added_words


class AnalysisSignals(QObject):
    """Signals of the background jobs; lives on the GUI thread, so slots run there."""

    pipeline_ready = Signal(object)  # PipelineInfo
    progress = Signal(int, int, int)  # request id, blocks done, blocks in all
    partial = Signal(int, object)  # request id, Analysis of the blocks done so far (partial=True)
    finished = Signal(int, object)  # request id, Analysis
    failed = Signal(int, str)  # request id, reason in plain words


class _AnalysisJob(QRunnable):
    def __init__(
        self,
        signals: AnalysisSignals,
        request_id: int,
        document: Document,
        cancel: threading.Event,
        helper: HelperProcess,
        model: str | None,
        on_screen: OnScreen | None,
    ) -> None:
        super().__init__()
        self._signals, self._id, self._document = signals, request_id, document
        self._cancel, self._helper, self._on_screen = cancel, helper, on_screen
        self._model = model

    def run(self) -> None:
        if self._cancel.is_set():
            return
        signals, request_id = self._signals, self._id
        try:
            analysis = analyze_in_helper(
                self._document,
                self._helper,
                self._model,
                on_screen=self._on_screen,
                progress=lambda done, total: signals.progress.emit(request_id, done, total),
                partial=lambda shown: signals.partial.emit(request_id, shown),
                cancelled=self._cancel.is_set,
            )
        except (CancelledError, Stopped):
            return
        except BrokenProcessPool:
            forget_shared_helper(self._helper)  # the runner starts a new one for the next run
            signals.failed.emit(
                request_id,
                "The analysis process stopped unexpectedly. Open the file again to retry.",
            )
        except Exception as exc:  # noqa: BLE001 - shown in the window, never a traceback
            signals.failed.emit(request_id, f"The analysis stopped: {exc}")
        else:
            if not analysis.cancelled:
                signals.finished.emit(request_id, analysis)


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
        self.word_list_problem: str | None = None  # words.toml, unreadable: why
        self.signals.pipeline_ready.connect(self._remember_pipeline)
        self.signals.finished.connect(lambda rid, _a: self._cancels.pop(rid, None))
        self.signals.failed.connect(lambda rid, _m: self._cancels.pop(rid, None))

    def _remember_pipeline(self, info: PipelineInfo) -> None:
        self.pipeline_info = info

    def helper(self) -> HelperProcess:
        """The analysis process, spawned on first use (forking a process with Qt threads is
        unsafe), and again after one died."""
        return shared_helper(self.model, start_method="spawn")

    def preload(self) -> None:
        """Start the analysis process and its pipeline now, so the first analysis need not wait.

        Reported through a callback, not a job on the pool: an analysis queued meanwhile may be
        answered from the cache before the pipeline is ready."""
        self.helper().warming.add_done_callback(self._on_warm)

    def _on_warm(self, warming: Future[PipelineInfo]) -> None:
        # runs on the executor's thread; the signals are queued to the GUI thread
        try:
            info = warming.result()
        except Exception as exc:  # noqa: BLE001 - the window reports it; a thread must not die
            self.signals.failed.emit(0, f"The language pipeline could not be loaded: {exc}")
            return
        cache.remember_pipeline(self.model, info)
        # The reader's own word list is read where the analysis runs; read here, off the GUI
        # thread, only to say in the window if it is broken.
        _added, self.word_list_problem = load_added_words()
        self.signals.pipeline_ready.emit(info)

    def start(self, document: Document, on_screen: OnScreen | None = None) -> int:
        """Queue an analysis of `document`. The blocks in `on_screen`, which the caller keeps
        up to date as the view moves, are analysed before the others and shown at once through
        `partial`; without it the analysis comes whole at the end."""
        request_id = next(self._ids)
        cancel = threading.Event()
        self._cancels[request_id] = cancel
        job = _AnalysisJob(
            self.signals, request_id, document, cancel, self.helper(), self.model, on_screen
        )
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
