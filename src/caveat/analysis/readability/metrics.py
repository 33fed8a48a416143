"""Readability metrics with textstat, kept strictly offline."""

from __future__ import annotations

from collections.abc import Callable

from caveat.analysis.lean_imports import lean_textstat

lean_textstat()  # before textstat is imported: no nltk (lean_imports.py)

import textstat  # noqa: E402
from textstat.backend.counts import _count_syllables  # noqa: E402

from caveat.analysis.readability.meanings import (  # noqa: E402
    FORMULAS,
    MIN_BLOCK_SENTENCES,
    MIN_BLOCK_WORDS,
    MIN_SENTENCES,
    MIN_WORDS,
    is_running_latin_text,
)


# WORKAROUND: textstat 0.7.13 calls nltk.download('cmudict') the first time it counts syllables
# (textstat/backend/utils/_get_cmudict.py): offline that raises, online it reaches the network
# from a desktop program. With no dictionary its own fallback, Pyphen's hyphenation patterns
# (shipped inside the pyphen package), counts the syllables instead.
def _no_cmudict(lang: str) -> None:
    return None


_count_syllables.get_cmudict = _no_cmudict

METRICS: dict[str, Callable[[str], float]] = {
    "flesch_reading_ease": textstat.flesch_reading_ease,
    "flesch_kincaid_grade": textstat.flesch_kincaid_grade,
    "gunning_fog": textstat.gunning_fog,
    "smog_index": textstat.smog_index,
    "coleman_liau_index": textstat.coleman_liau_index,
    "automated_readability_index": textstat.automated_readability_index,
    "dale_chall_readability_score": textstat.dale_chall_readability_score,
    "reading_time_seconds": textstat.reading_time,
    "words": textstat.lexicon_count,
    "sentences": textstat.sentence_count,
}

#: Per paragraph only what the margin strip and the JSON's block list need: every metric for
#: every paragraph would double the cost of a whole analysis (measured: 1 s per 10,000 words).
BLOCK_METRICS = ("flesch_reading_ease", "flesch_kincaid_grade", "words", "sentences")


def readability(
    text: str, names: tuple[str, ...] | None = None, block: bool = False
) -> dict[str, float | None]:
    """The metrics `names` (default all) of `text`; all zero for text with no words.

    The formulas are None ("not measured") for text too short for them (fewer words or
    sentences than meanings.MIN_WORDS, or the MIN_BLOCK_ ones for one paragraph) or that is
    not running text in Latin letters.
    """
    chosen = names or tuple(METRICS)
    if not text.strip() or textstat.lexicon_count(text) == 0:
        return dict.fromkeys(chosen, 0.0)
    counts = {name: float(METRICS[name](text)) for name in ("words", "sentences")}
    min_words, min_sentences = (
        (MIN_BLOCK_WORDS, MIN_BLOCK_SENTENCES) if block else (MIN_WORDS, MIN_SENTENCES)
    )
    measurable = (
        counts["words"] >= min_words
        and counts["sentences"] >= min_sentences
        and is_running_latin_text(text)
    )
    return {
        name: (
            None
            if name in FORMULAS and not measurable
            else counts[name]
            if name in counts
            else round(float(METRICS[name](text)), 2)
        )
        for name in chosen
    }
