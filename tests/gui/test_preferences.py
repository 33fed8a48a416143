"""Edit > Preferences: theme, the never-flag list, reopening last session's tabs, export folder."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from caveat.gui.appearance import apply_theme
from caveat.gui.main_window import MainWindow
from caveat.gui.preferences import PreferencesDialog
from caveat.gui.settings import Settings


@pytest.fixture
def dialog(qtbot, settings, filters):
    prefs = PreferencesDialog(settings, filters)
    qtbot.addWidget(prefs)
    yield prefs
    apply_theme("system")  # leave the application as the next test expects it


def _base_lightness() -> int:
    return QApplication.instance().palette().color(QPalette.ColorRole.Base).lightness()


def test_the_theme_applies_at_once_and_is_remembered(dialog, settings):
    system = _base_lightness()
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    assert _base_lightness() < 80
    assert Settings(settings.q).theme() == "dark"
    dialog.theme.setCurrentIndex(dialog.theme.findData("light"))
    assert _base_lightness() > 200
    dialog.theme.setCurrentIndex(dialog.theme.findData("system"))
    assert _base_lightness() == system


def test_a_dark_theme_chosen_before_is_used_at_start(qtbot, settings, filters):
    settings.set_theme("dark")
    window = MainWindow(settings=settings, filters=filters, model="rules")
    qtbot.addWidget(window)
    try:
        assert _base_lightness() < 80
    finally:
        window.runner.shutdown()
        apply_theme("system")


def test_the_never_flag_list_shows_words_and_removes_them(dialog, filters):
    filters.ignore("could", True)
    filters.ignore("some say", True)
    words = [dialog.ignored.item(i).text() for i in range(dialog.ignored.count())]
    assert words == ["could", "some say"]
    dialog.ignored.item(0).setSelected(True)
    assert dialog.remove.isEnabled()
    dialog.remove.click()
    assert filters.ignored() == {"some say"}
    assert [dialog.ignored.item(i).text() for i in range(dialog.ignored.count())] == ["some say"]


def test_the_export_folder_is_kept_and_the_next_export_starts_there(dialog, settings, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    dialog.export_folder.setText(str(folder))
    dialog.export_folder.editingFinished.emit()
    assert settings.export_folder() == str(folder)
    assert settings.last_export_folder() == str(folder)
    dialog.export_folder.setText(str(tmp_path / "no-such-folder"))
    dialog.export_folder.editingFinished.emit()
    assert settings.export_folder() == str(folder)  # not a folder: the old one stays


def test_last_session_s_files_reopen_when_chosen(qtbot, settings, filters, tmp_path, dialog):
    paths = []
    for name in ("one.txt", "two.txt"):
        paths.append(tmp_path / name)
        paths[-1].write_text(f"The {name} article could be short.\n", "utf-8")
    first = MainWindow(settings=settings, filters=filters, model="rules")
    qtbot.addWidget(first)
    for tab in first.open_paths(paths):
        tab.cancel()
    first.close()
    again = MainWindow(settings=settings, filters=filters, model="rules")
    qtbot.addWidget(again)
    assert again.restore_session() == []  # not chosen: the welcome page
    dialog.reopen.setChecked(True)
    assert again.restore_session() == paths
    qtbot.waitUntil(lambda: len(again.document_tabs()) == 2, timeout=10_000)
    reopened = again.document_tabs()
    assert [t.document.source for t in reopened] == paths
    for tab in reopened:
        tab.cancel()
    again.runner.shutdown()


def test_the_recent_list_follows_a_theme_change(window, qtbot, tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("A short note.", "utf-8")
    window.show()
    window.welcome.set_recent([path])
    try:
        apply_theme("dark")
        # the folder's dim colour is the dark palette's, once the change reaches the page
        qtbot.waitUntil(lambda: "#9b9b9b" in window.welcome.recent_list.text(), timeout=5000)
    finally:
        apply_theme("system")
