"""The cross-reference section of an incremental update: where each object of the file lies.

A classic `xref` table where the original has one, a cross-reference stream where objects sit
inside object streams; and the test of whether the original's own section can be chained to
(`/Prev`) or must be listed again in full because it is damaged.
"""

from __future__ import annotations

import io
import re
import struct
import zlib
from typing import cast

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject, StreamObject

from caveat.export.pdf_objects import serialise

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*\Z")
_OBJECT_HEADER = re.compile(rb"\d+\s+\d+\s+obj\b")


def first_free_id(reader: PdfReader) -> int:
    used = [i for table in reader.xref.values() for i in table]
    used += list(reader.xref_objStm)
    size = reader.trailer.get("/Size", 0)
    return max([*used, int(size) - 1 if isinstance(size, int) else 0, 0]) + 1


def sound_startxref(data: bytes, reader: PdfReader) -> int | None:
    """The original's last startxref offset when it points at a cross-reference section and the
    trailer's /Size covers every object; None when the update must list every object itself."""
    found = _STARTXREF.search(data, max(0, len(data) - 1024))
    if not found:
        return None
    offset = int(found.group(1))
    if not (data[offset : offset + 4] == b"xref" or _OBJECT_HEADER.match(data, offset)):
        return None
    size = reader.trailer.get("/Size", 0)
    if not isinstance(size, int) or size < first_free_id(reader):
        return None
    return offset


def all_entries(reader: PdfReader) -> dict[int, tuple[int, int, int]]:
    """Every object of the original where pypdf found it: (1, offset, generation) for objects of
    their own, (2, object stream, index) for objects inside an object stream."""
    entries: dict[int, tuple[int, int, int]] = {}
    for generation, table in sorted(reader.xref.items()):
        if generation == 65535:
            continue
        for idnum, offset in table.items():
            entries[idnum] = (1, offset, generation)
    for idnum, (stream_id, index) in reader.xref_objStm.items():
        entries.setdefault(idnum, (2, stream_id, index))
    entries.pop(0, None)
    return entries


def _runs(ids: list[int]) -> list[tuple[int, int]]:
    """Consecutive runs of sorted ids as (first, count)."""
    runs: list[tuple[int, int]] = []
    for idnum in ids:
        if runs and runs[-1][0] + runs[-1][1] == idnum:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((idnum, 1))
    return runs


def xref_table(entries: dict[int, tuple[int, int, int]], trailer: DictionaryObject) -> bytes:
    out = io.BytesIO()
    out.write(b"xref\n0 1\n0000000000 65535 f \n")
    for first, count in _runs(sorted(entries)):
        out.write(b"%d %d\n" % (first, count))
        for idnum in range(first, first + count):
            _kind, offset, generation = entries[idnum]
            out.write(b"%010d %05d n \n" % (offset, generation))
    out.write(b"trailer\n")
    serialise(trailer, out)
    out.write(b"\n")
    return out.getvalue()


def xref_stream(
    entries: dict[int, tuple[int, int, int]], trailer: DictionaryObject, at: int
) -> bytes:
    """A cross-reference stream (needed for objects inside object streams), itself an object."""
    own_id = int(cast(NumberObject, trailer["/Size"]))
    trailer[NameObject("/Size")] = NumberObject(own_id + 1)
    entries = {**entries, own_id: (1, at, 0)}
    ids = sorted(entries)
    rows = b"".join(struct.pack(">BIH", *entries[i]) for i in ids)
    stream = StreamObject()
    stream.update(trailer)
    stream.update(
        {
            NameObject("/Type"): NameObject("/XRef"),
            NameObject("/W"): ArrayObject([NumberObject(1), NumberObject(4), NumberObject(2)]),
            NameObject("/Index"): ArrayObject(NumberObject(n) for run in _runs(ids) for n in run),
            NameObject("/Filter"): NameObject("/FlateDecode"),
        }
    )
    stream._data = zlib.compress(rows)
    out = io.BytesIO()
    out.write(b"%d 0 obj\n" % own_id)
    serialise(stream, out)
    out.write(b"\nendobj\n")
    return out.getvalue()
