"""What an empty window shows: what Caveat does, Open, the sample and the recent files."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from caveat.gui import theme
from caveat.gui.swatch import layer_icon
from caveat.layers import all_layers


class WelcomePage(QWidget):
    open_requested = Signal()
    sample_requested = Signal()
    recent_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        holder = QWidget()
        holder.setMaximumWidth(680)
        column = QVBoxLayout(holder)
        column.addStretch(2)
        outer.addWidget(holder, 3)
        outer.addStretch(1)

        title = QLabel("Caveat")
        font = theme.reading_font(0)
        font.setPointSizeF(34)
        font.setWeight(QFont.Weight.Bold)
        title.setFont(font)
        tagline = QLabel(
            "Read an article and see where it hedges, where its numbers have no source, "
            "and where the author guesses."
        )
        tagline.setWordWrap(True)
        tagline.setFont(theme.reading_font(1))
        column.addWidget(title)
        column.addWidget(tagline)
        column.addSpacing(18)

        legend = QGridLayout()
        legend.setHorizontalSpacing(12)
        for row, layer in enumerate(all_layers()):
            layer_id = layer.id
            swatch = QLabel()
            swatch.setPixmap(layer_icon(layer_id, self.palette()).pixmap(27, 18))
            text = QLabel(f"<b>{html.escape(layer.title)}</b> — {html.escape(layer.description)}")
            text.setWordWrap(True)
            legend.addWidget(swatch, row, 0, Qt.AlignmentFlag.AlignTop)
            legend.addWidget(text, row, 1)
        legend.setColumnStretch(1, 1)
        column.addLayout(legend)
        column.addSpacing(22)

        buttons = QHBoxLayout()
        self.open_button = QPushButton("Open an article…")
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self.open_requested)
        self.sample_button = QPushButton("Read the sample article")
        self.sample_button.clicked.connect(self.sample_requested)
        for button in (self.open_button, self.sample_button):
            button.setMinimumHeight(34)
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        hint = QLabel(
            "or drop a file on this window, paste an article (Ctrl+V) "
            "or open a web address (Ctrl+L)"
        )
        hint.setWordWrap(True)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        column.addWidget(hint)
        column.addSpacing(22)

        self.recent_title = QLabel("<b>Recent</b>")
        self.recent_list = QLabel()
        self.recent_list.setTextFormat(Qt.TextFormat.RichText)
        self.recent_list.linkActivated.connect(self.recent_requested)
        column.addWidget(self.recent_title)
        column.addWidget(self.recent_list)
        column.addStretch(3)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "_recent"):
            self.set_recent(self._recent)  # the folders' dim colour follows a theme change

    def set_recent(self, paths: list[Path]) -> None:
        self._recent = paths
        existing = [p for p in paths if p.exists()][:6]
        self.recent_title.setVisible(bool(existing))
        self.recent_list.setVisible(bool(existing))
        dim = theme.dimmed_text(self.palette()).name()
        self.recent_list.setText(
            "<br>".join(
                f"<a href='{html.escape(str(p))}'>{html.escape(p.name)}</a>"
                f" <span style='color:{dim}'>{html.escape(str(p.parent))}</span>"
                for p in existing
            )
        )
