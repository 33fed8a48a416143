"""The `number` layer: statistics, percentages, proportions, money and counts with no source.

A figure is sourced when its sentence, or the one before or after it, reports a source
(see `attribution`). Dates, years, decades, times, durations, ages, ordinals, scores, list
numbers, names ("Route 66") and "one" as a determiner are not statistics: without named
entities or a parse, the detector tells them apart by token shape, tag and the words around.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from caveat.analysis.attribution import attribution_spans
from caveat.analysis.spans import flag
from caveat.resources import load_lexicon

LAYER = "number"
SOURCE_GROUP = "number_source"  # the attribution found, read by `caveat eval --level attribution`
KINDS = {
    "percentage": ("a percentage", 0.9),
    "money": ("a sum of money", 0.85),
    "proportion": ("a proportion", 0.85),
    "count": ("a count", 0.7),
}


class NumberDetector:
    """Flags figures whose sentence and neighbouring sentences name no source."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[LAYER] = []
        sentences = list(doc.sents)
        evidence = [attribution_spans(sent, stance=True) for sent in sentences]
        doc.spans[SOURCE_GROUP] = [span for found in evidence for span in found]
        lex = number_lexicon()
        cited = {t.i for found in evidence for s in found if s.label_ == "citation" for t in s}
        finder = FigureFinder(lex, cited)
        for k, sent in enumerate(sentences):
            if evidence[k] or (k > 0 and evidence[k - 1]):
                continue
            if k + 1 < len(sentences) and _points_back(sentences[k + 1], evidence[k + 1], lex):
                continue
            for start, end, kind in finder.figures(sent):
                label, confidence = KINDS[kind]
                text = doc[start:end].text
                message = (
                    f"'{text}' is {label} with no source in this sentence or the one before"
                    " or after it"
                )
                flag(doc, LAYER, start, end, kind, message, confidence)
        return doc


def _points_back(following: Span, evidence: list[Span], lex: NumberLexicon) -> bool:
    """Whether a source in the next sentence covers this one: it opens that sentence ("That is
    according to the ministry") or names the figures again ("the figures come from").

    A source deep in the next sentence usually backs that sentence's own claim, not ours.
    """
    if not evidence:
        return False
    words = [t for t in following if not (t.is_punct or t.is_space)]
    opening = {t.i for t in words[: lex.opening_words]}
    if any(span.start in opening for span in evidence):
        return True
    return any(
        a.lower_ in lex.back_determiners and b.lower_ in lex.back_nouns
        for a, b in zip(words, words[1:], strict=False)
    )


@dataclass(frozen=True)
class NumberLexicon:
    percent: tuple[tuple[str, ...], ...]  # unit phrases, longest first
    currency_symbols: frozenset[str]
    currency_words: frozenset[str]
    scale: frozenset[str]
    time_units: frozenset[str]
    time_of_day: frozenset[str]
    months: frozenset[str]
    weekdays: frozenset[str]
    year_markers: frozenset[str]
    min_year: int
    max_year: int
    reference_nouns: frozenset[str]
    street_words: frozenset[str]
    age_words: frozenset[str]
    small_words: frozenset[str]
    large_words: frozenset[str]
    fractions: frozenset[str]
    half_followers: frozenset[str]
    half_blockers: frozenset[str]
    vague_counts: frozenset[str]
    rate_links: tuple[tuple[str, ...], ...]
    opening_words: int
    back_determiners: frozenset[str]
    back_nouns: frozenset[str]


@cache
def number_lexicon() -> NumberLexicon:
    """The number word lists as sets, built once."""
    data = load_lexicon("number")
    units, dates, names, words = data["units"], data["dates"], data["names"], data["words"]

    def phrases(items: list[str]) -> tuple[tuple[str, ...], ...]:
        return tuple(sorted((tuple(p.split()) for p in items), key=len, reverse=True))

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
        min_year=dates["min_year"],
        max_year=dates["max_year"],
        reference_nouns=frozenset(names["reference_nouns"]),
        street_words=frozenset(names["street_words"]),
        age_words=frozenset(names["age_words"]),
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
    )


Found = tuple[int, str | None]  # end token of a match, and its kind (None: not a statistic)
DASHES = {"-", "–", "—"}
APOSTROPHES = {"'", "‘", "’"}
NOUN_TAGS = {"NN", "NNS"}


class FigureFinder:
    """Finds the figures in a sentence that are statistics, with their units."""

    def __init__(self, lex: NumberLexicon, cited: set[int]) -> None:
        self.lex = lex
        self.cited = cited  # token indices inside citation markers such as [3]
        self.triggers = (
            lex.small_words
            | lex.large_words
            | lex.currency_symbols
            | lex.vague_counts
            | {"a", "an", "half"}
        )

    def figures(self, sent: Span) -> list[tuple[int, int, str]]:
        found, i = [], sent.start
        lower = [t.lower_ for t in sent]
        while i < sent.end:
            word = lower[i - sent.start]
            if not (word[:1].isdigit() or word in self.triggers):
                i += 1  # most tokens cannot start a figure: skip them with one set lookup
                continue
            match = (
                self._proportion(sent, i)
                or self._money(sent, i)
                or self._number(sent, i)
                or self._vague_count(sent, i)
            )
            if match is None:
                i += 1
                continue
            end, kind = match
            if kind is not None:
                found.append((i, end, kind))
            i = max(end, i + 1)
        return found

    # -- what a figure is -------------------------------------------------------------------

    def _is_number(self, tok: Token) -> bool:
        lower = tok.lower_
        return (
            _is_digits(tok.text) or lower in self.lex.small_words or lower in self.lex.large_words
        )

    def _is_scale(self, tok: Token) -> bool:
        """ "million" in "a million votes"."""
        return tok.lower_ in self.lex.scale and tok.lower_ in self.lex.large_words

    def _is_scaled_digits(self, tok: Token) -> bool:
        """ "5bn", "10m", "3.5k": digits with a scale glued on."""
        lower = tok.lower_
        if not lower[:1].isdigit() or lower[-1:].isdigit():
            return False
        return any(
            lower.endswith(s) and _is_digits(lower[: -len(s)]) for s in self.lex.scale if len(s) < 3
        )

    def _phrase_end(self, sent: Span, i: int) -> int:
        """The end of the number phrase at `i`: "3.5 million", "two hundred", "twenty-five"."""
        doc, j = sent.doc, i + 1
        while j < sent.end:
            tok = doc[j]
            if tok.lower_ in self.lex.scale or tok.lower_ in self.lex.large_words:
                j += 1
            elif tok.lower_ in self.lex.small_words and doc[j - 1].lower_ in self.lex.large_words:
                j += 1  # "forty six"
            elif (
                tok.text in DASHES
                and j + 1 < sent.end
                and doc[j + 1].lower_ in self.lex.small_words
            ):
                j += 2  # "twenty-five"
            else:
                break
        return j

    def _unit(self, sent: Span, j: int) -> int:
        """How many tokens of a percent unit start at `j` (0 if none)."""
        doc = sent.doc
        for words in self.lex.percent:
            end = j + len(words)
            if end <= sent.end and all(doc[j + k].lower_ == w for k, w in enumerate(words)):
                return len(words)
        return 0

    # -- matchers, each returning (end, kind) or None --------------------------------------

    def _money(self, sent: Span, i: int) -> Found | None:
        doc = sent.doc
        if doc[i].lower_ not in self.lex.currency_symbols or i + 1 >= sent.end:
            return None
        nxt = doc[i + 1]
        if not (self._is_number(nxt) or self._is_scaled_digits(nxt)):
            return None
        return self._phrase_end(sent, i + 1), "money"

    def _number(self, sent: Span, i: int) -> Found | None:
        doc, lex = sent.doc, self.lex
        tok = doc[i]
        if self._is_scaled_digits(tok):
            return i + 1, "count"
        a_scale = tok.lower_ in {"a", "an"} and i + 1 < sent.end and self._is_scale(doc[i + 1])
        if not (a_scale or self._is_number(tok)):
            return None
        end = self._phrase_end(sent, i + 1 if a_scale else i)
        if i in self.cited:
            return end, None
        unit = self._unit(sent, end)
        if unit:
            return end + unit, "percentage"
        if end < sent.end and doc[end].lower_ in lex.currency_words:
            return end + 1, "money"
        rate_end = self._rate_end(sent, end)
        if rate_end:
            return rate_end, "proportion"
        range_end = self._range_end(sent, end)
        if range_end:  # "10-15 percent"; a bare range or score ("3-1") is no statistic
            unit = self._unit(sent, range_end)
            return (range_end + unit, "percentage") if unit else (range_end, None)
        if self._is_not_statistic(sent, i, end):
            return end, None
        return end, "count"

    def _rate_end(self, sent: Span, j: int) -> int:
        """ "one in five", "3 out of 10": the end of the rate, or 0."""
        doc = sent.doc
        for words in self.lex.rate_links:
            k = j + len(words)
            linked = all(doc[j + n].lower_ == w for n, w in enumerate(words) if j + n < sent.end)
            if k < sent.end and linked and self._is_number(doc[k]):
                return self._phrase_end(sent, k)
        return 0

    def _range_end(self, sent: Span, j: int) -> int:
        doc = sent.doc
        if j + 1 < sent.end and doc[j].text in DASHES | {"to"} and _is_digits(doc[j + 1].text):
            return self._phrase_end(sent, j + 1)
        return 0

    def _proportion(self, sent: Span, i: int) -> Found | None:
        """ "a quarter of", "two-thirds of", "half of the", "one third of"."""
        doc, lex = sent.doc, self.lex
        tok = doc[i]
        lower = tok.lower_
        if lower == "half" and not (i > sent.start and doc[i - 1].lower_ in lex.half_blockers):
            if i + 1 < sent.end and doc[i + 1].lower_ in lex.half_followers:
                return i + 1, "proportion"
            return None
        if lower not in {"a", "one"} and lower not in lex.small_words:
            return None
        j = i + 1
        if j + 1 < sent.end and doc[j].text in DASHES:
            j += 1  # "two-thirds"
        if j >= sent.end or doc[j].lower_ not in lex.fractions:
            return None
        end = j + 1
        followed = doc[end].lower_ if end < sent.end else ""
        if followed == "of" and end + 2 < sent.end and doc[end + 2].lower_ in lex.time_units:
            return end, None  # "a quarter of a century"
        if followed == "of" or (doc[j - 1].text in DASHES and followed not in lex.time_units):
            return end, "proportion"
        return None

    def _vague_count(self, sent: Span, i: int) -> Found | None:
        """ "thousands of people", "tens of thousands of"."""
        doc = sent.doc
        if doc[i].lower_ not in self.lex.vague_counts:
            return None
        end = i + 1
        if end + 1 < sent.end and doc[end].lower_ == "of" and doc[end + 1].lower_ in self.lex.scale:
            end += 2  # "tens of thousands"
        if end < sent.end and doc[end].lower_ == "of":
            return end, "count"
        return None

    # -- what a figure is not ---------------------------------------------------------------

    def _is_not_statistic(self, sent: Span, i: int, end: int) -> bool:
        doc, lex = sent.doc, self.lex
        tok = doc[i]
        prev = doc[i - 1] if i > sent.start else None
        nxt = doc[end] if end < sent.end else None
        if end == i + 1 and tok.lower_ in lex.small_words:
            return True  # "one theory", "two reasons"
        if not _is_digits(tok.text) and nxt is not None and nxt.text in DASHES:
            return True  # "a thousand-yard stare", "one-sided"
        if prev is not None and prev.text in APOSTROPHES and len(tok.text) == 2:
            return True  # "'16": a year
        if end == i + 1 and _is_digits(tok.text) and float(tok.text.replace(",", "")) < 10:
            return True  # single digits: list items, small counts, rarely a statistic
        return (
            self._is_year(tok, prev, end - i)
            or self._is_date(sent, i, end)
            or (nxt is not None and nxt.lower_ in lex.time_of_day)
            or self._is_duration_or_age(sent, i, end)
            or self._is_name_or_reference(sent, i, end)
            or self._is_list_number(sent, i, end)
        )

    def _is_year(self, tok: Token, prev: Token | None, length: int) -> bool:
        text = tok.text
        if length != 1 or len(text) != 4 or not (text.isascii() and text.isdigit()):
            return False
        year = int(text)
        if self.lex.min_year <= year <= self.lex.max_year:
            return True
        return prev is not None and prev.lower_ in self.lex.year_markers

    def _is_date(self, sent: Span, i: int, end: int) -> bool:
        """Next to a month or weekday: "May 2018", "1 December", "Dec. 1, 2018", "the 5th of"."""
        doc, lex = sent.doc, self.lex
        calendar = lex.months | lex.weekdays
        before = [
            t.lower_ for t in doc[max(sent.start, i - 3) : i] if t.lower_ not in {",", "the", "of"}
        ]
        after = [t.lower_ for t in doc[end : min(sent.end, end + 2)] if t.lower_ not in {",", "of"}]
        return bool(before and before[-1] in calendar) or bool(after and after[0] in calendar)

    def _is_duration_or_age(self, sent: Span, i: int, end: int) -> bool:
        """ "three weeks", "10 years", "a 10-year-old", "aged 45", "Smith, 45, said"."""
        doc, lex = sent.doc, self.lex
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
            and (doc[i - 2].tag_ in {"NNP", "NNPS"} or doc[i - 2].is_title)
        )

    def _is_name_or_reference(self, sent: Span, i: int, end: int) -> bool:
        """ "Route 66", "Section 230", "Apollo 11", "10 Downing Street", "(2)", [3]."""
        doc, lex = sent.doc, self.lex
        prev = doc[i - 1] if i > sent.start else None
        nxt = doc[end] if end < sent.end else None
        if prev is not None and prev.lower_ in lex.reference_nouns:
            return True
        if prev is not None and prev.text == "(" and nxt is not None and nxt.text == ")":
            return True
        named = prev is not None and (
            prev.tag_ in {"NNP", "NNPS"} or (not prev.tag_ and prev.is_title and i - 1 > sent.start)
        )
        if named and (nxt is None or nxt.tag_ not in NOUN_TAGS):
            return True  # "Apollo 11", "Windows 10"
        if nxt is not None and nxt.is_title and nxt.tag_ not in {"NNPS", "NNS", "JJ", "CD"}:
            return True  # "54 Below", "Fight for 15 Movement" (but "3,800 Syrians" is plural)
        street = doc[end : min(sent.end, end + 4)]
        return any(t.lower_ in lex.street_words for t in street) and all(
            t.is_title for t in street[:1]
        )

    def _is_list_number(self, sent: Span, i: int, end: int) -> bool:
        doc = sent.doc
        if doc[i].tag_ == "LS":
            return True
        first = i == sent.start or all(t.is_space or t.is_punct for t in doc[sent.start : i])
        return first and end < sent.end and doc[end].text in {".", ")", ":"}


def _is_digits(text: str) -> bool:
    stripped = text.replace(",", "").replace(".", "", 1)
    return stripped.isascii() and stripped.isdigit()  # not "²": isdigit() alone accepts it


@Language.factory("caveat_number")
def make_number_detector(nlp: Language, name: str) -> NumberDetector:
    return NumberDetector(nlp, name)
