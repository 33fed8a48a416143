"""The results of an analysis run, block by block, and how they add up to an Analysis.

Free of spaCy and textstat, so the window's process can assemble what its analysis process
sends back without loading either.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from caveat.document import Document
from caveat.findings import Analysis, Finding, PipelineInfo


@dataclass(frozen=True)
class BlockResult:
    """What one block yielded: its findings (document offsets) and readability."""

    index: int  # into Document.blocks
    findings: tuple[Finding, ...]
    metrics: dict[str, float | None]


def analysed_text(document: Document) -> str:
    blocks = document.blocks
    return "\n\n".join(
        document.text[blocks[i].start : blocks[i].end] for i in document.analysed_indices()
    )


def analysed_parts(document: Document, max_chars: int) -> Iterator[str]:
    """analysed_text in parts of whole blocks, each about `max_chars` long or less (a block
    longer than that is a part of its own); a short document is one part, analysed_text."""
    text, blocks = document.text, document.blocks
    part: list[str] = []
    size = 0
    for i in document.analysed_indices():
        block = blocks[i]
        if part and size + block.end - block.start > max_chars:
            yield "\n\n".join(part)
            part, size = [], 0
        part.append(text[block.start : block.end])
        size += block.end - block.start + 2
    if part:
        yield "\n\n".join(part)


def block_words(document: Document, index: int) -> int:
    """About how many words block `index` holds (spaces + 1: cheap, no copy of the text, and
    enough to size chunks and decide on a second process)."""
    block = document.blocks[index]
    return document.text.count(" ", block.start, block.end) + 1


def analysed_words(document: Document) -> int:
    """About how many words are analysed."""
    return sum(block_words(document, i) for i in document.analysed_indices())


def assemble(
    document: Document,
    results: Iterable[BlockResult],
    layers: Sequence[str],
    pipeline: PipelineInfo,
    cancelled: bool = False,
    metrics: Mapping[str, float | None] | None = None,
) -> Analysis:
    """Combine block results into an Analysis, with the document's readability (measured here
    unless `metrics` already holds it)."""
    found: dict[str, list[Finding]] = {layer: [] for layer in layers}
    block_metrics: dict[int, dict[str, float | None]] = {}
    for result in results:
        block_metrics[result.index] = result.metrics
        for f in result.findings:
            found[f.layer].append(f)
    if metrics is None:
        from caveat.analysis.readability.metrics import document_readability

        metrics = document_readability(document)
    metrics = dict(metrics)
    words = int(metrics["words"] or 0)
    return Analysis(
        findings={layer: tuple(sorted(found[layer])) for layer in layers},
        metrics=metrics,
        block_metrics=block_metrics,
        pipeline=pipeline,
        words=words,
        cancelled=cancelled,
        layers=tuple(layers),
    )
