"""Ctrl+F: a bar under the text that finds words, forward and back, wrapping around, and says
which match of how many is selected ("3 of 7")."""

from __future__ import annotations

import bisect

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QToolButton, QWidget

#: matches counted at most; past it the bar says "over 10,000"
MAX_COUNTED = 10_000


class FindBar(QWidget):
    def __init__(self, view: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = view
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        self.field = QLineEdit()
        self.field.setPlaceholderText("Find in article")
        self.field.setClearButtonEnabled(True)
        self.field.returnPressed.connect(self.find_next)
        self.field.textChanged.connect(lambda _t: self._find(False, from_start=True))
        self.status = QLabel()
        previous, following, close = QToolButton(), QToolButton(), QToolButton()
        previous.setText("↑")
        previous.setToolTip(
            f"Previous match ({QKeySequence(QKeySequence.StandardKey.FindPrevious).toString()})"
        )
        previous.clicked.connect(self.find_previous)
        following.setText("↓")
        following.setToolTip(
            f"Next match ({QKeySequence(QKeySequence.StandardKey.FindNext).toString()})"
        )
        following.clicked.connect(self.find_next)
        close.setText("✕")
        close.setToolTip("Close (Esc)")
        close.clicked.connect(self.close_bar)
        for widget in (self.field, previous, following, self.status):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(close)
        self._counted: tuple[str, int, list[int]] = ("", -1, [])  # needle, revision, starts
        self.hide()

    def match_starts(self, needle: str) -> list[int]:
        """Where each match starts (Qt positions), counted once per word and text."""
        document = self._view.document()
        revision = document.revision()
        if self._counted[:2] == (needle, revision):
            return self._counted[2]
        starts: list[int] = []
        cursor = QTextCursor(document)
        while len(starts) <= MAX_COUNTED:
            cursor = document.find(needle, cursor)
            if cursor.isNull():
                break
            starts.append(cursor.selectionStart())
        self._counted = (needle, revision, starts)
        return starts

    def _say_where(self, needle: str) -> None:
        starts = self.match_starts(needle)
        if len(starts) > MAX_COUNTED:
            self.status.setText(f"over {MAX_COUNTED:,} matches")
            return
        here = bisect.bisect_left(starts, self._view.textCursor().selectionStart())
        self.status.setText(f"{here + 1} of {len(starts):,}")

    def open_bar(self) -> None:
        self.show()
        selected = self._view.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.field.setText(selected)
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self._view.setFocus()

    def find_next(self) -> bool:
        return self._find(False)

    def find_previous(self) -> bool:
        return self._find(True)

    def _find(self, backward: bool, from_start: bool = False) -> bool:
        needle = self.field.text()
        if not needle:
            self.status.setText("")
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        if from_start:
            cursor = self._view.textCursor()
            cursor.setPosition(cursor.selectionStart())
            self._view.setTextCursor(cursor)
        found = self._view.find(needle, flags)
        if not found:  # wrap around
            cursor = self._view.textCursor()
            cursor.movePosition(
                QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start
            )
            self._view.setTextCursor(cursor)
            found = self._view.find(needle, flags)
        if found:
            self._say_where(needle)
        else:
            self.status.setText("Not found")
        return found

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.find_previous()
            return
        super().keyPressEvent(event)
