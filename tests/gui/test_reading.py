"""Hover, click, step through, dismiss and ignore findings, and undo."""

from __future__ import annotations

import json

import pytest
from gui_builders import finding
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from caveat.gui.finding_index import FindingIndex
from caveat.gui.finding_popups import finding_tooltip

TEXT = "Some say about 3,800 people left. The town will likely shrink by 40 percent."


def point_of(tab, offset: int) -> QPoint:
    """A viewport point over the character at `offset`."""
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(tab.reader.document())
    cursor.setPosition(tab.reader.highlighter.utf16.to_qt(offset))
    rect = tab.reader.cursorRect(cursor)
    return QPoint(rect.x() + 3, rect.center().y())


@pytest.fixture
def tab(make_tab):
    return make_tab(
        TEXT,
        [
            finding(TEXT, "Some say", "hedge", "unnamed-source"),
            finding(TEXT, "about", "hedge", "approximator"),
            finding(TEXT, "3,800", "number", "no-source"),
            finding(TEXT, "likely", "hedge", "probability"),
            finding(TEXT, "40 percent", "number", "no-source"),
        ],
    )


def test_tooltip_names_the_layer_the_rule_and_the_message(tab):
    [found] = tab.reader.findings_at(point_of(tab, TEXT.index("about") + 2))
    tip = finding_tooltip(found, tab.document)
    assert "Hedge" in tip and "rule: approximator" in tip and "'about' is hedge" in tip


# The offscreen platform warns when the tooltip window is raised; nothing to do with Caveat.
@pytest.mark.qt_log_ignore("This plugin does not support")
def test_hovering_a_highlight_shows_its_tooltip(tab):
    pos = point_of(tab, TEXT.index("3,800") + 1)
    event = QHelpEvent(QEvent.Type.ToolTip, pos, tab.reader.viewport().mapToGlobal(pos))
    QApplication.sendEvent(tab.reader.viewport(), event)
    assert "Unsourced number" in QToolTip.text()
    assert "rule: no-source" in QToolTip.text()


def test_no_finding_under_plain_words(tab):
    assert tab.reader.findings_at(point_of(tab, TEXT.index("people") + 1)) == []


def test_clicking_a_highlight_shows_it_in_the_side_panel(tab, qtbot):
    from PySide6.QtCore import Qt

    with qtbot.waitSignal(tab.reader.finding_clicked) as clicked:
        qtbot.mouseClick(
            tab.reader.viewport(),
            Qt.MouseButton.LeftButton,
            pos=point_of(tab, TEXT.index("likely") + 1),
        )
    assert clicked.args[0].rule == "probability"
    assert tab.current == clicked.args[0]
    assert "likely" in tab.side_panel.finding_text.text()


def test_next_and_previous_walk_the_findings_in_order_and_wrap(tab):
    words = [TEXT[f.start : f.end] for f in (tab.next_finding() for _ in range(6))]
    assert words == ["Some say", "about", "3,800", "likely", "40 percent", "Some say"]
    assert TEXT[tab.previous_finding().start :].startswith("40 percent")


def test_next_can_keep_to_one_layer(tab):
    tab.side_panel.scope.setCurrentIndex(tab.side_panel.scope.findData("number"))
    words = [TEXT[f.start : f.end] for f in (tab.next_finding() for _ in range(3))]
    assert words == ["3,800", "40 percent", "3,800"]


def test_next_skips_hidden_layers(tab, make_tab):
    make_tab.visibility.set_visible("hedge", False)
    assert {tab.next_finding().layer for _ in range(4)} == {"number"}


def test_dismissing_hides_one_finding_and_undo_brings_it_back(tab, make_tab, filters):
    about = finding(TEXT, "about", "hedge", "approximator")
    tab.dismiss(about)
    assert about not in tab.reader.index.findings
    assert about not in tab.analysis_as_seen().findings["hedge"]
    saved = json.loads(filters.dismissals.path.read_text(encoding="utf-8"))
    assert [d["text"] for d in next(iter(saved.values()))] == ["about"]
    make_tab.undo.undo()
    assert about in tab.reader.index.findings
    assert about in tab.analysis_as_seen().findings["hedge"]


def test_never_flag_hides_the_word_and_undo_restores_it(tab, make_tab, filters):
    likely = finding(TEXT, "likely", "hedge", "probability")
    tab.ignore(likely)
    assert "likely" in filters.ignored()
    assert likely not in tab.analysis_as_seen().findings["hedge"]
    make_tab.undo.undo()
    assert "likely" not in filters.ignored()
    assert likely in tab.reader.index.findings


def test_analysis_as_seen_keeps_only_visible_layers_and_recounts(tab, make_tab):
    make_tab.visibility.set_visible("number", False)
    tab.dismiss(finding(TEXT, "about", "hedge", "approximator"))
    seen = tab.analysis_as_seen()
    assert seen.layers == ("hedge", "speculation")
    assert seen.count("hedge") == 2  # counts derive from the findings left
    assert seen.count("number") == 0


def test_context_menu_offers_dismiss_and_never_flag(tab):
    menu = tab.reader.build_context_menu(point_of(tab, TEXT.index("3,800") + 1))
    labels = [a.text() for a in menu.actions()]
    assert "Not an unsourced number here" in labels
    assert "Never flag ‘3,800’" in labels


@pytest.mark.parametrize(
    ("offset", "layer", "expected"),
    [
        (-1, None, "Some"),
        (0, None, "say"),
        (5, None, "about"),
        (5, "number", "3,800"),
        (15, None, "Some"),  # wraps to the top
    ],
)
def test_finding_index_next_after(offset, layer, expected):
    words = [("Some", "hedge"), ("say", "hedge"), ("about", "hedge"), ("3,800", "number")]
    index = FindingIndex(finding(TEXT, w, lay) for w, lay in words)
    got = index.next_after(offset, layer)
    assert TEXT[got.start : got.end] == expected
