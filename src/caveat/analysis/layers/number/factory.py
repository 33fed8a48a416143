"""The `number` layer's spaCy component: statistics, percentages, proportions, money and counts
with no source.

A figure is sourced when its sentence, or the one before or after it, reports a source
(sources.py, with the shared attribution finder). Figures are looked for first: few sentences
hold one, and only theirs and their neighbours' sources are then found (kept on the Doc, where
the confidence features and `caveat eval` read them too). Dates, years, decades, times, durations,
ages, ordinals, scores, list numbers, names ("Route 66") and "one" as a determiner are not
statistics: without named entities or a parse, they are told apart by token shape, tag and the
words around (not_statistics.py).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from caveat.analysis.layers.number.figures import FigureFinder
from caveat.analysis.layers.number.lexicon import number_lexicon
from caveat.analysis.layers.number.sources import is_sourced, what_was_checked
from caveat.analysis.pipeline.spans import flag
from caveat.analysis.shared.attribution.doc_sources import DocSources
from caveat.analysis.shared.phrases import PhraseLists
from caveat.rules import rule_book


class NumberDetector:
    """Flags figures whose sentence and neighbouring sentences name no source."""

    def __init__(self, nlp: Language, name: str, spans_key: str, lexicon: str) -> None:
        self.name, self.spans_key = name, spans_key
        self.lex = number_lexicon(lexicon)
        self.rules = rule_book(spans_key, lexicon)
        self.phrases = PhraseLists(nlp.vocab, self.lex.phrase_lists())

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[self.spans_key] = []
        sources = DocSources.of(doc)
        cited = {t.i for span in sources.citations() for t in span}
        finder = FigureFinder(self.lex, self.phrases, cited)
        for k, sent in enumerate(sources.sents):
            figures = finder.figures(sent)
            if not figures or is_sourced(k, sources, self.lex):
                continue
            checked = what_was_checked(k, sources, self.lex)
            for start, end, kind in figures:
                flag(doc, self.spans_key, start, end, self.rules[kind], checked=checked)
        return doc


@Language.factory(
    "caveat_number",
    assigns=["doc.spans"],
    default_config={"spans_key": "number", "lexicon": "number"},
)
def make_number_detector(nlp: Language, name: str, spans_key: str, lexicon: str) -> NumberDetector:
    return NumberDetector(nlp, name, spans_key, lexicon)
