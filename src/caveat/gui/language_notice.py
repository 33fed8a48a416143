"""Above an article that is mostly in another language: say so, and offer to analyse anyway."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from caveat.gui import theme
from caveat.loaders.language import language_name, reads_as_english

NOTICE = ("#FFF4D6", "#5A4300", "#E6C36A")  # background, text, border: a pale amber
NOTICE_DARK = ("#3D3418", "#F2E2B3", "#7A6526")


class LanguageNotice(QFrame):
    """Hidden for English (or unknown) text; kept in place once shown, so the text never jumps."""

    analyse_anyway = Signal()

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languageNotice")
        background, text, border = NOTICE_DARK if theme.is_dark(self.palette()) else NOTICE
        self.setStyleSheet(
            f"QFrame#languageNotice {{ background: {background}; border-bottom: 1px solid "
            f"{border}; }} QFrame#languageNotice QLabel {{ color: {text}; }}"
        )
        self.language = language
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 6, 10, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton("Analyse anyway")
        self.button.setToolTip("Run the English layers on it all the same")
        self.button.clicked.connect(self._chosen)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        name = language_name(language)
        self.label.setText(
            f"<b>This article seems to be in {name}.</b> Caveat’s layers read English, so "
            "nothing is highlighted."
        )
        self.held = not reads_as_english(language)  # the analysis waits for the reader's word
        self.setVisible(self.held)

    def _chosen(self) -> None:
        self.label.setText(
            f"This article seems to be in {language_name(self.language)}: it is analysed with "
            "English rules, so expect misses and false alarms."
        )
        self.button.hide()
        self.held = False
        self.analyse_anyway.emit()
