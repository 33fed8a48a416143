"""The adverb rules: `hearsay-adverb` ("reportedly", "allegedly": a claim passed on without its
source) and `hedging-adverb` ("perhaps", "probably", "in all likelihood", "to some extent")."""

from __future__ import annotations

from caveat.analysis.layers.hedge.polling import is_polling_term
from caveat.analysis.layers.hedge.scan import Hit, SentenceScan
from caveat.analysis.shared import tags


def hearsay_adverb(scan: SentenceScan, i: int) -> Hit | None:
    if scan.low(i) in scan.lex.hearsay_adverbs:
        return scan.span(i, i + 1, "hearsay-adverb")
    return None


def hedging_adverb(scan: SentenceScan, i: int) -> Hit | None:
    lex, word = scan.lex, scan.low(i)
    as_adjective = scan.tag(i).startswith("JJ") and word in lex.hedging_adjectives
    if word in lex.hedging_adverbs and not as_adjective and scan.tag(i) not in tags.NAME:
        return None if is_polling_term(scan, i) else scan.span(i, i + 1, "hedging-adverb")
    size = scan.phrase_at(i, "adverb_phrases")
    if size and not (word in lex.noun_like_hedges and _in_noun_phrase(scan, i)):
        return scan.span(i, i + size, "hedging-adverb")
    return None


def _in_noun_phrase(scan: SentenceScan, i: int) -> bool:
    """'a kind of tree', 'the sort of thing': a noun, not the hedge 'kind of'."""
    if scan.tag(i) in tags.COMMON_NOUN:
        return True
    return scan.low(i - 1) in scan.lex.determiners or scan.tag(i - 1) in {"JJ", "DT"}
