"""The order in which the window's analysis process takes a document's blocks: what the reader
sees first, then the rest in reading order from below the screen (round to the top after the
end), re-decided after every small chunk.

The window reports what is on screen whenever the view moves (a scroll, Ctrl+End, a drag of the
scrollbar, F3, find) through `OnScreen`. The run (`run_by_schedule`, on the window's analysis
thread) asks `BlockSchedule` for its next chunk only when the previous one is back, and keeps a
single chunk in the helper process at a time: a jump waits for at most the chunk being tagged
(about CHUNK_WORDS words, a fraction of a second) before the blocks on screen are analysed, and
they are shown at once as a partial analysis. Queueing every chunk at the start, as this once did,
left the end of a 50,000-word article without highlights until the whole was done.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import replace
from typing import TYPE_CHECKING

from caveat.analysis.readability.meanings import DESCRIPTIONS
from caveat.analysis.results import BlockResult, assemble, block_words
from caveat.document import Document
from caveat.findings import Analysis, PipelineInfo

if TYPE_CHECKING:
    from caveat.analysis.parallel import HelperProcess

#: The metrics of an analysis not measured yet (partial or cancelled): nobody reads them. The
#: document's readability is measured after its blocks, so that no jump waits for it.
UNMEASURED: dict[str, float | None] = dict.fromkeys(DESCRIPTIONS, 0.0)
#: Words per chunk: a chunk is what a jump may have to wait for. Tagging 1,000 words takes about
#: 0.1 s on one core here (0.2-0.3 s on a loaded machine); smaller chunks cost the tagger its
#: batching (measured in docs/performance.md, "Jumping ahead").
CHUNK_WORDS = 1_000
#: Words per chunk of blocks on screen: about what a window shows, so the first highlights after
#: a jump need not wait for the screenful below it, which follows as the next chunk.
SCREEN_WORDS = 400


class OnScreen:
    """The blocks the reader sees now: set from the window's thread, read by the run's.

    Each update replaces one immutable tuple, a single reference assignment, so the reader
    never sees half of an update and no lock is needed.
    """

    def __init__(self, blocks: Iterable[int] = ()) -> None:
        self._blocks: tuple[int, ...] = tuple(blocks)

    def show(self, blocks: Iterable[int]) -> None:
        self._blocks = tuple(blocks)

    def blocks(self) -> tuple[int, ...]:
        return self._blocks


class BlockSchedule:
    """The blocks of `document` not analysed yet; hands them out a chunk at a time, those on
    screen before the others."""

    def __init__(
        self, document: Document, on_screen: OnScreen | None = None, words: int = CHUNK_WORDS
    ) -> None:
        self._document = document
        self._on_screen = on_screen or OnScreen()
        self._words = words
        self._order = document.analysed_indices()
        self._place = {block: k for k, block in enumerate(self._order)}  # its place in _order
        self._pending = set(self._order)
        self._next = 0  # the place in `_order` where reading order goes on
        self._done: set[int] = set()
        self._shown: set[int] = set()  # the blocks in the last partial analysis

    def __bool__(self) -> bool:
        return bool(self._pending)

    def next_chunk(self) -> tuple[list[int], bool]:
        """The next blocks to analyse, and whether they were chosen for being on screen."""
        on_screen = [i for i in self._on_screen.blocks() if i in self._pending]
        if on_screen:
            # the rest then goes on below the screen, where the reader reads on, and comes
            # round to the top after the end
            self._next = self._place[on_screen[-1]] + 1
            return self._take(on_screen, min(self._words, SCREEN_WORDS)), True
        chunk = self._take(self._reading_order(), self._words)
        self._next = self._place[chunk[-1]] + 1
        return chunk, False

    def _reading_order(self) -> Iterator[int]:
        """The blocks not taken yet, from where reading goes on, round to the start."""
        count = len(self._order)
        for k in range(self._next, self._next + count):
            if (block := self._order[k % count]) in self._pending:
                yield block

    def _take(self, candidates: Iterable[int], most: int) -> list[int]:
        """The first of `candidates` that add up to about `most` words (at least one)."""
        chunk: list[int] = []
        words = 0
        for i in candidates:
            if i not in self._pending:
                continue
            chunk.append(i)
            words += block_words(self._document, i)
            if words >= most:
                break
        self._pending.difference_update(chunk)
        return chunk

    def finished(self, indices: Iterable[int], asked: Iterable[int] = ()) -> None:
        """Blocks `indices` are analysed (whether asked for or done by the analysis process's
        second process, tail.py); those of `asked` not among them are still to do (that
        process holds them): they are handed out again."""
        done = set(indices)
        self._done |= done
        self._pending -= done
        self._pending.update(i for i in asked if i not in done)

    def screen_waits(self) -> bool:
        """Blocks on screen are analysed but not yet shown (the reader scrolled to blocks
        finished in the background): time for a partial analysis."""
        return any(i in self._done and i not in self._shown for i in self._on_screen.blocks())

    def shown(self) -> None:
        """Every block finished so far is in the partial analysis just sent."""
        self._shown = set(self._done)


def run_by_schedule(
    document: Document,
    layers: tuple[str, ...],
    info: PipelineInfo,
    helper: HelperProcess,
    schedule: BlockSchedule,
    wait: Callable[[Future[list[BlockResult]]], list[BlockResult]],
    arrived: Callable[[Iterable[BlockResult]], None],
    partial: Callable[[Analysis], None] | None,
) -> None:
    """Every block of `schedule` through `helper` (which has received `document`), one chunk
    at a time; after a chunk that was on screen, and whenever the screen shows finished blocks
    not painted yet, `partial` gets every block finished so far."""
    results: list[BlockResult] = []
    while schedule:
        chunk, on_screen = schedule.next_chunk()
        found = wait(helper.analyse(layers, chunk))
        results += found
        schedule.finished([r.index for r in found], asked=chunk)
        arrived(found)
        if partial and (on_screen or schedule.screen_waits() or not schedule):
            shown = assemble(document, results, layers, info, metrics=UNMEASURED)
            schedule.shown()
            partial(replace(shown, partial=True))
