"""The cached lemmatizer gives every token the lemma the model's own attribute ruler and
lemmatizer give its word and tag, called paragraph by paragraph or a batch at a time, and when
its cache is full."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from caveat.analysis.pipeline import lemmas

pytestmark = pytest.mark.slow

PARAGRAPHS = [
    "Officials said the toll could reach about 3,800 people, perhaps more.",
    "The ministers were meeting again; they hoped talks would resume by Friday.",
    "Analysts believe prices may have risen faster than wages in the worst-hit cities.",
    "Children ran across the fields while the geese flew south and the mice hid.",
    "Y'all ain't gonna believe it, let's go: gotta see it. C'mon, there is more.",
]


def _tagged(nlp, texts: list[str]) -> list[Doc]:
    with nlp.select_pipes(enable=["tok2vec", "tagger"]):
        return list(nlp.pipe(texts))


def _model_lemmas(cached: lemmas.CachedLemmatizer, doc: Doc) -> list[str]:
    """Each token's lemma from the model's two components, one word at a time."""
    found = []
    for token in doc:
        alone = Doc(doc.vocab, words=[token.text], tags=[token.tag_])
        for component in cached.components:
            alone = component(alone)
        found.append(alone[0].lemma_)
    return found


@pytest.fixture
def emptied(pipeline):
    """(nlp, the cached lemmatizer emptied, the model's own lemmas of PARAGRAPHS); the cache it
    had is given back after the test."""
    nlp, _info = pipeline
    if lemmas.FACTORY not in nlp.pipe_names:
        pytest.skip("no model with a lemmatizer")
    cached: lemmas.CachedLemmatizer = nlp.get_pipe(lemmas.FACTORY)
    expected = [_model_lemmas(cached, doc) for doc in _tagged(nlp, PARAGRAPHS)]
    saved = dict(cached.cache)
    cached.cache.clear()
    yield nlp, cached, expected
    cached.cache.clear()
    cached.cache.update(saved)


def test_batch_and_single_calls_give_the_models_lemmas(emptied):
    nlp, cached, expected = emptied
    one_by_one = [[t.lemma_ for t in cached(doc)] for doc in _tagged(nlp, PARAGRAPHS)]
    cached.cache.clear()
    batched = [[t.lemma_ for t in doc] for doc in cached.pipe(_tagged(nlp, PARAGRAPHS), 3)]
    assert one_by_one == expected
    assert batched == expected
    assert "mouse" in expected[3] and "goose" in expected[3]  # the model lemmatised, not copied


def test_a_full_cache_is_emptied_between_batches_not_within_one(emptied, monkeypatch):
    nlp, cached, expected = emptied
    list(cached.pipe(_tagged(nlp, PARAGRAPHS[:2])))  # these pairs are known now
    monkeypatch.setattr(lemmas, "MAX_ENTRIES", 1)  # full: emptied before every batch
    batched = [[t.lemma_ for t in doc] for doc in cached.pipe(_tagged(nlp, PARAGRAPHS), 2)]
    assert len(cached.cache) < 30  # emptied indeed: only the last batch's pairs
    assert batched == expected


class _Rules:
    """A component with an attribute ruler's `patterns`."""

    def __init__(self, *patterns: list[dict]) -> None:
        self.patterns = [{"patterns": [p], "attrs": {"LEMMA": "x"}, "index": 0} for p in patterns]

    def __call__(self, doc: Doc) -> Doc:
        return doc


def test_a_full_stop_after_every_word_when_a_rule_could_start_anywhere():
    vocab = spacy.blank("en").vocab
    two_words = _Rules([{"LOWER": "gon"}], [{"LOWER": "gon"}, {"LOWER": "na"}])
    assert lemmas._rule_starts(vocab, [two_words]) is not None
    varying = _Rules([{"LOWER": "gon"}, {"LOWER": "na", "OP": "?"}])
    assert lemmas._rule_starts(vocab, [two_words, varying]) is None
    at_a_stop = _Rules([{"ORTH": "."}, {"LOWER": "na"}])
    assert lemmas._rule_starts(vocab, [at_a_stop]) is None
