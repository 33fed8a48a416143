"""Plain text and Markdown: Document.text is exactly the decoded file.

Blocks are runs of non-blank lines; in Markdown, `#` lines and underlined (setext) titles are
headings. Heading blocks leave out the `#` markers and the underline, which stay in the text.
"""

from __future__ import annotations

import re
from pathlib import Path

from caveat.cutting import cut_long_blocks
from caveat.document import Block, BlockKind, Document
from caveat.loaders.boilerplate import mark_boilerplate
from caveat.loaders.decoding import decode

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_ATX_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]+|$)")
_ATX_CLOSING = re.compile(r"[ \t]+#+[ \t]*$|^#+[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r" {0,3}(=+|-+)[ \t]*$")


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line's content, line breaks left out."""
    spans: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        if m.start() == len(text) and spans:
            break
        content = m.group().rstrip("\r\n")
        spans.append((m.start(), m.start() + len(content)))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    chunk = text[start:end]
    return start + len(chunk) - len(chunk.lstrip()), start + len(chunk.rstrip())


def _paragraphs(text: str) -> list[list[tuple[int, int]]]:
    """The lines of each run of non-blank lines."""
    runs: list[list[tuple[int, int]]] = [[]]
    for start, end in _lines(text):
        if text[start:end].strip():
            runs[-1].append((start, end))
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def _markdown_blocks(text: str, lines: list[tuple[int, int]]) -> list[Block]:
    blocks: list[Block] = []
    body: list[tuple[int, int]] = []

    def flush() -> None:
        if body:
            blocks.append(Block(*_trim(text, body[0][0], body[-1][1])))
            body.clear()

    for start, end in lines:
        line = text[start:end]
        if atx := _ATX_HEADING.match(line):
            flush()
            content_end = start + len(_ATX_CLOSING.sub("", line[atx.end() :])) + atx.end()
            s, e = _trim(text, start + atx.end(), content_end)
            if e > s:
                blocks.append(Block(s, e, BlockKind.HEADING, len(atx.group(1))))
        elif body and (underline := _SETEXT_UNDERLINE.match(line)):
            # Only the line right above the underline is the heading.
            *above, (hs, he) = body
            body[:] = above
            flush()
            level = 1 if underline.group(1).startswith("=") else 2
            blocks.append(Block(*_trim(text, hs, he), BlockKind.HEADING, level))
        else:
            body.append((start, end))
    flush()
    return blocks


def text_blocks(text: str, markdown: bool) -> tuple[Block, ...]:
    """Paragraph and heading blocks of a text file, boilerplate lines split out, and a run of
    lines too long to analyse as one (paragraphs a single line break apart) cut into pieces."""
    blocks: list[Block] = []
    for run in _paragraphs(text):
        if markdown:
            blocks.extend(_markdown_blocks(text, run))
        else:
            blocks.append(Block(*_trim(text, run[0][0], run[-1][1])))
    return cut_long_blocks(text, mark_boilerplate(text, blocks))


def load_txt(path: Path, data: bytes) -> Document:
    text, encoding, notices = decode(path, data)
    blocks = text_blocks(text, False)
    return Document(text, blocks, "txt", path, encoding=encoding, notices=notices)


def load_markdown(path: Path, data: bytes) -> Document:
    text, encoding, notices = decode(path, data)
    blocks = text_blocks(text, True)
    title = next((text[b.start : b.end] for b in blocks if b.kind is BlockKind.HEADING), "")
    return Document(text, blocks, "md", path, title=title, encoding=encoding, notices=notices)
