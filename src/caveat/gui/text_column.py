"""The reader's text column: the width its lines are wrapped to, and wrapping again when Qt
left them wrapped to another width."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QPlainTextDocumentLayout, QPlainTextEdit


def wrap_width(edit: QPlainTextEdit) -> float:
    """The width the text's lines are wrapped to now (0 before any line is laid out)."""
    block = edit.firstVisibleBlock()
    layout = edit.document().documentLayout()
    if isinstance(layout, QPlainTextDocumentLayout):
        layout.ensureBlockLayout(block)  # lines are laid out when first painted
    lines = block.layout()
    return lines.lineAt(0).width() if lines is not None and lines.lineCount() else 0.0


def relayout_if_stale(edit: QPlainTextEdit) -> None:
    """Wrap the text to the viewport again if it was wrapped to another width.

    QPlainTextEdit re-wraps only in its resizeEvent, and only when the event's old and new
    widths differ. A tab resized while hidden gets its viewport's resize later, with both
    widths equal, so its text stayed wrapped to the old width: clipped or squeezed.
    """
    if not edit.isVisible() or edit.lineWrapMode() is not edit.LineWrapMode.WidgetWidth:
        return
    wanted = edit.viewport().width() - 2 * edit.document().documentMargin()
    laid_out = wrap_width(edit)
    if laid_out and abs(laid_out - wanted) >= 1:
        # an old width unlike the new one is what makes Qt lay the text out again
        QPlainTextEdit.resizeEvent(edit, QResizeEvent(edit.size(), QSize(-1, -1)))
