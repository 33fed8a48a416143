"""File > Export annotated PDF: ask where, export the findings the reader sees, report failure."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from caveat.analysis.model import Analysis
from caveat.document import Document
from caveat.export.pdf import ExportError, export_pdf
from caveat.gui.print_layout import render_print_job


def default_export_path(document: Document) -> Path:
    """`<name>.caveat.pdf` beside the article (in the home folder for an unsaved one)."""
    if document.source is not None:
        return document.source.with_name(f"{document.source.stem}.caveat.pdf")
    stem = "".join(c for c in document.name if c.isalnum() or c in " -_").strip() or "article"
    return Path.home() / f"{stem}.caveat.pdf"


def export_with_dialog(
    parent: QWidget | None,
    document: Document,
    analysis: Analysis,
    visible_layers: Sequence[str],
) -> Path | None:
    """Ask for a file name and export; the written path, or None if cancelled or failed.

    `analysis` is the one the reader sees (dismissed and ignored findings already removed);
    only `visible_layers` are exported, as the window shows them.
    """
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        "Export annotated PDF",
        str(default_export_path(document)),
        "PDF documents (*.pdf)",
    )
    if not chosen:
        return None
    output = Path(chosen)
    if output.suffix.lower() != ".pdf":
        output = output.with_name(output.name + ".pdf")
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        export_pdf(document, analysis, output, visible_layers, renderer=render_print_job)
    except ExportError as exc:
        QApplication.restoreOverrideCursor()
        QMessageBox.warning(parent, "Export failed", f"The PDF was not written: {exc}")
        return None
    QApplication.restoreOverrideCursor()
    return output
