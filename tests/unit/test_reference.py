"""Where an article stands among typical news: the shipped percentiles and the words for it."""

from __future__ import annotations

import pytest

from caveat import reference as reference_module
from caveat.layers import layer_ids
from caveat.reference import Standing, percentiles_of, reference, standing


@pytest.fixture
def made_up(monkeypatch):
    """A reference whose percentiles are easy to reason about: 0 up to the 40th, then 0.1 per
    percentile (so the 60th is 2.0 and the 100th 6.0)."""
    values = [0.0] * 41 + [round(0.1 * (i - 40), 3) for i in range(41, 101)]
    monkeypatch.setattr(reference_module, "reference", lambda: {"percentiles": {"hedge": values}})


def test_the_shipped_reference_covers_every_layer_with_101_rising_percentiles():
    shipped = reference()
    assert shipped["articles"] >= 1000 and shipped["min_words"] > 0
    for layer in layer_ids():
        values = shipped["percentiles"][layer]
        assert len(values) == 101 and values == sorted(values) and values[-1] > 0


@pytest.mark.parametrize(
    ("density", "below", "above", "words"),
    [
        (3.0, 70.0, 30.0, "more than 70 % of reference news articles"),
        (2.05, 60.5, 39.5, "more than 60 % of reference news articles"),
        (0.0, 0.0, 60.0, "fewer than 60 % of reference news articles"),
        (0.5, 45.0, 55.0, "fewer than 55 % of reference news articles"),
        (7.5, 100.0, 0.0, "more than any reference news article"),
    ],
)
def test_standing_says_how_many_reference_articles_have_less(made_up, density, below, above, words):
    found = standing("hedge", density)
    assert found is not None
    assert (round(found.below, 3), round(found.above, 3)) == (below, above)
    assert found.comparison() == words


def test_a_tie_counts_half_in_the_percentile(made_up):
    assert standing("hedge", 0.0) == Standing("hedge", 0.0, 0.0, 60.0)
    assert standing("hedge", 0.0).percentile == 20.0  # type: ignore[union-attr]


def test_a_layer_without_a_reference_has_no_standing(made_up):
    assert standing("number", 1.0) is None
    assert percentiles_of({"hedge": 3.0, "number": 1.0}) == {"hedge": 70.0}


def test_analyze_json_gives_each_layer_its_percentile(bundled_sample, capsys):
    import json

    from caveat.cli import main

    assert main(["analyze", str(bundled_sample), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report["reference"]) == set(report["layers"])
    for layer, percentile in report["reference"].items():
        density = report["metrics"][f"{layer}_per_100_words"]
        assert percentile == standing(layer, density).percentile  # type: ignore[union-attr]
    assert report["reference"]["hedge"] > 90  # the sample is made to show hedges
