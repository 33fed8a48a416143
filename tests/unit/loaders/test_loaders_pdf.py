"""PDF loading: text, blocks by layout, and an exact map back to pdfium's characters."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from pdf_builder import make_pdf

from caveat.cli import main
from caveat.document import BlockKind
from caveat.loaders import LoadError, load_document

ARTICLE = [
    [
        (72, 740, 9, "7"),
        (72, 720, 18, "Storm damage in Kelby"),
        (72, 690, 11, "The council estimated the damage at about 4.2 mil-"),
        (72, 676, 11, "lion pounds, and roughly 300 homes lost power"),
        (72, 662, 11, "overnight."),
        (72, 630, 11, "Insurers expect claims to rise by 15 percent, which"),
        (72, 616, 11, "could leave"),
    ],
    [
        (72, 720, 11, "small firms without cover for months."),
        (72, 690, 11, "Advertisement"),
        (72, 660, 11, "The harbour reopened on Friday."),
    ],
]


@pytest.fixture
def article_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "storm.pdf"
    path.write_bytes(make_pdf(ARTICLE, title="Kelby storm report"))
    return path


def _pdfium_chars(path: Path) -> list[pdfium.PdfTextPage]:
    pdf = pdfium.PdfDocument(path.read_bytes())
    return [pdf[i].get_textpage() for i in range(len(pdf))]


def test_pdf_origin_maps_every_character_to_the_same_pdfium_character(article_pdf):
    doc = load_document(article_pdf)
    origin = doc.pdf_origin
    assert origin is not None
    assert len(origin.page) == len(origin.char) == len(doc.text)
    textpages = _pdfium_chars(article_pdf)
    mapped = [i for i in range(len(doc.text)) if origin.char[i] >= 0]
    assert len(mapped) > 0.9 * len(doc.text)
    for i in mapped:
        code = pdfium_c.FPDFText_GetUnicode(textpages[origin.page[i]].raw, origin.char[i])
        assert chr(code) == doc.text[i], i


def test_pdf_inserted_separators_have_no_origin(article_pdf):
    doc = load_document(article_pdf)
    assert doc.pdf_origin is not None
    inserted = {doc.text[i] for i, c in enumerate(doc.pdf_origin.char) if c == -1}
    assert inserted == {"\n", " "}


def test_pdf_paragraphs_follow_line_spacing_and_run_over_page_breaks(article_pdf):
    doc = load_document(article_pdf)
    blocks = [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks]
    assert blocks == [
        (BlockKind.BOILERPLATE, "7"),
        (BlockKind.HEADING, "Storm damage in Kelby"),
        (
            BlockKind.PARAGRAPH,
            "The council estimated the damage at about 4.2 million pounds, "
            "and roughly 300 homes lost power overnight.",
        ),
        (
            BlockKind.PARAGRAPH,
            "Insurers expect claims to rise by 15 percent, which could leave "
            "small firms without cover for months.",
        ),
        (BlockKind.BOILERPLATE, "Advertisement"),
        (BlockKind.PARAGRAPH, "The harbour reopened on Friday."),
    ]


def test_pdf_hyphenated_word_maps_to_both_halves_on_the_page(article_pdf):
    doc = load_document(article_pdf)
    start = doc.text.index("million")
    assert doc.pdf_origin is not None
    chars = list(doc.pdf_origin.char[start : start + len("million")])
    assert all(c >= 0 for c in chars)
    assert chars[3] - chars[2] == 2  # the hyphen mark between "mil" and "lion" is skipped


def test_pdf_title_comes_from_metadata_then_first_heading(tmp_path, article_pdf):
    assert load_document(article_pdf).title == "Kelby storm report"
    untitled = tmp_path / "untitled.pdf"
    untitled.write_bytes(make_pdf(ARTICLE))
    assert load_document(untitled).title == "Storm damage in Kelby"


def test_pdf_running_headers_are_boilerplate(tmp_path):
    bodies = [
        "Floods closed the road.",
        "Boats stayed in port.",
        "Shops shut early.",
        "Power is back.",
    ]
    pages = [[(72, 760, 9, "The Kelby Ledger"), (72, 700, 11, body)] for body in bodies]
    path = tmp_path / "running.pdf"
    path.write_bytes(make_pdf(pages))
    doc = load_document(path)
    kinds = {doc.text[b.start : b.end]: b.kind for b in doc.blocks}
    assert kinds["The Kelby Ledger"] is BlockKind.BOILERPLATE
    assert kinds["Shops shut early."] is BlockKind.PARAGRAPH


def test_pdf_named_txt_is_read_as_pdf(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(make_pdf(ARTICLE))
    doc = load_document(path)
    assert doc.format == "pdf"
    assert "roughly 300 homes" in doc.text


def _encrypted(user_password: str) -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(make_pdf(ARTICLE))))
    # RC4 needs no extra crypto package; what matters here is that the file is encrypted.
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_pdf_with_an_empty_user_password_opens_like_any_viewer_would(tmp_path):
    path = tmp_path / "owner-only.pdf"
    path.write_bytes(_encrypted(""))
    assert "roughly 300 homes" in load_document(path).text


def _scanned() -> bytes:
    return make_pdf([[]])


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (lambda: _encrypted("secret"), "password-protected"),
        (lambda: make_pdf(ARTICLE)[:300], "damaged PDF"),
        (lambda: b"%PDF-1.7\n" + bytes(range(256)) * 4, "damaged PDF"),
        (_scanned, "no text layer"),
        (lambda: b"This is only text, renamed.", "not a valid PDF"),
    ],
    ids=["encrypted", "truncated", "garbage", "no-text", "not-a-pdf"],
)
def test_bad_pdf_is_one_clear_line_from_the_loader_and_the_cli(tmp_path, capsys, content, reason):
    path = tmp_path / "bad.pdf"
    path.write_bytes(content())
    with pytest.raises(LoadError, match=reason):
        load_document(path)
    before = sorted(tmp_path.iterdir())
    assert main(["analyze", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert str(path) in err and reason in err
    assert sorted(tmp_path.iterdir()) == before


def test_pdf_larger_text_that_runs_on_is_body_text_not_headings(tmp_path):
    article = [
        (72, 700 - 14 * i, 11, f"Line {i} of an article set in eleven point type.")
        for i in range(8)
    ]
    notes = [
        (72, 700 - 12 * i, 9, f"Note {i}: smaller type that holds more of the text in all.")
        for i in range(12)
    ]
    path = tmp_path / "mixed.pdf"
    path.write_bytes(make_pdf([[(72, 740, 20, "A real heading"), *article], notes]))
    document = load_document(path)
    headings = [
        document.text[b.start : b.end] for b in document.blocks if b.kind.value == "heading"
    ]
    assert headings == ["A real heading"]


def test_pdf_line_spacing_is_judged_per_font_size(tmp_path):
    # an article in 11 pt at 16 pt spacing, then notes in 9 pt at 10 pt spacing (more of them)
    article = [
        (72, 700 - 16 * i, 11, f"article line {i} runs on in the same paragraph") for i in range(4)
    ]
    notes = [(72, 500 - 10 * i, 9, f"note {i}") for i in range(30)]
    path = tmp_path / "spacing.pdf"
    path.write_bytes(make_pdf([article + notes]))
    document = load_document(path)
    first = document.blocks[0]
    assert document.text[first.start : first.end].count("article line") == 4
