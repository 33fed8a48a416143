"""The sources of a Doc's sentences, found when first asked for and kept on the Doc.

Attribution is the dearest thing the detectors look for, and most sentences never need it: the
number layer asks only about sentences holding a figure and their neighbours, the confidence
features only about flagged sentences and their neighbours, `caveat eval --level attribution`
about every sentence. One memo per Doc serves all three, so each sentence's sources are found
at most once and every caller sees the same. The sources are those of `attribution_spans` with
a named person's stance counted (the number layer's sense, which the confidence features share).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from caveat.analysis.shared.attribution import attribution_spans
from caveat.analysis.shared.attribution.citations import BRACKETS, citation_spans
from caveat.analysis.shared.attribution.lexicon import attribution_lexicon
from caveat.analysis.shared.words import lower_words

_KEY = "caveat_sources"  # doc.user_data: the Doc's DocSources
CITATION = "citation"  # the label of citation markers, the one evidence that crosses sentences


@dataclass
class SentenceSources:
    """What attribution one sentence holds."""

    found: list[Span]  # evidence of a source (a named person's stance included)
    rejected: list[Span] = field(default_factory=list)  # would-be sources that name no one


class DocSources:
    """Each sentence's SentenceSources, found on first use; and the Doc's citation markers."""

    def __init__(self, doc: Doc) -> None:
        self.sents = list(doc.sents)
        self.starts = [sent.start for sent in self.sents]
        self._known: dict[int, SentenceSources] = {}
        self._citations: list[Span] | None = None

    @classmethod
    def of(cls, doc: Doc) -> DocSources:
        known = doc.user_data.get(_KEY)
        if not isinstance(known, DocSources):
            known = doc.user_data[_KEY] = cls(doc)
        return known

    def sentence(self, k: int) -> SentenceSources:
        """The sources of sentence k."""
        if k not in self._known:
            rejected: list[Span] = []
            found = attribution_spans(self.sents[k], stance=True, rejected=rejected)
            self._known[k] = SentenceSources(found, rejected)
        return self._known[k]

    def found(self, k: int) -> list[Span]:
        return self.sentence(k).found

    def everywhere(self) -> list[Span]:
        """Every sentence's sources, in order (what `caveat eval --level attribution` scores)."""
        return [span for k in range(len(self.sents)) for span in self.found(k)]

    def citations(self) -> list[Span]:
        """The citation markers of every sentence: exactly the `citation` spans among their
        sources. A marker needs a bracket, so only a paragraph holding one is searched."""
        if self._citations is None:
            self._citations = []
            words = lower_words(self.sents[0].doc) if self.sents else []
            if not BRACKETS.isdisjoint(words):
                lex = attribution_lexicon()
                for sent in self.sents:
                    lower = words[sent.start : sent.end]
                    self._citations.extend(citation_spans(sent, lex, lower))
        return self._citations

    def starts_in(self, k: int) -> bool:
        """Whether evidence found in any sentence begins in sentence k. Only a citation marker
        can begin outside the sentence that found it (one split by the sentence splitter,
        "4% [" | "3]."); every other kind of evidence lies inside its sentence."""
        if any(span.label_ != CITATION for span in self.found(k)):
            return True
        return any(self._sentence_of(span.start) == k for span in self.citations())

    def _sentence_of(self, token: int) -> int:
        return bisect_right(self.starts, token) - 1
