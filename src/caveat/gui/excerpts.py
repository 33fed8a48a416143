"""Where a finding is and the words around it: for the findings list, its copy as text, and
the way an entry is painted (the cue in bold, the context cut to fit)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from caveat.document import Document
from caveat.findings import Finding
from caveat.gui import theme

EXCERPT_ROLE = Qt.ItemDataRole.UserRole + 1
CONTEXT_WORDS = 6  # words shown on each side of the cue, at most


@dataclass(frozen=True)
class Excerpt:
    """Where a finding is (1-based line) and the words around it, within its paragraph."""

    line: int
    before: str
    cue: str
    after: str

    def as_text(self) -> str:
        return f"{self.before}[{self.cue}]{self.after}"


class TextIndex:
    """Line and block of an offset by bisect: counting per finding is quadratic on long texts."""

    def __init__(self, document: Document) -> None:
        self._breaks = [m.start() for m in re.finditer("\n", document.text)]
        self._block_starts = [b.start for b in document.blocks]

    def line_of(self, offset: int) -> int:
        """The 1-based line of `offset`, as `Document.line_col` counts it."""
        return bisect.bisect_left(self._breaks, offset) + 1

    def block_of(self, offset: int) -> int:
        """The block holding `offset`, as `Document.block_at` finds it."""
        return max(0, bisect.bisect_right(self._block_starts, offset) - 1)


def excerpt(document: Document, finding: Finding, index: TextIndex | None = None) -> Excerpt:
    """The cue with up to CONTEXT_WORDS words either side, never crossing its paragraph."""
    index = index or TextIndex(document)
    text = document.text
    block = document.blocks[index.block_of(finding.start)] if document.blocks else None
    start = block.start if block and block.start <= finding.start else 0
    end = block.end if block and block.end >= finding.end else len(text)
    before_words = text[start : finding.start].split()
    after_words = text[finding.end : end].split()
    before = " ".join(before_words[-CONTEXT_WORDS:])
    after = " ".join(after_words[:CONTEXT_WORDS])
    if before:
        cut = "…" if len(before_words) > CONTEXT_WORDS else ""
        before = cut + before + (" " if text[finding.start - 1].isspace() else "")
    if after:
        cut = "…" if len(after_words) > CONTEXT_WORDS else ""
        after = (" " if text[finding.end].isspace() else "") + after + cut
    line = index.line_of(finding.start)
    return Excerpt(line, before, " ".join(text[finding.start : finding.end].split()), after)


def finding_as_text(finding: Finding, where: Excerpt) -> str:
    return f"line {where.line}: {where.as_text()} — {finding.message} ({finding.rule})"


def _cut_words(text: str, metrics: QFontMetrics, room: int, left: bool) -> str:
    """`text` without as many words at its outer end (`left` or right) as it takes to fit,
    an ellipsis in their place; the space next to the cue is kept."""
    if metrics.horizontalAdvance(text) <= room:
        return text
    words = text.strip(" …").split(" ")
    space = " " if text.endswith(" ") and left or text.startswith(" ") and not left else ""
    while words:
        words = words[1:] if left else words[:-1]
        cut = "…" + " ".join(words) + space if left else space + " ".join(words) + "…"
        if metrics.horizontalAdvance(cut) <= room:
            return cut if words else ""
    return ""


class ExcerptDelegate(QStyledItemDelegate):
    """Paints an entry as its line number, then the context with the cue in bold; the context
    is cut at both ends so the cue always shows, whatever the panel's width."""

    PADDING = 4

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        where = index.data(EXCERPT_ROLE)
        if not isinstance(where, Excerpt):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        text_color = palette.highlightedText() if selected else palette.text()
        dim = text_color.color() if selected else theme.dimmed_text(palette)
        plain, bold = QFont(opt.font), QFont(opt.font)
        bold.setBold(True)
        plain_metrics, bold_metrics = QFontMetrics(plain), QFontMetrics(bold)
        rect = opt.rect.adjusted(self.PADDING, 0, -self.PADDING, 0)
        label_width = plain_metrics.horizontalAdvance("0000")
        painter.save()
        painter.setFont(plain)
        painter.setPen(dim)
        align = Qt.AlignmentFlag.AlignVCenter
        painter.drawText(
            rect.adjusted(0, 0, -(rect.width() - label_width), 0),
            align | Qt.AlignmentFlag.AlignRight,
            str(where.line),
        )
        x = rect.left() + label_width + 2 * self.PADDING
        room = rect.right() - x
        before, cue, after = self._fit(where, room, plain_metrics, bold_metrics)
        # a sentence-long finding (speculation) is all cue: bold throughout is too loud
        cue_font = plain if len(where.cue.split()) > CONTEXT_WORDS else bold
        for part, font, pen in ((before, plain, dim), (cue, cue_font, text_color.color())):
            painter.setFont(font)
            painter.setPen(pen)
            painter.drawText(x, rect.top(), room, rect.height(), align, part)
            width = QFontMetrics(font).horizontalAdvance(part)
            x, room = x + width, room - width
        painter.setFont(plain)
        painter.setPen(dim)
        painter.drawText(x, rect.top(), max(0, room), rect.height(), align, after)
        painter.restore()

    @staticmethod
    def _fit(
        where: Excerpt, room: int, plain: QFontMetrics, bold: QFontMetrics
    ) -> tuple[str, str, str]:
        """Before, cue and after, cut to `room` pixels: the cue first, the sides share the rest
        and lose whole words at their outer ends."""
        cue_width = bold.horizontalAdvance(where.cue)
        if cue_width >= room * 0.8:  # a sentence-long finding: the sentence is the context
            return "", bold.elidedText(where.cue, Qt.TextElideMode.ElideRight, room), ""
        rest = room - cue_width
        after_width = plain.horizontalAdvance(where.after)
        before = _cut_words(where.before, plain, max(rest // 2, rest - after_width), left=True)
        after = _cut_words(where.after, plain, rest - plain.horizontalAdvance(before), left=False)
        return before, where.cue, after

    def sizeHint(  # noqa: N802 (Qt's name)
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), max(hint.height(), option.fontMetrics.height() + 6))
