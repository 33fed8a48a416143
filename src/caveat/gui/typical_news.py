"""The side panel's "Compared with typical news": where each layer's density in this article
stands among the reference news articles (caveat/reference.py), one line per layer."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from caveat.gui import theme
from caveat.layers import get_layer
from caveat.reference import reference, standing


class TypicalNewsCard(QLabel):
    """ "Hedges: 4.0 per 100 words, more than 85 % of reference news articles", per layer;
    hidden when Caveat has no reference for any layer shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("typicalNews")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        known = reference()
        if known:
            self.setToolTip(
                f"Typical news: {known.get('articles', 0):,} "
                f"{known.get('summary', 'reference articles')}. Each density is compared with "
                "theirs; the README says more."
            )
        self.hide()

    def lines(self, densities: dict[str, float]) -> list[str]:
        """One plain sentence per layer the reference knows, in the order given."""
        found = []
        for layer, density in densities.items():
            where = standing(layer, density)
            if where is not None:
                title = get_layer(layer).title
                found.append(f"{title}: {density:.1f} per 100 words, {where.comparison()}")
        return found

    def show_densities(self, densities: dict[str, float] | None) -> None:
        """Show where `densities` (layer -> findings per 100 words) stand; None while the
        article is still being analysed."""
        if densities is None:
            self.setText("Compared with typical news: …")
            self.setVisible(bool(reference()))
            return
        lines = self.lines(densities)
        dim = theme.dimmed_text(self.palette()).name()
        self.setText(
            f"<span style='color:{dim}'>Compared with typical news</span><br>"
            + "<br>".join(html.escape(line) for line in lines)
        )
        self.setVisible(bool(lines))
