"""What makes a number no statistic: a year, a date, a time, a duration or an age, a name or a
reference ("Route 66", "Section 230", "10 Downing Street", [3]), a list number, a single digit,
or a spelled number under ten on its own ("one theory", "two reasons")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from caveat.analysis.layers.number.shapes import APOSTROPHES, DASHES, is_digits
from caveat.analysis.shared import tags
from caveat.analysis.shared.years import is_four_digits, is_year

if TYPE_CHECKING:
    from caveat.analysis.layers.number.figures import FigureFinder


def is_not_statistic(finder: FigureFinder, sent: Span, i: int, end: int) -> bool:
    """Whether the number `doc[i:end]` is something other than a statistic."""
    doc, lex = sent.doc, finder.lex
    tok = doc[i]
    prev = doc[i - 1] if i > sent.start else None
    nxt = doc[end] if end < sent.end else None
    if end == i + 1 and tok.lower_ in lex.small_words:
        return True  # "one theory", "two reasons"
    if not is_digits(tok.text) and nxt is not None and nxt.text in DASHES:
        return True  # "a thousand-yard stare", "one-sided"
    if prev is not None and prev.text in APOSTROPHES and len(tok.text) == 2:
        return True  # "'16": a year
    if end == i + 1 and is_digits(tok.text) and float(tok.text.replace(",", "")) < 10:
        return True  # single digits: list items, small counts, rarely a statistic
    return (
        _is_year(finder, tok, prev, end - i)
        or _is_date(finder, sent, i, end)
        or (nxt is not None and nxt.lower_ in lex.time_of_day)
        or _is_duration_or_age(finder, sent, i, end)
        or _is_name_or_reference(finder, sent, i, end)
        or _is_list_number(sent, i, end)
        or _is_sample_size(finder, sent, i)
    )


def _is_sample_size(finder: FigureFinder, sent: Span, i: int) -> bool:
    """ "The AP-GfK Poll of 1,033 adults", "..., including 389 Democrats": a poll's own sample
    (or a part of it), named with the poll."""
    if i - 2 < sent.start:
        return False
    doc = sent.doc
    if doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in finder.lex.sample_nouns:
        return True
    if doc[i - 1].lower_ not in finder.lex.sample_parts:
        return False
    # A part of the sample just named: "Poll of 1,033 adults, including 389".
    return any(
        doc[j].like_num and _is_sample_size(finder, sent, j)
        for j in range(max(sent.start, i - 6), i - 1)
    )


def _is_year(finder: FigureFinder, tok: Token, prev: Token | None, length: int) -> bool:
    """ "2018", and "in 2150" or "circa 950" after a word that makes a number a year."""
    if length != 1 or not is_four_digits(tok.text):
        return False
    return is_year(tok.text) or prev is not None and prev.lower_ in finder.lex.year_markers


def _is_date(finder: FigureFinder, sent: Span, i: int, end: int) -> bool:
    """Next to a month or weekday: "May 2018", "1 December", "Dec. 1, 2018", "the 5th of"."""
    doc, lex = sent.doc, finder.lex
    calendar = lex.months | lex.weekdays
    before = [
        t.lower_ for t in doc[max(sent.start, i - 3) : i] if t.lower_ not in {",", "the", "of"}
    ]
    after = [t.lower_ for t in doc[end : min(sent.end, end + 2)] if t.lower_ not in {",", "of"}]
    return bool(before and before[-1] in calendar) or bool(after and after[0] in calendar)


def _is_duration_or_age(finder: FigureFinder, sent: Span, i: int, end: int) -> bool:
    """ "three weeks", "10 years", "a 10-year-old", "aged 45", "Smith, 45, said"."""
    doc, lex = sent.doc, finder.lex
    j = end
    while j < sent.end and j < end + 2 and (doc[j].text in DASHES or doc[j].tag_ == "JJ"):
        j += 1
    if j < sent.end and doc[j].lower_ in lex.time_units:
        return True
    if i > sent.start and doc[i - 1].lower_ in lex.age_words:
        return True
    # An age in apposition: "Smith, 45, said".
    return (
        i - 2 >= sent.start
        and end < sent.end
        and doc[i - 1].text == ","
        and doc[end].text == ","
        and (doc[i - 2].tag_ in tags.NAME or doc[i - 2].is_title)
    ) or _is_bare_age(finder, sent, i, end)


def _is_bare_age(finder: FigureFinder, sent: Span, i: int, end: int) -> bool:
    """An age without the word: "Garland is 63,", "voters over 65 in", "a 40-something
    nominee". The number stands alone (nothing counted follows it), after a person's "is" or
    "turned", or after "over"/"under" and a group of people."""
    doc, lex = sent.doc, finder.lex
    if end + 1 < sent.end and doc[end].text in DASHES and doc[end + 1].lower_ in lex.age_suffixes:
        return True
    if i - 2 < sent.start or not _stands_alone(sent, end):
        return False
    verb, holder = doc[i - 1], doc[i - 2]
    if verb.lower_ in lex.age_verbs:
        if holder.tag_:
            return holder.tag_ in tags.NAME or holder.lower_ in {"he", "she"}
        # Without tags, a capital inside the sentence stands for a name.
        return holder.lower_ in {"he", "she"} or (holder.is_title and i - 2 > sent.start)
    if verb.lower_ in lex.age_limits:
        return holder.tag_ in {"NNS", "NNPS"} or holder.lower_ in lex.age_groups
    return False


def _stands_alone(sent: Span, end: int) -> bool:
    """Nothing counted follows the number: the sentence ends, or punctuation or a function
    word comes next ("is 63, which", "over 65 in New Hampshire"; not "over 65 delegates")."""
    if end >= sent.end:
        return True
    nxt = sent.doc[end]
    return nxt.is_punct or (nxt.is_stop and nxt.tag_ not in tags.NOUN)


def _is_name_or_reference(finder: FigureFinder, sent: Span, i: int, end: int) -> bool:
    """ "Route 66", "Section 230", "Apollo 11", "10 Downing Street", "(2)", [3]."""
    doc, lex = sent.doc, finder.lex
    prev = doc[i - 1] if i > sent.start else None
    nxt = doc[end] if end < sent.end else None
    if prev is not None and prev.lower_ in lex.reference_nouns:
        return True
    if prev is not None and prev.text == "(" and nxt is not None and nxt.text == ")":
        return True
    named = prev is not None and (
        prev.tag_ in tags.NAME or (not prev.tag_ and prev.is_title and i - 1 > sent.start)
    )
    if named and (nxt is None or nxt.tag_ not in tags.COMMON_NOUN):
        return True  # "Apollo 11", "Windows 10"
    if nxt is not None and nxt.is_title and nxt.tag_ not in {"NNPS", "NNS", "JJ", "CD"}:
        return True  # "54 Below", "Fight for 15 Movement" (but "3,800 Syrians" is plural)
    street = doc[end : min(sent.end, end + 4)]
    return any(t.lower_ in lex.street_words for t in street) and all(t.is_title for t in street[:1])


def _is_list_number(sent: Span, i: int, end: int) -> bool:
    doc = sent.doc
    if doc[i].tag_ == "LS":
        return True
    first = i == sent.start or all(t.is_space or t.is_punct for t in doc[sent.start : i])
    return first and end < sent.end and doc[end].text in {".", ")", ":"}
