"""The side panel's sensitivity control: strict, balanced, thorough as view state."""

from __future__ import annotations

from dataclasses import replace

import pytest
from gui_builders import finding

from caveat import sensitivity
from caveat.gui.finding_popups import finding_tooltip
from caveat.gui.layer_visibility import LayerVisibility

TEXT = "It may rain, perhaps. About 80 percent of roads could flood, as may the bridge."
LEVELS = {
    "strict": {"hedge": 0.8, "number": 0.8},
    "balanced": {"hedge": 0.4, "number": 0.4},
    "thorough": {"hedge": 0.1, "number": 0.1},
}


@pytest.fixture(autouse=True)
def levels(monkeypatch):
    monkeypatch.setattr(sensitivity, "calibration", lambda: {"levels": LEVELS})


@pytest.fixture
def tab(make_tab):
    sure = finding(TEXT, "perhaps", "hedge", "hedging-adverb")
    likely = replace(finding(TEXT, "may", "hedge", "epistemic-modal"), confidence=0.6)
    possible = replace(finding(TEXT, "could", "hedge", "epistemic-modal"), confidence=0.2)
    below = replace(finding(TEXT, "About", "hedge", "approximator"), confidence=0.05)
    number = replace(finding(TEXT, "80 percent", "number", "percentage"), confidence=0.5)
    return make_tab(TEXT, [sure, likely, possible, below, number])


def shown(tab) -> list[str]:
    return [tab.document.text[f.start : f.end] for f in tab.reader.index.findings]


def choose(tab, level: str) -> None:
    tab.side_panel.sensitivity.buttons[level].click()


def test_balanced_is_the_default_and_hides_what_only_thorough_shows(tab):
    assert tab.side_panel.sensitivity.buttons["balanced"].isChecked()
    assert shown(tab) == ["may", "perhaps", "80 percent"]


def test_each_level_filters_at_once_without_analysing_and_the_levels_nest(tab):
    analysis, request = tab.analysis, tab.request_id
    seen = {}
    for level in ("strict", "thorough", "balanced"):
        choose(tab, level)
        seen[level] = set(shown(tab))
        assert tab.analysis is analysis and tab.request_id == request, "view state only"
    assert seen["strict"] == {"perhaps"}
    assert seen["thorough"] == {"perhaps", "may", "could", "80 percent"}
    assert seen["strict"] <= seen["balanced"] <= seen["thorough"]


def test_counts_f3_and_the_export_follow_the_level(tab):
    choose(tab, "strict")
    assert tab.side_panel._counts["hedge"].text().startswith("<b>1</b>")
    assert ">0<" in tab.side_panel.rule_list.rows["epistemic-modal"].count.text()
    steps = {tab.next_finding() for _ in range(3)}
    assert {f.rule for f in steps if f} == {"hedging-adverb"}
    seen = tab.analysis_as_seen()
    assert seen is not None and seen.count("hedge") == 1 and seen.count("number") == 0
    choose(tab, "thorough")
    seen = tab.analysis_as_seen()
    assert seen is not None and seen.count("hedge") == 3 and seen.count("number") == 1


def test_the_level_is_remembered_and_every_tab_follows(tab, make_tab, settings):
    other = make_tab(
        TEXT, [replace(finding(TEXT, "could", "hedge", "epistemic-modal"), confidence=0.2)]
    )
    assert shown(other) == []
    choose(tab, "thorough")
    assert shown(other) == ["could"]
    assert other.side_panel.sensitivity.buttons["thorough"].isChecked()
    assert settings.sensitivity() == "thorough"
    assert LayerVisibility(settings).sensitivity() == "thorough"


def test_the_tooltip_and_the_card_say_how_sure(tab):
    may = next(f for f in tab.reader.index.findings if f.rule == "epistemic-modal")
    assert "likely (60%)" in finding_tooltip(may, tab.document)
    tab.select_finding(may)
    assert "likely (60%)" in tab.side_panel.finding_title.text()
    perhaps = next(f for f in tab.reader.index.findings if f.rule == "hedging-adverb")
    assert "sure (100%)" in finding_tooltip(perhaps, tab.document)


def test_the_findings_list_says_how_sure(tab):
    tree = tab.side_panel.tree
    tips = [
        tree.topLevelItem(i).child(j).toolTip(0)
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
    ]
    assert any("likely (60%)" in tip for tip in tips)
