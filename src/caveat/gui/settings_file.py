"""Where the window's settings live: `settings.ini` in Caveat's one config folder.

Qt's default place (`~/.config/Caveat/Caveat.conf` on Linux, after the organisation name) sat
beside `~/.config/caveat/`, where the reader's word lists are: two folders differing only in
case. The settings now live with the word lists; what an older Caveat left in Qt's place is
moved over once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from caveat.reader_words import config_dir

FILE_NAME = "settings.ini"


def _old_settings() -> QSettings:
    """Qt's default settings of the application (as `QSettings()` opened them before)."""
    return QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "Caveat", "Caveat")


def open_settings(folder: Path | None = None, old: QSettings | None = None) -> QSettings:
    """The settings file in `folder` (Caveat's config folder), first filled from `old` (Qt's
    default place) if it does not exist yet; the old file and its emptied folder are removed."""
    path = (folder or config_dir()) / FILE_NAME
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    if path.exists():
        return settings
    old = old if old is not None else _old_settings()
    keys = old.allKeys()
    if not keys:
        return settings
    for key in keys:
        settings.setValue(key, old.value(key))
    settings.sync()
    if settings.status() is QSettings.Status.NoError and path.exists():
        old_file = Path(old.fileName())
        old.clear()
        old.sync()
        if old_file.is_file():  # (on Windows it names a registry key, now emptied)
            _remove_with_empty_folder(old_file)
    return settings


def _remove_with_empty_folder(old_file: Path) -> None:
    try:
        old_file.unlink(missing_ok=True)
        old_file.parent.rmdir()  # only if nothing else is in it
    except OSError:
        pass  # something else lives there: leave it
