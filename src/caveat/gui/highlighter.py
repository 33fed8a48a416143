"""Paint findings, headings and boilerplate onto the reader's text.

The one place where Python `str` offsets become Qt positions: Qt counts UTF-16 code units, so a
character outside the Basic Multilingual Plane (an emoji) takes two positions there.
"""

from __future__ import annotations

import bisect

from PySide6.QtGui import QFont, QPalette, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from caveat.analysis.model import LAYERS
from caveat.document import Block, BlockKind, Document
from caveat.gui import theme
from caveat.gui.finding_index import FindingIndex

UNDERLINES = {
    "wave": QTextCharFormat.UnderlineStyle.WaveUnderline,
    "dash": QTextCharFormat.UnderlineStyle.DashUnderline,
    "dot": QTextCharFormat.UnderlineStyle.DotLine,
}
HEADING_SCALE = {1: 1.6, 2: 1.3, 3: 1.15}


class Utf16Map:
    """Converts between `str` offsets of one text and Qt's UTF-16 positions in it."""

    def __init__(self, text: str) -> None:
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        # the Qt position just after each astral character
        self._qt_ends = [i + n + 2 for n, i in enumerate(self._astral)]

    def to_qt(self, offset: int) -> int:
        return offset + bisect.bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        return position - bisect.bisect_right(self._qt_ends, position)


def display_text(text: str) -> str:
    """`text` as the view shows it, same length: Qt would fold a CR LF pair into one break."""
    return text.replace("\r\n", " \n").replace("\r", "\n")


class FindingHighlighter(QSyntaxHighlighter):
    """Formats each Qt block from the document's block kinds and the visible findings."""

    def __init__(self, qdoc: QTextDocument) -> None:
        super().__init__(qdoc)
        self._document: Document | None = None
        self._utf16 = Utf16Map("")
        self._block_starts: list[int] = []
        self._index = FindingIndex()
        self._layer_formats: dict[str, QTextCharFormat] = {}
        self._dim = QTextCharFormat()
        self._base_size = theme.BASE_POINT_SIZE
        self.set_style(QPalette(), self._base_size)

    @property
    def utf16(self) -> Utf16Map:
        return self._utf16

    def set_document(self, document: Document) -> None:
        self._document = document
        self._utf16 = Utf16Map(document.text)
        self._block_starts = [b.start for b in document.blocks]
        self._index = FindingIndex()

    def set_findings(self, index: FindingIndex) -> None:
        self._index = index
        self.rehighlight()

    def set_style(self, palette: QPalette, base_point_size: float) -> None:
        """Rebuild the formats for a palette and font size; the caller rehighlights."""
        self._base_size = base_point_size
        self._layer_formats = {}
        for layer_id, layer in LAYERS.items():
            fmt = QTextCharFormat()
            fmt.setBackground(theme.layer_background(layer_id, palette))
            fmt.setUnderlineStyle(UNDERLINES.get(layer.underline, UNDERLINES["wave"]))
            fmt.setUnderlineColor(theme.layer_color(layer_id))
            self._layer_formats[layer_id] = fmt
        self._dim = QTextCharFormat()
        self._dim.setForeground(theme.dimmed_text(palette))

    def layer_format(self, layer: str) -> QTextCharFormat:
        return QTextCharFormat(self._layer_formats.get(layer, QTextCharFormat()))

    def _block_format(self, block: Block) -> QTextCharFormat | None:
        if block.kind is BlockKind.BOILERPLATE:
            return QTextCharFormat(self._dim)
        if block.kind is BlockKind.HEADING:
            fmt = QTextCharFormat()
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setFontPointSize(self._base_size * HEADING_SCALE.get(block.level, 1.05))
            return fmt
        return None

    def _kind_ranges(self, start: int, end: int) -> list[tuple[int, int, QTextCharFormat]]:
        """(start, end, format) from the kinds of the blocks on the line `[start, end)`."""
        if self._document is None:
            return []
        blocks = self._document.blocks
        ranges = []
        i = max(0, bisect.bisect_right(self._block_starts, start) - 1)
        while i < len(blocks) and blocks[i].start < end:
            block = blocks[i]
            fmt = self._block_format(block)
            if fmt is not None and block.end > start:
                if block.kind is BlockKind.HEADING and start < block.start:
                    # a Markdown "# " before the heading stays (offsets must match the file),
                    # quietly: heading size, faint colour
                    marker = QTextCharFormat(fmt)
                    marker.merge(self._dim)
                    ranges.append((start, block.start, marker))
                ranges.append((max(start, block.start), min(end, block.end), fmt))
            i += 1
        return ranges

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        qt_start = self.currentBlock().position()
        qt_length = self.currentBlock().length() - 1
        start = self._utf16.from_qt(qt_start)
        end = self._utf16.from_qt(qt_start + qt_length)
        kinds = self._kind_ranges(start, end)
        for a, b, fmt in kinds:
            self._paint(qt_start, a, b, fmt)
        findings = self._index.overlapping(start, end)
        if not findings:
            return
        cuts = {start, end} | {max(start, min(end, x)) for f in findings for x in (f.start, f.end)}
        ordered = sorted(cuts)
        for a, b in zip(ordered, ordered[1:], strict=False):
            covering = [f.layer for f in findings if f.start < b and f.end > a]
            if covering:
                base = next((fmt for x, y, fmt in kinds if x <= a < y), QTextCharFormat())
                self._paint(qt_start, a, b, self._segment_format(base, covering))

    def _paint(self, qt_start: int, start: int, end: int, fmt: QTextCharFormat) -> None:
        """setFormat over the `str` range `[start, end)` of the current line."""
        qt_a = self._utf16.to_qt(start)
        self.setFormat(qt_a - qt_start, self._utf16.to_qt(end) - qt_a, fmt)

    def _segment_format(self, base: QTextCharFormat, layers: list[str]) -> QTextCharFormat:
        """Overlaps stay distinguishable: the first layer's tint, the last layer's underline."""
        order = sorted(set(layers), key=lambda x: list(LAYERS).index(x) if x in LAYERS else 99)
        fmt = QTextCharFormat(base)
        first, last = self._layer_formats.get(order[0]), self._layer_formats.get(order[-1])
        if first is None or last is None:
            return fmt
        fmt.setBackground(first.background())
        fmt.setUnderlineStyle(last.underlineStyle())
        fmt.setUnderlineColor(last.underlineColor())
        return fmt
