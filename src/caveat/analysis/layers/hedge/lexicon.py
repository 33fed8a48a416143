"""The hedge layer's word lists (resources/lexicons/hedge.toml) as sets, built once; its
phrase lists are matched with spaCy's PhraseMatcher (shared/phrases.py)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from caveat.analysis.shared.inflection import forms_to_lemmas
from caveat.analysis.shared.phrases import Words
from caveat.resources import load_lexicon

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
    vague_starts: frozenset[str] = frozenset()  # every word that can start a vague quantity

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
        starts = self.vague_quantifiers | {p[0] for p in self.vague_phrases}
        starts |= {p[1] for p in self.reach_phrases}  # "in some cases" is found from "some"
        object.__setattr__(self, "vague_starts", frozenset(starts))

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


def _words(values: list[str]) -> frozenset[str]:
    return frozenset(v.lower() for v in values)


def _phrases(values: list[list[str]]) -> Phrases:
    return tuple(tuple(w.lower() for w in value) for value in values)


def _kinds(table: dict[str, Any]) -> dict[str, str]:
    return {key: value for key, value in table.items() if isinstance(value, str)}


@cache
def hedge_lexicon(lexicon: str = "hedge") -> HedgeLexicon:
    data = load_lexicon(lexicon)
    mod, adv, adj, verbs = data["modals"], data["adverbs"], data["adjectives"], data["verbs"]
    approx, weasel, ctx = data["approximators"], data["weasel"], data["context"]
    verb_kinds = _kinds(verbs)
    lemmas = [
        *verb_kinds,
        *weasel["say_lemmas"],
        *mod["perception_verbs"],
        *mod["inability_verbs"],
        *mod["willingness_verbs"],
        *mod["permission_verbs"],
    ]
    irregular = ctx["irregular_forms"]
    forms = forms_to_lemmas(lemmas, irregular)
    return HedgeLexicon(
        modals=_kinds(mod),
        request_subjects=_words(mod["request_subjects"]),
        modal_skip=_words(mod["modal_skip"]),
        perception_verbs=_words(mod["perception_verbs"]),
        inability_verbs=_words(mod["inability_verbs"]),
        past_time_markers=_phrases(mod["past_time_markers"]),
        past_year_openers=_words(mod["past_year_openers"]),
        willingness_verbs=_words(mod["willingness_verbs"]),
        willingness_particles=dict(mod["willingness_particles"]),
        permission_verbs=_words(mod["permission_verbs"]),
        permission_subjects=_words(mod["permission_subjects"]),
        reporting_verbs=_words(mod["reporting_verbs"]),
        report_reach=mod["report_reach"],
        report_boundaries=_words(mod["report_boundaries"]),
        would_coordinators=_words(mod["would_coordinators"]),
        aside_marks=dict(mod["aside_marks"]),
        provision_nouns=_words(mod["provision_nouns"]),
        provision_relatives=_words(mod["provision_relatives"]),
        provision_openers=_words(mod["provision_openers"]),
        would_not_before=_words(mod["would_not_before"]),
        month_preceders=_words(mod["month_preceders"]),
        hedging_adverbs=_words(adv["hedging"]),
        hearsay_adverbs=_words(adv["hearsay"]),
        adverb_phrases=_phrases(adv["phrases"]),
        noun_like_hedges=_words(adv["noun_like"]),
        determiners=_words(adv["determiners"]),
        hedging_adjectives=_words(adj["hedging"]),
        attributive_adjectives=_words(adj["attributive"]),
        possible_not_after=_words(adj["possible_not_after"]),
        unknown_words=_words(adj["unknown_words"]),
        unknown_followers=_words(adj["unknown_followers"]),
        function_words=_words(adj["function_words"]),
        hedging_nouns=_words(data["nouns"]["hedging"]),
        verb_kinds=verb_kinds,
        appear_followers=_words(verbs["appear_followers"]),
        belief_not_before=_words(verbs["belief_not_before"]),
        belief_answers=_words(verbs["belief_answers"]),
        clause_openers=_words(verbs["clause_openers"]),
        first_person=_words(verbs["first_person"]),
        generic_people=_words(verbs["generic_people"]),
        hypothetical_modals=_words(verbs["hypothetical_modals"]),
        astonishment_modals=_words(verbs["astonishment_modals"]),
        impersonal_subjects=_words(verbs["impersonal_subjects"]),
        subject_skip=_words(verbs["subject_skip"]),
        verb_forms=forms,
        approx_words=_words(approx["single"]),
        approx_phrases=_phrases(approx["phrases"]),
        approx_after=_phrases(approx["after_figure"]),
        figure_words=_words(approx["figure_words"]),
        split_words=_words(approx["split_words"]),
        split_approximators=_words(approx["split_approximators"]),
        number_words=_words(approx["number_words"]),
        figure_gap=_words(approx["figure_gap"]),
        figure_joins=_words(approx["figure_joins"]),
        duration_units=_words(approx["duration_units"]),
        quantifiers=_words(weasel["quantifiers"]),
        quantifier_phrases=_phrases(weasel["quantifier_phrases"]),
        pronoun_quantifiers=_words(weasel["pronoun_quantifiers"]),
        groups=_words(weasel["groups"]),
        partitive=_words(weasel["partitive"]),
        group_possessors=_words(weasel["group_possessors"]),
        unnamed_phrases=_phrases(weasel["unnamed_phrases"]),
        judgement_participles=_words(weasel["judgement_participles"]),
        hearsay_participles=_words(weasel["hearsay_participles"]),
        infinitive_marker=_words(weasel["infinitive_marker"]),
        needs_generalizer=_words(weasel["needs_generalizer"]),
        literal_participles=_words(weasel["literal_participles"]),
        modified_not_groups=_words(weasel["modified_not_groups"]),
        groups_needing_view=_words(weasel["groups_needing_view"]),
        say_lemmas=_words(weasel["say_lemmas"]),
        crowd_say_lemmas=_words(weasel["crowd_say_lemmas"]),
        measured_shares=_words(weasel["measured_shares"]),
        superlative_quantifiers=_words(weasel["superlative_quantifiers"]),
        clause_conjunctions=_words(weasel["clause_conjunctions"]),
        aux_between=_words(weasel["aux_between"]),
        belief_participles=_words(weasel["belief_participles"]),
        needs_complement=_words(weasel["needs_complement"]),
        be_forms=_words(weasel["be_forms"]),
        generalizers=_words(weasel["generalizers"]),
        complements=_words(weasel["complements"]),
        negations=_words(ctx["negations"]),
        until_before_year=_words(ctx["until_before_year"]),
        figure_units=_words(ctx["figure_units"]),
        share_wholes=_words(weasel["share_wholes"]),
        attribution_openers=_phrases(ctx["attribution_openers"]),
        impersonal_it=_words(ctx["impersonal_it"]),
        agent_markers=_words(ctx["agent_markers"]),
        permission_modals=_words(ctx["permission_modals"]),
        modal_auxiliaries=_words(ctx["modal_auxiliaries"]),
        perfect_auxiliaries=_words(ctx["perfect_auxiliaries"]),
        copulas=_words(ctx["copulas"]),
        been=_words(ctx["past_participle_of_be"]),
        feasible_before=_words(ctx["feasible_before"]),
        feasible_makers=_words(ctx["feasible_makers"]),
        feasible_words=_words(ctx["feasible_words"]),
        clause_ends=_words(ctx["clause_ends"]),
        feasible_for=_words(ctx["feasible_for"]),
        open_question_alone=_words(ctx["open_question_alone"]),
        as_words=_words(ctx["as_words"]),
        as_if=_words(ctx["as_if"]),
        articles=_words(ctx["articles"]),
        polling_terms={k: _words(v) for k, v in ctx["polling_terms"].items()},
        poll_comparable=_words(ctx["poll_comparable"]),
        poll_comparatives=_words(ctx["poll_comparatives"]),
        poll_answers=_words(ctx["poll_answers"]),
        vague_quantifiers=_words(data["vague"]["quantifiers"]),
        vague_phrases=_phrases(data["vague"]["phrases"]),
        reach_phrases=_phrases(data["vague"]["reach_phrases"]),
        vague_not_nouns=_words(data["vague"]["not_nouns"]),
        vague_pronouns=_words(data["vague"]["pronouns"]),
    )
