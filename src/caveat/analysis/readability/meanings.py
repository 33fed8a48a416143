"""What each readability metric means, in words a reader understands.

Kept apart from metrics.py so that the window and the export can show meanings without
importing textstat (and nltk with it: 60 MB in the window's process).
"""

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
