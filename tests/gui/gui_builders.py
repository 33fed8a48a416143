"""Hand-built documents and analyses, so tests do not depend on what the detectors find."""

from __future__ import annotations

from caveat.document import Block, BlockKind
from caveat.findings import Analysis, Finding, PipelineInfo


def paragraphs(text: str) -> tuple[Block, ...]:
    """One paragraph block per blank-line-separated chunk (enough for hand-built documents)."""
    blocks, pos = [], 0
    for chunk in text.split("\n\n"):
        blocks.append(Block(pos, pos + len(chunk), BlockKind.PARAGRAPH))
        pos += len(chunk) + 2
    return tuple(blocks)


def analysis_of(findings: list[Finding], words: int = 100) -> Analysis:
    layers = ("hedge", "number", "speculation")
    return Analysis(
        findings={
            layer: tuple(sorted(f for f in findings if f.layer == layer)) for layer in layers
        },
        metrics={"words": float(words), "flesch_kincaid_grade": 9.0},
        block_metrics={},
        pipeline=PipelineInfo("test-pipeline", "1"),
        words=words,
    )


def finding(text: str, words: str, layer: str, rule: str = "rule", nth: int = 0) -> Finding:
    """The finding over the `nth` occurrence of `words` in `text`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Finding(start, start + len(words), layer, rule, f"'{words}' is {layer}")
