"""One open article: the reader, its side panel, and the analysis that feeds them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QProgressBar, QSplitter, QVBoxLayout, QWidget

from caveat.analysis.schedule import OnScreen
from caveat.document import Document
from caveat.findings import Analysis, Finding
from caveat.gui.find_bar import FindBar
from caveat.gui.finding_index import FindingIndex
from caveat.gui.language_notice import LanguageNotice
from caveat.gui.layer_visibility import LayerVisibility
from caveat.gui.reader import ReaderView
from caveat.gui.reader_filters import DismissCommand, IgnoreWordCommand, ReaderFilters
from caveat.gui.rule_list import RuleCounts, count_rules
from caveat.gui.side_panel import SidePanel
from caveat.gui.view_filters import Dismissal, analysis_as_seen
from caveat.gui.worker import AnalysisRunner
from caveat.layers import layer_ids


class DocumentTab(QWidget):
    """Shows `document` at once, analyses it in the background, then paints what is visible."""

    analysis_ready = Signal(object)  # Analysis, after it is shown
    first_highlights = Signal()  # the blocks on screen are painted, before the whole is done
    analysis_failed = Signal(str)
    filtered = Signal(str)  # what the reader just hid, for the window's undo toast

    def __init__(
        self,
        document: Document,
        runner: AnalysisRunner,
        visibility: LayerVisibility,
        filters: ReaderFilters,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.analysis: Analysis | None = None
        self.current: Finding | None = None
        self.request_id = 0
        self._on_screen: OnScreen | None = None  # what the running analysis is told is visible
        self._partial_of = 0  # the request whose partial analysis is shown
        self._runner, self._visibility = runner, visibility
        self._filters, self._undo = filters, undo_stack

        self.reader = ReaderView()
        self.reader.set_document(document)
        self.find_bar = FindBar(self.reader)
        self.language_notice = LanguageNotice(document.language)
        self.language_notice.analyse_anyway.connect(self.start_analysis)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(3)
        self.progress.setRange(0, 0)
        # hidden when the analysis is done, but its room kept: the text must not jump up
        policy = self.progress.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.progress.setSizePolicy(policy)
        self.side_panel = SidePanel(visibility)

        text_column = QWidget()
        column = QVBoxLayout(text_column)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.progress)
        column.addWidget(self.language_notice)
        column.addWidget(self.reader, 1)
        column.addWidget(self.find_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(text_column)
        self.splitter.addWidget(self.side_panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setCollapsible(0, False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        # a scroll, Ctrl+End, a drag of the scrollbar, F3, find: what is on screen now is
        # analysed next
        self.reader.verticalScrollBar().valueChanged.connect(self._on_view_moved)
        self.reader.finding_clicked.connect(self.select_finding)
        self.reader.dismiss_requested.connect(self.dismiss)
        self.reader.ignore_requested.connect(self.ignore)
        self.side_panel.finding_activated.connect(self.select_finding)
        self.side_panel.next_requested.connect(self.next_finding)
        self.side_panel.previous_requested.connect(self.previous_finding)
        visibility.changed.connect(self._on_visibility_changed)
        visibility.rules.changed.connect(self._on_visibility_changed)
        visibility.sensitivity_changed.connect(lambda _level: self.refresh())
        filters.changed.connect(self.refresh)
        runner.signals.progress.connect(self._on_progress)
        runner.signals.partial.connect(self._on_partial)
        runner.signals.finished.connect(self._on_finished)
        runner.signals.failed.connect(self._on_failed)
        self.side_panel.show_analysis(document, None, None)

    @property
    def undo_stack(self) -> QUndoStack:
        """This tab's dismissals and ignores, for Edit > Undo while the tab is in front."""
        return self._undo

    # analysis
    #: A document with more blocks than this gets the blocks on screen analysed and shown first.
    PARTIAL_ABOVE_BLOCKS = 40

    def blocks_on_screen(self) -> list[int]:
        """Indices of the document's blocks in (and just below) the visible part of the text."""
        top = self.reader.offset_at(self.reader.viewport().rect().topLeft())
        first = self.document.block_at(top)
        # A screenful is about 2,500 characters; take twice that, in case the view grows.
        end = top + 5000
        blocks = self.document.blocks
        last = first
        while last + 1 < len(blocks) and blocks[last + 1].start < end:
            last += 1
        return list(range(first, last + 1))

    def start_analysis(self) -> int:
        """Analyse (again), cancelling a run still going for this tab; 0 while a text in another
        language waits for the reader to choose "Analyse anyway"."""
        self.cancel()
        if self.language_notice.held:
            self.request_id = 0
            self.progress.hide()
            self.side_panel.show_not_analysed(
                "Not analysed: Caveat’s layers read English. Choose “Analyse anyway” above the "
                "text to run them all the same."
            )
            return 0
        long = len(self.document.blocks) > self.PARTIAL_ABOVE_BLOCKS
        # a short article comes whole at once
        self._on_screen = OnScreen(self.blocks_on_screen()) if long else None
        self.request_id = self._runner.start(self.document, self._on_screen)
        self.progress.setRange(0, 0)
        self.progress.show()
        return self.request_id

    def cancel(self) -> None:
        if self.request_id:
            self._runner.cancel(self.request_id)

    def is_analysing(self) -> bool:
        return bool(self.request_id)

    def _on_view_moved(self) -> None:
        if self.request_id and self._on_screen is not None:
            self._on_screen.show(self.blocks_on_screen())

    def _on_progress(self, request_id: int, done: int, total: int) -> None:
        if request_id == self.request_id:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _on_partial(self, request_id: int, analysis: Analysis) -> None:
        if request_id != self.request_id or not (self.analysis is None or self.analysis.partial):
            return
        # Only the blocks new since the last partial analysis (all, the first time) are painted:
        # the rest has had its kinds' formats since it was laid in; an earlier run's is redone.
        first, shown = self._partial_of != request_id, self.analysis
        self.analysis, self._partial_of = analysis, request_id
        before = shown.block_metrics if shown is not None and not first else {}
        added = analysis.block_metrics.keys() - before.keys()
        spans = [(self.document.blocks[i].start, self.document.blocks[i].end) for i in added]
        self._paint(None if first and shown is not None else spans)
        if first:  # highlights on screen now; the side panel fills in when all is done
            self.first_highlights.emit()

    def _on_finished(self, request_id: int, analysis: Analysis) -> None:
        if request_id != self.request_id:
            return  # a stale run: another one replaced it
        self.request_id = 0
        self._on_screen = None
        self.show_analysis(analysis)

    def _on_failed(self, request_id: int, reason: str) -> None:
        if request_id == self.request_id:
            self.request_id = 0
            self.progress.hide()
            self.analysis_failed.emit(reason)

    def show_analysis(self, analysis: Analysis) -> None:
        """Paint `analysis` (also the way tests hand in an Analysis built by hand)."""
        self.analysis = analysis
        self.progress.hide()
        grades = {  # None for a paragraph too short or too odd to measure
            i: grade
            for i, m in analysis.block_metrics.items()
            if (grade := m.get("flesch_kincaid_grade")) is not None
        }
        self.reader.set_block_grades(grades)
        self.refresh()
        self.analysis_ready.emit(analysis)

    # what the reader sees
    def visible_layers(self) -> tuple[str, ...]:
        return self._visibility.visible()

    def analysis_as_seen(self) -> Analysis | None:
        """The Analysis as the reader sees it: visible layers, less dismissals and ignored words.

        The PDF export uses this, so a dismissed finding never reaches an exported file. None
        until the whole document is analysed.
        """
        if self.analysis is None or self.analysis.partial:
            return None
        return self._seen()

    def _seen(self, every_layer: bool = False) -> Analysis | None:
        """As the reader sees it; `every_layer`: hidden layers and rules included."""
        if self.analysis is None:
            return None
        return analysis_as_seen(
            self.analysis,
            self.document,
            layer_ids() if every_layer else self._visibility.visible(),
            self._filters.dismissed(self.document.source),
            self._filters.ignored(),
            () if every_layer else self._visibility.rules.hidden(),
            self._visibility.sensitivity(),
        )

    def _rule_counts(self, seen: Analysis | None = None) -> RuleCounts | None:
        """Each rule's findings (hidden rules and layers too); `seen` if none is hidden."""
        if self.analysis is None or self.analysis.partial:
            return None
        all_shown = {*self.analysis.layers} <= {*self.visible_layers()}
        hides = self._visibility.rules.hidden() or not all_shown
        every = seen if seen is not None and not hides else self._seen(every_layer=True)
        return None if every is None else count_rules(every)

    def _on_visibility_changed(self, _layer: str, _visible: bool) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Repaint after a toggle, a dismissal or an ignore: never re-analyses."""
        self._paint()

    def _paint(self, added: list[tuple[int, int]] | None = None) -> None:
        """Show the analysis; after a partial one, repaint only the `added` ranges of text."""
        seen = self._seen()
        if seen is None:
            return
        shown = FindingIndex(seen.all_findings())
        self.reader.set_findings(shown, added)
        if self.current is not None and self.current not in shown.findings:
            self.current = None
            self.reader.show_finding(None)
        self.side_panel.show_analysis(self.document, self.analysis, seen)
        self.side_panel.rule_list.show_counts(self._rule_counts(seen))
        self.side_panel.show_finding(self.current, self.document)

    # navigation
    def select_finding(self, finding: Finding | None) -> None:
        self.current = finding
        self.reader.show_finding(finding)
        self.side_panel.show_finding(finding, self.document)

    def _at_current(self) -> bool:
        """The caret is still where showing the current finding put it (not moved since)."""
        return self.current is not None and self.reader.cursor_offset() == self.current.start

    def next_finding(self) -> Finding | None:
        # from the selected finding, else from the caret (a finding right at it counts): after
        # Ctrl+Home or a click elsewhere, F3 goes on from there
        current = self.current
        anchor = (
            current.start if current and self._at_current() else self.reader.cursor_offset() - 1
        )
        found = self.reader.index.next_after(anchor, self.side_panel.scope_layer())
        if found is not None:
            self.select_finding(found)
        return found

    def previous_finding(self) -> Finding | None:
        current = self.current if self._at_current() else None
        anchor = current.start if current else self.reader.cursor_offset()
        found = self.reader.index.previous_before(anchor, self.side_panel.scope_layer())
        if found is not None:
            self.select_finding(found)
        return found

    # dismiss and ignore
    def dismiss(self, finding: Finding) -> None:
        command = DismissCommand(
            self._filters, self.document.source, Dismissal.of(finding, self.document)
        )
        self._undo.push(command)
        self.filtered.emit(command.text())

    def ignore(self, finding: Finding) -> None:
        word = self.document.text[finding.start : finding.end]
        command = IgnoreWordCommand(self._filters, word)
        self._undo.push(command)
        self.filtered.emit(command.text())
