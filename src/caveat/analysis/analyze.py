"""Document -> Analysis: run the detectors block by block, then measure readability.

Blocks go through `nlp.pipe` one by one (a single giant Doc costs gigabytes), offsets are shifted
by each block's start, and the cancel flag is checked between blocks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from caveat.analysis.model import LAYER_IDS, Analysis, Finding, PipelineInfo
from caveat.analysis.nlp import DETECTORS, load_pipeline
from caveat.analysis.readability import readability
from caveat.analysis.spans import findings_of
from caveat.document import Block, Document

Progress = Callable[[int, int], None]  # (blocks done, blocks in all)
Cancelled = Callable[[], bool]

#: doc.user_data key under which a block's hyperlinks (block-relative start, end) are passed on
LINKS_KEY = "caveat_links"


def _block_docs(nlp: Language, document: Document, blocks: list[Block]) -> Iterator[Doc]:
    for block in blocks:
        doc = nlp.make_doc(document.text[block.start : block.end])
        doc.user_data[LINKS_KEY] = [
            (link.start - block.start, link.end - block.start)
            for link in document.links
            if link.start < block.end and link.end > block.start
        ]
        yield doc


def analyze(
    document: Document,
    layers: Iterable[str] = LAYER_IDS,
    model: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    pipeline: tuple[Language, PipelineInfo] | None = None,
) -> Analysis:
    """Find every layer's findings in `document` and measure it.

    When `cancelled()` turns true the run stops between blocks and returns what it has, marked
    `cancelled`.
    """
    wanted = tuple(layer for layer in LAYER_IDS if layer in set(layers))
    nlp, info = pipeline or load_pipeline(model)
    # The speculation detector reads the hedge layer's spans, so hedges run whenever it does.
    needed = set(wanted) | ({"hedge"} if "speculation" in wanted else set())
    skipped = [name for layer, name in DETECTORS.items() if layer not in needed]
    blocks = document.analysed_blocks()
    found: dict[str, list[Finding]] = {layer: [] for layer in wanted}
    block_metrics: dict[int, dict[str, float]] = {}
    index_of = {id(b): i for i, b in enumerate(document.blocks)}
    was_cancelled = False
    with nlp.select_pipes(disable=skipped):
        docs = nlp.pipe(_block_docs(nlp, document, blocks), batch_size=64)
        for done, (block, doc) in enumerate(zip(blocks, docs, strict=True), start=1):
            for layer in wanted:
                found[layer].extend(findings_of(doc, layer, block.start))
            block_metrics[index_of[id(block)]] = readability(doc.text)
            if progress:
                progress(done, len(blocks))
            if cancelled and cancelled():
                was_cancelled = True
                break
    body = "\n\n".join(document.text[b.start : b.end] for b in blocks)
    metrics = readability(body)
    words = int(metrics["words"])
    for layer in wanted:
        count = len(found[layer])
        metrics[f"{layer}_count"] = count
        metrics[f"{layer}_per_100_words"] = round(100 * count / words, 2) if words else 0.0
    return Analysis(
        findings={layer: tuple(sorted(found[layer])) for layer in wanted},
        metrics=metrics,
        block_metrics=block_metrics,
        pipeline=info,
        words=words,
        cancelled=was_cancelled,
        layers=wanted,
    )
