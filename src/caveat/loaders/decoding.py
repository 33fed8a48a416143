"""Bytes -> text for plain-text formats: byte-order marks, then UTF-8, then Western, then detection.

A text file does not say its encoding, so past UTF-8 every choice is a guess, and the reader is
told so (`Decoded.notices`). The order of guesses comes from real files that went wrong:

- UTF-8 with a few stray bytes (one Windows-1252 "£" pasted into a UTF-8 article) is still UTF-8:
  the stray bytes are read as Windows-1252. Detection took such a file whole for cp1250 and turned
  every "£" into "ÂŁ".
- Bytes that read in cp1252 (a superset of latin-1's printable range) as ordinary Western text
  (mostly ASCII, accented letters, currency signs and typographic punctuation) are cp1252.
  charset-normalizer alone takes short Western text for cp1250, cp852 or a Mac code page, and a
  text with one "£" for cp932 ("a ｣15.8m signing").
- Anything else goes to detection, except that a CJK code page is not believed for text that is
  nearly all ASCII: such text is Western with a few odd bytes, read as cp1252.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import NamedTuple

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
# Beyond ASCII, what Western text in cp1252 is made of: typography, latin-1's accented letters
# and the signs that are the same bytes in the Central European and Cyrillic code pages ("§",
# "°", "±", "«"). "×" and "÷" are left out: in cp1251 those bytes are Cyrillic letters.
_WESTERN_EXTRAS = frozenset("‘’‚“”„–—…€•™‹›†‡ŒœŠšŽž\u00a0¤¦§©«¬\u00ad®°±²µ¶·»") | frozenset(
    chr(c) for c in range(0xC0, 0x100) if chr(c) not in "×÷"
)
# Signs that are letters in cp1250 or cp1251 ("£" is "Ł", "¿" is "ż", "½" is "˝"): Western only
# where Western text puts them (a currency sign by a figure, a fraction after a digit or a space,
# "¿" and "¡" opening a word, an ordinal indicator after a digit). This finds one out of place;
# the pattern starts with the signs' bytes, so the search skips ahead as fast as a plain find.
_PLACED_SIGNS = b"\xa1\xa2\xa3\xa5\xaa\xba\xbc\xbd\xbe\xbf"
_SIGN_OUT_OF_PLACE = re.compile(
    rb"[\xa1-\xa3\xa5\xaa\xba\xbc-\xbf](?:"
    rb"(?<=[\xa2\xa3\xa5])(?<![0-9].)(?<![0-9]\s.)(?!\s?[0-9])"
    rb"|(?<=[\xbc-\xbe])(?:(?<![\s0-9].)|(?=[A-Za-z]))"
    rb"|(?<=[\xa1\xbf])(?:(?<=[A-Za-z\xc0-\xff].)|(?![A-Za-z\xc0-\xff]))"
    rb"|(?<=[\xaa\xba])(?<![0-9].))",
    re.DOTALL,
)
_WESTERN_MAX_ACCENTED_SHARE = 0.3  # of all letters; Cyrillic read as cp1252 is nearly all
_WESTERN_ALWAYS = 3  # accented letters a few words long ("¿Qué?") may hold, whatever their share
# UTF-8 is kept while its valid multi-byte characters outnumber its invalid bytes this many times.
_UTF8_VALID_PER_STRAY = 4
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
_NOT_ASCII_LETTERS = bytes(c for c in range(256) if not (c < 128 and chr(c).isalpha()))
_NOT_ACCENTED_LETTERS = bytes(
    c for c in range(256) if not (c >= 0xC0 or c in b"\x8a\x8c\x8e\x9a\x9c\x9e\x9f")
)
_DETECTION_SAMPLE = 1 << 20  # bytes: charset-normalizer takes a second over 20 MB
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


def _stray_bytes_as_cp1252(error: UnicodeError) -> tuple[str, int]:
    """A codec error handler: read each byte the codec rejects as Windows-1252, one at a time
    ("\ufffd" for the five bytes cp1252 leaves undefined)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    byte = error.object[error.start : error.start + 1]
    return byte.decode("cp1252", errors="replace"), error.start + 1


codecs.register_error(_STRAY_HANDLER, _stray_bytes_as_cp1252)


def byte_order_mark_encoding(data: bytes) -> str | None:
    for mark, encoding in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return encoding
    return None


def _detected_encoding(path: Path, data: bytes) -> str:
    """charset-normalizer's best guess, from a sample of the first megabyte (cut at a line break,
    so no character is split) when that sample's guess decodes the whole file."""
    if len(data) > _DETECTION_SAMPLE:
        cut = data.rfind(b"\n", 0, _DETECTION_SAMPLE)
        matches = list(charset_normalizer.from_bytes(data[: cut if cut > 0 else _DETECTION_SAMPLE]))
        if matches and _decodes(data, matches[0].encoding):
            return matches[0].encoding
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        raise LoadError(path, "the text encoding could not be recognised (binary or damaged file)")
    return matches[0].encoding


def _looks_western(data: bytes) -> bool:
    """Whether `data`, read as cp1252, is Western text. Works on the bytes, since for a file of
    tens of megabytes a set of its characters alone takes most of a second."""
    beyond_ascii = data.translate(None, _ASCII)
    if not beyond_ascii:
        return True
    present = bytes(b for b in range(0x80, 0x100) if b.to_bytes() in beyond_ascii)
    if any(b in _PLACED_SIGNS for b in present):
        if _SIGN_OUT_OF_PLACE.search(data):
            return False
        present = bytes(b for b in present if b not in _PLACED_SIGNS)
    try:
        if not set(present.decode("cp1252")) <= _WESTERN_EXTRAS:
            return False
    except UnicodeDecodeError:  # a byte cp1252 leaves undefined
        return False
    accented = len(beyond_ascii.translate(None, _NOT_ACCENTED_LETTERS))
    letters = len(data.translate(None, _NOT_ASCII_LETTERS)) + accented
    return accented <= max(_WESTERN_MAX_ACCENTED_SHARE * letters, _WESTERN_ALWAYS)


def _utf8_validity(data: bytes) -> tuple[int, int, str]:
    """Valid multi-byte characters and invalid sequences when `data` is read as UTF-8, and the
    text so read (each invalid sequence a U+FFFD)."""
    replaced = data.decode("utf-8", errors="replace")
    invalid = replaced.count("\ufffd") - data.count("\ufffd".encode())
    beyond_ascii = len(data.translate(None, _ASCII))  # bytes, not characters
    valid_bytes = beyond_ascii - invalid
    return valid_bytes // 2, invalid, replaced


def _is_multibyte(encoding: str) -> bool:
    name = codecs.lookup(encoding).name
    return any(name.startswith(prefix) for prefix in _MULTIBYTE_ENCODINGS)


def _is_utf16_or_32(encoding: str) -> bool:
    """Detection's guess for a few odd bytes; without a NUL byte no text is UTF-16 or -32."""
    return codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))


def _mostly_ascii(data: bytes) -> bool:
    return len(data.translate(None, _ASCII)) <= _MOSTLY_ASCII_SHARE * len(data)


def _guessed(encoding: str) -> str:
    name = _NAMES.get(codecs.lookup(encoding).name, encoding)
    return (
        f"The file does not say how its text is encoded and is not UTF-8; it was read as {name}. "
        "If letters look wrong, save it as UTF-8 and open it again."
    )


def _strays_notice(replaced: str, invalid: int) -> str:
    line = replaced.count("\n", 0, replaced.index("\ufffd")) + 1
    where = "in 1 place" if invalid == 1 else f"in {invalid:,} places"
    return (
        f"This UTF-8 file has bytes that are not UTF-8 {where} (the first on line {line}); "
        "they were read as Windows-1252."
    )


def _controls(data: bytes, text: str, encoding: str) -> int:
    """How many control characters the text holds (counted in the bytes where they are the same
    bytes: every encoding here but UTF-16 and UTF-32)."""
    if encoding.startswith("utf-16") or encoding.startswith("utf-32"):
        return sum(text.count(c) for c in _CONTROL if c in text)
    return len(data) - len(data.translate(None, _CONTROL_BYTES))


def decode(path: Path, data: bytes) -> Decoded:
    """The text a reader sees in `data` (without any byte-order mark), its encoding, and notices
    saying what had to be guessed."""
    notices: tuple[str, ...] = ()
    encoding = byte_order_mark_encoding(data)
    if encoding is None and b"\x00" in data:
        raise LoadError(path, "binary file, not text")
    errors = "strict"
    if encoding is None:
        valid, invalid, replaced = _utf8_validity(data)
        if invalid == 0:
            encoding = "utf-8"
        elif valid >= _UTF8_VALID_PER_STRAY * invalid:
            encoding, errors = "utf-8", _STRAY_HANDLER
            notices = (_strays_notice(replaced, invalid),)
        elif _looks_western(data):
            encoding = "cp1252"
            notices = (_guessed(encoding),)
        else:
            encoding = _detected_encoding(path, data)
            if _is_utf16_or_32(encoding) or (_is_multibyte(encoding) and _mostly_ascii(data)):
                encoding, errors = "cp1252", _STRAY_HANDLER  # undefined cp1252 bytes as U+FFFD
            notices = (_guessed(encoding),)
    try:
        text = data.decode(encoding, errors=errors)
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


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True
