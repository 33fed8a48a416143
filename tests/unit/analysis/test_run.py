"""The analysis run: blocks, offsets, order, progress and cancel, on the real pipeline."""

import pytest

from caveat.analysis.pipeline.blocks import iter_block_results
from caveat.analysis.run import analyze
from caveat.document import Block, BlockKind, Document


def _three_paragraphs() -> Document:
    parts = ["First paragraph here.", "Advertisement", "Third one is short."]
    text = "\n\n".join(parts)
    blocks, pos = [], 0
    kinds = [BlockKind.PARAGRAPH, BlockKind.BOILERPLATE, BlockKind.PARAGRAPH]
    for part, kind in zip(parts, kinds, strict=True):
        blocks.append(Block(pos, pos + len(part), kind))
        pos += len(part) + 2
    return Document(text, tuple(blocks), "txt")


def test_boilerplate_blocks_are_neither_analysed_nor_measured(pipeline):
    analysis = analyze(_three_paragraphs(), pipeline=pipeline, use_cache=False)
    assert sorted(analysis.block_metrics) == [0, 2]
    assert analysis.words == 7


def test_blocks_can_be_analysed_in_any_order(pipeline):
    nlp, _info = pipeline
    order = [2, 0, 1]
    indices = [r.index for r in iter_block_results(_three_paragraphs(), ("hedge",), nlp, order)]
    assert indices == [2, 0]


def test_progress_counts_every_analysed_block(pipeline):
    seen = []
    analyze(_three_paragraphs(), pipeline=pipeline, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1, 2), (2, 2)]


def test_cancel_stops_between_blocks_and_marks_the_result(pipeline):
    analysis = analyze(
        _three_paragraphs(), pipeline=pipeline, cancelled=lambda: True, use_cache=False
    )
    assert analysis.cancelled
    assert list(analysis.block_metrics) == [0]


def test_findings_are_offsets_into_the_document_text(pipeline, bundled_sample):
    from caveat.loaders import load_document

    document = load_document(bundled_sample)
    analysis = analyze(document, pipeline=pipeline, use_cache=False)
    for finding in analysis.all_findings():
        block = document.blocks[document.block_at(finding.start)]
        assert block.start <= finding.start < finding.end <= block.end
        assert document.text[finding.start : finding.end].strip()


def test_readability_measured_elsewhere_is_the_analysis(pipeline, monkeypatch):
    from caveat.analysis.readability import metrics
    from caveat.analysis.readability.metrics import block_readability, document_readability

    document = _three_paragraphs()

    def measured_here(*_args):
        raise AssertionError("a block measured here as well")

    monkeypatch.setattr(metrics, "block_readability", measured_here)

    class Elsewhere:  # told apart from what this process would measure
        asked: list[str] = []

        def start(self):
            self.asked.append("start")
            return True

        def document(self):
            self.asked.append("document")
            return {**document_readability(document), "words": 99.0}

        def blocks(self):
            self.asked.append("blocks")
            return {i: {**block_readability(document, i), "words": 9.0} for i in (0, 2)}

    analysis = analyze(document, pipeline=pipeline, use_cache=False, readability=Elsewhere())
    assert analysis.words == 99
    assert analysis.metrics["words"] == 99.0
    assert {i: m["words"] for i, m in analysis.block_metrics.items()} == {0: 9.0, 2: 9.0}
    assert Elsewhere.asked[0] == "start"
    assert sorted(Elsewhere.asked[1:]) == ["blocks", "document"]


def test_a_cached_document_comes_back_before_the_model_loads(pipeline, monkeypatch, tmp_path):
    from caveat.analysis import cache
    from caveat.analysis.pipeline import load

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    _nlp, info = pipeline
    monkeypatch.setattr(load, "load_pipeline", lambda model=None: pipeline)
    first = analyze(_three_paragraphs())  # loads, analyses, stores and remembers the pipeline
    monkeypatch.setattr(load, "load_pipeline", lambda model=None: pytest.fail("model loaded"))
    monkeypatch.setattr(cache, "_installed_version", lambda package: info.version)
    assert analyze(_three_paragraphs()) == first
    # after an upgrade of the model package the cache is not trusted before loading
    monkeypatch.setattr(cache, "_installed_version", lambda package: "99.0.0")
    with pytest.raises(pytest.fail.Exception, match="model loaded"):
        analyze(_three_paragraphs())
