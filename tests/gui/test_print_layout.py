"""The annotated PDF of a text article and of a real PDF, read back with tools nobody here wrote:
qpdf, pypdf, pdfium and poppler's pdftoppm."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, NameObject

from caveat.document import Block, Document
from caveat.export.locate import expected_chars, locate
from caveat.export.pdf import export_pdf
from caveat.export.printjob import article_job
from caveat.findings import Analysis, Finding, PipelineInfo
from caveat.gui.print_layout import render_print_job
from caveat.layers import all_layers, get_layer, layer_ids
from caveat.loaders import load_document
from caveat.reference import standing

# phrases of the bundled sample, one finding each; "about" occurs twice, 80 percent crosses a line
SAMPLE_FLAGS = [
    ("hedge", "about 6,000"),
    ("number", "7,412"),
    ("hedge", "Some say"),
    ("number", "$58,000 a year"),
    ("number", "14,000 tonnes"),
    ("speculation", "could be leaking cobalt into the river"),
    ("hedge", "seems to think"),
    ("speculation", "he is probably looking for a bigger office in the state capital"),
    ("speculation", "Demand for recycled metals will double by 2030"),
    ("number", "80 percent"),
    ("hedge", "may one day"),
]
TRICKY_TEXT = (
    "# Ligatures, accents and marks\n\n"
    "The official office staff “were efficient”, said Zoë Müller—roughly 40 % of them. "
    "Fluffy soufflé at the café in Zürich cost about €12; ΑΒΓ δέλτα and ﬁne print… "
    "An emoji 🙂 and a CJK word 中文 sit in the middle of this sentence.\n\n"
    "A final paragraph, long enough to wrap onto a second line so that line breaks are "
    "crossed by the flagged words we look for here.\n"
)


def analysis_of(document: Document, flags: list[tuple[str, str]]) -> Analysis:
    """An Analysis by hand (the first occurrence of each phrase), each message unique."""
    found: dict[str, list[Finding]] = {layer: [] for layer in layer_ids()}
    for n, (layer, phrase) in enumerate(flags):
        start = document.text.index(phrase)
        message = f"finding {n}: {phrase!r} is flagged"
        found[layer].append(Finding(start, start + len(phrase), layer, f"rule-{layer}", message))
    return Analysis(
        findings={layer: tuple(sorted(f)) for layer, f in found.items()},
        metrics={"flesch_reading_ease": 61.2, "flesch_kincaid_grade": 9.4, "words": 390.0},
        block_metrics={},
        pipeline=PipelineInfo("rules", "", "Rule-based fallback: reduced accuracy."),
        words=390,
    )


def words(text: str) -> str:
    return " ".join(text.split())


def highlights(path: Path) -> list[tuple[int, dict]]:
    """(page index, annotation dictionary) of every /Highlight, as pypdf reads them."""
    reader = PdfReader(path)
    return [
        (i, annot.get_object())
        for i, page in enumerate(reader.pages)
        for annot in page.get("/Annots", [])
        if annot.get_object()["/Subtype"] == "/Highlight"
    ]


def quad_lines(annot: dict) -> list[tuple[float, float, float, float]]:
    """Each line's (left, bottom, right, top), from the quads (upper-left, upper-right, ...)."""
    q = [float(v) for v in annot["/QuadPoints"]]
    return [(q[i], q[i + 5], q[i + 2], q[i + 1]) for i in range(0, len(q), 8)]


def text_inside(text: pdfium.PdfTextPage, line: tuple[float, float, float, float]) -> str:
    """The words pdfium finds in a highlighted line. The box ends where the next letter starts,
    and pdfium takes any letter touching the box, so look a point inside the edges."""
    left, bottom, right, top = line
    return words(text.get_text_bounded(left + 1, bottom + 1, right - 1, top - 1))


@pytest.fixture
def sample(qapp, bundled_sample: Path):
    document = load_document(bundled_sample)
    return document, analysis_of(document, SAMPLE_FLAGS)


@pytest.fixture
def sample_pdf(sample, tmp_path: Path) -> Path:
    document, analysis = sample
    out = tmp_path / "sample.caveat.pdf"
    export_pdf(document, analysis, out, renderer=render_print_job)
    return out


def markdown_document(text: str, path: Path) -> Document:
    path.write_text(text, encoding="utf-8")
    return load_document(path)


@pytest.mark.parametrize("source", ["bundled", "tricky"])
def test_rendered_article_maps_every_printed_character_to_itself(
    qapp, source, bundled_sample, tmp_path
):
    document = (
        load_document(bundled_sample)
        if source == "bundled"
        else markdown_document(TRICKY_TEXT, tmp_path / "tricky.md")
    )
    job = article_job(document)
    frame = render_print_job(job, tmp_path / "a.pdf")
    pdf = pdfium.PdfDocument(tmp_path / "a.pdf")
    origin = locate(pdf, job, frame, len(document.text))
    _chars, offsets = expected_chars(job)
    printed = {o for o in offsets if o >= 0}
    misplaced = []
    for offset in sorted(printed):
        page, index = origin.page[offset], origin.char[offset]
        text = pdf[page].get_textpage() if index >= 0 else None
        got = chr(pdfium_c.FPDFText_GetUnicode(text, index)) if text else None
        # a ligature character ("ﬁ") is drawn as its letters: it maps to the first of them
        char = document.text[offset]
        if got not in (char, unicodedata.normalize("NFKC", char)[0]):
            misplaced.append((offset, document.text[offset], got))
    # the emoji has no glyph in the test fonts: pdfium reads it back as a control code
    assert [m for m in misplaced if m[1] != "🙂"] == []


def test_export_of_the_sample_passes_qpdf_check(sample_pdf):
    result = subprocess.run(["qpdf", "--check", sample_pdf], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors" in result.stdout


def test_pypdf_reads_one_printable_highlight_per_finding_with_its_explanation(sample, sample_pdf):
    _document, analysis = sample
    annots = highlights(sample_pdf)
    by_message = {str(a["/Contents"]).split("\n")[0]: a for _page, a in annots}
    assert len(annots) == len(SAMPLE_FLAGS)
    for finding in analysis.all_findings():
        annot = by_message[finding.message]
        layer = get_layer(finding.layer)
        assert str(annot["/T"]) == layer.title
        assert str(annot["/Subj"]) == f"{layer.title}: {finding.rule}"
        assert int(annot["/F"]) & 4, "the Print flag"
        assert annot["/AP"]["/N"].get_object().get_data()
        assert str(annot["/OC"].get_object()["/Name"]) == layer.title


def test_pdfium_reads_the_same_highlights(sample, sample_pdf):
    from caveat.export.annotate import note

    _document, analysis = sample
    pdf = pdfium.PdfDocument(sample_pdf)
    contents = []
    buffer = (pdfium_c.FPDF_WCHAR * 1024)()
    for page in pdf:
        for i in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
            annot = pdfium_c.FPDFPage_GetAnnot(page.raw, i)
            assert pdfium_c.FPDFAnnot_GetSubtype(annot) == pdfium_c.FPDF_ANNOT_HIGHLIGHT
            size = pdfium_c.FPDFAnnot_GetStringValue(annot, b"Contents", buffer, 2048)
            contents.append(bytes(buffer)[: size - 2].decode("utf-16-le"))
            pdfium_c.FPDFPage_CloseAnnot(annot)
    assert sorted(contents) == sorted(note(f) for f in analysis.all_findings())


def test_highlight_rectangles_hold_exactly_the_flagged_words(sample, sample_pdf):
    document, analysis = sample
    flagged = {f.message: words(document.text[f.start : f.end]) for f in analysis.all_findings()}
    pdf = pdfium.PdfDocument(sample_pdf)
    crossed_a_line = 0
    for page_index, annot in highlights(sample_pdf):
        text = pdf[page_index].get_textpage()
        lines = quad_lines(annot)
        crossed_a_line += len(lines) > 1
        inside = " ".join(text_inside(text, line) for line in lines)
        assert inside == flagged[str(annot["/Contents"]).split("\n")[0]]
    assert crossed_a_line >= 1, "some finding of the sample should wrap onto a second line"


def test_layers_are_optional_content_groups_named_after_them(sample_pdf):
    root = PdfReader(sample_pdf).trailer["/Root"]
    properties = root["/OCProperties"]
    names = [str(g.get_object()["/Name"]) for g in properties["/OCGs"]]
    assert names == [layer.title for layer in all_layers()]
    assert len(properties["/D"]["/ON"]) == 3


def _ppm_pixel(path: Path, x: int, y: int) -> tuple[int, int, int]:
    data = path.read_bytes()
    header = data.split(b"\n", 3)  # P6, width height, maxval, pixels
    width = int(header[1].split()[0])
    pixels = header[3]
    i = 3 * (y * width + x)
    return pixels[i], pixels[i + 1], pixels[i + 2]


def test_pdftoppm_renders_every_page_with_the_highlights_in_colour(sample, sample_pdf, tmp_path):
    assert shutil.which("pdftoppm"), "poppler-utils must be installed"
    result = subprocess.run(
        ["pdftoppm", "-r", "72", sample_pdf, tmp_path / "page"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    pages = sorted(tmp_path.glob("page-*.ppm"))
    assert len(pages) == len(PdfReader(sample_pdf).pages)
    page_index, annot = highlights(sample_pdf)[0]
    left, bottom, right, top = quad_lines(annot)[0]
    height = float(PdfReader(sample_pdf).pages[page_index].mediabox.top)
    # a point in the highlight, between two letters' strokes is not guaranteed: take the
    # top edge of the box, above the letters, where only the tint is drawn
    r, g, b = _ppm_pixel(pages[page_index], int((left + right) / 2), int(height - top + 1.5))
    assert (r, g, b) != (255, 255, 255) and max(r, g, b) > 150, "a light tint, not white or ink"


def test_switching_a_layer_off_hides_its_highlights_in_poppler(sample, sample_pdf, tmp_path):
    writer = PdfWriter(clone_from=PdfReader(sample_pdf))
    default = writer._root_object["/OCProperties"]["/D"]
    hedges = [g for g in default["/ON"] if str(g.get_object()["/Name"]) == "Hedges"]
    default[NameObject("/ON")] = ArrayObject(g for g in default["/ON"] if g not in hedges)
    default[NameObject("/OFF")] = ArrayObject(hedges)
    switched = tmp_path / "no-hedges.pdf"
    writer.write(switched)
    page_index, annot = next((p, a) for p, a in highlights(sample_pdf) if a["/T"] == "Hedges")
    left, _bottom, right, top = quad_lines(annot)[0]
    height = float(PdfReader(sample_pdf).pages[page_index].mediabox.top)
    colours = []
    for pdf in (sample_pdf, switched):
        stem = tmp_path / pdf.stem
        subprocess.run(["pdftoppm", "-r", "72", "-f", "1", "-l", "1", pdf, stem], check=True)
        ppm = next(tmp_path.glob(f"{pdf.stem}-*.ppm"))
        colours.append(_ppm_pixel(ppm, int((left + right) / 2), int(height - top + 1.5)))
    assert colours[0] != (255, 255, 255)
    assert colours[1] == (255, 255, 255)


def test_summary_page_lists_legend_metrics_and_findings_with_pages(sample, sample_pdf):
    _document, analysis = sample
    pdf = pdfium.PdfDocument(sample_pdf)
    summary = "".join(pdf[i].get_textpage().get_text_range() for i in range(1, len(pdf)))
    flat = words(summary).replace("- ", "-")  # a line may break after "high-"
    for layer in all_layers():
        assert layer.title in flat
        assert words(layer.description) in flat
    assert "Flesch reading ease" in flat and "higher is easier" in flat
    assert "grade 9: a US high-school freshman can read it" in flat
    for layer in analysis.layers:  # compared with typical news, as in the side panel
        compared = standing(layer, analysis.per_100_words(layer))
        assert compared is not None and words(compared.comparison()[1:]) in flat
    assert flat.count("p. 1 ") + flat.count("p. 2 ") == len(analysis.all_findings())
    reader = PdfReader(sample_pdf)
    assert [item["/Title"] for item in reader.outline] == ["What Caveat found"]
    assert reader.get_destination_page_number(reader.outline[0]) == 1


def test_finding_across_a_page_break_gets_one_highlight_per_page(qapp, tmp_path):
    paragraph = "Word " * 900
    text = f"# Long\n\n{paragraph.strip()}\n"
    document = markdown_document(text, tmp_path / "long.md")
    finding = Finding(9, len(text) - 1, "speculation", "whole", "the whole paragraph")
    analysis = Analysis({"speculation": (finding,)}, {}, {}, PipelineInfo("rules"), words=901)
    out = tmp_path / "long.pdf"
    export_pdf(document, analysis, out, layers=["speculation"], renderer=render_print_job)
    annots = highlights(out)
    assert [page for page, _a in annots] == [0, 1]
    assert {str(a["/Contents"]).split("\n")[0] for _p, a in annots} == {"the whole paragraph"}


def test_pdf_input_gets_highlights_on_its_own_untouched_pages(qapp, bundled_sample, tmp_path):
    original = tmp_path / "article.pdf"
    render_print_job(article_job(load_document(bundled_sample)), original)
    document = load_document(original)
    assert document.format == "pdf" and document.pdf_origin is not None
    analysis = analysis_of(document, SAMPLE_FLAGS)
    out = tmp_path / "article.caveat.pdf"
    pages = export_pdf(document, analysis, out, renderer=render_print_job)

    before, after = PdfReader(original), PdfReader(out)
    assert pages == len(after.pages) > len(before.pages)
    for old, new in zip(before.pages, after.pages, strict=False):
        assert new.get_contents().get_data() == old.get_contents().get_data()
    assert subprocess.run(["qpdf", "--check", out], capture_output=True).returncode == 0
    flagged = {f.message: words(document.text[f.start : f.end]) for f in analysis.all_findings()}
    pdf = pdfium.PdfDocument(out)
    annots = highlights(out)
    assert len(annots) == len(SAMPLE_FLAGS)
    for page_index, annot in annots:
        text = pdf[page_index].get_textpage()
        inside = " ".join(text_inside(text, line) for line in quad_lines(annot))
        assert inside == flagged[str(annot["/Contents"]).split("\n")[0]]


def test_article_without_a_title_heading_gets_one_from_its_name(qapp, tmp_path):
    document = Document("Just one paragraph here.", (Block(0, 24),), "txt", tmp_path / "x.txt")
    job = article_job(document)
    assert job.blocks[0].text == "x.txt"
    frame = render_print_job(job, tmp_path / "x.pdf")
    origin = locate(pdfium.PdfDocument(tmp_path / "x.pdf"), job, frame, len(document.text))
    assert all(origin.char[i] >= 0 for i, c in enumerate(document.text) if not c.isspace())


def test_headings_stay_with_their_text_and_no_text_is_lost(qapp, tmp_path):
    sections = [
        f"## Section {n}\n\n"
        + "\n\n".join(f"Paragraph {n}.{p} " + "text " * (25 + 7 * n % 40) for p in range(2 + n % 3))
        for n in range(40)
    ]
    document = markdown_document("# Many headings\n\n" + "\n\n".join(sections), tmp_path / "h.md")
    job = article_job(document)
    frame = render_print_job(job, tmp_path / "h.pdf")
    origin = locate(pdfium.PdfDocument(tmp_path / "h.pdf"), job, frame, len(document.text))
    _chars, offsets = expected_chars(job)
    assert all(origin.char[o] >= 0 for o in offsets if o >= 0), "every printed letter is found"
    for n in range(40):
        heading = document.text.index(f"Section {n}\n")
        text = document.text.index(f"Paragraph {n}.0")
        assert origin.page[heading] == origin.page[text], f"Section {n} ends a page"


def test_summary_wraps_long_findings_instead_of_cutting_them(qapp, bundled_sample, tmp_path):
    document = load_document(bundled_sample)
    sentence = "Demand for recycled metals will double by 2030, and the plant will have to grow"
    start = document.text.index(sentence)
    tail = "and this reason ends in the word wrapped-to-the-end"
    message = "a long reason that cannot fit on one line of the summary page " * 2 + tail
    finding = Finding(start, start + len(sentence), "speculation", "prediction", message)
    analysis = Analysis(
        findings={"speculation": (finding,)},
        metrics={"words": 390.0},
        block_metrics={},
        pipeline=PipelineInfo("rules"),
        words=390,
        layers=("speculation",),
    )
    out = tmp_path / "long.pdf"
    pages = export_pdf(document, analysis, out, layers=("speculation",), renderer=render_print_job)
    page = pdfium.PdfDocument(out)[pages - 1]
    text = page.get_textpage()
    found = text.get_text_range().find("wrapped-to-the-end")
    assert found >= 0
    # every letter of the reason's last word lies on the page (a cut line runs off its edge)
    right_edges = [text.get_charbox(found + i)[2] for i in range(len("wrapped-to-the-end"))]
    assert max(right_edges) < page.get_width()
