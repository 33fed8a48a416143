"""The window's second analysis process: forked from the first for a long document, it measures
the whole document's readability and then analyses blocks from the END, while the first serves
the window's chunks (the blocks on screen, then reading order: analysis/schedule.py). It also
measures every analysed paragraph's readability right after the document's, with the words that
taught it (as the command line's early process does, readability/early.py), so neither process
measures its blocks' as it analyses them: each learning the same words' syllables cost the two
some 0.3 s of CPU per 100,000 words. The window needs the paragraphs' figures only once all is
done (the difficulty strip, the readability tab); the partial analyses shown before leave them
empty.

The command line shares a long document between two processes (parallel.py); the window's
analysis process did everything alone, which made 100,000 words take 1.6 times as long in the
window. This process is forked from the analysis process once the model is loaded and the
document received, so it inherits both: the model's pages are shared with its parent (`gc.freeze`
in pipeline/load.py keeps the collector from touching them), and nothing is sent to it but the
claims below. The window's own process talks to the first analysis process only, as before.

Which process does a block is settled by a claim under a lock, in a byte per block of shared
memory: FREE, then HERE (the first process) or TAIL. Each block is analysed once, by whichever
claimed it, with the same pipeline, so the whole is what one process gives. The tail claims about
TAIL_WORDS words at a time from the end and sends each chunk's results back through a pipe; the
first process passes them on with the answer to the window's next chunk. A block the window asks
for that the tail holds is waited for only when nothing else of the request could be done here
(then it is at most the tail's current chunk); otherwise it is left out of the answer and the
window asks again (schedule.py puts it back).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import warnings
from collections.abc import Sequence
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING

from caveat.analysis.results import BlockResult, block_words
from caveat.document import Document
from caveat.lifeline import exit_with_parent, lifeline_args

if TYPE_CHECKING:
    from spacy.language import Language

FREE, HERE, TAIL = 0, 1, 2
#: Words the tail claims at a time: what a request for a block it holds may wait for, and the
#: size of its batches (the tagger batches well from a few hundred words on).
TAIL_WORDS = 1_000


class Tail:
    """In the analysis process: the forked second process working from the end of `document`.

    Start it with `start()`; `claim` the blocks this process is asked for, `collect` what the
    tail has sent, `metrics` for the whole document's readability and `block_metrics` for its
    analysed blocks'; `stop` ends it."""

    def __init__(self, document: Document, layers: tuple[str, ...], model: str | None) -> None:
        self.document, self.layers = document, layers
        context = multiprocessing.get_context("fork")
        self._lock = context.Lock()
        self._state = context.RawArray("b", len(document.blocks))
        self._receiver, sender = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_tail_main,
            args=(document, layers, model, self._state, self._lock, sender, *lifeline_args()),
            name="caveat-tail",
            # ended, not waited for, if the analysis process exits while it runs
            daemon=True,
        )
        self._sender = sender
        self.delivered: dict[int, BlockResult] = {}  # sent by the tail, not yet passed on
        self._received: set[int] = set()  # every block the tail has sent
        self._metrics: dict[str, float | None] | None = None
        self._block_metrics: dict[int, dict[str, float | None]] | None = None
        self._ended = False  # the tail sent its last message, or died

    @property
    def started(self) -> bool:
        return self._process.pid is not None

    def start(self) -> None:
        # The only other thread here is the lifeline's watchdog, asleep in time.sleep holding no
        # lock, so forking now is safe; Python 3.12 warns of any thread.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            self._process.start()
        self._sender.close()  # the child's end: EOF here once the child is gone

    def claim(self, indices: Sequence[int]) -> list[int]:
        """The blocks of `indices` this process may analyse (no one claimed them yet)."""
        state = self._state
        with self._lock:
            mine = [i for i in indices if state[i] == FREE]
            for i in mine:
                state[i] = HERE
        return mine

    def collect(self, wait_for: Sequence[int] = ()) -> list[BlockResult]:
        """Everything the tail has sent and not yet passed on, after waiting until every block
        of `wait_for` it claimed has come (those left over if it died are done here later:
        see `orphans`)."""
        self._read(block=False)
        while not self._ended and any(
            self._state[i] == TAIL and i not in self._received for i in wait_for
        ):
            self._read(block=True)
        found = list(self.delivered.values())
        self.delivered.clear()
        return found

    def orphans(self, indices: Sequence[int]) -> list[int]:
        """Blocks of `indices` the tail claimed but will never send (it died): done here."""
        if not self._ended or self._process.exitcode == 0:
            return []
        return [i for i in indices if self._state[i] == TAIL and i not in self._received]

    def metrics(self) -> dict[str, float | None] | None:
        """The whole document's readability, once the tail has sent it (None if it died)."""
        while self._metrics is None and not self._ended:
            self._read(block=True)
        return self._metrics

    def block_metrics(self) -> dict[int, dict[str, float | None]] | None:
        """Each analysed block's readability, once the tail has sent it (None if it died)."""
        while self._block_metrics is None and not self._ended:
            self._read(block=True)
        return self._block_metrics

    def _read(self, block: bool) -> None:
        while not self._ended and (block or self._receiver.poll()):
            block = False
            try:
                kind, payload = self._receiver.recv()
            except (EOFError, OSError):
                self._end()
                return
            if kind == "metrics":
                self._metrics = payload
            elif kind == "block_metrics":
                self._block_metrics = payload
            elif kind == "blocks":
                self.delivered.update((r.index, r) for r in payload)
                self._received.update(r.index for r in payload)
            else:  # "done": nothing left to claim
                self._end()

    def _end(self) -> None:
        self._ended = True
        self._process.join(5)

    def stop(self) -> None:
        """End the tail now (a new document, a cancelled run) and reap it."""
        if self.started:
            if self._process.is_alive():
                self._process.terminate()
            self._process.join(5)
        else:
            self._sender.close()
        self._receiver.close()
        self._ended = True


def _claim_from_end(document: Document, state, lock) -> list[int]:  # noqa: ANN001 - shared ctypes
    """The last free analysed blocks adding up to about TAIL_WORDS words, in document order."""
    chunk: list[int] = []
    words = 0
    with lock:
        for i in range(len(document.blocks) - 1, -1, -1):
            if words >= TAIL_WORDS:
                break
            if state[i] == FREE and document.blocks[i].analysed:
                state[i] = TAIL
                chunk.append(i)
                words += block_words(document, i)
    chunk.reverse()
    return chunk


def _below_the_window() -> None:
    """Under a real-time policy (`chrt -f`, as the quiet benchmarks run), one priority step
    below the analysis process and the window: threads of equal real-time priority never
    preempt each other, so with the window, the analysis process and this one on two cores the
    window's event loop could wait a whole chunk for a core. Under the normal policy nothing
    changes: a nicer second process was tried and measured worse (docs/performance.md, "Two
    analysis processes in the window": on a busy machine it fell behind, and the analysis
    process waited for its chunk where the two met)."""
    try:
        if os.sched_getscheduler(0) in (os.SCHED_FIFO, os.SCHED_RR):
            priority = os.sched_getparam(0).sched_priority
            os.sched_setparam(0, os.sched_param(max(1, priority - 1)))
    except (AttributeError, OSError):
        pass  # no such scheduling here (not Linux): nothing to step below


def _tail_main(
    document: Document,
    layers: tuple[str, ...],
    model: str | None,
    state,  # noqa: ANN001 - a shared ctypes array
    lock,  # noqa: ANN001 - a multiprocessing lock
    sender: Connection,
    parent_pid: int,
    from_main_thread: bool,
) -> None:
    exit_with_parent(parent_pid, from_main_thread)  # never outlive the analysis process
    _below_the_window()
    # Out of the collector's sight, everything inherited (the model, the document, the lemmas
    # learned so far) keeps sharing its pages with the parent instead of being copied as a
    # collection writes to each object's header.
    gc.freeze()
    from caveat.analysis.pipeline.blocks import iter_block_results
    from caveat.analysis.pipeline.load import load_pipeline
    from caveat.analysis.readability.metrics import blocks_readability, document_readability

    nlp: Language = load_pipeline(model)[0]  # inherited, loaded: the parent loaded it
    sender.send(("metrics", document_readability(document)))
    sender.send(("block_metrics", blocks_readability(document)))
    while chunk := _claim_from_end(document, state, lock):
        found = iter_block_results(document, layers, nlp, order=chunk, measure=False)
        sender.send(("blocks", list(found)))
    sender.send(("done", None))
    sender.close()


#: The tail of the document the analysis process is sharing now, if any (one at a time).
_current: Tail | None = None


def share(document: Document, layers: tuple[str, ...], model: str | None) -> Tail:
    """The tail sharing `document`, made on the first chunk the window asks for."""
    global _current
    if _current is None or _current.document is not document or _current.layers != layers:
        stop()
        _current = Tail(document, layers, model)  # started once the first chunk is done
    return _current


def sharing(document: Document) -> Tail | None:
    """The tail sharing `document`, if one is."""
    return _current if _current is not None and _current.document is document else None


def stop() -> None:
    """End the tail, if any (a new document, a cancelled run, the run's end)."""
    global _current
    tail, _current = _current, None
    if tail is not None:
        tail.stop()


def analyse_shared(tail: Tail, nlp: Language, indices: Sequence[int]) -> list[BlockResult]:
    """The blocks of `indices` no one had claimed, analysed here, with every block the tail has
    finished since the last call (whether asked for or not), their readability left empty (the
    tail measures every block's: `Tail.block_metrics`). The blocks asked for that the tail
    holds are waited for only if none could be done here."""
    from caveat.analysis.pipeline.blocks import iter_block_results

    document, layers = tail.document, tail.layers
    mine = tail.claim(indices)
    found: list[BlockResult] = []
    if mine:
        found += iter_block_results(document, layers, nlp, order=mine, measure=False)
    if not tail.started:  # after the first chunk (the screen's), whose highlights need no fork
        tail.start()
    found += tail.collect(wait_for=() if mine else indices)
    if orphans := tail.orphans(indices):  # the tail died: its share is done here
        found += iter_block_results(document, layers, nlp, order=orphans, measure=False)
    if not found:  # cannot happen by the claims; if it did, the window would ask forever
        found = list(iter_block_results(document, layers, nlp, order=indices, measure=False))
    return found
