"""The window's theme: the system's, or light or dark whatever the system says.

Qt's own switch (QStyleHints.setColorScheme) does nothing on platforms whose theme cannot change
scheme (plain X11 among them, measured here), so light and dark are palettes set on the
application; "system" puts back the palette the application started with.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

Role, Group = QPalette.ColorRole, QPalette.ColorGroup

DARK = {
    Role.Window: "#26272A",
    Role.WindowText: "#E4E4E4",
    Role.Base: "#1D1E20",
    Role.AlternateBase: "#2A2B2E",
    Role.Text: "#E4E4E4",
    Role.PlaceholderText: "#9B9B9B",
    Role.Button: "#303134",
    Role.ButtonText: "#E4E4E4",
    Role.BrightText: "#FF6B6B",
    Role.Highlight: "#3A6EA5",
    Role.HighlightedText: "#FFFFFF",
    Role.Link: "#8AB4F8",
    Role.LinkVisited: "#C58AF9",
    Role.ToolTipBase: "#303134",
    Role.ToolTipText: "#E4E4E4",
    Role.Light: "#45464A",
    Role.Midlight: "#37383B",
    Role.Mid: "#2C2D30",
    Role.Dark: "#151617",
    Role.Shadow: "#0B0B0C",
}
DARK_DISABLED = "#75767A"

_system_palette: QPalette | None = None


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in DARK.items():
        palette.setColor(role, QColor(colour))
    for role in (Role.Text, Role.WindowText, Role.ButtonText, Role.PlaceholderText):
        palette.setColor(Group.Disabled, role, QColor(DARK_DISABLED))
    return palette


def apply_theme(name: str) -> None:
    """Set "system", "light" or "dark" on the running application."""
    global _system_palette
    app = QApplication.instance()
    if not isinstance(app, QGuiApplication):
        return
    if _system_palette is None:
        _system_palette = QPalette(app.palette())
    if name == "dark":
        palette = dark_palette()
    elif name == "light":
        style = app.style() if isinstance(app, QApplication) else None
        palette = style.standardPalette() if style is not None else QPalette()
        if palette.color(Role.Base).lightness() < 128:  # a dark style's own standard
            palette = QPalette(QColor("#EFEFEF"), QColor("#FFFFFF"))
    else:
        palette = _system_palette
    app.setPalette(palette)
