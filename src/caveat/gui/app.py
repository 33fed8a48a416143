"""Start the desktop window: `caveat [FILE_OR_URL ...]`."""

from __future__ import annotations

import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from caveat.analysis.parallel import stop_shared_helper
from caveat.gui.main_window import MainWindow
from caveat.gui.quit_signals import QuitOnSignals
from caveat.resources import resource_path

#: The freedesktop id: desktops match the window to its menu entry and icon by it.
APP_ID = "io.github.caveat.Caveat"


def run_gui(argv: list[str]) -> int:
    """Open the window with the files and web addresses in `argv` (none: the welcome page, or
    last session's files); returns the exit code."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName("Caveat")
    app.setApplicationName("Caveat")
    app.setApplicationDisplayName("Caveat")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(resource_path("icons", "caveat.svg"))))
    window = MainWindow()
    QuitOnSignals(window)  # SIGTERM and Ctrl+C close it as File > Quit does
    # before the window shows: short files open now, longer ones and addresses load on threads
    # of their own while it comes up (an empty tab area for them, not the welcome page)
    if argv:
        window.open_arguments(argv)
    else:
        window.restore_session()
    window.show()
    # the window is up before spaCy loads: the model comes in the background
    window.runner.preload()
    code = app.exec()
    stop_shared_helper()  # now, rather than when Python's exit gets to it
    return code
