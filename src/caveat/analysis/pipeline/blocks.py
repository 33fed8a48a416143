"""A document's blocks through the pipeline: one BlockResult (findings in document offsets, and
readability) per analysed block.

Blocks go through `nlp.pipe` (a single giant Doc costs gigabytes), offsets are shifted by each
block's start, and the cancel flag is checked between blocks. Blocks can be taken in any order
(the window analyses what is on screen first).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from caveat.analysis.pipeline.load import detector_name
from caveat.analysis.pipeline.spans import LINKS_KEY, findings_of
from caveat.analysis.readability.metrics import BLOCK_METRICS, readability
from caveat.analysis.results import BlockResult
from caveat.document import Document
from caveat.layers import all_layers, with_needs


def disabled_detectors(layers: Sequence[str]) -> list[str]:
    """The detector pipes a run of `layers` can switch off (those no chosen layer needs)."""
    needed = set(with_needs(layers))
    return [detector_name(layer.id) for layer in all_layers() if layer.id not in needed]


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
    cancelled: Callable[[], bool] | None = None,
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
            # every finding, thorough-only rules too: the reader's level filters the view
            found = tuple(
                f
                for layer in layers
                for f in findings_of(doc, layer, start, sensitivity="thorough")
            )
            yield BlockResult(i, found, readability(doc.text, BLOCK_METRICS, block=True))
            if cancelled and cancelled():
                return
