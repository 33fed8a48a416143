"""Bytes -> text for plain-text formats: byte-order marks, then UTF-8, then Western, then detection.

A text file does not say its encoding, so past UTF-8 every choice is a guess, and the reader is
told so (`Decoded.notices`). The order of guesses comes from real files that went wrong:

- UTF-8 with a few stray bytes (one Windows-1252 "£" pasted into a UTF-8 article) is still UTF-8:
  the stray bytes are read as Windows-1252. Detection took such a 20 MB file whole for cp1250 and
  turned every "£" into "ÂŁ".
- Bytes that read in cp1252 as ordinary Western text are cp1252 (western.py: a text with one
  "£" was taken for cp932).
- Anything else goes to detection (charset-normalizer), except that a CJK code page is not
  believed for text that is nearly all ASCII (read as cp1252), and a Western guess gives way to
  cp1250 when that reads with fewer signs stuck to letters.
"""

from __future__ import annotations

import codecs
import threading
from pathlib import Path
from typing import NamedTuple

from caveat.loaders.errors import LoadError
from caveat.loaders.western import is_western_code_page, looks_western, reads_better

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# UTF-8 is kept while the bytes of its valid multi-byte characters outnumber its stray bytes this
# many times (a character is two or three bytes: about four characters per stray byte).
_UTF8_VALID_BYTES_PER_STRAY = 8
# Text with no more than this share of bytes outside ASCII is not in a multi-byte encoding (CJK
# code pages), whatever detection says.
_MOSTLY_ASCII_SHARE = 0.05
_MULTIBYTE_ENCODINGS = (
    *("cp932", "shift_jis", "euc_j", "iso2022", "gb", "hz", "big5", "cp949"),
    *("euc_k", "johab", "cp950", "cp936", "ksc"),
)
# Control characters other than tab, line feed, form feed and carriage return mean binary data.
_CONTROL = {chr(c) for c in range(32) if chr(c) not in "\t\n\f\r"} | {"\x7f"}
_CONTROL_BYTES = "".join(_CONTROL).encode("ascii")
_MAX_CONTROL_SHARE = 0.01
_ASCII = bytes(range(128))
_SAMPLE = 1 << 20  # bytes: a first look at a large file (charset-normalizer takes 1 s on 20 MB)
_NAMES = {
    "cp1252": "Windows-1252 (Western European)",
    "cp1250": "Windows-1250 (Central European)",
    "cp1251": "Windows-1251 (Cyrillic)",
    "cp1253": "Windows-1253 (Greek)",
    "cp1254": "Windows-1254 (Turkish)",
    "iso8859-2": "ISO-8859-2 (Central European)",
    "iso8859-15": "ISO-8859-15 (Western European)",
    "koi8-r": "KOI8-R (Russian)",
    "cp932": "Shift JIS (Japanese)",
    "gb18030": "GB18030 (Chinese)",
    "big5": "Big5 (Chinese)",
}
_STRAY_HANDLER = "caveat-stray-cp1252"


class Decoded(NamedTuple):
    text: str
    encoding: str
    #: what the reader should know about how the bytes were read (empty when nothing was guessed)
    notices: tuple[str, ...] = ()


class _Strays(threading.local):
    """The bytes the stray handler replaced in this thread's last decoding."""

    count = 0
    first = -1  # offset of the first


_strays = _Strays()


def _stray_bytes_as_cp1252(error: UnicodeError) -> tuple[str, int]:
    """A codec error handler: read each byte the codec rejects as Windows-1252, one at a time
    ("\ufffd" for the five bytes cp1252 leaves undefined), and count them."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    if _strays.first < 0:
        _strays.first = error.start
    _strays.count += 1
    byte = error.object[error.start : error.start + 1]
    return byte.decode("cp1252", errors="replace"), error.start + 1


codecs.register_error(_STRAY_HANDLER, _stray_bytes_as_cp1252)


def _with_strays(data: bytes, encoding: str) -> str:
    _strays.count, _strays.first = 0, -1
    return data.decode(encoding, errors=_STRAY_HANDLER)


def byte_order_mark_encoding(data: bytes) -> str | None:
    for mark, encoding in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return encoding
    return None


def _mostly_utf8(data: bytes, strays: int) -> bool:
    valid_bytes = len(data.translate(None, _ASCII)) - strays
    return valid_bytes >= _UTF8_VALID_BYTES_PER_STRAY * strays


def _as_utf8(data: bytes) -> str | None:
    """`data` read as UTF-8 with its stray bytes as Windows-1252 (counted in `_strays`), or None
    when there are too many of them for UTF-8.

    The first megabyte is judged first with Python's own replacement (in C): reading a file of
    Windows-1252 or Cyrillic byte by byte through the stray handler would take seconds.
    """
    sample = data if len(data) <= _SAMPLE else data[: data.rfind(b"\n", 0, _SAMPLE) + 1]
    replaced = sample.decode("utf-8", errors="replace").count("\ufffd")
    if not _mostly_utf8(sample, replaced - sample.count("\ufffd".encode())):
        return None
    text = _with_strays(data, "utf-8")
    return text if _mostly_utf8(data, _strays.count) else None


def _detected_encoding(path: Path, data: bytes) -> str:
    """charset-normalizer's best guess, from a sample of the first megabyte (cut at a line break,
    so no character is split) when that sample's guess decodes the whole file."""
    import charset_normalizer  # here, not at the top: 0.023 s of every start, most files UTF-8

    if len(data) > _SAMPLE:
        cut = data.rfind(b"\n", 0, _SAMPLE)
        matches = list(charset_normalizer.from_bytes(data[: cut if cut > 0 else _SAMPLE]))
        if matches and _decodes(data, matches[0].encoding):
            return matches[0].encoding
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        raise LoadError(path, "the text encoding could not be recognised (binary or damaged file)")
    return matches[0].encoding


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _guessed_encoding(path: Path, data: bytes) -> tuple[str, bool]:
    """The encoding of non-UTF-8 bytes, and whether its undefined bytes are read as strays."""
    if looks_western(data):
        return "cp1252", False
    encoding = _detected_encoding(path, data)
    name = codecs.lookup(encoding).name
    nearly_ascii = len(data.translate(None, _ASCII)) <= _MOSTLY_ASCII_SHARE * len(data)
    if name.startswith(("utf-16", "utf-32")) or (
        name.startswith(_MULTIBYTE_ENCODINGS) and nearly_ascii
    ):
        # detection's guess for a few odd bytes: without a NUL byte no text is UTF-16 or -32
        return "cp1252", True
    if is_western_code_page(encoding) and reads_better(data, "cp1250", encoding):
        return "cp1250", False
    return encoding, False


def _guessed(encoding: str) -> str:
    name = _NAMES.get(codecs.lookup(encoding).name, encoding)
    return (
        f"The file does not say how its text is encoded and is not UTF-8; it was read as {name}. "
        "If letters look wrong, save it as UTF-8 and open it again."
    )


def _strays_notice(data: bytes) -> str:
    line = data.count(b"\n", 0, _strays.first) + 1
    some = "1 byte" if _strays.count == 1 else f"{_strays.count:,} bytes"
    return (
        f"{some} of this UTF-8 file {'is' if _strays.count == 1 else 'are'} not UTF-8 (the "
        f"first on line {line}) and {'was' if _strays.count == 1 else 'were'} read as "
        "Windows-1252."
    )


def _controls(data: bytes, text: str, encoding: str) -> int:
    """How many control characters the text holds (counted in the bytes where they are the same
    bytes: every encoding here but UTF-16 and UTF-32)."""
    if encoding.startswith(("utf-16", "utf-32")):
        return sum(text.count(c) for c in _CONTROL if c in text)
    return len(data) - len(data.translate(None, _CONTROL_BYTES))


def decode(path: Path, data: bytes) -> Decoded:
    """The text a reader sees in `data` (without any byte-order mark), its encoding, and notices
    saying what had to be guessed."""
    encoding = byte_order_mark_encoding(data)
    notices: tuple[str, ...] = ()
    text: str | None = None
    if encoding is None:
        if b"\x00" in data:
            raise LoadError(path, "binary file, not text")
        text = _as_utf8(data)
        if text is not None:
            encoding = "utf-8"
            notices = (_strays_notice(data),) if _strays.count else ()
        else:
            encoding, strays = _guessed_encoding(path, data)
            text = _with_strays(data, encoding) if strays else None
            notices = (_guessed(encoding),)
    if text is None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise LoadError(
                path, f"not valid {encoding} text (bad byte at position {exc.start})"
            ) from None
    if _controls(data, text, encoding) > _MAX_CONTROL_SHARE * len(text):
        raise LoadError(path, "binary file, not text")
    return Decoded(text, encoding, notices)


def decode_text(path: Path, data: bytes) -> tuple[str, str]:
    """The text a reader sees in `data` (without any byte-order mark) and its encoding's name."""
    decoded = decode(path, data)
    return decoded.text, decoded.encoding
