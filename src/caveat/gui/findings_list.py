"""The side panel's list of findings: grouped by layer, each entry with its line and the words
around its cue (excerpts.py), the finding shown in the card selected, and Ctrl+C to copy it all
as text."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from caveat.document import Document
from caveat.findings import Analysis, Finding
from caveat.gui.excerpts import (
    EXCERPT_ROLE,
    Excerpt,
    ExcerptDelegate,
    TextIndex,
    excerpt,
    finding_as_text,
)
from caveat.gui.slices import SliceRunner
from caveat.gui.swatch import layer_icon
from caveat.layers import get_layer
from caveat.sensitivity import in_words

FINDING_ROLE = Qt.ItemDataRole.UserRole
#: entries added per step (a slice runs steps for its few milliseconds): thousands at once
#: stall the window, and 200 made one step of ~20 ms on a loaded machine
BATCH = 100


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
        self._filler.start(self._steps(document, seen), at_once=total <= BATCH, later=True)

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
        item.setToolTip(0, f"Line {where.line}: {finding.message} ({in_words(finding)})")
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
