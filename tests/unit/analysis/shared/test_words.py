"""The per-Doc lists of lower-case words, tags and lemmas the detectors share."""

from __future__ import annotations

from caveat.analysis.shared.words import lower_lemmas, lower_words, token_tags


def test_the_lists_are_the_tokens_own_strings_found_once_per_doc(pipeline):
    nlp, _info = pipeline
    doc = nlp("Officials SAID about 40 people may have left.")
    assert lower_words(doc) == [t.lower_ for t in doc]
    assert token_tags(doc) == [t.tag_ for t in doc]
    assert lower_lemmas(doc) == [t.lemma_.lower() for t in doc]
    assert lower_words(doc) is lower_words(doc)  # kept on the Doc


def test_a_doc_whose_tokens_changed_gets_new_lists(pipeline):
    nlp, _info = pipeline
    doc = nlp("New York is big.")
    assert lower_words(doc)[:2] == ["new", "york"]
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    assert lower_words(doc) == ["new york", "is", "big", "."]
