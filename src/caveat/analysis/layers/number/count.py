"""`count`: a number of things ("3,800 civilians", "a million votes", "5bn"), and
`vague-magnitude` (shown at the `thorough` sensitivity only): a size without a figure
("thousands of people", "dozens of shops"). Counts under ten and spelled numbers alone are left
alone (not_statistics.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from caveat.analysis.layers.number.shapes import is_digits

if TYPE_CHECKING:
    from caveat.analysis.layers.number.figures import FigureFinder, Found


def vague_magnitude(finder: FigureFinder, sent: Span, i: int) -> Found | None:
    """ "thousands of people", "tens of thousands of", "dozens of"."""
    doc, lex = sent.doc, finder.lex
    if doc[i].lower_ not in lex.vague_counts:
        return None
    end = i + 1
    if end + 1 < sent.end and doc[end].lower_ == "of" and doc[end + 1].lower_ in lex.scale:
        end += 2  # "tens of thousands"
    if end < sent.end and doc[end].lower_ == "of":
        return end, "vague-magnitude"
    return None


def is_scaled_digits(finder: FigureFinder, tok: Token) -> bool:
    """ "5bn", "10m", "3.5k": digits with a scale glued on."""
    lower = tok.lower_
    if not lower[:1].isdigit() or lower[-1:].isdigit():
        return False
    return any(
        lower.endswith(s) and is_digits(lower[: -len(s)]) for s in finder.lex.scale if len(s) < 3
    )
