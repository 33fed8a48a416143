"""The order of a long document's blocks: what is on screen next, then reading order."""

from __future__ import annotations

from concurrent.futures import Future

from caveat.analysis.results import BlockResult
from caveat.analysis.schedule import BlockSchedule, OnScreen, run_by_schedule
from caveat.document import Block, BlockKind, Document
from caveat.findings import Finding, PipelineInfo

LAYERS = ("hedge",)
INFO = PipelineInfo("test", "1")


def ten_word_blocks(n: int, boilerplate: tuple[int, ...] = ()) -> Document:
    """`n` blocks of ten words each; the indices in `boilerplate` are not analysed."""
    parts = [" ".join(f"w{i}" for _ in range(10)) for i in range(n)]
    text = "\n\n".join(parts)
    blocks, pos = [], 0
    for i, part in enumerate(parts):
        kind = BlockKind.BOILERPLATE if i in boilerplate else BlockKind.PARAGRAPH
        blocks.append(Block(pos, pos + len(part), kind))
        pos += len(part) + 2
    return Document(text, tuple(blocks), "txt")


def drain(schedule: BlockSchedule, on_screen: OnScreen | None = None, jumps=None):
    """Every chunk the schedule hands out; `jumps` maps a chunk number to what comes on screen
    before it is asked for."""
    chunks = []
    while schedule:
        if jumps and on_screen is not None and len(chunks) in jumps:
            on_screen.show(jumps[len(chunks)])
        chunk, seen = schedule.next_chunk()
        schedule.finished(chunk)
        chunks.append((chunk, seen))
    return chunks


def test_without_a_screen_blocks_go_in_reading_order_in_chunks_of_about_the_words():
    chunks = drain(BlockSchedule(ten_word_blocks(10), words=30))
    assert chunks == [([0, 1, 2], False), ([3, 4, 5], False), ([6, 7, 8], False), ([9], False)]


def test_blocks_on_screen_come_first_then_reading_goes_on_below_them_and_round_to_the_top():
    on_screen = OnScreen([4, 5])
    chunks = drain(BlockSchedule(ten_word_blocks(8), on_screen, words=30), on_screen)
    assert chunks[0] == ([4, 5], True)
    assert [c for c, _ in chunks[1:]] == [[6, 7, 0], [1, 2, 3]]


def test_a_jump_during_the_run_is_served_by_the_next_chunk_and_nothing_is_done_twice():
    on_screen = OnScreen([0, 1])
    document = ten_word_blocks(40, boilerplate=(38,))
    schedule = BlockSchedule(document, on_screen, words=20)
    chunks = drain(schedule, on_screen, jumps={2: [36, 37, 38, 39]})
    assert chunks[2] == ([36, 37], True)  # at most the chunk's words at a time
    assert chunks[3] == ([39], True)  # the rest of the screen next; boilerplate never
    done = [i for chunk, _ in chunks for i in chunk]
    assert sorted(done) == document.analysed_indices()


def test_the_screen_waits_for_painting_when_it_shows_blocks_finished_in_the_background():
    on_screen = OnScreen([0])
    schedule = BlockSchedule(ten_word_blocks(6), on_screen, words=20)
    chunk, _seen = schedule.next_chunk()
    schedule.finished(chunk)
    schedule.shown()
    chunk, _seen = schedule.next_chunk()  # blocks 1 and 2, off screen
    schedule.finished(chunk)
    assert not schedule.screen_waits()
    on_screen.show([2, 3])  # the reader scrolls down to block 2, finished but not painted
    assert schedule.screen_waits()
    schedule.shown()
    assert not schedule.screen_waits()


class FakeHelper:
    """Answers each chunk at once with one finding per block, and keeps the chunks asked for."""

    def __init__(self, document: Document) -> None:
        self.document, self.asked = document, []

    def analyse(self, layers, indices):
        self.asked.append(list(indices))
        future: Future[list[BlockResult]] = Future()
        results = []
        for i in indices:
            block = self.document.blocks[i]
            f = Finding(block.start, block.start + 2, "hedge", "test-rule", "a test finding")
            results.append(BlockResult(i, (f,), {"words": 10.0}))
        future.set_result(results)
        return future


def test_partial_analyses_come_after_chunks_on_screen_and_at_the_end():
    document = ten_word_blocks(12)
    on_screen = OnScreen([0])
    helper = FakeHelper(document)
    partials, arrived = [], []
    schedule = BlockSchedule(document, on_screen, words=30)

    def wait(future):
        if len(helper.asked) == 2:
            on_screen.show([10, 11])  # a jump to the end while the second chunk is analysed
        return future.result()

    run_by_schedule(document, LAYERS, INFO, helper, schedule, wait, arrived.extend, partials.append)
    assert helper.asked == [[0], [1, 2, 3], [10, 11], [4, 5, 6], [7, 8, 9]]
    assert [len(p.findings["hedge"]) for p in partials] == [1, 6, 12]
    assert all(p.partial for p in partials)
    assert sorted(r.index for r in arrived) == list(range(12))


def test_blocks_another_process_finished_are_not_handed_out_and_those_it_holds_come_again():
    # the analysis process's second process (tail.py) works from the end: an answer brings its
    # blocks unasked, and leaves out asked blocks it still holds
    schedule = BlockSchedule(ten_word_blocks(10), words=30)
    chunk, _seen = schedule.next_chunk()
    assert chunk == [0, 1, 2]
    schedule.finished([0, 1, 8, 9], asked=chunk)  # block 2 is held by the other process
    handed = []
    while schedule:
        chunk, _seen = schedule.next_chunk()
        handed += chunk
        schedule.finished(chunk, asked=chunk)
    assert sorted(handed) == [2, 3, 4, 5, 6, 7]
