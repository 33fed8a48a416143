"""`money`: a sum by its currency symbol ("$58,000", "£3bn", "US$ 4.5 million") or currency word
("3.5 trillion dollars")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from caveat.analysis.layers.number.count import is_scaled_digits

if TYPE_CHECKING:
    from caveat.analysis.layers.number.figures import FigureFinder, Found


def money(finder: FigureFinder, sent: Span, i: int) -> Found | None:
    """A currency symbol and the number after it."""
    doc = sent.doc
    if doc[i].lower_ not in finder.lex.currency_symbols or i + 1 >= sent.end:
        return None
    nxt = doc[i + 1]
    if not (finder.is_number(nxt) or is_scaled_digits(finder, nxt)):
        return None
    return finder.phrase_end(sent, i + 1), "money"


def currency_word_after(finder: FigureFinder, sent: Span, end: int) -> bool:
    return end < sent.end and sent.doc[end].lower_ in finder.lex.currency_words
