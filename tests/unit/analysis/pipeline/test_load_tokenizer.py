"""The model is loaded into an empty tokenizer rather than the language's default one (load.py):
the tokenizer that results is byte for byte the one spaCy's own loading gives."""

from __future__ import annotations

import pytest
import spacy

from caveat.analysis.pipeline import load

pytestmark = pytest.mark.slow


def _tokenizer_bytes(nlp) -> bytes:
    return nlp.tokenizer.to_bytes(exclude=["vocab"])


def test_the_models_tokenizer_is_what_spacy_loads(pipeline):
    nlp, info = pipeline
    if info.is_fallback:
        pytest.skip("no model installed")
    name = next(n for n in load.MODEL_CANDIDATES if spacy.util.is_package(n))
    plain = spacy.load(name, exclude=load.EXCLUDED)
    assert len(nlp.tokenizer.rules) > 1000
    assert _tokenizer_bytes(nlp) == _tokenizer_bytes(plain)
    text = "Officials said ~3,800 people (U.S. figures) can't be wrong: see https://x.org/a."
    assert [t.text for t in nlp.make_doc(text)] == [t.text for t in plain.make_doc(text)]
