"""Quoted speech is found from the quotation marks, and apostrophes are not taken for quotes."""

from __future__ import annotations

import pytest

from caveat.analysis.shared.quotes import quoted_ranges, quoted_tokens


def _quoted_text(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [text[start:end] for start, end in quoted_ranges(doc)]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('He said "we will win" and left.', ['"we will win"']),
        ("He said “we will win” and left.", ["“we will win”"]),
        (
            "“Prices will fall. Wages will rise.” The minister left.",
            ["“Prices will fall. Wages will rise.”"],
        ),
        ('She said: "It\'s over." Then "No."', ['"It\'s over."', '"No."']),
        ("He called it ‘a disaster’ twice.", ["‘a disaster’"]),
        ("He called it 'a disaster' twice.", ["'a disaster'"]),
        (
            "“We will fight on. We will never surrender.",
            ["“We will fight on. We will never surrender."],
        ),
        ("“He said ‘no’ to me,” she wrote.", ["“He said ‘no’ to me,”", "‘no’"]),
    ],
)
def test_quoted_ranges_cover_quoted_speech_with_its_marks(pipeline, text, quoted):
    nlp, _info = pipeline
    assert _quoted_text(nlp, text) == quoted


@pytest.mark.parametrize(
    "text",
    [
        "Russia’s army and the students’ fees rose in the ’90s.",
        "Russia's army and the students' fees rose in the '90s.",
        "It’s what they’d call a win, isn’t it?",
        "No quotation marks at all.",
    ],
)
def test_quoted_ranges_ignore_apostrophes(pipeline, text):
    nlp, _info = pipeline
    assert _quoted_text(nlp, text) == []


def test_quoted_tokens_mark_only_the_words_inside_the_quotes(pipeline):
    nlp, _info = pipeline
    doc = nlp('He said "we will win" and left.')
    inside = [tok.text for tok, quoted in zip(doc, quoted_tokens(doc), strict=True) if quoted]
    assert inside == ['"', "we", "will", "win", '"']


def test_quoted_ranges_work_without_a_tagger(rules_pipeline):
    nlp, _info = rules_pipeline
    assert _quoted_text(nlp, "He called it “a disaster” and the students’ fees rose.") == [
        "“a disaster”"
    ]
