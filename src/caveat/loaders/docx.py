"""Word documents (.docx): paragraphs, headings by style, table rows, and hyperlinks.

A .docx is a zip archive, and python-docx unpacks every part into memory, so the archive's
directory is checked first: a small file that unpacks to gigabytes (a zip bomb) is refused
before anything is decompressed. zipfile itself stops at each member's declared size (and fails
the CRC check past it), so a directory that lies about sizes cannot get around the check.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
from docx.table import Table
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph

from caveat.document import BlockKind, Document
from caveat.loaders.builder import TextBuilder
from caveat.loaders.errors import LoadError

MAX_MEMBERS = 10_000
# Real .docx parts (XML, pictures) compress by 2 to 30 times; bombs by hundreds or thousands.
MAX_RATIO = 100
RATIO_CHECKED_ABOVE = 1024 * 1024  # tiny parts can compress very well and do no harm
UNPACKED_PER_PACKED_LIMIT = 20  # the whole archive may unpack to 20 times the size limit

_HEADING_STYLE = re.compile(r"heading (\d)", re.IGNORECASE)


def check_archive(path: Path, data: bytes, max_bytes: int) -> zipfile.ZipFile:
    """The opened archive, after refusing one that is not a zip, not Word, or a zip bomb."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise LoadError(path, "not a valid .docx file (it is not a zip archive)") from None
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise LoadError(path, f"refused: the archive holds {len(members)} files (zip bomb?)")
    unpacked = sum(m.file_size for m in members)
    if unpacked > UNPACKED_PER_PACKED_LIMIT * max_bytes:
        raise LoadError(path, f"refused: it would unpack to {unpacked / 2**20:.0f} MB (zip bomb?)")
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_CHECKED_ABOVE and ratio > MAX_RATIO:
            raise LoadError(
                path, f"refused: {member.filename} is compressed {ratio:.0f} to 1 (zip bomb?)"
            )
    if "word/document.xml" not in archive.namelist():
        raise LoadError(path, "not a Word document (a zip archive without word/document.xml)")
    return archive


def _heading_level(paragraph: Paragraph) -> int:
    """1 for the Title style, N for "Heading N", 0 for body text."""
    name = paragraph.style.name if paragraph.style is not None else ""
    if name.lower() == "title":
        return 1
    match = _HEADING_STYLE.fullmatch(name or "")
    return int(match.group(1)) if match else 0


def _write_paragraph(builder: TextBuilder, paragraph: Paragraph) -> None:
    for item in paragraph.iter_inner_content():
        start = builder.write(item.text)
        if isinstance(item, Hyperlink) and item.address:
            builder.add_link(start, builder.position, item.url or item.address)


def _write_table(builder: TextBuilder, table: Table) -> None:
    for row in table.rows:
        cells = [" ".join(c.text.split()) for c in row.cells]
        builder.write(" | ".join(c for c in cells if c))
        builder.end_block()


def load_docx(path: Path, data: bytes, max_bytes: int) -> Document:
    archive = check_archive(path, data, max_bytes)
    archive.close()
    try:
        word = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many types for damaged parts
        raise LoadError(path, f"damaged Word document ({type(exc).__name__})") from None
    builder = TextBuilder()
    for item in word.iter_inner_content():
        if isinstance(item, Table):
            _write_table(builder, item)
            continue
        level = _heading_level(item)
        _write_paragraph(builder, item)
        builder.end_block(BlockKind.HEADING if level else BlockKind.PARAGRAPH, level)
    blocks = builder.finished_blocks()
    if not any(b.analysed for b in blocks):
        raise LoadError(path, "the document has no text")
    title = word.core_properties.title or next(
        (builder.text()[b.start : b.end] for b in blocks if b.kind is BlockKind.HEADING), ""
    )
    return Document(builder.text(), blocks, "docx", path, title=title, links=tuple(builder.links))
