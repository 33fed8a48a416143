"""Each token's lower-case form, tag and lemma, looked up once per Doc and kept on it.

Every detector reads the words, tags and lemmas of every sentence, and each `Token.lower_`,
`tag_` or `lemma_` is a lookup in the string store (a Python object for the token, then the
string): the hedge scan, the figure finder, the speculation reader and the attribution finders
each paid for it on the same tokens. A rule that only needs to know whether a word is listed
reads these lists and makes a Token only for the few words that are.
"""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "caveat_token_strings"  # doc.user_data: {which: list}, once per Doc


def _known(doc: Doc, which: str) -> list[str] | None:
    found = doc.user_data.get(_KEY, {}).get(which)
    return found if found is not None and len(found) == len(doc) else None


def _keep(doc: Doc, which: str, found: list[str]) -> list[str]:
    doc.user_data.setdefault(_KEY, {})[which] = found
    return found


# (Each list is built by a comprehension of its own: a function called per token costs more
# than the lookups it saves.)
def lower_words(doc: Doc) -> list[str]:
    """`token.lower_` of each token of `doc`, by token index (do not change the list)."""
    return _known(doc, "lower") or _keep(doc, "lower", [t.lower_ for t in doc])


def token_tags(doc: Doc) -> list[str]:
    """`token.tag_` of each token ("" without a tagger), by token index."""
    return _known(doc, "tag") or _keep(doc, "tag", [t.tag_ for t in doc])


def lower_lemmas(doc: Doc) -> list[str]:
    """`token.lemma_.lower()` of each token ("" without a lemmatizer), by token index."""
    return _known(doc, "lemma") or _keep(doc, "lemma", [t.lemma_.lower() for t in doc])
