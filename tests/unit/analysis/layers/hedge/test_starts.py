"""Each word tries only the hedge rules STARTS allows there (starts.py): every hit a rule
returns, tried at every word of the rule tables' examples and the sample article, must be one
the word was allowed to try, or the detector would miss it."""

from __future__ import annotations

import pytest

from caveat.analysis.layers.hedge.factory import RULES
from caveat.analysis.layers.hedge.scan import SentenceScan
from caveat.loaders.registry import load_document
from caveat.rules import all_rules


def _texts(sample) -> list[str]:
    examples = [s for rule in all_rules() for s in (*rule.flag, *rule.not_flag)]
    document = load_document(sample)
    blocks = [document.blocks[i] for i in document.analysed_indices()]
    return examples + [document.text[block.start : block.end] for block in blocks]


def _allowed(detector, scan: SentenceScan, phrase_starts: dict[int, int], i: int) -> tuple:
    starts = detector.starts
    bits = starts.by_word.get(scan.lows[i], 0) | starts.by_lemma.get(scan.lemmas[i], 0)
    return starts.in_order(bits | phrase_starts.get(scan.base + i, 0))


@pytest.mark.parametrize("which", ["model", "rules"])
def test_every_hit_is_one_the_word_may_try(which, pipeline, rules_pipeline, bundled_sample):
    nlp, _info = pipeline if which == "model" else rules_pipeline
    detector = nlp.get_pipe("caveat_hedge")
    tried = 0
    for doc in nlp.pipe(_texts(bundled_sample)):
        phrase_starts = detector.starts.phrase_starts(detector.phrases, doc)
        sentences = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
        for sentence in sentences:
            scan = SentenceScan(detector.lex, detector.phrases, sentence, doc.has_annotation("TAG"))
            for i in range(len(scan.lows)):
                allowed = _allowed(detector, scan, phrase_starts, i)
                for rule in RULES:
                    if rule(scan, i):
                        tried += 1
                        assert rule in allowed, f"{rule.__name__} at {scan.lows[i]!r}: {sentence}"
    assert tried > 100  # the examples give every rule something to find


def test_a_word_that_only_opens_phrases_tries_rules_only_where_one_begins(pipeline):
    nlp, _info = pipeline
    detector = nlp.get_pipe("caveat_hedge")
    doc = nlp("The majority of the voters went to the polls, to some extent.")
    scan = SentenceScan(detector.lex, detector.phrases, doc[:], True)
    phrase_starts = detector.starts.phrase_starts(detector.phrases, doc)
    names = [[r.__name__ for r in _allowed(detector, scan, phrase_starts, i)] for i in range(12)]
    assert names[0] == ["unnamed_source"]  # "The majority of"
    assert names[3] == names[6] == names[7] == []  # "the voters", "to the polls", "the"
    assert names[10] == ["hedging_adverb"]  # "to some extent"
    assert "vague_quantity" in names[11] and "unnamed_source" in names[11]  # "some"
