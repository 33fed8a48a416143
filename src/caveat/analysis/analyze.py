"""Document -> Analysis: run the detectors block by block, then measure readability.

Blocks go through `nlp.pipe` (a single giant Doc costs gigabytes), offsets are shifted by each
block's start, and the cancel flag is checked between blocks. Blocks can be taken in any order
(the window analyses what is on screen first) and results arrive per block, so a caller can show
them as they come.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from caveat.analysis import cache
from caveat.analysis.model import LAYER_IDS, Analysis, Finding, PipelineInfo
from caveat.analysis.nlp import DETECTORS, load_pipeline
from caveat.analysis.readability import BLOCK_METRICS, readability
from caveat.analysis.spans import findings_of
from caveat.document import Document

Progress = Callable[[int, int], None]  # (blocks done, blocks in all)
Cancelled = Callable[[], bool]

#: doc.user_data key under which a block's hyperlinks (block-relative start, end) are passed on
LINKS_KEY = "caveat_links"


@dataclass(frozen=True)
class BlockResult:
    """What one block yielded: its findings (document offsets) and readability."""

    index: int  # into Document.blocks
    findings: tuple[Finding, ...]
    metrics: dict[str, float]


def wanted_layers(layers: Iterable[str]) -> tuple[str, ...]:
    chosen = set(layers)
    return tuple(layer for layer in LAYER_IDS if layer in chosen)


def _disabled_detectors(layers: Sequence[str]) -> list[str]:
    # The speculation detector reads the hedge layer's spans, so hedges run whenever it does.
    needed = set(layers) | ({"hedge"} if "speculation" in layers else set())
    return [name for layer, name in DETECTORS.items() if layer not in needed]


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
    indices = [i for i in (order or range(len(document.blocks))) if document.blocks[i].analysed]
    with nlp.select_pipes(disable=_disabled_detectors(layers)):
        docs = nlp.pipe(_block_docs(nlp, document, indices), batch_size=32)
        for i, doc in zip(indices, docs, strict=False):
            start = document.blocks[i].start
            found = tuple(f for layer in layers for f in findings_of(doc, layer, start))
            yield BlockResult(i, found, readability(doc.text, BLOCK_METRICS))
            if cancelled and cancelled():
                return


def _analysed_text(document: Document) -> str:
    return "\n\n".join(document.text[b.start : b.end] for b in document.analysed_blocks())


def assemble(
    document: Document,
    results: Iterable[BlockResult],
    layers: Sequence[str],
    pipeline: PipelineInfo,
    cancelled: bool = False,
    metrics: dict[str, float] | None = None,
) -> Analysis:
    """Combine block results into an Analysis, with the document's readability (measured here
    unless `metrics` already holds it)."""
    found: dict[str, list[Finding]] = {layer: [] for layer in layers}
    block_metrics: dict[int, dict[str, float]] = {}
    for result in results:
        block_metrics[result.index] = result.metrics
        for f in result.findings:
            found[f.layer].append(f)
    metrics = dict(metrics) if metrics else readability(_analysed_text(document))
    words = int(metrics["words"])
    return Analysis(
        findings={layer: tuple(sorted(found[layer])) for layer in layers},
        metrics=metrics,
        block_metrics=block_metrics,
        pipeline=pipeline,
        words=words,
        cancelled=cancelled,
        layers=tuple(layers),
    )


class DocumentReadability:
    """The whole document's readability, measured on the second core while the detectors run.

    textstat takes about 2 s for 100,000 words, in pure Python; in a thread it would only compete
    for the GIL, so a long text goes to a separate process (spawned: forking a process that may
    run Qt threads is unsafe). A short one is measured here, where a process would cost more.
    """

    PROCESS_ABOVE_CHARS = 150_000  # about 25,000 words

    def __init__(self, text: str) -> None:
        self.text = text
        self.executor: ProcessPoolExecutor | None = None
        self.future: Future[dict[str, float]] | None = None

    def __enter__(self) -> DocumentReadability:
        if len(self.text) > self.PROCESS_ABOVE_CHARS:
            try:
                context = multiprocessing.get_context("spawn")
                self.executor = ProcessPoolExecutor(1, mp_context=context)
                self.future = self.executor.submit(readability, self.text)
            except (OSError, RuntimeError):
                # No process to be had (or a script without a __main__ guard): measure here.
                self.executor, self.future = None, None
        return self

    def result(self) -> dict[str, float]:
        if self.future is not None:
            try:
                return self.future.result()
            except (OSError, BrokenProcessPool):
                pass
        return readability(self.text)

    def __exit__(self, *exc_info: object) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=False, cancel_futures=True)


def analyze(
    document: Document,
    layers: Iterable[str] = LAYER_IDS,
    model: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    pipeline: tuple[Language, PipelineInfo] | None = None,
    use_cache: bool = True,
) -> Analysis:
    """Find every layer's findings in `document` and measure it.

    When `cancelled()` turns true the run stops between blocks and returns what it has, marked
    `cancelled`. A finished analysis of the same content is taken from the cache.
    """
    chosen = wanted_layers(layers)
    nlp, info = pipeline or load_pipeline(model)
    key = cache.cache_key(document, chosen, info) if use_cache else ""
    if key and (cached := cache.load(key)):
        return cached
    total = len(document.analysed_blocks())
    with DocumentReadability(_analysed_text(document)) as document_metrics:
        results = []
        for result in iter_block_results(document, chosen, nlp, cancelled=cancelled):
            results.append(result)
            if progress:
                progress(len(results), total)
        stopped = bool(cancelled and cancelled()) and len(results) < total
        metrics = None if stopped else document_metrics.result()
    analysis = assemble(document, results, chosen, info, cancelled=stopped, metrics=metrics)
    if key:
        cache.store(key, analysis)
    return analysis
