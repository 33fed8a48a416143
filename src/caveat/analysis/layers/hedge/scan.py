"""One sentence as the hedge rules see it: lower-case words, tags and lemmas by position, and
the questions several rules ask of them. Positions are sentence-relative; without a tagger (the
rule-based fallback) every tag is "" and lemmas come from the lexicon's verb forms."""

from __future__ import annotations

from spacy.tokens import Span, Token

from caveat.analysis.layers.hedge.lexicon import HedgeLexicon
from caveat.analysis.shared import tags
from caveat.analysis.shared.phrases import PhraseLists
from caveat.analysis.shared.subjects import subject_before
from caveat.analysis.shared.words import lower_lemmas, lower_words, token_tags

Hit = tuple[int, int, str, str]  # start token, end token, rule id, figure (approximators only)


class SentenceScan:
    def __init__(self, lex: HedgeLexicon, phrases: PhraseLists, sent: Span, tagged: bool) -> None:
        self.lex, self.phrases, self.sent, self.tagged = lex, phrases, sent, tagged
        doc, start, end = sent.doc, sent.start, sent.end
        self.doc, self.end = doc, end  # asked at most words: kept rather than asked of the Span
        self.lows = lower_words(doc)[start:end]
        self.tags = token_tags(doc)[start:end] if tagged else [""] * len(sent)
        if tagged:
            lemmas = lower_lemmas(doc)[start:end]
            self.lemmas = [lemma or low for lemma, low in zip(lemmas, self.lows, strict=True)]
        else:
            self.lemmas = [lex.verb_forms.get(w, w) for w in self.lows]
        self.base = sent.start

    def low(self, i: int) -> str:
        return self.lows[i] if 0 <= i < len(self.lows) else ""

    def tok(self, i: int) -> Token | None:
        return self.sent[i] if 0 <= i < len(self.lows) else None

    def tag(self, i: int) -> str:
        return self.tags[i] if 0 <= i < len(self.tags) else ""

    def lemma(self, i: int) -> str:
        """The lemma from the tagger, or the lexicon's guess from the word form without one."""
        return self.lemmas[i] if 0 <= i < len(self.lemmas) else ""

    def phrase_at(self, i: int, phrases: str) -> int:
        """Length of the longest phrase of the list `phrases` at token i, or 0."""
        if not 0 <= i < len(self.lows):
            return 0
        return self.phrases.longest(self.doc, phrases, self.base + i, self.end)

    def phrase_anywhere(self, phrases: str) -> bool:
        return self.phrases.anywhere(self.sent.doc, phrases, self.sent.start, self.sent.end)

    def span(self, start: int, end: int, rule: str, figure: str = "") -> Hit:
        return (self.base + start, self.base + end, rule, figure)

    def is_verb(self, i: int) -> bool:
        return self.tag(i) in tags.VERB if self.tagged else True

    def is_number(self, i: int) -> bool:
        token = self.sent[i]
        return token.like_num and not token.is_alpha or token.lower_ in self.lex.number_words

    def is_unnamed(self, k: int) -> bool:
        """'some', 'many', 'critics': a group that names no one."""
        return self.low(k) in self.lex.quantifiers or self.low(k) in self.lex.groups

    def next_verb(self, i: int) -> int:
        """Index of the first word after a modal that is not a negation, adverb or 'be'."""
        j = i + 1
        while (
            self.low(j) in self.lex.negations
            or self.low(j) in self.lex.modal_skip
            or self.tag(j) == "RB"
        ):
            j += 1
        return j

    def subject_before(self, i: int) -> tuple[str, set[str]]:
        """The word before verb i that could be its subject ("" if none), and the words
        passed over on the way ("I really don't think")."""
        lex = self.lex
        subject = subject_before(
            self.sent[i],
            self.sent,
            lambda t: (
                t.lower_ in lex.subject_skip
                or t.lower_ in lex.negations
                or (self.tagged and t.tag_ in {"RB", "MD"})
            ),
            reach=3,
        )
        if subject is None:
            return "", set()
        return subject.lower_, {t.lower_ for t in self.sent.doc[subject.i + 1 : self.base + i]}
