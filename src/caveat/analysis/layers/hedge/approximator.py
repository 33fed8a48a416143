"""`approximator`: a word that blurs the figure after it ("about 3,800", "some 40", "up to $5
million", "40 or so"); "talk about the war" and "up to 2018" (until a year) are left alone."""

from __future__ import annotations

from caveat.analysis.layers.hedge.scan import Hit, SentenceScan
from caveat.analysis.shared.years import is_year


def approximator(scan: SentenceScan, i: int) -> Hit | None:
    lex, word = scan.lex, scan.low(i)
    size = scan.phrase_at(i, "approx_phrases") or (1 if word in lex.approx_words else 0)
    if size:
        figure = _figure_at(scan, i + size)
        if figure and not (word in lex.until_before_year and is_year(figure)):
            return scan.span(i, i + size, "approximator", figure)
    if scan.tok(i) is not None and scan.is_number(i) and i > 0:
        after = scan.phrase_at(i + 1, "approx_after")
        if after:
            return scan.span(i + 1, i + 1 + after, "approximator", scan.sent[i].text)
    return None


def _figure_at(scan: SentenceScan, j: int) -> str:
    """The figure starting at token j (after "a", "$" and the like), or ""."""
    lex, start = scan.lex, j
    while scan.low(j) in lex.figure_gap:
        j += 1
    if scan.tok(j) is None or not (scan.is_number(j) or scan.low(j) in lex.figure_words):
        return ""
    end = j + 1
    while scan.low(end) in lex.figure_words or scan.low(end) in lex.figure_units:
        end += 1
    return scan.sent[start:end].text
