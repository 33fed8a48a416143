"""What load.py does differently from `spacy.load` changes nothing the model gives: the model
loaded into an empty tokenizer has byte for byte the tokenizer spaCy's own loading gives, and
with numpy's matrix products instead of blis it gives the same tags and sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.attrs import SENT_START, TAG

from caveat.analysis.pipeline import load

pytestmark = pytest.mark.slow

SAMPLE = Path(__file__).resolve().parents[4] / "resources" / "samples" / "caveat-sample.md"


@pytest.fixture(scope="module")
def as_spacy_loads(pipeline):
    """The same model through plain `spacy.load`: default tokenizer first, blis."""
    _nlp, info = pipeline
    if info.is_fallback:
        pytest.skip("no model installed")
    name = next(n for n in load.MODEL_CANDIDATES if spacy.util.is_package(n))
    plain = spacy.load(name, exclude=load.EXCLUDED)
    plain.enable_pipe("senter")
    return plain


def _tokenizer_bytes(nlp) -> bytes:
    return nlp.tokenizer.to_bytes(exclude=["vocab"])


def test_the_models_tokenizer_is_what_spacy_loads(pipeline, as_spacy_loads):
    nlp, _info = pipeline
    assert len(nlp.tokenizer.rules) > 1000
    assert _tokenizer_bytes(nlp) == _tokenizer_bytes(as_spacy_loads)
    text = "Officials said ~3,800 people (U.S. figures) can't be wrong: see https://x.org/a."
    assert [t.text for t in nlp.make_doc(text)] == [t.text for t in as_spacy_loads.make_doc(text)]


def test_numpys_products_tag_as_blis_does(pipeline, as_spacy_loads):
    nlp, _info = pipeline
    ops = {
        node.ops.use_blis
        for _name, pipe in nlp.pipeline
        if hasattr(pipe, "model")
        for node in pipe.model.walk()
    }
    assert ops == {False}
    assert as_spacy_loads.get_pipe("tok2vec").model.ops.use_blis  # the other side is blis
    paragraphs = [p for p in SAMPLE.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    ours = [d.to_array([TAG, SENT_START]).tolist() for d in nlp.pipe(paragraphs)]
    theirs = [d.to_array([TAG, SENT_START]).tolist() for d in as_spacy_loads.pipe(paragraphs)]
    assert sum(len(d) for d in ours) > 300
    assert ours == theirs
