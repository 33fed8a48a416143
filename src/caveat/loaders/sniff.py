"""What a file really is, from its first bytes: a PDF named .txt still opens as a PDF."""

from __future__ import annotations

import re

PDF = "pdf"
ZIP = "zip"
HTML = "html"

# Formats Caveat cannot read, by their magic bytes, with the words a reader knows them by.
_KNOWN_BINARY = (
    (b"\xd0\xcf\x11\xe0", "an old Word .doc or other legacy Office file; save it as .docx"),
    (b"{\\rtf", "an RTF document; save it as .docx or plain text"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "a program, not a document"),
    (b"MZ", "a Windows program, not a document"),
)
_HTML_START = re.compile(
    rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)


def sniff(data: bytes) -> str | None:
    """PDF, ZIP or HTML when the content says so, else None (plain text or unknown)."""
    # The PDF header may follow some junk, which readers tolerate within the first kilobyte.
    if b"%PDF-" in data[:1024]:
        return PDF
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return ZIP
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if _HTML_START.match(head):
        return HTML
    return None


def known_binary(data: bytes) -> str | None:
    """A description of a binary format Caveat does not read, or None."""
    for magic, description in _KNOWN_BINARY:
        if data.startswith(magic):
            return description
    return None
