"""The text builder behind HTML, DOCX and PDF: blocks, separators, links and origins agree."""

from __future__ import annotations

from caveat.document import BlockKind
from caveat.loaders.builder import TextBuilder


def test_builder_separates_blocks_with_one_blank_line_and_trims_them():
    builder = TextBuilder()
    builder.write("  Title ")
    builder.end_block(BlockKind.HEADING, 1)
    builder.write("Body.")
    blocks = builder.finished_blocks()
    text = builder.text()
    assert text == "  Title \n\nBody."
    assert [(b.kind, text[b.start : b.end]) for b in blocks] == [
        (BlockKind.HEADING, "Title"),
        (BlockKind.PARAGRAPH, "Body."),
    ]


def test_builder_takes_back_a_whitespace_only_block_and_its_separator():
    builder = TextBuilder(track_origin=True)
    builder.write("One.", page=0, chars=[0, 1, 2, 3])
    builder.end_block()
    builder.write("   ", page=1, chars=[7, 8, 9])
    builder.end_block()
    builder.write("Two.", page=1, chars=[10, 11, 12, 13])
    builder.end_block()
    assert builder.text() == "One.\n\nTwo."
    assert builder.origin is not None
    assert list(builder.origin.char) == [0, 1, 2, 3, -1, -1, 10, 11, 12, 13]
    assert list(builder.origin.page) == [0, 0, 0, 0, 1, 1, 1, 1, 1, 1]


def test_builder_write_returns_where_the_text_starts_after_the_separator():
    builder = TextBuilder()
    builder.write("First.")
    builder.end_block()
    start = builder.write("linked words")
    builder.add_link(start, builder.position, "https://example.org")
    text = builder.text()
    assert [text[k.start : k.end] for k in builder.links] == ["linked words"]
