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
