"""The number layer's word lists (resources/lexicons/number.toml) as sets, built once; its
phrase lists (percent units, rate links) are matched with spaCy's PhraseMatcher."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from caveat.analysis.shared.phrases import Words
from caveat.resources import load_lexicon


@dataclass(frozen=True)
class NumberLexicon:
    percent: tuple[Words, ...]  # unit phrases: "percent", "percentage points"
    currency_symbols: frozenset[str]
    currency_words: frozenset[str]
    scale: frozenset[str]
    time_units: frozenset[str]
    time_of_day: frozenset[str]
    months: frozenset[str]
    weekdays: frozenset[str]
    year_markers: frozenset[str]
    reference_nouns: frozenset[str]
    street_words: frozenset[str]
    age_words: frozenset[str]
    age_verbs: frozenset[str]
    age_limits: frozenset[str]
    age_groups: frozenset[str]
    age_suffixes: frozenset[str]
    sample_nouns: frozenset[str]
    sample_parts: frozenset[str]
    small_words: frozenset[str]
    large_words: frozenset[str]
    fractions: frozenset[str]
    half_followers: frozenset[str]
    half_blockers: frozenset[str]
    vague_counts: frozenset[str]
    rate_links: tuple[Words, ...]  # "in", "out of"
    opening_words: int
    back_determiners: frozenset[str]
    back_nouns: frozenset[str]
    explanations: dict[str, str]  # what was checked, said in each message
    found: dict[str, str]  # what a source found in the next sentence is, by kind of evidence
    where: dict[str, str]  # "this", "before", "after": which sentence, in words

    def phrase_lists(self) -> dict[str, tuple[Words, ...]]:
        return {"percent": self.percent, "rate_links": self.rate_links}


@cache
def number_lexicon(lexicon: str = "number") -> NumberLexicon:
    data = load_lexicon(lexicon)
    units, dates, names, words = data["units"], data["dates"], data["names"], data["words"]
    explanations = dict(data["explanations"])
    where, found = explanations.pop("where"), explanations.pop("found")

    def phrases(items: list[str]) -> tuple[Words, ...]:
        return tuple(tuple(p.split()) for p in items)

    return NumberLexicon(
        percent=phrases(units["percent"]),
        currency_symbols=frozenset(units["currency_symbols"]),
        currency_words=frozenset(units["currency_words"]),
        scale=frozenset(units["scale"]),
        time_units=frozenset(units["time_units"]),
        time_of_day=frozenset(units["time_of_day"]),
        months=frozenset(dates["months"]),
        weekdays=frozenset(dates["weekdays"]),
        year_markers=frozenset(dates["year_markers"]),
        reference_nouns=frozenset(names["reference_nouns"]),
        street_words=frozenset(names["street_words"]),
        age_words=frozenset(names["age_words"]),
        age_verbs=frozenset(names["age_verbs"]),
        age_limits=frozenset(names["age_limits"]),
        age_groups=frozenset(names["age_groups"]),
        age_suffixes=frozenset(names["age_suffixes"]),
        sample_nouns=frozenset(names["sample_nouns"]),
        sample_parts=frozenset(names["sample_parts"]),
        small_words=frozenset(words["small"]),
        large_words=frozenset(words["large"]),
        fractions=frozenset(words["fractions"]),
        half_followers=frozenset(words["half_followers"]),
        half_blockers=frozenset(words["half_blockers"]),
        vague_counts=frozenset(words["vague_counts"]),
        rate_links=phrases(words["rate_links"]),
        opening_words=data["sources"]["opening_words"],
        back_determiners=frozenset(data["sources"]["back_determiners"]),
        back_nouns=frozenset(data["sources"]["back_nouns"]),
        explanations=explanations,
        found=found,
        where=where,
    )
