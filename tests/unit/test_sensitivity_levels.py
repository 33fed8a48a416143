"""Sensitivity levels: thresholds from the fitted calibration, nesting, words, filtering."""

from __future__ import annotations

import pytest

from caveat import sensitivity
from caveat.findings import Analysis, Finding, PipelineInfo
from caveat.layers import layer_ids


def test_the_levels_nest_for_every_layer():
    for layer in layer_ids():
        strict, balanced, thorough = (sensitivity.threshold(lv, layer) for lv in sensitivity.LEVELS)
        assert 0.0 <= thorough <= balanced <= strict <= 1.0, layer


def test_every_layer_was_fitted_and_strict_leaves_something_out():
    calibration = sensitivity.calibration()
    assert set(layer_ids()) <= set(calibration["layers"])
    assert any(sensitivity.threshold("strict", layer) > 0 for layer in layer_ids())


def _analysis(findings):
    by_layer = {layer: tuple(f for f in findings if f.layer == layer) for layer in layer_ids()}
    return Analysis(by_layer, {}, {}, PipelineInfo("rules"), words=100)


def test_at_level_keeps_what_reaches_the_threshold_and_the_levels_nest():
    hedge = sensitivity.threshold("strict", "hedge")
    findings = [
        Finding(0, 5, "hedge", "epistemic-modal", "m", min(hedge + 0.01, 1.0)),
        Finding(6, 9, "hedge", "epistemic-modal", "m", 0.0),
        Finding(10, 12, "hedge", "your-word", "m", 0.0),  # the reader's own word: always
    ]
    kept = {
        level: set(sensitivity.at_level(_analysis(findings), level).all_findings())
        for level in sensitivity.LEVELS
    }
    assert kept["strict"] <= kept["balanced"] <= kept["thorough"]
    assert findings[0] in kept["strict"] and findings[2] in kept["strict"]
    if sensitivity.threshold("balanced", "hedge") > 0:
        assert findings[1] not in kept["balanced"]


@pytest.mark.parametrize(
    ("confidence", "words"),
    [(1.0, "sure (100%)"), (0.85, "sure (85%)"), (0.72, "likely (72%)"), (0.3, "possible (30%)")],
)
def test_a_finding_in_words(confidence, words):
    found = Finding(0, 5, "hedge", "epistemic-modal", "m", confidence)
    assert sensitivity.in_words(found) == words


def test_an_unknown_level_is_named():
    with pytest.raises(ValueError, match="choose from strict, balanced, thorough"):
        sensitivity.sensitivity_option("paranoid")
    assert sensitivity.sensitivity_option(" Strict ") == "strict"


def test_a_rule_marked_thorough_shows_at_thorough_only_whatever_its_confidence(monkeypatch):
    monkeypatch.setattr(sensitivity, "rule_levels", lambda: {"vague-quantity": "thorough"})
    vague = Finding(0, 4, "hedge", "vague-quantity", "m", 1.0)
    kept = {
        level: sensitivity.at_level(_analysis([vague]), level).all_findings()
        for level in sensitivity.LEVELS
    }
    assert kept == {"strict": [], "balanced": [], "thorough": [vague]}


def test_the_analysis_keeps_thorough_findings_for_the_view_to_filter(monkeypatch, pipeline):
    """A rule shown only at thorough is still in the Analysis (the window filters it)."""
    from caveat import rules
    from caveat.analysis.run import analyze
    from caveat.loaders.pasted import load_text_string

    monkeypatch.setattr(
        rules.Rule,
        "level_for",
        lambda self, variant=None: "thorough" if self.id == "epistemic-modal" else self.level,
    )
    monkeypatch.setattr(sensitivity, "rule_levels", lambda: {"epistemic-modal": "thorough"})
    document = load_text_string("Prices may rise next year, the minister may say.")
    found = analyze(document, layers=["hedge"], pipeline=pipeline, use_cache=False)
    modals = [f for f in found.all_findings() if f.rule == "epistemic-modal"]
    assert modals, "kept in the analysis"
    assert not [f for f in sensitivity.at_level(found, "balanced").all_findings() if f in modals]
    assert set(modals) <= set(sensitivity.at_level(found, "thorough").all_findings())
