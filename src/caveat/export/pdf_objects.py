"""PDF objects between files: writing them out faithfully, copying pages in, adding a bookmark.

Helpers of the incremental update (increment.py) that know pypdf's object classes.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, BinaryIO, Protocol, cast

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
    StreamObject,
    TextStringObject,
)

if TYPE_CHECKING:
    from caveat.export.increment import IncrementalPdf

log = logging.getLogger(__name__)

#: Outline items walked at most before an outline is taken to be damaged.
MAX_OUTLINE_ITEMS = 100_000


def serialise(obj: PdfObject, stream: BinaryIO) -> None:
    """Write `obj` as PDF syntax.

    As pypdf writes it, except for a name holding a NUL byte: PDF counts NUL as whitespace, so
    such a "name" is pypdf's misreading of two tokens ('/DeviceRGB\\x00255' is '/DeviceRGB' and
    255), and writing the bytes back as they were keeps what the file meant.
    """
    if isinstance(obj, StreamObject):
        obj[NameObject("/Length")] = NumberObject(len(obj._data))
        _dictionary(obj, stream)
        stream.write(b"\nstream\n")
        stream.write(obj._data)
        stream.write(b"\nendstream")
    elif isinstance(obj, DictionaryObject):
        _dictionary(obj, stream)
    elif isinstance(obj, ArrayObject):
        stream.write(b"[")
        for item in obj:
            stream.write(b" ")
            serialise(item, stream)
        stream.write(b" ]")
    elif isinstance(obj, NameObject) and "\x00" in obj:
        stream.write(obj.encode("latin-1", errors="replace"))
    else:
        obj.write_to_stream(stream)


def _dictionary(obj: DictionaryObject, stream: BinaryIO) -> None:
    stream.write(b"<<\n")
    for key, value in obj.items():
        serialise(NameObject(key), stream)
        stream.write(b" ")
        serialise(value, stream)
        stream.write(b"\n")
    stream.write(b">>")


class Target(Protocol):
    """Where copied objects go: the incremental update."""

    def reserve(self) -> IndirectObject: ...

    def put(self, ref: IndirectObject, obj: PdfObject) -> None: ...


class _Copier:
    """Deep copies of another file's objects into `target`, each indirect object copied once."""

    def __init__(self, target: Target) -> None:
        self.target = target
        self.copied: dict[tuple[int, int], IndirectObject] = {}

    def copy(self, obj: PdfObject, leave_out: tuple[str, ...] = ()) -> PdfObject:
        """A copy of `obj` and all it refers to, without the keys `leave_out` (the links back up
        a page tree, which would copy the whole source file)."""
        if isinstance(obj, IndirectObject):
            key = (obj.idnum, obj.generation)
            if key not in self.copied:
                self.copied[key] = self.target.reserve()  # before its body, which may refer back
                body = self.copy(cast(PdfObject, obj.get_object()), leave_out)
                self.target.put(self.copied[key], body)
            return self.copied[key]
        if isinstance(obj, StreamObject):
            stream = StreamObject()
            stream._data = obj._data  # still encoded: its /Filter is copied with it
            for key, value in obj.items():
                if key != "/Length":
                    stream[NameObject(key)] = self.copy(value, leave_out)
            return stream
        if isinstance(obj, DictionaryObject):
            kept = {k: v for k, v in obj.items() if k not in leave_out}
            return DictionaryObject(
                {NameObject(k): self.copy(v, leave_out) for k, v in kept.items()}
            )
        if isinstance(obj, ArrayObject):
            return ArrayObject(self.copy(item, leave_out) for item in obj)
        return obj


def append_pages(update: IncrementalPdf, source: PdfReader) -> list[IndirectObject]:
    """Add every page of `source` after the last page of `update`; their references."""
    catalog = update.catalog()
    pages_ref = catalog.raw_get("/Pages")
    if not isinstance(pages_ref, IndirectObject):
        raise ValueError("the page tree is not an object of its own")
    root = cast(DictionaryObject, update.edit(pages_ref))
    kids = cast(ArrayObject, update.entry(root, "/Kids", ArrayObject))
    copier = _Copier(update)
    added = []
    for page in source.pages:
        # a page's inherited attributes (MediaBox, Resources) are already in pypdf's PageObject
        body = cast(DictionaryObject, copier.copy(page, leave_out=("/Parent", "/P")))
        body[NameObject("/Parent")] = pages_ref
        ref = update.add(body)
        kids.append(ref)
        added.append(ref)
    root[NameObject("/Count")] = NumberObject(update.page_count() + len(added))
    return added


def _outline_items(outline: DictionaryObject) -> list[IndirectObject] | None:
    """The outline's top-level items in order, or None when the chain is damaged (loops back
    on itself, breaks off, or is longer than any real outline)."""
    items: list[IndirectObject] = []
    seen: set[int] = set()
    item = outline.raw_get("/First") if "/First" in outline else None
    while item is not None:
        if not isinstance(item, IndirectObject) or item.idnum in seen:
            return None
        if len(items) >= MAX_OUTLINE_ITEMS:
            return None
        body = item.get_object()
        if not isinstance(body, DictionaryObject):
            return None
        seen.add(item.idnum)
        items.append(item)
        item = body.raw_get("/Next") if "/Next" in body else None
    last = outline.raw_get("/Last") if "/Last" in outline else None
    if items and (not isinstance(last, IndirectObject) or last.idnum != items[-1].idnum):
        return None
    return items


def add_bookmark(update: IncrementalPdf, title: str, page: IndirectObject) -> bool:
    """Add a top-level outline item `title` that opens `page`, after the existing ones.

    A damaged outline (a loop, a broken chain) is left as it is, without the new item: the
    bookmark is a convenience, and changing a damaged outline could make it worse. Returns
    whether the bookmark was added.
    """
    catalog = update.catalog()
    item = DictionaryObject(
        {
            NameObject("/Title"): TextStringObject(title),
            NameObject("/Dest"): ArrayObject([page, NameObject("/Fit")]),
        }
    )
    outline_ref = catalog.raw_get("/Outlines") if "/Outlines" in catalog else None
    if outline_ref is None:
        outline_ref = update.add(DictionaryObject({NameObject("/Type"): NameObject("/Outlines")}))
        catalog[NameObject("/Outlines")] = outline_ref
    outline = outline_ref.get_object() if isinstance(outline_ref, IndirectObject) else None
    items = _outline_items(outline) if isinstance(outline, DictionaryObject) else None
    if items is None or not isinstance(outline_ref, IndirectObject):
        log.info("the PDF's outline is damaged; the summary gets no bookmark")
        return False
    outline = cast(DictionaryObject, update.edit(outline_ref))
    item[NameObject("/Parent")] = outline_ref
    ref = update.add(item)
    if items:
        item[NameObject("/Prev")] = items[-1]
        cast(DictionaryObject, update.edit(items[-1]))[NameObject("/Next")] = ref
    else:
        outline[NameObject("/First")] = ref
    outline[NameObject("/Last")] = ref
    count = outline.get("/Count", 0)
    visible = abs(int(count)) if isinstance(count, int) else 0
    outline[NameObject("/Count")] = NumberObject(visible + 1)
    return True
