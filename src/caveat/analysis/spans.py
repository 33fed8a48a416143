"""How detectors record findings on a spaCy Doc, and how analysis reads them back.

Each detector writes only `doc.spans[<layer id>]`; the span's label is the rule id. The message
and confidence ride in `doc.user_data`, keyed by layer and span, because a Span extension is keyed
by position alone and two layers may flag the same words.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from caveat.findings import Finding

_KEY = "caveat_messages"  # doc.user_data[_KEY][(layer, start, end, rule)] = (message, confidence)


def flag(
    doc: Doc,
    layer: str,
    start: int,
    end: int,
    rule: str,
    message: str,
    confidence: float = 1.0,
) -> Span:
    """Flag tokens `doc[start:end]` on `layer` with `rule` and a reason in plain words."""
    span = Span(doc, start, end, label=rule)
    if layer not in doc.spans:
        doc.spans[layer] = []
    doc.spans[layer].append(span)
    messages = doc.user_data.setdefault(_KEY, {})
    messages[(layer, span.start_char, span.end_char, rule)] = (message, confidence)
    return span


def findings_of(doc: Doc, layer: str, offset: int = 0) -> list[Finding]:
    """The findings a detector left on `doc`, shifted by `offset` into the document text."""
    found = []
    messages = doc.user_data.get(_KEY, {})
    for span in doc.spans.get(layer, []):
        key = (layer, span.start_char, span.end_char, span.label_)
        message, confidence = messages.get(key, ("", 1.0))
        found.append(
            Finding(
                span.start_char + offset,
                span.end_char + offset,
                layer,
                span.label_,
                message,
                confidence,
            )
        )
    return sorted(set(found))
