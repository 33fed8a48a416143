"""Web pages: the article's main text (trafilatura), its title, byline, headings and hyperlinks.

trafilatura's XML output keeps headings, paragraphs and links (`<ref target>`); the text and the
link offsets are built from it here, with the author and date (trafilatura's metadata) as a byline
block under the title. A bare fragment that trafilatura finds no article in is read whole,
element by element, so a pasted snippet still opens. A page whose article is not in its HTML is
handled by html_data.py: its JSON-LD articleBody is used, an app shell is refused in one line,
and a page whose scripts hold most of its text is analysed with a notice saying so.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import lxml.etree
import lxml.html
import trafilatura

from caveat.document import BlockKind, Document
from caveat.loaders.builder import TextBuilder
from caveat.loaders.errors import LoadError
from caveat.loaders.html_data import byline_of, page_data, settled, shows_author
from caveat.loaders.html_marks import drop_edit_marks

# Element names of trafilatura's XML and of HTML, by the role they play here.
_HEADINGS = {"head", "h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = {"p", "item", "li", "quote", "blockquote", "code", "pre", "row", "tr", "dt", "dd"}
_CONTAINERS = {"list", "ul", "ol", "dl", "table", "tbody", "thead", "main", "body", "div"}
_CONTAINERS |= {"article", "section", "doc", "html", "figure", "figcaption", "center"}
_SKIPPED = {"comments", "graphic", "script", "style", "noscript", "template", "nav", "header"}
_SKIPPED |= {"footer", "aside", "form", "button", "select", "svg", "iframe"}
_CELLS = {"cell", "td", "th"}
_LINE_BREAKS = {"lb", "br"}

# trafilatura logs a warning for pages it cannot parse; Caveat reports those itself, in one line.
logging.getLogger("trafilatura").addHandler(logging.NullHandler())
logging.getLogger("trafilatura").propagate = False


class _Walker:
    """Writes elements into a TextBuilder: block elements become blocks, links become Links."""

    def __init__(self, builder: TextBuilder) -> None:
        self.out = builder
        self.started = False  # the current block has text
        self.space = False  # whitespace came since the last word
        self.first_word: int | None = None  # where the first word since a link opened starts
        self.byline = ""  # written as its own block after the first heading (the title)

    def words(self, text: str | None) -> None:
        if not text:
            return
        self.space |= text[0].isspace()
        joined = " ".join(text.split())
        if joined:
            if self.space and self.started:
                self.out.write(" ")
            if self.first_word is None:
                self.first_word = self.out.position
            self.out.write(joined)
            self.started, self.space = True, False
        self.space |= text[-1].isspace()

    def _mark(self, separator: str) -> None:
        if self.started:
            self.out.write(separator)
        self.space = False

    def inline_children(self, element: lxml.etree._Element) -> None:
        self.words(element.text)
        for child in element:
            tag = _tag(child)
            if tag in _LINE_BREAKS:
                self._mark("\n")
            elif tag in _CELLS:
                self._mark(" | ")
                self.inline_children(child)
            elif tag in ("ref", "a") and (child.get("target") or child.get("href")):
                self._link(child, child.get("target") or child.get("href") or "")
            elif tag not in _SKIPPED:
                self.inline_children(child)
            self.words(child.tail)

    def _link(self, element: lxml.etree._Element, href: str) -> None:
        outer, self.first_word = self.first_word, None
        self.inline_children(element)
        if self.first_word is not None:
            self.out.add_link(self.first_word, self.out.position, href)
        self.first_word = outer if outer is not None else self.first_word

    def block(self, element: lxml.etree._Element, kind: BlockKind, level: int = 0) -> None:
        self.out.end_block()
        self.started = self.space = False
        if kind is BlockKind.HEADING:
            drop_edit_marks(element)
        self.inline_children(element)
        self.out.end_block(kind, level)
        if kind is BlockKind.HEADING:
            self.write_byline()

    def write_byline(self) -> None:
        """The byline as a block of its own, once."""
        if self.byline:
            self.out.end_block()
            self.out.write(self.byline)
            self.out.end_block(BlockKind.BYLINE)
            self.byline = ""

    def walk(self, element: lxml.etree._Element) -> None:
        for child in element:
            tag = _tag(child)
            if tag in _SKIPPED:
                continue
            nested = any(_tag(c) in _BLOCKS | _CONTAINERS | _HEADINGS for c in child)
            if tag in _HEADINGS:
                self.block(child, BlockKind.HEADING, _heading_level(child))
            elif tag in _BLOCKS | _CONTAINERS and nested and tag not in ("row", "tr"):
                self.walk(child)
            elif tag in _BLOCKS | _CONTAINERS:
                self.block(child, BlockKind.PARAGRAPH)


def _tag(element: lxml.etree._Element) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


def _heading_level(element: lxml.etree._Element) -> int:
    name = element.get("rend") or _tag(element)  # trafilatura: <head rend="h2">
    return int(name[1]) if re.fullmatch(r"h[1-6]", name) else 2


def load_html(path: Path, data: bytes, whole: bool = False) -> Document:
    """`whole` reads every element rather than trafilatura's pick of the main text: a pasted
    selection is all article, and trafilatura drops the links of a short one."""
    extracted = (
        ""
        if whole
        else trafilatura.extract(
            data,
            output_format="xml",
            include_links=True,
            include_formatting=True,
            include_comments=False,
            include_tables=True,
            with_metadata=True,
            # only a date the page declares (meta tags, JSON-LD, <time>) goes into the byline:
            # a search of the text took a Wikipedia article's date from one of its references
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    )
    builder = TextBuilder()
    walker = _Walker(builder)
    page = lxml.html.document_fromstring(data)
    if extracted:
        root = lxml.etree.fromstring(extracted.encode())
        title = root.get("title") or ""
        main = root.find("main")
        body = main if main is not None else root
        if not shows_author(body, root.get("author")):
            walker.byline = byline_of(root.get("author"), root.get("date"))
    else:
        root = page
        title = (root.findtext(".//title") or "").strip()
        body = root.find("body") if root.find("body") is not None else root
    title = " ".join(title.split())
    heading = next((c for c in body if _tag(c) in _HEADINGS), None)
    if title and (heading is None or " ".join(heading.xpath("string()").split()) != title):
        walker.words(title)
        builder.end_block(BlockKind.HEADING, 1)
        walker.write_byline()
    elif heading is None:
        walker.write_byline()
    walker.walk(body)
    if not builder.blocks:  # a fragment of inline text, with no block elements at all
        walker.block(body, BlockKind.PARAGRAPH)
    blocks = builder.finished_blocks()
    document = Document(
        builder.text(), blocks, "html", path, title=title, links=tuple(builder.links)
    )
    if whole:  # a pasted selection: no page around it to hold the article elsewhere
        if not any(b.analysed for b in blocks):
            raise LoadError(path, "no readable article text found in this web page")
        return document
    return settled(path, data, document, page_data(page))
