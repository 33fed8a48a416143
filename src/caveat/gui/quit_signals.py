"""SIGTERM (a desktop logging out) and SIGINT (Ctrl+C in a terminal) close the window as Ctrl+Q.

Python runs a signal handler only between bytecodes, and Qt's event loop runs in C++ for as long
as nothing happens: the handler would wait for the next mouse move, and SIGINT seemed ignored.
`signal.set_wakeup_fd` has the C-level handler write the signal's number to a socket at once;
a QSocketNotifier on the other end wakes the event loop, which then closes the window.
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier
from PySide6.QtWidgets import QWidget

QUIT_SIGNALS = (signal.SIGTERM, signal.SIGINT)


class QuitOnSignals(QObject):
    """Close `window` (saving what it remembers and ending its processes) on these signals.

    Install from the main thread; the exit code becomes 128 + the signal's number, as a shell
    reports a process a signal ended.
    """

    def __init__(self, window: QWidget, signals: Iterable[int] = QUIT_SIGNALS) -> None:
        super().__init__(window)
        self._window = window
        self._signals = tuple(signals)
        self._receive, self._send = socket.socketpair()
        self._receive.setblocking(False)
        self._send.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._send.fileno(), warn_on_full_buffer=False)
        self._previous = {sig: signal.signal(sig, self._noted) for sig in self._signals}
        self._notifier = QSocketNotifier(self._receive.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_wakeup)

    @staticmethod
    def _noted(_signum: int, _frame: object) -> None:
        """A Python handler, so that Python writes to the wakeup socket; the work is done in
        `_on_wakeup`, on the event loop."""

    def _on_wakeup(self) -> None:
        try:
            received = self._receive.recv(64)
        except (BlockingIOError, InterruptedError):
            return
        quitting = [n for n in received if n in self._signals]
        if not quitting:
            return
        self._window.close()  # as File > Quit: settings saved, analyses cancelled
        QCoreApplication.exit(128 + quitting[0])

    def uninstall(self) -> None:
        """Give the signals back their earlier handlers (tests install and remove it)."""
        self._notifier.setEnabled(False)
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._receive.close()
        self._send.close()
