"""The window's analysis process shares a long document with a second process it forks (tail.py):
real processes, the real model; the whole is what one process gives, and the second process
ends with the run."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from caveat.analysis import cache, parallel
from caveat.analysis.results import analysed_words
from caveat.analysis.run import HELPER_ABOVE_WORDS, Stopped, analyze, analyze_in_helper
from caveat.analysis.schedule import OnScreen
from caveat.document import Block, Document


@pytest.fixture(scope="module")
def window_helper():
    """The window's analysis process, spawned (Qt threads may run in this session)."""
    helper = parallel.HelperProcess(start_method="spawn")
    helper.warming.result(timeout=180)
    yield helper
    helper.stop()


def _news(bundled_sample, copies: int) -> Document:
    paragraphs = [p for p in bundled_sample.read_text(encoding="utf-8").split("\n\n") if p]
    # numbered, so that no two copies are the same text (as in a real long article)
    parts = [f"{p} (part {n})" for n in range(copies) for p in paragraphs]
    text = "\n\n".join(parts)
    blocks, pos = [], 0
    for part in parts:
        blocks.append(Block(pos, pos + len(part)))
        pos += len(part) + 2
    return Document(text, tuple(blocks), "txt")


class Spy:
    """Records the chunks the window's side asks for and the blocks each answer brings."""

    def __init__(self, helper, monkeypatch) -> None:
        self.asked: list[list[int]] = []
        self.answered: list[list[int]] = []
        analyse = helper.analyse

        def spied(layers, indices):
            self.asked.append(list(indices))
            future = analyse(layers, indices)
            future.add_done_callback(
                lambda f: (
                    self.answered.append([r.index for r in f.result()])
                    if not f.cancelled() and f.exception() is None
                    else None
                )
            )
            return future

        monkeypatch.setattr(helper, "analyse", spied)

    def brought_unasked(self) -> bool:
        asked = {i for chunk in self.asked for i in chunk}
        return any(i not in asked for answer in self.answered for i in answer)


def _children(helper) -> list[str]:
    """The analysis process's children, zombies (not reaped yet) included."""
    [pid] = helper.executor._processes
    return Path(f"/proc/{pid}/task/{pid}/children").read_text().split()


def wait_until(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_a_long_document_is_shared_and_ends_as_one_process_would(
    window_helper, pipeline, bundled_sample, monkeypatch
):
    monkeypatch.setattr(cache, "load", lambda _key: None)  # analysed, never read back
    document = _news(bundled_sample, 30)
    assert analysed_words(document) > HELPER_ABOVE_WORDS
    spy = Spy(window_helper, monkeypatch)
    shared = analyze_in_helper(document, window_helper, None, on_screen=OnScreen([0, 1, 2]))
    alone = analyze(document, pipeline=pipeline, use_cache=False, parallel=False)
    assert spy.brought_unasked(), "no block came from the second process"
    assert shared.all_findings() == alone.all_findings()
    assert shared.block_metrics == alone.block_metrics
    assert shared.metrics == alone.metrics
    assert len(alone.all_findings()) > 500
    assert wait_until(lambda: not _children(window_helper), 5), "the second process stayed"


def test_a_short_document_has_no_second_process(window_helper, bundled_sample, monkeypatch):
    monkeypatch.setattr(cache, "load", lambda _key: None)
    document = _news(bundled_sample, 3)
    assert analysed_words(document) < HELPER_ABOVE_WORDS
    spy = Spy(window_helper, monkeypatch)
    analysis = analyze_in_helper(document, window_helper, None, on_screen=OnScreen([0]))
    assert not spy.brought_unasked()
    assert sorted(analysis.block_metrics) == document.analysed_indices()


def test_a_cancelled_run_ends_the_second_process(window_helper, bundled_sample, monkeypatch):
    monkeypatch.setattr(cache, "load", lambda _key: None)
    document = _news(bundled_sample, 30)
    spy = Spy(window_helper, monkeypatch)
    with pytest.raises(Stopped):
        analyze_in_helper(
            document, window_helper, None, OnScreen([0]), cancelled=lambda: len(spy.answered) > 2
        )
    assert wait_until(lambda: not _children(window_helper), 5), "the second process stayed"
    # the next document is analysed whole after the cancelled one
    analysis = analyze_in_helper(_news(bundled_sample, 2), window_helper, None, OnScreen([0]))
    assert not analysis.partial and analysis.findings


def test_if_the_second_process_dies_its_share_is_done_by_the_first(
    window_helper, pipeline, bundled_sample, monkeypatch
):
    monkeypatch.setattr(cache, "load", lambda _key: None)
    document = _news(bundled_sample, 30)
    spy = Spy(window_helper, monkeypatch)
    killed = []

    def kill_it_after_two_answers() -> bool:
        if len(spy.answered) == 2 and not killed:
            for pid in _children(window_helper):
                os.kill(int(pid), signal.SIGKILL)  # as the out-of-memory killer would
                killed.append(pid)
        return False

    shared = analyze_in_helper(
        document, window_helper, None, OnScreen([0]), cancelled=kill_it_after_two_answers
    )
    alone = analyze(document, pipeline=pipeline, use_cache=False, parallel=False)
    assert killed
    assert shared.all_findings() == alone.all_findings()
    assert shared.block_metrics == alone.block_metrics
    assert shared.metrics == alone.metrics
    assert wait_until(lambda: not _children(window_helper), 5)
