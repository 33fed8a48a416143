"""The thin bar beside each paragraph of the reader, darker where it is harder to read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QRect
from PySide6.QtGui import QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QToolTip, QWidget

from caveat.analysis.readability.meanings import grade_in_words
from caveat.gui import theme

if TYPE_CHECKING:
    from collections.abc import Mapping

    from caveat.gui.reader import ReaderView


class DifficultyStrip(QWidget):
    """A thin bar beside each paragraph, darker where the paragraph is harder to read."""

    def __init__(self, reader: ReaderView) -> None:
        super().__init__(reader)
        self._reader = reader
        self._grades: dict[int, float] = {}
        self.setMouseTracking(True)

    def set_grades(self, grades: Mapping[int, float]) -> None:
        self._grades = dict(grades)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        if not self._grades:
            return
        # Ended explicitly, not when the wrapper is collected: anything still holding this frame
        # (a traceback, a profiler) would keep the painter active past the paint event.
        painter = QPainter(self)
        try:
            for rect, block_index in self._reader.visible_block_rects():
                grade = self._grades.get(block_index)
                if grade is not None:
                    painter.fillRect(
                        QRect(0, rect.top() + 2, self.width(), rect.height() - 4),
                        theme.difficulty_color(grade, self.palette()),
                    )
        finally:
            painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = ""
            for rect, block_index in self._reader.visible_block_rects():
                grade = self._grades.get(block_index)
                if grade is not None and rect.top() <= event.pos().y() <= rect.bottom():
                    text = f"This paragraph: {grade_in_words(grade)}"
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
