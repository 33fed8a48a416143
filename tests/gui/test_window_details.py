"""The small things a new user meets: words, cut-off labels, jumps, menus, undo, keys."""

from __future__ import annotations

from gui_builders import analysis_of, finding
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from caveat.findings import Finding

TEXT = (
    "The plan could work. Perhaps 40 percent of shops will close.\n\n"
    "He wants to be remembered as the man who saved the town from ruin."
)
SPECULATION = "He wants to be remembered as the man who saved the town from ruin."


def _findings() -> list[Finding]:
    return [
        finding(TEXT, "could", "hedge", "epistemic-modal"),
        finding(TEXT, "Perhaps", "hedge", "hedging-adverb"),
        finding(TEXT, "40 percent", "number", "percentage"),
        finding(TEXT, SPECULATION, "speculation", "motive"),
    ]


def _point(tab, offset: int) -> QPoint:
    cursor = QTextCursor(tab.reader.document())
    cursor.setPosition(tab.reader.highlighter.utf16.to_qt(offset))
    rect = tab.reader.cursorRect(cursor)
    return QPoint(rect.x() + 3, rect.center().y())


def _narrowest_panel(tab) -> None:
    tab.show()
    tab.splitter.setSizes([10_000, 1])  # the side panel as narrow as it goes
    tab.layout().activate()


def test_the_readability_headline_writes_us_in_capitals(make_tab):
    tab = make_tab(TEXT, [])
    analysis = analysis_of([])
    metrics = {**analysis.metrics, "flesch_kincaid_grade": 7.2}
    tab.show_analysis(type(analysis)(**{**analysis.__dict__, "metrics": metrics}))
    assert "a US middle-school pupil" in tab.side_panel.metrics_label.text()


def test_the_layer_chooser_shows_whole_layer_names_at_the_narrowest_panel(make_tab):
    tab = make_tab(TEXT, _findings())
    _narrowest_panel(tab)
    scope = tab.side_panel.scope
    assert scope.width() >= scope.sizeHint().width()


def test_large_counts_and_layer_names_are_not_cut_off(make_tab):
    many = [Finding(i, i + 1, "hedge", "r", "m") for i in range(12_345)]
    many += [Finding(i, i + 2, "number", "r", "m") for i in range(1_234)]
    tab = make_tab("x " * 20_000, [])
    tab.show_analysis(analysis_of(many, words=100_000))
    _narrowest_panel(tab)
    panel = tab.side_panel
    for layer, label in panel._counts.items():
        assert label.width() >= label.sizeHint().width(), f"{layer} count cut"
        assert panel.toggles[layer].width() >= panel.toggles[layer].sizeHint().width()
    assert "12,345" in panel._counts["hedge"].text()
    assert panel._densities["hedge"].text() == "12.3 per 100 words"
    assert panel.width() < 300  # and the panel can still be narrow


def test_a_message_does_not_move_the_text(window, qtbot, tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(TEXT, "utf-8")
    window.show()
    [tab] = window.open_paths([path])
    window.centralWidget().layout().activate()
    top = tab.reader.mapTo(window, QPoint(0, 0))
    window.message_bar.show_toast("Exported plan.caveat.pdf.")
    window.centralWidget().layout().activate()
    assert tab.reader.mapTo(window, QPoint(0, 0)) == top
    qtbot.waitSignal(tab.analysis_ready, timeout=60_000).wait()  # the progress bar goes
    tab.layout().activate()
    assert tab.reader.mapTo(window, QPoint(0, 0)) == top


def test_never_flag_is_offered_for_words_not_for_a_whole_sentence(make_tab):
    tab = make_tab(TEXT, _findings())
    menu = tab.reader.build_context_menu(_point(tab, TEXT.index("could") + 2))
    on_words = [a.text() for a in menu.actions()]
    assert "Never flag ‘could’" in on_words
    spot = _point(tab, TEXT.index("remembered") + 2)
    on_sentence = [a.text() for a in tab.reader.build_context_menu(spot).actions()]
    assert any(label.startswith("Not ") for label in on_sentence)  # dismissing still works
    assert not any(label.startswith("Never flag") for label in on_sentence)


def test_f3_after_ctrl_home_starts_from_the_cursor(make_tab):
    tab = make_tab(TEXT, _findings())
    for _ in range(3):
        tab.next_finding()
    assert TEXT[tab.current.start :].startswith("40 percent")
    QTest.keyClick(tab.reader, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert TEXT[tab.next_finding().start :].startswith("could")
    tab.reader.moveCursor(QTextCursor.MoveOperation.End)
    assert tab.previous_finding().layer == "speculation"


def test_undo_acts_on_the_tab_in_front_and_says_what_it_undid(window, qtbot, tmp_path):
    paths = []
    for name in ("one.txt", "two.txt"):
        paths.append(tmp_path / name)
        paths[-1].write_text(TEXT, "utf-8")
    first, second = window.open_paths(paths)
    for tab in (first, second):
        qtbot.waitSignal(tab.analysis_ready, timeout=60_000).wait() if tab.is_analysing() else None
        tab.show_analysis(analysis_of(_findings()))
    could = finding(TEXT, "could", "hedge", "epistemic-modal")
    window.tabs.setCurrentWidget(first)
    first.dismiss(could)
    window.tabs.setCurrentWidget(second)
    assert not window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert could not in first.reader.index.findings  # the other tab's dismissal stays
    window.tabs.setCurrentWidget(first)
    assert window.undo_action.isEnabled()
    assert "could" in window.undo_action.text()
    window.undo_action.trigger()
    assert could in first.reader.index.findings
    assert window.message_bar.label.text() == "Undone: Not a hedge: ‘could’."


def test_ctrl_page_down_and_up_switch_tabs(window, qtbot, tmp_path):
    paths = []
    for name in ("a.txt", "b.txt", "c.txt"):
        paths.append(tmp_path / name)
        paths[-1].write_text(TEXT, "utf-8")
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts go to the active window only
    tabs = window.open_paths(paths)
    assert window.tabs.currentIndex() == 2
    QTest.keyClick(tabs[2].reader, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 0  # round the end
    QTest.keyClick(tabs[0].reader, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 2
    QTest.keyClick(tabs[2].reader, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 1


def test_files_dropped_on_the_window_open_in_tabs(window, qtbot, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    path = tmp_path / "dropped.txt"
    path.write_text("About 40 people may have left.", "utf-8")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    drop = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, data, buttons, keys)
    window.dropEvent(drop)  # loads off the GUI thread: the tab comes a moment later
    qtbot.waitUntil(lambda: bool(window.document_tabs()), timeout=10_000)
    assert [t.document.source for t in window.document_tabs()] == [path]


def test_a_text_too_long_for_the_window_is_refused_in_one_line(window, tmp_path, monkeypatch):
    from caveat.gui import window_opening

    monkeypatch.setattr(window_opening, "WINDOW_TEXT_LIMIT", 1_000)
    long, short = tmp_path / "long.txt", tmp_path / "short.txt"
    long.write_text("About 40 people may have left. " * 40, "utf-8")  # 1,240 characters
    short.write_text("About 40 people may have left.", "utf-8")
    window.open_paths([long, short])
    assert [t.document.source for t in window.document_tabs()] == [short]
    assert window.message_bar.kind == "error"
    assert "long.txt" in window.message_bar.label.text()
    assert "caveat analyze" in window.message_bar.label.text()
