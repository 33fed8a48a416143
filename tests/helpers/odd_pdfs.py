"""Damaged and unusual PDFs made by hand, each the smallest file that shows one problem found in
public PDF test suites (pdf.js, pypdf, pdfium): a bad xref pointer, a trailer that lies about its
size, an outline that loops, a colour space with a NUL byte between its tokens, encryption that
opens without a password, thousands of annotations; and two well-formed variants (object streams,
linearized) that qpdf writes. Every one has a text layer with a few phrases
Caveat flags, so it analyses and can be exported.
"""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path

LINES = [
    (72, 720, 18, "Harbour figures"),
    (72, 690, 11, "Officials said about 3,800 people left the island,"),
    (72, 676, 11, "and the port will likely close by May."),
    (72, 662, 11, "Perhaps 40 percent of the boats never came back."),
]


def _text_ops(lines: list[tuple[float, float, float, str]]) -> bytes:
    ops = []
    for x, y, size, text in lines:
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"BT /F1 {size} Tf {x} {y} Td ({escaped}) Tj ET")
    return "\n".join(ops).encode("latin-1")


def _stream(data: bytes, extra: bytes = b"", compress: bool = False) -> bytes:
    if compress:
        data = zlib.compress(data)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(data), extra, data)


def assemble(objects: list[bytes], root: int, trailer_extra: bytes = b"") -> bytes:
    """A PDF file of `objects` (numbered from 1) with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R%s >>\n" % (len(objects) + 1, root, trailer_extra)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def article_pdf(
    page_extra: bytes = b"",
    page_keys: bytes = b"",
    content_extra: bytes = b"",
    catalog_extra: bytes = b"",
    more: list[bytes] | None = None,
    pages: int = 1,
) -> bytes:
    """A one-font article; objects 1-4 are font, pages, catalog, content; `more` are numbered
    from 5 and then the pages follow them. `page_extra` goes into each page's resources,
    `page_keys` into the page dictionary."""
    more = more or []
    content = _stream(content_extra + _text_ops(LINES))
    objects = [
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"",
        b"<< /Type /Catalog /Pages 2 0 R%s >>" % catalog_extra,
        content,
        *more,
    ]
    kids = []
    for _ in range(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << "
            b"/Font << /F1 1 0 R >>%s >> /Contents 4 0 R%s >>" % (page_extra, page_keys)
        )
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    return assemble(objects, root=3)


def plain() -> bytes:
    return article_pdf()


def wrong_startxref() -> bytes:
    """The startxref offset points into the middle of an object (pypdf: 'incorrect startxref
    pointer'); readers rebuild the cross-reference table by scanning."""
    data = article_pdf()
    at = data.rindex(b"startxref\n") + len(b"startxref\n")
    end = data.index(b"\n", at)
    return data[:at] + b"%d" % (int(data[at:end]) - 17) + data[end:]


def trailer_size_zero() -> bytes:
    """The trailer says /Size 0 (pypdf: 'Object count ... exceeds defined trailer size 0')."""
    return re.sub(rb"/Size \d+", b"/Size 0", article_pdf())


def outline_cycle() -> bytes:
    """An outline whose second item's /Next leads back to the first: a loop with no end."""
    outline = [
        b"<< /Type /Outlines /First 6 0 R /Last 7 0 R /Count 2 >>",
        b"<< /Title (One) /Parent 5 0 R /Next 7 0 R /Dest [8 0 R /Fit] >>",
        b"<< /Title (Two) /Parent 5 0 R /Prev 6 0 R /Next 6 0 R /Dest [8 0 R /Fit] >>",
    ]
    return article_pdf(catalog_extra=b" /Outlines 5 0 R", more=outline)


def _palette_image() -> bytes:
    """A 2x2 image in an Indexed colour space whose base and highest index are separated by a
    NUL byte (legal PDF whitespace): '/Indexed /DeviceRGB\\x00255 <...>'."""
    palette = bytearray(768)
    palette[0:12] = bytes((220, 30, 30, 30, 160, 60, 40, 70, 220, 240, 200, 0))
    pixels = bytes((0, 1, 2, 3))
    return _stream(
        pixels,
        b" /Type /XObject /Subtype /Image /Width 2 /Height 2 /BitsPerComponent 8"
        b" /ColorSpace [/Indexed /DeviceRGB\x00255 <" + palette.hex().encode() + b">]",
    )


def indexed_nul_colour_space() -> bytes:
    """A page with a coloured image whose colour space has a NUL between two tokens; a writer
    that re-serialises the page resources turns it into a name '/DeviceRGB#00255'."""
    draw = b"q 200 0 0 120 300 420 cm /Im1 Do Q\n"
    return article_pdf(
        page_extra=b" /XObject << /Im1 5 0 R >>", content_extra=draw, more=[_palette_image()]
    )


def many_annotations(count: int = 32_768) -> bytes:
    """A page holding `count` small link annotations already (a form-heavy or tagged file)."""
    annots = [
        b"<< /Type /Annot /Subtype /Square /Rect [%d %d %d %d] /F 4 /C [0 0 1] >>"
        % (10 + i % 50 * 11, 20 + i // 50 % 60 * 9, 18 + i % 50 * 11, 26 + i // 50 % 60 * 9)
        for i in range(count)
    ]
    first = 6  # objects 5.. are the annotations after the array
    array = b"[" + b" ".join(b"%d 0 R" % (first + i) for i in range(count)) + b"]"
    return article_pdf(page_keys=b" /Annots 5 0 R", more=[array, *annots])


def encrypted(algorithm: str, owner_password: str = "") -> bytes:
    """The plain article encrypted with `algorithm` (pypdf's names: 'RC4-128', 'AES-128',
    'AES-256-R5', 'AES-256'), opening with an empty user password."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(article_pdf())))
    writer.encrypt(user_password="", owner_password=owner_password, algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def rewritten_by_qpdf(*options: str) -> bytes:
    """The plain article as qpdf writes it with `options` (object streams, linearized)."""
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder, "in.pdf"), Path(folder, "out.pdf")
        source.write_bytes(article_pdf())
        subprocess.run(["qpdf", *options, source, target], check=True)
        return target.read_bytes()


#: name -> maker, for the reliability run and the tests
ODD_PDFS: dict[str, Callable[[], bytes]] = {
    "plain": plain,
    "wrong-startxref": wrong_startxref,
    "trailer-size-zero": trailer_size_zero,
    "outline-cycle": outline_cycle,
    "indexed-nul-colour-space": indexed_nul_colour_space,
    "rc4-128-empty-password": lambda: encrypted("RC4-128"),
    "aes-128-empty-password": lambda: encrypted("AES-128"),
    "aes-256-r5-empty-password": lambda: encrypted("AES-256-R5"),
    "aes-256-r6-empty-password": lambda: encrypted("AES-256"),
    "aes-128-owner-password-only": lambda: encrypted("AES-128", owner_password="secret"),
    "aes-256-r6-owner-password-only": lambda: encrypted("AES-256", owner_password="secret"),
    "object-streams": lambda: rewritten_by_qpdf("--object-streams=generate"),
    "linearized": lambda: rewritten_by_qpdf("--linearize"),
}
