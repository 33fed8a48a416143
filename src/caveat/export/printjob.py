"""What to print, without saying how: the core describes pages, a renderer (Qt) draws them.

The export never imports Qt, so it hands a `PrintJob` to an injected `Renderer`. The renderer
draws every block's text exactly as given (one text line per block, wrapped to the page), keeps
the body inside the page margins and draws running heads and page numbers in the margins only:
that contract is what lets `locate.py` find each document character on the rendered pages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from caveat.document import BlockKind, Document


class Style(StrEnum):
    TITLE = "title"
    SUBTITLE = "subtitle"  # the line under the title: source file, pipeline
    HEADING = "heading"  # level in PrintBlock.level: 2 and below
    PARAGRAPH = "paragraph"
    NOTE = "note"  # small grey text: explanations on the summary page
    ITEM = "item"  # one finding in the summary's list, hanging indent


@dataclass(frozen=True)
class Swatch:
    """A mark over `text[start:end]` of a block, drawn as a highlight looks: a legend key."""

    start: int
    end: int
    background: str  # "#rrggbb"
    line_color: str = ""  # underline colour, "" for none
    line_style: str = ""  # "wave", "dash" or "dot"


@dataclass(frozen=True)
class PrintBlock:
    text: str
    style: Style = Style.PARAGRAPH
    level: int = 0
    #: offset in Document.text of text[0]; -1 for text the export wrote (titles, the summary)
    source_start: int = -1
    swatches: tuple[Swatch, ...] = ()


@dataclass(frozen=True)
class PrintTable:
    """A small table with a header row (the summary's counts and metrics)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    #: a key over the first cell of each row (or None), in that cell's offsets
    row_keys: tuple[Swatch | None, ...] = ()
    #: each column's share of the width in percent (empty: the renderer decides)
    widths: tuple[int, ...] = ()


@dataclass(frozen=True)
class PrintJob:
    title: str  # PDF metadata and running head
    blocks: tuple[PrintBlock | PrintTable, ...]
    first_page_number: int = 1


@dataclass(frozen=True)
class PageFrame:
    """Where a renderer put the body on every page, in PDF points from the bottom-left corner."""

    left: float
    bottom: float
    right: float
    top: float

    def holds(self, x: float, y: float) -> bool:
        return self.left <= x <= self.right and self.bottom <= y <= self.top


#: Draws `job` into a new PDF at `path` and tells where the body sits on the page.
Renderer = Callable[[PrintJob, Path], PageFrame]


def article_job(document: Document) -> PrintJob:
    """The article as printed pages: a title, its headings and paragraphs, no web furniture.

    Line breaks inside a paragraph (hard-wrapped text files) become spaces so text flows; the
    lengths stay the same, so `source_start` still maps every character back to the document.
    """
    blocks: list[PrintBlock] = []
    heading_marks = document.format == "md"
    for block in document.blocks:
        if block.kind is BlockKind.BOILERPLATE:
            continue
        raw = document.text[block.start : block.end]
        start = block.start
        if block.kind is BlockKind.HEADING and heading_marks:
            stripped = raw.lstrip("#").lstrip()
            start += len(raw) - len(stripped)
            raw = stripped
        text = raw.replace("\r", " ").replace("\n", " ")
        if block.kind is BlockKind.HEADING:
            style = Style.TITLE if block.level <= 1 and not blocks else Style.HEADING
            blocks.append(PrintBlock(text, style, max(block.level, 2), start))
        elif block.kind is BlockKind.BYLINE:
            blocks.append(PrintBlock(text, Style.SUBTITLE, 0, start))
        else:
            blocks.append(PrintBlock(text, Style.PARAGRAPH, 0, start))
    title = document.title or (blocks[0].text if blocks and blocks[0].style is Style.TITLE else "")
    if not blocks or blocks[0].style is not Style.TITLE:
        title = title or document.name
        blocks.insert(0, PrintBlock(title, Style.TITLE))
    return PrintJob(title=title, blocks=tuple(blocks))
