"""The `speculation` layer's spaCy component: sentences whose main assertion is the author's own
conjecture.

A sentence is flagged whole, once, for the most specific reason found in its main clause and in
the author's voice: a theory it puts forward (theory.py), a guessed motive of someone else
(motive.py), a prediction stated as fact (prediction.py), or a hedged claim (hedged_claim.py).
Words in quotation marks, questions, and sentences that report a named source are left alone.
It reads the spans of the hedge layer, which the registry runs first (`needs`).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from caveat.analysis.layers.speculation.cue import Cue
from caveat.analysis.layers.speculation.hedged_claim import (
    guessing_phrase,
    hearsay_clause,
    hedged_claim,
)
from caveat.analysis.layers.speculation.lexicon import speculation_lexicon
from caveat.analysis.layers.speculation.motive import motive
from caveat.analysis.layers.speculation.prediction import advice, prediction
from caveat.analysis.layers.speculation.read_into import read_into
from caveat.analysis.layers.speculation.sentence import SentenceReader
from caveat.analysis.layers.speculation.theory import theory
from caveat.analysis.pipeline.spans import flag
from caveat.analysis.shared.attribution import is_attributed
from caveat.analysis.shared.phrases import PhraseLists
from caveat.analysis.shared.quotes import quoted_tokens
from caveat.rules import rule_book

# When a sentence has several reasons, the most specific one is reported.
PRIORITY = ("theory", "motive", "prediction", "hedged-claim")


def strongest_cue(reader: SentenceReader, hedged_by_layer: dict[int, str]) -> Cue | None:
    """The most specific reason this sentence is the author's speculation, if any."""
    if reader.is_question():
        return None
    found = theory(reader)
    if found is not None:
        return found
    cues: dict[str, Cue] = {}
    lex, doc = reader.lex, reader.doc
    for i in range(reader.sent.start, reader.sent.end):
        # Most words can start no rule: set lookups in the Doc's word lists skip them.
        starts = reader.lows[i] in lex.triggers or reader.lemma_at(i) in lex.triggers
        if not starts and i not in hedged_by_layer:
            continue
        tok = doc[i]
        if reader.quoted[i] or tok.is_punct or tok.is_space:
            continue
        for cue in (
            motive(reader, tok) or read_into(reader, tok),
            prediction(reader, tok) or advice(reader, tok),
            hedged_claim(reader, tok, hedged_by_layer)
            or guessing_phrase(reader, tok)
            or hearsay_clause(reader, tok, hedged_by_layer),
        ):
            if cue is not None and cue.rule not in cues:
                cues[cue.rule] = cue
    return next((cues[rule] for rule in PRIORITY if rule in cues), None)


class SpeculationDetector:
    """Flags whole sentences that state the author's conjecture as the claim."""

    def __init__(
        self, nlp: Language, name: str, spans_key: str, lexicon: str, hedge_key: str
    ) -> None:
        self.name, self.spans_key, self.hedge_key = name, spans_key, hedge_key
        self.lex = speculation_lexicon(lexicon, nlp.tokenizer)
        self.rules = rule_book(spans_key, lexicon)
        self.phrases = PhraseLists(nlp.vocab, {"phrases": self.lex.phrases})

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[self.spans_key] = []
        if not len(doc):
            return doc
        tagged = doc.has_annotation("TAG")
        quoted = quoted_tokens(doc)
        hedges = doc.spans.get(self.hedge_key, [])
        hedged_by_layer = {
            span.start: span.label_ for span in hedges if span.label_ in self.lex.hedge_rules
        }
        # The modals the hedge layer reads as a possibility (the others are no hedged claim),
        # and its views with no holder ("it is generally assumed that").
        hedged_by_layer.update(
            (span.start, span.label_)
            for span in hedges
            if span.label_ in {self.lex.hedge_modal_rule, self.lex.hearsay_rule}
        )
        for sent in doc.sents:
            words = [t for t in sent if not t.is_space]
            if not words or all(quoted[t.i] for t in words):
                continue
            reader = SentenceReader(sent, self.lex, self.phrases, quoted, tagged)
            cue = strongest_cue(reader, hedged_by_layer)
            if cue is None or is_attributed(sent):
                continue
            rule = self.rules[cue.rule]
            flag(doc, self.spans_key, words[0].i, words[-1].i + 1, rule, cue.variant, **cue.fields)
        return doc


@Language.factory(
    "caveat_speculation",
    assigns=["doc.spans"],
    default_config={"spans_key": "speculation", "lexicon": "speculation", "hedge_key": "hedge"},
)
def make_speculation_detector(
    nlp: Language, name: str, spans_key: str, lexicon: str, hedge_key: str
) -> SpeculationDetector:
    return SpeculationDetector(nlp, name, spans_key, lexicon, hedge_key)
