"""The attribution word lists (resources/lexicons/attribution.toml) as sets, built once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token
from spacy.vocab import Vocab

from caveat.analysis.shared.inflection import forms_to_lemmas
from caveat.analysis.shared.phrases import PhraseLists, Words
from caveat.resources import load_lexicon

ATTRIBUTING = "attributing"  # the phrase list of "according to", "data from", "a study by"...


@dataclass(frozen=True)
class AttributionLexicon:
    speech: frozenset[str]
    finding: frozenset[str]
    stance: frozenset[str]
    verb_forms: dict[str, str]  # inflected form -> lemma (every listed verb, tagged or not)
    source_nouns: frozenset[str]
    documents: frozenset[str]
    document_prepositions: frozenset[str]
    definite_determiners: frozenset[str]
    unnamed: frozenset[str]
    generic_pronouns: frozenset[str]
    skippable: frozenset[str]
    pronouns: frozenset[str]
    specific_determiners: frozenset[str]
    attributing_phrases: tuple[Words, ...]
    max_citation_tokens: int
    min_quote_tokens: int
    subject_reach: int
    citation_words: frozenset[str]
    statement_nouns: frozenset[str]
    stance_nouns: frozenset[str]
    respondent_units: frozenset[str]
    owner_pronouns: frozenset[str]
    media_nouns: frozenset[str]
    headline_verbs: frozenset[str]
    valuation: frozenset[str]
    valuation_links: frozenset[str]
    valuation_reach: int


def _phrase_words(phrase: str) -> Words:
    # Split the way spaCy's tokenizer splits these phrases: a trailing colon is its own token.
    words = phrase.split()
    if words[-1].endswith(":") and len(words[-1]) > 1:
        words[-1:] = [words[-1][:-1], ":"]
    return tuple(words)


@cache
def attribution_lexicon() -> AttributionLexicon:
    data = load_lexicon("attribution")
    verbs, subjects = data["verbs"], data["subjects"]
    forms = forms_to_lemmas(verbs["speech"] + verbs["finding"] + verbs["stance"])
    forms.update(data["forms"])
    return AttributionLexicon(
        speech=frozenset(verbs["speech"]),
        finding=frozenset(verbs["finding"]),
        stance=frozenset(verbs["stance"]),
        verb_forms=forms,
        source_nouns=frozenset(subjects["source_nouns"]),
        documents=frozenset(data["documents"]["nouns"]),
        document_prepositions=frozenset(data["documents"]["prepositions"]),
        definite_determiners=frozenset(data["documents"]["definite_owners"]),
        unnamed=frozenset(subjects["unnamed"]),
        generic_pronouns=frozenset(subjects["generic_pronouns"]),
        skippable=frozenset(subjects["skippable"]),
        pronouns=frozenset(subjects["pronouns"]),
        specific_determiners=frozenset(subjects["specific_determiners"]),
        attributing_phrases=tuple(_phrase_words(p) for p in data["phrases"]["attributing"]),
        max_citation_tokens=data["citations"]["max_tokens"],
        min_quote_tokens=data["quotations"]["min_tokens"],
        subject_reach=subjects["document_reach"],
        citation_words=frozenset(data["citations"]["words"]),
        statement_nouns=frozenset(data["nouns"]["statements"]),
        stance_nouns=frozenset(data["nouns"]["stances"]),
        respondent_units=frozenset(subjects["respondent_units"]),
        owner_pronouns=frozenset(data["nouns"]["owners"]),
        media_nouns=frozenset(data["nouns"]["media"]),
        headline_verbs=frozenset(verbs["headline"]),
        valuation=frozenset(verbs["valuation"]["verbs"]),
        valuation_links=frozenset(verbs["valuation"]["links"]),
        valuation_reach=verbs["valuation"]["reach"],
    )


_phrase_lists: dict[int, tuple[Vocab, PhraseLists]] = {}


def attributing_phrases(vocab: Vocab) -> PhraseLists:
    """The matcher of attributing phrases for this vocabulary (one per loaded pipeline)."""
    entry = _phrase_lists.get(id(vocab))
    if entry is None or entry[0] is not vocab:
        lists = {ATTRIBUTING: attribution_lexicon().attributing_phrases}
        entry = _phrase_lists[id(vocab)] = (vocab, PhraseLists(vocab, lists))
    return entry[1]


def lemma(tok: Token) -> str:
    """The lemma, or without a tagger a crude singular ("critics" -> "critic")."""
    if tok.lemma_:
        return tok.lemma_.lower()
    lower = tok.lower_
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith("s") and not lower.endswith("ss") and len(lower) > 3:
        return lower[:-1]
    return lower
