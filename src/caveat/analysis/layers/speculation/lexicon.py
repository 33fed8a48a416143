"""The speculation layer's word lists (resources/lexicons/speculation.toml) as sets, built once;
its phrases ("in all likelihood", "it's possible") are matched with spaCy's PhraseMatcher."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Doc

from caveat.analysis.shared.inflection import forms_to_lemmas
from caveat.analysis.shared.phrases import Words, split_by_tokenizer
from caveat.resources import load_lexicon


@dataclass(frozen=True)
class SpeculationLexicon:
    future: frozenset[str]
    future_be: frozenset[str]
    conditional_modals: frozenset[str]
    motive_not_before: frozenset[str]
    must_modals: frozenset[str]
    all_modals: frozenset[str]
    ability_verbs: frozenset[str]
    scheduled: frozenset[str]
    planned_acts: frozenset[str]
    occasion_ordinals: frozenset[str]
    occasion_nouns: frozenset[str]
    poll_share_words: frozenset[str]
    belief_adjectives: frozenset[str]
    time_words: frozenset[str]
    seem_verbs: frozenset[str]
    appear_verbs: frozenset[str]
    person_only_verbs: frozenset[str]
    need_to: frozenset[str]
    generic: frozenset[str]
    motive_blockers: frozenset[str]
    look_verbs: frozenset[str]
    look_for_objects: frozenset[str]
    motive_adjectives: frozenset[str]
    motive_adjective_links: frozenset[str]
    modified_motive_nouns: frozenset[str]
    noun_modifiers: frozenset[str]
    possessives: frozenset[str]
    about_adverbs: frozenset[str]
    theory_nouns: frozenset[str]
    theory_openers: frozenset[str]
    hedging_adverbs: frozenset[str]
    hedging_adjectives: frozenset[str]
    ability_adjectives: frozenset[str]
    phrases: tuple[Words, ...]  # split as the tokenizer splits them ("it's" -> it, 's)
    subordinators: frozenset[str]
    boundaries: frozenset[str]
    time_nouns: frozenset[str]
    inference_verbs: frozenset[str]
    inference_openers: frozenset[str]
    holder_verbs: frozenset[str]
    comparative_degrees: frozenset[str]
    first_and_second_person: frozenset[str]
    person_pronouns: frozenset[str]
    skippable: frozenset[str]
    modal_skippable: frozenset[str]
    negations: frozenset[str]
    be_forms: frozenset[str]
    adverbs_of_degree: frozenset[str]
    determiners: frozenset[str]
    generic_determiners: frozenset[str]
    hedge_rules: frozenset[str]
    hedge_modal_rule: str
    hearsay_rule: str
    impersonal_subjects: frozenset[str]
    hearsay_links: frozenset[str]
    hearsay_be: frozenset[str]
    forecast_participles: frozenset[str]
    forecast_be: frozenset[str]
    forecast_links: frozenset[str]
    evidential_adverbs: frozenset[str]
    mind_verbs: frozenset[str]
    being: frozenset[str]
    behaviour_adverbs: frozenset[str]
    ulterior_purposes: frozenset[str]
    advice_verbs: dict[str, str]  # lemma -> the word that must follow it ("" for none)
    advice_need_to: frozenset[str]
    advice_openers: frozenset[str]
    claim_modals: frozenset[str]  # hedging and conditional modals together
    wanting_verbs: frozenset[str]  # motive and person-only verbs together
    all_motive_nouns: frozenset[str]
    triggers: frozenset[str]  # every word or lemma that can start a rule
    known_lemmas: frozenset[str]  # verbs the fallback may find by taking an ending off


@cache
def speculation_lexicon(lexicon: str, tokenizer: Callable[[str], Doc]) -> SpeculationLexicon:
    data: dict[str, Any] = load_lexicon(lexicon)
    modals, verbs, motive, theory = data["modals"], data["verbs"], data["motive"], data["theory"]
    adverbs, clauses, subjects = data["adverbs"], data["clauses"], data["subjects"]

    def words(*lists: list[str]) -> frozenset[str]:
        return frozenset(w for group in lists for w in group)

    motive_verbs = words(motive["verbs"], motive["person_only_verbs"], motive["look_verbs"])
    return SpeculationLexicon(
        future=words(modals["future"]),
        future_be=words(modals["future_be"]),
        conditional_modals=words(modals["conditional"]),
        motive_not_before=words(motive["not_before"]),
        must_modals=words(modals["must"]),
        all_modals=words(modals["hedging"], modals["conditional"], modals["future"]),
        ability_verbs=words(verbs["ability"]),
        scheduled=words(verbs["scheduled"]),
        planned_acts=words(verbs["planned_acts"]),
        occasion_ordinals=words(verbs["occasion_ordinals"]),
        occasion_nouns=words(verbs["occasion_nouns"]),
        poll_share_words=words(motive["poll_share_words"]),
        belief_adjectives=words(subjects["belief_adjectives"]),
        time_words=words(verbs["time_words"]),
        seem_verbs=words(verbs["seem"]),
        appear_verbs=words(verbs["appear"]),
        person_only_verbs=words(motive["person_only_verbs"]),
        need_to=words(motive["need_to"]),
        generic=words(motive["generic_subjects"]),
        motive_blockers=words(motive["blockers"]),
        look_verbs=words(motive["look_verbs"]),
        look_for_objects=words(motive["look_for_objects"]),
        motive_adjectives=words(motive["adjectives"]),
        motive_adjective_links=words(motive["adjective_links"]),
        modified_motive_nouns=words(motive["modified_nouns"]),
        noun_modifiers=words(motive["noun_modifiers"]),
        possessives=words(motive["possessives"]),
        about_adverbs=words(motive["about_adverbs"]),
        theory_nouns=words(theory["nouns"]),
        theory_openers=words(theory["openers"]),
        hedging_adverbs=words(adverbs["hedging"]),
        hedging_adjectives=words(adverbs["adjectives"]),
        ability_adjectives=words(adverbs["ability_adjectives"]),
        phrases=tuple(split_by_tokenizer(tokenizer, adverbs["phrases"])),
        subordinators=words(clauses["subordinators"]),
        boundaries=words(clauses["boundaries"]),
        time_nouns=words(clauses["time_nouns"]),
        inference_verbs=words(clauses["inference_verbs"]),
        inference_openers=words(clauses["inference_openers"]),
        # Every form: the lemmatizer reads "hoping" as "hop".
        holder_verbs=frozenset(
            forms_to_lemmas(clauses["holder_verbs"], clauses["holder_irregular"])
        ),
        comparative_degrees=words(adverbs["comparative_degrees"]),
        first_and_second_person=words(subjects["first_person"], subjects["second_person"]),
        person_pronouns=words(subjects["person_pronouns"]),
        skippable=words(subjects["skippable"]),
        modal_skippable=words(
            subjects["negations"],
            subjects["adverbs_of_degree"],
            adverbs["hedging"],
            modals["adverbs_after"],
        ),
        negations=words(subjects["negations"]),
        be_forms=words(subjects["be_forms"]),
        adverbs_of_degree=words(subjects["adverbs_of_degree"]),
        determiners=words(subjects["fallback"]["determiners"]),
        generic_determiners=words(subjects["generic_determiners"]),
        hedge_rules=words(data["hedge_layer"]["rules"]),
        hedge_modal_rule=data["hedge_layer"]["modal_rule"],
        hearsay_rule=data["hedge_layer"]["hearsay_rule"],
        impersonal_subjects=words(data["hedge_layer"]["impersonal_subjects"]),
        hearsay_links=words(data["hedge_layer"]["hearsay_links"]),
        hearsay_be=words(data["hedge_layer"]["hearsay_be"]),
        forecast_participles=words(data["hedge_layer"]["forecast_participles"]),
        forecast_be=words(data["hedge_layer"]["forecast_be"]),
        forecast_links=words(data["hedge_layer"]["forecast_links"]),
        evidential_adverbs=words(motive["evidential_adverbs"]),
        mind_verbs=words(motive["mind_verbs"]),
        being=words(motive["being"]),
        behaviour_adverbs=words(motive["behaviour_adverbs"]),
        ulterior_purposes=words(motive["ulterior_purposes"]),
        advice_verbs=dict(data["advice"]["verbs"]),
        advice_need_to=words(data["advice"]["need_to"]),
        advice_openers=words(data["advice"]["openers"]),
        claim_modals=words(modals["hedging"], modals["conditional"]),
        wanting_verbs=words(motive["verbs"], motive["person_only_verbs"]),
        all_motive_nouns=words(motive["nouns"], motive["modified_nouns"]),
        triggers=motive_verbs
        | words(
            modals["hedging"],
            modals["conditional"],
            modals["future"],
            modals["future_be"],
            verbs["seem"],
            verbs["appear"],
            motive["adjectives"],
            motive["nouns"],
            motive["modified_nouns"],
            motive["evidential_adverbs"],
            motive["being"],
            motive["ulterior_purposes"],
            list(data["advice"]["verbs"]),
            adverbs["hedging"],
            adverbs["adjectives"],
            subjects["be_forms"],
            [w.split()[0] for w in adverbs["phrases"]],
            ["be", "it", "its"],
        ),
        known_lemmas=motive_verbs
        | words(
            verbs["seem"],
            verbs["appear"],
            verbs["scheduled"],
            verbs["planned_acts"],
            motive["mind_verbs"],
            motive["ulterior_purposes"],
            list(data["advice"]["verbs"]),
        ),
    )
