"""Paste an article (Ctrl+V, File > New from Clipboard) and open a web address (Ctrl+L)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from caveat.gui.open_sources import as_address

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


def test_pasted_html_keeps_its_links(window, clipboard):
    clipboard(
        "Damage could reach £4.2 million.",
        "<p>Damage could reach <a href='https://council.example/r'>£4.2 million</a>.</p>",
    )
    tab = window.paste_article()
    [link] = tab.document.links
    assert tab.document.text[link.start : link.end] == "£4.2 million"
    tab.cancel()


def test_an_empty_clipboard_says_so_and_opens_nothing(window, clipboard):
    clipboard("   ")
    assert window.paste_article() is None
    assert window.tabs.count() == 0
    assert "no text on the clipboard" in window.message_bar.label.text()


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
