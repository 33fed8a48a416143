"""Document -> Analysis: the one way an analysis runs, for the command line, batch and window.

A finished analysis of the same content comes from the cache (cache.py). Otherwise the blocks
are analysed by whoever the caller has: this process's own pipeline (the command line and
batch), the helper process (parallel.py: the window; for a long document it forks a second
one of its own, tail.py), or both sharing a long document. The helper (or its second process)
also measures the document's readability, unless the caller has it measured elsewhere (the
command line forks a process for the document's readability, and every block's, before it
even imports spaCy: readability/early.py). Results are assembled into an Analysis
(results.py) and stored in the cache.

Nothing here loads spaCy or textstat until this process analyses blocks itself: the window's
process runs `analyze_in_helper` and never loads either.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from caveat.analysis import cache
from caveat.analysis.chunks import chunked
from caveat.analysis.parallel import HelperProcess, share_work, shared_helper
from caveat.analysis.results import BlockResult, analysed_words, assemble
from caveat.analysis.schedule import UNMEASURED, BlockSchedule, OnScreen, run_by_schedule
from caveat.document import Document
from caveat.findings import Analysis, PipelineInfo
from caveat.layers import in_order, layer_ids

if TYPE_CHECKING:
    from spacy.language import Language

Progress = Callable[[int, int], None]  # (blocks done, blocks in all)
Cancelled = Callable[[], bool]
Partial = Callable[[Analysis], None]  # the blocks on screen, analysed before the rest
RunHere = Callable[[Sequence[int]], bool]  # analyse these blocks here; False: cancelled


class MeasuredElsewhere(Protocol):
    """The readability of a document and of its analysed blocks, measured by someone else (the
    command line's early process, readability/early.py)."""

    def start(self) -> bool: ...

    def document(self) -> dict[str, float | None]: ...

    def blocks(self) -> dict[int, dict[str, float | None]]: ...


#: Below this many words a document is done in one process (the command line's, or the window's
#: analysis process) alone: a second process would cost more to start and feed than it saves.
HELPER_ABOVE_WORDS = 12_000
#: Words per chunk when this process and the helper share a document, but where the two meet
#: (chunks.py). There this process waits for the chunk the helper is on: measured on 100,000
#: words (load 4-5, 3 runs each), 0.09-0.52 s with chunks of 4,000 words, 0.02-0.23 s with
#: 2,000 and 0.10-0.14 s with 1,000; a batch of the tagger is about 1,700 words anyway.
CHUNK_WORDS = 2_000
#: Words per chunk when the helper does all of a short article (the window): small enough for a
#: prompt cancel, large enough to keep the tagger's batches efficient. A long one goes in the
#: smaller chunks of schedule.py, so that a jump ahead is served promptly.
WINDOW_CHUNK_WORDS = 3_000


class Stopped(Exception):
    """The run was cancelled while it waited for the helper."""


def chosen_layers(layers: Iterable[str] | None) -> tuple[str, ...]:
    """The layers to analyse, in the registry's order (default: all)."""
    return layer_ids() if layers is None else in_order(layers)


def analyze(
    document: Document,
    layers: Iterable[str] | None = None,
    model: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    pipeline: tuple[Language, PipelineInfo] | None = None,
    use_cache: bool = True,
    parallel: bool = True,
    readability: MeasuredElsewhere | None = None,
) -> Analysis:
    """Analyse `document` in this process, with its own pipeline (the command line, batch).

    A long document is shared with the helper process unless `parallel` is false. When
    `cancelled()` turns true the run stops between blocks and returns what it has, marked
    `cancelled`. `readability`: the readability of the document and its blocks measured
    elsewhere (the command line's early process), started once the cache has no analysis and
    before spaCy is imported, asked for once the blocks are done.
    """
    chosen = chosen_layers(layers)
    early_lookup = use_cache and pipeline is None
    if early_lookup and (known := cache.load_before_pipeline(document, chosen, model)):
        return known
    if readability is not None:
        readability.start()  # forked now: one thread still, and spaCy not imported yet
    from caveat.analysis.pipeline.load import load_pipeline  # spaCy: only when analysing

    nlp, info = pipeline or load_pipeline(model)
    if pipeline is None:
        cache.remember_pipeline(model, info)
    helper = None
    if parallel and analysed_words(document) > HELPER_ABOVE_WORDS:
        from caveat.analysis.pipeline.blocks import warm_up

        # What loads on first use, loaded here before the fork: a forked helper inherits it
        # instead of loading it again (0.2 s of its CPU per run). Blocks measured elsewhere:
        # no readability to warm up.
        measure = readability is None
        warm_up(nlp, layer_ids(), measure)
        helper = shared_helper(model, inherit=document, measure=measure)
    return run_analysis(
        document,
        chosen,
        info,
        here=nlp,
        helper=helper,
        progress=progress,
        cancelled=cancelled,
        use_cache=use_cache,
        readability=readability,
    )


def analyze_in_helper(
    document: Document,
    helper: HelperProcess,
    model: str | None,
    on_screen: OnScreen | None = None,
    progress: Progress | None = None,
    partial: Partial | None = None,
    cancelled: Cancelled | None = None,
) -> Analysis:
    """Analyse `document` in the helper process alone (the window, which never loads spaCy).

    The blocks in `on_screen` (kept up to date by the window as the reader moves) are done
    before the others and reported through `partial`. While the
    helper's pipeline still loads, an unchanged document is answered from the cache under the
    pipeline the helper reported last time. Raises Stopped when cancelled.
    """
    layers = layer_ids()
    if not helper.warming.done():
        if last := cache.remembered_pipeline(model):
            early = cache.load(cache.cache_key(document, layers, last))
            if early is not None:
                return early
        cache.code_fingerprint()  # hashed while the model loads, not after (20-30 ms)
    info = wait_for(helper.warming, cancelled)
    return run_analysis(
        document,
        layers,
        info,
        helper=helper,
        on_screen=on_screen,
        progress=progress,
        partial=partial,
        cancelled=cancelled,
    )


def run_analysis(
    document: Document,
    layers: tuple[str, ...],
    info: PipelineInfo,
    here: Language | None = None,
    helper: HelperProcess | None = None,
    on_screen: OnScreen | None = None,
    progress: Progress | None = None,
    partial: Partial | None = None,
    cancelled: Cancelled | None = None,
    use_cache: bool = True,
    readability: MeasuredElsewhere | None = None,
) -> Analysis:
    """The run itself: the cache, then the blocks in this process (`here`, a pipeline), in the
    helper, or shared between them, then the readability (`readability`'s, if given, else
    measured by the helper or here) and the assembly."""
    key = cache.cache_key(document, layers, info) if use_cache else ""
    if key and (cached := cache.load(key)):
        return cached
    indices = document.analysed_indices()
    results: list[BlockResult] = []
    measure = readability is None  # else the blocks' readability comes from `readability`

    def arrived(found: Iterable[BlockResult]) -> None:
        results.extend(found)
        if progress:
            progress(len(results), len(indices))

    def stopped() -> bool:
        return bool(cancelled and cancelled()) and len(results) < len(indices)

    def run_here(chunk: Sequence[int]) -> bool:
        from caveat.analysis.pipeline.blocks import iter_block_results

        assert here is not None
        for result in iter_block_results(document, layers, here, chunk, cancelled, measure):
            arrived([result])
        return not (cancelled and cancelled())

    metrics: dict[str, float | None] | None = None
    if helper is None:
        run_here(indices)
        if not stopped():
            from caveat.analysis.readability.metrics import document_readability

            metrics = readability.document() if readability else document_readability(document)
    else:
        # the window's helper alone: a long document is shared with a second process it forks
        share = here is None and analysed_words(document) > HELPER_ABOVE_WORDS
        helper.receive(document, share=share)
        measured: Future[dict[str, float | None]] | None = None
        if here is not None:
            measured = None if readability else helper.measure()
            chunks = chunked(indices, document, CHUNK_WORDS)
            arrived(share_work(helper, layers, chunks, run_here, arrived=arrived, measure=measure))
        else:
            both = _all_in_helper(
                document, layers, info, helper, on_screen, arrived, partial, cancelled
            )
            metrics, apart = wait_for(both, cancelled)  # apart: blocks a shared run left empty
            results = [replace(r, metrics=apart.get(r.index, r.metrics)) for r in results]
        if stopped():
            if measured is not None:
                measured.cancel()
        elif measured is not None:
            metrics = _measured(measured)
        elif readability is not None:
            metrics = readability.document()
    if readability is not None:  # the blocks' metrics were left empty: measured there
        measured_blocks = readability.blocks()
        results = [replace(r, metrics=measured_blocks[r.index]) for r in results]
    if stopped():
        return assemble(document, results, layers, info, cancelled=True, metrics=UNMEASURED)
    analysis = assemble(document, results, layers, info, metrics=metrics)
    if key:
        cache.store(key, analysis)
    return analysis


def _all_in_helper(
    document: Document,
    layers: tuple[str, ...],
    info: PipelineInfo,
    helper: HelperProcess,
    on_screen: OnScreen | None,
    arrived: Callable[[Iterable[BlockResult]], None],
    partial: Partial | None,
    cancelled: Cancelled | None,
) -> Future[tuple[dict[str, float | None], dict[int, dict[str, float | None]]]]:
    """Every block in the helper, those on screen first (schedule.py); then the readability (the
    document's, and the blocks' its chunks left empty), whose future is returned. Without
    `on_screen` (a short article) in larger chunks, shown whole at the end."""
    if on_screen is None:
        schedule = BlockSchedule(document, words=WINDOW_CHUNK_WORDS)
        partial = None
    else:
        schedule = BlockSchedule(document, on_screen)
    try:
        run_by_schedule(
            document,
            layers,
            info,
            helper,
            schedule,
            lambda future: wait_for(future, cancelled),
            arrived,
            partial,
        )
    except Stopped:
        helper.end_sharing()  # its second process, if any, stops now rather than at the next
        raise
    return helper.measure_with_blocks()


def _measured(measured: Future[dict[str, float | None]]) -> dict[str, float | None] | None:
    """The helper's readability of the whole document; None (measured here) if it was lost."""
    try:
        return measured.result()
    except Exception:  # noqa: BLE001 - a lost helper: measure here instead
        return None


def wait_for[T](future: Future[T], cancelled: Cancelled | None) -> T:
    """The future's result, giving up (Stopped) as soon as the run is cancelled."""
    while True:
        if cancelled and cancelled():
            future.cancel()
            raise Stopped
        try:
            return future.result(timeout=0.05)
        except TimeoutError:
            continue
