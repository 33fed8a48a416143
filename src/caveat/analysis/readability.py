"""Readability metrics with textstat, kept strictly offline."""

from __future__ import annotations

from collections.abc import Callable

import textstat
from textstat.backend.counts import _count_syllables


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

#: What a value means, for the side panel and the export's summary page.
DESCRIPTIONS: dict[str, str] = {
    "flesch_reading_ease": "0-100, higher is easier; 60-70 is plain English",
    "flesch_kincaid_grade": "US school grade needed to follow the text",
    "gunning_fog": "years of schooling needed on a first reading",
    "smog_index": "years of schooling, from words of three or more syllables",
    "coleman_liau_index": "US school grade, from letters and sentences per word",
    "automated_readability_index": "US school grade, from characters per word",
    "dale_chall_readability_score": "below 5 easy for a 10-year-old; 9 and above college",
    "reading_time_seconds": "time to read at an average adult pace",
    "words": "words in the analysed text",
    "sentences": "sentences in the analysed text",
}


#: Per paragraph only what the margin strip and the JSON's block list need: every metric for
#: every paragraph would double the cost of a whole analysis (measured: 1 s per 10,000 words).
BLOCK_METRICS = ("flesch_reading_ease", "flesch_kincaid_grade", "words", "sentences")


def readability(text: str, names: tuple[str, ...] | None = None) -> dict[str, float]:
    """The metrics `names` (default all) of `text`; all zero for text with no words."""
    chosen = names or tuple(METRICS)
    if not text.strip() or textstat.lexicon_count(text) == 0:
        return dict.fromkeys(chosen, 0.0)
    return {name: round(float(METRICS[name](text)), 2) for name in chosen}


def grade_in_words(grade: float) -> str:
    """A school grade as a reader would say it: 'grade 11: a US high-school junior can read it'."""
    g = round(grade)
    if g <= 5:
        return f"grade {max(g, 1)}: easy for a 10-year-old"
    if g <= 8:
        return f"grade {g}: a US middle-school pupil can read it"
    if g <= 12:
        names = {9: "freshman", 10: "sophomore", 11: "junior", 12: "senior"}
        return f"grade {g}: a US high-school {names[g]} can read it"
    if g <= 16:
        return f"grade {g}: college level"
    return f"grade {g}: graduate level, hard going for most readers"
