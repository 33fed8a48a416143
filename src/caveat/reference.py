"""Where an article stands among typical news: "more than 85 % of reference news articles".

`resources/reference/news.json` keeps, for each layer, the 0th to 100th percentiles of its
findings per 100 words over whole news articles (the README says which); the script
`scripts/build-reference` rebuilds it with `caveat batch`. Plain data and arithmetic: the window,
the export and the command line read it without loading the analysis.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from typing import Any

from caveat.resources import resource_path

REFERENCE_FILE = ("reference", "news.json")


@dataclass(frozen=True)
class Standing:
    """One layer's density in one article, against the reference articles."""

    layer: str
    per_100_words: float
    below: float  # % of reference articles with a lower density
    above: float  # % with a higher one

    @property
    def percentile(self) -> float:
        """Its percentile rank: the reference articles below it, plus half of those level."""
        return round((self.below + 100.0 - self.above) / 2, 1)

    def comparison(self) -> str:
        """How it compares, in words: "more than 85 % of reference news articles"."""
        if self.below >= self.above:
            if self.below >= 100:
                return "more than any reference news article"
            return f"more than {math.floor(self.below)} % of reference news articles"
        if self.above >= 100:
            return "fewer than any reference news article"
        return f"fewer than {math.floor(self.above)} % of reference news articles"


def _rank(quantiles: list[float], value: float, side: str) -> float:
    """Where `value` meets the quantile curve (0-100), at its first (left) or last (right)
    point, interpolating between percentiles."""
    find = bisect_left if side == "left" else bisect_right
    i = find(quantiles, value)
    if i == 0:
        return 0.0
    if i >= len(quantiles):
        return 100.0
    if side == "right":
        i -= 1  # the last percentile at or below `value`
        low, high = quantiles[i], quantiles[i + 1]
        return i + ((value - low) / (high - low) if high > low else 0.0)
    low, high = quantiles[i - 1], quantiles[i]
    return i - 1 + ((value - low) / (high - low) if high > low else 1.0)


@cache
def reference() -> dict[str, Any]:
    """The reference set as shipped; empty when it is missing or unreadable."""
    try:
        data = json.loads(resource_path(*REFERENCE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def standing(layer: str, per_100_words: float) -> Standing | None:
    """Where `per_100_words` of `layer` stands, or None when the reference has no such layer."""
    quantiles = reference().get("percentiles", {}).get(layer)
    if not quantiles or len(quantiles) < 2:
        return None
    below = _rank(quantiles, per_100_words, "left")
    above = 100.0 - _rank(quantiles, per_100_words, "right")
    return Standing(layer, per_100_words, below, above)


def percentiles_of(densities: dict[str, float]) -> dict[str, float]:
    """Per layer, the percentile rank of its density (layers the reference lacks are left out)."""
    found = {layer: standing(layer, value) for layer, value in densities.items()}
    return {layer: s.percentile for layer, s in found.items() if s is not None}
