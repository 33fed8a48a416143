"""A long document in chunks for the command line's two processes (parallel.share_work), small
where the two meet.

This process takes chunks from the front and the helper from the back; at the end one of them
waits for the chunk the other is on. With 2,000-word chunks everywhere that wait was 0.02-0.59 s
per 100,000 words at load 4-5 (7 runs), with chunks tapering to 400 words towards the middle
0.02-0.10 s (4 runs, interleaved with 4 of those). The chunks the two take first stay large, so
the tagger's batches (about 1,700 words: pipeline/blocks.py) stay full.
"""

from __future__ import annotations

from collections.abc import Sequence

from caveat.analysis.results import block_words
from caveat.document import Document

#: The smallest chunk, at the middle of the document.
SMALLEST_WORDS = 400
#: A chunk holds at most this fraction of its distance from the middle, in words: chunks shrink
#: over the 4 x `words` on either side of it, wide enough for where the two processes meet to
#: wander (one starts 0.05 s after the other; either may get less of a busy machine).
TAPER = 1 / 4


def chunked(
    indices: Sequence[int], document: Document, words: int, smallest: int = SMALLEST_WORDS
) -> list[list[int]]:
    """Consecutive runs of block indices of about `words` words each, down to `smallest` words
    towards the middle of the words of `indices` (a block is never split)."""
    sizes = [block_words(document, i) for i in indices]
    middle = sum(sizes) / 2
    chunks: list[list[int]] = [[]]
    count = position = 0
    for i, size in zip(indices, sizes, strict=True):
        chunks[-1].append(i)
        count += size
        position += size
        if count >= min(words, max(smallest, abs(position - middle) * TAPER)):
            chunks.append([])
            count = 0
    return [c for c in chunks if c]
