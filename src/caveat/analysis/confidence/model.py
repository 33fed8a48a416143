"""A finding's confidence: its rule's prior, adjusted by the fitted model of its layer.

Per layer a logistic model, fitted by `benchmarks/fit_confidence.py` and stored in
`resources/confidence/calibration.json`:

    logit(confidence) = logit(prior) + rule_weight[rule] + word_weight[words]
                        + sum(weight[f] * feature[f])

The prior (the rule's or variant's `confidence` in its table) is the starting point and the
data correct it; a rule added since the last fit has no weight of its own yet and keeps its
prior, moved only by its context. The flagged words themselves weigh too when they were
common enough in the fit ("may" is more often a real hedge than "would"); other words add
nothing. A layer never fitted keeps the prior.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache

from caveat.analysis.confidence.features import FEATURES
from caveat.sensitivity import calibration

#: priors are clipped before the logit so that a prior of 1.0 stays correctable
PRIOR_RANGE = (0.02, 0.98)


def prior_logit(prior: float) -> float:
    p = min(max(prior, PRIOR_RANGE[0]), PRIOR_RANGE[1])
    return math.log(p / (1 - p))


@cache
def _layer_model(
    layer: str,
) -> tuple[dict[str, float], tuple[float, ...], dict[str, float]] | None:
    model = calibration().get("layers", {}).get(layer)
    if not model:
        return None
    weights = model.get("features", {})
    return (
        {rule: float(w) for rule, w in model.get("rules", {}).items()},
        tuple(float(weights.get(name, 0.0)) for name in FEATURES),
        {words: float(w) for words, w in model.get("words", {}).items()},
    )


def confidence(
    layer: str, rule: str, prior: float, features: Sequence[float], words: str = ""
) -> float:
    """The calibrated confidence of one finding (`words`: the flagged text, lower-cased, its
    spaces single), rounded to 3 places."""
    model = _layer_model(layer)
    if model is None or rule == "your-word":
        return prior
    rules, weights, by_words = model
    z = prior_logit(prior) + rules.get(rule, 0.0) + by_words.get(words, 0.0)
    z += sum(w * x for w, x in zip(weights, features, strict=True))
    return round(1.0 / (1.0 + math.exp(-z)), 3)
