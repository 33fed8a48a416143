"""The window's menu bar: File, Edit, View and Help, with their keys."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from caveat.layers import all_layers

if TYPE_CHECKING:
    from caveat.gui.main_window import MainWindow


def add_action(
    window: MainWindow,
    menu: QMenu,
    text: str,
    slot: Callable[[], object],
    shortcut: QKeySequence | list[QKeySequence] | None = None,
    tip: str = "",
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        if isinstance(shortcut, list):
            action.setShortcuts(shortcut)
        else:
            action.setShortcut(shortcut)
    action.setStatusTip(tip)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def build_menus(window: MainWindow) -> None:
    """The menu bar; the actions that change state are kept on the window (tests reach them)."""
    keys = QKeySequence.StandardKey
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    add_action(window, file_menu, "&Open…", window.open_dialog, QKeySequence(keys.Open))
    window.recent_menu = file_menu.addMenu("Open &Recent")
    window.recent_menu.aboutToShow.connect(lambda: fill_recent_menu(window))
    add_action(
        window,
        file_menu,
        "Open &Address…",
        lambda: window.open_address(),  # not the slot itself: triggered would pass `checked`
        QKeySequence("Ctrl+L"),
        "Fetch a web page and read it (Caveat's only use of the network)",
    )
    add_action(
        window,
        file_menu,
        "New from &Clipboard",
        window.paste_article,
        QKeySequence(keys.Paste),
        "Open the text or web page on the clipboard in a new tab",
    )
    add_action(window, file_menu, "Open the &Sample Article", window.open_sample)
    file_menu.addSeparator()
    window.export_action = add_action(
        window, file_menu, "&Export Annotated PDF…", window.export_pdf, QKeySequence("Ctrl+E")
    )
    file_menu.addSeparator()
    window.close_action = add_action(
        window, file_menu, "&Close Tab", window.close_current_tab, QKeySequence(keys.Close)
    )
    add_action(window, file_menu, "&Quit", window.close, QKeySequence(keys.Quit))

    edit = bar.addMenu("&Edit")
    edit.addActions([window.undo_action, window.redo_action])
    edit.addSeparator()
    add_action(window, edit, "&Copy", lambda: window.reader_call("copy"), QKeySequence(keys.Copy))
    add_action(
        window,
        edit,
        "Select &All",
        lambda: window.reader_call("selectAll"),
        QKeySequence(keys.SelectAll),
    )
    edit.addSeparator()
    add_action(window, edit, "&Find…", window.open_find, QKeySequence(keys.Find))
    edit.addSeparator()
    add_action(window, edit, "Pre&ferences…", window.show_preferences, QKeySequence("Ctrl+,"))

    view = bar.addMenu("&View")
    window.layer_actions = {}
    for n, layer in enumerate(all_layers(), start=1):
        layer_id = layer.id
        action = QAction(layer.title, window)
        action.setShortcut(QKeySequence(f"Alt+{n}"))
        action.setCheckable(True)
        action.setChecked(window.visibility.is_visible(layer_id))
        # the checked state is the visibility: one setter, whichever widget toggled it
        action.toggled.connect(partial(window.visibility.set_visible, layer_id))
        view.addAction(action)
        window.layer_actions[layer_id] = action
    window.visibility.changed.connect(
        lambda layer, visible: window.layer_actions[layer].setChecked(visible)
    )
    view.addSeparator()
    add_action(window, view, "&Next Finding", window.next_finding, QKeySequence("F3"))
    add_action(window, view, "&Previous Finding", window.previous_finding, QKeySequence("Shift+F3"))
    view.addSeparator()
    add_action(window, view, "Ne&xt Tab", lambda: window.step_tab(1), [QKeySequence("Ctrl+PgDown")])
    add_action(
        window, view, "Pre&vious Tab", lambda: window.step_tab(-1), [QKeySequence("Ctrl+PgUp")]
    )
    view.addSeparator()
    add_action(
        window,
        view,
        "Zoom &In",
        lambda: window.zoom_by(1),
        [QKeySequence(keys.ZoomIn), QKeySequence("Ctrl+=")],
    )
    add_action(window, view, "Zoom &Out", lambda: window.zoom_by(-1), QKeySequence(keys.ZoomOut))
    add_action(window, view, "&Actual Size", lambda: window.set_zoom(0), QKeySequence("Ctrl+0"))

    help_menu = bar.addMenu("&Help")
    add_action(window, help_menu, "&About Caveat", window.show_about)


def fill_recent_menu(window: MainWindow) -> None:
    window.recent_menu.clear()
    recent = window.settings.recent_files()
    for path in recent:
        action = window.recent_menu.addAction(path.name)
        action.setStatusTip(str(path))
        action.triggered.connect(lambda _=False, p=path: window.open_files([p]))
    if recent:
        window.recent_menu.addSeparator()
        window.recent_menu.addAction("Clear the List", window.clear_recent)
    else:
        window.recent_menu.addAction("No recent files").setEnabled(False)
