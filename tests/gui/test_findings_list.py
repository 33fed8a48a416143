"""The findings list says where and what, follows the card, and copies as text."""

from __future__ import annotations

from gui_builders import analysis_of, finding, paragraphs
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from caveat.document import Document
from caveat.gui.excerpts import EXCERPT_ROLE, excerpt

TEXT = (
    "The plan could work, officials hope.\n\n"
    "Nobody knows yet. Costs could rise sharply in the second year of the plan, and "
    "the town could lose its bus route.\n\n"
    "Perhaps 40 percent of shops will close."
)


def _findings():
    return [
        finding(TEXT, "could", "hedge", "epistemic-modal", nth=0),
        finding(TEXT, "could", "hedge", "epistemic-modal", nth=1),
        finding(TEXT, "could", "hedge", "epistemic-modal", nth=2),
        finding(TEXT, "Perhaps", "hedge", "hedging-adverb"),
        finding(TEXT, "40 percent", "number", "percentage"),
    ]


def _entries(tab):
    tree = tab.side_panel.tree
    return [
        tree.topLevelItem(g).child(c)
        for g in range(tree.topLevelItemCount())
        for c in range(tree.topLevelItem(g).childCount())
    ]


def test_each_entry_has_its_line_and_the_words_around_its_cue(make_tab):
    tab = make_tab(TEXT, _findings())
    hedges = [e.data(0, EXCERPT_ROLE) for e in _entries(tab)][:3]
    assert [h.line for h in hedges] == [1, 3, 3]
    assert hedges[0].before == "The plan " and hedges[0].after.startswith(" work, officials")
    assert hedges[1].before.endswith("yet. Costs ") and hedges[1].after.startswith(" rise sharply")
    assert hedges[2].before.startswith("…") and hedges[2].after == " lose its bus route."
    assert len({h.as_text() for h in hedges}) == 3  # no longer a column of "could"


def test_the_context_stays_inside_the_finding_s_paragraph():
    document = Document(TEXT, paragraphs(TEXT), "txt")
    where = excerpt(document, finding(TEXT, "Perhaps", "hedge"))
    assert where.before == ""
    assert where.line == 5
    assert where.cue == "Perhaps"


def test_the_finding_in_the_card_is_selected_in_the_list(make_tab):
    tab = make_tab(TEXT, _findings())
    second = tab.next_finding()
    second = tab.next_finding()
    assert tab.side_panel.tree.selected_finding() == second
    assert tab.side_panel.tree.currentItem().isSelected()
    tab.select_finding(None)
    assert tab.side_panel.tree.selected_finding() is None


def test_activating_an_entry_shows_its_finding_in_the_text_and_the_card(make_tab):
    tab = make_tab(TEXT, _findings())
    entry = _entries(tab)[3]
    tab.side_panel.tree.itemActivated.emit(entry, 0)
    assert tab.current == entry.data(0, Qt.ItemDataRole.UserRole)
    assert "Perhaps" in tab.side_panel.finding_text.text()


def test_ctrl_c_in_the_list_copies_it_as_text(window, qtbot, tmp_path):
    from PySide6.QtTest import QTest

    path = tmp_path / "plan.txt"
    path.write_text(TEXT, "utf-8")
    [tab] = window.open_paths([path])
    qtbot.waitSignal(tab.analysis_ready, timeout=60_000).wait()
    tab.show_analysis(analysis_of(_findings()))  # what the detectors find is not the point here
    window.show()
    tree = tab.side_panel.tree
    tab.side_panel.tabs.setCurrentWidget(tree)
    tree.setFocus()
    QApplication.clipboard().clear()
    QTest.keyClick(tree, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QApplication.clipboard().text()
    assert copied.startswith("Hedges")
    assert "line 3: Nobody knows yet. Costs [could] rise sharply" in copied
    assert "line 1: The plan [could] work" in copied
    assert "line 5: Perhaps [40 percent] of shops will close. — '40 percent' is number" in copied
    assert len(copied.splitlines()) == 3 + 5  # three layer headings, five findings
