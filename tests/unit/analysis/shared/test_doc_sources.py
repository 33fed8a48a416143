"""The sources kept on a Doc: found only for the sentences asked about, and the same as
attribution_spans finds sentence by sentence for every caller (number layer, confidence, eval)."""

from __future__ import annotations

from bisect import bisect_right

import pytest

from caveat.analysis.shared.attribution import attribution_spans, doc_sources
from caveat.analysis.shared.attribution.doc_sources import DocSources

TEXTS = [
    "Prices rose 12 percent, according to the ministry. Smith said so.",
    # The splitter cuts the marker: sentence 0 finds "[3]", which begins in sentence 1.
    "Exports fell 4% [3]. Imports rose 5%.",
    "The team won. Exports fell 4 percent [3]. Imports rose 5% (Smith, 2020).",
    "Critics claim the plant leaks. It is estimated that 40 percent of it does.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_kept_sources_are_those_found_sentence_by_sentence(pipeline, text):
    nlp, _info = pipeline
    doc = nlp(text)
    sents = list(doc.sents)
    expected = [
        [(s.start, s.end, s.label_) for s in attribution_spans(sent, stance=True)] for sent in sents
    ]
    sources = DocSources.of(doc)
    assert [
        [(s.start, s.end, s.label_) for s in sources.found(k)] for k in range(len(sents))
    ] == expected
    assert [(s.start, s.end) for s in sources.everywhere()] == [
        (a, b) for found in expected for a, b, _l in found
    ]
    # where each piece of evidence begins, whichever sentence found it (the confidence's reading)
    starts = [sent.start for sent in sents]
    begins = {bisect_right(starts, a) - 1 for found in expected for a, _b, _l in found}
    assert {k for k in range(len(sents)) if sources.starts_in(k)} == begins
    citations = {(a, b) for found in expected for a, b, label in found if label == "citation"}
    assert {(s.start, s.end) for s in sources.citations()} == citations


def test_a_citation_marker_split_by_the_sentence_splitter_begins_in_the_next_sentence(pipeline):
    nlp, _info = pipeline
    sources = DocSources.of(nlp("Exports fell 4% [3]. Imports rose 5%."))
    assert len(sources.sents) > 2 and sources.found(0)  # the marker is sentence 0's source
    assert not sources.starts_in(0) and sources.starts_in(1)


def test_the_number_layer_finds_sources_only_near_its_figures(pipeline, monkeypatch):
    asked: list[str] = []

    def counting(sent, **kwargs):
        asked.append(sent.text)
        return attribution_spans(sent, **kwargs)

    monkeypatch.setattr(doc_sources, "attribution_spans", counting)
    nlp, _info = pipeline
    quiet = " ".join(f"The {word} river runs past the mill." for word in ("old", "wide", "slow"))
    text = f"{quiet} Exports fell 12 percent last year. The town waited. {quiet}"
    with nlp.select_pipes(enable=["tok2vec", "tagger", "senter", "caveat_lemmas", "caveat_number"]):
        doc = nlp(text)
    assert [span.text for span in doc.spans["number"]] == ["12 percent"]
    assert asked == [
        "Exports fell 12 percent last year.",
        "The slow river runs past the mill.",
        "The town waited.",
    ]
    DocSources.of(doc).everywhere()  # what eval reads: every sentence, each found once
    assert len(asked) == len(list(doc.sents)) == 8
