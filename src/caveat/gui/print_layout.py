"""The Qt renderer of the export: a PrintJob drawn by QTextDocument onto QPdfWriter pages.

It keeps the contract in `caveat.export.printjob`: each block's text is drawn exactly as given,
the body stays inside the frame it returns, and only running heads and page numbers go into the
margins, so the export can find every document character on the rendered pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextLength,
    QTextOption,
    QTextTableFormat,
)

from caveat.export.printjob import PageFrame, PrintJob, PrintTable, Style, Swatch
from caveat.gui.print_pages import lines_by_page, paint_lines

DPI = 600  # device units per inch of the writer; the layout is done in these units
POINT = DPI / 72  # device units per point, for page geometry and painting
# Measured with Qt 6.12 on QPdfWriter at 600 dpi: vertical block margins, tab positions and
# table spacing are taken in CSS pixels (1/96 inch; a top margin of 100 became 625 units), while
# left margins and indents are taken in device units.
CSS_PX = 96 / 72  # CSS pixels per point
HANG = 40  # points: the hanging indent of a finding in the summary's list
KEEP_WITH_NEXT_PT = 48  # a heading needs this much room below it (about three lines of text)
MARGIN_PT = (72, 64, 72, 72)  # left, top, right, bottom
SERIF = ["Source Serif 4", "Source Serif Pro", "Charter", "Georgia", "Noto Serif", "DejaVu Serif"]
SANS = ["Source Sans 3", "Source Sans Pro", "Noto Sans", "Helvetica", "Arial", "DejaVu Sans"]
INK = QColor("#1b1b1b")
GREY = QColor("#666666")
_app: QGuiApplication | None = None
UNDERLINES = {
    "wave": QTextCharFormat.UnderlineStyle.WaveUnderline,
    "dash": QTextCharFormat.UnderlineStyle.DashUnderline,
    "dot": QTextCharFormat.UnderlineStyle.DotLine,
}


def ensure_gui_app() -> None:
    """Text layout needs a QGuiApplication; the command line has none, so make an offscreen one."""
    global _app
    if QGuiApplication.instance() is None:
        # kept in a module global: Qt needs the object alive for as long as it is used
        _app = QGuiApplication(["caveat", "-platform", "offscreen"])


def _font(families: list[str], points: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(families)
    font.setStyleHint(QFont.StyleHint.Serif if families is SERIF else QFont.StyleHint.SansSerif)
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _char_format(style: Style, level: int) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(INK)
    if style is Style.TITLE:
        fmt.setFont(_font(SANS, 21, bold=True))
    elif style is Style.HEADING:
        fmt.setFont(_font(SANS, 15 if level <= 2 else 12.5, bold=True))
    elif style is Style.SUBTITLE:
        fmt.setFont(_font(SANS, 9.5))
        fmt.setForeground(GREY)
    elif style is Style.NOTE:
        fmt.setFont(_font(SANS, 9))
        fmt.setForeground(GREY)
    elif style is Style.ITEM:
        fmt.setFont(_font(SERIF, 9.5))
    else:
        fmt.setFont(_font(SERIF, 11))
    return fmt


def _block_format(style: Style) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    above, below, height = {
        Style.TITLE: (0, 6, 115),
        Style.SUBTITLE: (0, 18, 120),
        Style.HEADING: (14, 6, 115),
        Style.NOTE: (0, 8, 125),
        Style.ITEM: (0, 5, 100),
    }.get(style, (0, 9, 140))
    fmt.setTopMargin(above * CSS_PX)
    fmt.setBottomMargin(below * CSS_PX)
    fmt.setLineHeight(height, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    if style is Style.ITEM:
        # a hanging indent, so the page number and words of each finding stand out
        fmt.setLeftMargin(HANG * POINT)
        fmt.setTextIndent(-HANG * POINT)
        fmt.setTabPositions([QTextOption.Tab(HANG * CSS_PX, QTextOption.TabType.LeftTab)])
    return fmt


def _swatch_format(base: QTextCharFormat, swatch: Swatch) -> QTextCharFormat:
    fmt = QTextCharFormat(base)
    fmt.setBackground(QColor(swatch.background))
    if swatch.line_style in UNDERLINES:
        fmt.setUnderlineStyle(UNDERLINES[swatch.line_style])
        fmt.setUnderlineColor(QColor(swatch.line_color or swatch.background))
    return fmt


def _insert_marked(
    cursor: QTextCursor, text: str, base: QTextCharFormat, swatches: Sequence[Swatch]
) -> None:
    pos = 0
    for swatch in sorted(swatches, key=lambda s: s.start):
        if swatch.start > pos:
            cursor.insertText(text[pos : swatch.start], base)
        cursor.insertText(text[swatch.start : swatch.end], _swatch_format(base, swatch))
        pos = max(pos, swatch.end)
    if pos < len(text):
        cursor.insertText(text[pos:], base)


def _insert_table(cursor: QTextCursor, table: PrintTable) -> None:
    fmt = QTextTableFormat()
    fmt.setBorder(0)
    fmt.setCellPadding(3 * CSS_PX)
    fmt.setCellSpacing(0)
    fmt.setTopMargin(2 * CSS_PX)
    fmt.setBottomMargin(14 * CSS_PX)
    fmt.setHeaderRowCount(1)
    fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    if table.widths:
        share = QTextLength.Type.PercentageLength
        fmt.setColumnWidthConstraints([QTextLength(share, w) for w in table.widths])
    made = cursor.insertTable(len(table.rows) + 1, len(table.header), fmt)
    head = _char_format(Style.NOTE, 0)
    head.setFont(_font(SANS, 9, bold=True))
    body = _char_format(Style.ITEM, 0)
    for row, cells in enumerate((table.header, *table.rows)):
        key = table.row_keys[row - 1] if 0 < row <= len(table.row_keys) else None
        for col, text in enumerate(cells):
            cell_cursor = made.cellAt(row, col).firstCursorPosition()
            swatches = (key,) if key and col == 0 else ()
            _insert_marked(cell_cursor, text, head if row == 0 else body, swatches)
    cursor.movePosition(QTextCursor.MoveOperation.End)


def _build(
    job: PrintJob, writer: QPdfWriter, breaks: frozenset[int] = frozenset()
) -> QTextDocument:
    """The job as a QTextDocument; blocks numbered in `breaks` start a new page.

    Each heading's block carries its index in `job.blocks` as user state, for `_headings_to_move`.
    """
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    document.setDocumentMargin(0)
    document.setDefaultFont(_font(SERIF, 11))
    cursor = QTextCursor(document)
    first = True
    for index, item in enumerate(job.blocks):
        if isinstance(item, PrintTable):
            _insert_table(cursor, item)
            first = False
            continue
        if not first:
            cursor.insertBlock()
        first = False
        fmt = _block_format(item.style)
        if index in breaks:
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        cursor.setBlockFormat(fmt)
        base = _char_format(item.style, item.level)
        cursor.setBlockCharFormat(base)
        if item.style is Style.HEADING:
            cursor.block().setUserState(index)
        _insert_marked(cursor, item.text, base, item.swatches)
    return document


def _headings_to_move(document: QTextDocument, page_height: float) -> frozenset[int]:
    """Headings that would end a page, away from their text: they should start the next one.

    Decided in one pass over the laid-out document, adding up how far each move pushes what
    follows; a move that reflows later pages differently can leave a later heading unmoved.
    """
    layout = document.documentLayout()
    room_needed = KEEP_WITH_NEXT_PT * POINT
    moves: set[int] = set()
    shift = 0.0
    block = document.begin()
    while block.isValid():
        if block.userState() >= 0 and block.next().isValid():
            rect = layout.blockBoundingRect(block)
            top, bottom = rect.top() + shift, rect.bottom() + shift
            page_end = (top // page_height + 1) * page_height
            if page_end - bottom < room_needed:
                moves.add(block.userState())
                shift += page_end - top
        block = block.next()
    return frozenset(moves)


def _page_size() -> QPageSize:
    """US Letter where the locale measures in inches, A4 elsewhere."""
    us = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return QPageSize(QPageSize.PageSizeId.Letter if us else QPageSize.PageSizeId.A4)


def render_print_job(job: PrintJob, path: Path) -> PageFrame:
    """Draw `job` into a new PDF at `path`; return where the body sits on each page."""
    ensure_gui_app()
    writer = QPdfWriter(str(path))
    writer.setPageSize(_page_size())
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setResolution(DPI)
    writer.setTitle(job.title)
    writer.setCreator("Caveat")
    page_w, page_h = writer.width(), writer.height()
    left, top, right, bottom = (m * POINT for m in MARGIN_PT)
    body_w, body_h = page_w - left - right, page_h - top - bottom
    document = _build(job, writer)
    document.setPageSize(QSizeF(body_w, body_h))
    if moves := _headings_to_move(document, body_h):
        # WORKAROUND: Qt 6.12 misplaces later blocks (the last pages' text was lost) when block
        # formats change on a document it laid out lazily; build it again with the page breaks.
        document = _build(job, writer, moves)
        document.setPageSize(QSizeF(body_w, body_h))
    # WORKAROUND: Qt 6.12's drawContents also paints the line above a page's clip, so the last
    # line of a page went into the next page's text layer too; paint line by line instead.
    pages = lines_by_page(document, body_h)
    painter = QPainter(writer)
    try:
        for page, lines in enumerate(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(left, top - page * body_h)
            paint_lines(painter, lines)
            painter.restore()
            _draw_margins(painter, job, page, QRectF(left, top, body_w, body_h))
    finally:
        painter.end()
    to_pt = 72 / DPI
    return PageFrame(
        left=left * to_pt,
        bottom=bottom * to_pt,
        right=(page_w - right) * to_pt,
        top=(page_h - top) * to_pt,
    )


def _draw_margins(painter: QPainter, job: PrintJob, page: int, body: QRectF) -> None:
    """The running head (after the first page) and the page number, outside the body frame."""
    painter.setPen(GREY)
    painter.setFont(_font(SANS, 8.5))
    if page:
        head = QRectF(body.left(), body.top() - 34 * POINT, body.width(), 14 * POINT)
        title = painter.fontMetrics().elidedText(
            job.title, Qt.TextElideMode.ElideRight, int(head.width())
        )
        painter.drawText(head, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, title)
        painter.drawLine(
            QPointF(body.left(), body.top() - 16 * POINT),
            QPointF(body.right(), body.top() - 16 * POINT),
        )
    foot = QRectF(body.left(), body.bottom() + 26 * POINT, body.width(), 14 * POINT)
    number = str(job.first_page_number + page)
    painter.drawText(foot, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, number)
