"""Fixtures for the window tests: settings, filters and tabs that live in tmp_path only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from gui_builders import analysis_of, paragraphs
from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack

from caveat.document import Document
from caveat.findings import Finding
from caveat.gui.document_tab import DocumentTab
from caveat.gui.layer_visibility import LayerVisibility
from caveat.gui.main_window import MainWindow
from caveat.gui.reader_filters import ReaderFilters
from caveat.gui.settings import Settings
from caveat.gui.view_filters import DismissalStore, IgnoreList
from caveat.gui.worker import AnalysisRunner

# The offscreen platform warns on every top-level show(); it says nothing about our code.
OFFSCREEN_NOISE = "This plugin does not support"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "caveat.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def filters(tmp_path: Path, qtbot) -> ReaderFilters:
    return ReaderFilters(
        DismissalStore(tmp_path / "dismissed.json"), IgnoreList(tmp_path / "ignore.txt")
    )


@pytest.fixture
def window(qtbot, settings: Settings, filters: ReaderFilters) -> MainWindow:
    """A window on the rule-based pipeline: fast, and no model needed."""
    win = MainWindow(settings=settings, filters=filters, model="rules")
    qtbot.addWidget(win)
    yield win
    win.runner.shutdown()


@pytest.fixture
def make_tab(qtbot, settings: Settings, filters: ReaderFilters, tmp_path: Path):
    """make_tab(text, findings) -> a DocumentTab showing a hand-built Analysis (no worker)."""
    runner = AnalysisRunner("rules")
    undo = QUndoStack()
    visibility = LayerVisibility(settings)

    def make(text: str, findings: list[Finding]) -> DocumentTab:
        document = Document(text, paragraphs(text), "txt", tmp_path / "article.txt")
        tab = DocumentTab(document, runner, visibility, filters, undo)
        tab.resize(900, 600)
        qtbot.addWidget(tab)
        tab.show_analysis(analysis_of(findings))
        return tab

    make.undo = undo  # type: ignore[attr-defined]
    make.visibility = visibility  # type: ignore[attr-defined]
    yield make
    runner.shutdown()


MakeTab = Callable[[str, list[Finding]], DocumentTab]
