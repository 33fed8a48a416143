"""Poll wording that reads like a hedge and is not one: "likely voters" (whom a pollster asked),
"a hypothetical race" (the match-up a poll put to them) and "more likely to say" (a measured
difference between groups of respondents). "The likely Democratic nominee" and "more likely to
fail" stay hedges."""

from __future__ import annotations

from caveat.analysis.layers.hedge.scan import SentenceScan


def is_polling_term(scan: SentenceScan, i: int) -> bool:
    """'likely voters', 'a hypothetical three-candidate race', 'more likely to say'."""
    lex, word = scan.lex, scan.low(i)
    polled = lex.polling_terms.get(word)
    if polled is None:
        return False
    # within three words, a hyphen not counting: "a hypothetical three-candidate race"
    words = [k for k in range(i + 1, i + 7) if scan.low(k) not in {"-", "–"}][:3]
    if any(scan.low(k) in polled for k in words):
        return True
    return word in lex.poll_comparable and _poll_comparison(scan, i)


def _poll_comparison(scan: SentenceScan, i: int) -> bool:
    """'slightly more likely to say', 'less likely to be viewed as honest': how often a group
    of respondents answered one way, compared with another."""
    lex = scan.lex
    before = i - 1
    if scan.tag(before) == "RB" and scan.low(before) not in lex.poll_comparatives:
        before -= 1  # "slightly more likely"
    if scan.low(before) not in lex.poll_comparatives or scan.low(i + 1) != "to":
        return False
    verb = i + 3 if scan.low(i + 2) in lex.copulas else i + 2
    return scan.lemma(verb) in lex.poll_answers
