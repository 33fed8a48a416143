"""Web furniture lines ("Advertisement", "Read more: ...") and end matter (a "References"
section) marked as boilerplate blocks.

The patterns are data (resources/lexicons/boilerplate.toml). Marked lines stay in the text, so
offsets never move; they are only excluded from analysis and metrics.
"""

from __future__ import annotations

import re
from functools import cache

from caveat.document import Block, BlockKind
from caveat.resources import load_lexicon

# A line break in any of the conventions a file may use.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Decorations after a teaser link ("Read more »", "Continue reading...").
_TRAILING_DECORATION = re.compile(r"[\s»›>…:.|]+$")


# A Wikipedia "[edit]" mark after a heading, as saved with the page.
_EDIT_MARK = re.compile(r"\s*\[\s*edit(?: source)?\s*\]\s*$", re.IGNORECASE)


@cache
def _end_matter() -> re.Pattern[str]:
    headings = load_lexicon("boilerplate")["end_matter_headings"]
    return re.compile("|".join(f"(?:{h})" for h in headings), re.IGNORECASE)


def is_end_matter_heading(text: str) -> bool:
    """Whether a heading opens the end matter ("References", "External links[edit]")."""
    words = _EDIT_MARK.sub("", " ".join(text.split())).rstrip(" :")
    return bool(_end_matter().fullmatch(words))


@cache
def _patterns() -> tuple[re.Pattern[str], int]:
    lexicon = load_lexicon("boilerplate")
    combined = "|".join(f"(?:{p})" for p in lexicon["lines"])
    return re.compile(combined, re.IGNORECASE), int(lexicon["max_line_chars"])


def is_boilerplate(line: str) -> bool:
    """Whether `line`, as a whole, is web furniture rather than something the author wrote."""
    pattern, max_chars = _patterns()
    words = " ".join(line.split())
    if not words or len(words) > max_chars:
        return False
    trimmed = _TRAILING_DECORATION.sub("", words) or words
    return bool(pattern.fullmatch(trimmed) or pattern.fullmatch(words))


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each line of text[start:end], without the line breaks."""
    spans = []
    pos = start
    for m in _LINE_BREAK.finditer(text, start, end):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, end))
    return spans


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    return start + lead, start + len(chunk.rstrip())


def mark_boilerplate(text: str, blocks: tuple[Block, ...] | list[Block]) -> tuple[Block, ...]:
    """Split every boilerplate line out of `blocks` into a block of its own, kind BOILERPLATE,
    and mark the end matter (a "References" heading and what is under it) as boilerplate.

    The lines around it keep their block's kind; a block that is all boilerplate is re-marked.
    """
    return _mark_end_matter(text, _mark_lines(text, blocks))


def _mark_end_matter(text: str, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    result: list[Block] = []
    inside = 0  # the level of the end-matter heading we are under, 0 outside
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            if inside and block.level <= inside:
                inside = 0
            if not inside and is_end_matter_heading(text[block.start : block.end]):
                inside = block.level or 1
        if inside:
            block = Block(block.start, block.end, BlockKind.BOILERPLATE)
        result.append(block)
    return tuple(result)


def _mark_lines(text: str, blocks: tuple[Block, ...] | list[Block]) -> tuple[Block, ...]:
    result: list[Block] = []
    for block in blocks:
        run_start: int | None = None  # first line of the current run of ordinary lines
        run_end = block.start
        for line_start, line_end in _line_spans(text, block.start, block.end):
            if not is_boilerplate(text[line_start:line_end]):
                if run_start is None:
                    run_start = line_start
                run_end = line_end
                continue
            if run_start is not None:
                _append(result, text, run_start, run_end, block)
                run_start = None
            s, e = _trimmed(text, line_start, line_end)
            result.append(Block(s, e, BlockKind.BOILERPLATE))
        if run_start is not None:
            _append(result, text, run_start, run_end, block)
    return tuple(result)


def _append(result: list[Block], text: str, start: int, end: int, like: Block) -> None:
    s, e = _trimmed(text, start, end)
    if e > s:
        result.append(Block(s, e, like.kind, like.level))
