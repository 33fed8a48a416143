"""Plain text and Markdown: Document.text is exactly the decoded file."""

from __future__ import annotations

import re
from pathlib import Path

from caveat.document import Block, BlockKind, Document

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n")


def _blocks(text: str, markdown: bool) -> tuple[Block, ...]:
    blocks = []
    pos = 0
    for m in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        lead = len(chunk) - len(chunk.lstrip())
        s, e = pos + lead, pos + len(chunk.rstrip())
        if e > s:
            kind, level = BlockKind.PARAGRAPH, 0
            if markdown and (h := re.match(r"#{1,6}\s", text[s:e])):
                kind, level = BlockKind.HEADING, len(h.group().strip())
            blocks.append(Block(s, e, kind, level))
        pos = m.end() if m else len(text)
    return tuple(blocks)


def load_txt(path: Path, data: bytes) -> Document:
    text = data.decode("utf-8-sig")
    return Document(text, _blocks(text, False), "txt", path)


def load_markdown(path: Path, data: bytes) -> Document:
    text = data.decode("utf-8-sig")
    return Document(text, _blocks(text, True), "md", path)
