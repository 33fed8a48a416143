"""Find each document character on rendered pages, so findings can be annotated where they are.

The renderer draws the blocks of a PrintJob in order; pdfium reads the characters back in the
order they were drawn. Matching the two sequences (ignoring whitespace, which renderers drop or
invent at line ends) gives, for every document offset, its page and pdfium character index: the
same `PdfOrigin` a PDF loader gives for a user's own PDF.
"""

from __future__ import annotations

import ctypes
import unicodedata
from array import array
from difflib import SequenceMatcher

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from caveat.document import PdfOrigin
from caveat.export.printjob import PageFrame, PrintBlock, PrintJob

#: how far ahead to look for common text again after the two sequences disagree
RESYNC_WINDOW = 96
#: what pdfium reads for a hyphen at the end of a line
HYPHEN_MARK = 0x02
#: a run of equal characters this long counts as being back in step
RESYNC_RUN = 4


def _normal(char: str) -> str:
    """Compatibility form, so a ligature glyph ('ﬁ') matches the letters it stands for."""
    return unicodedata.normalize("NFKC", char) if ord(char) > 127 else char


def expected_chars(job: PrintJob) -> tuple[str, list[int]]:
    """The non-space characters the renderer must draw, and the document offset of each (-1 for
    text the export wrote itself)."""
    chars: list[str] = []
    offsets: list[int] = []
    for block in job.blocks:
        if not isinstance(block, PrintBlock):
            continue
        base = block.source_start
        for i, char in enumerate(block.text):
            if char.isspace():
                continue
            for piece in _normal(char):
                chars.append(piece)
                offsets.append(base + i if base >= 0 else -1)
    return "".join(chars), offsets


def rendered_chars(pdf: pdfium.PdfDocument, frame: PageFrame) -> tuple[str, list[tuple[int, int]]]:
    """The non-space characters pdfium finds inside the body frame, with (page, char index)."""
    chars: list[str] = []
    where: list[tuple[int, int]] = []
    x, y = ctypes.c_double(), ctypes.c_double()
    for page_index in range(len(pdf)):
        page = pdf[page_index]
        text = page.get_textpage()
        for i in range(pdfium_c.FPDFText_CountChars(text)):
            code = pdfium_c.FPDFText_GetUnicode(text, i)
            # pdfium reads a hyphen that ends a line as a mark; Qt draws only real ones
            char = "-" if code == HYPHEN_MARK else chr(code)
            if char.isspace() or char == "\x00":
                continue
            pdfium_c.FPDFText_GetCharOrigin(text, i, x, y)
            if not frame.holds(x.value, y.value):
                continue  # running head or page number
            for piece in _normal(char):
                chars.append(piece)
                where.append((page_index, i))
        text.close()
        page.close()
    return "".join(chars), where


def _pairs(expected: str, rendered: str):
    """Index pairs (i in expected, j in rendered) of the characters that correspond."""
    if expected == rendered:
        yield from zip(range(len(expected)), range(len(rendered)), strict=True)
        return
    i = j = 0
    while i < len(expected) and j < len(rendered):
        if expected[i] == rendered[j]:
            yield i, j
            i += 1
            j += 1
            continue
        # Out of step (a glyph the font lacks, a character drawn differently): find the next
        # place where both read the same few characters and carry on from there.
        a = expected[i : i + RESYNC_WINDOW]
        b = rendered[j : j + RESYNC_WINDOW]
        matcher = SequenceMatcher(None, a, b, autojunk=False)
        step = next((m for m in matcher.get_matching_blocks() if m.size >= RESYNC_RUN), None)
        if step is None or (step.a == 0 and step.b == 0):
            i += 1
            j += 1
        else:
            i += step.a
            j += step.b


def locate_with_added(
    pdf: pdfium.PdfDocument, job: PrintJob, frame: PageFrame, length: int
) -> tuple[PdfOrigin, dict[int, list[int]]]:
    """`locate`, and per page the pdfium char indices of the text the export wrote itself (a
    title it made up, the line under it), which a later reading of the PDF must leave out."""
    expected, offsets = expected_chars(job)
    rendered, where = rendered_chars(pdf, frame)
    pages = array("i", [-1]) * length
    chars = array("i", [-1]) * length
    added: dict[int, list[int]] = {}
    for i, j in _pairs(expected, rendered):
        offset = offsets[i]
        if offset < 0:
            page, index = where[j]
            added.setdefault(page, []).append(index)
        elif chars[offset] < 0:
            pages[offset], chars[offset] = where[j]
    return PdfOrigin(page=pages, char=chars), added


def locate(pdf: pdfium.PdfDocument, job: PrintJob, frame: PageFrame, length: int) -> PdfOrigin:
    """Page and pdfium char index of every offset of a document `length` characters long that
    `job` printed (-1 for offsets not on the pages: whitespace, left-out blocks)."""
    return locate_with_added(pdf, job, frame, length)[0]
