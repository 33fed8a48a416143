"""A long document shared with a helper process gives exactly what one process gives."""

import pytest

from caveat.analysis import parallel
from caveat.analysis import run as analyze_module
from caveat.analysis.run import analyze
from caveat.document import Block, Document


@pytest.fixture(scope="module")
def spawned_helper():
    # spawn, not fork: GUI tests in the same session may have started Qt threads.
    helper = parallel.HelperProcess(start_method="spawn")
    helper.warming.result(timeout=120)
    yield helper
    helper.close()


def _long_document(bundled_sample) -> Document:
    paragraphs = [p for p in bundled_sample.read_text(encoding="utf-8").split("\n\n") if p]
    text = "\n\n".join(paragraphs * 6)
    blocks, pos = [], 0
    for part in text.split("\n\n"):
        blocks.append(Block(pos, pos + len(part)))
        pos += len(part) + 2
    return Document(text, tuple(blocks), "txt")


def test_shared_run_equals_single_process_run(
    spawned_helper, pipeline, bundled_sample, monkeypatch
):
    monkeypatch.setattr(parallel, "_shared", spawned_helper)
    monkeypatch.setattr(analyze_module, "HELPER_ABOVE_WORDS", 500)
    monkeypatch.setattr(analyze_module, "CHUNK_WORDS", 200)
    document = _long_document(bundled_sample)
    alone = analyze(document, pipeline=pipeline, use_cache=False, parallel=False)
    shared = analyze(document, pipeline=pipeline, use_cache=False, parallel=True)
    assert shared.all_findings() == alone.all_findings()
    assert shared.block_metrics == alone.block_metrics
    assert shared.metrics == alone.metrics
    assert len(alone.all_findings()) > 50


def test_chunks_cover_every_block_once_in_order(bundled_sample):
    document = _long_document(bundled_sample)
    indices = list(range(len(document.blocks)))
    chunks = parallel.chunked(indices, document, 300)
    assert [i for chunk in chunks for i in chunk] == indices
    assert len(chunks) > 3


def test_cancel_stops_a_shared_run(spawned_helper, pipeline, bundled_sample, monkeypatch):
    monkeypatch.setattr(parallel, "_shared", spawned_helper)
    monkeypatch.setattr(analyze_module, "HELPER_ABOVE_WORDS", 500)
    monkeypatch.setattr(analyze_module, "CHUNK_WORDS", 200)
    result = analyze(
        _long_document(bundled_sample), pipeline=pipeline, use_cache=False, cancelled=lambda: True
    )
    assert result.cancelled
