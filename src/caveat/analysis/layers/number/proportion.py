"""`proportion`: a share of a whole ("a quarter of", "two-thirds of", "half of the", "one in
five", "3 out of 10"); not "a third term", "a quarter of a century" or "the first half"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from caveat.analysis.layers.number.shapes import DASHES

if TYPE_CHECKING:
    from caveat.analysis.layers.number.figures import FigureFinder, Found


def proportion(finder: FigureFinder, sent: Span, i: int) -> Found | None:
    """A fraction word with "a", "one", "two"... before it and "of" after it."""
    doc, lex = sent.doc, finder.lex
    lower = doc[i].lower_
    if lower == "half" and not (i > sent.start and doc[i - 1].lower_ in lex.half_blockers):
        if i + 1 < sent.end and doc[i + 1].lower_ in lex.half_followers:
            return i + 1, "proportion"
        return None
    if lower not in {"a", "one"} and lower not in lex.small_words:
        return None
    j = i + 1
    if j + 1 < sent.end and doc[j].text in DASHES:
        j += 1  # "two-thirds"
    if j >= sent.end or doc[j].lower_ not in lex.fractions:
        return None
    end = j + 1
    followed = doc[end].lower_ if end < sent.end else ""
    if followed == "of" and end + 2 < sent.end and doc[end + 2].lower_ in lex.time_units:
        return end, None  # "a quarter of a century"
    if followed == "of" or (doc[j - 1].text in DASHES and followed not in lex.time_units):
        return end, "proportion"
    return None


def rate_end(finder: FigureFinder, sent: Span, j: int) -> int:
    """ "one in five", "3 out of 10": the end of the rate whose link starts at `j`, or 0."""
    doc = sent.doc
    for k in finder.phrases.ends_at(doc, "rate_links", j, sent.end):
        if k < sent.end and finder.is_number(doc[k]):
            return finder.phrase_end(sent, k)
    return 0
