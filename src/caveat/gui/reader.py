"""The article view: read-only text in a comfortable column, with findings you can hover,
click and dismiss, and a strip beside the text that shows each paragraph's difficulty."""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Mapping, Sequence

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QHelpEvent,
    QMouseEvent,
    QResizeEvent,
    QShowEvent,
    QTextCursor,
    QTextFormat,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QToolTip,
    QWidget,
)

from caveat.document import BlockKind, Document, Link
from caveat.findings import Finding
from caveat.gui import theme
from caveat.gui.difficulty_strip import DifficultyStrip
from caveat.gui.finding_index import FindingIndex
from caveat.gui.finding_popups import add_finding_actions, finding_tooltip
from caveat.gui.highlighter import FindingHighlighter, display_text
from caveat.gui.slices import SliceRunner
from caveat.gui.text_column import relayout_if_stale, wrap_width

#: shown at once when a text is opened: more than a screenful at any window size and zoom
FIRST_SCREEN_CHARS = 8_000
TEXT_SLICE_CHARS = 20_000  # appended per step, a few steps per event-loop turn, after that
COLUMN_CHARACTERS = 72  # a comfortable line length for prose
STRIP_WIDTH, STRIP_GAP = 6, 16


def warm_widget_types() -> None:
    """Build and drop one reader. PySide6 sets up its widget types lazily: the first reader's
    viewport() set up dozens of them, ~12 ms on the GUI thread, added to the turn in which the
    first file opens unless paid on an idle turn before (the window does so once shown)."""
    ReaderView().deleteLater()


class ReaderView(QPlainTextEdit):
    """Read-only article text; findings are painted by one FindingHighlighter."""

    finding_clicked = Signal(object)  # Finding
    dismiss_requested = Signal(object)  # Finding
    ignore_requested = Signal(object)  # Finding
    zoom_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        self.setBackgroundRole(self.viewport().backgroundRole())
        self.setAutoFillBackground(True)
        self.document().setDocumentMargin(28)
        self.document().setUndoRedoEnabled(False)  # read-only: an undo history only costs memory
        self.highlighter = FindingHighlighter(self.document())
        self._text_loader = SliceRunner(self)
        self.text_loaded = self._text_loader.done
        self.strip = DifficultyStrip(self)
        self.document_model: Document | None = None
        self.index = FindingIndex()
        self.zoom = 0
        self._press_pos: QPoint | None = None
        self._block_starts: list[int] = []
        self.updateRequest.connect(lambda *_: self.strip.update())
        self._apply_style()

    # content
    def set_document(self, document: Document) -> None:
        """Show the text: the first screenful at once, the rest appended in slices from the next
        turn of the event loop on.

        Laying out 100,000 words in one setPlainText took ~0.5 s on the GUI thread; its first
        20,000 characters and a slice after them in the same turn, ~25 ms.
        """
        self.document_model = document
        self._block_starts = [b.start for b in document.blocks]
        self.highlighter.set_document(document)
        shown = display_text(document.text)
        first = self._line_end(shown, FIRST_SCREEN_CHARS)
        self.setPlainText(shown[:first])
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self._text_loader.start(
            self._append_steps(shown, first), at_once=first >= len(shown), later=True
        )

    @staticmethod
    def _line_end(text: str, at_least: int) -> int:
        """The end of the line at or after `at_least` (cutting inside a line is fine too)."""
        cut = text.find("\n", at_least)
        return len(text) if cut < 0 else cut

    def _append_steps(self, shown: str, start: int) -> Iterator[None]:
        cursor = QTextCursor(self.document())
        while start < len(shown):
            end = self._line_end(shown, start + TEXT_SLICE_CHARS)
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertText(shown[start:end])
            start = end
            yield None

    def is_loading_text(self) -> bool:
        return self._text_loader.busy()

    def set_findings(
        self, index: FindingIndex, added: Sequence[tuple[int, int]] | None = None
    ) -> None:
        """Paint `index`: everything, or the lines of the `added` ranges (highlighter.py)."""
        self.index = index
        self.highlighter.set_findings(index, self.firstVisibleBlock().blockNumber(), added)

    def set_block_grades(self, grades: Mapping[int, float]) -> None:
        self.strip.set_grades(grades)

    # positions
    def offset_at(self, point: QPoint) -> int:
        """The `str` offset of the character under a viewport point."""
        cursor = self.cursorForPosition(point)
        position = cursor.position()
        if point.x() < self.cursorRect(cursor).x() and position > 0:
            position -= 1  # the point is on the character left of the cursor
        return self.highlighter.utf16.from_qt(position)

    def findings_at(self, point: QPoint) -> list[Finding]:
        if self.document_model is None:
            return []
        return self.index.at(self.offset_at(point))

    def link_at(self, point: QPoint) -> Link | None:
        """The hyperlink under a viewport point (web pages and Word files keep theirs)."""
        if self.document_model is None or not self.document_model.links:
            return None
        offset = self.offset_at(point)
        return next((k for k in self.document_model.links if k.start <= offset < k.end), None)

    def cursor_offset(self) -> int:
        return self.highlighter.utf16.from_qt(self.textCursor().position())

    def visible_block_rects(self) -> list[tuple[QRect, int]]:
        """(rectangle in widget coordinates, document block index) for the lines on screen."""
        doc = self.document_model
        if doc is None:
            return []
        found = []
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        top_shift = self.viewport().y()
        while block.isValid():
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > self.viewport().height():
                break
            start = self.highlighter.utf16.from_qt(block.position())
            i = bisect.bisect_right(self._block_starts, start) - 1
            inside = i >= 0 and doc.blocks[i].start <= start < doc.blocks[i].end
            if inside and doc.blocks[i].kind is BlockKind.PARAGRAPH:
                found.append((geometry.toRect().translated(0, top_shift), i))
            block = block.next()
        return found

    # showing a finding
    def show_finding(self, finding: Finding | None) -> None:
        """Scroll to `finding` and mark it; None clears the mark."""
        if finding is None:
            self.setExtraSelections([])
            return
        utf16 = self.highlighter.utf16
        cursor = QTextCursor(self.document())
        cursor.setPosition(utf16.to_qt(finding.start))
        cursor.setPosition(utf16.to_qt(finding.end), QTextCursor.MoveMode.KeepAnchor)
        mark = QTextEdit.ExtraSelection()
        mark.cursor = cursor
        color = QColor(theme.layer_color(finding.layer))
        color.setAlphaF(0.55)
        mark.format.setBackground(color)
        mark.format.setProperty(QTextFormat.Property.OutlinePen, color)
        self.setExtraSelections([mark])
        plain = QTextCursor(self.document())
        plain.setPosition(utf16.to_qt(finding.start))
        self.setTextCursor(plain)
        self.centerCursor()

    # look
    def set_zoom(self, steps: int) -> None:
        steps = max(theme.MIN_ZOOM, min(theme.MAX_ZOOM, steps))
        if steps != self.zoom:
            self.zoom = steps
            self._apply_style()
            self.zoom_changed.emit(steps)

    def _apply_style(self) -> None:
        font = theme.reading_font(self.zoom)
        self.setFont(font)
        self.highlighter.set_style(self.palette(), font.pointSizeF())
        self.highlighter.repaint(self.firstVisibleBlock().blockNumber())
        self._update_margins()

    def _update_margins(self) -> None:
        column = self.fontMetrics().averageCharWidth() * COLUMN_CHARACTERS
        column += 2 * int(self.document().documentMargin())
        side = max(STRIP_WIDTH + STRIP_GAP + 8, (self.width() - column) // 2)
        self.setViewportMargins(side, 0, side, 0)
        self.strip.setGeometry(side - STRIP_GAP, 0, STRIP_WIDTH, self.height())
        relayout_if_stale(self)

    def wrap_width(self) -> float:
        return wrap_width(self)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        # Qt sends a palette change from inside __init__, before the highlighter exists
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "highlighter"):
            self.highlighter.set_style(self.palette(), self.font().pointSizeF())
            self.highlighter.repaint(self.firstVisibleBlock().blockNumber())

    def event(self, event: QEvent) -> bool:
        # The column's margins follow the new width before Qt lays out the viewport and wraps
        # the text in it: set afterwards, the text was wrapped once more to a stale width.
        if event.type() == QEvent.Type.Resize:
            self._update_margins()
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._update_margins()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._update_margins()  # a zoom or resize while hidden left the margins or wrap stale

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt's name)
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.set_zoom(self.zoom + (1 if delta > 0 else -1))
            return
        super().wheelEvent(event)

    # hover, click, right-click
    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            found = self.findings_at(event.pos())
            link = self.link_at(event.pos())
            if found and self.document_model is not None:
                tip = "<hr>".join(finding_tooltip(f, self.document_model) for f in found)
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            elif link is not None:
                QToolTip.showText(event.globalPos(), f"Link to {link.href}", self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        super().mouseReleaseEvent(event)
        pos = event.position().toPoint()
        moved = self._press_pos is None or (pos - self._press_pos).manhattanLength() > 4
        if event.button() == Qt.MouseButton.LeftButton and not moved:
            found = self.findings_at(pos)
            if found:
                self.finding_clicked.emit(found[0])

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 (Qt's name)
        menu = self.build_context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def build_context_menu(self, point: QPoint) -> QMenu:
        """The standard menu (copy, select all) with, over a finding, dismiss and ignore."""
        menu = self.createStandardContextMenu(point)
        found = self.findings_at(point)
        if found and self.document_model is not None:
            add_finding_actions(
                menu,
                found,
                self.document_model,
                self.dismiss_requested.emit,
                self.ignore_requested.emit,
            )
        return menu
