"""Reading the hedge layer's lexicon (resources/lexicons/hedge.toml, or a plugin's) into a
HedgeLexicon, once per lexicon."""

from __future__ import annotations

from functools import cache
from typing import Any

from caveat.analysis.layers.hedge.lexicon import HedgeLexicon, Phrases
from caveat.analysis.shared.inflection import forms_to_lemmas
from caveat.resources import load_lexicon


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
