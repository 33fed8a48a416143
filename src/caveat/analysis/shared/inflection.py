"""The one verb inflection: the regular forms of an English verb, for the rule-based fallback
(no lemmas) and for word lists given as lemmas."""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def inflections(
    lemma: str, irregular: Mapping[str, Iterable[str]] | None = None
) -> tuple[str, ...]:
    """`lemma` and its regular third-person, past and -ing forms ("deny": denies, denied,
    denying), plus any irregular forms listed for it."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    past = lemma + "d" if lemma.endswith("e") else lemma + "ed"
    third = lemma + "es" if lemma.endswith(("s", "sh", "ch", "x")) else lemma + "s"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        past, third = lemma[:-1] + "ied", lemma[:-1] + "ies"
    return (lemma, third, past, stem + "ing", *(irregular or {}).get(lemma, ()))


def forms_to_lemmas(
    lemmas: Iterable[str], irregular: Mapping[str, Iterable[str]] | None = None
) -> dict[str, str]:
    """Every form of every lemma, mapped back to its lemma (later lemmas win a shared form)."""
    return {form: lemma for lemma in lemmas for form in inflections(lemma, irregular)}
