"""A progress bar on the terminal for an analysis that takes more than a few seconds.

Only when stderr is a terminal (never in a pipe, a log or a test's captured output) and the
document is long enough to take a while; it counts paragraphs (blocks, each at most
cutting.MAX_PIECE_CHARS long) and is cleared when the analysis ends, leaving stderr as it was.

The bar starts no thread: it is redrawn from the analysis's own progress calls. A thread here
(tqdm's monitor, which it starts with its first bar) made the analysis spawn its second
process, which loads the model again, instead of forking it with the model loaded
(parallel.safe_start_method): 100,000 words took 4.9 s instead of 3.9 s on a terminal.
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

    class Bar(tqdm):
        monitor_interval = 0  # tqdm's monitor thread: none (see the module's docstring)

    with Bar(
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
