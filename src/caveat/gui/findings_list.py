"""The side panel's list of findings: grouped by layer, each entry with its line and the words
around its cue, the finding shown in the card selected, and Ctrl+C to copy it all as text."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QKeyEvent, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from caveat.document import Document
from caveat.findings import Analysis, Finding
from caveat.gui import theme
from caveat.gui.slices import SliceRunner
from caveat.gui.swatch import layer_icon
from caveat.layers import get_layer

FINDING_ROLE = Qt.ItemDataRole.UserRole
EXCERPT_ROLE = Qt.ItemDataRole.UserRole + 1
CONTEXT_WORDS = 6  # words shown on each side of the cue, at most
BATCH = 200  # entries added per slice: thousands at once stall the window


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


class FindingsList(QTreeWidget):
    """Findings grouped by layer; click, Enter or the arrow keys show one in the text."""

    finding_activated = Signal(object)  # Finding

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setIndentation(14)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setItemDelegate(ExcerptDelegate(self))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._show_menu)
        self.itemActivated.connect(self._activate)
        self.itemClicked.connect(self._activate)
        self.currentItemChanged.connect(self._on_current_changed)
        self._filler = SliceRunner(self)
        self._items: dict[Finding, QTreeWidgetItem] = {}
        self._wanted: Finding | None = None  # to select once its entry is added
        self._selecting = False  # a selection made here, not by the reader
        self._document: Document | None = None

    # filling
    def clear_findings(self) -> None:
        self._filler.start(iter(()), at_once=True)  # stop a fill still going
        self.clear()
        self._items = {}

    def show_message(self, text: str) -> None:
        """A line in place of the findings (nothing was analysed)."""
        self.clear_findings()
        self.addTopLevelItem(QTreeWidgetItem([text]))

    def show_findings(self, document: Document, seen: Analysis) -> None:
        """List `seen` (the findings the reader sees), a few hundred entries per event-loop turn."""
        self.clear_findings()
        self._document = document
        total = sum(len(seen.findings.get(layer, ())) for layer in seen.layers)
        # later: a layer toggle repaints the text first; the list follows a moment after
        self._filler.start(self._steps(document, seen), at_once=total <= 500, later=True)

    def _steps(self, document: Document, seen: Analysis) -> Iterator[None]:
        index = TextIndex(document)
        for layer_id in seen.layers:
            found = seen.findings.get(layer_id, ())
            group = QTreeWidgetItem([f"{get_layer(layer_id).title}  ({len(found):,})"])
            group.setIcon(0, layer_icon(layer_id, self.palette()))
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addTopLevelItem(group)
            group.setExpanded(len(found) <= BATCH)
            for first in range(0, len(found), BATCH):
                items = [self._item(document, f, index) for f in found[first : first + BATCH]]
                group.addChildren(items)
                if self._wanted is not None and self._wanted in self._items:
                    self.select(self._wanted)
                yield None
        if not seen.layers:
            self.addTopLevelItem(QTreeWidgetItem(["All layers are hidden."]))

    def _item(self, document: Document, finding: Finding, index: TextIndex) -> QTreeWidgetItem:
        where = excerpt(document, finding, index)
        item = QTreeWidgetItem([f"{where.line}  {where.as_text()}"])
        item.setToolTip(0, f"Line {where.line}: {finding.message}")
        item.setData(0, FINDING_ROLE, finding)
        item.setData(0, EXCERPT_ROLE, where)
        self._items[finding] = item
        return item

    # selection
    def select(self, finding: Finding | None) -> None:
        """Select the entry of `finding` (the one in the card), or none."""
        self._wanted = finding
        item = self._items.get(finding) if finding is not None else None
        self._selecting = True
        try:
            if item is None:
                self.clearSelection()
                self.setCurrentIndex(QModelIndex())
            else:
                group = item.parent()
                if group is not None and not group.isExpanded():
                    group.setExpanded(True)
                self.setCurrentItem(item)
                self.scrollToItem(item)
        finally:
            self._selecting = False

    def selected_finding(self) -> Finding | None:
        item = self.currentItem()
        found = item.data(0, FINDING_ROLE) if item is not None else None
        return found if isinstance(found, Finding) else None

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        finding = item.data(0, FINDING_ROLE)
        if isinstance(finding, Finding):
            self._wanted = finding
            self.finding_activated.emit(finding)

    def _on_current_changed(
        self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None
    ) -> None:
        # the arrow keys step through the list and the text follows; a mouse press activates
        # by itemClicked, after the press has made the item current
        keyboard = self.hasFocus() and not QGuiApplication.mouseButtons()
        if keyboard and not self._selecting and current is not None:
            self._activate(current)

    # copying
    def as_text(self, only: Finding | None = None) -> str:
        """The list as plain text, one finding a line under its layer's heading."""
        out: list[str] = []
        groups = (self.topLevelItem(g) for g in range(self.topLevelItemCount()))
        for group in filter(None, groups):
            entries = []
            for child in filter(None, (group.child(c) for c in range(group.childCount()))):
                finding, where = child.data(0, FINDING_ROLE), child.data(0, EXCERPT_ROLE)
                wanted = isinstance(finding, Finding) and (only is None or finding == only)
                if wanted and isinstance(where, Excerpt):
                    entries.append(f"  {finding_as_text(finding, where)}")
            if only is None:
                out.append(group.text(0))
            out.extend(entries)
        return "\n".join(line.strip() if only else line for line in out)

    def copy_list(self) -> None:
        QGuiApplication.clipboard().setText(self.as_text() + "\n")

    def copy_selected(self) -> None:
        finding = self.selected_finding()
        if finding is not None:
            QGuiApplication.clipboard().setText(self.as_text(only=finding) + "\n")

    def event(self, event: QEvent) -> bool:
        # Ctrl+C here copies the list, not the article's selection (the window's Copy action)
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Copy)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_list()
            return
        super().keyPressEvent(event)

    def _show_menu(self, point: QPoint) -> None:
        menu = QMenu(self)
        this = menu.addAction("Copy This Finding", self.copy_selected)
        this.setEnabled(self.selected_finding() is not None)
        whole = menu.addAction("Copy the List", self.copy_list)
        whole.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))  # shown as a hint
        menu.exec(self.viewport().mapToGlobal(point))
        menu.deleteLater()
