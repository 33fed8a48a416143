"""The `hedge` layer's spaCy component: words that soften or blur a claim.

Epistemic modals, hedging adverbs, adjectives, nouns and verbs, approximators before figures,
and weasel phrases that hide who holds a belief ("some say", "it is thought"). The words are
data (the layer's lexicon); each rule's module holds the contexts that tell "May 2018" from
"may", "talk about the war" from "about 3,800" and "she could swim as a child" from "it could
rain". Without a tagger (the rule-based fallback) the same rules run on word shapes alone.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from caveat.analysis.layers.hedge.adjectives import hedging_adjective
from caveat.analysis.layers.hedge.adverbs import hearsay_adverb, hedging_adverb
from caveat.analysis.layers.hedge.agentless_passive import agentless_passive
from caveat.analysis.layers.hedge.approximator import approximate_duration, approximator
from caveat.analysis.layers.hedge.lexicon_reader import hedge_lexicon
from caveat.analysis.layers.hedge.modals import conditional_modal, epistemic_modal, inferred_modal
from caveat.analysis.layers.hedge.nouns import hedging_noun
from caveat.analysis.layers.hedge.scan import Hit, SentenceScan
from caveat.analysis.layers.hedge.starts import RuleStarts
from caveat.analysis.layers.hedge.unnamed_source import unnamed_source
from caveat.analysis.layers.hedge.vague_quantity import vague_quantity
from caveat.analysis.layers.hedge.verbs import first_person_belief, hedging_verb
from caveat.analysis.pipeline.spans import flag
from caveat.analysis.shared.phrases import PhraseLists
from caveat.rules import rule_book, shown_at

#: The rules in the order they are tried at each word, most specific first: the first to claim
#: a word keeps it. Each word tries only those that can fire on it (starts.py).
RULES: tuple[Callable[[SentenceScan, int], Hit | None], ...] = (
    approximator,
    approximate_duration,  # thorough only: the words no other rule takes (see _hits)
    unnamed_source,
    agentless_passive,
    epistemic_modal,
    conditional_modal,
    inferred_modal,
    hearsay_adverb,
    hedging_adverb,
    hedging_adjective,
    hedging_noun,
    hedging_verb,
    first_person_belief,
    vague_quantity,  # thorough only: last, so it never takes a word from another rule
)


class HedgeDetector:
    """Flags hedges sentence by sentence; a word inside a flagged span starts no other, except
    that a span shown only at `thorough` ("many of his works") keeps no word from the rules
    shown at every level, so the balanced findings are the same with or without it."""

    def __init__(self, nlp: Language, name: str, spans_key: str, lexicon: str) -> None:
        self.name, self.spans_key = name, spans_key
        self.lex = hedge_lexicon(lexicon)
        self.rules = rule_book(spans_key, lexicon)
        self.phrases = PhraseLists(nlp.vocab, self.lex.phrase_lists())
        self.starts = RuleStarts(self.lex, RULES)

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[self.spans_key] = []
        tagged = doc.has_annotation("TAG")
        sentences = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
        phrase_starts = self.starts.phrase_starts(self.phrases, doc)
        for sentence in sentences:
            taken = -1  # last token index already inside a span shown at balanced
            taken_thorough = -1  # ... inside any span
            for start, end, rule, figure in self._hits(
                SentenceScan(self.lex, self.phrases, sentence, tagged), phrase_starts
            ):
                balanced = shown_at(self.rules[rule].level)
                if start <= (taken if balanced else max(taken, taken_thorough)):
                    continue
                flag(doc, self.spans_key, start, end, self.rules[rule], figure=figure)
                if balanced:
                    taken = end - 1
                taken_thorough = max(taken_thorough, end - 1)
        return doc

    def _hits(self, scan: SentenceScan, phrase_starts: dict[int, int]) -> list[Hit]:
        """The first hit of the rules at each word of the sentence; `phrase_starts` holds the
        rules the Doc's listed phrases may start (RuleStarts.phrase_starts)."""
        triggers, verbs = self.lex.triggers, self.lex.verb_kinds
        by_word, by_lemma, base = self.starts.by_word, self.starts.by_lemma, scan.base
        found: list[Hit] = []
        for i, word in enumerate(scan.lows):
            # Most words start no rule: a set lookup keeps the scan cheap on long articles.
            if word in triggers or scan.lemmas[i] in verbs or word[:1].isdigit():
                # Of those, "the" or "in" can start a rule only where a listed phrase begins:
                # each word tries just the rules that can fire on it, still in RULES order.
                rules = by_word.get(word, 0) | by_lemma.get(scan.lemmas[i], 0)
                for rule in self.starts.in_order(rules | phrase_starts.get(base + i, 0)):
                    hit = rule(scan, i)
                    if hit:
                        found.append(hit)
                        break
        return found


@Language.factory(
    "caveat_hedge",
    assigns=["doc.spans"],
    default_config={"spans_key": "hedge", "lexicon": "hedge"},
)
def make_hedge_detector(nlp: Language, name: str, spans_key: str, lexicon: str) -> HedgeDetector:
    return HedgeDetector(nlp, name, spans_key, lexicon)
