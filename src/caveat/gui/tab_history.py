"""Edit > Undo and Redo: one history per tab, so Ctrl+Z never changes a tab the reader is not
looking at, and the message bar says what was undone."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence, QUndoGroup, QUndoStack
from PySide6.QtWidgets import QWidget

from caveat.gui.message_bar import MessageBar


class TabHistory:
    """The tabs' undo stacks in one QUndoGroup whose active stack is the tab in front."""

    def __init__(self, window: QWidget, message_bar: MessageBar) -> None:
        self.group = QUndoGroup(window)
        self._bar = message_bar
        keys = QKeySequence.StandardKey
        self.undo_action = QAction("&Undo", window)
        self.undo_action.setShortcut(QKeySequence(keys.Undo))
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction("&Redo", window)
        self.redo_action.setShortcut(QKeySequence(keys.Redo))
        self.redo_action.triggered.connect(self.redo)
        for action, can, changed in (
            (self.undo_action, self.group.canUndo, self.group.canUndoChanged),
            (self.redo_action, self.group.canRedo, self.group.canRedoChanged),
        ):
            action.setEnabled(can())
            changed.connect(action.setEnabled)
        self.group.undoTextChanged.connect(
            lambda text: self.undo_action.setText(f"&Undo {text}" if text else "&Undo")
        )
        self.group.redoTextChanged.connect(
            lambda text: self.redo_action.setText(f"&Redo {text}" if text else "&Redo")
        )

    def new_stack(self) -> QUndoStack:
        """A history for a new tab (give it the tab as parent: closing the tab ends it)."""
        stack = QUndoStack()
        self.group.addStack(stack)
        return stack

    def set_current(self, stack: QUndoStack | None) -> None:
        # no tab, no history: Qt takes a null stack (its Python stub says otherwise)
        self.group.setActiveStack(stack)  # type: ignore[arg-type]

    def offer_undo(self, stack: QUndoStack, what: str) -> None:
        self._bar.show_toast(f"Hidden: {what}.", "Undo", stack.undo)

    def undo(self) -> None:
        """Undo the current tab's last change, and say what it was."""
        stack = self.group.activeStack()
        if stack is not None and stack.canUndo():
            what = stack.undoText()
            stack.undo()
            self._bar.show_toast(f"Undone: {what}.")

    def redo(self) -> None:
        stack = self.group.activeStack()
        if stack is not None and stack.canRedo():
            what = stack.redoText()
            stack.redo()
            self._bar.show_toast(f"Redone: {what}.")
