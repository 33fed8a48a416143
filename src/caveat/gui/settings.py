"""What the window remembers between runs, kept in QSettings under typed accessors."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from caveat.gui import theme
from caveat.gui.settings_file import open_settings
from caveat.layers import layer_ids
from caveat.sensitivity import DEFAULT_LEVEL, LEVELS

MAX_RECENT = 10
THEMES = ("system", "light", "dark")


def _as_bool(value: object, default: bool) -> bool:
    # QSettings' INI backend hands booleans back as the strings "true"/"false"
    if isinstance(value, str):
        return value.lower() == "true"
    return default if value is None else bool(value)


def _as_int_list(value: object) -> list[int]:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    try:
        return [int(str(v)) for v in items]
    except (TypeError, ValueError):
        return []


class Settings:
    """Layer and rule visibility, geometry, splitter sizes, zoom, recent files, last folders,
    and the preferences (theme, reopening the last session, the export folder)."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.q = qsettings if qsettings is not None else open_settings()

    def layer_visible(self, layer: str) -> bool:
        return _as_bool(self.q.value(f"layers/{layer}/visible"), True)

    def set_layer_visible(self, layer: str, visible: bool) -> None:
        self.q.setValue(f"layers/{layer}/visible", visible)

    def visible_layers(self) -> set[str]:
        return {layer for layer in layer_ids() if self.layer_visible(layer)}

    def hidden_rules(self) -> set[str]:
        """Rule ids the reader switched off in the side panel."""
        value = self.q.value("rules/hidden") or []
        items = value if isinstance(value, list) else [value]
        return {str(rule) for rule in items if rule}

    def set_hidden_rules(self, rules: set[str]) -> None:
        self.q.setValue("rules/hidden", sorted(rules))

    def sensitivity(self) -> str:
        """The sensitivity level the reader chose (balanced until they choose)."""
        value = str(self.q.value("view/sensitivity") or DEFAULT_LEVEL)
        return value if value in LEVELS else DEFAULT_LEVEL

    def set_sensitivity(self, level: str) -> None:
        self.q.setValue("view/sensitivity", level)

    def geometry(self) -> QByteArray | None:
        value = self.q.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, geometry: QByteArray) -> None:
        self.q.setValue("window/geometry", geometry)

    def splitter_sizes(self) -> list[int]:
        return _as_int_list(self.q.value("window/splitter"))

    def set_splitter_sizes(self, sizes: list[int]) -> None:
        self.q.setValue("window/splitter", [int(s) for s in sizes])

    def zoom(self) -> int:
        try:
            value = int(str(self.q.value("reader/zoom", 0)))
        except ValueError:
            return 0
        return max(theme.MIN_ZOOM, min(theme.MAX_ZOOM, value))

    def set_zoom(self, steps: int) -> None:
        self.q.setValue("reader/zoom", int(steps))

    def recent_files(self) -> list[Path]:
        value = self.q.value("files/recent") or []
        items = value if isinstance(value, list) else [value]
        return [Path(str(p)) for p in items if p][:MAX_RECENT]

    def add_recent_file(self, path: Path) -> None:
        path = path.resolve()
        recent = [path] + [p for p in self.recent_files() if p != path]
        self.q.setValue("files/recent", [str(p) for p in recent[:MAX_RECENT]])

    def clear_recent_files(self) -> None:
        self.q.setValue("files/recent", [])

    def last_directory(self) -> str:
        return str(self.q.value("files/last_directory", "") or "")

    def set_last_directory(self, directory: Path) -> None:
        self.q.setValue("files/last_directory", str(directory))

    # preferences (Edit > Preferences)
    def theme(self) -> str:
        value = str(self.q.value("appearance/theme", "system") or "system")
        return value if value in THEMES else "system"

    def set_theme(self, theme_name: str) -> None:
        self.q.setValue("appearance/theme", theme_name if theme_name in THEMES else "system")

    def reopen_session(self) -> bool:
        return _as_bool(self.q.value("session/reopen"), False)

    def set_reopen_session(self, reopen: bool) -> None:
        self.q.setValue("session/reopen", bool(reopen))

    def session_files(self) -> list[Path]:
        """The files open in tabs when the window last closed, in tab order."""
        value = self.q.value("session/files") or []
        items = value if isinstance(value, list) else [value]
        return [Path(str(p)) for p in items if p]

    def set_session_files(self, paths: list[Path]) -> None:
        self.q.setValue("session/files", [str(p) for p in paths])

    def export_folder(self) -> str:
        """The folder chosen in Preferences for exports ("" for none)."""
        return str(self.q.value("export/folder", "") or "")

    def set_export_folder(self, folder: str) -> None:
        self.q.setValue("export/folder", folder)

    def last_export_folder(self) -> str:
        return str(self.q.value("export/last_folder", "") or "")

    def set_last_export_folder(self, folder: Path) -> None:
        self.q.setValue("export/last_folder", str(folder))

    def sync(self) -> None:
        self.q.sync()
