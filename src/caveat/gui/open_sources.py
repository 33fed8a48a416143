"""Articles that come from no file: File > New from Clipboard (Ctrl+V) and File > Open Address
(Ctrl+L). The loaders build the Document; this module only asks and waits.

A page is fetched on a thread of its own, so the window keeps painting; it is a daemon thread,
so closing the window never waits for a slow site (the fetch gives up after its timeout anyway).
The thread never touches Qt: it leaves its result in a queue that a timer on the GUI thread
collects. (Emitting a signal from it crashed the process when a fetch ended after the window,
and the QObject, were gone.)
"""

from __future__ import annotations

import queue
import threading
from urllib.parse import urlsplit

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from caveat.document import Document
from caveat.loaders import DEFAULT_MAX_BYTES, LoadError, is_web_address, load_source
from caveat.loaders.pasted import load_pasted


def as_address(typed: str) -> str:
    """What the reader typed, as an address: "news.example/story" gets https:// in front."""
    typed = typed.strip()
    if typed and not is_web_address(typed) and "." in typed.split("/")[0] and " " not in typed:
        return f"https://{typed}"
    return typed


def document_from_clipboard() -> Document:
    """The clipboard's article (its HTML when it has some: links count as sources)."""
    data = QGuiApplication.clipboard().mimeData()
    if data is None:
        raise LoadError("clipboard", "there is no text on the clipboard")
    html = data.html() if data.hasHtml() else ""
    text = data.text() if data.hasText() else ""
    return load_pasted(text, html)


class AddressOpener(QObject):
    """Fetches addresses off the GUI thread and hands back each Document or reason."""

    opened = Signal(object)  # Document
    failed = Signal(str, str)  # address, reason
    POLL_MS = 50

    def __init__(self, parent: QObject | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        super().__init__(parent)
        self.max_bytes = max_bytes
        self._request = 0
        self._pending: dict[int, str] = {}  # request id -> address, until it arrives
        self._results: queue.SimpleQueue[tuple[int, object]] = queue.SimpleQueue()
        self._poll = QTimer(self)
        self._poll.setInterval(self.POLL_MS)
        self._poll.timeout.connect(self._collect)

    def busy(self) -> bool:
        return bool(self._pending)

    def open(self, address: str) -> int:
        """Start fetching `address` (others still coming keep coming)."""
        self._request += 1
        request = self._request
        self._pending[request] = address
        threading.Thread(
            target=_fetch,
            args=(self._results, request, address, self.max_bytes),
            name="caveat-fetch",
            daemon=True,
        ).start()
        self._poll.start()
        return request

    def cancel(self) -> None:
        """Forget every fetch still going: their pages are dropped when they come."""
        self._pending.clear()
        self._poll.stop()

    def _collect(self) -> None:
        while True:
            try:
                request, result = self._results.get_nowait()
            except queue.Empty:
                return
            if self._pending.pop(request, None) is not None:  # else cancelled
                self._deliver(result)
            if not self._pending:
                self._poll.stop()

    def _deliver(self, result: object) -> None:
        if isinstance(result, Document):
            self.opened.emit(result)
        elif isinstance(result, LoadError):
            self.failed.emit(result.where, result.reason)


def _fetch(results: queue.SimpleQueue, request: int, address: str, max_bytes: int) -> None:
    """On the fetching thread: load the page and leave the Document or LoadError in `results`."""
    try:
        result: object = load_source(address, max_bytes)
    except LoadError as exc:
        result = exc
    except Exception as exc:  # noqa: BLE001 - a loader bug must reach the reader as a message
        result = LoadError(address, f"could not be opened ({type(exc).__name__}: {exc})")
    results.put((request, result))


def ask_for_address(parent: QWidget | None) -> str:
    """The address the reader types (the clipboard's, if it holds one, filled in); "" if none."""
    clipboard = QGuiApplication.clipboard().text().strip()
    suggested = clipboard if is_web_address(clipboard) and "\n" not in clipboard else ""
    typed, accepted = QInputDialog.getText(
        parent,
        "Open Address",
        "Web address of the article (Caveat fetches this one page and runs no scripts):",
        QLineEdit.EchoMode.Normal,
        suggested,
    )
    return as_address(typed) if accepted else ""


def site_of(address: str) -> str:
    return urlsplit(address).hostname or address
