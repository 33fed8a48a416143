"""Every loader hands analysis blocks of a size the model can take, however the file is laid
out: paragraphs a single line break apart, one 1 MB line, an HTML paragraph of <br> lines, a
Word paragraph of a megabyte."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from caveat.cli import main
from caveat.cutting import MAX_PIECE_CHARS
from caveat.loaders import load_document

SENTENCE = "The council said the plan could cost about 3,800 pounds a year."
TAIL = "Officials said the toll may reach about 12,000 people."


def _sentences(chars: int) -> list[str]:
    return [f"{SENTENCE} Item {n}." for n in range(chars // (len(SENTENCE) + 9) + 1)]


def _check_blocks(document, expected_chars: int) -> None:
    analysed = [document.blocks[i] for i in document.analysed_indices()]
    assert max(b.end - b.start for b in analysed) <= MAX_PIECE_CHARS
    assert sum(b.end - b.start for b in analysed) >= expected_chars * 0.99
    for before, after in zip(analysed, analysed[1:], strict=False):
        assert before.end <= after.start  # in order, never overlapping


def test_paragraphs_a_single_line_break_apart_become_blocks_of_bounded_size(tmp_path):
    lines = _sentences(1_100_000)
    path = tmp_path / "single-newlines.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    document = load_document(path)
    _check_blocks(document, 1_100_000)
    for block in document.blocks[:50]:  # cut at line breaks: every block is whole lines
        assert document.text[block.start : block.end].split("\n")[0] in lines


def test_one_line_of_a_megabyte_is_cut_at_sentence_ends(tmp_path):
    path = tmp_path / "one-line.txt"
    path.write_text(" ".join(_sentences(1_000_000)), encoding="utf-8")
    document = load_document(path)
    _check_blocks(document, 1_000_000)
    for block in document.blocks:
        assert document.text[block.start : block.end].endswith(".")


def test_an_html_paragraph_of_br_lines_is_cut(tmp_path):
    # 200,000 characters: twenty times the cap, cut as 1.1 MB would be, in a fifth of the time
    lines = "<br>\n".join(_sentences(200_000))
    path = tmp_path / "br.html"
    path.write_text(
        f"<html><head><title>Long</title></head><body><article><h1>Long</h1><p>{lines}</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    _check_blocks(load_document(path), 200_000)


def _one_paragraph_docx(path: Path, chars: int) -> None:
    word = docx.Document()
    word.add_paragraph(" ".join([*_sentences(chars), TAIL]))
    word.save(str(path))


def test_a_word_paragraph_of_a_megabyte_is_cut(tmp_path):
    path = tmp_path / "long.docx"
    _one_paragraph_docx(path, 1_100_000)
    _check_blocks(load_document(path), 1_100_000)


@pytest.mark.slow
def test_analyze_gives_findings_to_the_end_of_a_megabyte_paragraph(tmp_path, capsys, monkeypatch):
    from caveat.analysis import parallel

    # A helper process of its own: one an earlier test left behind may run another model
    # (shared_helper does not compare models), and the helper analyses the end of the text.
    monkeypatch.setattr(parallel, "_shared", None)
    path = tmp_path / "long.docx"
    _one_paragraph_docx(path, 1_100_000)
    try:
        assert main(["analyze", str(path), "--json", "--model", "rules"]) == 0
    finally:
        parallel.stop_shared_helper()
    result = json.loads(capsys.readouterr().out)
    text = result["text"]
    last = max(result["findings"], key=lambda f: f["start"])
    assert text[last["start"] : last["end"]] == last["text"] == "about"
    assert last["start"] == text.rindex(TAIL) + TAIL.index("about")
