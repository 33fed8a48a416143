"""`vague-quantity` (shown at the `thorough` sensitivity only): a vague quantity that stands
for people, works or sources nobody names ("many of his works are considered", "some
manufacturers say", "several historians"), which WikiWeasel marks and a careful editor asks
about. Durations and sizes ("for many years") are left alone; the named views of an unnamed
crowd ("some say", "many experts") are `unnamed-source`, shown at every level. "In some
cases" and "in many instances" (how often a claim holds, left vague) are vague quantities too."""

from __future__ import annotations

from caveat.analysis.layers.hedge.scan import Hit, SentenceScan

#: may stand between the quantity and its noun: "many early works", "some car manufacturers",
#: "some commercially available solutions", "some post-rock bands" (the tagger reads "post",
#: "-" and "rock" as three adjectives), "some of the finest writers"
MODIFIER_TAGS = {"JJ", "JJR", "JJS", "RBS", "NN", "NNP", "VBN", "VBG", "RB", "HYPH"}
PLURAL_TAGS = {"NNS", "NNPS"}
#: after "of" any noun is a whole the quantity is part of: "some of the clergy", "many of Europe's"
NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}
#: "Some have argued", "many were killed", "some still retain": the quantity alone as the subject
VERB_TAGS = {"VBP", "VBD", "VBZ", "MD"}


def vague_quantity(scan: SentenceScan, i: int) -> Hit | None:
    lex = scan.lex
    # "in some cases": how often, left vague. Found from its quantity, so that "in", one of the
    # commonest words, starts no rule.
    reach = scan.phrase_at(i - 1, "reach_phrases") if i > 0 else 0
    if reach:
        return scan.span(i - 1, i - 1 + reach, "vague-quantity")
    size = scan.phrase_at(i, "vague_phrases") or (1 if scan.low(i) in lex.vague_quantifiers else 0)
    if not size:
        return None
    j = i + size
    if scan.low(j) in lex.partitive:  # "many of his works", "some of them"
        k = j + 1
        if scan.low(k) in lex.vague_pronouns:
            return scan.span(i, k + 1, "vague-quantity")
        if scan.low(k) in lex.group_possessors:
            k += 1
        end = _noun_end(scan, k, NOUN_TAGS)
    elif scan.tagged and scan.tag(_past_adverbs(scan, j)) in VERB_TAGS and _opens_clause(scan, i):
        end = j  # "Some have argued", "; many were killed", ", some still retain"
    else:
        end = _noun_end(scan, j, PLURAL_TAGS)
    return scan.span(i, end, "vague-quantity") if end else None


def _opens_clause(scan: SentenceScan, i: int) -> bool:
    return i == 0 or scan.low(i - 1) in {",", ";", ":", "and", "but", "while", "although"}


def _noun_end(scan: SentenceScan, k: int, nouns: set[str]) -> int:
    """The end of a noun (tagged one of `nouns`; without tags, a plural-looking word) at k, past
    up to four modifiers ("early works", "very prominent Labor Party figures"), or 0."""
    for _ in range(5):
        word = scan.low(k)
        if not word or word in scan.lex.vague_not_nouns:
            return 0
        if scan.tag(k) in nouns if scan.tagged else _looks_plural(scan, k):
            return k + 1
        if scan.tagged and scan.tag(k) not in MODIFIER_TAGS:
            return 0
        k += 1
    return 0


def _looks_plural(scan: SentenceScan, k: int) -> bool:
    word = scan.low(k)
    # Without tags: a plural-looking word that is no function word ("works", not "has").
    return (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith("ss")
        and word.isalpha()
        and word not in scan.lex.function_words
        and word not in scan.lex.be_forms
    )


def _past_adverbs(scan: SentenceScan, j: int) -> int:
    """The first word at or after j that is no adverb: the verb in "some still retain"."""
    while scan.tag(j) == "RB":
        j += 1
    return j
