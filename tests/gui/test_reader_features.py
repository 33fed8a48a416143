"""Not English?, find "3 of 7", visible links, and what follows an export."""

from __future__ import annotations

from pathlib import Path

from gui_builders import analysis_of, finding, paragraphs
from PySide6.QtCore import QUrl
from PySide6.QtGui import QPalette, QTextCharFormat, QTextCursor

from caveat.document import Document, Link

GERMAN = (
    "Die Stadtverwaltung hat am Dienstag angekündigt, dass die Brücke über den Fluss im "
    "kommenden Frühjahr gesperrt wird. Nach Angaben der Behörde könnten die Bauarbeiten etwa "
    "acht Monate dauern. About 3,800 Pendler müssen vielleicht einen Umweg nehmen.\n"
)
NEWS_PAGE = Path(__file__).resolve().parents[1] / "data" / "news-page.html"


def test_a_text_in_another_language_is_named_and_not_analysed(window, qtbot, tmp_path):
    path = tmp_path / "bruecke.txt"
    path.write_text(GERMAN, "utf-8")
    [tab] = window.open_paths([path])
    assert tab.document.language == "de"
    assert not tab.language_notice.isHidden()
    assert "seems to be in German" in tab.language_notice.label.text()
    assert not tab.is_analysing() and tab.analysis is None
    assert "not in English" in tab.side_panel.tree.topLevelItem(0).text(0)
    window.export_pdf()
    assert "not analysed" in window.message_bar.label.text()
    with qtbot.waitSignal(tab.analysis_ready, timeout=60_000):
        tab.language_notice.button.click()  # Analyse anyway
    assert tab.language_notice.button.isHidden()
    assert "analysed with English rules" in tab.language_notice.label.text()
    assert any(tab.document.text[f.start : f.end] == "About" for f in tab.reader.index.findings)


def test_an_english_text_has_no_language_notice(make_tab):
    tab = make_tab("The plan could work, officials said on Tuesday.", [])
    assert tab.language_notice.isHidden()


def test_find_says_which_match_of_how_many(make_tab):
    text = "One cat. Two cats. A dog. Three cats.\n\nThe cat sat."
    tab = make_tab(text, [])
    bar = tab.find_bar
    bar.open_bar()
    bar.field.setText("cat")
    assert bar.status.text() == "1 of 4"
    bar.find_next()
    bar.find_next()
    assert bar.status.text() == "3 of 4"
    bar.find_next()
    bar.find_next()  # round to the top
    assert bar.status.text() == "1 of 4"
    bar.find_previous()
    assert bar.status.text() == "4 of 4"
    bar.field.setText("horse")
    assert bar.status.text() == "Not found"


def test_links_are_underlined_in_the_link_colour(make_tab, qtbot):
    text = "Damage could reach £4.2 million, the council said."
    tab = make_tab(text, [finding(text, "could", "hedge")])
    start = text.index("£4.2")
    linked = Document(
        text, paragraphs(text), "html", links=(Link(start, start + 12, "https://council.example"),)
    )
    tab.reader.set_document(linked)
    tab.show_analysis(analysis_of([finding(text, "could", "hedge")]))
    tab.reader.highlighter.rehighlight()
    formats = tab.reader.document().firstBlock().layout().formats()
    ranges = {(r.start, r.length): QTextCharFormat(r.format) for r in formats}
    link_format = ranges[(start, 12)]
    assert link_format.fontUnderline()
    link_colour = tab.reader.palette().color(QPalette.ColorRole.Link)
    assert link_format.foreground().color() == link_colour
    plain = [f for (s, n), f in ranges.items() if s <= text.index("council") < s + n]
    assert not plain or not plain[0].fontUnderline()


def test_after_an_export_the_bar_offers_open_and_show_in_folder(
    window, qtbot, tmp_path, monkeypatch
):
    from caveat.gui import export_dialog

    path = tmp_path / "articles" / "plan.txt"
    path.parent.mkdir()
    path.write_text("The plan could work. About 300 homes lost power.\n", "utf-8")
    [tab] = window.open_paths([path])
    qtbot.waitSignal(tab.analysis_ready, timeout=60_000).wait()
    offered: list[str] = []
    exports = tmp_path / "exports"
    exports.mkdir()

    said: list[str] = []

    def save(_parent, document, _analysis, _layers, folder, choices):
        offered.append(str(folder))
        said.append(choices)
        out = exports / "plan.caveat.pdf"
        out.write_bytes(b"%PDF-1.7\n")
        return out

    monkeypatch.setattr(export_dialog, "export_with_dialog", save)
    opened: list[QUrl] = []
    window.open_url = opened.append
    window.export_pdf()
    assert offered[0] != str(path.parent)  # not inside the article's folder
    assert [b.text() for b in window.message_bar.buttons] == ["Open", "Show in Folder"]
    window.message_bar.buttons[0].click()
    window.export_pdf()
    window.message_bar.buttons[1].click()
    assert opened == [
        QUrl.fromLocalFile(str(exports / "plan.caveat.pdf")),
        QUrl.fromLocalFile(str(exports)),
    ]
    assert offered[1] == str(exports)  # the next export starts in the last export's folder
    assert said[0] == "Shown at the balanced sensitivity."  # the summary says what was shown


def test_the_caret_line_after_find_is_the_match(make_tab):
    text = "cat dog cat"
    tab = make_tab(text, [])
    tab.find_bar.open_bar()
    tab.find_bar.field.setText("dog")
    cursor: QTextCursor = tab.reader.textCursor()
    assert cursor.selectedText() == "dog"
