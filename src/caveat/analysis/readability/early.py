"""A document's readability, measured in a process forked before spaCy is imported.

The command line spends its first second importing spaCy and loading the model on one core
while the other waits. The readability needs textstat only: the whole document's (0.4-0.7 s of
CPU per 100,000 words, which parallel.py's helper measured before its first chunk) and every
paragraph's (some 0.4 s more, which each analysis process paid for its own blocks, each
learning the same words' syllables). Forked while this process still has a single thread and no
spaCy, a small process (textstat and the document, some 40 MB) measures the whole document on
the idle core, then every paragraph with the words it has learnt, and sends each back through
a pipe; the analysis processes leave their blocks' metrics empty (`measure=False`) and the run
fills them in from here. A short article gains too: textstat's import, its hyphenation
patterns and the measuring leave the command's one busy core (the sample: 1.04 -> 0.96 s).

Each figure is computed by the same function on the same text as before (`document_readability`,
`block_readability`), in another process: the same figures. Whatever goes wrong (no fork on
this system, the process dies or does not answer in time) what is missing is measured here
instead, as before.
"""

from __future__ import annotations

import multiprocessing
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from caveat.document import Document
from caveat.lifeline import exit_with_parent, lifeline_args

Metrics = dict[str, float | None]

#: How long the run waits for the early process (from its first question) before measuring
#: here instead: far more than it takes (about 1 s per 100,000 words, a few seconds on a busy
#: machine), short enough that a process stuck for whatever reason costs a run no more.
WAIT_SECONDS = 60.0
DOCUMENT, BLOCKS = "document", "blocks"  # what the early process sends, in this order


def _measure_and_send(
    document: Document, sender: Connection, parent_pid: int, from_main_thread: bool
) -> None:
    exit_with_parent(parent_pid, from_main_thread)  # never outlive the command
    from caveat.analysis.readability.metrics import blocks_readability, document_readability

    sender.send((DOCUMENT, document_readability(document)))
    sender.send((BLOCKS, blocks_readability(document)))
    sender.close()


class EarlyReadability:
    """The readability of `document` (`document()`) and of its analysed blocks (`blocks()`),
    measured by a forked process from `start()` on, or here if that fails; `stop()` ends the
    process if it still runs."""

    def __init__(self, document: Document, wait_seconds: float = WAIT_SECONDS) -> None:
        self._source = document
        self._wait_seconds = wait_seconds
        self._deadline: float | None = None  # set at the first question
        self._process: BaseProcess | None = None
        self._receiver: Connection | None = None
        self._document: Metrics | None = None
        self._blocks: dict[int, Metrics] | None = None
        self._started: bool | None = None  # whether the fork succeeded, once tried

    def start(self) -> bool:
        """Fork the measuring process (once, however often called); False where it could not
        be (then everything is measured here). Call while this process has a single thread: a
        fork copies only the thread that calls it, and a lock another thread held would stay
        locked in the child."""
        if self._started is None:
            self._started = self._fork()
        return self._started

    def _fork(self) -> bool:
        if "fork" not in multiprocessing.get_all_start_methods():
            return False
        context = multiprocessing.get_context("fork")
        receiver, sender = context.Pipe(duplex=False)
        process = context.Process(
            target=_measure_and_send,
            args=(self._source, sender, *lifeline_args()),
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

    def document(self) -> Metrics:
        """The whole document's readability (`document_readability`)."""
        while self._document is None and self._receive():
            pass
        if self._document is None:
            from caveat.analysis.readability.metrics import document_readability

            self._document = document_readability(self._source)
        if self._blocks is not None:
            self.stop()  # it has sent all it will
        return self._document

    def blocks(self) -> dict[int, Metrics]:
        """Each analysed block's readability (`block_readability`), by block index."""
        while self._blocks is None and self._receive():
            pass
        if self._blocks is None:
            from caveat.analysis.readability.metrics import blocks_readability

            self._blocks = blocks_readability(self._source)
        if self._document is not None:
            self.stop()  # it has sent all it will
        return self._blocks

    def _receive(self) -> bool:
        """Take the early process's next message; False once nothing more will come (it
        finished, died or ran out of time: it is then ended)."""
        receiver = self._receiver
        if receiver is None:
            return False
        if self._deadline is None:
            self._deadline = time.monotonic() + self._wait_seconds
        try:
            if receiver.poll(max(0.0, self._deadline - time.monotonic())):
                kind, measured = receiver.recv()
                if kind == DOCUMENT:
                    self._document = measured
                else:
                    self._blocks = measured
                return True
        except (EOFError, OSError):  # the process died before it sent this
            pass
        self.stop()
        return False

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
