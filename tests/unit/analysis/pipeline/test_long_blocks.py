"""Blocks of any length reach the model in pieces: no E088 over 1,000,000 characters, offsets
of findings exact to the end, and batches capped in characters."""

import pytest

from caveat.analysis.pipeline import blocks as blocks_module
from caveat.analysis.pipeline.blocks import iter_block_results
from caveat.analysis.run import analyze
from caveat.document import Block, Document

FILLER = "The cat sat on the mat in the morning. "
TAIL = "Officials said the toll could reach about 3,800 people, perhaps more."


def _one_block(chars: int, separator: str = " ") -> Document:
    """One block of `chars` characters or more, a sentence with findings at its very end."""
    body = separator.join([FILLER.strip()] * (chars // len(FILLER) + 1))
    text = body + separator + TAIL
    return Document(text, (Block(0, len(text)),), "txt")


def _hedges(document: Document, analysis) -> list[str]:
    return [document.text[f.start : f.end] for f in analysis.findings["hedge"]]


@pytest.mark.slow
def test_a_block_over_a_million_characters_is_analysed_to_its_end(rules_pipeline):
    document = _one_block(1_050_000)
    assert len(document.text) > rules_pipeline[0].max_length  # spaCy would refuse it whole
    analysis = analyze(document, pipeline=rules_pipeline, use_cache=False, parallel=False)
    assert _hedges(document, analysis) == ["about", "perhaps"]
    tail_start = len(document.text) - len(TAIL)
    about = analysis.findings["hedge"][0]
    assert about.start == tail_start + TAIL.index("about")
    assert list(analysis.block_metrics) == [0]


@pytest.mark.slow
@pytest.mark.parametrize("separator", [" ", "\n", ""])
def test_findings_in_the_tail_of_a_cut_block_land_on_their_words(pipeline, separator, monkeypatch):
    # The model's own pipeline, with the cap made small: the same cutting as for a huge block,
    # at lines, at sentences, and with no boundary at all between the filler sentences.
    monkeypatch.setattr(blocks_module, "MAX_PIECE_CHARS", 500)
    document = _one_block(6_000, separator)
    nlp, _info = pipeline
    [result] = list(iter_block_results(document, ("hedge", "number"), nlp))
    found = {(document.text[f.start : f.end], f.rule) for f in result.findings}
    assert ("about", "approximator") in found
    assert ("perhaps", "hedging-adverb") in found
    assert all(f.start >= len(document.text) - len(TAIL) for f in result.findings)


def test_batches_are_capped_in_characters_not_blocks(monkeypatch):
    text = "\n\n".join(["A paragraph of some forty characters ok."] * 200)
    spans, pos = [], 0
    for _ in range(200):
        spans.append(Block(pos, pos + 40))
        pos += 42
    document = Document(text, tuple(spans), "txt")
    monkeypatch.setattr(blocks_module, "BATCH_CHARS", 400)
    batches = list(blocks_module._batches(document, range(200), limit=10_000))
    assert all(sum(e - s for _i, s, e, _last in batch) <= 400 for batch in batches)
    assert [i for batch in batches for i, *_ in batch] == list(range(200))


def test_a_cut_block_is_reported_once_with_all_its_pieces(rules_pipeline, monkeypatch):
    monkeypatch.setattr(blocks_module, "MAX_PIECE_CHARS", 300)
    monkeypatch.setattr(blocks_module, "BATCH_CHARS", 700)
    document = _one_block(5_000)
    nlp, _info = rules_pipeline
    results = list(iter_block_results(document, ("hedge",), nlp))
    assert [r.index for r in results] == [0]
    assert [document.text[f.start : f.end] for f in results[0].findings] == ["about", "perhaps"]
    assert results[0].metrics["words"] > 800  # measured over the whole block, not a piece


def test_cancelling_inside_a_cut_block_reports_nothing_half_done(rules_pipeline, monkeypatch):
    monkeypatch.setattr(blocks_module, "MAX_PIECE_CHARS", 300)
    nlp, _info = rules_pipeline
    assert (
        list(iter_block_results(_one_block(5_000), ("hedge",), nlp, cancelled=lambda: True)) == []
    )
