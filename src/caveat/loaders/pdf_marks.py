"""Caveat's own marks on the pages of a PDF it exported, so that reading it again skips them.

An export says, on each page it wrote, what the page holds, in the page's page-piece dictionary
(`/PieceInfo`, ISO 32000-1 section 14.5: private data of the application that made the page,
which other tools keep and ignore):

    /PieceInfo << /Caveat << /LastModified (D:...) /Private <<
        /Part /Summary                      the summary pages: none of it is the article
        /Part /Article /Body [l b r t]      a printed article page: only text inside Body is the
              /Added [[l b r t] ...]        article (not the running head and page number), less
              /Continues true               the Added boxes (a title and a line Caveat wrote);
              /Glued [i ...]                Continues: its first line goes on with a paragraph;
    >> >> >>                                Glued: pdfium characters that end a line with no
                                            space after them in the article ("well-|known")

Marks travel with their page, so they survive tools that split, merge or rewrite the file.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from typing import Any

Rect = tuple[float, float, float, float]  # left, bottom, right, top in PDF points

#: what an export adds to its article's title in the PDF's metadata
ANNOTATED = "(annotated by Caveat)"
PIECE = "/Caveat"
PART = "/Part"
SUMMARY = "/Summary"
ARTICLE = "/Article"
BODY = "/Body"
ADDED = "/Added"
CONTINUES = "/Continues"
GLUED = "/Glued"


@dataclass(frozen=True)
class PageMarks:
    """What Caveat's mark says about one page."""

    summary: bool = False
    body: Rect | None = None
    added: tuple[Rect, ...] = ()
    continues: bool = False  # the page's first line goes on with the paragraph before
    glued: frozenset[int] = frozenset()  # chars ending a line with no space after them

    def keeps(self, x: float, y: float) -> bool:
        """Whether a character whose origin is at (x, y) is article text."""
        if self.summary:
            return False
        if self.body is not None and not _inside(self.body, x, y):
            return False
        return not any(_inside(box, x, y) for box in self.added)


def _inside(rect: Rect, x: float, y: float) -> bool:
    left, bottom, right, top = rect
    return left <= x <= right and bottom <= y <= top


def _rect(value: object) -> Rect | None:
    try:
        numbers = [float(v) for v in value]  # type: ignore[attr-defined]
    except (TypeError, ValueError):
        return None
    return (numbers[0], numbers[1], numbers[2], numbers[3]) if len(numbers) == 4 else None


def _page_marks(private: Any) -> PageMarks | None:
    if not hasattr(private, "get"):
        return None
    part = private.get(PART)
    if part == SUMMARY:
        return PageMarks(summary=True)
    if part != ARTICLE:
        return None
    added = private.get(ADDED) or []
    boxes = tuple(box for value in added if (box := _rect(value)) is not None)
    flag = private.get(CONTINUES)
    continues = getattr(flag, "value", flag) is True  # pypdf's BooleanObject(False) is truthy
    glued = frozenset(int(i) for i in private.get(GLUED) or [] if isinstance(i, int))
    return PageMarks(False, _rect(private.get(BODY)), boxes, continues, glued)


def read_marks(data: bytes) -> dict[int, PageMarks]:
    """The marked pages of a PDF (0-based page index -> marks); {} for any other PDF.

    Read with pypdf (pdfium has no way to reach a page's dictionary); a file pypdf cannot read
    simply has no marks: pdfium reads its text as it would any PDF's.
    """
    from pypdf import PdfReader

    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # a damaged file's repairs are pdfium's business, not ours
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            return {}  # Caveat never encrypts what it writes
        marks: dict[int, PageMarks] = {}
        for index, page in enumerate(reader.pages):
            piece = page.get("/PieceInfo")
            entry = piece.get_object().get(PIECE) if piece is not None else None
            private = entry.get_object().get("/Private") if entry is not None else None
            found = _page_marks(private.get_object() if private is not None else None)
            if found is not None:
                marks[index] = found
        return marks
    except Exception:  # noqa: BLE001 - a PDF pypdf cannot parse is read without marks
        return {}
    finally:
        quiet.setLevel(level)
