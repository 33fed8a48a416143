"""One sentence as the speculation rules read it: its tokens' lemmas, verbs and modals (from the
tagger, or guessed from word shapes without one), subjects, and clauses.

There is no parser: the main clause is told by scanning back from a cue to the nearest clause
boundary for a subordinating word ("a plan that could fail", "if he wants to").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from caveat.analysis.layers.speculation.lexicon import SpeculationLexicon
from caveat.analysis.shared import tags
from caveat.analysis.shared.phrases import PhraseLists
from caveat.analysis.shared.quotes import QUOTE_MARKS
from caveat.analysis.shared.subjects import subject_before
from caveat.analysis.shared.words import lower_lemmas, lower_words
from caveat.analysis.shared.years import is_year

#: the endings the fallback takes off a word to find a verb the lexicon knows: (ending, added)
ENDINGS = (
    ("ies", "y"),
    ("ing", ""),
    ("ing", "e"),
    ("ed", ""),
    ("ed", "e"),
    ("es", ""),
    ("s", ""),
    ("d", ""),
)
#: how many auxiliaries and adverbs may stand between a subject and its verb
SUBJECT_GAP = 5


class SentenceReader:
    """Reads one sentence; `quoted` marks the Doc's tokens inside quotation marks."""

    def __init__(
        self,
        sent: Span,
        lex: SpeculationLexicon,
        phrases: PhraseLists,
        quoted: list[bool],
        tagged: bool,
    ) -> None:
        self.sent, self.doc, self.lex, self.phrases = sent, sent.doc, lex, phrases
        self.quoted, self.tagged = quoted, tagged
        self.lows = lower_words(self.doc)  # by Doc token index, shared with the other layers
        self.lemmas = lower_lemmas(self.doc) if tagged else None

    def lemma(self, tok: Token) -> str:
        return self.lemma_at(tok.i)

    def lemma_at(self, i: int) -> str:
        """The lemma of the Doc's token i, or without a tagger the word with a common ending
        taken off when that gives a word the lexicon knows."""
        if self.lemmas is not None:
            return self.lemmas[i]
        lower = self.lows[i]
        for ending, added in ENDINGS:
            if lower.endswith(ending) and lower[: -len(ending)] + added in self.lex.known_lemmas:
                return lower[: -len(ending)] + added
        return lower

    def is_verb(self, tok: Token) -> bool:
        if self.tagged:
            return tok.tag_.startswith("VB")
        prev = self.doc[tok.i - 1].lower_ if tok.i > self.sent.start else ""
        return tok.is_alpha and prev not in self.lex.determiners

    def is_be(self, tok: Token) -> bool:
        if self.tagged and tok.tag_ == "POS":
            return False  # "AARP's apparent reversal": a possessive, not "is"
        return self.lemma(tok) == "be" or tok.lower_ in self.lex.be_forms

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

    def words(self, start: int, end: int) -> str:
        return self.doc[start:end].text

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
        word = subject_before(
            tok,
            self.sent,
            lambda t: t.lower_ in self.lex.skippable or t.tag_ in {"RB", "MD"},
            SUBJECT_GAP,
        )
        if word is None:
            return None
        if self.tagged:
            nominal = word.tag_ in tags.SUBJECT
        else:
            nominal = word.is_alpha and word.lower_ not in self.lex.determiners
        return word if nominal else None

    def subject_text(self, head: Token) -> str:
        """The subject's words for a message: "Vladimir Putin", "the Russian government"."""
        start = head.i
        while (
            start - 1 >= self.sent.start
            and head.i - start < 4
            and self.doc[start - 1].tag_ in tags.SUBJECT_WORDS
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
        return proper_ok and (subject.tag_ in tags.NAME or (not self.tagged and subject.is_title))

    def is_author_or_reader(self, subject: Token | None) -> bool:
        return subject is not None and subject.lower_ in self.lex.first_and_second_person

    def in_subordinate_clause(
        self, tok: Token, openers: frozenset[str], complement_that: bool = True
    ) -> bool:
        """Whether `tok` sits in a clause opened by one of `openers` or a relative pronoun before
        the nearest clause boundary, in a relative clause without "that" ("the teachers it will
        hire"), or with `complement_that` in a "that" clause after a verb or noun ("pointed out
        that it may", "his promise that he would"). After "is" or an adjective ("the risk is
        that", "it is clear that") the clause carries the main claim, and so it does after a
        verb of inference with no person as its subject ("the deal means that", "that shows
        how"). A clause right after a verb of believing or saying ("officials are hoping they
        will win") is that verb's subject's view."""
        if self.holds_view(tok):
            return True
        for i in range(tok.i - 1, self.sent.start - 1, -1):
            word = self.doc[i]
            if word.lower_ in self.lex.boundaries:
                break
            if word.lower_ in self.lex.inference_openers and self.draws_inference(word):
                continue  # the conclusion is as main as the clause of "means" or "shows"
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
            and noun.tag_ in tags.COMMON_NOUN
            and noun.lower_ not in self.lex.time_nouns
        )

    def draws_inference(self, opener: Token) -> bool:
        """ "means that", "shows how", "easy to see why": the writer concludes, from a thing or
        a fact, what the clause says; "he explained why" reports a person."""
        verb = self.token(opener.i - 1)
        if verb is None or not self.is_verb(verb):
            return False
        if self.lemma(verb) not in self.lex.inference_verbs:
            return False
        return not self.is_person_subject(self.subject(verb))

    def holds_view(self, tok: Token) -> bool:
        """ "Officials are hoping they will win", "Trump thinks the economy will grow": `tok`'s
        clause follows a verb of believing or saying with no "that", so it is the view of that
        verb's subject; not when the writer holds it ("I think prices will rise")."""
        subject = self.subject(tok)
        if subject is None or not self.tagged:
            return False
        i = subject.i - 1
        while i >= self.sent.start and subject.i - i < 5 and self.doc[i].tag_ in tags.SUBJECT_WORDS:
            i -= 1
        verb = self.token(i)
        if verb is None or not verb.tag_.startswith("VB"):
            return False
        if verb.lower_ not in self.lex.holder_verbs:
            return False
        return not self.is_author_or_reader(self.subject(verb))

    def opens_complement(self, that: Token) -> bool:
        prev = self.token(that.i - 1)
        if prev is None or that.tag_ == "DT":
            return False
        if prev.lower_ in self.lex.belief_adjectives:
            # "his supporters are optimistic that": their view; "I am confident that": mine
            be = self.token(prev.i - 1)
            while be is not None and be.lower_ in self.lex.adverbs_of_degree:
                be = self.token(be.i - 1)
            return be is None or not self.is_author_or_reader(self.subject(be))
        return not (prev.lower_ in self.lex.be_forms or prev.tag_ in tags.ADJECTIVE)

    def in_noun_phrase(self, tok: Token) -> bool:
        """A hedge inside a noun phrase qualifies a description, not the claim: "potentially
        sharp consequences", "another, potentially more serious, clot"."""
        prev, nxt, after = self.token(tok.i - 1), self.token(tok.i + 1), self.token(tok.i + 2)
        if nxt is None or nxt.tag_ not in {"JJ", "JJR", "RBR"}:
            return False
        after_determiner = prev is not None and (prev.tag_ == "DT" or prev.text == ",")
        before_noun = prev is not None and after is not None and after.tag_ in tags.NOUN
        return after_determiner or before_noun  # "Perhaps random snapshots do not ..." opens

    def narrates_past(self, modal: Token) -> bool:
        """Whether the sentence tells of the past ("workers sewed jeans and could earn $20"),
        where "could" is what people were able to do."""
        return any(t.tag_ == "VBD" and not self.quoted[t.i] for t in self.sent if t.i != modal.i)

    def has_date(self) -> bool:
        return any(
            t.lower_ in self.lex.time_words
            or is_year(t.text)
            or (":" in t.text and t.text.replace(":", "").isdigit())
            for t in self.sent
        )

    def phrase_at(self, tok: Token) -> int:
        """Length of the longest guessing phrase ("in all likelihood") at `tok`, or 0."""
        return self.phrases.longest(self.doc, "phrases", tok.i, self.sent.end)

    def is_question(self) -> bool:
        # from the end: the last word is all that counts
        last = next(
            (t for t in reversed(self.sent) if not (t.is_space or t.text in QUOTE_MARKS)), None
        )
        return last is not None and last.text.endswith("?")
