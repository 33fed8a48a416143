"""The modal rules: `epistemic-modal` ("it may rain", "the site could be leaking"),
`conditional-modal` ("80 percent would fail") and `inferred-modal` ("he must have known").

Context decides: "May 2018" is a month, "May I" and "Could you...?" ask, "visitors may bring
one bag" permits, "she could swim as a child" and "in the 1990s the plant could process 200
tonnes" are past ability, "most voters could accept a tax rise" is willingness, "he said he
would resign" reports a plan, "a bill that would raise taxes" says what a bill provides, "I
would like" is a wish, and "must be insured" an obligation."""

from __future__ import annotations

import datetime
import re

from caveat.analysis.layers.hedge.scan import Hit, SentenceScan
from caveat.analysis.shared.years import is_year

#: "1990s", "1990's": a decade
DECADE = re.compile(r"^(\d{3}0)'?s$")


def epistemic_modal(scan: SentenceScan, i: int) -> Hit | None:
    kind = _modal_kind(scan, i)
    if kind not in {"always", "could"} or kind == "could" and _is_ability(scan, i):
        return None
    if kind == "always" and _is_permission(scan, i):
        return None
    return scan.span(i, i + 1, "epistemic-modal")


def conditional_modal(scan: SentenceScan, i: int) -> Hit | None:
    if _modal_kind(scan, i) != "would" or _is_reported_or_wish(scan, i):
        return None
    return scan.span(i, i + 1, "conditional-modal")


def inferred_modal(scan: SentenceScan, i: int) -> Hit | None:
    if _modal_kind(scan, i) != "must" or not _is_inference(scan, i):
        return None
    return scan.span(i, i + 1, "inferred-modal")


def _modal_kind(scan: SentenceScan, i: int) -> str | None:
    """The lexicon's kind of the modal at i ("always", "could", "would", "must"), or None when
    the word is no modal here (a month, a request)."""
    word = scan.low(i)
    if word not in scan.lex.modals:
        return None
    if scan.tagged and scan.tag(i) != "MD" or _is_month(scan, i) or _is_request(scan, i):
        return None
    return scan.lex.modals[word]


def _is_month(scan: SentenceScan, i: int) -> bool:
    token = scan.sent[i]
    if token.text != "May":
        return False
    nxt = scan.tok(i + 1)
    before = scan.low(i - 1)
    # A capital "May" inside a sentence is the month; at its start, only before a date.
    return (nxt is not None and nxt.is_digit) or before in scan.lex.month_preceders or i > 0


def _is_request(scan: SentenceScan, i: int) -> bool:
    """'May I ...?', 'Could you ...?': permission or a request, not a hedge."""
    if any(not scan.sent[k].is_punct for k in range(i)):
        return False
    if scan.low(i + 1) not in scan.lex.request_subjects:
        return False
    return scan.low(i) in scan.lex.permission_modals or "?" in scan.lows


def _is_permission(scan: SentenceScan, i: int) -> bool:
    """'Visitors may bring one bag', 'members may not vote by proxy': who may do what."""
    lex = scan.lex
    if scan.low(i) not in lex.permission_modals:
        return False
    j = scan.next_verb(i)
    auxiliary = any(scan.low(k) in lex.modal_auxiliaries for k in range(i + 1, j + 1))
    if auxiliary or scan.lemma(j) not in lex.permission_verbs:
        return False  # "members may be asked", "may have used": not what they are allowed
    subject, _passed = scan.subject_before(i)
    return subject in lex.permission_subjects


def _is_ability(scan: SentenceScan, i: int) -> bool:
    lex = scan.lex
    past, future = _years_told(scan)
    if future:
        return False  # "could reach 40 percent by 2050": a projection
    if past or scan.phrase_anywhere("past_time_markers"):
        return True
    j = scan.next_verb(i)
    if scan.lemma(j) in lex.perception_verbs or _is_willingness(scan, j):
        return True
    negated = any(scan.low(k) in lex.negations for k in range(i + 1, j))
    if not negated or scan.low(j) in lex.modal_auxiliaries:
        return False
    # "could not repair it" in a past narrative is inability, not doubt.
    past = scan.tagged and any(t.tag_ == "VBD" for t in scan.sent)
    return past or scan.lemma(j) in lex.inability_verbs


def _is_willingness(scan: SentenceScan, j: int) -> bool:
    """'could accept a small tax rise', 'could live with a delay': what someone would put up
    with, not what may happen."""
    lemma = scan.lemma(j)
    if lemma not in scan.lex.willingness_verbs:
        return False
    particle = scan.lex.willingness_particles.get(lemma)
    return particle is None or scan.low(j + 1) == particle


def _years_told(scan: SentenceScan) -> tuple[bool, bool]:
    """Whether the sentence is set in years gone by ('in the 1990s', 'in 1995'), and whether it
    names a year to come ('by 2050')."""
    this_year = datetime.date.today().year
    past = future = False
    for k, word in enumerate(scan.lows):
        decade = DECADE.match(word)
        if decade:
            past = past or int(decade.group(1)) + 10 <= this_year
        elif is_year(word):
            future = future or int(word) > this_year
            opened = scan.low(k - 1) in scan.lex.past_year_openers
            past = past or (int(word) < this_year and opened)
    return past, future


def _is_reported_or_wish(scan: SentenceScan, i: int) -> bool:
    lex = scan.lex
    if (
        scan.low(scan.next_verb(i)) in lex.would_not_before
        or scan.low(i + 1) in lex.would_not_before
    ):
        return True
    return (
        any(scan.low(k) in lex.reporting_verbs for k in _words_before(scan, i, 6))
        or _is_provision(scan, i)
        or _reported_in_clause(scan, i)
        or _joined_to_reported(scan, i)
    )


def _reported_in_clause(scan: SentenceScan, i: int) -> bool:
    """'The White House said in a statement that the plan would': a reporting verb further
    back, with no clause boundary between it and the "would"."""
    lex = scan.lex
    for k in _words_before(scan, i, lex.report_reach):
        if scan.low(k) in lex.report_boundaries:
            return False
        if scan.low(k) in lex.reporting_verbs:
            return True
    return False


def _joined_to_reported(scan: SentenceScan, i: int) -> bool:
    """'... said the bill would undermine elections, and would apply one standard': a "would"
    joined by "and" to a reported or provided one is reported too."""
    lex = scan.lex
    k = i - 1
    while scan.low(k) == ",":
        k -= 1
    if scan.low(k) not in lex.would_coordinators:
        return False
    earlier = next((j for j in range(k - 1, -1, -1) if scan.low(j) == scan.low(i)), None)
    return earlier is not None and _is_reported_or_wish(scan, earlier)


def _words_before(scan: SentenceScan, i: int, count: int) -> list[int]:
    """The `count` words before i, leaving out an aside between dashes or brackets ("he
    admitted that philanthropy -- even on his own scale -- would not be enough"); an aside
    that never opens is no aside."""
    marks = scan.lex.aside_marks  # closing mark -> opening mark, read from right to left
    found: list[int] = []
    k, opening = i - 1, ""
    while k >= 0 and len(found) < count:
        word = scan.low(k)
        if opening:
            opening = "" if word == opening else opening
        elif word in marks:
            opening = marks[word]
        else:
            found.append(k)
        k -= 1
    if opening:
        return list(range(i - 1, max(-1, i - 1 - count), -1))
    return found


def _is_provision(scan: SentenceScan, i: int) -> bool:
    """'a plan that would tweak Social Security', 'under the agreement, the wage would climb':
    what a plan or law provides, not the writer's conjecture."""
    lex = scan.lex
    relative = i - 1
    if scan.low(relative) in lex.provision_relatives:
        noun = relative - 2 if scan.low(relative - 1) == "," else relative - 1
        if scan.low(noun) in lex.provision_nouns:
            return True
    return any(
        scan.low(k) in lex.provision_openers and scan.low(k + 2) in lex.provision_nouns
        for k in range(i - 2)
    )


def _is_inference(scan: SentenceScan, i: int) -> bool:
    """'must have been', 'must be mad': an inference; 'must be done' is an obligation."""
    lex = scan.lex
    j = i + 1
    while scan.low(j) in lex.negations or scan.tag(j) == "RB":
        j += 1
    after = scan.tok(j + 1)
    if after is None:
        return False
    if scan.low(j) in lex.perfect_auxiliaries:
        return after.tag_ == "VBN" if scan.tagged else after.lower_ in lex.been
    if scan.low(j) in lex.copulas:
        if scan.tagged:
            return after.tag_ not in {"VBN", "VBG", "TO"}
        return not after.lower_.endswith("ed")
    return False
