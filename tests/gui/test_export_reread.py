"""Opening Caveat's own export reads the article again, and only the article: not its summary
pages, running heads, page numbers or the line Caveat wrote under the title."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from caveat.analysis.run import analyze
from caveat.document import Document
from caveat.export.pdf import export_pdf
from caveat.findings import Analysis, Finding, PipelineInfo
from caveat.gui.print_layout import render_print_job
from caveat.layers import layer_ids
from caveat.loaders import load_document
from caveat.loaders.pdf_marks import read_marks

# hyphens, dashes and slashes: a line may break right after them, with no space to restore
SENTENCE = (
    "the long-term plan would cost more than its backers—and Sen. Ford (R-SC)—said when the "
    "council first voted on it and several well-known members now want a second look at the "
    "so-called numbers before any work starts next spring or autumn/winter"
)
WORDS = SENTENCE.split(" ")


def flat(text: str) -> str:
    return " ".join(text.split())


def analysed_blocks(document: Document) -> list[str]:
    return [flat(document.text[b.start : b.end]) for b in document.blocks if b.analysed]


def some_findings(document: Document) -> Analysis:
    """One finding per paragraph's first word: enough to fill a summary page."""
    found = tuple(
        Finding(b.start, b.start + 4, "hedge", "hedging-adverb", "a finding")
        for b in document.blocks
        if b.analysed
    )
    return Analysis(
        {layer: found if layer == "hedge" else () for layer in layer_ids()},
        {"flesch_reading_ease": 50.0, "words": 400.0},
        {},
        PipelineInfo("rules"),
        words=400,
    )


@pytest.fixture
def long_article(tmp_path: Path) -> Path:
    """Several pages of paragraphs and headings, as a text file with no title of its own."""
    subjects = ["The council", "Its critics", "The mayor", "Residents", "The budget", "Nobody"]
    verbs = ["said", "argued", "wrote", "found", "claimed", "noted"]
    parts = []
    for n in range(12):
        parts.append(f"Part {n}: where {subjects[n % 6].lower()} stand")
        for p in range(3):
            opening = f"{subjects[(n + p) % 6]} {verbs[(n * 3 + p) % 6]} in week {n * 3 + p} that"
            filler = " ".join(WORDS[(n * 7 + p * 5 + k * 3) % len(WORDS)] for k in range(70))
            parts.append(f"{opening} {filler}.")
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return path


def test_reread_export_holds_the_articles_blocks_and_nothing_else(qapp, long_article, tmp_path):
    source = load_document(long_article)
    out = tmp_path / "long.caveat.pdf"
    pages = export_pdf(source, some_findings(source), out, renderer=render_print_job)
    assert pages >= 4
    again = load_document(out)
    assert analysed_blocks(again) == analysed_blocks(source)
    assert "What Caveat found" not in again.text
    assert "annotated by Caveat" not in again.text
    assert again.title == "long.txt"


def test_export_marks_its_summary_and_article_pages(qapp, long_article, tmp_path):
    source = load_document(long_article)
    out = tmp_path / "long.caveat.pdf"
    export_pdf(source, some_findings(source), out, renderer=render_print_job)
    marks = read_marks(out.read_bytes())
    pages = len(PdfReader(out).pages)
    assert set(marks) == set(range(pages))
    summary = [i for i, m in marks.items() if m.summary]
    assert summary and summary == list(range(min(summary), pages))
    first = marks[0]
    assert first.body is not None and len(first.added) == 2  # the title it made, the line under


def test_pdf_input_export_rereads_without_its_summary(qapp, long_article, tmp_path):
    printed = tmp_path / "printed.pdf"
    from caveat.export.printjob import article_job

    render_print_job(article_job(load_document(long_article)), printed)
    original = load_document(printed)
    out = tmp_path / "printed.caveat.pdf"
    export_pdf(original, some_findings(original), out, renderer=render_print_job)
    assert analysed_blocks(load_document(out)) == analysed_blocks(original)


def test_marks_of_an_unreadable_or_foreign_pdf_are_none(tmp_path):
    assert read_marks(b"%PDF-1.4\nnot really") == {}


@pytest.mark.slow
def test_analysing_the_export_finds_what_analysing_the_source_found(
    qapp, syria_article, tmp_path, capsys
):
    from caveat.cli import main

    out = tmp_path / "syria.pdf"
    assert main(["export", str(syria_article), "-o", str(out)]) == 0
    capsys.readouterr()

    def found(path: Path) -> list[tuple[str, str, str]]:
        assert main(["analyze", str(path), "--json"]) == 0
        data = json.loads(capsys.readouterr().out)
        return [(f["layer"], f["rule"], flat(f["text"])) for f in data["findings"]]

    source = found(syria_article)
    assert [layer for layer, _r, _t in source].count("hedge") == 9
    assert found(out) == source


def test_analysis_of_reread_export_keeps_paragraph_boundaries(qapp, tmp_path):
    """A heading between paragraphs stays its own block (it ran into the paragraphs before)."""
    text = (
        "# A title\n\nThe first paragraph ends with a full stop. \n\n## A heading\n\n"
        "The second paragraph follows it.\n"
    )
    path = tmp_path / "short.md"
    path.write_text(text, encoding="utf-8")
    source = load_document(path)
    out = tmp_path / "short.pdf"
    export_pdf(source, analyze(source, model="rules"), out, renderer=render_print_job)
    assert analysed_blocks(load_document(out)) == [
        "A title",
        "The first paragraph ends with a full stop.",
        "A heading",
        "The second paragraph follows it.",
    ]
