"""Document -> Analysis: run the detectors block by block, then measure readability.

Blocks go through `nlp.pipe` (a single giant Doc costs gigabytes), offsets are shifted by each
block's start, and the cancel flag is checked between blocks. Blocks can be taken in any order
(the window analyses what is on screen first) and results arrive per block, so a caller can show
them as they come.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from caveat.analysis import cache
from caveat.analysis.nlp import load_pipeline
from caveat.analysis.readability import BLOCK_METRICS, METRICS, readability
from caveat.analysis.results import BlockResult, analysed_text, assemble
from caveat.analysis.spans import findings_of
from caveat.document import Document
from caveat.findings import Analysis, PipelineInfo
from caveat.layers import all_layers, in_order, layer_ids, with_needs

Progress = Callable[[int, int], None]  # (blocks done, blocks in all)
Cancelled = Callable[[], bool]

#: doc.user_data key under which a block's hyperlinks (block-relative start, end) are passed on
LINKS_KEY = "caveat_links"


def disabled_detectors(layers: Sequence[str]) -> list[str]:
    """The detector components a run of `layers` can switch off."""
    needed = set(with_needs(layers))
    return [layer.factory for layer in all_layers() if layer.id not in needed]


def _block_docs(nlp: Language, document: Document, indices: Sequence[int]) -> Iterator[Doc]:
    for i in indices:
        block = document.blocks[i]
        doc = nlp.make_doc(document.text[block.start : block.end])
        doc.user_data[LINKS_KEY] = [
            (link.start - block.start, link.end - block.start)
            for link in document.links
            if link.start < block.end and link.end > block.start
        ]
        yield doc


def iter_block_results(
    document: Document,
    layers: Sequence[str],
    nlp: Language,
    order: Sequence[int] | None = None,
    cancelled: Cancelled | None = None,
) -> Iterator[BlockResult]:
    """One BlockResult per analysed block, in `order` (default: document order).

    Stops early, between blocks, once `cancelled()` is true.
    """
    if order is None:
        indices = document.analysed_indices()
    else:
        indices = [i for i in order if document.blocks[i].analysed]
    with nlp.select_pipes(disable=disabled_detectors(layers)):
        docs = nlp.pipe(_block_docs(nlp, document, indices), batch_size=64)
        for i, doc in zip(indices, docs, strict=False):
            start = document.blocks[i].start
            found = tuple(f for layer in layers for f in findings_of(doc, layer, start))
            yield BlockResult(i, found, readability(doc.text, BLOCK_METRICS, block=True))
            if cancelled and cancelled():
                return


#: Below this many words a document is done in this process alone: a helper process would cost
#: more to feed than it saves.
HELPER_ABOVE_WORDS = 12_000
CHUNK_WORDS = 4_000


def analyze(
    document: Document,
    layers: Iterable[str] | None = None,
    model: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    pipeline: tuple[Language, PipelineInfo] | None = None,
    use_cache: bool = True,
    parallel: bool = True,
) -> Analysis:
    """Find every layer's findings in `document` and measure it.

    When `cancelled()` turns true the run stops between blocks and returns what it has, marked
    `cancelled`. A finished analysis of the same content is taken from the cache. A long document
    is shared with a helper process (parallel.py) unless `parallel` is false.
    """
    chosen = layer_ids() if layers is None else in_order(layers)
    nlp, info = pipeline or load_pipeline(model)
    key = cache.cache_key(document, chosen, info) if use_cache else ""
    if key and (cached := cache.load(key)):
        return cached
    indices = document.analysed_indices()
    body = analysed_text(document)
    results: list[BlockResult] = []

    def run_here(chunk: Sequence[int]) -> bool:
        for result in iter_block_results(document, chosen, nlp, chunk, cancelled):
            results.append(result)
            if progress:
                progress(len(results), len(indices))
        return not (cancelled and cancelled())

    metrics: dict[str, float | None] | None = None
    if parallel and body.count(" ") > HELPER_ABOVE_WORDS:
        from caveat.analysis.parallel import chunked, share_work, shared_helper

        helper = shared_helper(model)
        helper.receive(document)
        measured = helper.measure()
        chunks = chunked(indices, document, CHUNK_WORDS)
        results.extend(share_work(helper, chosen, chunks, run_here))
        stopped = bool(cancelled and cancelled()) and len(results) < len(indices)
        if not stopped:
            try:
                metrics = measured.result()
            except Exception:  # noqa: BLE001 - a lost helper: measure here instead
                metrics = None
        else:
            measured.cancel()
    else:
        run_here(indices)
        stopped = bool(cancelled and cancelled()) and len(results) < len(indices)
        metrics = None if stopped else readability(body)
    if stopped:
        metrics = dict.fromkeys(METRICS, 0.0)  # nobody reads a cancelled run's metrics
    analysis = assemble(document, results, chosen, info, cancelled=stopped, metrics=metrics)
    if key:
        cache.store(key, analysis)
    return analysis
