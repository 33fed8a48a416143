"""Where each hedge rule can return a hit, so that a word tries only the rules that can fire on
it instead of all of them.

A rule returns a hit at word i only when word i is in one of the lexicon's word sets that rule
reads at i, its lemma is a hedging verb of a kind the rule handles, or a phrase of one of the
rule's phrase lists starts at (or next to) i: "40 or so" is found from the figure, one word
before the phrase; "in some cases" from "some", one word after "in". Those conditions, read off
each rule's code, are written down in STARTS; a rule they leave out at a word would return None
there, so trying only the rules they allow, in the order of RULES, keeps the same first hit.

It matters because the words that may start a rule include the commonest words of English:
"the", "to", "in", "a", "on" and "as" begin listed phrases. On 100,000 words of news they were
13,000 of the 25,600 words that reached the rules, and each tried all fourteen; a listed phrase
begins at few of them, and elsewhere they now try none (hedge: 0.42 -> 0.27 s of CPU).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Doc

from caveat.analysis.layers.hedge.adjectives import hedging_adjective
from caveat.analysis.layers.hedge.adverbs import hearsay_adverb, hedging_adverb
from caveat.analysis.layers.hedge.agentless_passive import agentless_passive
from caveat.analysis.layers.hedge.approximator import approximate_duration, approximator
from caveat.analysis.layers.hedge.lexicon import HedgeLexicon
from caveat.analysis.layers.hedge.modals import conditional_modal, epistemic_modal, inferred_modal
from caveat.analysis.layers.hedge.nouns import hedging_noun
from caveat.analysis.layers.hedge.scan import Hit, SentenceScan
from caveat.analysis.layers.hedge.unnamed_source import unnamed_source
from caveat.analysis.layers.hedge.vague_quantity import vague_quantity
from caveat.analysis.layers.hedge.verbs import first_person_belief, hedging_verb
from caveat.analysis.shared.phrases import PhraseLists

Rule = Callable[[SentenceScan, int], Hit | None]


@dataclass(frozen=True)
class Start:
    """What word i must be for a rule to return a hit there (any one condition will do)."""

    words: tuple[str, ...] = ()  # HedgeLexicon word sets holding the word
    modal_kinds: frozenset[str] = frozenset()  # a modal of one of these kinds
    verb_kinds: frozenset[str] = frozenset()  # its lemma a hedging verb of one of these kinds
    any_verb: bool = False  # its lemma a hedging verb of any kind
    phrases: tuple[tuple[str, int], ...] = ()  # (phrase list, start of the phrase from i)


#: "about 3,800", "about evenly", "up to $5 million", "40 or so" (the phrase after the figure)
_APPROXIMATION = Start(
    words=("split_approximators", "approx_words"),
    phrases=(("approx_phrases", 0), ("approx_after", 1)),
)

STARTS: dict[Rule, Start] = {
    approximator: _APPROXIMATION,
    approximate_duration: _APPROXIMATION,
    unnamed_source: Start(
        words=("quantifiers", "groups"),
        phrases=(("quantifier_phrases", 0), ("unnamed_phrases", 0), ("attribution_openers", 0)),
    ),
    agentless_passive: Start(
        words=("belief_participles", "judgement_participles", "hearsay_participles")
    ),
    epistemic_modal: Start(modal_kinds=frozenset({"always", "could"})),
    conditional_modal: Start(modal_kinds=frozenset({"would"})),
    inferred_modal: Start(modal_kinds=frozenset({"must"})),
    hearsay_adverb: Start(words=("hearsay_adverbs",)),
    hedging_adverb: Start(words=("hedging_adverbs",), phrases=(("adverb_phrases", 0),)),
    hedging_adjective: Start(
        words=("hedging_adjectives", "attributive_adjectives", "unknown_words")
    ),
    hedging_noun: Start(words=("hedging_nouns",)),
    hedging_verb: Start(any_verb=True),
    first_person_belief: Start(verb_kinds=frozenset({"belief", "clause"})),
    # "in some cases": the phrase starts one word before the quantity it is found from
    vague_quantity: Start(
        words=("vague_quantifiers",), phrases=(("vague_phrases", 0), ("reach_phrases", -1))
    ),
}


class RuleStarts:
    """STARTS compiled for one lexicon: which rules each word, lemma or phrase may start, as a
    bit set over the rules (bit k is rules[k], so reading the bits in order keeps the order)."""

    def __init__(self, lex: HedgeLexicon, rules: Iterable[Rule]) -> None:
        self.rules = tuple(rules)
        self.by_word: dict[str, int] = {}
        self.by_lemma: dict[str, int] = {}
        by_phrase: dict[tuple[str, int], int] = {}  # (phrase list, its start from i) -> rules
        for k, rule in enumerate(self.rules):
            start, bit = STARTS[rule], 1 << k
            words = {w for name in start.words for w in getattr(lex, name)}
            words |= {w for w, kind in lex.modals.items() if kind in start.modal_kinds}
            for word in words:
                self.by_word[word] = self.by_word.get(word, 0) | bit
            for lemma, kind in lex.verb_kinds.items():
                if start.any_verb or kind in start.verb_kinds:
                    self.by_lemma[lemma] = self.by_lemma.get(lemma, 0) | bit
            for name, offset in start.phrases:
                by_phrase[name, offset] = by_phrase.get((name, offset), 0) | bit
        self.by_phrase = tuple((name, offset, bits) for (name, offset), bits in by_phrase.items())
        self._in_order: dict[int, tuple[Rule, ...]] = {}

    def phrase_starts(self, phrases: PhraseLists, doc: Doc) -> dict[int, int]:
        """Token index in `doc` -> the rules a listed phrase there may start, from the
        PhraseMatcher's one pass over the Doc (the rules still check the sentence's end)."""
        matches = phrases.matches(doc)
        found: dict[int, int] = {}
        for name, offset, bits in self.by_phrase:
            for start in matches.get(name, {}):  # a list with no phrases has no matches
                found[start - offset] = found.get(start - offset, 0) | bits
        return found

    def in_order(self, bits: int) -> tuple[Rule, ...]:
        """The rules of the bit set `bits`, in the order they are tried."""
        rules = self._in_order.get(bits)
        if rules is None:
            rules = tuple(rule for k, rule in enumerate(self.rules) if bits >> k & 1)
            self._in_order[bits] = rules
        return rules
