"""Each printed line is on exactly one page: in the text layer as well as on paper."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from caveat.document import Block, Document
from caveat.export.printjob import article_job
from caveat.gui.print_layout import render_print_job

PARAGRAPHS = [f"Paragraph {n} opens here and " + "goes on " * (30 + 9 * (n % 5)) for n in range(30)]


@pytest.fixture
def long_job(qapp, tmp_path: Path):
    text = "\n\n".join(p.strip() for p in PARAGRAPHS)
    blocks, pos = [], 0
    for paragraph in text.split("\n\n"):
        blocks.append(Block(pos, pos + len(paragraph)))
        pos += len(paragraph) + 2
    return article_job(Document(text, tuple(blocks), "txt", tmp_path / "long.txt"))


def page_texts(path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(path)
    try:
        return [page.get_textpage().get_text_range() for page in pdf]
    finally:
        pdf.close()


def test_each_printed_line_is_in_one_page_text_only(long_job, tmp_path):
    out = tmp_path / "long.pdf"
    render_print_job(long_job, out)
    pages = page_texts(out)
    assert len(pages) >= 3
    printed = " ".join(block.text for block in long_job.blocks).split()
    read: list[str] = []
    for n, text in enumerate(pages):
        # each page ends with what the margins hold: the running head after page 1, the number
        furniture = ([*long_job.title.split()] if n else []) + [str(n + 1)]
        words = text.split()
        assert words[len(words) - len(furniture) :] == furniture
        read += words[: len(words) - len(furniture)]
    assert read == printed


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_pdftotext_reads_no_line_twice_around_page_breaks(long_job, tmp_path):
    out = tmp_path / "long.pdf"
    render_print_job(long_job, out)
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    lines = [line.strip() for line in text.splitlines() if len(line.split()) > 3]
    repeated = {line for line in lines if lines.count(line) > 1 and "Paragraph" in line}
    assert not repeated
    for paragraph in PARAGRAPHS:
        assert text.count(paragraph.split(" goes")[0]) == 1
