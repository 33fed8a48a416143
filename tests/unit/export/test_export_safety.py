"""An export never overwrites the article, never leaves half a file, and says why it failed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pypdf import PdfWriter

from caveat.document import Block, Document
from caveat.export.pdf import ExportError, export_pdf
from caveat.export.safe_write import check_target, write_atomically
from caveat.findings import Analysis, PipelineInfo


def _renderer_never_called(job, path):
    raise AssertionError("the export went ahead after a refusal")


def _article(folder: Path) -> Document:
    source = folder / "article.txt"
    source.write_text("A short article.", encoding="utf-8")
    return Document("A short article.", (Block(0, 16),), "txt", source)


EMPTY = Analysis({}, {}, {}, PipelineInfo("rules"))


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("article.txt", "is the article itself"),
        ("./sub/../article.txt", "is the article itself"),
        ("link.txt", "is the article itself"),
        ("missing/out.pdf", "does not exist"),
        ("sub", "is a folder"),
    ],
)
def test_export_refuses_a_target_it_must_not_write(tmp_path, target, message):
    document = _article(tmp_path)
    (tmp_path / "sub").mkdir()
    os.link(tmp_path / "article.txt", tmp_path / "link.txt")
    with pytest.raises(ExportError, match=message):
        export_pdf(document, EMPTY, tmp_path / target, renderer=_renderer_never_called)
    assert (tmp_path / "article.txt").read_text(encoding="utf-8") == "A short article."


def test_unwritable_folder_is_refused_with_a_clear_message(tmp_path, monkeypatch):
    # the tests may run as root, for whom chmod does not stop writing: ask os.access instead
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    with pytest.raises(ExportError, match="no permission to write in"):
        check_target(tmp_path / "out.pdf", None)


def test_failed_write_leaves_neither_target_nor_temporary_file(tmp_path, monkeypatch):
    writer = PdfWriter()
    writer.add_blank_page(100, 100)

    def disk_full(stream):
        stream.write(b"%PDF-1.7 half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer, "write", disk_full)
    with pytest.raises(ExportError, match="No space left on device"):
        write_atomically(writer, tmp_path / "out.pdf")
    assert list(tmp_path.iterdir()) == []


def test_failed_write_keeps_the_previous_export_whole(tmp_path, monkeypatch):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"previous export")
    writer = PdfWriter()
    monkeypatch.setattr(writer, "write", lambda stream: (_ for _ in ()).throw(OSError(5, "I/O")))
    with pytest.raises(ExportError):
        write_atomically(writer, target)
    assert target.read_bytes() == b"previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_write_replaces_the_target_with_a_complete_pdf_readable_by_others(tmp_path):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    write_atomically(writer, target)
    assert target.read_bytes().startswith(b"%PDF-")
    assert target.stat().st_mode & 0o044, "not left private like a temporary file"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_text_article_without_renderer_is_refused(tmp_path):
    with pytest.raises(ExportError, match="needs a renderer"):
        export_pdf(_article(tmp_path), EMPTY, tmp_path / "out.pdf")
    assert not (tmp_path / "out.pdf").exists()


def test_unknown_layer_is_refused(tmp_path):
    with pytest.raises(ExportError, match="unknown layer gossip"):
        export_pdf(_article(tmp_path), EMPTY, tmp_path / "o.pdf", layers=["gossip"])


def test_renderer_failure_leaves_nothing_in_the_target_folder(tmp_path):
    document = _article(tmp_path)
    out_dir = tmp_path / "out"
    out_dir.mkdir()

    def broken_renderer(job, path):
        path.write_bytes(b"%PDF-1.7 partial")
        raise RuntimeError("renderer crashed")

    with pytest.raises(RuntimeError):
        export_pdf(document, EMPTY, out_dir / "a.pdf", renderer=broken_renderer)
    assert list(out_dir.iterdir()) == []
