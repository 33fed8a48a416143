"""Per-rule choices in the window: the side panel's rule list, and the card's "About this rule"."""

from __future__ import annotations

import pytest
from gui_builders import finding
from PySide6.QtCore import Qt

from caveat import reader_words
from caveat.gui import rule_about
from caveat.gui.layer_visibility import LayerVisibility
from caveat.layers import all_layers
from caveat.rules import Rule, rules_of

TEXT = "It may rain, perhaps. About 80 percent of roads could flood, as may the bridge."


@pytest.fixture
def tab(make_tab):
    return make_tab(
        TEXT,
        [
            finding(TEXT, "may", "hedge", "epistemic-modal"),
            finding(TEXT, "perhaps", "hedge", "hedging-adverb"),
            finding(TEXT, "About", "hedge", "approximator"),
            finding(TEXT, "80 percent", "number", "percentage"),
            finding(TEXT, "could", "hedge", "epistemic-modal"),
            finding(TEXT, "may", "hedge", "epistemic-modal", nth=1),
            finding(TEXT, "roads", "hedge", "your-word"),
        ],
    )


def shown_rules(tab) -> list[str]:
    return [f.rule for f in tab.reader.index.findings]


def test_the_rule_list_holds_every_layers_rules_with_their_counts(tab):
    rows = tab.side_panel.rule_list.rows
    for layer in all_layers():
        for rule in rules_of(layer.id):
            assert rows[rule.id].title.text() == rule.title
    assert rows["epistemic-modal"].count.text() == "3"
    assert rows["percentage"].count.text() == "1"
    assert "0" in rows["money"].count.text()


def test_a_finding_whose_rule_has_no_table_entry_still_gets_a_row(tab):
    row = tab.side_panel.rule_list.rows["your-word"]
    assert row.title.text() == "Your word"
    assert row.count.text() == "1"
    row.box.setChecked(False)
    assert "your-word" not in shown_rules(tab)


def test_switching_a_rule_off_hides_its_findings_at_once_without_analysing(tab):
    analysis, request = tab.analysis, tab.request_id
    tab.side_panel.rule_list.rows["epistemic-modal"].box.setChecked(False)
    assert "epistemic-modal" not in shown_rules(tab)
    assert {"hedging-adverb", "approximator", "percentage"} <= set(shown_rules(tab))
    assert tab.analysis is analysis and tab.request_id == request, "view state only"
    assert "1.0 per 100" not in tab.side_panel._counts["hedge"].text()
    assert tab.side_panel._counts["hedge"].text().startswith("<b>3</b>")
    assert tab.side_panel.rule_list._layer_counts["hedge"].text() == "3 of 6 shown"


def test_a_switched_off_rule_is_remembered(tab, settings):
    tab.side_panel.rule_list.rows["hedging-adverb"].box.setChecked(False)
    assert settings.hidden_rules() == {"hedging-adverb"}
    again = LayerVisibility(settings)
    assert not again.rules.is_visible("hedging-adverb")
    assert again.rules.is_visible("epistemic-modal")


def test_next_and_previous_finding_skip_hidden_rules(tab):
    tab.side_panel.rule_list.rows["epistemic-modal"].box.setChecked(False)
    seen = []
    for _ in range(5):
        found = tab.next_finding()
        assert found is not None
        seen.append(found.rule)
        found = tab.previous_finding()
        assert found is not None
        seen.append(found.rule)
        tab.next_finding()
    assert "epistemic-modal" not in seen


def test_the_export_leaves_hidden_rules_out(tab):
    tab.side_panel.rule_list.rows["percentage"].box.setChecked(False)
    seen = tab.analysis_as_seen()
    assert seen is not None
    assert "percentage" not in {f.rule for f in seen.all_findings()}
    assert seen.count("number") == 0 and seen.count("hedge") == 6


def test_every_tab_follows_a_rule_switch(make_tab):
    first = make_tab(TEXT, [finding(TEXT, "perhaps", "hedge", "hedging-adverb")])
    second = make_tab(TEXT, [finding(TEXT, "perhaps", "hedge", "hedging-adverb")])
    first.side_panel.rule_list.rows["hedging-adverb"].box.setChecked(False)
    assert shown_rules(second) == []
    assert not second.side_panel.rule_list.rows["hedging-adverb"].box.isChecked()


def test_rules_skipped_in_words_toml_are_hidden_and_say_so(
    make_tab, settings, monkeypatch, tmp_path
):
    (tmp_path / "words.toml").write_text('skip_rules = ["approximator"]\n', encoding="utf-8")
    monkeypatch.setattr(reader_words, "words_file", lambda: tmp_path / "words.toml")
    visibility = LayerVisibility(settings)
    assert not visibility.rules.is_visible("approximator")
    make_tab.visibility.rules.read_words_file()
    tab = make_tab(TEXT, [finding(TEXT, "About", "hedge", "approximator")])
    row = tab.side_panel.rule_list.rows["approximator"]
    assert not row.box.isChecked() and not row.box.isEnabled()
    assert "words.toml" in row.toolTip()
    assert shown_rules(tab) == []


def test_long_rule_names_and_counts_are_not_cut_off_in_a_narrow_panel(tab, qtbot):
    tab.resize(900, 600)
    tab.show()
    qtbot.waitExposed(tab)
    tab.splitter.setSizes([640, 260])
    tab.side_panel.tabs.setCurrentWidget(tab.side_panel.rule_list)
    qtbot.waitUntil(lambda: tab.side_panel.rule_list.width() < 300)
    for row in tab.side_panel.rule_list.rows.values():
        assert row.title.height() >= row.title.heightForWidth(row.title.width())
        assert row.count.width() >= row.count.sizeHint().width()
        assert row.geometry().right() <= row.parentWidget().width()


def test_the_card_tells_about_the_findings_rule(tab, monkeypatch):
    rule = Rule(
        id="approximator",
        layer="hedge",
        title="Approximate figure",
        message="'{text}' makes the figure an approximation",
        confidence=0.9,
        why="An approximate figure tells the reader the number is not exact.",
        flag=("About 3,800 people left.",),
        not_flag=("We talked about the war.",),
    )
    monkeypatch.setattr(rule_about, "find_rule", lambda rule_id: rule)
    about = tab.side_panel.rule_about
    assert about.isHidden(), "no finding, nothing to tell"
    tab.select_finding(finding(TEXT, "About", "hedge", "approximator"))
    assert not about.isHidden() and about.rule_id == "approximator"
    assert about.text.isHidden(), "folded until asked"
    about.toggle.click()
    text = about.text.text()
    assert not about.text.isHidden()
    for part in ("Approximate figure", rule.why, "About 3,800 people left.", "talked about"):
        assert part in text
    tab.select_finding(finding(TEXT, "perhaps", "hedge", "hedging-adverb"))
    assert not about.text.isHidden(), "stays open while stepping through findings"


def test_the_card_names_a_rule_without_a_table_entry(tab):
    # your-word has its entry in common.toml; a plugin's rule may have none
    tab.select_finding(finding(TEXT, "roads", "hedge", "plugin-word"))
    tab.side_panel.rule_about.toggle.setChecked(True)
    assert "Plugin word" in tab.side_panel.rule_about.text.text()
    assert "no entry" in tab.side_panel.rule_about.text.text()


def test_the_card_of_your_own_words_gives_its_table_entry(tab):
    tab.select_finding(finding(TEXT, "roads", "hedge", "your-word"))
    tab.side_panel.rule_about.toggle.setChecked(True)
    assert "On your own list" in tab.side_panel.rule_about.text.text()
    assert "words.toml" in tab.side_panel.rule_about.text.text()


def test_clicking_a_rule_name_toggles_it(tab, qtbot):
    tab.show()
    qtbot.waitExposed(tab)
    tab.side_panel.tabs.setCurrentWidget(tab.side_panel.rule_list)
    row = tab.side_panel.rule_list.rows["hedging-adverb"]
    qtbot.waitUntil(row.title.isVisible)
    qtbot.mouseClick(row.title, Qt.MouseButton.LeftButton)
    assert not row.box.isChecked()
    assert "hedging-adverb" not in shown_rules(tab)
