"""What each readability metric means, in words a reader understands.

Kept apart from metrics.py so that the window and the export can show meanings without
importing textstat (and nltk with it: 60 MB in the window's process).
"""

import re
from collections.abc import Mapping

#: The metrics that are formulas (as opposed to counts and the reading time). Below these
#: counts, or on text that is not running English, a formula's number means nothing (a one-word
#: PDF got a Flesch-Kincaid grade of -3.4, Chinese text a Flesch reading ease of -5,358): they are
#: None, "not measured", and shown as "too short to measure".
FORMULAS = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_readability_score",
)
MIN_WORDS = 12
MIN_SENTENCES = 2
#: For one paragraph (the margin strip): a grade of a few words means nothing either.
MIN_BLOCK_WORDS = 8
MIN_BLOCK_SENTENCES = 1
# Running English: most tokens are words in Latin letters, of ordinary length (English averages
# under 5 letters; a text of long letter runs got a Coleman-Liau index of 1,852).
_MIN_LATIN_WORD_SHARE = 0.6
_MAX_MEAN_WORD_LENGTH = 10
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['’-][A-Za-z\u00c0-\u024f]+)*")
_TOKEN = re.compile(r"\S+")
_EDGE_PUNCTUATION = "\"'“”‘’()[]{}«».,;:!?…—–-*_"


def is_running_latin_text(text: str) -> bool:
    """Whether `text` is prose in Latin letters that readability formulas can measure."""
    tokens = _TOKEN.findall(text)
    if not tokens:
        return False
    words = [t.strip(_EDGE_PUNCTUATION) for t in tokens]
    latin = [w for w in words if _LATIN_WORD.fullmatch(w)]
    if len(latin) < _MIN_LATIN_WORD_SHARE * len(tokens):
        return False
    return sum(map(len, latin)) <= _MAX_MEAN_WORD_LENGTH * len(latin)


def unmeasured_reason(metrics: Mapping[str, float | None]) -> str:
    """Why the formulas are None ("" when they were measured), in words for the reader."""
    if metrics.get("flesch_kincaid_grade") is not None:
        return ""
    words, sentences = int(metrics.get("words") or 0), int(metrics.get("sentences") or 0)
    if words < MIN_WORDS or sentences < MIN_SENTENCES:
        return (
            f"too short to measure ({words} word{'s' * (words != 1)}, "
            f"{sentences} sentence{'s' * (sentences != 1)})"
        )
    return "not measured: this is not running English text"


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
