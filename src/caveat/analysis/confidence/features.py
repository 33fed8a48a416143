"""What a finding's context says about it: a few yes/no features read from the spaCy Doc.

They are what a careful reader weighs when deciding whether a flag is right: a modal inside an
"if" clause is often a plain conditional, a hedge inside quoted speech is the speaker's, a
figure near an attribution may be sourced after all, a headline fragment or a question reads
differently from a statement. Cheap on purpose: computed only for the findings, from tokens and
sentences the pipeline already made (no parse: the pipeline has none).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from caveat.analysis.shared.quotes import quoted_token_ranges

#: the features, in the order the calibration's weights are stored
FEATURES = (
    "quoted",  # inside quotation marks: someone else's words
    "conditional",  # "if", "unless" or "whether" earlier in the sentence
    "question",  # the sentence is a question
    "sentence_start",  # the flag opens the sentence
    "others",  # another flag of the same layer in the sentence
    "first_person",  # "I" or "we" in the sentence: the writer's own view
    "negated",  # "not", "n't" or "never" just before
    "fragment",  # a sentence of fewer than 6 words (headlines, captions)
    "long_sentence",  # more than 40 words
    "source_nearby",  # an attribution in this sentence or a neighbouring one
)
_CONDITIONAL = frozenset({"if", "unless", "whether"})
_FIRST_PERSON = frozenset({"i", "we", "my", "our", "me", "us"})
_NEGATION = frozenset({"not", "n't", "never"})
SOURCES_KEY = "number_source"  # where the number detector leaves the attributions it found


@dataclass
class DocContext:
    """What the features of every finding of one Doc share, computed once."""

    sent_starts: list[int]  # token index of each sentence's start
    sents: list[Span]
    quoted: list[tuple[int, int]]  # token ranges in quotation marks
    sourced: set[int]  # sentences holding an attribution

    @classmethod
    def of(cls, doc: Doc) -> DocContext:
        sents = list(doc.sents)
        starts = [s.start for s in sents]
        sourced = {bisect_right(starts, span.start) - 1 for span in doc.spans.get(SOURCES_KEY, [])}
        return cls(starts, sents, quoted_token_ranges(doc), sourced)

    def sentence_of(self, token: int) -> int:
        return max(bisect_right(self.sent_starts, token) - 1, 0)


def span_features(
    doc: Doc, span: Span, context: DocContext, same_layer: list[Span]
) -> tuple[float, ...]:
    """The FEATURES of one flagged span (1.0 yes, 0.0 no), in order."""
    k = context.sentence_of(span.start)
    sent = context.sents[k]
    before = doc[sent.start : span.start]
    lower = [t.lower_ for t in sent]
    words = sum(1 for t in sent if not t.is_punct and not t.is_space)
    others = any(
        sent.start <= s.start < sent.end and (s.start, s.end) != (span.start, span.end)
        for s in same_layer
    )
    prev = doc[span.start - 1].lower_ if span.start > 0 else ""
    first_word = next((t.i for t in sent if not t.is_punct and not t.is_space), sent.start)
    return (
        float(any(a <= span.start < b for a, b in context.quoted)),
        float(any(t.lower_ in _CONDITIONAL for t in before)),
        float(any(t.text == "?" for t in sent[-2:])),
        float(span.start <= first_word),
        float(others),
        float(any(w in _FIRST_PERSON for w in lower)),
        float(prev in _NEGATION),
        float(words < 6),
        float(words > 40),
        float(bool(context.sourced & {k - 1, k, k + 1})),
    )
