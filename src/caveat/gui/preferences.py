"""Edit > Preferences: the theme, the "never flag" list, reopening last session's tabs and the
folder exports go to. Each choice applies at once and is kept in Settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caveat.gui.appearance import apply_theme
from caveat.gui.reader_filters import ReaderFilters
from caveat.gui.settings import Settings

THEME_NAMES = {"system": "Same as the system", "light": "Light", "dark": "Dark"}


class PreferencesDialog(QDialog):
    def __init__(
        self, settings: Settings, filters: ReaderFilters, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setMinimumWidth(520)
        self._settings, self._filters = settings, filters
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.theme = QComboBox()
        for key, label in THEME_NAMES.items():
            self.theme.addItem(label, key)
        self.theme.setCurrentIndex(self.theme.findData(settings.theme()))
        self.theme.currentIndexChanged.connect(self._theme_chosen)
        form.addRow("Theme:", self.theme)

        self.reopen = QCheckBox("Reopen the files that were open when Caveat closed")
        self.reopen.setToolTip(
            "Files only: web pages are not fetched again and pasted text is not kept."
        )
        self.reopen.setChecked(settings.reopen_session())
        self.reopen.toggled.connect(settings.set_reopen_session)
        form.addRow("At start:", self.reopen)

        folder_row = QHBoxLayout()
        self.export_folder = QLineEdit(settings.export_folder())
        self.export_folder.setPlaceholderText("The folder of the last export")
        self.export_folder.setClearButtonEnabled(True)
        self.export_folder.editingFinished.connect(self._folder_typed)
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._choose_folder)
        folder_row.addWidget(self.export_folder, 1)
        folder_row.addWidget(browse)
        form.addRow("Export to:", folder_row)

        self.ignored = QListWidget()
        self.ignored.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.ignored.setMinimumHeight(150)
        self.remove = QPushButton("Remove")
        self.remove.setToolTip("Flag the selected words again, in every article")
        self.remove.clicked.connect(self._remove_selected)
        self.ignored.itemSelectionChanged.connect(
            lambda: self.remove.setEnabled(bool(self.ignored.selectedItems()))
        )
        filters.changed.connect(self._fill_ignored)
        self._fill_ignored()
        ignored_box = QVBoxLayout()
        ignored_box.addWidget(self.ignored)
        hint = QLabel("Added with “Never flag” on a highlight’s right-click menu.")
        hint.setWordWrap(True)
        hint.setForegroundRole(hint.foregroundRole().PlaceholderText)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(hint, 1)
        buttons_row.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignTop)
        ignored_box.addLayout(buttons_row)
        form.addRow("Never flag:", ignored_box)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(close)

    def _theme_chosen(self, _index: int) -> None:
        name = str(self.theme.currentData())
        self._settings.set_theme(name)
        apply_theme(name)

    def _set_export_folder(self, folder: str) -> None:
        self._settings.set_export_folder(folder)
        if folder:  # the next export starts there, not in the folder used last
            self._settings.set_last_export_folder(Path(folder))

    def _folder_typed(self) -> None:
        folder = self.export_folder.text().strip()
        if not folder or Path(folder).expanduser().is_dir():
            self._set_export_folder(str(Path(folder).expanduser()) if folder else "")
        else:
            self.export_folder.setText(self._settings.export_folder())  # not a folder: undo

    def _choose_folder(self) -> None:
        start = self._settings.export_folder() or str(Path.home())
        chosen = QFileDialog.getExistingDirectory(self, "Export annotated PDFs to", start)
        if chosen:
            self.export_folder.setText(chosen)
            self._set_export_folder(chosen)

    def _fill_ignored(self) -> None:
        self.ignored.clear()
        words = sorted(self._filters.ignored())
        self.ignored.addItems(words)
        self.ignored.setEnabled(bool(words))
        if not words:
            self.ignored.addItem("No words yet.")
        self.remove.setEnabled(False)

    def _remove_selected(self) -> None:
        for item in self.ignored.selectedItems():
            self._filters.ignore(item.text(), False)  # every open tab refreshes
