"""Attribution by quotation: someone's own words in quotation marks."""

from __future__ import annotations

from spacy.tokens import Span

from caveat.analysis.shared.attribution.lexicon import AttributionLexicon
from caveat.analysis.shared.quotes import DOUBLE_CLOSE, DOUBLE_MARKS


def quotation_spans(sent: Span, lex: AttributionLexicon, lower: list[str]) -> list[Span]:
    """A sentence that opens with a quote, one that closes a quote begun earlier, or a quoted
    stretch long enough not to be scare quotes ("a 'firewall'")."""
    doc = sent.doc
    marks = [sent.start + k for k, word in enumerate(lower) if word in DOUBLE_MARKS]
    if not marks:
        return []
    first_word = next((t for t in sent if not t.is_space), sent[0])
    if first_word.text in DOUBLE_MARKS:
        end = marks[1] + 1 if len(marks) > 1 else sent.end
        return [Span(doc, first_word.i, end, label="quotation")]
    if doc[marks[0]].text in DOUBLE_CLOSE or (len(marks) % 2 and marks[-1] >= sent.end - 2):
        # The sentence closes a quotation opened in an earlier one.
        quoted = doc[sent.start : marks[0]]
        if len(quoted) >= lex.min_quote_tokens and _is_speech(quoted):
            return [Span(doc, sent.start, marks[0] + 1, label="quotation")]
    spans = []
    for k in range(0, len(marks), 2):
        start = marks[k]
        end = marks[k + 1] + 1 if k + 1 < len(marks) else sent.end
        if end - start - 2 >= lex.min_quote_tokens and _is_speech(doc[start + 1 : end - 1]):
            spans.append(Span(doc, start, end, label="quotation"))
    return spans


def _is_speech(quoted: Span) -> bool:
    """Quoted words with a lower-case verb are speech; a quoted title ("Girls, Girls, Girls")
    or name ("expulsion of criminal foreigners initiative") is not."""
    if quoted[0].tag_:
        return any(t.tag_.startswith(("VB", "MD")) and not t.is_title for t in quoted)
    return sum(1 for t in quoted if t.is_lower) >= 2
