"""The `speculation` layer as a spaCy component (being written: see issue 2)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

LAYER = "speculation"


class SpeculationDetector:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[LAYER] = []
        return doc


@Language.factory("caveat_speculation")
def make_speculation_detector(nlp: Language, name: str) -> SpeculationDetector:
    return SpeculationDetector(nlp, name)
