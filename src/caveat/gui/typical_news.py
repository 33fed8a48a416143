"""The side panel's "Compared with typical news": where each layer's density in this article
stands among the reference news articles (caveat/reference.py), one line per layer."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from caveat.layers import get_layer
from caveat.reference import reference, standing


class TypicalNewsCard(QWidget):
    """ "Hedges: 4.0 per 100 words, more than 85 % of reference news articles", per layer,
    under a heading like the panel's others; hidden when the reference knows no layer shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        heading = QLabel("COMPARED WITH TYPICAL NEWS")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 0.85)
        font.setBold(True)
        heading.setFont(font)
        heading.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(heading)
        layout.addWidget(self.body)
        known = reference()
        if known:
            self.setToolTip(
                f"Typical news: {known.get('articles', 0):,} "
                f"{known.get('summary', 'reference articles')}. Each density is compared with "
                "theirs; the README says more."
            )
        self.hide()

    def text(self) -> str:
        return self.body.text()

    def lines(self, densities: dict[str, float]) -> list[tuple[str, str]]:
        """(layer title, "4.0 per 100 words, more than ...") for each layer the reference
        knows, in the order given."""
        found = []
        for layer, density in densities.items():
            where = standing(layer, density)
            if where is not None:
                found.append(
                    (get_layer(layer).title, f"{density:.1f} per 100 words, {where.comparison()}")
                )
        return found

    def show_densities(self, densities: dict[str, float] | None) -> None:
        """Show where `densities` (layer -> findings per 100 words) stand; None while the
        article is still being analysed."""
        if densities is None:
            self.body.setText("…")
            self.setVisible(bool(reference()))
            return
        lines = self.lines(densities)
        self.body.setText(
            "<br>".join(f"<b>{html.escape(t)}</b>: {html.escape(rest)}" for t, rest in lines)
        )
        self.setVisible(bool(lines))
