"""Attribution by fixed phrase ("according to", "data from", "a study by") and by a document
after a preposition ("in a new Fox News poll", "from the 2020 census")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from caveat.analysis.shared import tags
from caveat.analysis.shared.attribution.lexicon import (
    ATTRIBUTING,
    AttributionLexicon,
    attributing_phrases,
    lemma,
)
from caveat.analysis.shared.words import lower_words, token_tags

UNNAMED = "unnamed-source"  # the label of evidence rejected because it names nobody


def attributing_phrase_spans(
    sent: Span, lex: AttributionLexicon, rejected: list[Span] | None = None
) -> list[Span]:
    """ "according to the ministry", "data from the census": the longest listed phrase at each
    place, unless what it attributes to names nobody ("according to some experts")."""
    doc, spans = sent.doc, []
    phrases = attributing_phrases(doc.vocab)
    for start in phrases.starts(doc, ATTRIBUTING, sent.start, sent.end):
        size = phrases.longest(doc, ATTRIBUTING, start, sent.end)
        if not size:
            continue
        end = start + size
        if end < sent.end and _unnamed_object(doc[end : sent.end], lex):
            if rejected is not None:
                rejected.append(Span(doc, start, min(end + 2, sent.end), label=UNNAMED))
            continue
        spans.append(Span(doc, start, end, label="attributing-phrase"))
    return spans


def document_spans(sent: Span, lex: AttributionLexicon, lower: list[str]) -> list[Span]:
    """ "in a new Fox News poll", "from the 2020 census", "by the study": a figure's document.

    The noun phrase after the preposition must end in a document noun and must not be a bare
    unnamed plural ("in studies").
    """
    doc, spans = sent.doc, []
    for k, word in enumerate(lower):
        if word not in lex.document_prepositions:
            continue
        tok = doc[sent.start + k]
        j = tok.i + 1
        while j < min(sent.end, tok.i + 9) and (
            _inside_noun_phrase(doc[j]) or _links_noun_phrases(doc[j])
        ):
            noun = doc[j]
            if lemma(noun) in lex.documents and not _is_bare_unnamed(doc[tok.i + 1 : j + 1], lex):
                end = j + 1
                while end < sent.end and lemma(doc[end]) in lex.documents:
                    end += 1  # "exit poll results"
                spans.append(Span(doc, tok.i, end, label="document"))
                break
            j += 1
    return spans


def document_owner_spans(sent: Span, lex: AttributionLexicon) -> list[Span]:
    """ "within the poll's margin of error", "the survey's respondents": a document named
    before (the definite "the poll") owns what the sentence reports."""
    doc, spans = sent.doc, []
    tag_of, lower = token_tags(doc), lower_words(doc)
    for k in range(sent.start, sent.end):
        possessive = tag_of[k] == "POS" or not tag_of[k] and lower[k] in {"'s", "’s"}
        if not possessive or k - 2 < sent.start:
            continue
        tok = doc[k]
        noun, determiner = doc[tok.i - 1], doc[tok.i - 2]
        if lemma(noun) in lex.documents and determiner.lower_ in lex.definite_determiners:
            spans.append(Span(doc, determiner.i, tok.i + 1, label="document"))
    return spans


def _links_noun_phrases(tok: Token) -> bool:
    """ "most" in "the most recent poll", "of" in "the average of New Hampshire polls"."""
    return tok.tag_ == "RBS" or tok.lower_ == "of" and tok.doc[tok.i - 1].tag_ == "NN"


def _inside_noun_phrase(tok: Token) -> bool:
    if tok.tag_:
        return tok.tag_ in tags.INSIDE_NOUN_PHRASE or tok.text in {"/", "-"}
    return not tok.is_punct or tok.text in {"/", "-", "'s", "’s"}


def _is_bare_unnamed(phrase: Span, lex: AttributionLexicon) -> bool:
    head = phrase[-1]
    if lemma(head) not in lex.unnamed:
        return False
    return not any(
        t.lower_ in lex.specific_determiners or t.tag_ in tags.NAME or t.like_num or t.is_title
        for t in phrase[:-1]
    )


def _unnamed_object(rest: Span, lex: AttributionLexicon) -> bool:
    """Whether what follows "according to" names nobody: "some experts", "estimates"."""
    words = [t for t in rest[:4] if not t.is_punct]
    if not words or words[0].lower_ in lex.specific_determiners:
        return False
    head = words[0]
    if any(t.tag_ in tags.NAME or (not t.tag_ and t.is_title) for t in words[:3]):
        return False
    return lemma(head) in lex.unnamed
