"""Attribution by a reporting verb: "Clinton said", "the agency estimated", ", said Mayor
Smith", "the study found that", "Four in 10 say". Without a parser, a verb counts when a named,
pronoun or document subject stands next to it."""

from __future__ import annotations

from spacy.tokens import Span, Token

from caveat.analysis.shared import tags
from caveat.analysis.shared.attribution import speakers
from caveat.analysis.shared.attribution.lexicon import AttributionLexicon, lemma
from caveat.analysis.shared.attribution.phrases import UNNAMED
from caveat.analysis.shared.words import lower_words

PERFECT_AUXILIARIES = {"has", "have", "had", "'s", "'ve", "'d", "having"}
PROGRESSIVE_AUXILIARIES = {"is", "are", "was", "were", "am", "been", "be", "'s", "'re", "'m"}
CLAUSE_OPENERS = {"that", ":", '"', "“", "``"}
#: pronouns that open a reported clause right after a verb ("Trump claims he is worth")
SUBJECT_PRONOUNS = {"he", "she", "they", "we", "i"}
AGENTLESS = "agentless"  # the label of a report rejected because nobody makes it


def reporting_verb_spans(
    sent: Span,
    lex: AttributionLexicon,
    tagged: bool,
    stance: bool,
    rejected: list[Span] | None = None,
) -> list[Span]:
    doc, spans = sent.doc, []
    lower = lower_words(doc)
    headline: bool | None = None  # told at the first listed verb form: most sentences have none
    for i in range(sent.start, sent.end):
        listed = lex.verb_forms.get(lower[i])
        if listed is None:
            continue  # only the listed verbs' forms can be reporting verbs
        tok = doc[i]
        if headline is None:
            headline = _is_headline(sent)
        verb_lemma = _verb_lemma(tok, listed, lex, tagged, headline)
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
        if tok.tag_ in {"VBG", "VBN"} and not (
            _has_auxiliary(tok, sent) or _is_finite_past(tok, sent)
        ):
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
        if subject is None and kind == "speech":
            subject = speakers.document_subject(tok, sent, lex)  # "a Pew study from 2011 noted"
        if subject is None:
            reports = (
                kind == "speech"
                or kind == "finding"
                and (_opens_clause(tok, sent) or _puts_a_figure(tok, verb_lemma, sent, lex))
                and _named_before_comma(tok, sent)
            )
            if reports and speakers.has_distant_subject(tok, sent, lex):
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
            or _puts_a_figure(tok, verb_lemma, sent, lex)
            or speakers.is_parenthetical(subject, tok, sent)
        ):
            continue
        spans.append(Span(doc, start, end, label="reporting-verb"))
    return spans


def _verb_lemma(
    tok: Token, verb_lemma: str, lex: AttributionLexicon, tagged: bool, headline: bool
) -> str | None:
    """`verb_lemma`, the listed verb whose form `tok` is, if `tok` is used as that verb here."""
    if headline and verb_lemma in lex.headline_verbs and tok.doc[tok.i - 1].tag_ in tags.NAME:
        return verb_lemma  # "Trump Says He Would...": a headline's verb after a name
    if tok.is_title and not tok.is_sent_start:
        # A capitalised word inside a sentence is a name ("the Post") or headline case.
        return None
    if tagged and not (tok.tag_.startswith("VB") or _is_final_report(tok, lex)):
        return None
    return verb_lemma


def _is_headline(sent: Span) -> bool:
    """Headline case: most words capitalised ("Christie Says He Would Issue A Quarantine")."""
    words = [t for t in sent if t.is_alpha]
    return len(words) >= 4 and sum(t.is_title for t in words) >= 0.75 * len(words)


def _is_final_report(tok: Token, lex: AttributionLexicon) -> bool:
    """ ", records show." or "Trump estimates that": the tagger often reads a report verb as a
    noun; before the full stop after a comma, or before "that" or a subject pronoun after a
    name ("Trump claims he's worth") or a document ("FEC records from the 2008 cycle show he
    backed"), it is the verb. After a determiner or another noun it stays a noun ("the claims
    he made", "the TV show he hosted")."""
    doc = tok.doc
    if tok.tag_ not in tags.COMMON_NOUN or tok.i + 1 >= len(doc) or tok.i == 0:
        return False
    nxt, prev = doc[tok.i + 1], doc[tok.i - 1]
    opens = nxt.lower_ == "that" and nxt.tag_ != "WDT" or nxt.lower_ in SUBJECT_PRONOUNS
    named = prev.tag_ in tags.NAME | {"PRP"} or prev.tag_ == "NN" and prev.is_title
    if opens and (named or speakers.document_subject(tok, tok.sent, lex) is not None):
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


def _named_before_comma(verb: Token, sent: Span) -> bool:
    """ "Patrick Megahan and Chris Harman, found in 2014 that": a finding verb after a comma
    has a distant subject only when a name ends the stretch before it ("The inhibition of HIV
    infection ..., in the absence of any effect on T cell function, suggests that" has none)."""
    i = verb.i - 1
    while i > sent.start and sent.doc[i].tag_ == "RB":
        i -= 1
    doc = sent.doc
    if doc[i].text != ",":
        return True  # "did the math, and found that": has_distant_subject checks for a name
    if i > sent.start and doc[i - 1].tag_ in tags.NAME | {"PRP"}:
        return True
    # "Evans, the Georgia committeeman, suggested that": a name before an apposition.
    opener = next((j for j in range(i - 1, max(sent.start, i - 8), -1) if doc[j].text == ","), None)
    return opener is not None and doc[opener - 1].tag_ in tags.NAME | {"PRP"}


def _is_finite_past(verb: Token, sent: Span) -> bool:
    """ "A Quinnipiac poll found last week that": the tagger reads a past tense right after
    its subject as a participle; one that opens a reported clause is the finite verb."""
    prev = _previous_content(verb, sent)
    return (
        verb.tag_ == "VBN"
        and prev is not None
        and prev.tag_ in tags.NOUN | {"PRP"}
        and _opens_clause(verb, sent)
    )


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


def _puts_a_figure(verb: Token, verb_lemma: str, sent: Span, lex: AttributionLexicon) -> bool:
    """ "Forbes put his net worth at $45 billion", "the agency lists the population as 21,090":
    a verb that sets a value, then "at" or "as" and a figure."""
    if verb_lemma not in lex.valuation:
        return False
    doc = sent.doc
    for i in range(verb.i + 1, min(sent.end - 1, verb.i + lex.valuation_reach)):
        if doc[i].lower_ in lex.valuation_links:
            # "at $45 billion", "at a solid 50 percent"
            value = doc[i + 1 : min(sent.end, i + 4)]
            return any(t.like_num or t.tag_ == "$" for t in value)
        if doc[i].tag_ in tags.FINITE_VERB or doc[i].text in {";", ":"}:
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
