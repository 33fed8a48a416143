"""Attribution by a reporting verb: "Clinton said", "the agency estimated", ", said Mayor
Smith", "the study found that", "Four in 10 say". Without a parser, a verb counts when a named,
pronoun or document subject stands next to it."""

from __future__ import annotations

from spacy.tokens import Span, Token

from caveat.analysis.shared import tags
from caveat.analysis.shared.attribution import speakers
from caveat.analysis.shared.attribution.lexicon import AttributionLexicon, lemma
from caveat.analysis.shared.attribution.phrases import UNNAMED

PERFECT_AUXILIARIES = {"has", "have", "had", "'s", "'ve", "'d", "having"}
PROGRESSIVE_AUXILIARIES = {"is", "are", "was", "were", "am", "been", "be", "'s", "'re", "'m"}
CLAUSE_OPENERS = {"that", ":", '"', "“", "``"}
AGENTLESS = "agentless"  # the label of a report rejected because nobody makes it


def reporting_verb_spans(
    sent: Span,
    lex: AttributionLexicon,
    tagged: bool,
    stance: bool,
    rejected: list[Span] | None = None,
) -> list[Span]:
    doc, spans = sent.doc, []
    headline = _is_headline(sent)
    for tok in sent:
        verb_lemma = _verb_lemma(tok, lex, tagged, headline)
        if verb_lemma is None:
            continue
        kind = _verb_kind(verb_lemma, lex, stance)
        if kind is None:
            continue
        if _is_agentless_passive(tok, sent):
            if rejected is not None and kind == "speech":  # "it is said", "was estimated"
                be = _previous_content(tok, sent) or tok  # "was (widely) estimated"
                rejected.append(Span(doc, be.i, tok.i + 1, label=AGENTLESS))
            continue
        if verb_lemma == "say" and speakers.has_respondent_subject(tok, sent, lex):
            spans.append(Span(doc, tok.i, tok.i + 1, label="respondents"))
            continue
        if tok.tag_ in {"VBG", "VBN"} and not _has_auxiliary(tok, sent):
            # ", saying that ...", ", adding:": the main clause's subject speaks. Other
            # participles ("precincts reporting", "adding to her wins") report nothing.
            if kind != "finding" and _reports_after_comma(tok, sent):
                spans.append(Span(doc, tok.i, tok.i + 1, label="reporting-verb"))
            continue
        subject = speakers.subject_left(tok, sent, lex, tagged) or speakers.subject_right(
            tok, sent, lex, tagged
        )
        if kind == "finding" and (subject is None or lemma(subject) not in lex.source_nouns):
            subject = speakers.document_subject(tok, sent, lex) or subject
        if subject is None:
            if kind == "speech" and speakers.has_distant_subject(tok, sent, lex):
                spans.append(Span(doc, tok.i, tok.i + 1, label="reporting-verb"))
            continue
        start, end = min(subject.i, tok.i), max(subject.i, tok.i) + 1
        if speakers.is_unnamed(subject, tok, sent, lex):
            if rejected is not None:
                rejected.append(Span(doc, start, end, label=UNNAMED))
            continue
        if kind == "finding" and not (
            lemma(subject) in lex.source_nouns
            or _opens_clause(tok, sent)
            or _has_document_object(tok, sent, lex)
            or speakers.is_parenthetical(subject, tok, sent)
        ):
            continue
        spans.append(Span(doc, start, end, label="reporting-verb"))
    return spans


def _verb_lemma(tok: Token, lex: AttributionLexicon, tagged: bool, headline: bool) -> str | None:
    # Only the listed verbs' forms can be reporting verbs: one set lookup rules out most tokens.
    verb_lemma = lex.verb_forms.get(tok.lower_)
    if verb_lemma is None:
        return None
    if headline and verb_lemma in lex.headline_verbs and tok.doc[tok.i - 1].tag_ in tags.NAME:
        return verb_lemma  # "Trump Says He Would...": a headline's verb after a name
    if tok.is_title and not tok.is_sent_start:
        # A capitalised word inside a sentence is a name ("the Post") or headline case.
        return None
    if tagged and not (tok.tag_.startswith("VB") or _is_final_report(tok)):
        return None
    return verb_lemma


def _is_headline(sent: Span) -> bool:
    """Headline case: most words capitalised ("Christie Says He Would Issue A Quarantine")."""
    words = [t for t in sent if t.is_alpha]
    return len(words) >= 4 and sum(t.is_title for t in words) >= 0.75 * len(words)


def _is_final_report(tok: Token) -> bool:
    """ ", records show." or "Trump estimates that": the tagger often reads a report verb as a
    noun; before the full stop after a comma, or between a name and "that", it is the verb."""
    doc = tok.doc
    if tok.tag_ not in tags.COMMON_NOUN or tok.i + 1 >= len(doc) or tok.i == 0:
        return False
    nxt = doc[tok.i + 1]
    if nxt.lower_ == "that" and doc[tok.i - 1].tag_ in {"NNP", "NNPS", "PRP"}:
        return True
    return nxt.is_punct and any(t.text == "," for t in doc[max(0, tok.i - 5) : tok.i])


def _verb_kind(verb_lemma: str, lex: AttributionLexicon, stance: bool) -> str | None:
    if verb_lemma in lex.speech:
        return "speech"
    if verb_lemma in lex.finding:
        return "finding"
    if stance and verb_lemma in lex.stance:
        return "stance"
    return None


def _previous_content(tok: Token, sent: Span) -> Token | None:
    i = tok.i - 1
    while i >= sent.start and (sent.doc[i].tag_ in tags.ADVERB or sent.doc[i].is_space):
        i -= 1
    return sent.doc[i] if i >= sent.start else None


def _has_auxiliary(verb: Token, sent: Span) -> bool:
    """ "has said", "is telling": a participle that is the finite verb of its clause."""
    prev = _previous_content(verb, sent)
    if prev is None:
        return False
    aux = PERFECT_AUXILIARIES if verb.tag_ == "VBN" else PROGRESSIVE_AUXILIARIES
    return prev.lower_ in aux


def _reports_after_comma(verb: Token, sent: Span) -> bool:
    """ ", saying 40% ...", ", adding that": a participle that opens a report, not "adding to"."""
    doc = sent.doc
    if verb.tag_ != "VBG" or verb.i == sent.start or doc[verb.i - 1].text not in {",", "—"}:
        return False
    nxt = doc[verb.i + 1] if verb.i + 1 < sent.end else None
    return nxt is None or nxt.lower_ in CLAUSE_OPENERS or nxt.tag_ not in {"IN", "CD", "$"}


def _is_agentless_passive(verb: Token, sent: Span) -> bool:
    """ "It is said that", "was estimated": reported by nobody named, unless "by" follows."""
    if verb.tag_ and verb.tag_ != "VBN":
        return False
    prev = _previous_content(verb, sent)
    if prev is None or lemma(prev) != "be" and prev.lower_ not in {"is", "was", "are", "were"}:
        return False
    nxt = sent.doc[verb.i + 1] if verb.i + 1 < sent.end else None
    return nxt is None or nxt.lower_ != "by"


def _has_document_object(verb: Token, sent: Span, lex: AttributionLexicon) -> bool:
    """ "published its report", "released new figures": the verb puts out a document."""
    for tok in sent.doc[verb.i + 1 : min(sent.end, verb.i + 4)]:
        if lemma(tok) in lex.source_nouns:
            return True
        if tok.tag_ not in tags.INSIDE_NOUN_PHRASE - tags.NOUN:
            return False
    return False


def _opens_clause(verb: Token, sent: Span) -> bool:
    """ "found that", "wrote:", "found last week that", "wrote in his 1990 memoir that",
    "found Democrats favored": the verb reports a clause, not an object it found or wrote."""
    doc = sent.doc
    following = doc[verb.i + 1 : min(sent.end, verb.i + 4)]
    if not following:
        return False
    if any(t.lower_ in CLAUSE_OPENERS for t in following) and following[0].tag_ != "DT":
        return True
    if following[0].tag_ == "IN" and following[0].lower_ != "that":
        # Over a prepositional phrase to "that": no finite verb may come between.
        for tok in doc[verb.i + 2 : min(sent.end, verb.i + 10)]:
            if tok.lower_ in CLAUSE_OPENERS and tok.tag_ != "DT":
                return True
            if tok.tag_ in tags.FINITE_VERB or tok.is_punct and tok.text != "-":
                return False
        return False
    # A named subject and its finite verb right after: "found Democrats favored Clinton".
    k = 0
    while k < len(following) and following[k].tag_ in tags.NAME | {"PRP"}:
        k += 1
    return 0 < k < len(following) and following[k].tag_ in {"VBD", "VBZ", "VBP", "MD"}
