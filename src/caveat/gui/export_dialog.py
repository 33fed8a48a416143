"""File > Export annotated PDF: ask where, export the findings the reader sees, report failure.

The export itself runs in a separate process behind a modal progress dialog, so the window keeps
painting: a 100,000-word article takes about 10 s to lay out and annotate, and Qt's text layout
would hold the GUI thread (and, in a thread, the GIL) all that time.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from caveat.document import Document
from caveat.export.pdf import ExportError, export_pdf
from caveat.findings import Analysis
from caveat.lifeline import exit_with_parent, lifeline_args


def _export_in_child(
    document: Document, analysis: Analysis, output: Path, layers: tuple[str, ...]
) -> int:
    from caveat.gui.print_layout import render_print_job  # an offscreen Qt of its own

    return export_pdf(document, analysis, output, layers, renderer=render_print_job)


class _Finished(QObject):
    """Carries 'the export is done' from the executor's thread to the GUI thread."""

    done = Signal()


def _export_behind_progress(
    parent: QWidget | None,
    document: Document,
    analysis: Analysis,
    output: Path,
    layers: tuple[str, ...],
) -> int:
    """Run the export in a spawned process while a modal progress dialog keeps the window alive;
    the number of pages, or the export's own ExportError."""
    executor = ProcessPoolExecutor(
        1,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=exit_with_parent,  # never outlive the window
        initargs=lifeline_args(),
    )
    try:
        future: Future[int] = executor.submit(_export_in_child, document, analysis, output, layers)
        dialog = QProgressDialog("Writing the annotated PDF…", "", 0, 0, parent)
        dialog.setWindowTitle("Export")
        dialog.setCancelButton(None)  # a half-written PDF is never left behind, but wait for it
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        finished = _Finished()
        finished.done.connect(dialog.accept)
        future.add_done_callback(lambda _f: finished.done.emit())
        if not future.done():
            dialog.exec()
        dialog.deleteLater()
        try:
            return future.result()
        except BrokenProcessPool:
            raise ExportError("the export process stopped unexpectedly") from None
    finally:
        executor.shutdown(wait=False)


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
    try:
        _export_behind_progress(parent, document, analysis, output, tuple(visible_layers))
    except ExportError as exc:
        QMessageBox.warning(parent, "Export failed", f"The PDF was not written: {exc}")
        return None
    return output
