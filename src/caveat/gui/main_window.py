"""The main window: tabs of articles (or the welcome page), menus, and what is remembered.

How articles are opened into its tabs is in window_opening.py."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from caveat import __version__
from caveat.findings import PipelineInfo
from caveat.gui.appearance import apply_theme
from caveat.gui.document_tab import DocumentTab
from caveat.gui.layer_visibility import LayerVisibility
from caveat.gui.menus import build_menus
from caveat.gui.message_bar import MessageBar
from caveat.gui.open_sources import SourceOpener
from caveat.gui.reader import warm_widget_types
from caveat.gui.reader_filters import ReaderFilters
from caveat.gui.settings import Settings
from caveat.gui.tab_history import TabHistory
from caveat.gui.welcome import WelcomePage
from caveat.gui.window_opening import OpeningWindow
from caveat.gui.worker import AnalysisRunner


class MainWindow(OpeningWindow):
    """Opens documents into tabs; every tab shares the runner, layer visibility and filters."""

    document_opened = Signal(object)  # DocumentTab
    # set by build_menus (menus.py)
    recent_menu: QMenu
    export_action: QAction
    close_action: QAction
    layer_actions: dict[str, QAction]

    def __init__(
        self,
        settings: Settings | None = None,
        filters: ReaderFilters | None = None,
        model: str | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.filters = filters or ReaderFilters(parent=self)
        self.visibility = LayerVisibility(self.settings, self)
        self.runner = AnalysisRunner(model, self)
        self.setAcceptDrops(True)
        self._shown_once = False
        self.setWindowTitle("Caveat")

        if self.settings.theme() != "system":
            apply_theme(self.settings.theme())
        self.message_bar = MessageBar()
        self.history = TabHistory(self, self.message_bar)
        self.undo_action, self.redo_action = self.history.undo_action, self.history.redo_action
        #: how an export's "Open" and "Show in Folder" open things (tests put a recorder here)
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self.source_opener = SourceOpener(self)
        self.source_opener.opened.connect(self._on_source_opened)
        self.source_opener.failed.connect(self._on_source_failed)
        self.welcome = WelcomePage()
        self.welcome.open_requested.connect(self.open_dialog)
        self.welcome.sample_requested.connect(self.open_sample)
        self.welcome.recent_requested.connect(lambda path: self.open_files([Path(path)]))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(self._on_current_changed)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.tabs)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stack, 1)
        # under the tabs, not above them: a message appearing must not push the text down
        layout.addWidget(self.message_bar)
        self.setCentralWidget(central)

        self.pipeline_label = QLabel("Loading the language model…")
        self.statusBar().addPermanentWidget(self.pipeline_label)
        self.runner.signals.pipeline_ready.connect(self._on_pipeline_ready)
        self.runner.signals.failed.connect(self._on_runner_failed)
        build_menus(self)
        self._refresh_welcome()
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 820)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            # two turns on: after the window's first paint, before a file asked for arrives
            QTimer.singleShot(0, lambda: QTimer.singleShot(0, warm_widget_types))

    def clear_recent(self) -> None:
        self.settings.clear_recent_files()
        self._refresh_welcome()

    # tabs
    def current_tab(self) -> DocumentTab | None:
        tab = self.tabs.currentWidget()
        return tab if isinstance(tab, DocumentTab) else None

    def document_tabs(self) -> list[DocumentTab]:
        return [
            t for i in range(self.tabs.count()) if isinstance(t := self.tabs.widget(i), DocumentTab)
        ]

    def reader_call(self, name: str) -> None:
        tab = self.current_tab()
        if tab is not None:
            getattr(tab.reader, name)()

    def step_tab(self, step: int) -> None:
        """Ctrl+PgDown / Ctrl+PgUp: the next or previous tab, round the end."""
        if count := self.tabs.count():
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % count)

    def _on_current_changed(self, _index: int) -> None:
        tab = self.current_tab()
        self.history.set_current(tab.undo_stack if tab else None)
        # files asked for at start are still loading: the empty tab area, not a welcome flashed
        self.stack.setCurrentWidget(self.tabs if tab or self._awaiting_start else self.welcome)
        self.setWindowTitle(f"{tab.document.name} — Caveat" if tab else "Caveat")
        self.export_action.setEnabled(tab is not None)
        self.close_action.setEnabled(tab is not None)

    def _refresh_welcome(self) -> None:
        self.welcome.set_recent(self.settings.recent_files())
        self._on_current_changed(self.tabs.currentIndex())

    def _remove_tab(self, tab: DocumentTab) -> None:
        tab.cancel()
        self.tabs.removeTab(self.tabs.indexOf(tab))
        tab.deleteLater()

    def close_tab(self, index: int) -> None:
        tab = self.tabs.widget(index)
        if isinstance(tab, DocumentTab):
            self._remove_tab(tab)

    def close_current_tab(self) -> None:
        if self.tabs.count():
            self.close_tab(self.tabs.currentIndex())

    # commands on the current tab
    def next_finding(self) -> None:
        if tab := self.current_tab():
            tab.next_finding()

    def previous_finding(self) -> None:
        if tab := self.current_tab():
            tab.previous_finding()

    def open_find(self) -> None:
        if tab := self.current_tab():
            tab.find_bar.open_bar()

    def zoom_by(self, steps: int) -> None:
        self.set_zoom(self.settings.zoom() + steps)

    def set_zoom(self, steps: int) -> None:
        self.settings.set_zoom(steps)
        for tab in self.document_tabs():
            tab.reader.set_zoom(self.settings.zoom())

    def _save_splitter(self, tab: DocumentTab) -> None:
        self.settings.set_splitter_sizes(tab.splitter.sizes())

    def show_preferences(self) -> None:
        from caveat.gui.preferences import PreferencesDialog

        PreferencesDialog(self.settings, self.filters, self).exec()

    def export_pdf(self) -> None:
        tab = self.current_tab()
        if tab is None:
            return
        seen = tab.analysis_as_seen()
        if tab.language_notice.held:
            self.message_bar.show_toast(
                "This article is not analysed (not in English); choose Analyse anyway first."
            )
            return
        if seen is None:
            self.message_bar.show_toast("The analysis is still running; export when it is done.")
            return
        from caveat.export.summary import reader_choices
        from caveat.gui.export_dialog import after_export_actions, export_folder, export_with_dialog

        start = export_folder(self.settings.last_export_folder(), self.settings.export_folder())
        choices = reader_choices(self.visibility.sensitivity(), self.visibility.rules.hidden())
        written = export_with_dialog(self, tab.document, seen, tab.visible_layers(), start, choices)
        if written:
            self.settings.set_last_export_folder(written.parent)
            self.message_bar.show_info(
                f"Exported {html.escape(written.name)}.",
                after_export_actions(written, self.open_url),
            )

    def show_about(self) -> None:
        info = self.runner.pipeline_info
        QMessageBox.about(
            self,
            "About Caveat",
            f"<h3>Caveat {__version__}</h3><p>A reader that highlights hedges, unsourced numbers "
            f"and speculation.</p><p>Language pipeline: "
            f"{info.display_name() if isinstance(info, PipelineInfo) else 'loading…'}</p>",
        )

    # pipeline status
    def _on_pipeline_ready(self, info: PipelineInfo) -> None:
        if info.is_fallback:
            self.pipeline_label.setText("⚠ Rule-based fallback: reduced accuracy")
            self.pipeline_label.setToolTip(info.notice)
        else:
            self.pipeline_label.setText(info.display_name())
            self.pipeline_label.setToolTip(f"Language model: {info.label()}")
        # The reader's own word list is read where the analysis runs; say here if it is broken.
        if problem := self.runner.word_list_problem:
            self.message_bar.show_error(f"Your word list is not used: {problem}")

    def _on_runner_failed(self, request_id: int, reason: str) -> None:
        if request_id == 0:
            self.pipeline_label.setText("No language pipeline")
            self.message_bar.show_error(reason)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.settings.set_session_files(
            [t.document.source for t in self.document_tabs() if t.document.source is not None]
        )
        self.settings.set_geometry(self.saveGeometry())
        if tab := self.current_tab():
            self._save_splitter(tab)
        for tab in self.document_tabs():
            tab.cancel()
        self.runner.shutdown()
        self.settings.sync()
        super().closeEvent(event)
