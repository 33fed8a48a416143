"""The command line's early readability process (readability/early.py): a real forked process
gives what measuring here gives, for the whole document and each block; when it cannot be
started, dies or hangs the readability is measured here all the same; and it never outlives its
run."""

from __future__ import annotations

import multiprocessing
import os
import time

import pytest

from caveat.analysis.readability import early as early_module
from caveat.analysis.readability import metrics
from caveat.analysis.readability.early import EarlyReadability, early_readability
from caveat.document import Block, Document

PARAGRAPHS = [
    "The council approved the budget on Monday. It will cost more than planned.",
    "Residents, who had waited for years, said the decision came far too late for them.",
    "Officials said the new bridge could open next spring. Work starts soon.",
]


def _document(paragraphs: int = 300) -> Document:
    parts = [f"{PARAGRAPHS[n % len(PARAGRAPHS)]} Part {n}." for n in range(paragraphs)]
    text = "\n\n".join(parts)
    blocks, pos = [], 0
    for part in parts:
        blocks.append(Block(pos, pos + len(part)))
        pos += len(part) + 2
    return Document(text, tuple(blocks), "txt")


def _early_processes() -> list[multiprocessing.process.BaseProcess]:
    return [p for p in multiprocessing.active_children() if p.name == "caveat-readability"]


def _here(document: Document) -> tuple[dict, dict]:
    """The document's readability and its blocks', measured in this process."""
    indices = document.analysed_indices()
    return metrics.document_readability(document), {
        i: metrics.block_readability(document, i) for i in indices
    }


def _must_not_measure_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on, measuring in this process fails: a result can only come from the child,
    forked before (it keeps the functions it was forked with)."""

    def refuse(*_args: object) -> dict[str, float | None]:
        raise AssertionError("measured in the parent")

    monkeypatch.setattr(metrics, "document_readability", refuse)
    monkeypatch.setattr(metrics, "block_readability", refuse)


def test_the_early_process_gives_what_measuring_here_gives(monkeypatch):
    document = _document()
    whole, blocks = _here(document)
    early = EarlyReadability(document)
    assert early.start()
    _must_not_measure_here(monkeypatch)
    assert early.blocks() == blocks
    assert early.document() == whole
    assert early.document() is early.document()  # asked twice, measured once
    assert _early_processes() == []  # reaped once all is in


def test_the_blocks_it_sends_are_those_an_analysis_measures(pipeline):
    from caveat.analysis.run import analyze

    document = _document(40)
    analysis = analyze(document, pipeline=pipeline, use_cache=False)
    with early_readability(document) as early:
        assert early.blocks() == analysis.block_metrics
        assert early.document() == analysis.metrics


def test_a_document_over_textstats_part_size_gives_the_same_parts(monkeypatch):
    monkeypatch.setattr(metrics, "PART_CHARS", 2_000)  # several parts, combined
    document = _document(120)
    expected = metrics.document_readability(document)
    with early_readability(document) as early:
        _must_not_measure_here(monkeypatch)
        assert early.document() == expected


def _die(*_args: object) -> None:
    os._exit(3)  # as if killed: nothing sent


def test_measured_here_when_the_process_dies(monkeypatch):
    document = _document()
    monkeypatch.setattr(early_module, "_measure_and_send", _die)
    with early_readability(document) as early:
        assert (early.document(), early.blocks()) == _here(document)
    assert _early_processes() == []


def test_measured_here_when_the_process_is_killed():
    document = _document()
    with early_readability(document) as early:
        [process] = _early_processes()
        os.kill(process.pid, 9)
        assert (early.document(), early.blocks()) == _here(document)
    assert _early_processes() == []


def _hang(*_args: object) -> None:
    time.sleep(60)


def test_measured_here_when_the_process_does_not_answer_in_time(monkeypatch):
    document = _document()
    monkeypatch.setattr(early_module, "_measure_and_send", _hang)
    early = EarlyReadability(document, wait_seconds=0.3)
    assert early.start()
    started = time.monotonic()
    assert (early.document(), early.blocks()) == _here(document)
    assert time.monotonic() - started < 10
    assert _early_processes() == []  # the hanging process was ended


def test_measured_here_where_there_is_no_fork(monkeypatch):
    document = _document(20)
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    with early_readability(document) as early:
        assert _early_processes() == []
        assert (early.document(), early.blocks()) == _here(document)


def test_no_process_is_left_when_the_run_ends_without_asking(monkeypatch):
    monkeypatch.setattr(early_module, "_measure_and_send", _hang)
    with early_readability(_document()) as early:
        assert len(_early_processes()) == 1
        del early  # a run answered from the cache never asks
    assert _early_processes() == []


def test_not_started_when_not_asked_to():
    document = _document(20)
    with early_readability(document, start=False) as early:
        assert _early_processes() == []
        assert (early.document(), early.blocks()) == _here(document)


def _send_the_document_only(document, sender, *_args: object) -> None:
    from caveat.analysis.readability.metrics import document_readability

    sender.send((early_module.DOCUMENT, document_readability(document)))
    os._exit(3)  # dies before the blocks


def test_what_the_process_did_not_send_is_measured_here(monkeypatch):
    document = _document()
    monkeypatch.setattr(early_module, "_measure_and_send", _send_the_document_only)
    whole, blocks = _here(document)
    with early_readability(document) as early:
        assert early.document() == whole
        assert early.blocks() == blocks


def test_started_once_however_often_asked(monkeypatch):
    monkeypatch.setattr(early_module, "_measure_and_send", _hang)  # alive till the end
    with early_readability(_document(20)) as early:
        assert early.start()
        assert early.start()
        assert len(_early_processes()) == 1
    assert _early_processes() == []
