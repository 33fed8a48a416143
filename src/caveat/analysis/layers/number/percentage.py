"""`percentage`: a number with a percent unit after it ("80 percent", "12%", "5 percentage
points", "10-15 percent")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

if TYPE_CHECKING:
    from caveat.analysis.layers.number.figures import FigureFinder


def percentage_unit(finder: FigureFinder, sent: Span, j: int) -> int:
    """How many tokens of a percent unit start at `j` (0 if none)."""
    return finder.phrases.longest(sent.doc, "percent", j, sent.end)
