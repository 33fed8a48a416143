"""Readability metrics with textstat, kept strictly offline."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

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
from caveat.analysis.readability.word_memo import remember_words  # noqa: E402

if TYPE_CHECKING:
    from caveat.document import Document


# WORKAROUND: textstat 0.7.13 calls nltk.download('cmudict') the first time it counts syllables
# (textstat/backend/utils/_get_cmudict.py): offline that raises, online it reaches the network
# from a desktop program. With no dictionary its own fallback, Pyphen's hyphenation patterns
# (shipped inside the pyphen package), counts the syllables instead.
def _no_cmudict(lang: str) -> None:
    return None


_count_syllables.get_cmudict = _no_cmudict
remember_words()  # each distinct word's syllables counted once, not once per use (word_memo.py)

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


def block_readability(document: Document, index: int) -> dict[str, float | None]:
    """The readability of block `index` of `document`, as the margin strip and the JSON's
    block list give it: BLOCK_METRICS, under the limits for one paragraph."""
    block = document.blocks[index]
    return readability(document.text[block.start : block.end], BLOCK_METRICS, block=True)


def blocks_readability(document: Document) -> dict[int, dict[str, float | None]]:
    """Every analysed block's readability, by block index: measured in one go by a process that
    leaves it out of the analysis (the command line's early one, the window's second one), with
    the words the document's own measure taught textstat's caches."""
    return {i: block_readability(document, i) for i in document.analysed_indices()}


#: The longest text textstat measures at once. It holds some 200 bytes per word of what it
#: measures (a 50 MB text: gigabytes), so a longer document is measured in parts of whole
#: paragraphs of about this many characters (some 30,000 words) and the parts combined.
PART_CHARS = 200_000
_SUMMED = ("words", "sentences", "reading_time_seconds")


def document_readability(document: Document) -> dict[str, float | None]:
    """The readability of the analysed text of `document`.

    Up to PART_CHARS, exactly `readability` of the text. Beyond, counts and reading time are
    the sums over the parts, and each formula the mean of the parts' values weighted by their
    words (the formulas mix averages, such as words per sentence, that differ little between
    parts of tens of thousands of words); a formula no part could measure is None.
    """
    from caveat.analysis.results import analysed_parts

    parts = [readability(part) for part in analysed_parts(document, PART_CHARS)]
    if len(parts) <= 1:
        return parts[0] if parts else readability("")
    combined: dict[str, float | None] = {
        name: round(sum(float(p[name] or 0) for p in parts), 2) for name in _SUMMED
    }
    for name in METRICS:
        if name in _SUMMED:
            continue
        measured = [
            (float(value), float(p["words"] or 0)) for p in parts if (value := p[name]) is not None
        ]
        weight = sum(w for _value, w in measured)
        combined[name] = round(sum(v * w for v, w in measured) / weight, 2) if weight else None
    return {name: combined[name] for name in METRICS}
