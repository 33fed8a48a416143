"""The main window: tabs of articles (or the welcome page), menus, and what is remembered."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
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
from caveat.gui.appearance import apply_theme
from caveat.gui.document_tab import DocumentTab
from caveat.gui.layer_visibility import LayerVisibility
from caveat.gui.menus import build_menus
from caveat.gui.message_bar import MessageBar
from caveat.gui.open_sources import (
    AddressOpener,
    ask_for_address,
    document_from_clipboard,
    site_of,
)
from caveat.gui.reader_filters import ReaderFilters
from caveat.gui.settings import Settings
from caveat.gui.tab_history import TabHistory
from caveat.gui.welcome import WelcomePage
from caveat.gui.worker import AnalysisRunner
from caveat.loaders import LoadError, is_web_address, load_document, supported_extensions
from caveat.reader_words import load_added_words
from caveat.resources import sample_article


def same_origin(one: Document, other: Document) -> bool:
    """The same file or the same address (reopening it replaces its tab)."""
    if one.url or other.url:
        return one.url == other.url
    return bool(one.source and other.source and one.source.resolve() == other.source.resolve())


class MainWindow(QMainWindow):
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
        self.setWindowTitle("Caveat")

        if self.settings.theme() != "system":
            apply_theme(self.settings.theme())
        self.message_bar = MessageBar()
        self.history = TabHistory(self, self.message_bar)
        self.undo_action, self.redo_action = self.history.undo_action, self.history.redo_action
        #: how an export's "Open" and "Show in Folder" open things (tests put a recorder here)
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self.address_opener = AddressOpener(self)
        self.address_opener.opened.connect(self._on_address_opened)
        self.address_opener.failed.connect(self._on_address_failed)
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

    def paste_article(self) -> DocumentTab | None:
        """File > New from Clipboard (Ctrl+V): the clipboard's text or web page in a new tab."""
        try:
            document = document_from_clipboard()
        except LoadError as exc:
            self.message_bar.show_error(f"Nothing to open: {html.escape(exc.reason)}.")
            return None
        return self._show_document(document)

    def open_address(self, address: str = "") -> None:
        """File > Open Address (Ctrl+L): fetch a page off the GUI thread, then open it."""
        address = address or ask_for_address(self)
        if not address:
            return
        self.address_opener.open(address)
        self.message_bar.show_info(
            f"Opening {html.escape(site_of(address))}…", [("Cancel", self.address_opener.cancel)]
        )

    def _on_address_opened(self, document: Document) -> None:
        if self.message_bar.kind == "info" and not self.address_opener.busy():
            self.message_bar.hide()  # "Opening …" is done
        self._show_document(document)

    def _on_address_failed(self, address: str, reason: str) -> None:
        self.message_bar.show_error(
            f"<b>{html.escape(address)}</b> could not be opened: {html.escape(reason)}."
        )

    def open_sample(self) -> None:
        self.open_paths([sample_article()])

    def open_paths(self, paths: list[Path]) -> list[DocumentTab]:
        """Open each file in a tab (reloading one already open); report failures in the bar."""
        opened, errors = [], []
        for path in paths:
            try:
                document = load_document(path)
            except LoadError as exc:
                errors.append(f"<b>{exc.name}</b> could not be opened: {exc.reason}.")
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
        same = [t for t in self.document_tabs() if same_origin(t.document, document)]
        for old in same:  # reopening a file replaces its tab; the old run is cancelled
            self._remove_tab(old)
        undo_stack = self.history.new_stack()
        tab = DocumentTab(document, self.runner, self.visibility, self.filters, undo_stack)
        undo_stack.setParent(tab)  # closing the tab ends its history
        tab.reader.set_zoom(self.settings.zoom())
        tab.reader.zoom_changed.connect(self.set_zoom)
        sizes = self.settings.splitter_sizes()
        tab.splitter.setSizes(sizes if len(sizes) == 2 and all(sizes) else [880, 340])
        tab.splitter.splitterMoved.connect(lambda *_: self._save_splitter(tab))
        tab.analysis_failed.connect(self.message_bar.show_error)
        if document.notices:  # what the loader had to guess (an encoding, a missing article)
            notices = " ".join(html.escape(n) for n in document.notices)
            self.message_bar.show_info(f"<b>{html.escape(document.name)}</b>: {notices}")
        tab.filtered.connect(lambda what: self.history.offer_undo(undo_stack, what))
        index = self.tabs.addTab(tab, document.name)
        self.tabs.setTabToolTip(index, document.origin or document.name)
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
        from caveat.gui.export_dialog import after_export_actions, export_folder, export_with_dialog

        start = export_folder(self.settings.last_export_folder(), self.settings.export_folder())
        written = export_with_dialog(self, tab.document, seen, tab.visible_layers(), start)
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

    def open_arguments(self, arguments: list[str]) -> list[DocumentTab]:
        """`caveat FILE_OR_URL...`: files open at once, web addresses as they arrive."""
        for address in (a for a in arguments if is_web_address(a)):
            self.open_address(address)
        return self.open_paths([Path(a) for a in arguments if not is_web_address(a)])

    def restore_session(self) -> list[DocumentTab]:
        """At start, if Preferences say so: the files open when the window last closed."""
        if not self.settings.reopen_session():
            return []
        files = [p for p in self.settings.session_files() if p.is_file()]
        return self.open_paths(files) if files else []

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
