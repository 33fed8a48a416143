"""Phrase lists matched with spaCy's PhraseMatcher, on lower-case words.

A rule asks "which listed phrases start at this token and end inside this sentence?"; the
matcher answers for a whole Doc in one pass, and the answers are kept for the last Doc seen, so
rules that ask sentence by sentence share that pass.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

Words = tuple[str, ...]


class PhraseLists:
    """Named lists of phrases, each phrase a sequence of words as the tokenizer splits them."""

    def __init__(self, vocab: Vocab, lists: Mapping[str, Iterable[Words]]) -> None:
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        self.names: dict[int, str] = {}
        for name, phrases in lists.items():
            patterns = [Doc(vocab, words=[w.lower() for w in words]) for words in phrases if words]
            if patterns:
                self.matcher.add(name, patterns)
                self.names[vocab.strings[name]] = name
        self._doc: Doc | None = None
        self._ends: dict[str, dict[int, list[int]]] = {}
        self._starts: dict[str, list[int]] = {}

    def _matches(self, doc: Doc) -> dict[str, dict[int, list[int]]]:
        """Per list, token index -> end indices of the phrases starting there, longest first."""
        if doc is not self._doc:
            ends: dict[str, dict[int, list[int]]] = {name: {} for name in self.names.values()}
            for match_id, start, end in self.matcher(doc):
                ends[self.names[match_id]].setdefault(start, []).append(end)
            for by_start in ends.values():
                for found in by_start.values():
                    found.sort(reverse=True)
            self._doc, self._ends = doc, ends
            self._starts = {name: sorted(by_start) for name, by_start in ends.items()}
        return self._ends

    def matches(self, doc: Doc) -> Mapping[str, Mapping[int, list[int]]]:
        """Per list, token index -> ends of the phrases starting there, longest first, over the
        whole Doc (phrases may cross its sentences' ends). Kept for the Doc: do not change it."""
        return self._matches(doc)

    def starts(self, doc: Doc, name: str, start: int, limit: int) -> Iterator[int]:
        """Token indices in [start, limit) where a phrase of `name` starts, in order."""
        self._matches(doc)
        found = self._starts[name]
        for k in range(bisect_left(found, start), len(found)):
            if found[k] >= limit:
                return
            yield found[k]

    def ends_at(self, doc: Doc, name: str, start: int, limit: int) -> list[int]:
        """Ends of the phrases of list `name` that start at token `start` and end by `limit`
        (exclusive token index: the sentence end), longest first."""
        ends = self._matches(doc)[name].get(start)
        return [end for end in ends if end <= limit] if ends else []

    def longest(self, doc: Doc, name: str, start: int, limit: int) -> int:
        """Length of the longest phrase of `name` at `start` ending by `limit`, or 0."""
        # Asked at most words of a long article (hedge rules ask several lists at each), so
        # the Doc's matches are read directly and the first end that fits is taken.
        ends = (self._ends if doc is self._doc else self._matches(doc))[name].get(start)
        if ends:
            for end in ends:  # longest first
                if end <= limit:
                    return end - start
        return 0

    def anywhere(self, doc: Doc, name: str, start: int, limit: int) -> bool:
        """Whether any phrase of `name` lies wholly within tokens [start, limit)."""
        ends = self._matches(doc)[name]
        return any(ends[s][-1] <= limit for s in self.starts(doc, name, start, limit))


def split_by_tokenizer(tokenizer: Callable[[str], Doc], phrases: Iterable[str]) -> list[Words]:
    """Phrases written as text, split the way the tokenizer splits text ("it's" -> it, 's)."""
    return [tuple(t.lower_ for t in tokenizer(phrase)) for phrase in phrases]
