"""The `hedge` layer: words that soften or blur a claim, as a spaCy component.

Epistemic modals, hedging adverbs, adjectives, nouns and verbs, approximators before figures,
and weasel phrases that hide who holds a belief ("some say", "it is thought"). The words are
data (resources/lexicons/hedge.toml); this module holds the contexts that tell "May 2018" from
"may", "talk about the war" from "about 3,800" and "she could swim as a child" from "it could
rain". Without a tagger (the rule-based fallback) the same rules run on word shapes alone.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from caveat.analysis.hedge_lexicon import HedgeLexicon, Phrases, hedge_lexicon
from caveat.analysis.spans import flag

LAYER = "hedge"
VERB_TAGS = {"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"}
NOUN_TAGS = {"NN", "NNS"}
NAME_TAGS = {"NNP", "NNPS"}
GROUP_MODIFIER_TAGS = {"JJ", "JJR", "NN", "NNP"}  # may stand between "some" and "critics"
Hit = tuple[int, int, str, str]  # start token, end token, rule id, figure (approximators only)


class HedgeDetector:
    """Flags hedges sentence by sentence; the first rule to claim a token keeps it."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.lex: HedgeLexicon = hedge_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[LAYER] = []
        scan = _SentenceScan(self.lex, doc.has_annotation("TAG"))
        sentences = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
        for sentence in sentences:
            taken = -1  # last token index already inside a flagged span
            for hit in scan.hits(sentence):
                start, end, rule, figure = hit
                if start <= taken:
                    continue
                text = doc[start:end].text
                message = self.lex.messages[rule].format(text=text, figure=figure)
                flag(doc, LAYER, start, end, rule, message)
                taken = end - 1
        return doc


class _SentenceScan:
    """The rules, applied token by token within one sentence."""

    def __init__(self, lex: HedgeLexicon, tagged: bool) -> None:
        self.lex = lex
        self.tagged = tagged

    # -- small views of the sentence -------------------------------------------------------
    def hits(self, sent: Span) -> list[Hit]:
        self.sent = sent
        self.lows = [t.lower_ for t in sent]
        self.tags = [t.tag_ for t in sent] if self.tagged else [""] * len(sent)
        if self.tagged:
            self.lemmas = [t.lemma_.lower() or t.lower_ for t in sent]
        else:
            self.lemmas = [self.lex.verb_forms.get(w, w) for w in self.lows]
        self.base = sent.start
        triggers, verbs = self.lex.triggers, self.lex.verb_kinds
        found: list[Hit] = []
        for i, word in enumerate(self.lows):
            # Most words start no rule: a set lookup keeps the scan cheap on long articles.
            if word in triggers or self.lemmas[i] in verbs or word[:1].isdigit():
                hit = self._match(i)
                if hit:
                    found.append(hit)
        return found

    def low(self, i: int) -> str:
        return self.lows[i] if 0 <= i < len(self.lows) else ""

    def tok(self, i: int) -> Token | None:
        return self.sent[i] if 0 <= i < len(self.lows) else None

    def tag(self, i: int) -> str:
        return self.tags[i] if 0 <= i < len(self.tags) else ""

    def lemma(self, i: int) -> str:
        """The lemma from the tagger, or the lexicon's guess from the word form without one."""
        return self.lemmas[i] if 0 <= i < len(self.lemmas) else ""

    def phrase_at(self, i: int, phrases: Phrases) -> int:
        """Length of the longest phrase starting at token i, or 0."""
        for phrase in phrases.get(self.low(i), ()):
            if tuple(self.lows[i : i + len(phrase)]) == phrase:
                return len(phrase)
        return 0

    def span(self, start: int, end: int, rule: str, figure: str = "") -> Hit:
        return (self.base + start, self.base + end, rule, figure)

    def is_verb(self, i: int) -> bool:
        return self.tag(i) in VERB_TAGS if self.tagged else True

    # -- the rules, most specific first ------------------------------------------------------
    def _match(self, i: int) -> Hit | None:
        for rule in (
            self._approximator,
            self._weasel_group,
            self._agentless_passive,
            self._modal,
            self._adverb,
            self._adjective,
            self._noun,
            self._verb,
        ):
            hit = rule(i)
            if hit:
                return hit
        return None

    def _approximator(self, i: int) -> Hit | None:
        lex, word = self.lex, self.low(i)
        size = self.phrase_at(i, lex.approx_phrases) or (1 if word in lex.approx_words else 0)
        if size:
            figure = self._figure_at(i + size)
            if figure and not (word in lex.until_before_year and self._is_year(figure)):
                return self.span(i, i + size, "approximator", figure)
        if self.tok(i) is not None and self._is_number(i) and i > 0:
            after = self.phrase_at(i + 1, lex.approx_after)
            if after:
                return self.span(i + 1, i + 1 + after, "approximator", self.sent[i].text)
        return None

    def _figure_at(self, j: int) -> str:
        """The figure starting at token j (after "a", "$" and the like), or ""."""
        start = j
        while self.low(j) in self.lex.figure_gap:
            j += 1
        if self.tok(j) is None or not (self._is_number(j) or self.low(j) in self.lex.figure_words):
            return ""
        end = j + 1
        while self.low(end) in self.lex.figure_words or self.low(end) in self.lex.figure_units:
            end += 1
        return self.sent[start:end].text

    def _is_number(self, i: int) -> bool:
        token = self.sent[i]
        return token.like_num and not token.is_alpha or token.lower_ in self.lex.number_words

    @staticmethod
    def _is_year(text: str) -> bool:
        return text.isascii() and text.isdigit() and len(text) == 4 and 1000 <= int(text) <= 2199

    def _weasel_group(self, i: int) -> Hit | None:
        lex, word = self.lex, self.low(i)
        size = self.phrase_at(i, lex.quantifier_phrases) or (1 if word in lex.quantifiers else 0)
        if size:
            j = after = i + size
            # "some of his critics", "many of these scholars": part of a group that speaks.
            narrowed = word in lex.pronoun_quantifiers and self.low(j) in lex.partitive
            if narrowed:
                j += 2 if self.low(j + 1) in lex.group_possessors else 1
            # "some Gore supporters", "many nutrition experts": up to two words before the group.
            for _ in range(2):
                if self.low(j) in lex.groups or self.tag(j) not in GROUP_MODIFIER_TAGS:
                    break
                narrowed = narrowed or self.tag(j) in {"NN", "NNP"}
                j += 1
            group = self.low(j)
            if group in lex.groups and not (narrowed and group in lex.modified_not_groups):
                return self.span(i, j + 1, "unnamed-source")
            alone = size == 1 and word in lex.pronoun_quantifiers
            verb = self._says_next(after) if alone else 0
            if verb:
                # "Some say" as one span; in "Some may be wondering" the modal is its own hedge.
                return self.span(i, verb + 1 if verb == after else i + 1, "unnamed-source")
        if word in lex.groups and not self._named_before(i):
            verb = self._says_next(i + 1)
            if verb:
                return self.span(i, verb + 1, "unnamed-source")
        size = self.phrase_at(i, lex.unnamed_phrases)
        if size:
            return self.span(i, i + size, "unnamed-source")
        opener = self.phrase_at(i, lex.attribution_openers)
        if opener and self._is_unnamed(i + opener):
            return self.span(i, i + opener + 1, "unnamed-source")
        return None

    def _says_next(self, j: int) -> int:
        """Index of a saying or believing verb at j (after auxiliaries), or 0."""
        for k in range(j, j + 4):
            if self.tok(k) is None:
                return 0
            if self.lemma(k) in self.lex.say_lemmas and self.is_verb(k):
                return k
            if self.low(k) in self.lex.say_lemmas and self.low(k + 1) in self.lex.complements:
                return k  # "Some claim that ...": the tagger often reads "claim" as a noun
            if self.low(k) not in self.lex.aux_between:
                return 0
        return 0

    def _is_unnamed(self, k: int) -> bool:
        """'some', 'many', 'critics': a group that names no one."""
        return self.low(k) in self.lex.quantifiers or self.low(k) in self.lex.groups

    def _named_before(self, i: int) -> bool:
        """A name, a possessive or a number right before a group noun names it."""
        prev = self.tok(i - 1)
        if prev is None:
            return False
        if self.tagged:
            return prev.tag_ in NAME_TAGS or prev.tag_ in {"POS", "CD", "PRP$"}
        return prev.is_title and i - 1 > 0

    def _agentless_passive(self, i: int) -> Hit | None:
        lex, word = self.lex, self.low(i)
        by_unnamed = self.low(i + 1) in lex.agent_markers and self._is_unnamed(i + 2)
        if by_unnamed and (word in lex.belief_participles or word in lex.judgement_participles):
            # "credited by many", "seen by some as": the holders are named only as a crowd.
            return self.span(i, i + 3, "agentless-passive")
        if self._reduced_hearsay(i):
            return self.span(i, i + 1, "agentless-passive")
        if word not in lex.belief_participles or (self.tagged and self.tag(i) not in {"VBN"}):
            return None
        start = i
        while self.low(start - 1) in lex.generalizers:
            start -= 1
        general = start < i
        j = start - 1
        while self.tag(j) == "RB" or self.low(j) in lex.negations:
            j -= 1
        after_be = self.low(j) in lex.be_forms
        impersonal = after_be and self.low(j - 1) in lex.impersonal_it
        if not (general or after_be):
            return None
        nxt = self.low(i + 1)
        if nxt in lex.agent_markers and not self._is_unnamed(i + 2):
            return None
        if word in lex.needs_generalizer and not general:
            return None
        # "widely praised", "often credited with": the adverb already makes the view a crowd's.
        loose = general and word not in lex.literal_participles
        if word in lex.needs_complement and not (impersonal or loose or nxt in lex.complements):
            return None
        return self.span(start, i + 1, "agentless-passive")

    def _reduced_hearsay(self, i: int) -> bool:
        """'a ship, said to be the oldest': a hearsay participle without 'is' before it."""
        if self.low(i) not in self.lex.hearsay_participles:
            return False
        if self.low(i + 1) not in self.lex.infinitive_marker:
            return False
        # After a comma or a noun, not a subject: "she said to be careful" is an order.
        after_noun = self.low(i - 1) == "," or self.tag(i - 1) in NOUN_TAGS | NAME_TAGS
        return self.low(i + 2) in self.lex.modal_auxiliaries and (
            self.tag(i) == "VBN" or after_noun
        )

    def _modal(self, i: int) -> Hit | None:
        lex, word = self.lex, self.low(i)
        if word not in lex.modals:
            return None
        if self.tagged and self.tag(i) != "MD" or self._is_month(i) or self._is_request(i):
            return None
        kind = lex.modals[word]
        if kind == "could" and self._is_ability(i):
            return None
        if kind == "would" and self._is_reported_or_wish(i):
            return None
        if kind == "must":
            return self.span(i, i + 1, "inferred-modal") if self._is_inference(i) else None
        rule = "conditional-modal" if kind == "would" else "epistemic-modal"
        return self.span(i, i + 1, rule)

    def _is_month(self, i: int) -> bool:
        token = self.sent[i]
        if token.text != "May":
            return False
        nxt = self.tok(i + 1)
        before = self.low(i - 1)
        return (nxt is not None and nxt.is_digit) or before in self.lex.month_preceders or i > 0
        # A capital "May" inside a sentence is the month; at its start, only before a date.

    def _is_request(self, i: int) -> bool:
        """'May I ...?', 'Could you ...?': permission or a request, not a hedge."""
        if any(not self.sent[k].is_punct for k in range(i)):
            return False
        if self.low(i + 1) not in self.lex.request_subjects:
            return False
        return self.low(i) in self.lex.permission_modals or "?" in self.lows

    def _next_verb(self, i: int) -> int:
        """Index of the first word after a modal that is not a negation, adverb or 'be'."""
        j = i + 1
        while (
            self.low(j) in self.lex.negations
            or self.low(j) in self.lex.modal_skip
            or self.tag(j) == "RB"
        ):
            j += 1
        return j

    def _is_ability(self, i: int) -> bool:
        lex = self.lex
        if any(self.phrase_at(k, lex.past_time_markers) for k in range(len(self.lows))):
            return True
        j = self._next_verb(i)
        if self.lemma(j) in lex.perception_verbs:
            return True
        negated = any(self.low(k) in self.lex.negations for k in range(i + 1, j))
        if not negated or self.low(j) in lex.modal_auxiliaries:
            return False
        # "could not repair it" in a past narrative is inability, not doubt.
        past = self.tagged and any(t.tag_ == "VBD" for t in self.sent)
        return past or self.lemma(j) in lex.inability_verbs

    def _is_reported_or_wish(self, i: int) -> bool:
        lex = self.lex
        if (
            self.low(self._next_verb(i)) in lex.would_not_before
            or self.low(i + 1) in lex.would_not_before
        ):
            return True
        return any(self.low(k) in lex.reporting_verbs for k in range(max(0, i - 6), i))

    def _is_inference(self, i: int) -> bool:
        """'must have been', 'must be mad': an inference; 'must be done' is an obligation."""
        j = i + 1
        while self.low(j) in self.lex.negations or self.tag(j) == "RB":
            j += 1
        after = self.tok(j + 1)
        if after is None:
            return False
        if self.low(j) in self.lex.perfect_auxiliaries:
            return after.tag_ == "VBN" if self.tagged else after.lower_ in self.lex.been
        if self.low(j) in self.lex.copulas:
            if self.tagged:
                return after.tag_ not in {"VBN", "VBG", "TO"}
            return not after.lower_.endswith("ed")
        return False

    def _adverb(self, i: int) -> Hit | None:
        lex, word = self.lex, self.low(i)
        if word in lex.hearsay_adverbs:
            return self.span(i, i + 1, "hearsay-adverb")
        as_adjective = self.tag(i).startswith("JJ") and word in lex.hedging_adjectives
        if word in lex.hedging_adverbs and not as_adjective and self.tag(i) not in NAME_TAGS:
            return self.span(i, i + 1, "hedging-adverb")
        size = self.phrase_at(i, lex.adverb_phrases)
        if size and not (word in lex.noun_like_hedges and self._in_noun_phrase(i)):
            return self.span(i, i + size, "hedging-adverb")
        return None

    def _in_noun_phrase(self, i: int) -> bool:
        """'a kind of tree', 'the sort of thing': a noun, not the hedge 'kind of'."""
        if self.tag(i) in NOUN_TAGS:
            return True
        return self.low(i - 1) in self.lex.determiners or self.tag(i - 1) in {"JJ", "DT"}

    def _adjective(self, i: int) -> Hit | None:
        lex, word = self.lex, self.low(i)
        if self.tagged and self.tag(i) in NAME_TAGS:
            return None
        if word in lex.hedging_adjectives:
            if word in lex.feasible_words and self._is_feasibility(i):
                return None
            return self.span(i, i + 1, "hedging-adjective")
        if word in lex.attributive_adjectives and self._is_attributive(i):
            return self.span(i, i + 1, "hedging-adjective")
        if word in lex.unknown_words and self.low(i + 1) in lex.unknown_followers:
            start = i - 1 if self.low(i - 1) in self.lex.negations else i
            if start < i or word in lex.open_question_alone:
                return self.span(start, i + 1, "hedging-adjective")
        return None

    def _is_feasibility(self, i: int) -> bool:
        """'as soon as possible', 'the best possible', 'possible to', 'made possible'."""
        lex = self.lex
        made = self.lemma(i - 1) in lex.feasible_makers or self.lemma(i - 2) in lex.feasible_makers
        return (
            self.low(i - 1) in lex.possible_not_after
            or self.tag(i - 1) == "JJS"
            or self.low(i + 1) in lex.feasible_before
            or made
        )

    def _is_attributive(self, i: int) -> bool:
        nxt = self.tok(i + 1)
        if nxt is None:
            return False
        if self.tagged:
            return self.tag(i) == "JJ" and nxt.tag_ in NOUN_TAGS | {"JJ", "NNP"}
        return nxt.is_alpha and nxt.lower_ not in self.lex.function_words

    def _noun(self, i: int) -> Hit | None:
        if self.low(i) in self.lex.hedging_nouns and self.tag(i) not in VERB_TAGS:
            return self.span(i, i + 1, "hedging-noun")
        return None

    def _verb(self, i: int) -> Hit | None:
        lex = self.lex
        lemma = self.lemma(i)
        if lemma not in lex.verb_kinds or not self.is_verb(i):
            return None
        kind = lex.verb_kinds[lemma]
        nxt = self.low(i + 1)
        if kind == "always":
            return self.span(i, i + 1, "hedging-verb")
        if kind == "appear":
            nxt_tag = self.tag(i + 1)
            if (
                nxt in lex.appear_followers
                or nxt_tag in {"JJ", "JJR"}
                or (nxt in lex.as_words and self.low(i + 2) in lex.as_if)
            ):
                return self.span(i, i + 1, "hedging-verb")
            return None
        if kind == "indicate":
            if self.low(i - 1) in lex.as_words or nxt in lex.agent_markers:
                return None
            return self.span(i, i + 1, "hedging-verb")
        return self._belief(i, kind, nxt)

    def _belief(self, i: int, kind: str, nxt: str) -> Hit | None:
        """'I think', 'we propose that': the writer's own belief; 'he thinks' is reported."""
        lex = self.lex
        if nxt in lex.belief_not_before or self.tag(i) == "VBN":
            return None
        if kind == "clause" and nxt not in lex.clause_openers:
            return None
        subject, between = self._subject_before(i)
        if between & lex.astonishment_modals:
            return None
        if subject in lex.generic_people and between & lex.hypothetical_modals:
            return self.span(i, i + 1, "hedging-verb")
        if subject in lex.first_person:
            return self.span(i, i + 1, "first-person-belief")
        if subject in lex.impersonal_subjects:
            return self.span(i, i + 1, "hedging-verb")
        return None

    def _subject_before(self, i: int) -> tuple[str, set[str]]:
        """The nearest word before a verb that could be its subject, and the words skipped."""
        skipped: set[str] = set()
        for k in range(i - 1, max(-1, i - 5), -1):
            word = self.low(k)
            if (
                word in self.lex.subject_skip
                or word in self.lex.negations
                or self.tag(k)
                in {
                    "RB",
                    "MD",
                }
            ):
                skipped.add(word)
                continue
            return word, skipped
        return "", skipped


@Language.factory("caveat_hedge")
def make_hedge_detector(nlp: Language, name: str) -> HedgeDetector:
    return HedgeDetector(nlp, name)
