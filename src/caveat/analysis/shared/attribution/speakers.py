"""Who a reporting verb's subject is: a named person, a pronoun or a document speaks ("Smith
said", ", said the report", "a poll released this week found"); an unnamed crowd does not
("critics claim", "they say")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from caveat.analysis.shared import tags
from caveat.analysis.shared.attribution.lexicon import AttributionLexicon, lemma
from caveat.analysis.shared.quotes import QUOTE_MARKS
from caveat.analysis.shared.subjects import subject_before

#: how many auxiliaries and adverbs may stand between a subject and its verb ("has also said")
SUBJECT_GAP = 2


def is_nominal(tok: Token, lex: AttributionLexicon, tagged: bool) -> bool:
    if tagged:
        return tok.tag_ in tags.NOMINAL and not tok.like_num or tok.tag_ in {"WP", "WDT"}
    # Without tags: a pronoun, or any word that is not a function word or a verb form.
    lower = tok.lower_
    if lower in lex.pronouns:
        return True
    return tok.is_alpha and not tok.is_stop and lower not in lex.verb_forms


def subject_left(verb: Token, sent: Span, lex: AttributionLexicon, tagged: bool) -> Token | None:
    """ "Smith (also) said": the subject before the verb."""
    tok = subject_before(
        verb,
        sent,
        lambda t: t.lower_ in lex.skippable or t.tag_ in {"RB", "MD"},
        SUBJECT_GAP,
    )
    return tok if tok is not None and is_nominal(tok, lex, tagged) else None


def subject_right(verb: Token, sent: Span, lex: AttributionLexicon, tagged: bool) -> Token | None:
    """The subject of an inverted report: ', said Smith', '" says the report'."""
    doc = sent.doc
    split_report = verb.i == sent.start and verb.is_lower  # "said Smith." after a split
    if not split_report and (
        verb.i == sent.start or doc[verb.i - 1].text not in QUOTE_MARKS | {","}
    ):
        return None
    for i in range(verb.i + 1, min(verb.i + 5, sent.end)):
        tok = doc[i]
        if is_nominal(tok, lex, tagged):
            return tok
        # "that" opening a clause is no determiner (", suggests that the town could"), except
        # after a split report, whose subject stood before the split ("said that he ...").
        determiner = tok.lower_ in lex.specific_determiners and (tok.tag_ != "IN" or split_report)
        if not determiner and tok.tag_ not in {"JJ", "NNP", "NNPS"}:
            return None
    return None


def is_unnamed(subject: Token, verb: Token, sent: Span, lex: AttributionLexicon) -> bool:
    """A generic subject: "some say", "critics claim", "they say" (present tense)."""
    lower = subject.lower_
    if lower in lex.generic_pronouns and verb.tag_ in {"VBP", ""} and subject.i < verb.i:
        return lower != "one" or subject.i == sent.start
    if lower in lex.pronouns or subject.tag_ in tags.NAME:
        return False
    if lemma(subject) not in lex.unnamed:
        return False
    # Walk left over the noun phrase: a specific determiner or a name makes it specific.
    i = subject.i - 1
    while i >= max(sent.start, subject.i - 6) and sent.doc[i].tag_ in tags.INSIDE_NOUN_PHRASE | {
        ""
    }:
        tok = sent.doc[i]
        if tok.lower_ in lex.specific_determiners or tok.tag_ in tags.NAME | {"PRP$", "POS"}:
            return False
        if tok.is_title and i > sent.start:
            return False  # "another Pew study": a capitalised word names it
        i -= 1
    return True


def document_subject(verb: Token, sent: Span, lex: AttributionLexicon) -> Token | None:
    """ "A USA Today poll released this week found": a document noun further left, with no
    other finite verb between it and the finding verb; a relative clause between commas is
    passed over ("An AP survey of superdelegates, who are influential ..., found")."""
    start = _before_relative_clause(verb, sent)
    for i in range(start, max(sent.start, start - lex.subject_reach) - 1, -1):
        tok = sent.doc[i]
        if tok.tag_ in tags.FINITE_VERB or tok.text in {";", ":"}:
            return None
        if tok.tag_ in tags.NOMINAL and lemma(tok) in lex.source_nouns:
            return None if is_unnamed(tok, verb, sent, lex) else tok
    return None


def _before_relative_clause(verb: Token, sent: Span) -> int:
    """Where to look left of `verb` for its subject: before ", who ... ," when the verb
    follows such a clause, else right before the verb."""
    doc = sent.doc
    if verb.i - 1 <= sent.start or doc[verb.i - 1].text != ",":
        return verb.i - 1
    for j in range(verb.i - 2, sent.start, -1):
        if doc[j].text == ",":
            relative = doc[j + 1].tag_ in {"WP", "WDT"} or doc[j + 1].lower_ in {"who", "which"}
            return j - 1 if relative else verb.i - 1
    return verb.i - 1


def is_parenthetical(subject: Token, verb: Token, sent: Span) -> bool:
    """ "The trouble, Frank writes, began", "..., the study found.": a named report aside."""
    nxt = sent.doc[verb.i + 1] if verb.i + 1 < sent.end else None
    named = subject.tag_ in {"NNP", "NNPS", "PRP"} or (not subject.tag_ and subject.is_title)
    return named and subject.i < verb.i and (nxt is None or nxt.text in {",", ".", ";"})


def has_distant_subject(verb: Token, sent: Span, lex: AttributionLexicon) -> bool:
    """ "Smith, the bureau's director, said", "Smith obtained the video and said": the subject
    is beyond a parenthesis or a first verb."""
    doc = sent.doc
    if verb.i == sent.start or verb.tag_ not in tags.FINITE_VERB | {""}:
        return False
    i = verb.i - 1
    while i > sent.start and (doc[i].lower_ in lex.skippable or doc[i].tag_ == "RB"):
        i -= 1  # "Smith, who spoke first, also noted"
    prev = doc[i]
    if prev.text in {",", "—", "-"}:
        return True
    if prev.text == ")":
        # "Sen. Grassley (R-Iowa) told": a name before the bracket is the subject.
        opener = next((j for j in range(i - 1, sent.start, -1) if doc[j].text == "("), None)
        return opener is not None and doc[opener - 1].tag_ in {"NNP", "NNPS", "PRP"}
    return prev.lower_ in {"and", "but"} and any(
        t.tag_ in {"NNP", "NNPS", "PRP"} for t in doc[sent.start : verb.i - 1]
    )


def has_respondent_subject(verb: Token, sent: Span, lex: AttributionLexicon) -> bool:
    """ "Four in 10 say", "with 30 percent of voters saying": a poll's share of respondents
    speaks, so the figure is the poll's result, like "those surveyed"."""
    doc = sent.doc
    i = verb.i - 1
    while i >= sent.start and (doc[i].lower_ in lex.skippable or doc[i].tag_ == "RB"):
        i -= 1
    if i < sent.start:
        return False
    if doc[i].tag_ in {"NNS", "NNPS"} and i - 2 >= sent.start and doc[i - 1].lower_ == "of":
        i -= 2  # "30 percent of voters"
    tok = doc[i]
    if tok.lower_ in lex.respondent_units:
        return True
    # "4 in 10", "nine out of 10": a rate whose first number is the respondents.
    return tok.like_num and i - 1 >= sent.start and doc[i - 1].lower_ in {"in", "of"}
