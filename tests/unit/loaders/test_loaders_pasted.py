"""An article pasted from the clipboard: text or HTML given as a string."""

from __future__ import annotations

import pytest

from caveat.loaders import LoadError
from caveat.loaders.pasted import first_line, load_html_string, load_pasted, load_text_string

ARTICLE = "Storm hits the harbour\n\nAbout 300 homes lost power overnight, officials said.\n"
HTML = (
    "<html><body><!--StartFragment--><h1>Storm hits the harbour</h1>"
    "<p>Damage could reach <a href='https://council.example/report'>£4.2 million</a>, "
    "and the café owners may leave.</p><!--EndFragment--></body></html>"
)


def test_pasted_text_is_kept_exactly_and_named_after_its_first_line():
    document = load_text_string(ARTICLE)
    assert document.text == ARTICLE
    assert document.name == "Storm hits the harbour"
    assert document.source is None and document.format == "txt"
    assert [document.text[b.start : b.end] for b in document.blocks][0] == "Storm hits the harbour"


def test_pasted_html_keeps_its_links_as_sources():
    document = load_pasted("Storm hits the harbour Damage could reach £4.2 million", HTML)
    assert document.format == "html"
    assert document.name == "Storm hits the harbour"
    [link] = document.links
    assert document.text[link.start : link.end] == "£4.2 million"
    assert link.href == "https://council.example/report"
    assert "café" in document.text  # UTF-8 read as UTF-8, not Latin-1


def test_plain_text_is_used_when_the_html_holds_no_article():
    document = load_pasted(ARTICLE, "<html><body><script>x()</script></body></html>")
    assert document.text == ARTICLE


@pytest.mark.parametrize(("text", "html"), [("", ""), ("  \n ", ""), ("", "<p> </p>")])
def test_an_empty_clipboard_says_so(text, html):
    with pytest.raises(LoadError, match="no text on the clipboard|no readable article"):
        load_pasted(text, html)


def test_a_long_first_line_is_shortened_for_the_tab():
    name = first_line("# " + "word " * 40)
    assert len(name) <= 60 and name.endswith("…") and not name.startswith("#")


def test_html_without_a_charset_is_read_as_utf8():
    document = load_html_string("<p>Ein Café in Köln schließt.</p>")
    assert "Café in Köln schließt" in document.text
