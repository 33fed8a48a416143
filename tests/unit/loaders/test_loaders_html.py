"""Web pages: main text, title, headings, links and boilerplate from a realistic news page."""

from __future__ import annotations

from pathlib import Path

import pytest

from caveat.document import BlockKind
from caveat.loaders import LoadError, load_document

NEWS_PAGE = Path(__file__).resolve().parents[2] / "data" / "news-page.html"


@pytest.fixture(scope="module")
def news():
    return load_document(NEWS_PAGE)


def test_html_keeps_the_article_title(news):
    assert news.format == "html"
    assert news.title == "Harbour town counts the cost of the storm"
    first = news.blocks[0]
    assert (first.kind, first.level) == (BlockKind.HEADING, 1)
    assert news.text[first.start : first.end] == news.title


@pytest.mark.parametrize(
    "furniture",
    ["Weather", "cookies", "Share on Facebook", "Reader42", "Most read", "Celebrity", "Privacy"],
)
def test_html_main_text_leaves_out_page_furniture_and_comments(news, furniture):
    assert furniture not in news.text


def test_html_main_text_keeps_the_article(news):
    assert "The council estimated the damage at £4.2 million" in news.text
    assert "Skipper Alan Roe said" in news.text


def test_html_subheadings_are_heading_blocks(news):
    headings = [(news.text[b.start : b.end], b.level) for b in news.blocks if b.kind == "heading"]
    assert headings == [(news.title, 1), ("A slow recovery", 2)]


def test_html_links_cover_their_words_and_keep_their_address(news):
    links = {news.text[link.start : link.end]: link.href for link in news.links}
    assert links == {
        "a statement released on Tuesday": "https://kelby.example/council/storm-report",
        "about 15 percent": "https://insure.example/data/2024",
    }


def test_html_furniture_that_survives_extraction_is_boilerplate(news):
    boilerplate = [news.text[b.start : b.end] for b in news.blocks if b.kind == "boilerplate"]
    assert boilerplate == [
        "Top Videos of the Day",
        "Advertisement",
        "Read more: Flood warnings issued for the east coast",
        "Sign up for our newsletter",
    ]


def test_html_blocks_are_trimmed_and_separated_by_a_blank_line(news):
    for block in news.blocks:
        chunk = news.text[block.start : block.end]
        assert chunk == chunk.strip() and "\n\n" not in chunk
    assert news.text.count("\n\n") == len(news.blocks) - 1


def test_html_fragment_without_an_article_still_opens_with_its_links(tmp_path):
    path = tmp_path / "snippet.html"
    path.write_text('<p>About 40% agreed, <a href="https://poll.example/x">a poll found</a>.</p>')
    doc = load_document(path)
    assert doc.text == "About 40% agreed, a poll found."
    assert [(doc.text[k.start : k.end], k.href) for k in doc.links] == [
        ("a poll found", "https://poll.example/x")
    ]


def test_html_without_an_extension_is_sniffed(tmp_path):
    path = tmp_path / "saved-page"
    path.write_bytes(NEWS_PAGE.read_bytes())
    assert load_document(path).format == "html"


def test_html_legacy_encoding_from_its_meta_tag(tmp_path):
    page = (
        '<html><head><meta charset="windows-1252"><title>Caf\xe9</title></head><body>'
        "<article><p>The caf\xe9 said \x93about 40%\x94 of tables were empty on a wet "
        "Tuesday in March, which the owner blamed on the weather and roadworks.</p>"
        "</article></body></html>"
    )
    path = tmp_path / "legacy.html"
    path.write_bytes(page.encode("latin-1"))
    doc = load_document(path)
    assert "The café said “about 40%”" in doc.text


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><style>p {}</style></head><body><script>var a = 1;</script></body></html>",
        "<html><body></body></html>",
    ],
    ids=["only-script", "empty-body"],
)
def test_html_without_readable_text_is_refused(tmp_path, page):
    path = tmp_path / "empty.html"
    path.write_text(page)
    with pytest.raises(LoadError, match="no readable article text"):
        load_document(path)
