"""What a finding's context says about it: a few yes/no features read from the spaCy Doc.

They are what a careful reader weighs when deciding whether a flag is right: a modal inside an
"if" clause is often a plain conditional, a hedge inside quoted speech is the speaker's, a
figure near an attribution may be sourced after all, a headline fragment or a question reads
differently from a statement. Cheap on purpose: computed only for the findings, from tokens and
sentences the pipeline already made (no parse: the pipeline has none).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from caveat.analysis.shared.quotes import quoted_token_ranges

if TYPE_CHECKING:
    from caveat.analysis.shared.attribution.doc_sources import DocSources

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
_CONTEXT_KEY = "caveat_confidence_context"  # doc.user_data: the DocContext, once per Doc


@dataclass
class DocContext:
    """What the features of every finding of one Doc share, computed once per Doc (and kept
    on it, for every layer): sentences, quotations, attributions, and per sentence what the
    features read."""

    sent_starts: list[int]  # token index of each sentence's start
    sents: list[Span]
    quoted: list[tuple[int, int]]  # token ranges in quotation marks
    # The Doc's sources, which the number detector (if it ran) has partly found already; the
    # rest are found as flagged sentences ask, so the confidence is the same with any layers.
    sources: DocSources
    by_sentence: dict[int, tuple[int, int, bool, bool]] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Doc) -> DocContext:
        known = doc.user_data.get(_CONTEXT_KEY)
        if isinstance(known, DocContext):
            return known
        # (imported here: attribution reads pipeline.spans, which imports this module)
        from caveat.analysis.shared.attribution.doc_sources import DocSources

        sources = DocSources.of(doc)
        context = cls(sources.starts, sources.sents, quoted_token_ranges(doc), sources)
        doc.user_data[_CONTEXT_KEY] = context
        return context

    def source_nearby(self, k: int) -> bool:
        """Whether evidence of a source begins in sentence k or a neighbouring one."""
        return any(self.sources.starts_in(j) for j in (k - 1, k, k + 1) if 0 <= j < len(self.sents))

    def sentence_of(self, token: int) -> int:
        return max(bisect_right(self.sent_starts, token) - 1, 0)

    def sentence(self, k: int) -> tuple[int, int, bool, bool]:
        """Sentence k's word count, first word's token index, whether it is a question and
        whether it speaks in the first person."""
        if k not in self.by_sentence:
            sent = self.sents[k]
            words = [t for t in sent if not t.is_punct and not t.is_space]
            self.by_sentence[k] = (
                len(words),
                words[0].i if words else sent.start,
                any(t.text == "?" for t in sent[-2:]),
                any(t.lower_ in _FIRST_PERSON for t in sent),
            )
        return self.by_sentence[k]


def sentences_flagged(context: DocContext, spans: list[Span]) -> Counter[int]:
    """How many distinct spans of one layer each sentence holds."""
    return Counter(context.sentence_of(start) for start, _end in {(s.start, s.end) for s in spans})


def span_features(
    doc: Doc, span: Span, context: DocContext, flagged: Counter[int]
) -> tuple[float, ...]:
    """The FEATURES of one flagged span (1.0 yes, 0.0 no), in order; `flagged`: the layer's
    spans per sentence (sentences_flagged)."""
    start = span.start
    k = context.sentence_of(start)
    sent_start = context.sent_starts[k]
    words, first_word, question, first_person = context.sentence(k)
    prev = doc[start - 1].lower_ if start > 0 else ""
    return (
        float(any(a <= start < b for a, b in context.quoted)),
        float(any(doc[i].lower_ in _CONDITIONAL for i in range(sent_start, start))),
        float(question),
        float(start <= first_word),
        float(flagged[k] > 1),
        float(first_person),
        float(prev in _NEGATION),
        float(words < 6),
        float(words > 40),
        float(context.source_nearby(k)),
    )
