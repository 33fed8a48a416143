"""A second process that shares the work on long documents, so both cores are used.

The tagger is pure CPU under the GIL, so threads cannot share it. A helper process with its own
pipeline takes chunks of blocks from the END of the document while the caller works from the
start; a chunk the helper has not begun is taken back (its future cancelled) and done by the
caller, so the two meet wherever the work balances, however slow the helper was to start. The
helper also measures the whole document's readability first, which would otherwise cost the
caller another two seconds per 100,000 words.

The window's helper, which does all the work alone, shares a long document in its turn with a
process it forks from itself (tail.py).

Started by fork where the caller has no other threads (the command line: the child inherits the
loaded pipeline at no cost), by spawn otherwise (the window, whose Qt threads make fork unsafe).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from caveat.analysis import tail
from caveat.analysis.results import BlockResult
from caveat.document import Document
from caveat.findings import PipelineInfo
from caveat.layers import Layer, adopt, all_layers, get_layer, layer_ids, with_needs
from caveat.lifeline import exit_with_parent, lifeline_args

Metrics = dict[str, float | None]
_pipeline_model: str | None = None
_documents: dict[int, Document] = {}  # in the helper: the document being shared, by ticket
_share = False  # in the helper: whether that document is shared with a tail process (tail.py)
#: The document a forked helper inherits with the rest of its parent's memory: sending it again
#: would cost the helper a copy of the whole text (100 MB for 50 MB of text with curly quotes)
#: and both processes the pickle on the way.
_inherited: Document | None = None


def _init(
    model: str | None, layers: tuple[Layer, ...], parent_pid: int, from_main_thread: bool
) -> None:
    global _pipeline_model
    exit_with_parent(parent_pid, from_main_thread)  # never outlive the window or the command
    _pipeline_model = model
    adopt(layers)


def _warm(measure: bool = True) -> PipelineInfo:
    from caveat.analysis.pipeline.blocks import warm_up
    from caveat.analysis.pipeline.load import load_pipeline

    nlp, info = load_pipeline(_pipeline_model)
    warm_up(nlp, layer_ids(), measure)  # before the first chunk: what loads on first use
    return info


def _receive(ticket: int, document: Document, share: bool = False) -> None:
    """Keep the document for the chunks and the measurement that follow; `share`: with a
    second process working from its end (tail.py), forked on the first chunk."""
    global _share
    tail.stop()  # the last document's, if its run was cancelled
    _documents.clear()
    _documents[ticket] = document
    _share = share


def _measure(ticket: int) -> dict[str, float | None]:
    return _measure_with_blocks(ticket)[0]


def _measure_with_blocks(ticket: int) -> tuple[Metrics, dict[int, Metrics]]:
    """The document's readability, and its analysed blocks' if its chunks left them empty (a
    shared document: the tail measured them, or, if it died first, this process now)."""
    from caveat.analysis.readability.metrics import blocks_readability, document_readability

    document = _documents[ticket]
    sharing = tail.sharing(document)
    metrics = sharing.metrics() if sharing else None  # the tail measured it first
    blocks = (sharing.block_metrics() if sharing else None) if _share else {}
    tail.stop()
    if blocks is None:
        blocks = blocks_readability(document)
    return metrics if metrics is not None else document_readability(document), blocks


def _receive_inherited(ticket: int) -> None:
    global _inherited
    document, _inherited = _inherited, None
    assert document is not None
    _receive(ticket, document)


def _analyse_chunk(
    ticket: int,
    known: tuple[Layer, ...],
    layers: tuple[str, ...],
    indices: list[int],
    measure: bool = True,
) -> list[BlockResult]:
    from caveat.analysis.pipeline.blocks import iter_block_results  # spaCy: only in the helper
    from caveat.analysis.pipeline.load import load_pipeline

    adopt(known)  # the caller's layers, even those registered after this helper started
    nlp, _info = load_pipeline(_pipeline_model)
    document = _documents[ticket]
    if _share:
        return tail.analyse_shared(tail.share(document, layers, _pipeline_model), nlp, indices)
    return list(iter_block_results(document, layers, nlp, order=indices, measure=measure))


class HelperProcess:
    """One worker process with the pipeline loaded; create once, reuse for every document."""

    def __init__(
        self,
        model: str | None = None,
        start_method: str = "spawn",
        inherit: Document | None = None,
        measure: bool = True,
    ) -> None:
        """`inherit`: a document the helper will be sent, which a forked one has already;
        `measure`: whether it will measure readability (warmed up if so)."""
        global _inherited
        self.inherited = inherit if start_method == "fork" else None
        _inherited = self.inherited  # before the fork, which the first submit below does
        context = multiprocessing.get_context(start_method)
        self.executor = ProcessPoolExecutor(
            1,
            mp_context=context,
            initializer=_init,
            initargs=(model, all_layers(), *lifeline_args()),
        )
        #: the helper's pipeline, once loaded (the window learns it from here, never loading
        #: spaCy itself)
        self.warming: Future[PipelineInfo] = self.executor.submit(_warm, measure)
        _inherited = None  # the fork is done (a forking pool starts its process on first submit)
        self.ticket = 0

    def receive(self, document: Document, share: bool = False) -> None:
        """Send `document` once; the chunks and the measurement that follow refer to it.
        `share`: the helper forks a second process to work from the document's end (tail.py;
        the window, for a long document); its chunks' answers then bring the blocks that
        process finished too, and may leave out blocks asked for that it holds, and their
        blocks' readability is left empty: `measure_with_blocks` brings it."""
        self.ticket += 1
        if document is self.inherited:
            self.inherited = None  # only the first time: the helper drops it for the next
            self.executor.submit(_receive_inherited, self.ticket)
        else:
            self.executor.submit(_receive, self.ticket, document, share)

    def end_sharing(self) -> None:
        """End the second process of a run given up (cancelled), rather than at the next
        document."""
        self.executor.submit(tail.stop)

    def measure(self) -> Future[dict[str, float | None]]:
        """The readability of the whole document last received."""
        return self.executor.submit(_measure, self.ticket)

    def measure_with_blocks(self) -> Future[tuple[Metrics, dict[int, Metrics]]]:
        """The readability of the whole document last received, and of each analysed block
        whose chunk left it empty (a shared document's: see `receive`)."""
        return self.executor.submit(_measure_with_blocks, self.ticket)

    def analyse(
        self, layers: tuple[str, ...], indices: list[int], measure: bool = True
    ) -> Future[list[BlockResult]]:
        """Analyse blocks `indices` of the document last received for `layers`; `measure`:
        their readability too (else left empty: measured elsewhere)."""
        known = tuple(get_layer(layer_id) for layer_id in with_needs(layers))
        return self.executor.submit(_analyse_chunk, self.ticket, known, layers, indices, measure)

    def close(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)

    def stop(self, timeout: float = 2.0) -> None:
        """End the process now, whatever it is doing, and reap it."""
        # WORKAROUND: Python 3.12's ProcessPoolExecutor cannot end its workers (3.14 adds
        # terminate_workers()); they are reached through its private _processes.
        processes = list((getattr(self.executor, "_processes", None) or {}).values())
        self.close()
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(timeout)


def share_work(
    helper: HelperProcess,
    layers: tuple[str, ...],
    chunks: list[list[int]],
    run_here: Callable[[list[int]], bool],
    take: int = 2,
    arrived: Callable[[list[BlockResult]], None] | None = None,
    measure: bool = True,
) -> list[BlockResult]:
    """Run `chunks` between this process (from the front, through `run_here`, which returns
    False to stop: cancelled) and the helper (from the back), which has received the document.
    Returns the helper's results, less those already handed to `arrived` (called with each of
    the helper's chunks that is done by the time this process finishes one of its own: steady
    progress rather than half of it at the end).

    This process takes `take` chunks back at a time, so its batches stay large while the helper's
    stay small: when the two meet, this process waits for at most two of the helper's chunks.
    `measure`: whether the helper measures its blocks' readability (see HelperProcess.analyse)."""
    futures = [helper.analyse(layers, chunk, measure) for chunk in reversed(chunks)]
    futures.reverse()  # futures[k] belongs to chunks[k]
    taken_back = 0
    reported = len(chunks)  # the helper's chunks from this one on were handed to `arrived`

    def report_done() -> None:
        nonlocal reported
        while arrived and reported > taken_back and futures[reported - 1].done():
            future = futures[reported - 1]
            if future.cancelled() or future.exception() is not None:
                return  # left for the end, which handles a lost helper
            arrived(future.result())
            reported -= 1

    while taken_back < len(chunks):
        group: list[int] = []
        for k in range(taken_back, min(taken_back + take, len(chunks))):
            if not futures[k].cancel():
                break  # the helper has it: the two have met
            group += chunks[k]
            taken_back += 1
        if not group:
            break
        if not run_here(group):
            for rest in futures:
                rest.cancel()
            return []
        report_done()
    results: list[BlockResult] = []
    for chunk, future in zip(
        chunks[taken_back:reported], futures[taken_back:reported], strict=True
    ):
        try:
            results.extend(future.result())
        except BrokenProcessPool:
            # The helper died (killed, out of memory): do its share here rather than fail.
            if not run_here(chunk):
                break
    return results


_shared: HelperProcess | None = None


def shared_helper(
    model: str | None = None,
    start_method: str | None = None,
    inherit: Document | None = None,
    measure: bool = True,
) -> HelperProcess:
    """The process-wide helper, started on first use (fork when this process runs no other
    thread, else spawn) or earlier by the window with `start_method="spawn"` to warm it up.
    A forked one inherits `inherit`, the document it is about to be sent; `measure`: see
    HelperProcess."""
    global _shared
    if _shared is None:
        _shared = HelperProcess(model, start_method or safe_start_method(), inherit, measure)
    return _shared


def stop_shared_helper() -> None:
    """End the shared helper at once (the window is closing): waiting for it could mean waiting
    for a model still loading, and a process its parent does not reap lingers as a zombie."""
    global _shared
    helper, _shared = _shared, None
    if helper is not None:
        helper.stop()


def forget_shared_helper(helper: HelperProcess) -> None:
    """Drop `helper` (it died) so that the next `shared_helper()` starts a new one."""
    global _shared
    if _shared is helper:
        _shared = None
    helper.close()


def safe_start_method() -> str:
    """fork when this process has a single thread (the child then inherits the loaded model at
    no cost), spawn otherwise: forking a process with other threads (Qt's, an executor's) can
    deadlock the child."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return "spawn"
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            threads = next(int(line.split()[1]) for line in fh if line.startswith("Threads:"))
    except (OSError, StopIteration, ValueError):
        import threading

        threads = threading.active_count()
    return "fork" if threads == 1 else "spawn"
