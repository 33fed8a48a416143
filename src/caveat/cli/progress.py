"""A progress bar on the terminal for an analysis that takes more than a few seconds.

Only when stderr is a terminal (never in a pipe, a log or a test's captured output) and the
document is long enough to take a while; it counts paragraphs (blocks, each at most
cutting.MAX_PIECE_CHARS long) and is cleared when the analysis ends, leaving stderr as it was.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from caveat.analysis.results import analysed_words
from caveat.document import Document

#: About this many words take the model two or three seconds (and start-up as much again):
#: below it a bar would flash by.
PROGRESS_ABOVE_WORDS = 20_000


@contextmanager
def terminal_progress(document: Document) -> Iterator[Callable[[int, int], None] | None]:
    """A `progress(done, total)` callback drawing a bar on stderr, or None where none is
    wanted."""
    if not sys.stderr.isatty() or analysed_words(document) < PROGRESS_ABOVE_WORDS:
        yield None
        return
    try:
        from tqdm import tqdm
    except ImportError:  # a build without it: no bar, the analysis all the same
        yield None
        return
    with tqdm(
        total=len(document.analysed_indices()),
        desc=f"analysing {document.name}",
        unit=" paragraphs",
        file=sys.stderr,
        leave=False,
        smoothing=0.1,
    ) as bar:

        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)

        yield progress
