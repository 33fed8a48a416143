"""Paste an article (Ctrl+V, File > New from Clipboard) and open a web address (Ctrl+L): both
are loaded off the GUI thread, and the tab opens when the Document arrives."""

from __future__ import annotations

import html
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from turn_clock import TESTED_TURN_MS, TurnClock, show_warm

from caveat.gui import open_sources, window_opening
from caveat.gui.open_sources import as_address
from caveat.loaders.pasted import load_pasted
from caveat.resources import sample_article

NEWS_PAGE = Path(__file__).resolve().parents[1] / "data" / "news-page.html"
ARTICLE = "Harbour counts the cost\n\nAbout 300 homes lost power, and the port could close.\n"


@pytest.fixture
def clipboard(qapp):
    """put(text, html) on the clipboard, cleared again after the test.

    WORKAROUND: a QMimeData made in Python and left on the clipboard crashed the test process
    at exit (segmentation fault as the application went away; PySide6 6.12, offscreen).
    """

    def put(text: str, html: str = "") -> None:
        data = QMimeData()
        data.setText(text)
        if html:
            data.setHtml(html)
        QApplication.clipboard().setMimeData(data)

    yield put
    QApplication.clipboard().clear()


def test_ctrl_v_on_the_welcome_page_opens_the_clipboard_in_a_tab(window, qtbot, clipboard):
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts go to the active window only
    clipboard(ARTICLE)
    assert window.stack.currentWidget() is window.welcome
    with qtbot.waitSignal(window.document_opened) as opened:
        QTest.keyClick(window.welcome, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    tab = opened.args[0]
    assert window.tabs.tabText(window.tabs.indexOf(tab)) == "Harbour counts the cost"
    assert tab.document.text == ARTICLE and tab.document.source is None
    tab.cancel()


def test_pasted_html_keeps_its_links(window, qtbot, clipboard):
    clipboard(
        "Damage could reach £4.2 million.",
        "<p>Damage could reach <a href='https://council.example/r'>£4.2 million</a>.</p>",
    )
    with qtbot.waitSignal(window.document_opened, timeout=10_000) as opened:
        window.paste_article()
    tab = opened.args[0]
    [link] = tab.document.links
    assert tab.document.text[link.start : link.end] == "£4.2 million"
    tab.cancel()


def test_a_paste_is_parsed_off_the_gui_thread_while_the_window_goes_on(
    window, qtbot, clipboard, monkeypatch
):
    turned = threading.Event()
    parsed_on: list[threading.Thread] = []

    def held_load(text: str, html: str = ""):
        parsed_on.append(threading.current_thread())
        # done on the GUI thread, this would wait for a turn of its event loop that never came
        assert turned.wait(10), "the event loop did not turn while the paste was parsed"
        return load_pasted(text, html)

    monkeypatch.setattr(open_sources, "load_pasted", held_load)
    clipboard(ARTICLE, f"<h1>Harbour counts the cost</h1><p>{ARTICLE.splitlines()[2]}</p>")
    with qtbot.waitSignal(window.document_opened, timeout=20_000) as opened:
        window.paste_article()
        assert window.source_opener.busy()
        assert "Opening the pasted text…" in window.message_bar.label.text()
        assert [b.text() for b in window.message_bar.buttons] == ["Cancel"]
        QTimer.singleShot(0, turned.set)  # runs only if the event loop turns meanwhile
    tab = opened.args[0]
    assert parsed_on and parsed_on[0] is not threading.main_thread()
    assert tab.document.title == "Harbour counts the cost" and tab.document.format == "html"
    assert window.message_bar.isHidden()  # "Opening …" is done
    tab.cancel()


def test_the_window_keeps_answering_while_100000_words_of_html_are_pasted(window, qtbot, clipboard):
    body = sample_article().read_text(encoding="utf-8")
    text = "\n\n".join([body] * round(100_000 / len(body.split())))
    paragraphs = (b for b in text.split("\n\n") if b.strip())
    clipboard(text, "".join(f"<p>{html.escape(b)}</p>" for b in paragraphs))
    show_warm(window, qtbot)
    clock = TurnClock()
    with qtbot.waitSignal(window.document_opened, timeout=30_000) as opened:
        window.paste_article()
    tab = opened.args[0]
    if tab.reader.is_loading_text():
        qtbot.waitSignal(tab.reader.text_loaded, timeout=30_000).wait()
    qtbot.wait(200)  # the last slices laid out and painted
    clock.stop()
    tab.cancel()
    assert tab.document.format == "html" and len(tab.document.text.split()) > 90_000
    # parsed on the GUI thread, the HTML alone took 0.15-0.3 s in one turn
    assert clock.busiest_ms < TESTED_TURN_MS, f"a turn took {clock.busiest_ms:.0f} ms of CPU"


def test_a_cancelled_paste_opens_nothing(window, qtbot, clipboard, monkeypatch):
    release = threading.Event()

    def held_load(text: str, html: str = ""):
        release.wait(10)
        return load_pasted(text, html)

    monkeypatch.setattr(open_sources, "load_pasted", held_load)
    clipboard(ARTICLE)
    window.paste_article()
    [cancel] = window.message_bar.buttons
    cancel.click()
    release.set()
    qtbot.waitUntil(lambda: not any(t.name == "caveat-load" for t in threading.enumerate()))
    window.source_opener.collect()  # the paste that was cancelled has come: it is dropped
    assert window.tabs.count() == 0 and window.message_bar.isHidden()


@pytest.mark.parametrize("text", ["   ", None], ids=["blank", "cleared"])
def test_an_empty_clipboard_says_so_and_opens_nothing(window, qtbot, clipboard, text):
    if text is None:
        QApplication.clipboard().clear()
    else:
        clipboard(text)
    window.paste_article()
    qtbot.waitUntil(lambda: not window.source_opener.busy(), timeout=10_000)
    assert window.tabs.count() == 0
    assert window.stack.currentWidget() is window.welcome
    assert window.message_bar.kind == "error"
    assert window.message_bar.label.text() == "Nothing to open: there is no text on the clipboard."


def test_a_paste_too_long_for_the_window_is_refused(window, qtbot, clipboard, monkeypatch):
    monkeypatch.setattr(window_opening, "WINDOW_TEXT_LIMIT", 1_000)
    clipboard("About 40 people may have left. " * 40)  # 1,240 characters
    window.paste_article()
    qtbot.waitUntil(lambda: not window.source_opener.busy(), timeout=10_000)
    assert window.tabs.count() == 0
    assert window.message_bar.kind == "error"
    message = window.message_bar.label.text()
    assert "<b>The pasted text</b> was not opened" in message and "caveat analyze" in message


def test_a_pasted_article_s_notice_is_shown_when_its_tab_opens(
    window, qtbot, clipboard, monkeypatch
):
    # no loader has a notice for a paste today; one that had would be told like a file's
    def noted(text: str, html: str = ""):
        return replace(load_pasted(text, html), notices=("Only part of it could be read.",))

    monkeypatch.setattr(open_sources, "load_pasted", noted)
    clipboard(ARTICLE)
    with qtbot.waitSignal(window.document_opened, timeout=10_000) as opened:
        window.paste_article()
    qtbot.waitUntil(lambda: not window.source_opener.busy(), timeout=10_000)
    assert window.message_bar.kind == "info" and not window.message_bar.isHidden()
    message = window.message_bar.label.text()
    assert message == "<b>Harbour counts the cost</b>: Only part of it could be read."
    opened.args[0].cancel()


@pytest.mark.allow_hosts(["127.0.0.1"])
def test_open_address_fetches_off_the_gui_thread_and_opens_a_tab(window, qtbot, local_site):
    url = local_site.add("/news/storm", NEWS_PAGE.read_bytes())
    with qtbot.waitSignal(window.document_opened, timeout=30_000) as opened:
        window.open_address(url)
        assert window.source_opener.busy()  # the window went on while the page came
        assert "Opening 127.0.0.1" in window.message_bar.label.text()
    tab = opened.args[0]
    assert tab.document.url == url
    assert window.tabs.tabToolTip(window.tabs.indexOf(tab)) == url
    assert window.tabs.tabText(window.tabs.indexOf(tab)).startswith("Harbour town")
    assert window.message_bar.isHidden()
    tab.cancel()


@pytest.mark.allow_hosts(["127.0.0.1"])
def test_an_address_that_fails_is_explained_in_the_message_bar(window, qtbot, local_site):
    url = local_site.url("/gone")
    with qtbot.waitSignal(window.source_opener.failed, timeout=30_000):
        window.open_address(url)
    assert window.message_bar.kind == "error"
    assert "the page was not found (HTTP 404)" in window.message_bar.label.text()
    assert window.tabs.count() == 0


@pytest.mark.allow_hosts(["127.0.0.1"])
def test_a_cancelled_fetch_opens_nothing(window, qtbot, local_site):
    slow = local_site.add("/slow", hold=True)
    fast = local_site.add("/fast", NEWS_PAGE.read_bytes())
    window.open_address(slow)
    window.source_opener.cancel()
    with qtbot.waitSignal(window.document_opened, timeout=30_000) as opened:
        window.open_address(fast)  # a later address is still opened
    assert opened.args[0].document.url == fast
    assert window.tabs.count() == 1
    opened.args[0].cancel()


@pytest.mark.allow_hosts(["127.0.0.1"])
def test_the_command_line_opens_files_and_addresses(window, qtbot, local_site, tmp_path):
    url = local_site.add("/news/storm", NEWS_PAGE.read_bytes())
    path = tmp_path / "note.txt"
    path.write_text(ARTICLE, "utf-8")
    window.open_arguments([url, str(path)])  # `caveat URL FILE`
    assert window.stack.currentWidget() is window.tabs  # no welcome page while they load
    qtbot.waitUntil(lambda: len(window.document_tabs()) == 2, timeout=30_000)
    # in the order given, though the file loads first
    assert [t.document.origin for t in window.document_tabs()] == [url, str(path)]
    for opened in window.document_tabs():
        opened.cancel()


@pytest.mark.parametrize(
    ("typed", "address"),
    [
        ("news.example/story", "https://news.example/story"),
        ("  http://news.example/a ", "http://news.example/a"),
        ("not an address", "not an address"),
    ],
)
def test_a_typed_address_gets_https_when_it_has_no_scheme(typed, address):
    assert as_address(typed) == address
