"""Matching printed text to rendered characters, and what an article prints (no Qt here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from caveat.document import Block, BlockKind, Document
from caveat.export.locate import _pairs, expected_chars
from caveat.export.printjob import PrintBlock, PrintJob, Style, article_job


@pytest.mark.parametrize(
    ("expected", "rendered", "matched"),
    [
        ("abcdef", "abcdef", "abcdef"),
        # a glyph the font lacks comes back as a control code: its neighbours still match
        ("abcdefgh\U0001f642ijklmnop", "abcdefgh\x01ijklmnop", "abcdefghijklmnop"),
        # the renderer left a character out
        ("helloworldhere", "hellworldhere", "hellworldhere"),
        # the renderer drew one character differently and added one
        ("thefirstsentence", "thefirstXsentence", "thefirstsentence"),
    ],
    ids=["identical", "missing-glyph", "dropped", "inserted"],
)
def test_pairs_keep_the_two_texts_in_step(expected, rendered, matched):
    pairs = list(_pairs(expected, rendered))
    assert all(expected[i] == rendered[j] for i, j in pairs)
    assert "".join(expected[i] for i, _ in pairs) == matched


def test_expected_chars_skip_spaces_and_mark_export_text():
    job = PrintJob(
        "t",
        (
            PrintBlock("A b", Style.TITLE),
            PrintBlock("ﬁ x", Style.PARAGRAPH, source_start=10),
        ),
    )
    chars, offsets = expected_chars(job)
    assert chars == "Abfix"
    assert offsets == [-1, -1, 10, 10, 12]


def _doc(text: str, blocks: list[Block], fmt: str = "md") -> Document:
    return Document(text, tuple(blocks), fmt, Path(f"/tmp/article.{fmt}"))


def test_article_job_strips_markdown_heading_marks_but_keeps_offsets():
    text = "# Title here\n\nSome text\nwrapped here.\n\n## Part two\n\nMore."
    blocks = [
        Block(0, 12, BlockKind.HEADING, 1),
        Block(14, 37, BlockKind.PARAGRAPH),
        Block(39, 50, BlockKind.HEADING, 2),
        Block(52, 57, BlockKind.PARAGRAPH),
    ]
    job = article_job(_doc(text, blocks))
    printed = [b for b in job.blocks if isinstance(b, PrintBlock)]
    assert [(b.style, b.text) for b in printed] == [
        (Style.TITLE, "Title here"),
        (Style.PARAGRAPH, "Some text wrapped here."),
        (Style.HEADING, "Part two"),
        (Style.PARAGRAPH, "More."),
    ]
    for block in printed:
        source = text[block.source_start : block.source_start + len(block.text)]
        assert source.replace("\n", " ") == block.text


def test_article_job_leaves_out_web_furniture_and_titles_untitled_text():
    text = "First paragraph.\n\nAdvertisement\n\nLast one."
    blocks = [Block(0, 16), Block(18, 31, BlockKind.BOILERPLATE), Block(33, 42)]
    job = article_job(_doc(text, blocks, "txt"))
    assert [b.text for b in job.blocks if isinstance(b, PrintBlock)] == [
        "article.txt",
        "First paragraph.",
        "Last one.",
    ]
    assert job.blocks[0].source_start == -1
