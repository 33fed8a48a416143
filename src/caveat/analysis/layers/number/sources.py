"""Whether a sentence's figures have a source nearby, and what was checked, in words.

A figure is sourced when its sentence or the one before reports a source, or when the next
sentence's source points back to it: it opens that sentence ("That is according to the
ministry") or names the figures again ("the figures come from"). A source deep in the next
sentence backs that sentence's own claim, not ours. A flagged figure's message says what was
found instead: nothing, a source in the next sentence that is not for it, or a would-be source
that names no one ("critics claim", "it is estimated").
"""

from __future__ import annotations

from spacy.tokens import Span

from caveat.analysis.layers.number.lexicon import NumberLexicon
from caveat.analysis.shared.attribution.doc_sources import DocSources

#: how many words of a piece of evidence a message quotes
QUOTED_WORDS = 10
#: a phrase ending in one of these is quoted with its object ("according to the ministry")
OBJECT_BEFORE = frozenset({"to", "from", "by", "of", "in", "for", "citing"})


def is_sourced(k: int, sources: DocSources, lex: NumberLexicon) -> bool:
    if sources.found(k) or (k > 0 and sources.found(k - 1)):
        return True
    following = k + 1
    return following < len(sources.sents) and points_back(
        sources.sents[following], sources.found(following), lex
    )


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


def what_was_checked(k: int, sources: DocSources, lex: NumberLexicon) -> str:
    """How the message of an unsourced figure in sentence k ends: what was looked at, and
    what was found that does not back the figure."""
    explain = lex.explanations
    if k + 1 < len(sources.sents) and sources.found(k + 1):
        span = sources.found(k + 1)[0]
        found = lex.found.get(span.label_, lex.found["names"]).format(evidence=_quote(span))
        words_before = sum(1 for t in span.doc[span.sent.start : span.start] if not t.is_punct)
        # A source at the very start points back; one found there anyway is a quotation.
        deep = words_before >= lex.opening_words
        return explain["deep_in_next" if deep else "quotation_opens_next"].format(found=found)
    for where, j in (("this", k), ("before", k - 1), ("after", k + 1)):
        if 0 <= j < len(sources.sents) and sources.sentence(j).rejected:
            span = sources.sentence(j).rejected[0]
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
