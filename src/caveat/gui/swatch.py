"""Small pictures of a layer's look (tint and underline style) for toggles and lists."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap

from caveat.gui import theme
from caveat.layers import get_layer


def layer_icon(layer: str, palette: QPalette, size: int = 18, ratio: float = 2.0) -> QIcon:
    """A rounded tint with the layer's underline beneath, drawn at the screen's pixel ratio."""
    width, height = int(size * 1.5), size
    pixmap = QPixmap(int(width * ratio), int(height * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    tint = theme.layer_color(layer, palette)
    tint.setAlphaF(0.45)
    painter.setBrush(tint)
    painter.drawRoundedRect(QRectF(1, 1, width - 2, height - 6), 3, 3)
    pen = QPen(theme.layer_color(layer, palette), 1.6)
    style = get_layer(layer).underline
    y = height - 2.5
    if style == "wave":
        path = QPainterPath(QPointF(1, y))
        for x in range(2, width):
            path.lineTo(QPointF(x, y + 1.6 * math.sin(x / 1.6)))
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
    else:
        pen.setStyle(Qt.PenStyle.DashLine if style == "dash" else Qt.PenStyle.DotLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(1, y), QPointF(width - 1, y))
    painter.end()
    return QIcon(pixmap)
