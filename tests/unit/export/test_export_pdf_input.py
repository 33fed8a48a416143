"""A PDF the user opened keeps its pages untouched and gains highlights at the right words
(no Qt: without a renderer the export has no summary pages)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pdf_builder import make_pdf
from pypdf import PdfReader

from caveat.export.pdf import ExportError, export_pdf
from caveat.findings import Analysis, Finding, PipelineInfo
from caveat.loaders import load_document

LINES = [
    [
        (72, 720, 18, "Harbour figures"),
        (72, 690, 11, "Officials said about 3,800 people left"),
        (72, 676, 11, "the island, and the port will likely close by May."),
    ],
    [(72, 720, 11, "Perhaps 40 percent of the boats never came back.")],
]
FLAGS = [
    ("hedge", "about 3,800"),
    ("speculation", "will likely close by May"),
    ("number", "40 percent"),
    ("hedge", "3,800 people left the island"),  # crosses a line break
]


@pytest.fixture
def pdf_article(tmp_path: Path):
    path = tmp_path / "harbour.pdf"
    path.write_bytes(make_pdf(LINES))
    document = load_document(path)
    found: dict[str, list[Finding]] = {"hedge": [], "number": [], "speculation": []}
    for n, (layer, phrase) in enumerate(FLAGS):
        start = document.text.index(phrase)
        found[layer].append(Finding(start, start + len(phrase), layer, "r", f"why {n}"))
    analysis = Analysis(
        {k: tuple(sorted(v)) for k, v in found.items()}, {}, {}, PipelineInfo("rules"), words=30
    )
    return path, document, analysis


def test_pdf_input_keeps_its_pages_and_gains_one_highlight_per_finding(pdf_article, tmp_path):
    path, document, analysis = pdf_article
    out = tmp_path / "harbour.caveat.pdf"
    assert export_pdf(document, analysis, out) == 2
    assert subprocess.run(["qpdf", "--check", out], capture_output=True).returncode == 0
    before, after = PdfReader(path), PdfReader(out)
    for old, new in zip(before.pages, after.pages, strict=True):
        assert new.get_contents().get_data() == old.get_contents().get_data()
    annots = [
        (i, a.get_object()) for i, page in enumerate(after.pages) for a in page.get("/Annots", [])
    ]
    assert sorted(str(a["/Contents"]).split("\n")[0] for _i, a in annots) == [
        f"why {n}" for n in range(4)
    ]
    pdf = pdfium.PdfDocument(out)
    flagged = {f.message: " ".join(document.text[f.start : f.end].split()) for f in analysis}
    for page_index, annot in annots:
        q = [float(v) for v in annot["/QuadPoints"]]
        text = pdf[page_index].get_textpage()
        inside = " ".join(
            " ".join(
                text.get_text_bounded(q[i] + 1, q[i + 5] + 1, q[i + 2] - 1, q[i + 1] - 1).split()
            )
            for i in range(0, len(q), 8)
        )
        assert inside == flagged[str(annot["/Contents"]).split("\n")[0]]
    assert {i for i, a in annots if str(a["/Contents"]).split("\n")[0] == "why 2"} == {1}
    lines = {str(a["/Contents"]).split("\n")[0]: len(a["/QuadPoints"]) // 8 for _i, a in annots}
    assert lines == {"why 0": 1, "why 1": 1, "why 2": 1, "why 3": 2}


def test_pdf_changed_since_loading_is_refused(pdf_article, tmp_path):
    path, document, analysis = pdf_article
    changed = [[(72, 720, 18, "Something else entirely"), *LINES[0][1:]], LINES[1]]
    path.write_bytes(make_pdf(changed))
    with pytest.raises(ExportError, match="changed since it was opened"):
        export_pdf(document, analysis, tmp_path / "out.pdf")
    assert not (tmp_path / "out.pdf").exists()


def test_pdf_export_refuses_to_overwrite_the_original(pdf_article):
    path, document, analysis = pdf_article
    original = path.read_bytes()
    with pytest.raises(ExportError, match="is the article itself"):
        export_pdf(document, analysis, path)
    assert path.read_bytes() == original


def test_the_note_says_how_sure_caveat_is():
    from caveat.export.annotate import note
    from caveat.findings import Finding

    text = note(Finding(0, 5, "hedge", "epistemic-modal", "'may' hedges the claim", 1.0))
    assert text == "'may' hedges the claim\nConfidence: sure (100%)"
