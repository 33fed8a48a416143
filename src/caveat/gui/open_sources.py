"""Where articles come from: files, web addresses and the clipboard (File > New from Clipboard,
Ctrl+V), all loaded off the GUI thread. The loaders build the Document; this module only asks
and waits.

A file, page or paste is loaded on a thread of its own, so the window keeps painting; it is a daemon
thread, so closing the window never waits for a slow site (the fetch gives up after its timeout
anyway). The thread never touches Qt: it leaves its result in a queue that a timer on the GUI
thread collects. (Emitting a signal from it crashed the process when a fetch ended after the window,
and the QObject, were gone.)
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from caveat.document import Document
from caveat.loaders import DEFAULT_MAX_BYTES, LoadError, is_web_address, load_source
from caveat.loaders.pasted import CLIPBOARD, load_pasted
from caveat.reference import reference
from caveat.rules import all_rules
from caveat.sensitivity import calibration, rule_levels


def as_address(typed: str) -> str:
    """What the reader typed, as an address: "news.example/story" gets https:// in front."""
    typed = typed.strip()
    if typed and not is_web_address(typed) and "." in typed.split("/")[0] and " " not in typed:
        return f"https://{typed}"
    return typed


@dataclass(frozen=True)
class Pasted:
    """What the clipboard held: its text, and its HTML when a browser put some there (links count
    as sources). Read on the GUI thread, as Qt requires, which is cheap; parsed into a Document on
    the loading thread, which is not (100,000 words of HTML held the GUI thread 0.3 s)."""

    text: str
    html: str = ""

    def __str__(self) -> str:  # what the message bar and LoadError name (not 600 KB of text)
        return CLIPBOARD


#: a file, a web address or a paste
Source = Path | str | Pasted


def clipboard_contents() -> Pasted:
    """The clipboard's text and HTML, as they are now (empty if it holds neither)."""
    data = QGuiApplication.clipboard().mimeData()
    if data is None:
        return Pasted("")
    return Pasted(data.text() if data.hasText() else "", data.html() if data.hasHtml() else "")


def source_name(where: str) -> str:
    """A source as a message names it: a site, a file's name, or the clipboard."""
    if where == CLIPBOARD:
        return "the pasted text"
    return site_of(where) if "://" in where else Path(where).name


class SourceOpener(QObject):
    """Loads files, fetches addresses and parses pastes off the GUI thread and hands back each
    Document or reason. Reading, decoding, boilerplate and language detection all happen on the
    loading thread: at 100,000 words they took ~50 ms, a frozen window if done on the GUI thread.

    Sources asked for together (File > Open of three files, `caveat A B C`) arrive in the order
    asked for, whichever finishes first; separate requests do not wait for each other (a slow
    site does not hold back a file opened after it)."""

    opened = Signal(object)  # Document
    failed = Signal(str, str)  # file, address or CLIPBOARD; reason
    #: how often the GUI thread looks for results while a load runs: short, since a file takes
    #: tens of milliseconds, and the wait adds to a cold start's time to the first highlights
    POLL_MS = 10

    def __init__(self, parent: QObject | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        super().__init__(parent)
        self.max_bytes = max_bytes
        self._request = 0
        #: request id -> (batch, source), in the order asked for, until delivered
        self._pending: dict[int, tuple[int, str]] = {}
        self._arrived: dict[int, object] = {}  # results held back for an earlier one
        self._results: queue.SimpleQueue[tuple[int, object]] = queue.SimpleQueue()
        self._poll = QTimer(self)
        self._poll.setInterval(self.POLL_MS)
        self._poll.timeout.connect(self._collect)

    def busy(self) -> bool:
        return bool(self._pending)

    def waiting_for(self) -> list[str]:
        """The files, addresses and pastes (CLIPBOARD) still loading, in the order asked for."""
        return [source for _batch, source in self._pending.values()]

    def open(self, source: Source) -> int:
        """Start loading one file, address or paste (others still coming keep coming)."""
        return self.open_all([source])[0]

    def open_all(self, sources: Sequence[Source]) -> list[int]:
        """Start loading `sources`, delivered in this order."""
        batch = self._request + 1
        requests = []
        for source in sources:
            self._request += 1
            self._pending[self._request] = (batch, str(source))
            requests.append(self._request)
            threading.Thread(
                target=_load,
                args=(self._results, self._request, source, self.max_bytes),
                name="caveat-load",
                daemon=True,
            ).start()
        if requests:
            self._poll.start()
        return requests

    def cancel(self) -> None:
        """Forget every load still going: their documents are dropped when they come."""
        self._pending.clear()
        self._arrived.clear()
        self._poll.stop()

    def collect(self) -> None:
        """Deliver what has arrived (the timer does this; tests may call it)."""
        self._collect()

    def _collect(self) -> None:
        while True:
            try:
                request, result = self._results.get_nowait()
            except queue.Empty:
                break
            if request in self._pending:  # else cancelled
                self._arrived[request] = result
        blocked: set[int] = set()  # batches with an earlier source still loading
        for request, (batch, _source) in list(self._pending.items()):
            if request not in self._pending:  # a slot of an earlier one cancelled it
                continue
            if batch in blocked or request not in self._arrived:
                blocked.add(batch)
                continue
            del self._pending[request]
            self._deliver(self._arrived.pop(request))
        if not self._pending:
            self._poll.stop()

    def _deliver(self, result: object) -> None:
        if isinstance(result, Document):
            self.opened.emit(result)
        elif isinstance(result, LoadError):
            self.failed.emit(result.where, result.reason)


def read_rule_tables() -> None:
    """Parse the tables a new tab shows now, on the loading thread: the rules (the rule list,
    the sensitivity levels) and the typical-news reference. They are cached once read; read on
    the GUI thread, they held up the first tab ~30 ms."""
    all_rules()
    rule_levels()
    calibration()
    reference()


def _load(results: queue.SimpleQueue, request: int, source: Source, max_bytes: int) -> None:
    """On the loading thread: load the source and leave the Document or LoadError in
    `results`. Never touches Qt."""
    try:
        if isinstance(source, Pasted):
            result: object = load_pasted(source.text, source.html)
        else:
            result = load_source(source, max_bytes)
        read_rule_tables()
    except LoadError as exc:
        result = exc
    except Exception as exc:  # noqa: BLE001 - a loader bug must reach the reader as a message
        result = LoadError(str(source), f"could not be opened ({type(exc).__name__}: {exc})")
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
