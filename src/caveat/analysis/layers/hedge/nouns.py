"""`hedging-noun`: a noun that marks an idea as unproven ("a possibility", "the hypothesis")."""

from __future__ import annotations

from caveat.analysis.layers.hedge.scan import Hit, SentenceScan
from caveat.analysis.shared import tags


def hedging_noun(scan: SentenceScan, i: int) -> Hit | None:
    if scan.low(i) in scan.lex.hedging_nouns and scan.tag(i) not in tags.VERB:
        return scan.span(i, i + 1, "hedging-noun")
    return None
