"""`hedging-adjective`: "likely", "possible", "unclear", "a potential risk", "it is not known
whether"; not "as soon as possible", "the best possible", "possible to", "made possible" or
"was it even possible?"."""

from __future__ import annotations

from caveat.analysis.layers.hedge.polling import is_polling_term
from caveat.analysis.layers.hedge.scan import Hit, SentenceScan
from caveat.analysis.shared import tags


def hedging_adjective(scan: SentenceScan, i: int) -> Hit | None:
    lex, word = scan.lex, scan.low(i)
    if scan.tagged and scan.tag(i) in tags.NAME:
        return None
    if word in lex.hedging_adjectives:
        if word in lex.feasible_words and _is_feasibility(scan, i) or is_polling_term(scan, i):
            return None
        return scan.span(i, i + 1, "hedging-adjective")
    if word in lex.attributive_adjectives and _is_attributive(scan, i):
        return scan.span(i, i + 1, "hedging-adjective")
    if word in lex.unknown_words and scan.low(i + 1) in lex.unknown_followers:
        start = i - 1 if scan.low(i - 1) in lex.negations else i
        if start < i or word in lex.open_question_alone:
            return scan.span(start, i + 1, "hedging-adjective")
    return None


def _is_feasibility(scan: SentenceScan, i: int) -> bool:
    """'as soon as possible', 'the best possible', 'possible to', 'made possible'."""
    lex = scan.lex
    made = scan.lemma(i - 1) in lex.feasible_makers or scan.lemma(i - 2) in lex.feasible_makers
    return (
        scan.low(i - 1) in lex.possible_not_after
        or scan.tag(i - 1) == "JJS"
        or scan.low(i + 1) in lex.feasible_before
        or made
        or _ends_predicate(scan, i)
    )


def _ends_predicate(scan: SentenceScan, i: int) -> bool:
    """'Was it even possible?', 'that not being possible', 'possible for anyone to': after
    'be', closing its clause, negated, asked or with 'for', "possible" says whether a thing can
    be done. "A deal is possible" and "it is possible that" stay hedges."""
    lex, k = scan.lex, i - 1
    while scan.tag(k) in {"RB", "PRP"} or scan.low(k) in lex.negations:
        k -= 1  # "was it even", "wasn't"
    if scan.lemma(k) not in lex.copulas:
        return False
    after = scan.low(i + 1)
    if after in lex.feasible_for:
        return True
    negated = any(scan.low(n) in lex.negations for n in range(k - 1, i))
    return after in lex.clause_ends and (negated or "?" in scan.lows)


def _is_attributive(scan: SentenceScan, i: int) -> bool:
    nxt = scan.tok(i + 1)
    if nxt is None:
        return False
    if scan.tagged:
        return scan.tag(i) == "JJ" and nxt.tag_ in tags.COMMON_NOUN | {"JJ", "NNP"}
    return nxt.is_alpha and nxt.lower_ not in scan.lex.function_words
