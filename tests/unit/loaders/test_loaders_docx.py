"""Word documents: paragraphs, heading styles, tables and hyperlinks, and hostile archives."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import docx.opc.constants
import pytest
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement

from caveat.cli import main
from caveat.document import BlockKind
from caveat.loaders import LoadError, load_document


def _add_hyperlink(paragraph, text: str, url: str) -> None:
    """python-docx reads hyperlinks but has no call to write one, so build the XML."""
    rel_id = paragraph.part.relate_to(
        url, docx.opc.constants.RELATIONSHIP_TYPE.HYPERLINK, is_external=True
    )
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:t")
    text_element.text = text
    text_element.set(qn("xml:space"), "preserve")
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


@pytest.fixture
def article_docx(tmp_path: Path) -> Path:
    word = docx.Document()
    word.core_properties.title = "Storm report"
    word.add_heading("Harbour town counts the cost", level=0)
    word.add_paragraph("The council estimated the damage at £4.2 million.")
    word.add_heading("A slow recovery", level=1)
    paragraph = word.add_paragraph("Insurers expect claims to rise by ")
    _add_hyperlink(paragraph, "about 15 percent", "https://insure.example/data")
    paragraph.add_run(" this spring.")
    word.add_paragraph("Advertisement")
    table = word.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, [("Town", "Homes"), ("Kelby", "300")], strict=True):
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value
    word.add_paragraph("")
    path = tmp_path / "storm.docx"
    word.save(path)
    return path


def test_docx_heading_styles_become_heading_blocks(article_docx):
    doc = load_document(article_docx)
    assert doc.format == "docx"
    assert doc.title == "Storm report"
    assert [(b.kind, b.level, doc.text[b.start : b.end]) for b in doc.blocks] == [
        (BlockKind.HEADING, 1, "Harbour town counts the cost"),
        (BlockKind.PARAGRAPH, 0, "The council estimated the damage at £4.2 million."),
        (BlockKind.HEADING, 1, "A slow recovery"),
        (BlockKind.PARAGRAPH, 0, "Insurers expect claims to rise by about 15 percent this spring."),
        (BlockKind.BOILERPLATE, 0, "Advertisement"),
        (BlockKind.PARAGRAPH, 0, "Town | Homes"),
        (BlockKind.PARAGRAPH, 0, "Kelby | 300"),
    ]


def test_docx_hyperlinks_are_links_over_their_words(article_docx):
    doc = load_document(article_docx)
    assert [(doc.text[k.start : k.end], k.href) for k in doc.links] == [
        ("about 15 percent", "https://insure.example/data")
    ]


def test_docx_named_txt_is_read_as_docx(tmp_path, article_docx):
    renamed = tmp_path / "storm.txt"
    renamed.write_bytes(article_docx.read_bytes())
    assert load_document(renamed).format == "docx"


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


@pytest.mark.parametrize(
    ("content", "max_bytes", "reason"),
    [
        (lambda: b"Plain words in a file named .docx", None, "not a zip archive"),
        (lambda: _zip({"notes.txt": b"hello"}), None, "not a Word document"),
        (lambda: _zip({"word/document.xml": b"\0" * 20_000_000}), None, "zip bomb"),
        (lambda: _zip({"word/document.xml": b"<w/>" * 50_000}), 5_000, "zip bomb"),
        (
            lambda: _zip({"[Content_Types].xml": b"<bad", "word/document.xml": b"<oops"}),
            None,
            "damaged Word document",
        ),
    ],
    ids=["not-a-zip", "zip-not-word", "bomb-by-ratio", "bomb-by-total-size", "damaged-xml"],
)
def test_bad_docx_is_one_clear_line_from_the_loader_and_the_cli(
    tmp_path, capsys, content, max_bytes, reason
):
    path = tmp_path / "bad.docx"
    path.write_bytes(content())
    limit = {"max_bytes": max_bytes} if max_bytes else {}
    with pytest.raises(LoadError, match=reason):
        load_document(path, **limit)
    before = sorted(tmp_path.iterdir())
    size_option = ["--max-size", str(max_bytes / 2**20)] if max_bytes else []
    assert main(["analyze", str(path), *size_option]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert str(path) in err and reason in err
    assert sorted(tmp_path.iterdir()) == before
