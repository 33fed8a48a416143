"""A PDF the user opened keeps its pages untouched and gains highlights at the right words
(no Qt: without a renderer the export has no summary pages)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from caveat.analysis.model import Analysis, Finding, PipelineInfo
from caveat.export.pdf import ExportError, export_pdf
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


def helvetica_pdf(pages: list[list[tuple[int, int, int, str]]]) -> bytes:
    """A small PDF of Helvetica text lines, written by hand (no renderer of ours involved)."""
    objects = [b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", b""]
    kids = []
    for lines in pages:
        ops = " ".join(f"BT /F1 {s} Tf {x} {y} Td ({t}) Tj ET" for x, y, s, t in lines).encode()
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(ops), ops))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 1 0 R >> >> /Contents %d 0 R >>" % len(objects)
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\n" % (len(objects) + 1, len(objects))
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


@pytest.fixture
def pdf_article(tmp_path: Path):
    path = tmp_path / "harbour.pdf"
    path.write_bytes(helvetica_pdf(LINES))
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
    assert sorted(str(a["/Contents"]) for _i, a in annots) == [f"why {n}" for n in range(4)]
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
        assert inside == flagged[str(annot["/Contents"])]
    assert {i for i, a in annots if str(a["/Contents"]) == "why 2"} == {1}
    lines = {str(a["/Contents"]): len(a["/QuadPoints"]) // 8 for _i, a in annots}
    assert lines == {"why 0": 1, "why 1": 1, "why 2": 1, "why 3": 2}


def test_pdf_changed_since_loading_is_refused(pdf_article, tmp_path):
    path, document, analysis = pdf_article
    changed = [[(72, 720, 18, "Something else entirely"), *LINES[0][1:]], LINES[1]]
    path.write_bytes(helvetica_pdf(changed))
    with pytest.raises(ExportError, match="changed since it was opened"):
        export_pdf(document, analysis, tmp_path / "out.pdf")
    assert not (tmp_path / "out.pdf").exists()


def test_pdf_export_refuses_to_overwrite_the_original(pdf_article):
    path, document, analysis = pdf_article
    original = path.read_bytes()
    with pytest.raises(ExportError, match="is the article itself"):
        export_pdf(document, analysis, path)
    assert path.read_bytes() == original
