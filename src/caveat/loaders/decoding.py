"""Bytes -> text for plain-text formats: byte-order marks, then UTF-8, then Western, then detection.

charset-normalizer alone often takes short Western text for cp1250, cp852 or a Mac code page,
since they share the common accented letters. So bytes that read in cp1252 (a superset of
latin-1's printable range) as ordinary Western text (mostly ASCII, the accented letters and
typographic punctuation only) are taken as cp1252; anything else goes to detection.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import charset_normalizer

from caveat.loaders.errors import LoadError

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Beyond ASCII, what Western text in cp1252 is made of: accented letters and typography.
_WESTERN_EXTRAS = frozenset("‘’‚“”„–—…€•™\u00a0©®°«»·ŒœŠšŽž")
_WESTERN_MAX_ACCENTED_SHARE = 0.3  # of all letters; Cyrillic read as cp1252 is nearly all
# Control characters other than tab, line feed, form feed and carriage return mean binary data.
_CONTROL = {chr(c) for c in range(32) if chr(c) not in "\t\n\f\r"} | {"\x7f"}
_MAX_CONTROL_SHARE = 0.01


def byte_order_mark_encoding(data: bytes) -> str | None:
    for mark, encoding in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return encoding
    return None


def _detected_encoding(path: Path, data: bytes) -> str:
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        raise LoadError(path, "the text encoding could not be recognised (binary or damaged file)")
    return matches[0].encoding


def _looks_western(text: str) -> bool:
    beyond_ascii = [c for c in text if ord(c) > 0x7F]
    letters = sum(c.isalpha() for c in text)
    if len(beyond_ascii) > _WESTERN_MAX_ACCENTED_SHARE * max(letters, 1):
        return False
    return all(
        c in _WESTERN_EXTRAS or ("\u00c0" <= c <= "\u00ff" and c not in "×÷") for c in beyond_ascii
    )


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def decode_text(path: Path, data: bytes) -> tuple[str, str]:
    """The text a reader sees in `data` (without any byte-order mark) and its encoding's name."""
    encoding = byte_order_mark_encoding(data)
    if encoding is None and b"\x00" in data:
        raise LoadError(path, "binary file, not text")
    if encoding is None:
        if _decodes(data, "utf-8"):
            encoding = "utf-8"
        elif _decodes(data, "cp1252") and _looks_western(data.decode("cp1252")):
            encoding = "cp1252"
        else:
            encoding = _detected_encoding(path, data)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise LoadError(
            path, f"not valid {encoding} text (bad byte at position {exc.start})"
        ) from None
    if sum(text.count(c) for c in _CONTROL if c in text) > _MAX_CONTROL_SHARE * len(text):
        raise LoadError(path, "binary file, not text")
    return text, encoding
