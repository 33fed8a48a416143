"""Attribution by reference: citation markers ([3], (Smith, 2020), Jones (2019)) and links."""

from __future__ import annotations

from spacy.tokens import Span

from caveat.analysis.pipeline.spans import LINKS_KEY
from caveat.analysis.shared.attribution.lexicon import AttributionLexicon
from caveat.analysis.shared.years import is_year

BRACKETS = {"[", "]", "(", ")"}


def citation_spans(sent: Span, lex: AttributionLexicon, lower: list[str]) -> list[Span]:
    """Citation markers: [3], [12, 14], (Smith, 2020), (Smith et al. 2020), Smith (2020).

    A marker right after the full stop still cites its sentence, and the sentence splitter may
    cut a marker in two ("4% [" | "3]."), so the search reaches a few tokens past the sentence.
    """
    doc, reach = sent.doc, lex.max_citation_tokens
    spans: list[Span] = []
    after = doc[sent.end].text if sent.end < len(doc) else ""
    if after not in BRACKETS and not any(word in BRACKETS for word in lower):
        return spans
    for i in range(max(0, sent.start - reach), min(len(doc), sent.end + 1)):
        tok = doc[i]
        if tok.text not in {"[", "("}:
            continue
        closer = "]" if tok.text == "[" else ")"
        limit = min(i + reach, len(doc))
        end = next((j for j in range(i + 1, limit) if doc[j].text == closer), None)
        if end is None or end == i + 1 or end < sent.start:
            continue
        inside = doc[i + 1 : end]
        if closer == "]" and all(t.is_digit or t.text in {",", "-", "–"} for t in inside):
            spans.append(Span(doc, i, end + 1, label="citation"))
        elif closer == ")" and _is_author_year(inside, lex):
            named_inside = any(t.is_alpha and t.is_title for t in inside)
            named_before = i > 0 and doc[i - 1].is_title
            if named_inside or (named_before and len(inside) == 1):
                spans.append(Span(doc, i if named_inside else i - 1, end + 1, label="citation"))
    return spans


def _is_author_year(inside: Span, lex: AttributionLexicon) -> bool:
    """ "Smith, 2020", "Smith and Lee 2019", "Smith et al., 2020a, p. 4": names, years, marks."""
    if not any(is_year(t.text.rstrip("abc")) for t in inside):  # "2020a" in author-year
        return False
    return all(
        t.is_title or t.is_punct or t.like_num or t.lower_ in lex.citation_words for t in inside
    )


def link_spans(sent: Span) -> list[Span]:
    """A hyperlink in the sentence (a web page's or a Word file's): the linked page is the
    source."""
    doc, spans = sent.doc, []
    for start, end in doc.user_data.get(LINKS_KEY, []):
        if start < sent.end_char and sent.start_char < end:
            span = doc.char_span(
                max(start, sent.start_char), min(end, sent.end_char), alignment_mode="expand"
            )
            if span is not None:
                spans.append(Span(doc, span.start, span.end, label="link"))
    return spans
