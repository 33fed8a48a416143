"""The words the reader added to a layer (words.toml), flagged by a component that runs after
every detector, under the common rule `your-word`."""

from __future__ import annotations

import time
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from caveat import reader_words
from caveat.analysis.pipeline.spans import flag
from caveat.rules import get_rule

RULE = "your-word"
FACTORY = "caveat_added_words"


class AddedWordsFlagger:
    """Re-reads words.toml when it changes (checked at most once a second), so edits apply
    without restarting the window."""

    def __init__(self, nlp: Language, name: str, path: Path | None = None) -> None:
        self.nlp, self.name, self.path = nlp, name, path
        self.rule = get_rule(RULE)
        self.matchers: dict[str, PhraseMatcher] = {}
        self.problem: str | None = None
        self._stamp: float | None = None
        self._checked = 0.0

    def _refresh(self) -> None:
        now = time.monotonic()
        if now - self._checked < 1.0:
            return
        self._checked = now
        path = self.path or reader_words.words_file()
        try:
            stamp = path.stat().st_mtime
        except OSError:
            stamp = None
        if stamp == self._stamp and (self.matchers or stamp is None):
            return
        self._stamp = stamp
        added, self.problem = reader_words.load_added_words(path)
        self.matchers = {}
        for layer, words in added.items():
            matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
            matcher.add(layer, [self.nlp.make_doc(w) for w in words])
            self.matchers[layer] = matcher

    def __call__(self, doc: Doc) -> Doc:
        self._refresh()
        for layer, matcher in self.matchers.items():
            if layer not in doc.spans:
                continue  # that layer's detector is switched off for this run
            taken = {(s.start, s.end) for s in doc.spans[layer]}
            for _match_id, start, end in matcher(doc):
                if (start, end) not in taken:
                    flag(doc, layer, start, end, self.rule, layer=layer)
        return doc


@Language.factory(FACTORY, assigns=["doc.spans"])
def make_added_words_flagger(nlp: Language, name: str) -> AddedWordsFlagger:
    return AddedWordsFlagger(nlp, name)
