"""Opening articles into the window's tabs: from files (the Open dialog, the command line,
drag and drop, the last session), web addresses and the clipboard. Reopening an article
replaces its tab; the article in front is analysed first."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMainWindow

from caveat.document import Document
from caveat.gui.document_tab import DocumentTab
from caveat.gui.open_sources import ask_for_address, document_from_clipboard, site_of
from caveat.loaders import LoadError, is_web_address, load_document, supported_extensions
from caveat.resources import sample_article

#: The most text the window opens. The window holds its text, layout and highlights (about 60 MB
#: per MB of text, measured) beside the analysis process (about 450 MB at most, however long the
#: text): 8 MB keeps both together under 1 GB. The command line streams and takes up to 50 MB.
WINDOW_TEXT_LIMIT = 8_000_000


def too_long_for_window(document: Document) -> str | None:
    """Why the window will not show `document` (its text is too long), or None."""
    size = len(document.text)
    if size <= WINDOW_TEXT_LIMIT:
        return None
    return (
        f"its text is {size / 1_000_000:.1f} million characters, more than the window shows "
        f"({WINDOW_TEXT_LIMIT // 1_000_000} million) within 1 GB of memory; "
        "<i>caveat analyze</i> and <i>caveat export</i> on the command line take it"
    )


if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QTabWidget

    from caveat.gui.layer_visibility import LayerVisibility
    from caveat.gui.message_bar import MessageBar
    from caveat.gui.open_sources import AddressOpener
    from caveat.gui.reader_filters import ReaderFilters
    from caveat.gui.settings import Settings
    from caveat.gui.tab_history import TabHistory
    from caveat.gui.worker import AnalysisRunner


def same_origin(one: Document, other: Document) -> bool:
    """The same file or the same address (reopening it replaces its tab)."""
    if one.url or other.url:
        return one.url == other.url
    return bool(one.source and other.source and one.source.resolve() == other.source.resolve())


class OpeningWindow(QMainWindow):
    """A main window's ways to open an article; MainWindow builds the parts named here."""

    settings: Settings
    filters: ReaderFilters
    visibility: LayerVisibility
    runner: AnalysisRunner
    message_bar: MessageBar
    history: TabHistory
    address_opener: AddressOpener
    tabs: QTabWidget
    document_opened: SignalInstance

    if TYPE_CHECKING:  # MainWindow's

        def document_tabs(self) -> list[DocumentTab]: ...
        def set_zoom(self, steps: int) -> None: ...
        def _refresh_welcome(self) -> None: ...
        def _remove_tab(self, tab: DocumentTab) -> None: ...
        def _save_splitter(self, tab: DocumentTab) -> None: ...

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
        if reason := too_long_for_window(document):
            self.message_bar.show_error(f"The clipboard's text was not opened: {reason}.")
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
        if reason := too_long_for_window(document):
            self.message_bar.show_error(
                f"<b>{html.escape(document.name)}</b> was not opened: {reason}."
            )
            return
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
            if reason := too_long_for_window(document):
                errors.append(f"<b>{html.escape(document.name)}</b> was not opened: {reason}.")
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
