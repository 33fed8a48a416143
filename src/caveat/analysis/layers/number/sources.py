"""Whether a sentence's figures have a source nearby, and what was checked, in words.

A figure is sourced when its sentence or the one before reports a source, or when the next
sentence's source points back to it: it opens that sentence ("That is according to the
ministry") or names the figures again ("the figures come from"). A source deep in the next
sentence backs that sentence's own claim, not ours. A flagged figure's message says what was
found instead: nothing, a source in the next sentence that is not for it, or a would-be source
that names no one ("critics claim", "it is estimated").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from caveat.analysis.layers.number.lexicon import NumberLexicon
from caveat.analysis.shared.attribution import attribution_spans

#: how many words of a piece of evidence a message quotes
QUOTED_WORDS = 10
#: a phrase ending in one of these is quoted with its object ("according to the ministry")
OBJECT_BEFORE = frozenset({"to", "from", "by", "of", "in", "for", "citing"})


@dataclass
class SentenceSources:
    """What attribution one sentence holds."""

    found: list[Span]  # evidence of a source (a named person's stance included)
    rejected: list[Span] = field(default_factory=list)  # would-be sources that name no one


def sentence_sources(sent: Span) -> SentenceSources:
    rejected: list[Span] = []
    found = attribution_spans(sent, stance=True, rejected=rejected)
    return SentenceSources(found, rejected)


def is_sourced(
    k: int, sentences: list[Span], sources: list[SentenceSources], lex: NumberLexicon
) -> bool:
    if sources[k].found or (k > 0 and sources[k - 1].found):
        return True
    return k + 1 < len(sentences) and points_back(sentences[k + 1], sources[k + 1].found, lex)


def points_back(following: Span, evidence: list[Span], lex: NumberLexicon) -> bool:
    """Whether a source in the next sentence covers this one: it opens that sentence or names
    the figures again."""
    if not evidence:
        return False
    words = [t for t in following if not (t.is_punct or t.is_space)]
    opening = {t.i for t in words[: lex.opening_words]}
    if any(span.start in opening for span in evidence):
        return True
    return any(
        a.lower_ in lex.back_determiners and b.lower_ in lex.back_nouns
        for a, b in zip(words, words[1:], strict=False)
    )


def what_was_checked(k: int, sources: list[SentenceSources], lex: NumberLexicon) -> str:
    """How the message of an unsourced figure in sentence k ends: what was looked at, and
    what was found that does not back the figure."""
    explain = lex.explanations
    if k + 1 < len(sources) and sources[k + 1].found:
        span = sources[k + 1].found[0]
        found = lex.found.get(span.label_, lex.found["names"]).format(evidence=_quote(span))
        words_before = sum(1 for t in span.doc[span.sent.start : span.start] if not t.is_punct)
        # A source at the very start points back; one found there anyway is a quotation.
        deep = words_before >= lex.opening_words
        return explain["deep_in_next" if deep else "quotation_opens_next"].format(found=found)
    for where, j in (("this", k), ("before", k - 1), ("after", k + 1)):
        if 0 <= j < len(sources) and sources[j].rejected:
            span = sources[j].rejected[0]
            return explain[span.label_].format(evidence=_quote(span), where=lex.where[where])
    return explain["none_near"]


def _quote(span: Span) -> str:
    """The words of a piece of evidence, at most QUOTED_WORDS of them; a phrase that takes an
    object ("according to", "data from") with its object, up to the end of its clause."""
    doc, end = span.doc, span.end
    if span.label_ == "attributing-phrase" and doc[end - 1].lower_ in OBJECT_BEFORE:
        sent = span.sent
        while end < sent.end and end - span.start < QUOTED_WORDS:
            tok = doc[end]
            if tok.is_punct and tok.text not in {"-", "'s", "’s"} or tok.is_space:
                break
            end += 1
    if end - span.start > QUOTED_WORDS:
        return doc[span.start : span.start + QUOTED_WORDS].text + "..."
    return doc[span.start : end].text
