"""`unnamed-source`: a view credited to a group that names no one ("some say", "critics
claim", "many experts", "some of his critics", "according to some", "conventional wisdom")."""

from __future__ import annotations

from caveat.analysis.layers.hedge.scan import Hit, SentenceScan
from caveat.analysis.shared import tags

#: may stand between "some" and its group: "some Gore supporters", "many nutrition experts"
GROUP_MODIFIER_TAGS = {"JJ", "JJR", "NN", "NNP"}
PLURAL_TAGS = {"NNS", "NNPS"}


def unnamed_source(scan: SentenceScan, i: int) -> Hit | None:
    lex, word = scan.lex, scan.low(i)
    size = scan.phrase_at(i, "quantifier_phrases") or (1 if word in lex.quantifiers else 0)
    if size == 1 and word in lex.superlative_quantifiers and scan.low(i - 1) in lex.articles:
        size = 0  # "the most liberal members": a superlative, not a quantity
    if size and _object_of_gerund(scan, i - 1):
        return None  # "by surveying many people": whom someone asked, not who says
    if size:
        j = after = i + size
        # "some of his critics", "many of these scholars": part of a group that speaks.
        narrowed = word in lex.pronoun_quantifiers and scan.low(j) in lex.partitive
        if narrowed:
            j += 2 if scan.low(j + 1) in lex.group_possessors else 1
        # "some Gore supporters", "many nutrition experts": up to two words before the group.
        for _ in range(2):
            if scan.low(j) in lex.groups or scan.tag(j) not in GROUP_MODIFIER_TAGS:
                break
            narrowed = narrowed or scan.tag(j) in {"NN", "NNP"}
            j += 1
        group = scan.low(j)
        # "many experts" is a source on its own; "most people" only when they hold a view
        # ("most people say"), not in "most people used the hotel only to sleep".
        plain = group in lex.groups_needing_view
        if group in lex.groups and not (narrowed and group in lex.modified_not_groups):
            verb = _says_next(scan, j + 1) if plain else j
            if verb:
                # "some residents may be wondering": the modal is its own hedge
                return scan.span(i, verb + 1 if verb == j + 1 else j + 1, "unnamed-source")
        crowd = scan.tag(j) in PLURAL_TAGS if scan.tagged else group.endswith("s")
        if crowd and scan.low(after) not in lex.partitive:
            # "Most Republicans say", "some liberals hope": any unnamed crowd that speaks; not
            # "some of the materials feel", nor "many of his works are considered" (a passive).
            verb = _says_next(scan, j + 1)
            if verb and scan.lemma(verb) in lex.crowd_say_lemmas and scan.tag(verb) != "VBN":
                # "Most Republicans say" as one span; in "some residents may be wondering" the
                # modal is its own hedge.
                return scan.span(i, verb + 1 if verb == j + 1 else j + 1, "unnamed-source")
        alone = size == 1 and word in lex.pronoun_quantifiers
        verb = _says_next(scan, after) if alone else 0
        if verb:
            # "Some say" as one span; in "Some may be wondering" the modal is its own hedge.
            return scan.span(i, verb + 1 if verb == after else i + 1, "unnamed-source")
    if word in lex.groups and not _named_before(scan, i) and not _not_speaking(scan, i):
        verb = _says_next(scan, i + 1)
        if verb:
            return scan.span(i, verb + 1, "unnamed-source")
    size = scan.phrase_at(i, "unnamed_phrases")
    if size:
        return scan.span(i, i + size, "unnamed-source")
    opener = scan.phrase_at(i, "attribution_openers")
    if opener and scan.is_unnamed(i + opener):
        return scan.span(i, i + opener + 1, "unnamed-source")
    return None


def _says_next(scan: SentenceScan, j: int) -> int:
    """Index of a saying or believing verb at j (after auxiliaries), or 0."""
    lex = scan.lex
    for k in range(j, j + 4):
        if scan.tok(k) is None:
            return 0
        if scan.lemma(k) in lex.say_lemmas and scan.is_verb(k):
            return k
        if scan.low(k) in lex.say_lemmas and scan.low(k + 1) in lex.complements:
            return k  # "Some claim that ...": the tagger often reads "claim" as a noun
        if scan.low(k) not in lex.aux_between:
            return 0
    return 0


def _named_before(scan: SentenceScan, i: int) -> bool:
    """A name, a possessive or a number right before a group noun names it."""
    prev = scan.tok(i - 1)
    if prev is None:
        return False
    if scan.tagged:
        return prev.tag_ in tags.NAME or prev.tag_ in {"POS", "CD", "PRP$"}
    return prev.is_title and i - 1 > 0


def _not_speaking(scan: SentenceScan, i: int) -> bool:
    """The group before verb i is an object ('an advocate for senior citizens says') or a
    measured share ('54 percent of Democratic registered voters held', 'Nine in 10 voters say'):
    a poll's result, or someone else speaking, not an unnamed crowd."""
    k = i - 1
    while k >= 0 and (
        scan.tag(k) in GROUP_MODIFIER_TAGS | {"VBN", "NNPS"} or scan.low(k) in scan.lex.share_wholes
    ):
        k -= 1  # "54 percent of all registered voters"
    if k < 0 or not scan.tagged:
        return False
    if _object_of_gerund(scan, k):
        return True  # "making organizations report spending": made to, not saying
    if scan.is_number(k):
        return True  # "Nine in 10 Democratic registered voters say": a counted share
    if scan.low(k) in scan.lex.partitive:
        share = scan.low(k - 1)
        return share in scan.lex.measured_shares or scan.is_number(k - 1) if k > 0 else False
    return scan.tag(k) == "IN" and scan.low(k) not in scan.lex.clause_conjunctions


def _object_of_gerund(scan: SentenceScan, k: int) -> bool:
    """Word k is a gerund or present participle, so the group after it is its object ("by
    surveying many people", "making organizations report"). Only with tags: without them
    "morning" or "during" cannot be told from a gerund."""
    return scan.tagged and scan.tag(k) == "VBG"
