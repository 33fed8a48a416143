"""Where a sentence reports a source: "according to X", "X said", "a study by", [3], links.

Shared by the number layer (a figure with a source nearby is not flagged) and the speculation
layer (a sentence that reports a named source is not the author's conjecture). Each kind of
evidence has its module; without a parser, a reporting verb counts when a named, pronoun or
document subject stands next to it, and unnamed subjects ("some say", "critics claim", "studies
show") are weasels, not sources.
"""

from __future__ import annotations

from spacy.tokens import Span

from caveat.analysis.shared.attribution.citations import citation_spans, link_spans
from caveat.analysis.shared.attribution.lexicon import attribution_lexicon
from caveat.analysis.shared.attribution.phrases import (
    attributing_phrase_spans,
    document_owner_spans,
    document_spans,
)
from caveat.analysis.shared.attribution.quotations import quotation_spans
from caveat.analysis.shared.attribution.reporting_verbs import reporting_verb_spans
from caveat.analysis.shared.attribution.statements import colon_speaker_spans, statement_spans
from caveat.analysis.shared.words import lower_words


def is_attributed(sent: Span) -> bool:
    """Whether the sentence reports a named source (or quotes, cites or links one)."""
    return bool(attribution_spans(sent))


def attribution_spans(
    sent: Span, stance: bool = False, rejected: list[Span] | None = None
) -> list[Span]:
    """The evidence in `sent` that it reports a source, as spans labelled by kind of evidence.

    `stance` also counts a named person's stated position ("Trump pledged to...") as a source,
    which is right for a figure inside it but not for deciding whether a sentence is conjecture.
    `rejected`, when given, receives what looked like attribution but names nobody ("critics
    claim", "according to some", "it is estimated"), labelled by why, so a message can say so.
    """
    lex = attribution_lexicon()
    tagged = bool(sent[0].tag_)
    lower = lower_words(sent.doc)[sent.start : sent.end]  # shared by the finders
    found = attributing_phrase_spans(sent, lex, rejected)
    found += document_spans(sent, lex, lower)
    found += document_owner_spans(sent, lex)
    found += reporting_verb_spans(sent, lex, tagged, stance, rejected)
    found += quotation_spans(sent, lex, lower)
    found += citation_spans(sent, lex, lower)
    found += link_spans(sent)
    found += statement_spans(sent, lex, stance)
    found += colon_speaker_spans(sent, lex)
    unique = {(s.start, s.end, s.label_): s for s in found}
    return [unique[key] for key in sorted(unique)]
