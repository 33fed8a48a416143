"""A layer from outside Caveat, for the tests: its own spaCy factory and TOML, nothing else.

Registered at run time (tests/gui/test_toy_layer.py), it must show everywhere the built-in
layers do, with no other file changed.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from caveat.analysis.pipeline.spans import flag
from caveat.resources import load_lexicon
from caveat.rules import rule_book


class RumourDetector:
    def __init__(self, nlp: Language, name: str, spans_key: str, lexicon: str) -> None:
        self.spans_key = spans_key
        self.rule = rule_book(spans_key, lexicon)["rumour-word"]
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        words = load_lexicon(lexicon)["words"]["rumour"]
        self.matcher.add("rumour", [nlp.make_doc(word) for word in words])

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[self.spans_key] = []
        for _match, start, end in self.matcher(doc):
            flag(doc, self.spans_key, start, end, self.rule)
        return doc


@Language.factory(
    "toy_rumours",
    assigns=["doc.spans"],
    default_config={"spans_key": "rumour", "lexicon": "rumour"},
)
def make_rumour_detector(nlp: Language, name: str, spans_key: str, lexicon: str) -> RumourDetector:
    return RumourDetector(nlp, name, spans_key, lexicon)
