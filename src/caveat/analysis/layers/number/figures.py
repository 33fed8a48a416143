"""Finding the figures in a sentence that are statistics, with their units and their kind.

At each word that can start a figure the rules are tried in turn: a proportion ("a quarter of"),
money by its symbol ("$58,000"), a number whose following words decide its kind ("80 percent",
"5 million dollars", "one in five", "3,800"), a vague magnitude ("thousands of", thorough only).
What is not a statistic (years, dates, durations, names, list numbers) is told in
not_statistics.py.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from caveat.analysis.layers.number import not_statistics
from caveat.analysis.layers.number.count import is_scaled_digits, vague_magnitude
from caveat.analysis.layers.number.lexicon import NumberLexicon
from caveat.analysis.layers.number.money import currency_word_after, money
from caveat.analysis.layers.number.percentage import percentage_unit
from caveat.analysis.layers.number.proportion import proportion, rate_end
from caveat.analysis.layers.number.shapes import DASHES, is_digits
from caveat.analysis.shared.phrases import PhraseLists
from caveat.analysis.shared.words import lower_words

Found = tuple[int, str | None]  # end token of a match, and its kind (None: not a statistic)


class FigureFinder:
    """Finds the figures in a sentence that are statistics, with their units."""

    def __init__(self, lex: NumberLexicon, phrases: PhraseLists, cited: set[int]) -> None:
        self.lex, self.phrases = lex, phrases
        self.cited = cited  # token indices inside citation markers such as [3]
        self.triggers = (
            lex.small_words
            | lex.large_words
            | lex.currency_symbols
            | lex.vague_counts
            | {"a", "an", "half"}
        )

    def figures(self, sent: Span) -> list[tuple[int, int, str]]:
        """(start, end, rule id) of each statistic in `sent`, in order."""
        found, i = [], sent.start
        lower = lower_words(sent.doc)
        while i < sent.end:
            word = lower[i]
            if not (word[:1].isdigit() or word in self.triggers):
                i += 1  # most tokens cannot start a figure: skip them with one set lookup
                continue
            match = (
                proportion(self, sent, i)
                or money(self, sent, i)
                or self.number(sent, i)
                or vague_magnitude(self, sent, i)
            )
            if match is None:
                i += 1
                continue
            end, kind = match
            if kind is not None:
                found.append((i, end, kind))
            i = max(end, i + 1)
        return found

    def is_number(self, tok: Token) -> bool:
        lower = tok.lower_
        return is_digits(tok.text) or lower in self.lex.small_words or lower in self.lex.large_words

    def phrase_end(self, sent: Span, i: int) -> int:
        """The end of the number phrase at `i`: "3.5 million", "two hundred", "twenty-five"."""
        doc, lex, j = sent.doc, self.lex, i + 1
        while j < sent.end:
            tok = doc[j]
            if tok.lower_ in lex.scale or tok.lower_ in lex.large_words:
                j += 1
            elif tok.lower_ in lex.small_words and doc[j - 1].lower_ in lex.large_words:
                j += 1  # "forty six"
            elif tok.text in DASHES and j + 1 < sent.end and doc[j + 1].lower_ in lex.small_words:
                j += 2  # "twenty-five"
            else:
                break
        return j

    def number(self, sent: Span, i: int) -> Found | None:
        """A number, and what its following words make it: a percentage, money, a proportion,
        a count, or no statistic at all."""
        doc = sent.doc
        tok = doc[i]
        if is_scaled_digits(self, tok):
            return i + 1, "count"
        a_scale = tok.lower_ in {"a", "an"} and i + 1 < sent.end and self._is_scale(doc[i + 1])
        if not (a_scale or self.is_number(tok)):
            return None
        end = self.phrase_end(sent, i + 1 if a_scale else i)
        if i in self.cited:
            return end, None
        unit = percentage_unit(self, sent, end)
        if unit:
            return end + unit, "percentage"
        if currency_word_after(self, sent, end):
            return end + 1, "money"
        rate = rate_end(self, sent, end)
        if rate:
            return rate, "proportion"
        range_end = self._range_end(sent, end)
        if range_end:  # "10-15 percent"; a bare range or score ("3-1") is no statistic
            unit = percentage_unit(self, sent, range_end)
            if unit:
                return range_end + unit, "percentage"
            return range_end, "count" if self._is_count_range(sent, i, end, range_end) else None
        if not_statistics.is_not_statistic(self, sent, i, end):
            return end, None
        return end, "count"

    def _is_scale(self, tok: Token) -> bool:
        """ "million" in "a million votes"."""
        return tok.lower_ in self.lex.scale and tok.lower_ in self.lex.large_words

    def _is_count_range(self, sent: Span, i: int, end: int, range_end: int) -> bool:
        """ "80-200 nuclear weapons": a range of things counted, rising (a score, "34-27", falls)
        and before a plural noun that is no time unit ("10-15 years")."""
        doc = sent.doc
        low, high = doc[i:end], doc[end + 1 : range_end]
        if len(low) != 1 or len(high) != 1 or not (is_digits(low.text) and is_digits(high.text)):
            return False
        if float(low.text.replace(",", "")) >= float(high.text.replace(",", "")):
            return False
        j = range_end
        while j < sent.end and j < range_end + 2 and doc[j].tag_ == "JJ":
            j += 1
        if j >= sent.end or doc[j].tag_ != "NNS" or doc[j].lower_ in self.lex.time_units:
            return False
        return not not_statistics.is_not_statistic(self, sent, i, end)

    def _range_end(self, sent: Span, j: int) -> int:
        doc = sent.doc
        if j + 1 < sent.end and doc[j].text in DASHES | {"to"} and is_digits(doc[j + 1].text):
            return self.phrase_end(sent, j + 1)
        return 0
