"""Lemmas from a cache, instead of the model's attribute ruler and lemmatizer on every token.

Those two components cost 3.2 s per 100,000 words of news, more than half of what the tagger
itself costs, though the detectors only read `tag_` and `lemma_`. A word with a given tag has one
lemma almost always (the model's few multi-token rules aside), so each (word, tag) pair is
lemmatised once, by the model's own two components on a one-word Doc, and remembered for the
life of the process.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

FACTORY = "caveat_lemmas"
MAX_ENTRIES = 500_000  # about 60 MB at most; news has some 15,000 pairs per 100,000 words


class CachedLemmatizer:
    def __init__(self, nlp: Language, name: str) -> None:
        self.vocab = nlp.vocab
        self.name = name
        self.components: list[Callable[[Doc], Doc]] = []
        self.cache: dict[tuple[int, int], int] = {}

    def use(self, *components: Callable[[Doc], Doc]) -> None:
        """The model's attribute ruler and lemmatizer, taken out of the pipeline."""
        self.components = list(components)

    def _learn(self, missing: dict[tuple[int, int], tuple[str, str]]) -> None:
        """Lemmatise the unseen pairs in one go: one Doc of them all, separated by full stops
        so that the model's two-word rules cannot join neighbours."""
        words, tags = [], []
        for text, tag in missing.values():
            words += [text, "."]
            tags += [tag, "."]
        doc = Doc(self.vocab, words=words, tags=tags)
        for component in self.components:
            doc = component(doc)
        if len(self.cache) + len(missing) > MAX_ENTRIES:
            self.cache.clear()
        for i, key in enumerate(missing):
            self.cache[key] = doc[2 * i].lemma

    def __call__(self, doc: Doc) -> Doc:
        if not self.components:
            return doc
        cache = self.cache
        missing = {(t.orth, t.tag): (t.text, t.tag_) for t in doc if (t.orth, t.tag) not in cache}
        if missing:
            self._learn(missing)
        for token in doc:
            token.lemma = cache[token.orth, token.tag]
        return doc


@Language.factory(FACTORY)
def make_cached_lemmatizer(nlp: Language, name: str) -> CachedLemmatizer:
    return CachedLemmatizer(nlp, name)
