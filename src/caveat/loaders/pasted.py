"""An article given as a string (the clipboard): plain text or HTML, read as a file of that
kind would be, named after its first line."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from caveat.document import Document
from caveat.loaders.errors import LoadError
from caveat.loaders.language import language_of
from caveat.loaders.text import text_blocks

CLIPBOARD = "clipboard"
TITLE_CHARS = 60
_CHARSET_DECLARED = re.compile(rb"<meta[^>]+charset", re.I)


def first_line(text: str) -> str:
    """The first line with words on it, shortened to a tab's width."""
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    line = " ".join(line.lstrip("#").split())
    return line if len(line) <= TITLE_CHARS else line[: TITLE_CHARS - 1].rstrip() + "…"


def load_text_string(text: str, name: str = CLIPBOARD) -> Document:
    """Plain text, kept exactly as given."""
    if not text.strip():
        raise LoadError(name, "there is no text on the clipboard")
    blocks = text_blocks(text, False)
    return Document(text, blocks, "txt", title=first_line(text), language=language_of(text, blocks))


def load_html_string(html: str, name: str = CLIPBOARD) -> Document:
    """HTML (what a browser puts on the clipboard): its text, headings and links."""
    from caveat.loaders.html import load_html  # trafilatura: only when HTML comes

    data = html.encode("utf-8")
    if not _CHARSET_DECLARED.search(data[:4096]):
        # lxml takes undeclared bytes for Latin-1; these are UTF-8, say so
        data = b'<meta charset="utf-8">' + data
    document = load_html(Path(name), data, whole=True)
    return replace(
        document,
        source=None,
        title=first_line(document.text),
        language=language_of(document.text, document.blocks),
    )


def load_pasted(text: str, html: str = "") -> Document:
    """The clipboard's article: from its HTML when there is some (links count as sources),
    else from its plain text."""
    if html.strip():
        try:
            return load_html_string(html)
        except LoadError:
            if not text.strip():
                raise
    return load_text_string(text)
