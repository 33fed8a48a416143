"""Colours and fonts of the reader, derived from the system palette so light and dark both work."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette

from caveat.analysis.model import LAYERS

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

#: one finding of a layer, as tooltips and menus name it ("Not a hedge here")
LAYER_NAMES = {"hedge": "Hedge", "number": "Unsourced number", "speculation": "Speculation"}
LAYER_NOUNS = {"hedge": "a hedge", "number": "an unsourced number", "speculation": "speculation"}


def layer_name(layer: str) -> str:
    return LAYER_NAMES.get(layer, LAYERS[layer].title if layer in LAYERS else layer)


def layer_noun(layer: str) -> str:
    return LAYER_NOUNS.get(layer, layer_name(layer).lower())


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


def layer_color(layer: str) -> QColor:
    return QColor(LAYERS[layer].color if layer in LAYERS else "#999999")


def layer_background(layer: str, palette: QPalette) -> QColor:
    """A tint of the layer colour that keeps text readable on this palette's base."""
    color = layer_color(layer)
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
