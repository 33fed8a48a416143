"""How much the reader sees: three sensitivity levels, each a confidence threshold per layer.

Every finding carries a calibrated confidence (the estimated chance that a careful reader agrees
with it; analysis/confidence). The levels only filter what an analysis holds, so switching level
never re-runs the analysis. The thresholds were chosen from measurements by
`benchmarks/fit_confidence.py` and are read from `resources/confidence/calibration.json`; they
nest (every strict finding is a balanced one, every balanced one a thorough one). A rule without
a layer (the reader's own words) is shown at every level: the reader asked for it.

A finding's confidence in words says what the calibrated number means: "sure" from 85 % (at
least about six in seven such flags are right), "likely" from 60 %, "possible" below. Bands of
the number, not of the levels, because a layer whose flags are all about equally good (numbers)
has no level that leaves any out, and "sure (52 %)" would mislead.
"""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache
from typing import Any

from caveat.findings import Analysis, Finding
from caveat.resources import resource_path
from caveat.rules import DEFAULT_SENSITIVITY, SENSITIVITIES, all_rules, shown_at

LEVELS = SENSITIVITIES  # strict, balanced, thorough: least to most shown
DEFAULT_LEVEL = DEFAULT_SENSITIVITY
#: a finding's confidence in words: the least confidence of each band, highest first
BANDS = ((0.85, "sure"), (0.6, "likely"), (0.0, "possible"))
#: rules every layer may carry (common.toml): shown at every level
ALWAYS_SHOWN = frozenset({"your-word"})


def calibration_path() -> Any:
    return resource_path("confidence", "calibration.json")


@cache
def calibration() -> dict[str, Any]:
    """The fitted calibration: per layer its model, and per level its thresholds."""
    try:
        with open(calibration_path(), encoding="utf-8") as fh:
            return dict(json.load(fh))
    except FileNotFoundError:
        return {}


def threshold(level: str, layer: str) -> float:
    """The least confidence `level` shows of `layer` (0: a layer never measured shows all)."""
    if level not in LEVELS:
        raise ValueError(f"unknown sensitivity {level!r}; choose from {', '.join(LEVELS)}")
    return float(calibration().get("levels", {}).get(level, {}).get(layer, 0.0))


@cache
def rule_levels() -> dict[str, str]:
    """Each rule's least sensitive level (`level` in its table): "thorough" rules show there
    only, whatever their confidence."""
    return {rule.id: rule.level for rule in all_rules()}


def shown(finding: Finding, level: str) -> bool:
    """Whether `level` shows `finding`: its rule shows at that level, and it is as confident
    as the level asks of its layer (the reader's own words always are)."""
    if not shown_at(rule_levels().get(finding.rule, LEVELS[0]), level):
        return False
    return finding.rule in ALWAYS_SHOWN or finding.confidence >= threshold(level, finding.layer)


def at_level(analysis: Analysis, level: str) -> Analysis:
    """The analysis as `level` shows it: the findings below its thresholds left out."""
    kept = {
        layer: tuple(f for f in found if shown(f, level))
        for layer, found in analysis.findings.items()
    }
    return replace(analysis, findings=kept)


def in_words(finding: Finding) -> str:
    """ "sure", "likely" or "possible", with the confidence as a percentage: "likely (72%)"."""
    word = next(word for least, word in BANDS if finding.confidence >= least)
    return f"{word} ({finding.confidence:.0%})"


def sensitivity_option(value: str) -> str:
    """A level as typed on the command line (any case); ValueError naming the levels."""
    level = value.strip().lower()
    if level not in LEVELS:
        raise ValueError(f"unknown sensitivity {value!r}; choose from {', '.join(LEVELS)}")
    return level
