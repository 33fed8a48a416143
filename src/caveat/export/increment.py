"""Change a PDF by appending to it (an incremental update), never by rewriting it.

The export used to load every object of the user's PDF into pypdf and write them all out again.
That re-serialisation damaged what pypdf had misread (an Indexed colour space written
`/DeviceRGB\\x00255`, a NUL between two tokens, came back as the name `/DeviceRGB#00255` and
blanked the images) and cost most of a minute for a file with 32,768 annotations. Here the
original bytes are copied as they are; only the objects Caveat changes (the annotated pages' or
their /Annots arrays, the catalog, the page tree's root) and the objects it adds (annotations,
optional-content groups, summary pages) are written after them, with a cross-reference section
for those. Objects are read only when they are changed, so the cost no longer grows with
the rest of the file.

When the original's cross-reference data is damaged (a wrong startxref offset, a trailer whose
/Size is too small), the new section lists every object at the place pypdf found it, so the
result reads without repair. An encrypted PDF that opens without a password gets its new objects
encrypted with the document's own key.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path
from typing import BinaryIO, cast

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NullObject,
    NumberObject,
    PdfObject,
    TextStringObject,
)

from caveat.export.pdf_objects import serialise
from caveat.export.xref import all_entries, first_free_id, sound_startxref, xref_stream, xref_table

# pypdf logs what it repairs in a damaged file ("incorrect startxref pointer") as warnings; with
# no handler anywhere Python prints them on stderr, which is for Caveat's own messages. `--verbose`
# (caveat/verbosity.py) shows them.
logging.getLogger("pypdf").addHandler(logging.NullHandler())


class IncrementalPdf:
    """An existing PDF's bytes, plus the objects changed or added since it was read."""

    def __init__(self, data: bytes, reader: PdfReader) -> None:
        self.data = data
        self.reader = reader
        self._changed: dict[int, tuple[int, PdfObject]] = {}  # id -> (generation, object)
        self._added: dict[int, PdfObject] = {}
        self._next_id = first_free_id(reader)
        info = reader.trailer.raw_get("/Info") if "/Info" in reader.trailer else None
        self._info = info if isinstance(info, IndirectObject) else None

    @classmethod
    def open(cls, path: Path) -> IncrementalPdf:
        """Read `path` (decrypted with the empty password if it is encrypted); raises pypdf's
        errors, and PermissionError when a password is needed."""
        data = path.read_bytes()
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise PermissionError("a password is needed to open this PDF")
        return cls(data, reader)

    # reading and changing
    def page_count(self) -> int:
        return len(self.reader.pages)

    def page_ref(self, index: int) -> IndirectObject:
        return cast(IndirectObject, self.reader.pages[index].indirect_reference)

    def edit(self, ref: IndirectObject) -> PdfObject:
        """The object behind `ref`, to be changed: it is written again in the update."""
        if ref.idnum in self._added:
            return self._added[ref.idnum]
        if ref.idnum not in self._changed:
            obj = self.reader.get_object(ref)
            if obj is None:
                raise ValueError(f"object {ref.idnum} {ref.generation} R cannot be read")
            self._changed[ref.idnum] = (ref.generation, obj)
        return self._changed[ref.idnum][1]

    def catalog(self) -> DictionaryObject:
        root = self.reader.trailer.raw_get("/Root")
        return cast(DictionaryObject, self.edit(cast(IndirectObject, root)))

    def entry(
        self, owner: DictionaryObject, key: str, kind: type
    ) -> DictionaryObject | ArrayObject:
        """`owner[key]` ready to change (a dictionary or array, made empty when missing or of
        the wrong kind); `owner` must itself be an object being changed."""
        value = owner.raw_get(key) if key in owner else None
        if isinstance(value, IndirectObject):
            target = self.edit(value)
            if isinstance(target, kind):
                return cast(DictionaryObject | ArrayObject, target)
        elif isinstance(value, kind):
            return cast(DictionaryObject | ArrayObject, value)
        fresh = cast(DictionaryObject | ArrayObject, kind())
        owner[NameObject(key)] = fresh
        return fresh

    def add(self, obj: PdfObject) -> IndirectObject:
        """A new object; returns the reference to put wherever it is used."""
        ref = self.reserve()
        self.put(ref, obj)
        return ref

    def reserve(self) -> IndirectObject:
        """The number of a new object whose body comes later (`put`), for objects that refer to
        each other."""
        ref = IndirectObject(self._next_id, 0, self)
        self._added[self._next_id] = NullObject()
        self._next_id += 1
        return ref

    def put(self, ref: IndirectObject, obj: PdfObject) -> None:
        self._added[ref.idnum] = obj

    def get_object(self, ref: IndirectObject | int) -> PdfObject | None:
        """What pypdf's IndirectObject.get_object() asks its owner."""
        idnum = ref if isinstance(ref, int) else ref.idnum
        if idnum in self._added:
            return self._added[idnum]
        if idnum in self._changed:
            return self._changed[idnum][1]
        return self.reader.get_object(idnum)

    def add_annotation(self, page: int, annotation: DictionaryObject) -> IndirectObject:
        """Put `annotation` on page `page` (0-based); the page itself stays as it was when its
        /Annots array is an object of its own."""
        page_dict = self.reader.pages[page]
        ref = self.add(annotation)
        annots = page_dict.raw_get("/Annots") if "/Annots" in page_dict else None
        if isinstance(annots, IndirectObject) and isinstance(self.edit(annots), ArrayObject):
            cast(ArrayObject, self.edit(annots)).append(ref)
        else:
            owner = cast(DictionaryObject, self.edit(self.page_ref(page)))
            cast(ArrayObject, self.entry(owner, "/Annots", ArrayObject)).append(ref)
        return ref

    def set_info(self, entries: dict[str, str]) -> None:
        """Set document information entries (title, creator)."""
        if self._info is not None and isinstance(self.get_object(self._info), DictionaryObject):
            info = cast(DictionaryObject, self.edit(self._info))
        else:
            info = DictionaryObject()
            self._info = self.add(info)
        for key, value in entries.items():
            info[NameObject(key)] = TextStringObject(value)

    # writing
    def write(self, stream: BinaryIO) -> None:
        """The original bytes, then the update."""
        stream.write(self.data)
        if not self.data.endswith((b"\n", b"\r")):
            stream.write(b"\n")
        base = len(self.data) + (0 if self.data.endswith((b"\n", b"\r")) else 1)
        buffer = io.BytesIO()
        offsets: dict[int, tuple[int, int]] = {}  # id -> (offset, generation)
        objects = [(i, g, o) for i, (g, o) in sorted(self._changed.items())]
        objects += [(i, 0, o) for i, o in sorted(self._added.items())]
        # pypdf keeps a decrypted file's key in `_encryption`; new objects are encrypted with it
        encryption = self.reader._encryption if self.reader.is_encrypted else None
        for idnum, generation, obj in objects:
            offsets[idnum] = (base + buffer.tell(), generation)
            if encryption is not None:
                obj = encryption.encrypt_object(obj, idnum, generation)
            buffer.write(b"%d %d obj\n" % (idnum, generation))
            serialise(obj, buffer)
            buffer.write(b"\nendobj\n")
        stream.write(buffer.getvalue())
        previous = sound_startxref(self.data, self.reader)
        entries = all_entries(self.reader) if previous is None else {}
        entries.update({i: (1, offset, gen) for i, (offset, gen) in offsets.items()})
        trailer = self._trailer(previous)
        xref_at = base + buffer.tell()
        # a classic table where the original has one (or, rebuilt, needs no object streams);
        # a cross-reference stream where objects sit inside object streams
        classic = (
            self.data[previous : previous + 4] == b"xref"
            if previous is not None
            else all(kind == 1 for kind, _offset, _generation in entries.values())
        )
        if classic:
            stream.write(xref_table(entries, trailer))
        else:
            stream.write(xref_stream(entries, trailer, xref_at))
        stream.write(b"startxref\n%d\n%%%%EOF\n" % xref_at)

    def _trailer(self, previous: int | None) -> DictionaryObject:
        old = self.reader.trailer
        trailer = DictionaryObject()
        trailer[NameObject("/Size")] = NumberObject(self._next_id)
        trailer[NameObject("/Root")] = old.raw_get("/Root")
        if self._info is not None:
            trailer[NameObject("/Info")] = self._info
        if "/Encrypt" in old:
            trailer[NameObject("/Encrypt")] = old.raw_get("/Encrypt")
        if "/ID" in old and isinstance(ids := old["/ID"], ArrayObject):
            trailer[NameObject("/ID")] = ArrayObject(
                ByteStringObject(getattr(part, "original_bytes", b"")) for part in ids
            )
        if previous is not None:
            trailer[NameObject("/Prev")] = NumberObject(previous)
        return trailer
