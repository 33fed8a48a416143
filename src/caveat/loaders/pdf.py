"""PDF: the text layer read with pdfium, cut into headings and paragraphs by layout.

Every character keeps where it came from (page and pdfium text-page index, in
`Document.pdf_origin`), so an export can put its annotations on the user's own pages. Lines are
joined with an inserted space (origin -1); a word pdfium marks as hyphenated across a line break
is joined and its hyphen left out, so "possi-/bly" reads "possibly" and still maps exactly.
"""

from __future__ import annotations

import ctypes
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from caveat.document import BlockKind, Document
from caveat.loaders.boilerplate import is_boilerplate
from caveat.loaders.builder import TextBuilder
from caveat.loaders.errors import LoadError
from caveat.loaders.pdf_marks import ANNOTATED, PageMarks, read_marks

_LINE_END = {0x0A, 0x0D}
_SPACES = frozenset(code for code in range(0x3001) if chr(code).isspace())  # U+3000 is the last
_HYPHEN_MARK = 0x02  # pdfium's stand-in for a hyphen that splits a word across lines
_HEADING_SIZE_RATIO = 1.15  # a line this much larger than body text is a heading
# ...unless that size carries this share of the body size's text: then it is body text too (an
# article in 11 pt followed by notes in 9.5 pt, where the notes hold more text than the article).
_BODY_SHARE = 0.25
_PARAGRAPH_PITCH_RATIO = 1.4  # a line spacing this much wider than usual starts a paragraph
_RUNNING_LINE_MAX_CHARS = 100
_SIZE_SAMPLES = 12
_DIGITS = re.compile(r"\d+")
_SENTENCE_END = tuple('.!?:;"”’)')


@dataclass
class _Line:
    page: int
    text: list[str] = field(default_factory=list)
    chars: list[int] = field(default_factory=list)
    baseline: float = 0.0  # of the first character
    last_baseline: float = 0.0  # of the last: differs when pdfium joined a hyphenated word
    left: float = 0.0
    size: float = 0.0
    heading_level: int = 0
    running: bool = False  # a running header or footer repeated across pages

    def string(self) -> str:
        return "".join(self.text)


def _open(path: Path, data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise LoadError(path, "the PDF is password-protected") from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise LoadError(path, "the PDF is encrypted in a way Caveat cannot open") from None
        raise LoadError(path, "damaged PDF, or not a PDF at all") from None


_X, _Y = ctypes.c_double(), ctypes.c_double()  # reused: made anew, they cost more than the call


def _origin(textpage: pdfium.PdfTextPage, index: int) -> tuple[float, float]:
    """Where the character sits on its baseline, in PDF points."""
    pdfium_c.FPDFText_GetCharOrigin(textpage.raw, index, _X, _Y)
    return _X.value, _Y.value


def _finish(line: _Line, textpage: pdfium.PdfTextPage) -> _Line | None:
    """Trim a line's outer spaces and measure it; None when nothing is left."""
    while line.text and line.text[-1].isspace():
        del line.text[-1], line.chars[-1]
    while line.text and line.text[0].isspace():
        del line.text[0], line.chars[0]
    if not line.text:
        return None
    line.left, line.baseline = _origin(textpage, line.chars[0])
    line.last_baseline = _origin(textpage, line.chars[-1])[1]
    # A sample of its characters is enough for a line's usual size, and much cheaper.
    # Letters only: pdfium's generated spaces report a size of 1.
    step = max(1, len(line.chars) // _SIZE_SAMPLES)
    text = line.text
    sample = [line.chars[k] for k in range(0, len(text), step) if not text[k].isspace()]
    sizes = Counter(round(pdfium_c.FPDFText_GetFontSize(textpage.raw, i), 1) for i in sample)
    line.size = sizes.most_common(1)[0][0]
    return line


def _page_lines(
    textpage: pdfium.PdfTextPage, page: int, marks: PageMarks | None = None
) -> Iterator[_Line]:
    """The page's lines: where pdfium breaks them, and where a word starts back left and lower
    than the letter before (pdfium gives no break after a line that ends in a space, as Qt
    writes them: paragraphs and headings then ran together)."""
    line = _Line(page)
    after_space = False
    last = -1  # the last letter's index, while it is on the line being read
    for index in range(textpage.count_chars()):
        code = pdfium_c.FPDFText_GetUnicode(textpage.raw, index)
        if code in _LINE_END:
            if finished := _finish(line, textpage):
                yield finished
            line, after_space, last = _Line(page), False, -1
            continue
        if code == _HYPHEN_MARK:
            last = -1  # the word goes on at the start of the next line
            if marks is not None:
                code = ord("-")  # Qt never hyphenates: in Caveat's print, a real hyphen
        if code < 0x20 or code in (0xFFFE, 0xFFFF) or 0xD800 <= code <= 0xDFFF:
            continue  # hyphen marks and control codes are not text a reader sees
        space = code in _SPACES
        if not space:
            if marks is not None and not marks.keeps(*_origin(textpage, index)):
                continue  # Caveat's own running head, page number or title line
            if after_space and last >= 0:
                x0, y0 = _origin(textpage, last)
                x1, y1 = _origin(textpage, index)
                if x1 < x0 - 1 and y1 < y0 - 1:  # back to the left and lower: the next line
                    if finished := _finish(line, textpage):
                        yield finished
                    line = _Line(page)
            last = index
        line.text.append(chr(code))
        line.chars.append(index)
        after_space = space
    if finished := _finish(line, textpage):
        yield finished


def _read_lines(pdf: pdfium.PdfDocument, marks: dict[int, PageMarks]) -> list[_Line]:
    lines: list[_Line] = []
    for page_index in range(len(pdf)):
        page_marks = marks.get(page_index)
        if page_marks is not None and page_marks.summary:
            continue  # the summary Caveat added to its export: not the article
        page = pdf[page_index]
        textpage = page.get_textpage()
        try:
            lines.extend(_page_lines(textpage, page_index, page_marks))
        finally:
            textpage.close()
            page.close()
    return lines


def _mark_headings(lines: list[_Line]) -> float:
    """Set heading levels by font size (largest = 1); return the body text size."""
    weight: Counter[float] = Counter()
    for line in lines:
        weight[line.size] += len(line.text)
    body = weight.most_common(1)[0][0]
    larger = sorted(
        {
            ln.size
            for ln in lines
            if ln.size >= body * _HEADING_SIZE_RATIO
            and weight[ln.size] < _BODY_SHARE * weight[body]
        },
        reverse=True,
    )
    for line in lines:
        if line.size in larger and len(line.text) < 200:
            line.heading_level = min(larger.index(line.size) + 1, 6)
    return body


def _mark_running_lines(lines: list[_Line], pages: int) -> None:
    """Mark the page tops and bottoms that repeat on many pages (digits aside) as furniture."""
    if pages < 3:
        return
    by_page: dict[int, list[_Line]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    edges = [
        ln for page in by_page.values() for ln in {id(x): x for x in page[:2] + page[-2:]}.values()
    ]
    seen: Counter[str] = Counter(_DIGITS.sub("#", ln.string()) for ln in edges)
    for line in edges:
        if len(line.text) <= _RUNNING_LINE_MAX_CHARS and seen[
            _DIGITS.sub("#", line.string())
        ] >= max(3, 0.4 * pages):
            line.running = True


def _usual_pitches(lines: list[_Line]) -> dict[float, float]:
    """The usual distance between baselines inside a paragraph, for each font size.

    The lower quartile of the steps down a page between lines of that size: paragraph gaps are
    the rarer, larger steps. Per size, because notes in small type sit closer together than the
    article above them.
    """
    steps: dict[float, list[float]] = {}
    for a, b in zip(lines, lines[1:], strict=False):
        step = a.last_baseline - b.baseline
        if (
            a.page == b.page
            and a.size == b.size
            and not a.heading_level
            and not b.heading_level
            and 0 < step < 3 * a.size
        ):
            steps.setdefault(a.size, []).append(step)
    return {size: sorted(found)[len(found) // 4] for size, found in steps.items()}


def _starts_block(
    prev: _Line, line: _Line, pitches: dict[float, float], mark: PageMarks | None = None
) -> bool:
    """Whether `line` opens a new block; `mark` is Caveat's mark on its page, if it has one."""
    if prev.heading_level != line.heading_level or abs(prev.size - line.size) > 0.1 * line.size:
        return True
    if prev.running or line.running:
        return True
    if mark is None and (is_boilerplate(prev.string()) or is_boilerplate(line.string())):
        return True  # (Caveat's own print holds no web furniture: its export left it out)
    if prev.page != line.page:
        if mark is not None:
            return not mark.continues
        # A paragraph running over a page break goes on mid-sentence, in lower case.
        return prev.string().endswith(_SENTENCE_END) or not line.text[0].islower()
    step = prev.last_baseline - line.baseline
    if step <= 0:  # moved up the page: a new column or a text box
        return True
    usual = pitches.get(line.size) or 1.2 * line.size
    indented = line.left > prev.left + line.size and not line.heading_level
    return step > _PARAGRAPH_PITCH_RATIO * usual or indented


def _block_kind(line: _Line) -> tuple[BlockKind, int]:
    if line.running:
        return BlockKind.BOILERPLATE, 0
    if line.heading_level:
        return BlockKind.HEADING, line.heading_level
    return BlockKind.PARAGRAPH, 0


def load_pdf(path: Path, data: bytes) -> Document:
    pdf = _open(path, data)
    marks = read_marks(data)
    try:
        lines = _read_lines(pdf, marks)
        title = (pdf.get_metadata_dict().get("Title") or "").strip()
        if marks:
            title = title.removesuffix(ANNOTATED).strip()
        pages = len(pdf)
    except pdfium.PdfiumError:
        raise LoadError(path, "damaged PDF: its text could not be read") from None
    finally:
        pdf.close()
    if not lines:
        raise LoadError(path, "the PDF has no text layer (a scanned image?); nothing to read")
    # on pages Caveat printed, its marks already left the running heads out
    summary = sum(1 for m in marks.values() if m.summary)
    _mark_running_lines([ln for ln in lines if ln.page not in marks], pages - summary)
    _mark_headings(lines)
    pitches = _usual_pitches(lines)
    builder = TextBuilder(track_origin=True)
    prev: _Line | None = None
    for line in lines:
        if prev is not None and _starts_block(prev, line, pitches, marks.get(line.page)):
            builder.end_block(*_block_kind(prev))
        elif prev is not None:
            prev_mark = marks.get(prev.page)
            if prev_mark is not None:  # Caveat's print: it says where no space was
                joined_word = prev.chars[-1] in prev_mark.glued
            else:
                joined_word = prev.text[-1] == "-" and line.text[0].islower()
            if not joined_word:
                builder.write(" ", line.page)
        builder.write(line.string(), line.page, line.chars)
        prev = line
    if prev is not None:
        builder.end_block(*_block_kind(prev))
    blocks = builder.finished_blocks()
    if not any(b.analysed for b in blocks):
        raise LoadError(path, "the PDF has no article text, only page furniture")
    text = builder.text()
    if not title:
        title = next((text[b.start : b.end] for b in blocks if b.kind is BlockKind.HEADING), "")
    return Document(text, blocks, "pdf", path, title=title, pdf_origin=builder.origin)
