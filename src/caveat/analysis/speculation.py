"""The `speculation` layer: sentences whose main assertion is the author's own conjecture.

A sentence is flagged whole, once, for the strongest reason found in its main clause and in the
author's voice: a theory it puts forward ("One theory is that"), a guessed motive or state of
mind of someone else ("He wants to", "Russia is looking for support"), a prediction stated as
fact ("Demand will double"), or a hedged claim ("Syria could just be a platform"). Words in
quotation marks, questions, and sentences that report a named source are left alone. There is
no parser: the main clause is told by scanning back from a cue to the nearest clause boundary
for a subordinating word ("a plan that could fail", "if he wants to").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from caveat.analysis.attribution import is_attributed
from caveat.analysis.quotes import quoted_tokens
from caveat.analysis.spans import flag
from caveat.analysis.speculation_lexicon import SpeculationLexicon, speculation_lexicon

LAYER = "speculation"
HEDGE_LAYER = "hedge"
NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
# When a sentence has several reasons, the most specific one is reported.
PRIORITY = ("theory", "motive", "prediction", "hedged-claim")
CONFIDENCE = {"theory": 0.9, "motive": 0.75, "prediction": 0.8, "hedged-claim": 0.7}


@dataclass(frozen=True)
class Cue:
    """Why a sentence is speculation: the rule and the reason in plain words."""

    rule: str
    message: str
    confidence: float = -1.0  # left out: the rule's usual confidence (CONFIDENCE)

    def __post_init__(self) -> None:
        if self.confidence < 0:
            object.__setattr__(self, "confidence", CONFIDENCE[self.rule])


class SentenceReader:
    """Looks for speculation cues in one sentence; `tagged` tells whether tags and lemmas exist."""

    def __init__(self, sent: Span, lex: SpeculationLexicon, quoted: list[bool], tagged: bool):
        self.sent, self.doc, self.lex = sent, sent.doc, lex
        self.quoted, self.tagged = quoted, tagged

    # -- token helpers -------------------------------------------------------------------------
    def lemma(self, tok: Token) -> str:
        """The lemma, or without a tagger the word with a common ending taken off when that
        gives a word the lexicon knows."""
        if self.tagged:
            return tok.lemma_.lower()
        lower = tok.lower_
        for ending, added in (
            ("ies", "y"),
            ("ing", ""),
            ("ing", "e"),
            ("ed", ""),
            ("ed", "e"),
            ("es", ""),
            ("s", ""),
            ("d", ""),
        ):
            if lower.endswith(ending) and lower[: -len(ending)] + added in self.lex.known_lemmas:
                return lower[: -len(ending)] + added
        return lower

    def is_verb(self, tok: Token) -> bool:
        if self.tagged:
            return tok.tag_.startswith("VB")
        prev = self.doc[tok.i - 1].lower_ if tok.i > self.sent.start else ""
        return tok.is_alpha and prev not in self.lex.determiners

    def is_modal(self, tok: Token) -> bool:
        if self.tagged:
            return tok.tag_ == "MD"
        if tok.lower_ not in self.lex.all_modals or tok.i + 1 >= self.sent.end:
            return False
        nxt = self.doc[tok.i + 1]
        capitalised_inside = tok.is_title and not tok.is_sent_start  # "in May 2018"
        return self.is_verb(tok) and nxt.is_alpha and not nxt.like_num and not capitalised_inside

    def token(self, i: int) -> Token | None:
        return self.doc[i] if self.sent.start <= i < self.sent.end else None

    def next_verb(self, tok: Token) -> Token | None:
        """The verb a modal governs: the next word that is not an adverb or a negation."""
        for i in range(tok.i + 1, min(tok.i + 4, self.sent.end)):
            word = self.doc[i]
            if word.is_space or word.lower_ in self.lex.modal_skippable or word.tag_ == "RB":
                continue
            return word if word.is_alpha else None
        return None

    def negated(self, modal: Token, verb: Token) -> bool:
        return any(t.lower_ in self.lex.negations for t in self.doc[modal.i + 1 : verb.i])

    def subject(self, tok: Token) -> Token | None:
        """The subject left of a verb, over auxiliaries and adverbs ("he does not want")."""
        for i in range(tok.i - 1, max(self.sent.start, tok.i - 6) - 1, -1):
            word = self.doc[i]
            if word.lower_ in self.lex.skippable or word.tag_ in {"RB", "MD"}:
                continue
            if self.tagged:
                nominal = word.tag_ in self.lex.subject_tags
            else:
                nominal = word.is_alpha and word.lower_ not in self.lex.determiners
            return word if nominal else None
        return None

    def subject_text(self, head: Token) -> str:
        """The subject's words for a message: "Vladimir Putin", "the Russian government"."""
        start = head.i
        while (
            start - 1 >= self.sent.start
            and head.i - start < 4
            and self.doc[start - 1].tag_ in self.lex.noun_phrase_tags
        ):
            start -= 1
        words = self.doc[start : head.i + 1]
        text = words.text
        if words[0].tag_ in {"DT", "PRP", "PRP$"} and words[0].lower_ != "i":
            text = text[0].lower() + text[1:]
        return text

    def is_person_subject(self, subject: Token | None, proper_ok: bool = True) -> bool:
        if subject is None:
            return False
        if subject.lower_ in self.lex.person_pronouns:
            return True
        return proper_ok and (
            subject.tag_ in {"NNP", "NNPS"} or (not self.tagged and subject.is_title)
        )

    def is_author_or_reader(self, subject: Token | None) -> bool:
        return subject is not None and subject.lower_ in self.lex.first_and_second_person

    def in_subordinate_clause(
        self, tok: Token, openers: frozenset[str], complement_that: bool = True
    ) -> bool:
        """Whether `tok` sits in a clause opened by one of `openers` or a relative pronoun before
        the nearest clause boundary, in a relative clause without "that" ("the teachers it will
        hire"), or with `complement_that` in a "that" clause after a verb or noun ("pointed out
        that it may", "his promise that he would"). After "is" or an adjective ("the risk is
        that", "it is clear that") the clause carries the main claim."""
        for i in range(tok.i - 1, self.sent.start - 1, -1):
            word = self.doc[i]
            if word.lower_ in self.lex.boundaries:
                break
            if word.lower_ == "that" and complement_that and self.opens_complement(word):
                return True
            if word.tag_ in {"WDT", "WP", "WP$"} or word.lower_ in openers - {"that"}:
                return True
        before = self.token(tok.i - 1)
        noun = self.token(tok.i - 2)
        return (
            before is not None
            and noun is not None
            and before.tag_ == "PRP"
            and noun.tag_ in {"NN", "NNS"}
            and noun.lower_ not in self.lex.time_nouns
        )

    def opens_complement(self, that: Token) -> bool:
        prev = self.token(that.i - 1)
        if prev is None or that.tag_ == "DT":
            return False
        return not (prev.lower_ in self.lex.be_forms or prev.tag_ in {"JJ", "JJR", "JJS"})

    def words(self, start: int, end: int) -> str:
        return self.doc[start:end].text

    # -- the rules -----------------------------------------------------------------------------
    def theory(self) -> Cue | None:
        """ "One theory is that ...", "My guess is": the sentence opens with a conjecture."""
        content = [t for t in self.sent if not (t.is_punct or t.is_space)][:6]
        for k, tok in enumerate(content):
            if self.lemma(tok) in self.lex.theory_nouns:
                openers_ok = all(
                    w.lower_ in self.lex.theory_openers or w.tag_ in {"JJ", "JJS", "JJR"}
                    for w in content[:k]
                )
                nxt = self.token(tok.i + 1)
                while nxt is not None and nxt.is_space:
                    nxt = self.token(nxt.i + 1)
                verb_next = nxt is not None and (self.is_verb(nxt) or nxt.tag_ == "MD")
                if k and openers_ok and verb_next and not self.quoted[tok.i]:
                    cue = self.words(content[0].i, tok.i + 1)
                    return Cue("theory", f"'{cue}' puts forward a theory as the claim")
            if not (tok.lower_ in self.lex.theory_openers or tok.tag_ in {"JJ", "JJS", "JJR"}):
                break
        return None

    def motive(self, tok: Token) -> Cue | None:
        lemma = self.lemma(tok)
        lex = self.lex
        passive = tok.tag_ == "VBN"  # "it was feared that": nobody in particular feared it
        if lemma in lex.wanting_verbs and self.is_verb(tok) and not passive:
            return self._motive_verb(tok, lemma)
        if lemma in lex.look_verbs and self.is_verb(tok):
            return self._looking_for(tok)
        if tok.lower_ in lex.motive_adjectives and not (self.tagged and tok.tag_.startswith("VB")):
            return self._motive_adjective(tok)
        if lemma in lex.all_motive_nouns:
            return self._motive_noun(tok, lemma)
        if lemma == "be" or tok.lower_ in lex.be_forms:
            return self._really_about(tok)
        return None

    def _motive_verb(self, tok: Token, lemma: str) -> Cue | None:
        lex = self.lex
        if self.in_subordinate_clause(tok, lex.motive_blockers, complement_that=False):
            return None
        nxt, after = self.token(tok.i + 1), self.token(tok.i + 2)
        if lemma in lex.need_to and (nxt is None or nxt.lower_ != "to"):
            return None
        if (
            nxt is not None
            and nxt.lower_ == "to"
            and after
            and after.lower_ in lex.motive_not_before
        ):
            return None
        subject = self.subject(tok)
        if subject is None or self.is_author_or_reader(subject) or subject.lower_ in lex.generic:
            return None
        if lemma in lex.person_only_verbs and not self.is_person_subject(subject):
            return None
        return self._states_what(subject, tok.i + 1)

    def _looking_for(self, tok: Token) -> Cue | None:
        nxt = self.token(tok.i + 1)
        if nxt is None or nxt.lower_ != "for":
            return None
        for i in range(tok.i + 2, min(tok.i + 6, self.sent.end)):
            word = self.doc[i]
            if word.is_punct:
                return None
            if word.lower_ in self.lex.look_for_objects:
                break
        else:
            return None
        subject = self.subject(tok)
        if subject is None or self.is_author_or_reader(subject):
            return None
        return self._states_what(subject, tok.i + 2)

    def _states_what(self, subject: Token, end: int) -> Cue:
        """ "states what Putin wants to ... without a source": the words from the subject on."""
        phrase = self.words(subject.i + 1, end)
        return Cue("motive", f"states what {self.subject_text(subject)} {phrase} without a source")

    def _motive_adjective(self, tok: Token) -> Cue | None:
        be = self.token(tok.i - 1)
        while be is not None and (
            be.tag_ in {"RB", "RBR"} or be.lower_ in self.lex.adverbs_of_degree
        ):
            be = self.token(be.i - 1)
        nxt = self.token(tok.i + 1)
        if be is None or self.lemma(be) != "be" and be.lower_ not in self.lex.be_forms:
            return None
        if nxt is None or nxt.lower_ not in self.lex.motive_adjective_links:
            return None
        subject = self.subject(be)
        if (
            subject is None
            or self.is_author_or_reader(subject)
            or subject.lower_ in self.lex.generic
        ):
            return None
        cue = self.words(be.i, tok.i + 2)
        return Cue("motive", f"'{cue}' asserts a motive or feeling of someone else, with no source")

    def _motive_noun(self, tok: Token, lemma: str) -> Cue | None:
        before = [self.token(tok.i - 1), self.token(tok.i - 2)]
        modified = any(t is not None and t.lower_ in self.lex.noun_modifiers for t in before)
        owned = any(
            t is not None and (t.lower_ in self.lex.possessives or t.tag_ == "POS") for t in before
        )
        if lemma in self.lex.modified_motive_nouns and not modified:
            return None
        nxt = self.token(tok.i + 1)
        if not (modified or owned) or nxt is None or self.lemma(nxt) != "be":
            return None
        start = next(t.i for t in reversed(before) if t is not None)
        cue = self.words(start, tok.i + 1)
        return Cue("motive", f"'{cue}' names a motive without a source")

    def _really_about(self, be: Token) -> Cue | None:
        adverb, about = self.token(be.i + 1), self.token(be.i + 2)
        if adverb is None or about is None or about.lower_ != "about":
            return None
        if adverb.lower_ not in self.lex.about_adverbs:
            return None
        cue = self.words(be.i, be.i + 3)
        return Cue("motive", f"'{cue}' reads a motive into it without a source")

    def prediction(self, tok: Token) -> Cue | None:
        lex = self.lex
        if tok.lower_ in lex.future and self.is_modal(tok):
            verb = self.next_verb(tok)
            cue_end = verb.i + 1 if verb is not None else tok.i + 1
        elif tok.lower_ in lex.future_be:
            be, to, verb = self.token(tok.i - 1), self.token(tok.i + 1), self.token(tok.i + 2)
            if be is None or to is None or verb is None or to.lower_ != "to":
                return None
            if not (self.lemma(be) == "be" or be.lower_ in lex.be_forms):
                return None
            if self.tagged and verb.tag_ != "VB":
                return None
            cue_end = tok.i + 2
        else:
            return None
        if self.in_subordinate_clause(tok, lex.subordinators):
            return None
        if self.is_author_or_reader(self.subject(tok)):
            return None
        if verb is not None and self.lemma(verb) in lex.scheduled and self.has_date():
            return None  # "the trial will begin on Monday": a timetable
        cue = self.words(tok.i, cue_end)
        return Cue("prediction", f"'{cue}' predicts the future as fact")

    def has_date(self) -> bool:
        return any(
            t.lower_ in self.lex.time_words
            or (t.is_digit and t.is_ascii and len(t.text) == 4 and 1900 <= int(t.text) <= 2100)
            or (":" in t.text and t.text.replace(":", "").isdigit())
            for t in self.sent
        )

    def hedged_claim(self, tok: Token, hedged_by_layer: dict[int, str]) -> Cue | None:
        lex = self.lex
        lower = tok.lower_
        cue: str | None = None
        confidence = -1.0  # the rule's usual one, unless the modal is only conditional
        if lower in lex.claim_modals and self.is_modal(tok):
            cue = self._epistemic_modal(tok)
            if lower in lex.conditional_modals:
                confidence = 0.5
        elif self.is_hedging_adverb(tok) or self.is_seem(tok):
            cue = tok.text
        elif self.lemma(tok) in lex.appear_verbs and self.is_verb(tok):
            nxt, prev = self.token(tok.i + 1), self.token(tok.i - 1)
            if (nxt is not None and nxt.lower_ in {"to", "that"}) or (prev and prev.lower_ == "it"):
                cue = tok.text
        elif lower in lex.hedging_adjectives and not (self.tagged and tok.tag_.startswith("RB")):
            cue = self._predicative(tok)
        elif tok.i in hedged_by_layer and not self.is_modal(tok):
            cue = self._hedge_from_layer(tok, hedged_by_layer[tok.i])
        if cue is None or self.in_subordinate_clause(tok, lex.subordinators):
            return None
        return Cue(
            "hedged-claim",
            f"'{cue}' hedges the main claim, and no source is named for it",
            confidence,
        )

    def is_hedging_adverb(self, tok: Token) -> bool:
        return (
            tok.lower_ in self.lex.hedging_adverbs
            and (not self.tagged or tok.tag_.startswith("RB"))
            and not self.in_noun_phrase(tok)
        )

    def in_noun_phrase(self, tok: Token) -> bool:
        """A hedge inside a noun phrase qualifies a description, not the claim: "potentially
        sharp consequences", "another, potentially more serious, clot"."""
        prev, nxt, after = self.token(tok.i - 1), self.token(tok.i + 1), self.token(tok.i + 2)
        if nxt is None or nxt.tag_ not in {"JJ", "JJR", "RBR"}:
            return False
        after_determiner = prev is not None and (prev.tag_ == "DT" or prev.text == ",")
        before_noun = prev is not None and after is not None and after.tag_ in NOUN_TAGS
        return after_determiner or before_noun  # "Perhaps random snapshots do not ..." opens

    def _hedge_from_layer(self, tok: Token, rule: str) -> str | None:
        """A hedge the hedge layer found, when it qualifies the claim rather than a noun: an
        adjective only after "is" ("it is unclear"), never before a noun ("the supposed
        moderate")."""
        if rule.endswith("adjective"):
            prev = self.token(tok.i - 1)
            while prev is not None and prev.lower_ in self.lex.adverbs_of_degree:
                prev = self.token(prev.i - 1)
            linked = prev is not None and (
                self.lemma(prev) == "be" or prev.lower_ in self.lex.be_forms
            )
            return tok.text if linked else None
        return None if self.in_noun_phrase(tok) else tok.text

    def is_seem(self, tok: Token) -> bool:
        # "Seeming to have no connection, ..." opens a description, not a claim.
        return self.lemma(tok) in self.lex.seem_verbs and self.is_verb(tok) and tok.tag_ != "VBG"

    def _epistemic_modal(self, modal: Token) -> str | None:
        lex, lower = self.lex, modal.lower_
        verb = self.next_verb(modal)
        if verb is None:
            return None
        cue = self.words(modal.i, verb.i + 1)
        verb_lemma = self.lemma(verb)
        if lower in lex.conditional_modals:
            # Only the counterfactual "would have done" is a guess; "the bill would raise taxes"
            # describes a proposal, and news is full of those.
            after = self.token(verb.i + 1)
            counterfactual = verb_lemma == "have" and after is not None and after.tag_ == "VBN"
            if not counterfactual or self.is_author_or_reader(self.subject(modal)):
                return None
            return cue
        if lower in lex.must_modals:
            after = self.token(verb.i + 1)
            if verb_lemma == "have" or (
                verb_lemma == "be" and after is not None and after.tag_ in {"JJ", "VBG", "RB"}
            ):
                return cue
            return None
        subject = self.subject(modal)
        if lower == "may" and self.is_author_or_reader(subject):
            return None  # "you may leave": permission
        # "may be", "could have been": a possibility about what is or was. "have" + a noun is
        # possession ("vaults may have enchantments") and reads like any other verb.
        after = self.token(verb.i + 1)
        perfect = verb_lemma == "have" and after is not None and after.tag_ == "VBN"
        stative = verb_lemma == "be" or perfect
        if lower == "may" and not stative and self.is_generic(subject):
            return None  # "severe cases may require ventilation": what can happen, not a guess
        # "could not find", "could swim": ability, often in the past. Decided here even when the
        # hedge layer flags the modal: a sentence about someone's abilities is not a conjecture.
        negated = self.negated(modal, verb)
        if lower == "could" and negated and self.narrates_past(modal):
            return None  # "cartridges could not be used": what was impossible then
        ability = negated or verb_lemma in lex.ability_verbs or self.narrates_past(modal)
        if lower == "could" and not stative and ability:
            return None
        return cue

    def is_generic(self, subject: Token | None) -> bool:
        """A subject that stands for a kind ("plastids", "a trader", "any group of members")."""
        if subject is None or subject.tag_ not in {"NN", "NNS"}:
            return False
        start = subject.i
        while start - 1 >= self.sent.start and self.doc[start - 1].tag_ in {"JJ", "NN", "NNS"}:
            start -= 1
        first = self.doc[start - 1] if start > self.sent.start else None
        if first is not None and first.lower_ in self.lex.generic_determiners:
            return True
        bare = first is None or first.tag_ not in {"DT", "PRP$", "POS", "CD"}
        return subject.tag_ == "NNS" and bare

    def narrates_past(self, modal: Token) -> bool:
        """Whether the sentence tells of the past ("workers sewed jeans and could earn $20"),
        where "could" is what people were able to do."""
        return any(t.tag_ == "VBD" and not self.quoted[t.i] for t in self.sent if t.i != modal.i)

    def _predicative(self, adjective: Token) -> str | None:
        """ "prices are likely to rise", "it is possible that"."""
        be, nxt = self.token(adjective.i - 1), self.token(adjective.i + 1)
        while be is not None and be.lower_ in self.lex.adverbs_of_degree:
            be = self.token(be.i - 1)
        if be is None or nxt is None or nxt.lower_ not in {"to", "that"}:
            return None
        if nxt.lower_ == "to" and adjective.lower_ in self.lex.ability_adjectives:
            return None  # "it is possible to prevent": what can be done
        if not (self.lemma(be) == "be" or be.lower_ in self.lex.be_forms):
            return None
        if self.is_author_or_reader(self.subject(be)):
            return None
        return self.words(be.i, adjective.i + 2)

    def phrase(self, tok: Token) -> Cue | None:
        for words in self.lex.phrases.get(tok.lower_, ()):
            end = tok.i + len(words)
            if end <= self.sent.end and all(
                self.doc[tok.i + k].lower_ == w for k, w in enumerate(words)
            ):
                nxt = self.token(end)
                if words[-1] in self.lex.ability_adjectives and nxt and nxt.lower_ == "to":
                    return None
                cue = self.words(tok.i, end)
                return Cue("hedged-claim", f"'{cue}' marks the claim as the author's guess")
        return None

    def is_question(self) -> bool:
        ends = [t for t in self.sent if not (t.is_space or t.text in self.lex.quote_marks)]
        return bool(ends) and ends[-1].text.endswith("?")

    def strongest_cue(self, hedged_by_layer: dict[int, str]) -> Cue | None:
        """The most specific reason this sentence is the author's speculation, if any."""
        if self.is_question():
            return None
        found: dict[str, Cue] = {}
        theory = self.theory()
        if theory is not None:
            return theory
        for tok in self.sent:
            # Most words can start no rule: one set lookup skips them.
            if self.quoted[tok.i] or tok.is_punct or tok.is_space:
                continue
            starts = tok.lower_ in self.lex.triggers or self.lemma(tok) in self.lex.triggers
            if not starts and tok.i not in hedged_by_layer:
                continue
            for rule, cue in (
                ("motive", self.motive(tok)),
                ("prediction", self.prediction(tok)),
                ("hedged-claim", self.hedged_claim(tok, hedged_by_layer) or self.phrase(tok)),
            ):
                if cue is not None and rule not in found:
                    found[rule] = cue
        for rule in PRIORITY:
            if rule in found:
                return found[rule]
        return None


class SpeculationDetector:
    """Flags whole sentences that state the author's conjecture as the claim."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.lex = speculation_lexicon(nlp.tokenizer)

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[LAYER] = []
        if not len(doc):
            return doc
        tagged = doc.has_annotation("TAG")
        quoted = quoted_tokens(doc)
        hedged_by_layer = {
            span.start: span.label_
            for span in doc.spans.get(HEDGE_LAYER, [])
            if span.label_ in self.lex.hedge_rules
        }
        for sent in doc.sents:
            words = [t for t in sent if not t.is_space]
            if not words or all(quoted[t.i] for t in words):
                continue
            cue = SentenceReader(sent, self.lex, quoted, tagged).strongest_cue(hedged_by_layer)
            if cue is None or is_attributed(sent):
                continue
            flag(doc, LAYER, words[0].i, words[-1].i + 1, cue.rule, cue.message, cue.confidence)
        return doc


@Language.factory("caveat_speculation")
def make_speculation_detector(nlp: Language, name: str) -> SpeculationDetector:
    return SpeculationDetector(nlp, name)
