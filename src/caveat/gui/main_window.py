"""The main window: tabs of articles (or the welcome page), menus, and what is remembered."""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from caveat import __version__
from caveat.document import Document
from caveat.findings import PipelineInfo
from caveat.gui.document_tab import DocumentTab
from caveat.gui.layer_visibility import LayerVisibility
from caveat.gui.message_bar import MessageBar
from caveat.gui.settings import Settings
from caveat.gui.undo import ReaderFilters
from caveat.gui.welcome import WelcomePage
from caveat.gui.worker import AnalysisRunner
from caveat.layers import all_layers
from caveat.loaders import LoadError, load_document, supported_extensions
from caveat.reader_words import load_added_words
from caveat.resources import sample_article


class MainWindow(QMainWindow):
    """Opens documents into tabs; every tab shares the runner, layer visibility and filters."""

    document_opened = Signal(object)  # DocumentTab

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
        self.undo_stack = QUndoStack(self)
        self.setAcceptDrops(True)
        self.setWindowTitle("Caveat")

        self.message_bar = MessageBar()
        self.welcome = WelcomePage()
        self.welcome.open_requested.connect(self.open_dialog)
        self.welcome.sample_requested.connect(self.open_sample)
        self.welcome.recent_requested.connect(lambda path: self.open_paths([Path(path)]))
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
        layout.addWidget(self.message_bar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.pipeline_label = QLabel("Loading the language model…")
        self.statusBar().addPermanentWidget(self.pipeline_label)
        self.runner.signals.pipeline_ready.connect(self._on_pipeline_ready)
        self.runner.signals.failed.connect(self._on_runner_failed)
        self._build_menus()
        self._refresh_welcome()
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 820)

    # menus
    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | list[QKeySequence] | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, list):
                action.setShortcuts(shortcut)
            else:
                action.setShortcut(shortcut)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        keys = QKeySequence.StandardKey
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self._action(file_menu, "&Open…", self.open_dialog, QKeySequence(keys.Open))
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._action(file_menu, "Open the &Sample Article", self.open_sample)
        file_menu.addSeparator()
        self.export_action = self._action(
            file_menu, "&Export Annotated PDF…", self.export_pdf, QKeySequence("Ctrl+E")
        )
        file_menu.addSeparator()
        self.close_action = self._action(
            file_menu, "&Close Tab", self.close_current_tab, QKeySequence(keys.Close)
        )
        self._action(file_menu, "&Quit", self.close, QKeySequence(keys.Quit))

        edit = bar.addMenu("&Edit")
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence(keys.Undo))
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcut(QKeySequence(keys.Redo))
        edit.addActions([undo, redo])
        edit.addSeparator()
        self._action(edit, "&Copy", lambda: self._reader_call("copy"), QKeySequence(keys.Copy))
        self._action(
            edit,
            "Select &All",
            lambda: self._reader_call("selectAll"),
            QKeySequence(keys.SelectAll),
        )
        edit.addSeparator()
        self._action(edit, "&Find…", self.open_find, QKeySequence(keys.Find))

        view = bar.addMenu("&View")
        self.layer_actions: dict[str, QAction] = {}
        for n, layer in enumerate(all_layers(), start=1):
            layer_id = layer.id
            action = QAction(layer.title, self)
            action.setShortcut(QKeySequence(f"Alt+{n}"))
            action.setCheckable(True)
            action.setChecked(self.visibility.is_visible(layer_id))
            # the checked state is the visibility: one setter, whichever widget toggled it
            action.toggled.connect(partial(self.visibility.set_visible, layer_id))
            view.addAction(action)
            self.layer_actions[layer_id] = action
        self.visibility.changed.connect(self._sync_layer_action)
        view.addSeparator()
        self._action(view, "&Next Finding", self.next_finding, QKeySequence("F3"))
        self._action(view, "&Previous Finding", self.previous_finding, QKeySequence("Shift+F3"))
        view.addSeparator()
        self._action(
            view,
            "Zoom &In",
            lambda: self.zoom_by(1),
            [QKeySequence(keys.ZoomIn), QKeySequence("Ctrl+=")],
        )
        self._action(view, "Zoom &Out", lambda: self.zoom_by(-1), QKeySequence(keys.ZoomOut))
        self._action(view, "&Actual Size", lambda: self.set_zoom(0), QKeySequence("Ctrl+0"))

        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "&About Caveat", self.show_about)

    def _sync_layer_action(self, layer: str, visible: bool) -> None:
        self.layer_actions[layer].setChecked(visible)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files()
        for path in recent:
            action = self.recent_menu.addAction(path.name)
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_paths([p]))
        if recent:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("Clear the List", self._clear_recent)
        else:
            self.recent_menu.addAction("No recent files").setEnabled(False)

    def _clear_recent(self) -> None:
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

    def _reader_call(self, name: str) -> None:
        tab = self.current_tab()
        if tab is not None:
            getattr(tab.reader, name)()

    def _on_current_changed(self, _index: int) -> None:
        tab = self.current_tab()
        self.stack.setCurrentWidget(self.tabs if tab else self.welcome)
        self.setWindowTitle(f"{tab.document.name} — Caveat" if tab else "Caveat")
        self.export_action.setEnabled(tab is not None)
        self.close_action.setEnabled(tab is not None)

    def _refresh_welcome(self) -> None:
        self.welcome.set_recent(self.settings.recent_files())
        self._on_current_changed(self.tabs.currentIndex())

    # opening
    def open_dialog(self) -> None:
        patterns = " ".join(f"*{ext}" for ext in supported_extensions())
        paths, _filter = QFileDialog.getOpenFileNames(
            self,
            "Open an article",
            self.settings.last_directory(),
            f"Articles ({patterns});;All files (*)",
        )
        if paths:
            self.settings.set_last_directory(Path(paths[0]).parent)
            self.open_paths([Path(p) for p in paths])

    def open_sample(self) -> None:
        self.open_paths([sample_article()])

    def open_paths(self, paths: list[Path]) -> list[DocumentTab]:
        """Open each file in a tab (reloading one already open); report failures in the bar."""
        opened, errors = [], []
        for path in paths:
            try:
                document = load_document(path)
            except LoadError as exc:
                errors.append(f"<b>{exc.path.name}</b> could not be opened: {exc.reason}.")
                continue
            except Exception as exc:  # noqa: BLE001 - a loader bug must not take the window down
                errors.append(f"<b>{Path(path).name}</b> could not be opened: {exc}")
                continue
            opened.append(self._show_document(document))
            if document.source is not None:
                self.settings.add_recent_file(document.source)
        if errors:
            self.message_bar.show_error("<br>".join(errors))
        self._refresh_welcome()
        return opened

    def _show_document(self, document: Document) -> DocumentTab:
        same = [
            t
            for t in self.document_tabs()
            if document.source
            and t.document.source
            and t.document.source.resolve() == document.source.resolve()
        ]
        for old in same:  # reopening a file replaces its tab; the old run is cancelled
            self._remove_tab(old)
        tab = DocumentTab(document, self.runner, self.visibility, self.filters, self.undo_stack)
        tab.reader.set_zoom(self.settings.zoom())
        tab.reader.zoom_changed.connect(self.set_zoom)
        sizes = self.settings.splitter_sizes()
        tab.splitter.setSizes(sizes if len(sizes) == 2 and all(sizes) else [880, 340])
        tab.splitter.splitterMoved.connect(lambda *_: self._save_splitter(tab))
        tab.analysis_failed.connect(self.message_bar.show_error)
        if document.notices:  # what the loader had to guess (an encoding, a missing article)
            notices = " ".join(html.escape(n) for n in document.notices)
            self.message_bar.show_notice(f"<b>{html.escape(document.name)}</b>: {notices}")
        tab.filtered.connect(self._offer_undo)
        index = self.tabs.addTab(tab, document.name)
        self.tabs.setTabToolTip(index, str(document.source or document.name))
        self.tabs.setCurrentIndex(index)
        # The article in front is analysed first: runs of other tabs go back in the queue.
        waiting = [t for t in self.document_tabs() if t is not tab and t.is_analysing()]
        tab.start_analysis()
        for other in waiting:
            other.start_analysis()
        self.document_opened.emit(tab)
        return tab

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

    def _offer_undo(self, what: str) -> None:
        self.message_bar.show_toast(f"Hidden: {what}.", "Undo", self.undo_stack.undo)

    def export_pdf(self) -> None:
        tab = self.current_tab()
        if tab is None:
            return
        seen = tab.analysis_as_seen()
        if seen is None:
            self.message_bar.show_toast("The analysis is still running; export when it is done.")
            return
        from caveat.gui.export_dialog import export_with_dialog

        written = export_with_dialog(self, tab.document, seen, tab.visible_layers())
        if written:
            self.message_bar.show_toast(f"Exported {written.name}.")

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
        _added, problem = load_added_words()
        if problem:
            self.message_bar.show_error(f"Your word list is not used: {problem}")

    def _on_runner_failed(self, request_id: int, reason: str) -> None:
        if request_id == 0:
            self.pipeline_label.setText("No language pipeline")
            self.message_bar.show_error(reason)

    # drag and drop
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_paths(paths)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.settings.set_geometry(self.saveGeometry())
        if tab := self.current_tab():
            self._save_splitter(tab)
        for tab in self.document_tabs():
            tab.cancel()
        self.runner.shutdown()
        self.settings.sync()
        super().closeEvent(event)
