"""A document's blocks through the pipeline: one BlockResult (findings in document offsets, and
readability) per analysed block.

Blocks go through `nlp.pipe` (a single giant Doc costs gigabytes), offsets are shifted by each
block's start, and the cancel flag is checked between blocks (and pieces). Blocks can be taken
in any order (the window analyses what is on screen first).

What the model holds at once is capped whatever the text looks like: a block longer than
cutting.MAX_PIECE_CHARS goes in pieces (loaders cut long blocks already; this catches any
Document built otherwise), and `nlp.pipe` gets batches of at most BATCH_CHARS characters rather
than a fixed number of blocks, since its memory grows with the characters in a batch.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from itertools import accumulate
from weakref import WeakKeyDictionary

from spacy.language import Language
from spacy.tokens import Doc

from caveat.analysis.pipeline.load import detector_name
from caveat.analysis.pipeline.spans import LINKS_KEY, findings_of
from caveat.analysis.results import BlockResult
from caveat.cutting import MAX_PIECE_CHARS, pieces
from caveat.document import Block, Document, Link
from caveat.findings import Finding
from caveat.layers import all_layers, with_needs

#: The most characters handed to `nlp.pipe` in one batch, and the most blocks or pieces in one.
#: Measured over 1,500 news paragraphs: batches of 10,000 characters took the same CPU time as
#: 50,000 (7.5 s) and 85 MB less memory at their peak (244 MB against 329 MB).
BATCH_CHARS = 10_000
BATCH_DOCS = 64


def disabled_detectors(layers: Sequence[str]) -> list[str]:
    """The detector pipes a run of `layers` can switch off (those no chosen layer needs)."""
    needed = set(with_needs(layers))
    return [detector_name(layer.id) for layer in all_layers() if layer.id not in needed]


class _LinkIndex:
    """The document's links by position, so that each piece finds its own by bisection: asking
    every link for every block is quadratic (a long web page: thousands of each)."""

    def __init__(self, links: Sequence[Link]) -> None:
        self.ordered = sorted((link.start, link.end, n) for n, link in enumerate(links))
        self.starts = [start for start, _end, _n in self.ordered]
        # the furthest any link so far reaches: the first link that may reach into a piece
        self.reach = list(accumulate((end for _start, end, _n in self.ordered), max))

    def over(self, start: int, end: int) -> list[tuple[int, int]]:
        """The links over text[start:end], in the document's order, relative to `start`."""
        first = bisect_right(self.reach, start)
        last = bisect_left(self.starts, end)
        found = sorted((n, s, e) for s, e, n in self.ordered[first:last] if e > start)
        return [(max(s, start) - start, min(e, end) - start) for _n, s, e in found]


def _piece_doc(nlp: Language, document: Document, links: _LinkIndex, start: int, end: int) -> Doc:
    doc = nlp.make_doc(document.text[start:end])
    doc.user_data[LINKS_KEY] = links.over(start, end)
    return doc


def _batches(
    document: Document, indices: Sequence[int], limit: int
) -> Iterator[list[tuple[int, int, int, bool]]]:
    """(block index, start, end, whether it is the block's last piece) of each piece of the
    blocks `indices`, in batches of at most BATCH_CHARS characters and BATCH_DOCS pieces."""
    batch: list[tuple[int, int, int, bool]] = []
    size = 0
    for i in indices:
        block = document.blocks[i]
        cuts = pieces(document.text, block.start, block.end, limit)
        for n, (start, end) in enumerate(cuts):
            if batch and (size + end - start > BATCH_CHARS or len(batch) >= BATCH_DOCS):
                yield batch
                batch, size = [], 0
            batch.append((i, start, end, n == len(cuts) - 1))
            size += end - start
    if batch:
        yield batch


def iter_block_results(
    document: Document,
    layers: Sequence[str],
    nlp: Language,
    order: Sequence[int] | None = None,
    cancelled: Callable[[], bool] | None = None,
    measure: bool = True,
) -> Iterator[BlockResult]:
    """One BlockResult per analysed block, in `order` (default: document order).

    Stops early, between blocks or pieces, once `cancelled()` is true (a block cut into pieces
    is reported once all of them are done, or not at all). Without `measure` the results'
    metrics are left empty, for the caller to fill in with block_readability's measured
    elsewhere (the command line's early process, readability/early.py).
    """
    if order is None:
        indices = document.analysed_indices()
    else:
        indices = [i for i in order if document.blocks[i].analysed]
    limit = min(MAX_PIECE_CHARS, nlp.max_length)
    links = _LinkIndex(document.links)
    found: list[Finding] = []  # of the block whose pieces are being gathered
    with nlp.select_pipes(disable=disabled_detectors(layers)):
        for batch in _batches(document, indices, limit):
            docs = nlp.pipe(
                (_piece_doc(nlp, document, links, s, e) for _i, s, e, _last in batch),
                batch_size=len(batch),
            )
            for (i, start, _end, last), doc in zip(batch, docs, strict=True):
                # every finding, thorough-only rules too: the reader's level filters the view
                found.extend(
                    f
                    for layer in layers
                    for f in findings_of(doc, layer, start, sensitivity="thorough")
                )
                if last:
                    metrics = _block_readability(document, i) if measure else {}
                    yield BlockResult(i, tuple(found), metrics)
                    found = []
                if cancelled and cancelled():
                    return


def _block_readability(document: Document, index: int) -> dict[str, float | None]:
    # textstat imported on first use: a process whose blocks are measured elsewhere (the
    # command line's, readability/early.py) never imports it
    from caveat.analysis.readability.metrics import block_readability

    return block_readability(document, index)


#: A short paragraph that meets every detector and the readability.
WARM_UP_TEXT = "Officials said about 40 people may have left, according to police."


#: Per pipeline, the (pipes, layers, measured) warmed up in this process or in the process it was
#: forked from: what a forked helper inherits needs no second warm-up.
_warmed: WeakKeyDictionary[Language, set[tuple[tuple[str, ...], tuple[str, ...], bool]]] = (
    WeakKeyDictionary()
)


def warm_up(nlp: Language, layers: Sequence[str], measure: bool = True) -> None:
    """One short paragraph through the detectors of `layers` and, if `measure`, the readability:
    what loads on first use (textstat's hyphenation dictionary, lexicons, the tagger's first
    batch) costs about 0.7 s, which the first chunk of a document, and a reader's first jump
    ahead, would wait for. Done before a helper is forked, the helper inherits it instead of
    loading it again, and its own warm-up returns at once (it spent 0.02-0.04 s on the paragraph
    again). Without `measure` (blocks measured elsewhere) textstat is neither imported nor
    warmed: 0.1 s."""
    done = _warmed.setdefault(nlp, set())
    pipes, chosen = tuple(nlp.pipe_names), tuple(layers)
    if (pipes, chosen, True) in done or (pipes, chosen, measure) in done:
        return
    sample = Document(WARM_UP_TEXT, (Block(0, len(WARM_UP_TEXT)),), "txt")
    for _result in iter_block_results(sample, layers, nlp, measure=measure):
        pass
    done.add((pipes, chosen, measure))
