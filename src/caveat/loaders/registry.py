"""Pick the loader for a file and check what every format must pass first.

The extension names the format, but content wins where they disagree (a PDF saved as .txt); a
file that claims to be a PDF or a .docx and is not gets told so in plain words.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
import stat
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from caveat.document import Document
from caveat.loaders import sniff
from caveat.loaders.errors import LoadError
from caveat.loaders.language import language_of

DEFAULT_MAX_BYTES = 50 * 1024 * 1024

Loader = Callable[[Path, bytes], Document]

FORMAT_OF_EXTENSION = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}


_WEB_ADDRESS = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)


def is_web_address(value: str) -> bool:
    """A string the reader meant as an address ("https://…", or any "scheme://")."""
    return bool(_WEB_ADDRESS.match(value.strip()))


def supported_extensions() -> tuple[str, ...]:
    return tuple(FORMAT_OF_EXTENSION)


def _megabytes(size: int) -> str:
    return f"{size / 2**20:.1f}".removesuffix(".0") + " MB"


def _read(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, after the checks that need no content."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise LoadError(path, "no such file") from None
    except PermissionError:
        raise LoadError(path, "permission denied") from None
    except OSError as exc:
        raise LoadError(path, f"cannot be opened ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise LoadError(path, "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise LoadError(path, "not a regular file")
    if info.st_size > max_bytes:
        raise LoadError(
            path,
            f"file is {_megabytes(info.st_size)}, over the {_megabytes(max_bytes)} size limit",
        )
    try:
        with open(path, "rb") as fh:
            # One byte more than allowed tells a file that grew since stat() from one that fits.
            data = fh.read(max_bytes + 1)
    except PermissionError:
        raise LoadError(path, "permission denied") from None
    except OSError as exc:
        raise LoadError(path, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise LoadError(path, f"file is over the {_megabytes(max_bytes)} size limit")
    return data


def _format(path: Path, data: bytes) -> str:
    """The format to load `data` as, from its content first and its extension second."""
    suffix = path.suffix.lower()
    claimed = FORMAT_OF_EXTENSION.get(suffix)
    found = sniff.sniff(data)
    if found == sniff.PDF:
        return "pdf"
    if found == sniff.ZIP:
        return "docx"  # the docx loader says so when a zip is not a Word document
    if binary := sniff.known_binary(data):
        raise LoadError(path, f"unsupported file type: {binary}")
    if claimed == "pdf":
        raise LoadError(path, "not a valid PDF file (damaged, or another format renamed .pdf)")
    if claimed == "docx":
        raise LoadError(path, "not a valid .docx file (it is not a zip archive)")
    if claimed:
        return claimed
    if found == sniff.HTML:
        return "html"
    if not suffix:
        return "txt"  # a text file without an extension; decoding refuses binary data
    raise LoadError(path, f"unsupported file type {suffix}")


# Module and function per format. Imported on first use: trafilatura, pdfium and python-docx
# together cost 0.4 s at start-up, which the window must not pay before it shows.
LOADER_OF_FORMAT = {
    "txt": ("text", "load_txt"),
    "md": ("text", "load_markdown"),
    "html": ("html", "load_html"),
    "pdf": ("pdf", "load_pdf"),
    "docx": ("docx", "load_docx"),
}


def _loader(fmt: str, max_bytes: int) -> Loader:
    module_name, function = LOADER_OF_FORMAT[fmt]
    loader = getattr(importlib.import_module(f"caveat.loaders.{module_name}"), function)
    return functools.partial(loader, max_bytes=max_bytes) if fmt == "docx" else loader


def load_document(path: Path | str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read `path` into a Document, or raise LoadError with a one-line reason."""
    path = Path(os.path.expanduser(path))
    data = _read(path, max_bytes)
    if not data.strip():
        raise LoadError(path, "file is empty")
    fmt = _format(path, data)
    try:
        document = _loader(fmt, max_bytes)(path, data)
    except LoadError:
        raise
    except MemoryError:
        raise LoadError(path, "too large to load into memory") from None
    except Exception as exc:  # a parser's failure on odd input must not end in a traceback
        detail = " ".join(str(exc).split())[:120]
        raise LoadError(
            path, f"could not be read as {fmt} ({type(exc).__name__}: {detail})"
        ) from None
    if not document.text.strip():
        raise LoadError(path, "file is empty")
    return replace(document, language=language_of(document.text, document.blocks))


def load_source(source: Path | str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """A file, or a web address (fetched: the only network use, and only when asked for)."""
    if isinstance(source, str) and is_web_address(source):
        from caveat.loaders.web import load_url

        return load_url(source, max_bytes)
    return load_document(source, max_bytes)
