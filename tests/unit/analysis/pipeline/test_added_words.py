"""The reader's added words (words.toml) are flagged on their layer by the pipeline."""

import pytest

from caveat import reader_words
from caveat.analysis.pipeline.added_words import AddedWordsFlagger


@pytest.fixture
def config(tmp_path, monkeypatch):
    monkeypatch.setattr(reader_words, "config_dir", lambda: tmp_path)
    return tmp_path


def test_added_words_are_flagged_on_their_layer(config, rules_pipeline):
    (config / "words.toml").write_text(reader_words.WORDS_EXAMPLE, encoding="utf-8")
    nlp, _info = rules_pipeline
    flagger = AddedWordsFlagger(nlp, "test", path=config / "words.toml")
    doc = nlp.make_doc("Arguably, in theory the plan works.")
    doc.spans["hedge"] = []
    flagger(doc)
    assert [(s.text, s.label_) for s in doc.spans["hedge"]] == [
        ("Arguably", "your-word"),
        ("in theory", "your-word"),
    ]
