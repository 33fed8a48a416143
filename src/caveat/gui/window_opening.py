"""Opening articles into the window's tabs: from files (the Open dialog, Open Recent, the
welcome page, the command line, drag and drop, the last session), web addresses and the
clipboard. All three load off the GUI thread (open_sources.SourceOpener); the message bar says
what is loading and offers Cancel. Reopening an article replaces its tab; the article
in front is analysed first."""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMainWindow

from caveat.document import Document
from caveat.gui.document_tab import DocumentTab
from caveat.gui.open_sources import ask_for_address, clipboard_contents, source_name
from caveat.loaders import LoadError, is_web_address, load_document, supported_extensions
from caveat.loaders.pasted import CLIPBOARD
from caveat.resources import sample_article

#: The most text the window opens. The window holds its text, layout and highlights (about 60 MB
#: per MB of text, measured) beside the analysis process (about 450 MB at most, however long the
#: text): 8 MB keeps both together under 1 GB. The command line streams and takes up to 50 MB.
WINDOW_TEXT_LIMIT = 8_000_000


#: A file this short, named on the command line, is opened before the window shows (100,000 words,
#: 600 KB: shown at 0.42 s, longest gap 31-36 ms); a longer one loads off the GUI thread once the
#: window is up. Loading on a thread at start competes for the GIL with the window's first turns:
#: at 600 KB that made gaps of 51-78 ms (benchmarks/gui_cold_start.py --words 100000).
OPEN_AT_ONCE_AT_START_BYTES = 1_000_000


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
    from caveat.gui.open_sources import Source, SourceOpener
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
    source_opener: SourceOpener
    tabs: QTabWidget
    document_opened: SignalInstance
    #: the errors and notices (is_error, html) of the files being opened, shown together
    _open_report: tuple[tuple[bool, str], ...] = ()
    _opening = False  # files or addresses are loading, or the last of them is being shown
    _awaiting_start = False  # the window came up for them: an empty tab area, not the welcome
    _open_bar_shown = False  # the message bar shows this round's report

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
            self.open_files([Path(p) for p in paths])

    def paste_article(self) -> None:
        """File > New from Clipboard (Ctrl+V): the clipboard's text or web page in a new tab,
        parsed off the GUI thread like a file (only reading the clipboard is done here)."""
        self.open_files([clipboard_contents()])

    def open_address(self, address: str = "") -> None:
        """File > Open Address (Ctrl+L): fetch a page off the GUI thread, then open it."""
        address = address or ask_for_address(self)
        if address:
            self.open_files([address])

    def open_files(self, sources: Sequence[Source], at_start: bool = False) -> None:
        """Open files, web addresses and pastes in tabs, in this order, each when it has loaded
        off the GUI thread; the message bar says what is loading, with Cancel. `at_start`: the
        window has just come up for them, so no welcome page shows in the meantime."""
        if not sources:
            return
        if not self._opening:
            self._open_report = ()  # a new round of opening: earlier messages are done
        self._opening = True
        self.source_opener.open_all(sources)
        self._awaiting_start = self._awaiting_start or at_start
        self._show_open_report()
        self._refresh_welcome()

    def _on_source_opened(self, document: Document) -> None:
        if reason := too_long_for_window(document):
            name = html.escape(document.name) if document.origin else "The pasted text"
            self._add_report(True, f"<b>{name}</b> was not opened: {reason}.")
        else:
            self._show_document(document)
            if document.source is not None:
                self.settings.add_recent_file(document.source)
        self._opening_done()

    def _on_source_failed(self, where: str, reason: str) -> None:
        if where == CLIPBOARD:
            self._add_report(True, f"Nothing to open: {html.escape(reason)}.")
        else:
            name = where if "://" in where else Path(where).name
            self._add_report(
                True, f"<b>{html.escape(name)}</b> could not be opened: {html.escape(reason)}."
            )
        self._opening_done()

    def _opening_done(self) -> None:
        if not self.source_opener.busy():  # the round of opening is over
            self._opening = self._awaiting_start = False
            self._refresh_welcome()
        self._show_open_report()

    def cancel_opening(self) -> None:
        """The message bar's Cancel: what is still loading is not opened."""
        self.source_opener.cancel()
        self._opening_done()

    def _add_report(self, error: bool, text: str) -> None:
        """Say `text` in the message bar; while files are opening, beside what was said about
        the others (one file's error or notice must not hide another's)."""
        if not self._opening:
            self._open_report = ()  # a message of its own (a pasted article's notice)
        self._open_report = (*self._open_report, (error, text))
        self._show_open_report()

    def _show_open_report(self) -> None:
        """The errors and notices of this round of opening, and what is still loading."""
        lines = [text for _error, text in self._open_report]
        if waiting := self.source_opener.waiting_for():
            first = source_name(waiting[0])
            more = f" and {len(waiting) - 1} more" if len(waiting) > 1 else ""
            lines.append(f"Opening {html.escape(first)}{more}…")
        if not lines:
            if self._open_bar_shown and self.message_bar.kind == "info":
                self.message_bar.hide()  # "Opening …" is done
            self._open_bar_shown = False
            return
        cancel = [("Cancel", self.cancel_opening)] if waiting else []
        if any(error for error, _text in self._open_report):
            self.message_bar.show_error("<br>".join(lines), cancel)
        else:
            self.message_bar.show_info("<br>".join(lines), cancel)
        self._open_bar_shown = True

    def open_sample(self) -> None:
        self.open_files([sample_article()])

    def open_paths(self, paths: list[Path]) -> list[DocumentTab]:
        """Open each file in a tab at once, loading it on the GUI thread (for tests and
        benchmarks that want the tabs back); report failures in the bar."""
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
            self._add_report(False, f"<b>{html.escape(document.name)}</b>: {notices}")
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
            self.open_files(paths)

    def open_arguments(self, arguments: list[str]) -> None:
        """`caveat FILE_OR_URL...`, before the window shows: each opens in a tab, in the order
        given (see _open_at_start)."""
        self._open_at_start(arguments)

    def restore_session(self) -> list[Path]:
        """At start, if Preferences say so: the files open when the window last closed (the
        files being opened)."""
        if not self.settings.reopen_session():
            return []
        files = [p for p in self.settings.session_files() if p.is_file()]
        self._open_at_start(files)
        return files

    def _open_at_start(self, sources: Sequence[Path | str]) -> None:
        """Before the window shows, with no event loop yet to hold up: short files at the head
        of `sources` open at once, so the window's first turns do not build their tabs while
        a loading thread competes for the GIL and the cores (at a cold start that made a turn
        of 70-80 ms); the rest (long files, addresses) load off the GUI thread, in order."""
        at_once = 0
        for source in sources:
            path = Path(source)
            if is_web_address(str(source)) or not path.is_file():
                break
            if path.stat().st_size > OPEN_AT_ONCE_AT_START_BYTES:
                break
            at_once += 1
        if at_once:
            self.open_paths([Path(source) for source in sources[:at_once]])
        self.open_files(sources[at_once:], at_start=True)
