"""A bar across the top of the window for errors and undo offers, instead of modal dialogs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

STYLES = {
    "error": "background:#FBE3E1; color:#6B1A12; border-bottom:1px solid #E8A29A;",
    "info": "background:#E3EEF9; color:#0E3557; border-bottom:1px solid #9CC2E6;",
}
TOAST_MS = 8000


class MessageBar(QFrame):
    """One message at a time: `show_error` stays until closed, `show_toast` fades after a while."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 6, 8, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.action_button = QPushButton()
        self.action_button.hide()
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip("Dismiss this message")
        close.clicked.connect(self.hide)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(close)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self._action: Callable[[], None] | None = None
        self.action_button.clicked.connect(self._run_action)
        self.kind = ""
        self.hide()

    def _show(self, kind: str, text: str, action: str, callback: Callable[[], None] | None) -> None:
        self.kind = kind
        self.setStyleSheet(f"QFrame#messageBar {{ {STYLES[kind]} }} QLabel {{ color: inherit; }}")
        self.label.setText(text)
        self._action = callback
        self.action_button.setText(action)
        self.action_button.setVisible(bool(action and callback))
        self._timer.stop()
        self.show()

    def show_error(self, text: str) -> None:
        self._show("error", text, "", None)

    def show_notice(self, text: str) -> None:
        """Something the reader should know about a document (how its text was read): stays
        until closed, in the calm colour."""
        self._show("info", text, "", None)

    def show_toast(
        self, text: str, action: str = "", callback: Callable[[], None] | None = None
    ) -> None:
        self._show("info", text, action, callback)
        self._timer.start(TOAST_MS)

    def _run_action(self) -> None:
        callback = self._action
        self.hide()
        if callback is not None:
            callback()
