"""Exporting PDFs that are damaged, encrypted or unusual: every one exports, every page renders
as before (annotations hidden), `qpdf --check` is no worse, and the original bytes are kept.

No Qt here: the summary pages come from a stand-in renderer that writes a small PDF.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from odd_pdfs import ODD_PDFS, many_annotations
from pdf_builder import make_pdf
from pypdf import PdfReader

from caveat.document import Document
from caveat.export.pdf import SUMMARY_BOOKMARK, export_pdf
from caveat.export.printjob import PageFrame, PrintJob
from caveat.findings import Analysis, Finding, PipelineInfo
from caveat.loaders import load_document

FLAGS = [("hedge", "about 3,800"), ("hedge", "likely"), ("number", "40 percent")]
#: qpdf --check's exit codes from best to worst: fine, warnings, errors
QPDF_SEVERITY = {0: 0, 3: 1, 2: 2}


def summary_renderer(job: PrintJob, path: Path) -> PageFrame:
    """Stands in for the Qt renderer: one page with the summary's title."""
    path.write_bytes(make_pdf([[(72, 720, 18, job.title[:60])]]))
    return PageFrame(72, 72, 540, 720)


def analysis_of(document: Document) -> Analysis:
    found: dict[str, list[Finding]] = {"hedge": [], "number": [], "speculation": []}
    for n, (layer, phrase) in enumerate(FLAGS):
        start = document.text.index(phrase)
        found[layer].append(Finding(start, start + len(phrase), layer, "rule", f"why {n}"))
    return Analysis({k: tuple(v) for k, v in found.items()}, {}, {}, PipelineInfo("rules"))


def qpdf_severity(path: Path) -> int:
    return QPDF_SEVERITY[subprocess.run(["qpdf", "--check", path], capture_output=True).returncode]


def renders(path: Path, folder: Path, pages: int) -> list[bytes]:
    """Each of the first `pages` pages drawn by poppler without annotations, as PPM bytes."""
    stem = folder / path.stem
    subprocess.run(
        ["pdftoppm", "-hide-annotations", "-r", "40", "-l", str(pages), path, stem],
        check=True,
        capture_output=True,
    )
    return [p.read_bytes() for p in sorted(folder.glob(f"{path.stem}-*.ppm"))]


def highlights(path: Path) -> list[str]:
    reader = PdfReader(path)
    if reader.is_encrypted:
        assert reader.decrypt("")
    return sorted(
        str(a.get_object()["/Contents"]).split("\n")[0]
        for page in reader.pages
        for a in page.get("/Annots", [])
        if a.get_object()["/Subtype"] == "/Highlight"
    )


@pytest.mark.parametrize("name", list(ODD_PDFS))
def test_odd_pdf_exports_with_pages_unchanged_and_qpdf_no_worse(name, tmp_path):
    source = tmp_path / f"{name}.pdf"
    source.write_bytes(ODD_PDFS[name]())
    document = load_document(source)
    out = tmp_path / "out.pdf"
    pages = export_pdf(document, analysis_of(document), out, renderer=summary_renderer)
    assert pages == 2  # the article's page and the summary
    data = out.read_bytes()
    assert data.startswith(source.read_bytes()), "the original bytes come first, unchanged"
    assert qpdf_severity(out) <= qpdf_severity(source)
    (tmp_path / "in").mkdir()
    (tmp_path / "out").mkdir()
    assert renders(source, tmp_path / "in", 1) == renders(out, tmp_path / "out", 1)
    assert highlights(out) == ["why 0", "why 1", "why 2"]


def test_nul_byte_between_colour_space_tokens_is_kept_as_written(tmp_path):
    source = tmp_path / "indexed.pdf"
    source.write_bytes(ODD_PDFS["indexed-nul-colour-space"]())
    document = load_document(source)
    out = tmp_path / "out.pdf"
    export_pdf(document, analysis_of(document), out, renderer=summary_renderer)
    assert b"/DeviceRGB#00" not in out.read_bytes()
    # the image's colours are on the exported page (red at its top left quarter)
    pixels = pdfium.PdfDocument(out)[0].render(scale=1, rev_byteorder=True).to_numpy()
    assert tuple(pixels[792 - 520, 350][:3]) == (220, 30, 30)


def test_summary_gets_a_bookmark_but_a_looping_outline_is_left_alone(tmp_path):
    for name, expected in [("plain", [SUMMARY_BOOKMARK]), ("outline-cycle", None)]:
        source = tmp_path / f"{name}.pdf"
        source.write_bytes(ODD_PDFS[name]())
        document = load_document(source)
        out = tmp_path / f"{name}.out.pdf"
        export_pdf(document, analysis_of(document), out, renderer=summary_renderer)
        reader = PdfReader(out)
        outline = reader.trailer["/Root"]["/Outlines"]
        first = outline["/First"].get_object()
        if expected is None:  # the loop is still there, untouched: One -> Two -> One
            assert str(first["/Title"]) == "One"
            second = first["/Next"].get_object()
            assert second["/Next"].get_object() is first
        else:
            assert [str(first["/Title"])] == expected
            assert reader.outline[0].title == SUMMARY_BOOKMARK
            assert reader.get_destination_page_number(reader.outline[0]) == 1


def test_encrypted_pdf_stays_encrypted_and_its_new_objects_too(tmp_path):
    source = tmp_path / "aes.pdf"
    source.write_bytes(ODD_PDFS["aes-256-r6-owner-password-only"]())
    document = load_document(source)
    out = tmp_path / "out.pdf"
    export_pdf(document, analysis_of(document), out, renderer=summary_renderer)
    assert b"why 0" not in out.read_bytes(), "the notes are encrypted like the rest"
    reader = PdfReader(out)
    assert reader.is_encrypted and reader.decrypt("")
    assert "Harbour figures" in reader.pages[0].extract_text()


def test_pdf_with_32768_annotations_exports_without_reading_them_all(tmp_path):
    source = tmp_path / "annots.pdf"
    source.write_bytes(many_annotations(32_768))
    document = load_document(source)
    analysis = analysis_of(document)
    started = time.perf_counter()
    PdfReader(source).pages[0].get("/Annots")  # the baseline: reading the file and its page
    baseline = time.perf_counter() - started
    out = tmp_path / "out.pdf"
    started = time.perf_counter()
    export_pdf(document, analysis, out, renderer=summary_renderer)
    elapsed = time.perf_counter() - started
    update = out.read_bytes()[source.stat().st_size :]
    assert update.count(b" obj\n") < 30, "only the changed and new objects are written"
    # measured: about 2x the baseline (a full rewrite, as before, took 30x)
    assert elapsed < 8 * baseline + 1.0, (elapsed, baseline)
    assert len(PdfReader(out).pages[0]["/Annots"]) == 32_768 + 3
