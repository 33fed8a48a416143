"""Is this 8-bit text Western (Windows-1252), or Central European (Windows-1250)?

The two code pages share most bytes, and the signs of one are letters of the other: "£" is "Ł",
"¿" is "ż", "³" is "ł". charset-normalizer alone takes short Western text for cp1250, cp852 or a
Mac code page, a text with one "£" for cp932 ("a ｣15.8m signing"), and short Polish for cp1252
("£ódŸ" for "Łódź"). The tests here look at where the signs stand. They work on bytes: for a
file of tens of megabytes even a set of its characters takes most of a second.
"""

from __future__ import annotations

import codecs
import re

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
_ASCII = bytes(range(128))
_NOT_ASCII_LETTERS = bytes(c for c in range(256) if not (c < 128 and chr(c).isalpha()))
_NOT_ACCENTED_LETTERS = bytes(
    c for c in range(256) if not (c >= 0xC0 or c in b"\x8a\x8c\x8e\x9a\x9c\x9e\x9f")
)
# A sign stuck to a letter ("£ódŸ", "oko³o"): neither a letter, a digit, a space nor punctuation.
_SIGN = r"[^\w\s\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e\u2010-\u2027]"
_GLUED_SIGN = re.compile(rf"(?<=[^\W\d_]){_SIGN}|{_SIGN}(?=[^\W\d_])")
_SAMPLE = 1 << 20


def looks_western(data: bytes) -> bool:
    """Whether `data`, read as cp1252, is ordinary Western text: mostly ASCII, accented letters,
    typographic punctuation, and signs where Western text puts them."""
    beyond_ascii = data.translate(None, _ASCII)
    if not beyond_ascii:
        return True
    present = bytes(b for b in range(0x80, 0x100) if b.to_bytes() in beyond_ascii)
    if any(b in _PLACED_SIGNS for b in present):
        # in the first megabyte (to a line break, so no sign loses what follows it): 800,000
        # "£" signs in 20 MB take a second to check
        end = len(data) if len(data) <= _SAMPLE else data.rfind(b"\n", 0, _SAMPLE) + 1
        if _SIGN_OUT_OF_PLACE.search(data, 0, end or _SAMPLE):
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


def is_western_code_page(encoding: str) -> bool:
    return codecs.lookup(encoding).name in ("cp1252", "iso8859-1", "iso8859-15", "mac-roman")


def _glued_signs(text: str) -> int:
    return len(_GLUED_SIGN.findall(text))


def reads_better(data: bytes, encoding: str, than: str) -> bool:
    """Whether `data` (its first megabyte) has fewer signs stuck to letters read in `encoding`
    than in `than`: a Central European text read as Western is full of them."""
    sample = data[:_SAMPLE]
    try:
        ours = sample.decode(encoding)
    except UnicodeDecodeError:
        return False
    return _glued_signs(ours) < _glued_signs(sample.decode(than, errors="replace"))
