"""The verb rules: `hedging-verb` ("seems", "suggests", "appears to", "it is believed"...) and
`first-person-belief` ("I think", "we believe that"). "He thinks" is a report, which the
speculation layer judges; "think about" and "believe in" hold no claim; "I can't believe it" is
astonishment."""

from __future__ import annotations

from caveat.analysis.layers.hedge.scan import Hit, SentenceScan
from caveat.analysis.shared import tags


def hedging_verb(scan: SentenceScan, i: int) -> Hit | None:
    lex = scan.lex
    kind = _verb_kind(scan, i)
    if kind is None:
        return None
    nxt = scan.low(i + 1)
    if kind == "always":
        return scan.span(i, i + 1, "hedging-verb")
    if kind == "appear":
        # "appeared more likely", "seems quite happy": an adverb may come before the adjective,
        # which then ends the phrase ("appeared again last week" is no impression)
        adjective = i + 1
        if scan.tag(i + 1) in {"RB", "RBR"} and scan.tag(i + 3) not in tags.NOUN:
            adjective = i + 2
        if (
            nxt in lex.appear_followers
            or scan.tag(adjective) in {"JJ", "JJR"}
            or (nxt in lex.as_words and scan.low(i + 2) in lex.as_if)
        ):
            return scan.span(i, i + 1, "hedging-verb")
        return None
    if kind == "indicate":
        if scan.low(i - 1) in lex.as_words or nxt in lex.agent_markers:
            return None
        # "an indicated 80 mph", "the gauge is indicating 21.4 mpg": a reading, not a hedge.
        if scan.low(i - 1) in lex.articles or i + 1 < len(scan.lows) and scan.is_number(i + 1):
            return None
        return scan.span(i, i + 1, "hedging-verb")
    # A belief held by anyone ("you'd think") or by no one in particular ("it is thought").
    holder = _belief_holder(scan, i, kind)
    if holder is None:
        return None
    subject, between = holder
    if subject in lex.generic_people and between & lex.hypothetical_modals:
        return scan.span(i, i + 1, "hedging-verb")
    if subject in lex.impersonal_subjects:
        return scan.span(i, i + 1, "hedging-verb")
    return None


def first_person_belief(scan: SentenceScan, i: int) -> Hit | None:
    kind = _verb_kind(scan, i)
    if kind not in {"belief", "clause"}:
        return None
    holder = _belief_holder(scan, i, kind)
    if holder is None or holder[0] not in scan.lex.first_person:
        return None
    return scan.span(i, i + 1, "first-person-belief")


def _verb_kind(scan: SentenceScan, i: int) -> str | None:
    """The lexicon's kind of the hedging verb at i, or None."""
    kind = scan.lex.verb_kinds.get(scan.lemma(i))
    return kind if kind is not None and scan.is_verb(i) else None


def _belief_holder(scan: SentenceScan, i: int, kind: str) -> tuple[str, set[str]] | None:
    """Who holds the belief of verb i (its subject) and the words between, or None when the
    verb holds no claim here ("think about", "I feel sick", "I can't believe it")."""
    lex, nxt = scan.lex, scan.low(i + 1)
    # "I think so." and "I believe not." answer with a belief; "I think so highly of" does not.
    answer = nxt in lex.belief_answers and not scan.low(i + 2).isalnum()
    if nxt in lex.belief_not_before and not answer or scan.tag(i) == "VBN":
        return None
    if kind == "clause" and nxt not in lex.clause_openers and not answer:
        return None
    subject, between = scan.subject_before(i)
    if between & lex.astonishment_modals:
        return None
    return subject, between
