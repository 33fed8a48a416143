"""How detectors record findings on a spaCy Doc, and how analysis reads them back.

Each detector writes only `doc.spans[<its spans key>]`; the span's label is the rule id. The
message and confidence ride in `doc.user_data`, keyed by layer and span, because a Span
extension is keyed by position alone and two layers may flag the same words. Messages come from
the rule's template (rules.py), never from the detector's code.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from caveat.analysis.confidence.features import DocContext, span_features
from caveat.analysis.confidence.model import confidence
from caveat.findings import Finding
from caveat.rules import Rule

_KEY = "caveat_messages"  # doc.user_data[_KEY][(layer, start, end, rule)] = (message, confidence)
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
    )
    return span


def findings_of(doc: Doc, layer: str, offset: int = 0) -> list[Finding]:
    """The findings a detector left on `doc`, shifted by `offset` into the document text, each
    with its confidence calibrated in context (analysis/confidence)."""
    return [finding for finding, _prior, _features in scored_findings(doc, layer, offset)]


def flagged_words(text: str) -> str:
    """A finding's words as the confidence model knows them: lower case, single spaces."""
    return " ".join(text.lower().split())


def scored_findings(
    doc: Doc, layer: str, offset: int = 0
) -> list[tuple[Finding, float, tuple[float, ...]]]:
    """The findings with the prior and the context features their confidence was computed from
    (the fit script reads these)."""
    spans = list(doc.spans.get(layer, []))
    if not spans:
        return []
    messages = doc.user_data.get(_KEY, {})
    context = DocContext.of(doc)
    found = {}
    for span in spans:
        key = (layer, span.start_char, span.end_char, span.label_)
        message, prior = messages.get(key, ("", 1.0))
        features = span_features(doc, span, context, spans)
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
