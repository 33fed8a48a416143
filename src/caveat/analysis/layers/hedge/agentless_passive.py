"""`agentless-passive`: a view reported with nobody holding it ("it is thought that", "is
widely regarded as", "credited by many", "a ship, said to be the oldest")."""

from __future__ import annotations

from caveat.analysis.layers.hedge.scan import Hit, SentenceScan
from caveat.analysis.shared import tags


def agentless_passive(scan: SentenceScan, i: int) -> Hit | None:
    lex, word = scan.lex, scan.low(i)
    by_unnamed = scan.low(i + 1) in lex.agent_markers and scan.is_unnamed(i + 2)
    if by_unnamed and (word in lex.belief_participles or word in lex.judgement_participles):
        # "credited by many", "seen by some as": the holders are named only as a crowd.
        return scan.span(i, i + 3, "agentless-passive")
    if _reduced_hearsay(scan, i):
        return scan.span(i, i + 1, "agentless-passive")
    if word not in lex.belief_participles or (scan.tagged and scan.tag(i) not in {"VBN"}):
        return None
    start = i
    while scan.low(start - 1) in lex.generalizers:
        start -= 1
    general = start < i
    j = start - 1
    while scan.tag(j) == "RB" or scan.low(j) in lex.negations:
        j -= 1
    after_be = scan.low(j) in lex.be_forms
    impersonal = after_be and scan.low(j - 1) in lex.impersonal_it
    if not (general or after_be):
        return None
    nxt = scan.low(i + 1)
    if nxt in lex.agent_markers and not scan.is_unnamed(i + 2):
        return None
    if word in lex.needs_generalizer and not general:
        return None
    # "widely praised", "often credited with": the adverb already makes the view a crowd's.
    loose = general and word not in lex.literal_participles
    if word in lex.needs_complement and not (impersonal or loose or nxt in lex.complements):
        return None
    return scan.span(start, i + 1, "agentless-passive")


def _reduced_hearsay(scan: SentenceScan, i: int) -> bool:
    """'a ship, said to be the oldest': a hearsay participle without 'is' before it."""
    lex = scan.lex
    if scan.low(i) not in lex.hearsay_participles or scan.low(i + 1) not in lex.infinitive_marker:
        return False
    # After a comma or a noun, not a subject: "she said to be careful" is an order.
    after_noun = scan.low(i - 1) == "," or scan.tag(i - 1) in tags.NOUN
    return scan.low(i + 2) in lex.modal_auxiliaries and (scan.tag(i) == "VBN" or after_noun)
