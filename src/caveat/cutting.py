"""Cutting a long stretch of text into pieces the language model can take.

spaCy refuses a Doc over `nlp.max_length` (1,000,000 characters: error E088), and its memory
grows with the size of what it is given at once (one 1 MB line took 3 GB). So no piece of text
goes to the model longer than MAX_PIECE_CHARS: a longer block is cut at the last line break in
the second half of the allowed length, else at the last sentence end there, else at the last
space, else (a run of letters with no space at all) hard at the limit. Offsets stay `str`
indices into the original text, so findings in a piece map back exactly.

Loaders cut long blocks once, so the window, progress and the helper process all see pieces of
a sensible size; the pipeline cuts again whatever reaches it, so no Document can exceed it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from caveat.document import Block

#: The longest piece of text analysed as one. Ten times a long news paragraph: cutting happens
#: only to text that is not broken into paragraphs, and costs a piece at most its last sentence's
#: look at the next one.
MAX_PIECE_CHARS = 10_000

# The end of a sentence: its closing mark, any closing quotes or brackets, then white space
# before what starts the next one.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9À-ÖØ-Þ])")
_LINE_BREAK = re.compile(r"[\r\n]")
_SPACE = re.compile(r"\s")


def _last(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> int:
    """The end of the last match of `pattern` within text[lo:hi], or -1."""
    end = -1
    for m in pattern.finditer(text, lo, hi):
        end = m.end()
    return end


def _cut_point(text: str, start: int, limit: int) -> int:
    """Where to end the piece that begins at `start`: at most `limit` characters on."""
    lo, hi = start + limit // 2, start + limit
    for pattern in (_LINE_BREAK, _SENTENCE_END, _SPACE):
        if (end := _last(pattern, text, lo, hi)) > lo:
            return end
    return hi


def pieces(text: str, start: int, end: int, limit: int = MAX_PIECE_CHARS) -> list[tuple[int, int]]:
    """text[start:end] as (start, end) pieces of at most `limit` characters, each trimmed of
    surrounding white space; a short enough stretch is one piece, as it was."""
    if end - start <= limit:
        return [(start, end)]
    found: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        cut = end if end - pos <= limit else _cut_point(text, pos, limit)
        chunk = text[pos:cut]
        stripped = chunk.strip()
        if stripped:
            s = pos + len(chunk) - len(chunk.lstrip())
            found.append((s, s + len(stripped)))
        pos = cut
    return found


def cut_long_blocks(
    text: str, blocks: Iterable[Block], limit: int = MAX_PIECE_CHARS
) -> tuple[Block, ...]:
    """`blocks` with every block longer than `limit` replaced by its pieces, of the same kind."""
    result: list[Block] = []
    for block in blocks:
        if block.end - block.start <= limit:
            result.append(block)
            continue
        cuts = pieces(text, block.start, block.end, limit)
        result.extend(Block(s, e, block.kind, block.level) for s, e in cuts)
    return tuple(result)
