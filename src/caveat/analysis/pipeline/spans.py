"""How detectors record findings on a spaCy Doc, and how analysis reads them back.

Each detector writes only `doc.spans[<its spans key>]`; the span's label is the rule id. The
message and confidence ride in `doc.user_data`, keyed by layer and span, because a Span
extension is keyed by position alone and two layers may flag the same words. Messages come from
the rule's template (rules.py), never from the detector's code.

A rule or variant marked `level = "thorough"` in its table is flagged on the Doc like any other
(the rule-example tests and `caveat eval --sensitivity thorough` read it there); `findings_of`
and `spans_at` leave it out below that sensitivity. An analysis keeps every finding (it asks at
`thorough`), each with its calibrated confidence (analysis/confidence), and what a reader sees
at a level is filtered from it (caveat.sensitivity), so switching level never re-analyses.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from caveat.analysis.confidence.features import DocContext, sentences_flagged, span_features
from caveat.analysis.confidence.model import confidence
from caveat.findings import Finding
from caveat.rules import DEFAULT_SENSITIVITY, Rule, shown_at

#: doc.user_data[_KEY][(layer, start, end, rule)] = (message, confidence, level)
_KEY = "caveat_messages"
#: doc.user_data key of a block's hyperlinks, as Doc-relative (start_char, end_char) pairs
LINKS_KEY = "caveat_links"


def flag(
    doc: Doc,
    key: str,
    start: int,
    end: int,
    rule: Rule,
    variant: str | None = None,
    **fields: object,
) -> Span:
    """Flag tokens `doc[start:end]` in `doc.spans[key]` (the layer's) with `rule`; the message is
    the rule's (or the variant's) template filled with `fields`, "{text}" with the flagged
    words."""
    span = Span(doc, start, end, label=rule.id)
    fields.setdefault("text", span.text)
    if key not in doc.spans:
        doc.spans[key] = []
    doc.spans[key].append(span)
    messages = doc.user_data.setdefault(_KEY, {})
    messages[(key, span.start_char, span.end_char, rule.id)] = (
        rule.message_for(variant, **fields),
        rule.confidence_for(variant),
        rule.level_for(variant),
    )
    return span


def spans_at(doc: Doc, layer: str, sensitivity: str = DEFAULT_SENSITIVITY) -> list[Span]:
    """The spans of `layer` on `doc` whose rule shows at `sensitivity` (by the rule's level)."""
    messages = doc.user_data.get(_KEY, {})
    return [
        span
        for span in doc.spans.get(layer, [])
        if shown_at(_level(messages, layer, span), sensitivity)
    ]


def _level(messages: dict, layer: str, span: Span) -> str:
    found = messages.get((layer, span.start_char, span.end_char, span.label_))
    return found[2] if found else "strict"


def findings_of(
    doc: Doc, layer: str, offset: int = 0, sensitivity: str = DEFAULT_SENSITIVITY
) -> list[Finding]:
    """The findings a detector left on `doc` whose rule shows at `sensitivity`, shifted by
    `offset` into the document text, each with its confidence calibrated in context. (The
    confidence thresholds of the levels are applied by caveat.sensitivity, on top.)"""
    return [f for f, _prior, _features in scored_findings(doc, layer, offset, sensitivity)]


def flagged_words(text: str) -> str:
    """A finding's words as the confidence model knows them: lower case, single spaces."""
    return " ".join(text.lower().split())


def scored_findings(
    doc: Doc, layer: str, offset: int = 0, sensitivity: str = DEFAULT_SENSITIVITY
) -> list[tuple[Finding, float, tuple[float, ...]]]:
    """The findings with the prior and the context features their confidence was computed from
    (the fit script reads these)."""
    spans = spans_at(doc, layer, sensitivity)
    if not spans:
        return []
    messages = doc.user_data.get(_KEY, {})
    context = DocContext.of(doc)
    # For a finding shown below `thorough`, "another flag in the sentence" counts only flags
    # shown there too: a span shown at `thorough` alone ("many of his works") must not move the
    # confidence, and so the level, of a balanced finding beside it (the balanced findings are
    # the same with or without it). A thorough-only finding counts every flag.
    below = [s for s in spans if shown_at(_level(messages, layer, s))]
    flagged_below = sentences_flagged(context, below)
    flagged = sentences_flagged(context, spans) if len(below) < len(spans) else flagged_below
    found = {}
    for span in spans:
        key = (layer, span.start_char, span.end_char, span.label_)
        message, prior, rule_level = messages.get(key, ("", 1.0, "strict"))
        shown_below = shown_at(rule_level)
        features = span_features(doc, span, context, flagged_below if shown_below else flagged)
        finding = Finding(
            span.start_char + offset,
            span.end_char + offset,
            layer,
            span.label_,
            message,
            confidence(layer, span.label_, prior, features, flagged_words(span.text)),
        )
        found[finding] = (prior, features)
    return [(finding, *found[finding]) for finding in sorted(found)]
