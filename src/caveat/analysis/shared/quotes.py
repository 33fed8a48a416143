"""Quotation marks, and quoted speech in a Doc, so detectors can leave quoted words alone.

Quotation marks are read from the tokens (spaCy splits them off words), and whether a mark opens
or closes is told by the spaces around it. Double quotes pair up and an unclosed one runs to the
end of the Doc, because a quote that goes on into the next paragraph is left open by convention.
Single quotes only count when a matching pair is found: a lone ' or ’ is far more often an
apostrophe ("the students’ fees", "’90s") than a quotation.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from caveat.analysis.shared.words import lower_words

DOUBLE_OPEN = frozenset({"“", "„", "«", "``"})
DOUBLE_CLOSE = frozenset({"”", "»", "''"})
DOUBLE_EITHER = frozenset({'"'})
SINGLE_OPEN = frozenset({"‘", "‹", "`"})
SINGLE_CLOSE = frozenset({"’", "›"})
SINGLE_EITHER = frozenset({"'"})
DOUBLE_MARKS = DOUBLE_OPEN | DOUBLE_CLOSE | DOUBLE_EITHER
SINGLE_MARKS = SINGLE_OPEN | SINGLE_CLOSE | SINGLE_EITHER
QUOTE_MARKS = DOUBLE_MARKS | SINGLE_MARKS  # the one set of quotation marks every layer uses
_RANGES_KEY = "caveat_quoted_ranges"  # doc.user_data: quoted_token_ranges, once per Doc
# An opening mark sits after a space or one of these; a closing mark before a space or these.
_BEFORE_OPENING = frozenset("([{—–-/")
_AFTER_CLOSING = frozenset(".,;:!?)]}—–-/")


def _space_before(doc: Doc, i: int) -> bool:
    return i == 0 or bool(doc[i - 1].whitespace_) or doc[i - 1].text[-1] in _BEFORE_OPENING


def _space_after(doc: Doc, i: int) -> bool:
    token = doc[i]
    if token.whitespace_ or i + 1 == len(doc):
        return True
    return doc[i + 1].text[0] in _AFTER_CLOSING or doc[i + 1].text in QUOTE_MARKS


def _role(doc: Doc, token: Token, opening: frozenset[str], closing: frozenset[str]) -> str:
    """'open', 'close' or '' for one quotation mark, from its shape and the spaces around it."""
    text = token.text
    before, after = _space_before(doc, token.i), _space_after(doc, token.i)
    if text in opening:
        return "open" if not after else ""
    if text in closing:
        return "close" if not before or after else ""
    if before and not after:
        return "open"
    if after and not before:
        return "close"
    return ""


def _pairs(
    doc: Doc,
    marks: frozenset[str],
    opening: frozenset[str],
    closing: frozenset[str],
    run_to_end: bool,
) -> list[tuple[int, int]]:
    """Token index pairs (open, close) of one kind of quotation mark, both inclusive."""
    found: list[tuple[int, int]] = []
    open_at: int | None = None
    first_mark = True
    # Read from the Doc's lower-case words, a Token made only for a mark: marks have no case,
    # so a word is a mark exactly when its lower-case form is.
    for i, word in enumerate(lower_words(doc)):
        if word not in marks:
            continue
        token = doc[i]
        if token.tag_ == "POS":
            continue
        role = _role(doc, token, opening, closing)
        if role == "close" and open_at is None and first_mark and run_to_end:
            # A closing mark before any opening one ends a quote begun before this text (a
            # paragraph or sentence cut out of a longer quotation).
            found.append((0, token.i))
        first_mark = False
        if role == "open" and open_at is None:
            open_at = token.i
        elif role == "close" and open_at is not None:
            found.append((open_at, token.i))
            open_at = None
        elif role == "" and token.text in DOUBLE_EITHER:
            # A straight double quote between two words: toggle, as writers mean it to.
            if open_at is None:
                open_at = token.i
            else:
                found.append((open_at, token.i))
                open_at = None
    if open_at is not None and run_to_end:
        found.append((open_at, len(doc) - 1))
    return found


def quoted_token_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges (start, end exclusive) of quoted text, quotation marks included. Found once
    per Doc and kept on it: a detector and the confidence features both ask."""
    known = doc.user_data.get(_RANGES_KEY)
    if known is None:
        pairs = _pairs(doc, DOUBLE_MARKS, DOUBLE_OPEN, DOUBLE_CLOSE, run_to_end=True)
        pairs += _pairs(doc, SINGLE_MARKS, SINGLE_OPEN, SINGLE_CLOSE, run_to_end=False)
        known = tuple(sorted((start, end + 1) for start, end in pairs))
        doc.user_data[_RANGES_KEY] = known
    return list(known)


def quoted_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges (start, end exclusive) of quoted text in `doc`, quotation marks included."""
    return [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for s, e in quoted_token_ranges(doc)]


def quoted_tokens(doc: Doc) -> list[bool]:
    """For each token of `doc`, whether it lies inside quotation marks (the marks count too)."""
    inside = [False] * len(doc)
    for start, end in quoted_token_ranges(doc):
        for i in range(start, end):
            inside[i] = True
    return inside
