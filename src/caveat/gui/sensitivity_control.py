"""The sensitivity control of the side panel: strict, balanced or thorough, as three buttons.

It writes to the shared LayerVisibility (view state, remembered in Settings): every tab filters
what it shows at once, the highlights, counts, findings list, F3 and the export alike, and
nothing is analysed again.
"""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QToolButton, QWidget

from caveat.gui.layer_visibility import LayerVisibility
from caveat.sensitivity import LEVELS

TIPS = {
    "strict": "Only the findings Caveat is surest of (about nine in ten right)",
    "balanced": "The findings a careful reader would most likely agree with (the default)",
    "thorough": "Also the borderline ones a careful editor might want to question",
}


class SensitivityControl(QWidget):
    """Three exclusive buttons; the checked one is the level every tab shows."""

    def __init__(self, visibility: LayerVisibility, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._visibility = visibility
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        label = QLabel("Sensitivity")
        row.addWidget(label)
        row.addStretch(1)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QToolButton] = {}
        for level in LEVELS:
            button = QToolButton()
            button.setText(level.capitalize())
            button.setCheckable(True)
            button.setAutoRaise(False)
            button.setToolTip(TIPS[level])
            button.setAccessibleName(f"Sensitivity: {level}")
            button.setChecked(level == visibility.sensitivity())
            button.toggled.connect(lambda on, lv=level: self._chosen(lv, on))
            self.group.addButton(button)
            row.addWidget(button)
            self.buttons[level] = button
        label.setBuddy(self.buttons[visibility.sensitivity()])
        visibility.sensitivity_changed.connect(self._sync)

    def _chosen(self, level: str, on: bool) -> None:
        if on:
            self._visibility.set_sensitivity(level)

    def _sync(self, level: str) -> None:
        button = self.buttons[level]
        if not button.isChecked():
            button.setChecked(True)
