"""Findings of rules shown only at `thorough` are on the Doc (so `caveat eval --sensitivity
thorough` and the generated rule tests see them) but not in what a reader gets by default, and
they take no word from the rules shown at every level."""

from __future__ import annotations

import pytest

from caveat.analysis.pipeline.spans import findings_of, spans_at

TEXT = "Many of his works are considered masterpieces, and many possible buyers may stay home."


@pytest.mark.parametrize("which", ["model", "rules"])
def test_thorough_findings_show_only_at_thorough(which, pipeline, rules_pipeline):
    nlp, _info = pipeline if which == "model" else rules_pipeline
    doc = nlp(TEXT)
    default = {f.rule for f in findings_of(doc, "hedge")}
    thorough = {f.rule for f in findings_of(doc, "hedge", sensitivity="thorough")}
    assert "vague-quantity" in thorough and "vague-quantity" not in default
    assert default < thorough
    assert {s.label_ for s in spans_at(doc, "hedge")} == default
    assert {f.rule for f in findings_of(doc, "hedge", sensitivity="strict")} == default


def test_a_thorough_span_takes_no_word_from_a_balanced_rule(pipeline):
    nlp, _info = pipeline
    doc = nlp("Many of the possible candidates stayed home.")
    thorough = findings_of(doc, "hedge", sensitivity="thorough")
    assert [f.rule for f in thorough] == ["vague-quantity", "hedging-adjective"]
    assert [f.rule for f in findings_of(doc, "hedge")] == ["hedging-adjective"]
