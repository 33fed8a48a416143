"""File > Export annotated PDF: ask where, export the findings the reader sees, report failure.

The export itself runs in a separate process behind a modal progress dialog, so the window keeps
painting: a 100,000-word article takes about 10 s to lay out and annotate, and Qt's text layout
would hold the GUI thread (and, in a thread, the GIL) all that time.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from caveat.document import Document
from caveat.export.pdf import ExportError, export_pdf
from caveat.findings import Analysis
from caveat.layers import Layer, adopt, all_layers
from caveat.lifeline import exit_with_parent, lifeline_args


def _export_in_child(
    document: Document,
    analysis: Analysis,
    output: Path,
    layers: tuple[str, ...],
    known: tuple[Layer, ...] = (),
    choices: str = "",
) -> int:
    from caveat.gui.print_layout import render_print_job  # an offscreen Qt of its own

    adopt(known)  # the window's layers, a plugin's included
    return export_pdf(document, analysis, output, layers, render_print_job, choices)


class _Finished(QObject):
    """Carries 'the export is done' from the executor's thread to the GUI thread."""

    done = Signal()


def _export_behind_progress(
    parent: QWidget | None,
    document: Document,
    analysis: Analysis,
    output: Path,
    layers: tuple[str, ...],
    choices: str = "",
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
        future: Future[int] = executor.submit(
            _export_in_child, document, analysis, output, layers, all_layers(), choices
        )
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


def export_name(document: Document) -> str:
    """`<name>.caveat.pdf`, from the file's name or (pasted, fetched) the article's title."""
    if document.source is not None:
        return f"{document.source.stem}.caveat.pdf"
    stem = "".join(c for c in document.name if c.isalnum() or c in " -_").strip() or "article"
    return f"{stem[:60].strip()}.caveat.pdf"


def export_folder(last: str, chosen: str) -> Path:
    """Where the save dialog starts: the folder of the last export, else the one chosen in
    Preferences, else Documents (never inside the article's own folder unless chosen so)."""
    for folder in (last, chosen):
        if folder and Path(folder).is_dir():
            return Path(folder)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def after_export_actions(
    written: Path, open_url: Callable[[QUrl], object]
) -> list[tuple[str, Callable[[], object]]]:
    """The message bar's offers once a PDF is written: open it, or show its folder."""
    return [
        ("Open", lambda: open_url(QUrl.fromLocalFile(str(written)))),
        ("Show in Folder", lambda: open_url(QUrl.fromLocalFile(str(written.parent)))),
    ]


def export_with_dialog(
    parent: QWidget | None,
    document: Document,
    analysis: Analysis,
    visible_layers: Sequence[str],
    folder: Path | None = None,
    choices: str = "",
) -> Path | None:
    """Ask for a file name and export; the written path, or None if cancelled or failed.

    `analysis` is the one the reader sees (dismissed and ignored findings already removed);
    only `visible_layers` are exported, as the window shows them; `choices` says so on the
    summary (the sensitivity and rules switched off).
    """
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        "Export annotated PDF",
        str((folder or export_folder("", "")) / export_name(document)),
        "PDF documents (*.pdf)",
    )
    if not chosen:
        return None
    output = Path(chosen)
    if output.suffix.lower() != ".pdf":
        output = output.with_name(output.name + ".pdf")
    try:
        _export_behind_progress(parent, document, analysis, output, tuple(visible_layers), choices)
    except ExportError as exc:
        QMessageBox.warning(parent, "Export failed", f"The PDF was not written: {exc}")
        return None
    return output
