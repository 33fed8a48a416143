"""The article as Caveat sees it: one text, cut into blocks, with where it came from.

Offsets everywhere are Python `str` indices into `Document.text`, end exclusive.
"""

from __future__ import annotations

import bisect
from array import array
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    #: web furniture ("Advertisement", "Read more:"): shown dimmed, never analysed or measured
    BOILERPLATE = "boilerplate"
    #: who wrote it and when, under the title of a web page: shown, never analysed or measured
    BYLINE = "byline"


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    kind: BlockKind = BlockKind.PARAGRAPH
    level: int = 0  # heading level (1 = title); 0 for other blocks

    @property
    def analysed(self) -> bool:
        return self.kind not in (BlockKind.BOILERPLATE, BlockKind.BYLINE)


@dataclass(frozen=True)
class Link:
    """A hyperlink over `text[start:end]` (HTML input): a link on a figure counts as its source."""

    start: int
    end: int
    href: str


@dataclass(frozen=True, eq=False)
class PdfOrigin:
    """For text taken from a PDF: where each character of `Document.text` sits in the original.

    `page[i]` is the 0-based page of character i and `char[i]` its index in pdfium's text page
    (-1 for characters the loader inserted, such as the newline between blocks). An export uses
    this to put annotations on the user's own pages.
    """

    page: array = field(default_factory=lambda: array("i"))
    char: array = field(default_factory=lambda: array("i"))


@dataclass(frozen=True, eq=False)
class Document:
    text: str
    blocks: tuple[Block, ...]
    format: str  # "txt", "md", "html", "pdf", "docx"
    source: Path | None = None
    title: str = ""
    links: tuple[Link, ...] = ()
    pdf_origin: PdfOrigin | None = None
    encoding: str = "utf-8"
    #: what the reader should know about how the text was read ("some bytes were not valid
    #: UTF-8 and were read as Windows-1252"), shown in the window and in `analyze`
    notices: tuple[str, ...] = ()
    #: the main language of the text as an ISO 639-1 code ("en"), "" when not known
    language: str = ""
    #: the web address the text was fetched from ("" for a file or pasted text)
    url: str = ""

    @property
    def name(self) -> str:
        return self.source.name if self.source else (self.title or self.url or "Untitled")

    @property
    def origin(self) -> str:
        """Where the text came from, as a reader names it: the file's path or the address."""
        return self.url or (str(self.source) if self.source else "")

    def block_at(self, offset: int) -> int:
        """Index of the block holding `offset` (the one before it if it falls between blocks)."""
        # a key, not a list of starts: this runs on every scroll of a tab with ~100,000 blocks
        return max(0, bisect.bisect_right(self.blocks, offset, key=lambda b: b.start) - 1)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of `offset`, as an editor would show them."""
        line = self.text.count("\n", 0, offset) + 1
        col = offset - (self.text.rfind("\n", 0, offset) + 1) + 1
        return line, col

    def analysed_indices(self) -> list[int]:
        """Indices of the blocks that are analysed (all but web furniture)."""
        return [i for i, b in enumerate(self.blocks) if b.analysed]
