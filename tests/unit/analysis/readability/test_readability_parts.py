"""A long document's readability is measured in parts (textstat holds ~200 bytes per word of
what it measures) and combined; a short one exactly as before."""

import pytest

from caveat.analysis.readability import metrics
from caveat.analysis.readability.metrics import document_readability, readability
from caveat.analysis.results import analysed_parts, analysed_text
from caveat.document import Block, BlockKind, Document

PARAGRAPHS = [
    "The council approved the budget on Monday. It will cost more than planned.",
    "Residents, who had waited for years, said the decision came far too late for them.",
    "Officials said the new bridge could open next spring. Work starts soon.",
    "Critics argued that the consultation was rushed and that few people took part in it.",
]


def _document(paragraphs: int) -> Document:
    parts = [PARAGRAPHS[n % len(PARAGRAPHS)] for n in range(paragraphs)]
    text = "\n\n".join([*parts, "Advertisement"])
    blocks, pos = [], 0
    for part in parts:
        blocks.append(Block(pos, pos + len(part)))
        pos += len(part) + 2
    blocks.append(Block(pos, pos + len("Advertisement"), BlockKind.BOILERPLATE))
    return Document(text, tuple(blocks), "txt")


def test_a_short_document_is_measured_whole_as_before():
    document = _document(40)
    assert document_readability(document) == readability(analysed_text(document))


def test_parts_are_whole_paragraphs_and_leave_out_boilerplate():
    document = _document(40)
    parts = list(analysed_parts(document, 500))
    assert len(parts) > 5
    assert "\n\n".join(parts) == analysed_text(document)
    assert all(p.split("\n\n")[0] in PARAGRAPHS for p in parts)


def test_a_long_document_in_parts_adds_up_to_nearly_the_whole(monkeypatch):
    document = _document(200)
    whole = readability(analysed_text(document))
    monkeypatch.setattr(metrics, "PART_CHARS", 1_000)
    assert len(list(analysed_parts(document, metrics.PART_CHARS))) > 10
    parts = document_readability(document)
    assert list(parts) == list(whole)
    assert parts["words"] == whole["words"]
    assert parts["sentences"] == whole["sentences"]
    assert parts["reading_time_seconds"] == pytest.approx(whole["reading_time_seconds"], rel=0.01)
    for name in ("flesch_reading_ease", "flesch_kincaid_grade", "coleman_liau_index"):
        assert parts[name] == pytest.approx(whole[name], abs=0.5), name
