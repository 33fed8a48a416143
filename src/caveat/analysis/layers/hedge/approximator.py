"""`approximator`: a word that blurs the figure after it ("about 3,800", "some 40", "up to $5
million", "40 or so"); "talk about the war" and "up to 2018" (until a year) are left alone.

`approximate-duration` (shown at the `thorough` sensitivity only): the same words before a
length of time ("about two weeks", "nearly 30 years ago"). Rounding a duration is how people
talk about time; our gold set marks it optional and neither cue corpus marks it, so it is shown
only to a reader who asks for everything."""

from __future__ import annotations

from caveat.analysis.layers.hedge.scan import Hit, SentenceScan
from caveat.analysis.shared.years import is_year

#: (start, end) of the approximating words, the figure they blur, and the token after it
Approximation = tuple[int, int, str, int]


def approximator(scan: SentenceScan, i: int) -> Hit | None:
    found = _approximation(scan, i)
    if found is None or _is_duration(scan, found[3]):
        return None
    start, end, figure, _after = found
    return scan.span(start, end, "approximator", figure)


def approximate_duration(scan: SentenceScan, i: int) -> Hit | None:
    found = _approximation(scan, i)
    if found is None or not _is_duration(scan, found[3]):
        return None
    start, end, figure, _after = found
    return scan.span(start, end, "approximate-duration", figure)


def _approximation(scan: SentenceScan, i: int) -> Approximation | None:
    lex, word = scan.lex, scan.low(i)
    if word in lex.split_approximators and scan.low(i + 1) in lex.split_words:
        return i, i + 1, scan.sent[i + 1].text, i + 2  # "about evenly divided": about half each
    size = scan.phrase_at(i, "approx_phrases") or (1 if word in lex.approx_words else 0)
    if size:
        figure, after = _figure_at(scan, i + size)
        if figure and not (word in lex.until_before_year and is_year(figure)):
            return i, i + size, figure, after
    if scan.tok(i) is not None and scan.is_number(i) and i > 0:
        size = scan.phrase_at(i + 1, "approx_after")
        if size:
            # "40 or so minutes": the unit may follow the phrase
            return i + 1, i + 1 + size, scan.sent[i].text, i + 1 + size
    return None


def _is_duration(scan: SentenceScan, after: int) -> bool:
    """The figure counts time: "two weeks", "30 years ago", "15-20 seconds"; not a rate
    ("about two per year")."""
    return scan.low(after) in scan.lex.duration_units and scan.low(after - 1) != "per"


def _figure_at(scan: SentenceScan, j: int) -> tuple[str, int]:
    """The figure starting at token j (after "a", "$" and the like) and the index of the token
    after it, or ("", j)."""
    lex, start = scan.lex, j
    while scan.low(j) in lex.figure_gap:
        j += 1
    if scan.tok(j) is None or not (scan.is_number(j) or scan.low(j) in lex.figure_words):
        return "", j
    end = j + 1
    while scan.low(end) in lex.figure_words or scan.low(end) in lex.figure_units:
        end += 1
    # "15-20 seconds", "two and a half months": the rest of a range or a fraction
    while scan.low(end) in lex.figure_joins and scan.tok(end + 1) is not None:
        if not (scan.is_number(end + 1) or scan.low(end + 1) in lex.figure_gap):
            break
        end += 2
        while scan.low(end) in lex.figure_words or scan.low(end) in lex.figure_units:
            end += 1
    return scan.sent[start:end].text, end
