"""A bar under the tabs for errors, progress and offers (Undo, Open), instead of modal dialogs."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from caveat.gui import theme

STYLES = {
    "error": ("#FBE3E1", "#6B1A12", "#E8A29A"),
    "info": ("#E3EEF9", "#0E3557", "#9CC2E6"),
}
DARK_STYLES = {
    "error": ("#4A1F1B", "#F6D5D1", "#8C3B33"),
    "info": ("#1B3149", "#D6E6F7", "#3D6A96"),
}
TOAST_MS = 8000

Action = tuple[str, Callable[[], object]]


class MessageBar(QFrame):
    """One message at a time: `show_error` and `show_info` stay until closed or replaced,
    `show_toast` goes after a while. Each may offer buttons (label, what it does)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(14, 6, 8, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip("Dismiss this message")
        close.clicked.connect(self.hide)
        self._layout.addWidget(self.label, 1)
        self._layout.addWidget(close)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.buttons: list[QPushButton] = []
        self.kind = ""
        self.hide()

    @property
    def action_button(self) -> QPushButton | None:
        """The first offered button, if any."""
        return self.buttons[0] if self.buttons else None

    def _show(self, kind: str, text: str, actions: Sequence[Action]) -> None:
        self.kind = kind
        colours = DARK_STYLES if theme.is_dark(self.palette()) else STYLES
        background, foreground, border = colours[kind]
        self.setStyleSheet(
            f"QFrame#messageBar {{ background:{background}; color:{foreground};"
            f" border-top:1px solid {border}; }} QLabel {{ color:{foreground}; }}"
        )
        self.label.setText(text)
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        for n, (label, callback) in enumerate(actions):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, c=callback: self._run(c))
            self._layout.insertWidget(1 + n, button)
            self.buttons.append(button)
        self._timer.stop()
        self.show()

    def show_error(self, text: str, actions: Sequence[Action] = ()) -> None:
        self._show("error", text, actions)

    def show_info(self, text: str, actions: Sequence[Action] = ()) -> None:
        """A message that stays (work in progress, or something to act on)."""
        self._show("info", text, actions)

    def show_toast(
        self,
        text: str,
        action: str = "",
        callback: Callable[[], object] | None = None,
        actions: Sequence[Action] = (),
    ) -> None:
        offered = [(action, callback)] if action and callback else []
        self._show("info", text, [*offered, *actions])
        self._timer.start(TOAST_MS)

    def _run(self, callback: Callable[[], object]) -> None:
        self.hide()
        callback()
