"""Assemble a Document's text block by block, for formats whose text Caveat lays out itself.

HTML, DOCX and PDF have no text file to keep byte for byte, so their blocks are written one
after another with a blank line between them; links and (for PDF) each character's origin are
recorded as the text grows, so no offset is ever recomputed afterwards.
"""

from __future__ import annotations

from collections.abc import Sequence

from caveat.cutting import cut_long_blocks
from caveat.document import Block, BlockKind, Link, PdfOrigin
from caveat.loaders.boilerplate import mark_boilerplate

BLOCK_SEPARATOR = "\n\n"
INSERTED = -1  # origin of characters the loader wrote itself (separators, joining spaces)


class TextBuilder:
    """Collects blocks of text with their links and, optionally, each character's PDF origin."""

    def __init__(self, track_origin: bool = False) -> None:
        self._parts: list[str] = []  # everything before the open block
        self._block_parts: list[str] = []  # the open block, so closing it joins only itself
        self._length = 0
        self._block_start: int | None = None
        self._rollback = (0, 0)  # parts and length before the open block's separator
        self.blocks: list[Block] = []
        self.links: list[Link] = []
        self.origin = PdfOrigin() if track_origin else None

    @property
    def position(self) -> int:
        """Offset the next written character will have."""
        return self._length

    def _raw(self, text: str, page: int, chars: Sequence[int] | None) -> None:
        (self._block_parts if self._block_start is not None else self._parts).append(text)
        self._length += len(text)
        if self.origin is not None:
            self.origin.page.extend([page] * len(text))
            self.origin.char.extend(chars if chars is not None else [INSERTED] * len(text))

    def write(self, text: str, page: int = INSERTED, chars: Sequence[int] | None = None) -> int:
        """Append `text` to the current block (opening one after a separator if needed).

        `chars` gives each character's pdfium index on `page`; by default they count as inserted.
        Returns the offset at which `text` starts.
        """
        if not text:
            return self._length
        if chars is not None and len(chars) != len(text):
            raise ValueError("one origin per character is needed")
        if self._block_start is None:
            self._rollback = (len(self._parts), self._length)
            if self._length:
                self._raw(BLOCK_SEPARATOR, page, None)
            self._block_start = self._length
            self._block_parts = []
        start = self._length
        self._raw(text, page, chars)
        return start

    def end_block(self, kind: BlockKind = BlockKind.PARAGRAPH, level: int = 0) -> None:
        """Close the current block; a block with nothing but whitespace is dropped."""
        if self._block_start is None:
            return
        chunk = "".join(self._block_parts)
        self._block_parts = []
        start = self._block_start
        self._block_start = None
        end = start + len(chunk.rstrip())
        start += len(chunk) - len(chunk.lstrip())
        if end > start:
            self._parts.append(chunk)
            self.blocks.append(Block(start, end, kind, level if kind is BlockKind.HEADING else 0))
            return
        # Nothing to read: take back the block and the separator written before it.
        parts, length = self._rollback
        del self._parts[parts:]
        self._length = length
        if self.origin is not None:
            del self.origin.page[length:], self.origin.char[length:]

    def add_link(self, start: int, end: int, href: str) -> None:
        if end > start and href:
            self.links.append(Link(start, end, href))

    def text(self) -> str:
        return "".join(self._parts) + "".join(self._block_parts)

    def finished_blocks(self) -> tuple[Block, ...]:
        """The blocks, boilerplate lines split out and any too long to analyse as one cut."""
        self.end_block()
        text = self.text()
        return cut_long_blocks(text, mark_boilerplate(text, self.blocks))
