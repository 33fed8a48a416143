"""Each token's lower-case form, looked up once per Doc and kept on it.

Every detector reads the lower-case words of every sentence, and `Token.lower_` is a lookup in
the string store each time it is asked (a Python object for the token, then the string): the
hedge scan, the figure finder and the attribution finders each paid for it on the same tokens.
"""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "caveat_lower_words"  # doc.user_data: the list, once per Doc


def lower_words(doc: Doc) -> list[str]:
    """`token.lower_` of each token of `doc`, by token index (do not change the list)."""
    known = doc.user_data.get(_KEY)
    if known is None or len(known) != len(doc):
        known = doc.user_data[_KEY] = [t.lower_ for t in doc]
    return known
