"""What the loader had to guess is shown in the message bar when the document opens."""

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
