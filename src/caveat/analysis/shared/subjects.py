"""The one subject finder. Without a parser a verb's subject is the nearest word to its left
once auxiliaries, adverbs and negations are passed over ("I really don't think", "Smith has
also said"); each caller says which words it passes over and how many."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token


def subject_before(
    verb: Token, sent: Span, passes_over: Callable[[Token], bool], reach: int
) -> Token | None:
    """The first word left of `verb` in `sent` that `passes_over` does not skip, after at most
    `reach` skipped words (spaces are free); None at the sentence start or beyond the reach."""
    doc, passed = sent.doc, 0
    for i in range(verb.i - 1, sent.start - 1, -1):
        tok = doc[i]
        if tok.is_space:
            continue
        if passes_over(tok):
            passed += 1
            if passed > reach:
                return None
            continue
        return tok
    return None
