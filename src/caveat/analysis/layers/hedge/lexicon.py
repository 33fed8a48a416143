"""The hedge layer's word lists as sets (read from resources/lexicons/hedge.toml by
lexicon_reader.py); its phrase lists are matched with spaCy's PhraseMatcher (shared/phrases.py)."""

from __future__ import annotations

from dataclasses import dataclass

from caveat.analysis.shared.phrases import Words

Phrases = tuple[Words, ...]


@dataclass(frozen=True)
class HedgeLexicon:
    modals: dict[str, str]  # word -> "always" | "could" | "would" | "must"
    request_subjects: frozenset[str]
    modal_skip: frozenset[str]
    perception_verbs: frozenset[str]
    inability_verbs: frozenset[str]
    past_time_markers: Phrases
    past_year_openers: frozenset[str]
    willingness_verbs: frozenset[str]
    willingness_particles: dict[str, str]  # verb -> the particle it needs ("live" -> "with")
    permission_verbs: frozenset[str]
    permission_subjects: frozenset[str]
    reporting_verbs: frozenset[str]
    report_reach: int
    report_boundaries: frozenset[str]
    would_coordinators: frozenset[str]
    aside_marks: dict[str, str]  # opening mark -> closing mark
    provision_nouns: frozenset[str]
    provision_relatives: frozenset[str]
    provision_openers: frozenset[str]
    would_not_before: frozenset[str]
    month_preceders: frozenset[str]
    hedging_adverbs: frozenset[str]
    hearsay_adverbs: frozenset[str]
    adverb_phrases: Phrases
    noun_like_hedges: frozenset[str]
    determiners: frozenset[str]
    hedging_adjectives: frozenset[str]
    attributive_adjectives: frozenset[str]
    possible_not_after: frozenset[str]
    unknown_words: frozenset[str]
    unknown_followers: frozenset[str]
    function_words: frozenset[str]
    hedging_nouns: frozenset[str]
    verb_kinds: dict[str, str]  # lemma -> "always" | "appear" | "indicate" | "belief" | "clause"
    appear_followers: frozenset[str]
    belief_not_before: frozenset[str]
    belief_answers: frozenset[str]
    clause_openers: frozenset[str]
    first_person: frozenset[str]
    generic_people: frozenset[str]
    hypothetical_modals: frozenset[str]
    astonishment_modals: frozenset[str]
    impersonal_subjects: frozenset[str]
    subject_skip: frozenset[str]
    verb_forms: dict[str, str]  # inflected form -> lemma, for the fallback without a tagger
    approx_words: frozenset[str]
    approx_phrases: Phrases
    approx_after: Phrases
    figure_words: frozenset[str]
    split_words: frozenset[str]
    split_approximators: frozenset[str]
    number_words: frozenset[str]
    figure_gap: frozenset[str]
    figure_joins: frozenset[str]
    duration_units: frozenset[str]
    quantifiers: frozenset[str]
    quantifier_phrases: Phrases
    pronoun_quantifiers: frozenset[str]
    groups: frozenset[str]
    partitive: frozenset[str]
    group_possessors: frozenset[str]
    unnamed_phrases: Phrases
    judgement_participles: frozenset[str]
    hearsay_participles: frozenset[str]
    infinitive_marker: frozenset[str]
    needs_generalizer: frozenset[str]
    literal_participles: frozenset[str]
    modified_not_groups: frozenset[str]
    groups_needing_view: frozenset[str]
    say_lemmas: frozenset[str]
    crowd_say_lemmas: frozenset[str]
    measured_shares: frozenset[str]
    superlative_quantifiers: frozenset[str]
    clause_conjunctions: frozenset[str]
    aux_between: frozenset[str]
    belief_participles: frozenset[str]
    needs_complement: frozenset[str]
    be_forms: frozenset[str]
    generalizers: frozenset[str]
    complements: frozenset[str]
    negations: frozenset[str]
    until_before_year: frozenset[str]
    figure_units: frozenset[str]
    share_wholes: frozenset[str]
    attribution_openers: Phrases
    impersonal_it: frozenset[str]
    agent_markers: frozenset[str]
    permission_modals: frozenset[str]
    modal_auxiliaries: frozenset[str]
    perfect_auxiliaries: frozenset[str]
    copulas: frozenset[str]
    been: frozenset[str]
    feasible_before: frozenset[str]
    feasible_makers: frozenset[str]
    feasible_words: frozenset[str]
    clause_ends: frozenset[str]
    feasible_for: frozenset[str]
    open_question_alone: frozenset[str]
    as_words: frozenset[str]
    as_if: frozenset[str]
    articles: frozenset[str]
    polling_terms: dict[str, frozenset[str]]  # "likely" -> the groups it polls ("voters")
    poll_comparable: frozenset[str]
    poll_comparatives: frozenset[str]
    poll_answers: frozenset[str]
    vague_quantifiers: frozenset[str]
    vague_phrases: Phrases
    reach_phrases: Phrases
    vague_not_nouns: frozenset[str]
    vague_pronouns: frozenset[str]
    triggers: frozenset[str] = frozenset()  # every word that can start a rule

    def __post_init__(self) -> None:
        words: set[str] = set(self.modals) | self.hedging_adverbs | self.hearsay_adverbs
        words |= self.hedging_adjectives | self.attributive_adjectives | self.unknown_words
        words |= self.hedging_nouns | self.approx_words | self.quantifiers | self.groups
        words |= self.pronoun_quantifiers | self.belief_participles | self.generalizers
        words |= self.number_words | set(self.verb_forms)
        words |= self.judgement_participles | self.hearsay_participles | self.vague_quantifiers
        for phrases in (
            self.adverb_phrases,
            self.approx_phrases,
            self.quantifier_phrases,
            self.attribution_openers,
            self.unnamed_phrases,
            self.vague_phrases,
        ):
            words |= {phrase[0] for phrase in phrases}
        object.__setattr__(self, "triggers", frozenset(words))

    def phrase_lists(self) -> dict[str, Phrases]:
        """The phrase lists the rules look up, by name, for the PhraseMatcher."""
        return {
            name: getattr(self, name)
            for name in (
                "past_time_markers",
                "adverb_phrases",
                "approx_phrases",
                "approx_after",
                "quantifier_phrases",
                "unnamed_phrases",
                "attribution_openers",
                "vague_phrases",
                "reach_phrases",
            )
        }
