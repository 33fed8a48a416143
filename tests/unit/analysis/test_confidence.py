"""A finding's confidence: the rule's prior adjusted by its context, as the fit stored it."""

from __future__ import annotations

import pytest

from caveat.analysis.cache import fingerprint_sources
from caveat.analysis.confidence import model
from caveat.analysis.confidence.features import FEATURES
from caveat.sensitivity import calibration_path

NONE = (0.0,) * len(FEATURES)


@pytest.fixture
def fitted(monkeypatch):
    """A known model for the hedge layer: quoted speech lowers, a rule weight raises."""
    weights = tuple(-2.0 if name == "quoted" else 0.0 for name in FEATURES)
    fitted_model = ({"epistemic-modal": 1.0}, weights, {"would": -3.0})
    monkeypatch.setattr(model, "_layer_model", lambda layer: fitted_model)


def test_context_moves_the_confidence(fitted):
    plain = model.confidence("hedge", "epistemic-modal", 0.5, NONE)
    quoted = model.confidence(
        "hedge", "epistemic-modal", 0.5, tuple(float(n == "quoted") for n in FEATURES)
    )
    assert 0 < quoted < 0.5 < plain < 1


def test_the_flagged_words_weigh_when_the_fit_knew_them(fitted):
    may = model.confidence("hedge", "epistemic-modal", 0.5, NONE, "may")
    would = model.confidence("hedge", "epistemic-modal", 0.5, NONE, "would")
    assert would < 0.5 < may


def test_a_rule_not_yet_fitted_keeps_its_prior_and_your_words_are_sure(fitted):
    assert model.confidence("hedge", "vague-quantity", 0.4, NONE) == pytest.approx(0.4, abs=1e-3)
    assert model.confidence("hedge", "your-word", 1.0, NONE) == 1.0


def test_a_layer_never_fitted_keeps_the_prior():
    assert model.confidence("no-such-layer", "x", 0.7, NONE) == 0.7


def test_the_real_calibration_gives_probabilities(pipeline):
    from caveat.analysis.pipeline.spans import scored_findings

    nlp, _info = pipeline
    doc = nlp('Prices may rise. "Prices may rise," she said. If prices rise, we might leave.')
    found = scored_findings(doc, "hedge")
    assert found
    for finding, prior, features in found:
        assert 0 <= finding.confidence <= 1 and 0 <= prior <= 1
        assert len(features) == len(FEATURES)
    quoted = [f for f, _p, feats in found if feats[FEATURES.index("quoted")]]
    conditional = [f for f, _p, feats in found if feats[FEATURES.index("conditional")]]
    assert quoted and conditional


def test_a_flag_shown_only_at_thorough_leaves_the_balanced_confidences_alone(pipeline):
    """A vague quantity (thorough only) beside a modal is no "other flag" for the modal, so
    adding a thorough-only rule never moves what strict and balanced show."""
    from caveat.analysis.pipeline.spans import scored_findings

    nlp, _info = pipeline
    others = FEATURES.index("others")
    for text, expected in (
        ("Several manufacturers may raise their prices.", 0.0),
        ("Prices may rise and perhaps fall.", 1.0),
    ):
        found = scored_findings(nlp(text), "hedge", sensitivity="thorough")
        rules = {f.rule for f, _p, _feats in found}
        modal = [feats for f, _p, feats in found if f.rule == "epistemic-modal"]
        assert len(found) == 2 and "epistemic-modal" in rules, (text, rules)
        assert modal[0][others] == expected, text


def test_a_refit_misses_the_analysis_cache():
    assert calibration_path() in fingerprint_sources()


def test_a_finding_is_as_sure_whichever_layers_run(bundled_sample):
    """The attribution feature is found even when the number layer (which finds it) is not run."""
    from caveat.analysis.run import analyze
    from caveat.loaders import load_document

    document = load_document(bundled_sample)
    every = analyze(document, use_cache=False, parallel=False)
    alone = analyze(document, layers=["hedge"], use_cache=False, parallel=False)
    assert alone.findings["hedge"] == every.findings["hedge"]
