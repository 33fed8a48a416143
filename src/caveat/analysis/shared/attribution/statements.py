"""Attribution by ownership: a statement owned by a speaker ("Trump's claim that", "in his
speech") and a speaker before a colon ("Sanders: 'It is not a radical idea'")."""

from __future__ import annotations

from spacy.tokens import Span

from caveat.analysis.shared import tags
from caveat.analysis.shared.attribution.lexicon import AttributionLexicon, lemma
from caveat.analysis.shared.words import lower_words, token_tags

#: how many modifiers may stand between an owner and its statement ("Trump's recent
#: evidence-free assertion" has four)
OWNER_REACH = 4
MODIFIER_TAGS = frozenset({"JJ", "NN", "NNP", "CD", "HYPH"})


def statement_spans(sent: Span, lex: AttributionLexicon, stance: bool) -> list[Span]:
    """ "Trump's claim that", "the campaign's estimate", "in his speech": a statement owned by a
    named or pronoun speaker. A speech or book is only a source as the place something is said
    ("in his speech"), not as an event ("his speech drew 3,000 people"). With `stance`, a plan
    or proposal counts too."""
    doc, spans = sent.doc, []
    nouns = lex.statement_nouns | lex.stance_nouns if stance else lex.statement_nouns
    tag_of = token_tags(doc)
    for k in range(sent.start, sent.end):
        if tag_of[k] and tag_of[k] not in tags.COMMON_NOUN:
            continue  # (the tag list spares a Token for each word that is no noun)
        tok = doc[k]
        noun = lemma(tok)
        if noun not in nouns and noun not in lex.media_nouns:
            continue
        i = tok.i - 1
        while i >= max(sent.start, tok.i - OWNER_REACH) and doc[i].tag_ in MODIFIER_TAGS:
            i -= 1  # "his 1990 autobiography", "Trump's recent evidence-free assertion"
        if i < sent.start:
            continue
        owner = doc[i]
        named_owner = owner.tag_ == "POS" and i > sent.start and doc[i - 1].tag_ in tags.NAME
        first = i - 1 if owner.tag_ == "POS" else i
        placed = first > sent.start and doc[first - 1].lower_ == "in"
        if noun not in nouns and not placed:
            continue
        if owner.lower_ in lex.owner_pronouns or named_owner:
            spans.append(
                Span(doc, i if owner.tag_ != "POS" else i - 1, tok.i + 1, label="statement")
            )
    return spans


def colon_speaker_spans(sent: Span, lex: AttributionLexicon) -> list[Span]:
    """ "Sanders: 'It is not a radical idea'", "Poll: ...": a name or document, then a colon,
    opens the sentence; what follows is theirs."""
    if ":" not in lower_words(sent.doc)[sent.start : sent.end]:
        return []  # most sentences have no colon at all
    words = [t for t in sent if not t.is_space]
    colon = next((k for k, t in enumerate(words[:5]) if t.text == ":"), None)
    if not colon or colon + 1 >= len(words):
        return []
    speaker = words[:colon]
    named = all(t.tag_ in tags.NAME and len(t.text) > 1 and not t.is_upper for t in speaker)
    if sum(t.is_alpha for t in words[colon + 1 :]) < 3:
        return []  # "Clinton: 1,769." is a tally, not words
    document = len(speaker) == 1 and lemma(speaker[0]) in lex.source_nouns
    if not (named or document) or not speaker[0].tag_:
        return []
    return [Span(sent.doc, speaker[0].i, words[colon].i + 1, label="speaker")]
