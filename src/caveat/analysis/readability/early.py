"""A long document's readability, measured in a process forked before spaCy is imported.

The command line spends its first second importing spaCy and loading the model on one core
while the other waits. The whole document's readability needs textstat only, and costs 0.4-0.7 s
of CPU per 100,000 words that the analysis's two processes would otherwise share with the model
(parallel.py's helper measured it before its first chunk). Forked while this process still has
a single thread and no spaCy, a small process (textstat and the document, some 40 MB) measures
it on the idle core and sends it back through a pipe.

The result is `document_readability(document)` computed in another process: the same function
on the same text, so the same figures. Whatever goes wrong (no fork on this system, the process
dies or does not answer in time) the readability is measured here instead, as before.
"""

from __future__ import annotations

import multiprocessing
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from caveat.document import Document
from caveat.lifeline import exit_with_parent, lifeline_args

Metrics = dict[str, float | None]

#: How long `result` waits for the early process before measuring here instead: far more than
#: it takes (0.4-0.7 s per 100,000 words, a few seconds on a busy machine), short enough that a
#: process stuck for whatever reason costs a run no more than that.
WAIT_SECONDS = 60.0


def _measure_and_send(
    document: Document, sender: Connection, parent_pid: int, from_main_thread: bool
) -> None:
    exit_with_parent(parent_pid, from_main_thread)  # never outlive the command
    from caveat.analysis.readability.metrics import document_readability

    sender.send(document_readability(document))
    sender.close()


class EarlyReadability:
    """The readability of `document`, measured by a forked process from `start()` on; `result()`
    waits for it (or measures here), `stop()` ends the process if it still runs."""

    def __init__(self, document: Document, wait_seconds: float = WAIT_SECONDS) -> None:
        self.document = document
        self._wait_seconds = wait_seconds
        self._process: BaseProcess | None = None
        self._receiver: Connection | None = None
        self._result: Metrics | None = None

    def start(self) -> bool:
        """Fork the measuring process; False where it could not be (then `result` measures
        here). Call while this process has a single thread: a fork copies only the thread that
        calls it, and a lock another thread held would stay locked in the child."""
        if "fork" not in multiprocessing.get_all_start_methods():
            return False
        context = multiprocessing.get_context("fork")
        receiver, sender = context.Pipe(duplex=False)
        process = context.Process(
            target=_measure_and_send,
            args=(self.document, sender, *lifeline_args()),
            name="caveat-readability",
            daemon=True,  # ended, not waited for, if this process exits first
        )
        try:
            with warnings.catch_warnings():
                # Python 3.12 warns of forking with threads; the caller has none (see above)
                warnings.simplefilter("ignore", DeprecationWarning)
                process.start()
        except OSError:  # no memory or no process left to fork
            receiver.close()
            sender.close()
            return False
        sender.close()  # the child's end: EOF here once the child is gone
        self._process, self._receiver = process, receiver
        return True

    def result(self) -> Metrics:
        """The document's readability: the early process's, or measured here if it failed."""
        if self._result is None:
            self._result = self._received()
            self.stop()
            if self._result is None:
                from caveat.analysis.readability.metrics import document_readability

                self._result = document_readability(self.document)
        return self._result

    def _received(self) -> Metrics | None:
        receiver = self._receiver
        if receiver is None:
            return None
        try:
            if receiver.poll(self._wait_seconds):
                measured: Metrics = receiver.recv()
                return measured
        except (EOFError, OSError):  # the process died before it sent anything
            pass
        return None

    def stop(self) -> None:
        """End the early process if it still runs, and reap it."""
        process, self._process = self._process, None
        if self._receiver is not None:
            self._receiver.close()
            self._receiver = None
        if process is not None:
            if process.is_alive():
                process.terminate()
            process.join(5)


@contextmanager
def early_readability(document: Document, start: bool = True) -> Iterator[EarlyReadability]:
    """An EarlyReadability of `document`, started if `start`, whose process ends with the
    block at the latest."""
    early = EarlyReadability(document)
    if start:
        early.start()
    try:
        yield early
    finally:
        early.stop()
