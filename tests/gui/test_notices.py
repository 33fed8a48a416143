"""What the reader is told about how a document was read: guesses in the message bar, and
readability that could not be measured."""

from __future__ import annotations


def test_a_guessed_encoding_is_shown_in_the_message_bar(window, qtbot, tmp_path):
    path = tmp_path / "bbc.txt"
    path.write_bytes("Chelsea completed a £15.8m signing, the club said.\n".encode("cp1252"))
    [tab] = window.open_paths([path])
    assert "£15.8m" in tab.reader.toPlainText()
    assert window.message_bar.isVisibleTo(window)
    assert window.message_bar.kind == "info"
    assert "bbc.txt" in window.message_bar.label.text()
    assert "Windows-1252" in window.message_bar.label.text()
    qtbot.waitSignal(tab.analysis_ready, timeout=60_000).wait()


def test_a_utf8_file_opens_without_a_notice(window, qtbot, tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("Chelsea completed a £15.8m signing, the club said.\n", encoding="utf-8")
    [tab] = window.open_paths([path])
    assert not window.message_bar.isVisibleTo(window)
    qtbot.waitSignal(tab.analysis_ready, timeout=60_000).wait()


def test_a_one_word_file_shows_too_short_to_measure_not_a_grade(window, qtbot, tmp_path):
    path = tmp_path / "one.txt"
    path.write_text("Harbour\n", encoding="utf-8")
    [tab] = window.open_paths([path])
    qtbot.waitSignal(tab.analysis_ready, timeout=60_000).wait()
    text = tab.side_panel.metrics_label.text()
    assert "Too short to measure (1 word, 1 sentence)" in text
    assert "Flesch-Kincaid" not in text and "Grade" not in text


def test_a_web_page_shows_its_byline_under_the_title_in_quiet_italics(window, qtbot):
    from pathlib import Path

    page = Path(__file__).resolve().parents[1] / "data" / "news-page.html"
    [tab] = window.open_paths([page])
    lines = tab.reader.toPlainText().split("\n")
    assert lines[:3] == [
        "Harbour town counts the cost of the storm",
        "",
        "By Mara Quinlan · 12 March 2024",
    ]
    qtbot.waitSignal(tab.analysis_ready, timeout=60_000).wait()
    block = tab.reader.document().findBlockByNumber(2)
    italic = [r.format.fontItalic() for r in block.layout().formats()]
    assert italic and all(italic)
