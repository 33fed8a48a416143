"""Paint findings, headings and boilerplate onto the reader's text.

The one place where Python `str` offsets become Qt positions: Qt counts UTF-16 code units, so a
character outside the Basic Multilingual Plane (an emoji) takes two positions there.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

from PySide6.QtGui import QFont, QPalette, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from caveat.document import Block, BlockKind, Document
from caveat.gui import theme
from caveat.gui.finding_index import FindingIndex
from caveat.gui.slices import SliceRunner
from caveat.layers import all_layers, in_order

UNDERLINES = {
    "wave": QTextCharFormat.UnderlineStyle.WaveUnderline,
    "dash": QTextCharFormat.UnderlineStyle.DashUnderline,
    "dot": QTextCharFormat.UnderlineStyle.DotLine,
}
HEADING_SCALE = {1: 1.6, 2: 1.3, 3: 1.15}
#: documents up to this many lines are repainted in one go; longer ones in slices
REPAINT_AT_ONCE_LINES = 600


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Map:
    """Converts between `str` offsets of one text and Qt's UTF-16 positions in it."""

    def __init__(self, text: str) -> None:
        # a regex scan: a Python loop over 600,000 characters costs ~0.15 s on the GUI thread
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
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
        self._segment_cache: dict[tuple[int, tuple[str, ...]], QTextCharFormat] = {}
        self._kind_cache: dict[tuple[str, int], QTextCharFormat] = {}
        self._plain = QTextCharFormat()
        self._link = QTextCharFormat()
        self._link_starts: list[int] = []
        self.painter = SliceRunner(self)
        #: ranges still to paint after partial analyses (empty while a whole repaint runs)
        self._added: list[tuple[int, int]] = []
        self.set_style(QPalette(), self._base_size)

    @property
    def utf16(self) -> Utf16Map:
        return self._utf16

    def set_document(self, document: Document) -> None:
        self._document = document
        self._utf16 = Utf16Map(document.text)
        self._block_starts = [b.start for b in document.blocks]
        self._link_starts = [link.start for link in document.links]
        self._index = FindingIndex()

    def set_findings(
        self,
        index: FindingIndex,
        first_line: int = 0,
        added: Sequence[tuple[int, int]] | None = None,
    ) -> None:
        """Paint `index`. With `added`, the `str` ranges of the blocks a partial analysis has
        added, only their lines are painted again: a jump ahead in a long article brings a new
        partial analysis every few tenths of a second, and a whole repaint each time would keep
        the window busy for as long as the reader moves."""
        self._index = index
        if added is None or (self.painter.busy() and not self._added):
            self.repaint(first_line)  # a whole repaint still going covers the added lines
            return
        self._added[:0] = added  # the newest first: they came on screen
        if not self.painter.busy():
            self.painter.start(self._added_steps(), later=True)

    def _added_steps(self) -> Iterator[None]:
        qdoc = self.document()
        while self._added:
            start, end = self._added.pop(0)
            block = qdoc.findBlock(self._utf16.to_qt(start))
            last = self._utf16.to_qt(end)
            while block.isValid() and block.position() <= last:
                self.rehighlightBlock(block)
                yield None
                block = block.next()

    def repaint(self, first_line: int = 0) -> None:
        """Highlight every line again, starting at `first_line` (the top of the view).

        A long article is repainted in slices between events: at 100,000 words a full pass
        takes a few hundred milliseconds, which would freeze the window in one piece. The first
        slice waits for the next turn of the event loop: the slot asking for the repaint (an
        analysis arriving, with the side panel to fill) has the present one.
        """
        qdoc = self.document()
        if qdoc is None:
            return
        self._added.clear()
        self.painter.start(
            self._repaint_steps(first_line),
            at_once=qdoc.blockCount() <= REPAINT_AT_ONCE_LINES,
            later=True,
        )

    def _repaint_steps(self, first_line: int) -> Iterator[None]:
        qdoc = self.document()
        first = qdoc.findBlockByNumber(first_line)
        block = first if first.isValid() else qdoc.firstBlock()
        while block.isValid():
            self.rehighlightBlock(block)
            yield None
            block = block.next()
        block = qdoc.firstBlock()
        while block.isValid() and block.blockNumber() < first_line:
            self.rehighlightBlock(block)
            yield None
            block = block.next()

    def set_style(self, palette: QPalette, base_point_size: float) -> None:
        """Rebuild the formats for a palette and font size; the caller rehighlights."""
        self._base_size = base_point_size
        self._layer_formats = {}
        for layer in all_layers():
            layer_id = layer.id
            fmt = QTextCharFormat()
            fmt.setBackground(theme.layer_background(layer_id, palette))
            fmt.setUnderlineStyle(UNDERLINES.get(layer.underline, UNDERLINES["wave"]))
            fmt.setUnderlineColor(theme.layer_color(layer_id, palette))
            self._layer_formats[layer_id] = fmt
        self._dim = QTextCharFormat()
        self._dim.setForeground(theme.dimmed_text(palette))
        self._segment_cache = {}
        self._kind_cache = {}
        self._plain = QTextCharFormat()
        # links as a browser shows them: the palette's link colour, underlined
        self._link = QTextCharFormat()
        self._link.setForeground(palette.color(QPalette.ColorRole.Link))
        self._link.setFontUnderline(True)

    def _block_format(self, block: Block) -> QTextCharFormat | None:
        """The format of a block kind, built once per style (segment formats key on its id)."""
        if block.kind is BlockKind.PARAGRAPH:
            return None
        key = (str(block.kind), block.level)
        fmt = self._kind_cache.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            if block.kind is BlockKind.BOILERPLATE:
                fmt = QTextCharFormat(self._dim)
            elif block.kind is BlockKind.BYLINE:
                fmt = QTextCharFormat(self._dim)
                fmt.setFontItalic(True)
            elif block.kind is BlockKind.HEADING:
                fmt.setFontWeight(QFont.Weight.Bold)
                fmt.setFontPointSize(self._base_size * HEADING_SCALE.get(block.level, 1.05))
            self._kind_cache[key] = fmt
        return fmt

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
                    marker = self._kind_cache.get(("marker", block.level))
                    if marker is None:
                        marker = QTextCharFormat(fmt)
                        marker.merge(self._dim)
                        self._kind_cache[("marker", block.level)] = marker
                    ranges.append((start, block.start, marker))
                ranges.append((max(start, block.start), min(end, block.end), fmt))
            i += 1
        return ranges

    def _link_ranges(
        self, start: int, end: int, kinds: list[tuple[int, int, QTextCharFormat]]
    ) -> list[tuple[int, int, QTextCharFormat]]:
        """(start, end, format) of the links on the line, over the block kind's format."""
        if self._document is None or not self._link_starts:
            return []
        links = self._document.links
        ranges = []
        i = bisect.bisect_left(self._link_starts, start)
        while i > 0 and links[i - 1].end > start:  # a link that began on an earlier line
            i -= 1
        for link in links[i:]:
            if link.start >= end:
                break
            a, b = max(start, link.start), min(end, link.end)
            if b > a:
                base = next((fmt for x, y, fmt in kinds if x <= a < y), self._plain)
                ranges.append((a, b, self._linked(base)))
        return ranges

    def _linked(self, base: QTextCharFormat) -> QTextCharFormat:
        key = ("link", id(base))
        fmt = self._kind_cache.get(key)
        if fmt is None:
            fmt = QTextCharFormat(base)
            fmt.merge(self._link)
            self._kind_cache[key] = fmt
        return fmt

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        qt_start = self.currentBlock().position()
        qt_length = self.currentBlock().length() - 1
        start = self._utf16.from_qt(qt_start)
        end = self._utf16.from_qt(qt_start + qt_length)
        kinds = self._kind_ranges(start, end)
        links = self._link_ranges(start, end, kinds)
        for a, b, fmt in kinds + links:  # a link is painted over its heading or paragraph
            self._paint(qt_start, a, b, fmt)
        kinds = links + kinds  # and is the base a finding over it starts from
        findings = self._index.overlapping(start, end)
        if not findings:
            return
        cuts = {start, end} | {max(start, min(end, x)) for f in findings for x in (f.start, f.end)}
        cuts |= {x for a, b, _fmt in links for x in (a, b)}  # a link's format ends with it
        ordered = sorted(cuts)
        for a, b in zip(ordered, ordered[1:], strict=False):
            covering = [f.layer for f in findings if f.start < b and f.end > a]
            if covering:
                base = next((fmt for x, y, fmt in kinds if x <= a < y), self._plain)
                self._paint(qt_start, a, b, self._segment_format(base, covering))

    def _paint(self, qt_start: int, start: int, end: int, fmt: QTextCharFormat) -> None:
        """setFormat over the `str` range `[start, end)` of the current line."""
        qt_a = self._utf16.to_qt(start)
        self.setFormat(qt_a - qt_start, self._utf16.to_qt(end) - qt_a, fmt)

    def _segment_format(self, base: QTextCharFormat, layers: list[str]) -> QTextCharFormat:
        """Overlaps stay distinguishable: the first layer's tint, the last layer's underline."""
        order = in_order(layers)
        key = (id(base), order)  # a handful of kinds times layer sets: built once each
        cached = self._segment_cache.get(key)
        if cached is None:
            cached = self._segment_cache[key] = self._build_segment_format(base, order)
        return cached

    def _build_segment_format(
        self, base: QTextCharFormat, order: tuple[str, ...]
    ) -> QTextCharFormat:
        fmt = QTextCharFormat(base)
        first, last = self._layer_formats.get(order[0]), self._layer_formats.get(order[-1])
        if first is None or last is None:
            return fmt
        fmt.setBackground(first.background())
        fmt.setUnderlineStyle(last.underlineStyle())
        fmt.setUnderlineColor(last.underlineColor())
        return fmt
