"""File > Export annotated PDF: the dialog's default name, the export, and errors shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from caveat.document import Block, Document
from caveat.findings import Analysis, Finding, PipelineInfo
from caveat.gui.export_dialog import export_folder, export_name, export_with_dialog

TEXT = "About 3,800 people left, and the port will likely close."


def _document(folder: Path) -> Document:
    source = folder / "harbour.txt"
    source.write_text(TEXT, encoding="utf-8")
    return Document(TEXT, (Block(0, len(TEXT)),), "txt", source)


ANALYSIS = Analysis(
    {
        "hedge": (Finding(0, 11, "hedge", "approx", "'About' makes 3,800 an approximation"),),
        "speculation": (Finding(30, 55, "speculation", "predict", "a prediction"),),
    },
    {},
    {},
    PipelineInfo("rules"),
    words=10,
)


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


class Dialogs:
    """Stand-ins for the modal dialogs, recording what they were asked."""

    def __init__(self, monkeypatch, answer: str) -> None:
        self.offered: list[str] = []
        self.warnings: list[str] = []

        def save_name(parent, caption, directory, filter_):
            self.offered.append(directory)
            return answer, filter_

        monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
        monkeypatch.setattr(
            QMessageBox, "warning", lambda parent, title, text: self.warnings.append(text)
        )


def test_the_export_is_named_after_the_file_or_the_title(tmp_path):
    assert export_name(_document(tmp_path)) == "harbour.caveat.pdf"
    pasted = Document(TEXT, (Block(0, len(TEXT)),), "txt", title="Storm: the cost?")
    assert export_name(pasted) == "Storm the cost.caveat.pdf"


def test_the_dialog_starts_in_the_last_export_folder_else_the_chosen_one(tmp_path):
    last, chosen = tmp_path / "last", tmp_path / "chosen"
    last.mkdir()
    chosen.mkdir()
    assert export_folder(str(last), str(chosen)) == last
    assert export_folder(str(tmp_path / "gone"), str(chosen)) == chosen
    assert export_folder("", "") != tmp_path  # never the article's own folder by default


def test_export_writes_only_the_visible_layers(parent, tmp_path, monkeypatch):
    document = _document(tmp_path)
    dialogs = Dialogs(monkeypatch, str(tmp_path / "chosen"))
    written = export_with_dialog(parent, document, ANALYSIS, ["hedge"], tmp_path / "exports")
    assert written == tmp_path / "chosen.pdf"
    assert dialogs.offered == [str(tmp_path / "exports" / "harbour.caveat.pdf")]
    assert dialogs.warnings == []
    annots = [a.get_object() for p in PdfReader(written).pages for a in p.get("/Annots", [])]
    assert [str(a["/Contents"]).split("\n")[0] for a in annots] == [
        "'About' makes 3,800 an approximation"
    ]


def test_cancelled_dialog_writes_nothing(parent, tmp_path, monkeypatch):
    Dialogs(monkeypatch, "")
    assert export_with_dialog(parent, _document(tmp_path), ANALYSIS, ["hedge"]) is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["harbour.txt"]


def test_failed_export_is_explained_in_a_message_box(parent, tmp_path, monkeypatch):
    dialogs = Dialogs(monkeypatch, str(tmp_path / "no-such-folder" / "out.pdf"))
    assert export_with_dialog(parent, _document(tmp_path), ANALYSIS, ["hedge"]) is None
    assert len(dialogs.warnings) == 1
    assert "does not exist" in dialogs.warnings[0]


def test_the_summary_says_what_the_reader_chose_to_see(parent, tmp_path, monkeypatch):
    Dialogs(monkeypatch, str(tmp_path / "chosen.pdf"))
    choices = "Shown at the thorough sensitivity. Rules switched off: Hedging adverb."
    written = export_with_dialog(parent, _document(tmp_path), ANALYSIS, ["hedge"], None, choices)
    assert written is not None
    text = " ".join(page.extract_text() for page in PdfReader(written).pages)
    assert "Shown at the thorough sensitivity." in " ".join(text.split())
