"""Mark the pages an export writes (see caveat.loaders.pdf_marks for what the marks mean)."""

from __future__ import annotations

import ctypes
from collections.abc import Iterable
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from caveat.document import PdfOrigin
from caveat.export.printjob import PageFrame, PrintBlock, PrintJob
from caveat.loaders.pdf_marks import (
    ADDED,
    ARTICLE,
    BODY,
    CONTINUES,
    GLUED,
    PART,
    PIECE,
    SUMMARY,
    Rect,
)


def _array(rect: Rect) -> ArrayObject:
    return ArrayObject(FloatObject(round(v, 2)) for v in rect)


def _mark(page: DictionaryObject, private: DictionaryObject, modified: str) -> None:
    data = DictionaryObject(
        {
            NameObject("/LastModified"): TextStringObject(modified),
            NameObject("/Private"): private,
        }
    )
    pieces = DictionaryObject({NameObject(PIECE): data})
    page[NameObject("/PieceInfo")] = pieces
    page[NameObject("/LastModified")] = TextStringObject(modified)


def mark_summary(pages: Iterable[DictionaryObject], modified: str) -> None:
    """Mark the summary's page dictionaries."""
    for page in pages:
        private = DictionaryObject({NameObject(PART): NameObject(SUMMARY)})
        _mark(page, private, modified)


@dataclass(frozen=True)
class PrintedPages:
    """What an export knows of the article pages it printed."""

    frame: PageFrame  # where the body is on every page
    added: dict[int, list[Rect]]  # per page, boxes around the lines the export wrote itself
    continues: set[int]  # pages whose first line goes on with the paragraph before
    glued: dict[int, list[int]]  # per page, chars that end a line with no space after them


def mark_article(pages: list[DictionaryObject], printed: PrintedPages, modified: str) -> None:
    """Mark the article's page dictionaries (in page order) as Caveat printed them."""
    frame = printed.frame
    body = (frame.left, frame.bottom, frame.right, frame.top)
    for index, page in enumerate(pages):
        boxes = printed.added.get(index, [])
        private = DictionaryObject(
            {
                NameObject(PART): NameObject(ARTICLE),
                NameObject(BODY): _array(body),
                NameObject(ADDED): ArrayObject(_array(box) for box in boxes),
                NameObject(CONTINUES): BooleanObject(index in printed.continues),
                NameObject(GLUED): ArrayObject(
                    NumberObject(i) for i in printed.glued.get(index, [])
                ),
            }
        )
        _mark(page, private, modified)


def continued_pages(job: PrintJob, origin: PdfOrigin) -> set[int]:
    """Pages that open in the middle of a printed block (a paragraph run over a page break)."""
    continues: set[int] = set()
    for block in job.blocks:
        if not isinstance(block, PrintBlock) or block.source_start < 0:
            continue
        last = -1
        for offset in range(block.source_start, block.source_start + len(block.text)):
            page = origin.page[offset] if offset < len(origin.page) else -1
            if page >= 0:
                if last >= 0 and page != last:
                    continues.add(page)
                last = page
    return continues


def line_boxes(pdf: pdfium.PdfDocument, chars: dict[int, list[int]]) -> dict[int, list[Rect]]:
    """Per page, one box around each line the given pdfium characters make up."""
    boxes: dict[int, list[Rect]] = {}
    box = pdfium_c.FS_RECTF()
    for page_index, indices in chars.items():
        page = pdf[page_index]
        text = page.get_textpage()
        lines: list[Rect] = []
        for index in indices:
            if not pdfium_c.FPDFText_GetLooseCharBox(text, index, box):
                continue
            rect = (box.left, box.bottom, box.right, box.top)
            middle = (rect[1] + rect[3]) / 2
            if lines and lines[-1][1] <= middle <= lines[-1][3]:
                last = lines[-1]
                lines[-1] = (
                    min(last[0], rect[0]),
                    min(last[1], rect[1]),
                    max(last[2], rect[2]),
                    max(last[3], rect[3]),
                )
            else:
                lines.append(rect)
        text.close()
        page.close()
        boxes[page_index] = lines
    return boxes


def glued_breaks(pdf: pdfium.PdfDocument, text: str, origin: PdfOrigin) -> dict[int, list[int]]:
    """Per page, the pdfium characters after which a line breaks inside a word ("well-|known",
    "Rubio—|as"): the renderer drew no space there, so a reader of the PDF must add none."""
    glued: dict[int, list[int]] = {}
    pages: dict[int, pdfium.PdfTextPage] = {}
    x, y0, y1 = ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    try:
        for offset in range(len(text) - 1):
            page, index = origin.page[offset], origin.char[offset]
            after, next_index = origin.page[offset + 1], origin.char[offset + 1]
            if index < 0 or next_index < 0 or text[offset].isspace() or text[offset + 1].isspace():
                continue
            if page == after and next_index == index + 1:
                continue  # drawn one after the other on the same line
            if page == after:
                if page not in pages:
                    pages[page] = pdf[page].get_textpage()
                pdfium_c.FPDFText_GetCharOrigin(pages[page], index, x, y0)
                pdfium_c.FPDFText_GetCharOrigin(pages[page], next_index, x, y1)
                if abs(y0.value - y1.value) < 1:
                    continue  # the same line after all
            glued.setdefault(page, []).append(index)
    finally:
        for textpage in pages.values():
            textpage.close()
    return glued
