"""Colours and fonts of the reader, derived from the system palette so light and dark both work."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette

from caveat.layers import get_layer

# Book faces first: long reading is easier in a serif with generous x-height.
READING_FAMILIES = (
    "Charter",
    "Georgia",
    "Source Serif 4",
    "Literata",
    "Noto Serif",
    "P052",
    "Cambria",
    "DejaVu Serif",
)
BASE_POINT_SIZE = 13.0
ZOOM_STEP = 1.0  # points per Ctrl++ step
MIN_ZOOM, MAX_ZOOM = -6, 16


def layer_name(layer: str) -> str:
    """One finding of a layer, as tooltips name it ("Hedge")."""
    return get_layer(layer).name


def layer_noun(layer: str) -> str:
    """One finding of a layer in a sentence ("Not a hedge here")."""
    return get_layer(layer).noun


def reading_font(zoom: int = 0) -> QFont:
    """The first installed book face, at the base size plus `zoom` steps."""
    installed = set(QFontDatabase.families())
    family = next((f for f in READING_FAMILIES if f in installed), "")
    font = QFont(family) if family else QFont()
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(max(6.0, BASE_POINT_SIZE + zoom * ZOOM_STEP))
    return font


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def layer_color(layer: str, palette: QPalette | None = None) -> QColor:
    """The layer's colour, its lighter variant on a dark palette."""
    spec = get_layer(layer)
    return QColor(spec.colour_dark if palette is not None and is_dark(palette) else spec.colour)


def layer_background(layer: str, palette: QPalette) -> QColor:
    """A tint of the layer colour that keeps text readable on this palette's base."""
    color = layer_color(layer, palette)
    color.setAlphaF(0.34 if is_dark(palette) else 0.22)
    return color


def dimmed_text(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)


def difficulty_color(grade: float, palette: QPalette) -> QColor:
    """Grade 6 and below pale, grade 16 and above strong: one hue, so lightness alone reads."""
    share = min(1.0, max(0.0, (grade - 6.0) / 10.0))
    # Okabe-Ito blue (no layer uses it), lighter on a dark base so it stays visible
    base = QColor("#8EC3EB" if is_dark(palette) else "#0072B2")
    base.setAlphaF(0.15 + 0.8 * share)
    return base
