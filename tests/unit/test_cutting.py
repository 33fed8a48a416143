"""Cutting long text into pieces the model can take: at line breaks, else sentence ends, else
spaces, else hard; offsets into the original text throughout."""

from caveat.cutting import cut_long_blocks, pieces
from caveat.document import Block, BlockKind


def _texts(text: str, cuts: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in cuts]


def test_a_short_stretch_is_one_piece_as_it_was():
    assert pieces("  Short one.  ", 0, 14, limit=100) == [(0, 14)]


def test_long_text_is_cut_at_line_breaks_first():
    lines = [f"Line number {n} says something plain. And more." for n in range(40)]
    text = "\n".join(lines)
    cuts = pieces(text, 0, len(text), limit=200)
    assert all(e - s <= 200 for s, e in cuts)
    assert "\n".join(_texts(text, cuts)) == text  # every cut fell on a line break
    assert len(cuts) >= len(text) // 200


def test_one_line_is_cut_at_sentence_ends():
    sentences = [f"Sentence {n} has a few words in it." for n in range(60)]
    text = " ".join(sentences)
    cuts = pieces(text, 0, len(text), limit=300)
    assert all(e - s <= 300 for s, e in cuts)
    for piece in _texts(text, cuts):
        assert piece.startswith("Sentence ") and piece.endswith(".")
    assert " ".join(_texts(text, cuts)) == text


def test_a_line_without_sentence_ends_is_cut_at_spaces():
    text = " ".join(["word"] * 500)
    cuts = pieces(text, 0, len(text), limit=101)
    assert all(e - s <= 101 for s, e in cuts)
    assert all(p.replace("word", "").strip() == "" for p in _texts(text, cuts))
    assert " ".join(_texts(text, cuts)) == text


def test_a_run_of_letters_with_no_space_is_cut_hard():
    text = "x" * 1050
    cuts = pieces(text, 0, len(text), limit=100)
    assert cuts[0] == (0, 100)
    assert "".join(_texts(text, cuts)) == text
    assert max(e - s for s, e in cuts) == 100


def test_pieces_of_a_stretch_inside_a_text_keep_the_text_offsets():
    head = "Title\n\n"
    body = "\n".join(f"Paragraph {n} is here." for n in range(100))
    text = head + body + "\n\nTail."
    start, end = len(head), len(head) + len(body)
    cuts = pieces(text, start, end, limit=120)
    assert cuts[0][0] == start and cuts[-1][1] == end
    assert "\n".join(_texts(text, cuts)) == body


def test_long_blocks_become_pieces_of_the_same_kind_and_short_ones_stay():
    text = "Short.\n\n" + "\n".join(f"Line {n} of a long block." for n in range(50))
    blocks = [Block(0, 6, BlockKind.HEADING, 1), Block(8, len(text))]
    cut = cut_long_blocks(text, blocks, limit=200)
    assert cut[0] == blocks[0]
    assert len(cut) > 3
    assert all(b.kind is BlockKind.PARAGRAPH and b.end - b.start <= 200 for b in cut[1:])
    assert cut[1].start == 8 and cut[-1].end == len(text)
