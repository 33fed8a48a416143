"""`hedged-claim`: the main claim hedged in the author's voice ("Syria could just be a
platform", "That may be unfair", "perhaps", "seems to", "is likely to", "it is possible that",
"in all likelihood"), where no source is named.

Modals are judged here rather than taken from the hedge layer: "could swim" (ability), "you may
leave" (permission), "severe cases may require" (what can happen), "the bill would raise taxes"
(a proposal) are no guesses. Other hedges the hedge layer found count when they qualify the
claim rather than a noun ("it is unclear", not "the supposed moderate").
"""

from __future__ import annotations

from spacy.tokens import Token

from caveat.analysis.layers.speculation.cue import Cue
from caveat.analysis.layers.speculation.sentence import SentenceReader
from caveat.analysis.shared import tags


def hedged_claim(reader: SentenceReader, tok: Token, hedged_by_layer: dict[int, str]) -> Cue | None:
    lex, lower = reader.lex, tok.lower_
    cue: str | None = None
    variant = None
    if lower in lex.hedging_adjectives and _compares_rates(reader, tok):
        return None  # "more likely to be viewed as honest than": a comparison of rates
    if lower in lex.claim_modals and reader.is_modal(tok):
        possibility = lower not in lex.conditional_modals and lower not in lex.must_modals
        if possibility and hedged_by_layer.get(tok.i) != lex.hedge_modal_rule:
            return None  # the hedge layer's verdict: permission, past ability, willingness
        cue = _epistemic_modal(reader, tok)
        if lower in lex.conditional_modals:
            variant = "conditional"  # "would have done": a guess, though a weaker sign
    elif _is_hedging_adverb(reader, tok) or _is_seem(reader, tok):
        cue = tok.text
    elif reader.lemma(tok) in lex.appear_verbs and reader.is_verb(tok):
        nxt, prev = reader.token(tok.i + 1), reader.token(tok.i - 1)
        if (nxt is not None and nxt.lower_ in {"to", "that"}) or (prev and prev.lower_ == "it"):
            cue = tok.text
    elif lower in lex.hedging_adjectives and not (reader.tagged and tok.tag_.startswith("RB")):
        cue = _predicative(reader, tok)
    elif hedged_by_layer.get(tok.i, lex.hearsay_rule) != lex.hearsay_rule and not reader.is_modal(
        tok
    ):
        cue = _hedge_from_layer(reader, tok, hedged_by_layer[tok.i])
    if cue is None or reader.in_subordinate_clause(tok, lex.subordinators):
        return None
    return Cue("hedged-claim", variant, {"cue": cue})


def guessing_phrase(reader: SentenceReader, tok: Token) -> Cue | None:
    """ "in all likelihood", "it's possible": a phrase that marks the claim as a guess."""
    size = reader.phrase_at(tok)
    if not size:
        return None
    end = tok.i + size
    nxt = reader.token(end)
    if reader.doc[end - 1].lower_ in reader.lex.ability_adjectives and nxt and nxt.lower_ == "to":
        return None  # "it is possible to prevent": what can be done
    return Cue("hedged-claim", "guess-phrase", {"cue": reader.words(tok.i, end)})


def hearsay_clause(
    reader: SentenceReader, tok: Token, hedged_by_layer: dict[int, str]
) -> Cue | None:
    """ "It is generally assumed that the deal was agreed": the claim that follows is a view
    nobody is named as holding (the hedge layer's agentless passive, in "it is ... that"). So
    is a forecast about the subject that nobody is named as making ("the measure is not
    expected to succeed")."""
    lex = reader.lex
    if hedged_by_layer.get(tok.i) != lex.hearsay_rule:
        return None
    be = reader.token(tok.i - 1)
    while be is not None and (be.tag_ == "RB" or be.lower_ in lex.negations):
        be = reader.token(be.i - 1)
    it = reader.token(be.i - 1) if be is not None else None
    if be is None or it is None:
        return None
    if it.lower_ not in lex.impersonal_subjects or be.lower_ not in lex.hearsay_be:
        return _unheld_forecast(reader, tok, be)
    if reader.in_subordinate_clause(it, lex.subordinators):
        return None
    for i in range(tok.i + 1, min(tok.i + 4, reader.sent.end)):
        if reader.doc[i].lower_ in lex.hearsay_links:
            return Cue("hedged-claim", "hearsay", {"cue": reader.words(it.i, i + 1)})
    return None


def _unheld_forecast(reader: SentenceReader, tok: Token, be: Token) -> Cue | None:
    """ "The measure is not expected to succeed", "rates are widely forecast to rise": in the
    present, with nobody named as forecasting."""
    lex = reader.lex
    # The hedge layer's span may open on an adverb ("widely expected"): the participle follows.
    participle = next(
        (
            word
            for word in reader.doc[tok.i : min(tok.i + 3, reader.sent.end)]
            if word.lower_ in lex.forecast_participles
        ),
        None,
    )
    if participle is None or be.lower_ not in lex.forecast_be:
        return None
    link = reader.token(participle.i + 1)
    if link is None or link.lower_ not in lex.forecast_links:
        return None
    if reader.in_subordinate_clause(be, lex.subordinators):
        return None
    if reader.is_author_or_reader(reader.subject(be)):
        return None
    return Cue("hedged-claim", "hearsay", {"cue": reader.words(be.i, link.i + 1)})


def _compares_rates(reader: SentenceReader, tok: Token) -> bool:
    """ "is more likely to", "are less likely to": a comparison (usually a poll's), not a
    hedge on the claim."""
    prev = reader.token(tok.i - 1)
    while prev is not None and prev.lower_ in reader.lex.adverbs_of_degree:
        if prev.lower_ in reader.lex.comparative_degrees:
            return True
        prev = reader.token(prev.i - 1)
    return False


def _is_hedging_adverb(reader: SentenceReader, tok: Token) -> bool:
    return (
        tok.lower_ in reader.lex.hedging_adverbs
        and (not reader.tagged or tok.tag_.startswith("RB"))
        and not reader.in_noun_phrase(tok)
    )


def _is_seem(reader: SentenceReader, tok: Token) -> bool:
    # "Seeming to have no connection, ..." opens a description, not a claim.
    return reader.lemma(tok) in reader.lex.seem_verbs and reader.is_verb(tok) and tok.tag_ != "VBG"


def _hedge_from_layer(reader: SentenceReader, tok: Token, rule: str) -> str | None:
    """A hedge the hedge layer found, when it qualifies the claim rather than a noun: an
    adjective only after "is" ("it is unclear"), never before a noun ("the supposed
    moderate"); a softening verb only in no one's voice but the writer's ("the figures suggest",
    not "he suggested raising the age", which reports a proposal)."""
    if rule.endswith("verb") and reader.is_person_subject(reader.subject(tok)):
        return None
    if rule.endswith("adjective"):
        prev = reader.token(tok.i - 1)
        while prev is not None and prev.lower_ in reader.lex.adverbs_of_degree:
            prev = reader.token(prev.i - 1)
        return tok.text if prev is not None and reader.is_be(prev) else None
    return None if reader.in_noun_phrase(tok) else tok.text


def _epistemic_modal(reader: SentenceReader, modal: Token) -> str | None:
    lex, lower = reader.lex, modal.lower_
    verb = reader.next_verb(modal)
    if verb is None:
        return None
    cue = reader.words(modal.i, verb.i + 1)
    verb_lemma = reader.lemma(verb)
    after = reader.token(verb.i + 1)
    if lower in lex.conditional_modals:
        # Only the counterfactual "would have done" is a guess; "the bill would raise taxes"
        # describes a proposal, and news is full of those.
        counterfactual = verb_lemma == "have" and after is not None and after.tag_ == "VBN"
        if not counterfactual or reader.is_author_or_reader(reader.subject(modal)):
            return None
        return cue
    if lower in lex.must_modals:
        if verb_lemma == "have" or (
            verb_lemma == "be" and after is not None and after.tag_ in {"JJ", "VBG", "RB"}
        ):
            return cue
        return None
    subject = reader.subject(modal)
    if lower == "may" and reader.is_author_or_reader(subject):
        return None  # "you may leave": permission
    # "may be", "could have been": a possibility about what is or was. "have" + a noun is
    # possession ("vaults may have enchantments") and reads like any other verb.
    perfect = verb_lemma == "have" and after is not None and after.tag_ == "VBN"
    stative = verb_lemma == "be" or perfect
    if lower == "may" and not stative and _is_generic(reader, subject):
        return None  # "severe cases may require ventilation": what can happen, not a guess
    # "could not find", "could swim": ability, often in the past. Decided here even when the
    # hedge layer flags the modal: a sentence about someone's abilities is not a conjecture.
    negated = reader.negated(modal, verb)
    if lower == "could" and negated and reader.narrates_past(modal):
        return None  # "cartridges could not be used": what was impossible then
    ability = negated or verb_lemma in lex.ability_verbs or reader.narrates_past(modal)
    if lower == "could" and not stative and ability:
        return None
    return cue


def _is_generic(reader: SentenceReader, subject: Token | None) -> bool:
    """A subject that stands for a kind ("plastids", "a trader", "any group of members")."""
    if subject is None or subject.tag_ not in tags.COMMON_NOUN:
        return False
    start = subject.i
    while start - 1 >= reader.sent.start and reader.doc[start - 1].tag_ in {"JJ", "NN", "NNS"}:
        start -= 1
    first = reader.doc[start - 1] if start > reader.sent.start else None
    if first is not None and first.lower_ in reader.lex.generic_determiners:
        return True
    bare = first is None or first.tag_ not in tags.SPECIFIER
    return subject.tag_ == "NNS" and bare


def _predicative(reader: SentenceReader, adjective: Token) -> str | None:
    """ "prices are likely to rise", "it is possible that"."""
    be, nxt = reader.token(adjective.i - 1), reader.token(adjective.i + 1)
    while be is not None and be.lower_ in reader.lex.adverbs_of_degree:
        be = reader.token(be.i - 1)
    if be is None or nxt is None or nxt.lower_ not in {"to", "that"}:
        return None
    if nxt.lower_ == "to" and adjective.lower_ in reader.lex.ability_adjectives:
        return None  # "it is possible to prevent": what can be done
    if not reader.is_be(be):
        return None
    if reader.is_author_or_reader(reader.subject(be)):
        return None
    return reader.words(be.i, adjective.i + 2)
