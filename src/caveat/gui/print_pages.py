"""Painting a laid-out QTextDocument onto pages, every line on exactly one page.

QTextDocument.drawContents with a page's clip rectangle also paints the line just above the
clip (Qt 6.12 starts drawing a block at its last line wholly above the clip): invisible, clipped
away, but its text still lands in the PDF's text layer, so a line at a page break was read twice
(pdftotext, search, and Caveat opening its own export). Painting line by line avoids that.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainter, QTextDocument, QTextLine

PageLines = list[tuple[QTextLine, QPointF]]


def lines_by_page(document: QTextDocument, page_height: float) -> list[PageLines]:
    """Each page's lines with where their block sits, in the order they were laid out.

    A line belongs to the page holding its middle: Qt may place a page's first line a rounding
    error above the page's top edge, never by half a line.
    """
    layout = document.documentLayout()
    pages: list[PageLines] = [[] for _ in range(max(1, document.pageCount()))]
    block = document.begin()
    while block.isValid():
        origin = layout.blockBoundingRect(block).topLeft()
        text_layout = block.layout()
        for i in range(text_layout.lineCount()):
            line = text_layout.lineAt(i)
            middle = origin.y() + line.y() + line.height() / 2
            page = min(max(0, int(middle // page_height)), len(pages) - 1)
            pages[page].append((line, origin))
        block = block.next()
    return pages


def paint_lines(painter: QPainter, lines: PageLines) -> None:
    """Draw `lines` (in document coordinates: the caller translates the painter to the page)."""
    for line, origin in lines:
        line.draw(painter, origin)
