"""Where a finding sits on the pages: one rectangle per text line, grouped by page."""

from __future__ import annotations

from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from caveat.document import PdfOrigin
from caveat.findings import Finding

Rect = tuple[float, float, float, float]  # left, bottom, right, top in PDF points


@dataclass(frozen=True)
class Placement:
    """The lines a finding covers on one page (a finding crossing a page break has two)."""

    finding: Finding
    page: int  # 0-based
    lines: tuple[Rect, ...]

    @property
    def rect(self) -> Rect:
        return (
            min(r[0] for r in self.lines),
            min(r[1] for r in self.lines),
            max(r[2] for r in self.lines),
            max(r[3] for r in self.lines),
        )


class TextPages:
    """pdfium text pages of a document, opened on first use and closed together."""

    def __init__(self, pdf: pdfium.PdfDocument) -> None:
        self.pdf = pdf
        self._open: dict[int, tuple[pdfium.PdfPage, pdfium.PdfTextPage]] = {}

    def __getitem__(self, index: int) -> pdfium.PdfTextPage:
        if index not in self._open:
            page = self.pdf[index]
            self._open[index] = (page, page.get_textpage())
        return self._open[index][1]

    def close(self) -> None:
        for page, text in self._open.values():
            text.close()
            page.close()
        self._open.clear()


def _same_line(line: Rect, box: Rect) -> bool:
    """A box continues a line when it sits at the line's height and does not jump back left."""
    middle = (box[1] + box[3]) / 2
    return line[1] <= middle <= line[3] and box[0] >= line[0] - 1


def place(finding: Finding, origin: PdfOrigin, pages: TextPages) -> list[Placement]:
    """The finding's non-space characters grouped into line rectangles per page, in order."""
    placements: list[Placement] = []
    page_now = -1
    lines: list[Rect] = []
    box = pdfium_c.FS_RECTF()
    for offset in range(finding.start, min(finding.end, len(origin.char))):
        index = origin.char[offset]
        if index < 0:
            continue
        page = origin.page[offset]
        if not pdfium_c.FPDFText_GetLooseCharBox(pages[page], index, box):
            continue
        rect = (box.left, box.bottom, box.right, box.top)
        if rect[2] <= rect[0]:
            continue  # a zero-width mark: nothing to cover
        if page != page_now:
            if lines:
                placements.append(Placement(finding, page_now, tuple(lines)))
            page_now, lines = page, [rect]
        elif _same_line(lines[-1], rect):
            last = lines[-1]
            lines[-1] = (
                last[0],
                min(last[1], rect[1]),
                max(last[2], rect[2]),
                max(last[3], rect[3]),
            )
        else:
            lines.append(rect)
    if lines:
        placements.append(Placement(finding, page_now, tuple(lines)))
    return placements
