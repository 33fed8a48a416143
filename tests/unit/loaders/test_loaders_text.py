"""Plain text and Markdown: exact text, encodings, blocks and boilerplate lines."""

from __future__ import annotations

import codecs

import pytest

from caveat.document import BlockKind
from caveat.loaders import LoadError, load_document
from caveat.loaders.boilerplate import is_boilerplate

ARTICLE = "Prices rose by “about 5%” in Zürich – naïve forecasts… were wrong.\n\nSecond para.\n"


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), "utf-16"),
        (ARTICLE.encode("cp1252"), "cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "cp1252"],
)
def test_txt_text_is_exactly_the_decoded_file(tmp_path, encoded, encoding):
    path = tmp_path / "article.txt"
    path.write_bytes(encoded)
    doc = load_document(path)
    assert doc.text == ARTICLE
    assert doc.encoding == encoding
    assert doc.format == "txt"


def test_latin1_text_without_cp1252_punctuation_is_detected(tmp_path):
    text = "Straße und München: été à Paris, un résumé naïf.\n"
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("latin-1"))
    doc = load_document(path)
    assert doc.text == text
    assert doc.encoding == "cp1252"  # a superset of latin-1's printable characters


def test_cp1252_euro_sign_and_curly_quotes_are_detected(tmp_path):
    text = "The plant cost €58 million, the company’s “report” says.\n" * 2
    path = tmp_path / "euro.txt"
    path.write_bytes(text.encode("cp1252"))
    doc = load_document(path)
    assert doc.text == text
    assert doc.encoding == "cp1252"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Президент заявил, что около 40 процентов граждан поддерживают реформу. " * 3, "cp1251"),
        ("Zażółć gęślą jaźń, powiedział minister; około 40 procent się zgadza. " * 3, "cp1250"),
    ],
    ids=["russian-cp1251", "polish-cp1250"],
)
def test_non_western_legacy_encoding_is_detected(tmp_path, text, encoding):
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    assert load_document(path).text == text


def test_crlf_file_keeps_its_line_breaks_and_splits_paragraphs(tmp_path):
    text = "First line\r\nstill first.\r\n\r\nSecond.\r\n"
    path = tmp_path / "crlf.txt"
    path.write_bytes(text.encode())
    doc = load_document(path)
    assert doc.text == text
    assert [doc.text[b.start : b.end] for b in doc.blocks] == [
        "First line\r\nstill first.",
        "Second.",
    ]


def test_syria_article_marks_top_videos_as_boilerplate_and_keeps_every_byte(syria_article):
    doc = load_document(syria_article)
    assert doc.text == syria_article.read_bytes().decode("utf-8")
    assert "\u00a0" in doc.text
    boilerplate = [doc.text[b.start : b.end] for b in doc.blocks if not b.analysed]
    assert boilerplate == ["Top Videos of the Day"]
    analysed = [doc.text[b.start : b.end] for b in doc.blocks if b.analysed]
    assert analysed[0].startswith("Russia's military campaign")
    assert all(text == text.strip() for text in analysed)


def test_boilerplate_line_inside_a_paragraph_becomes_its_own_block(tmp_path):
    text = "The storm hit on Monday.\nAdvertisement\nThe harbour reopened on Friday.\n"
    path = tmp_path / "a.txt"
    path.write_text(text)
    doc = load_document(path)
    assert [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks] == [
        (BlockKind.PARAGRAPH, "The storm hit on Monday."),
        (BlockKind.BOILERPLATE, "Advertisement"),
        (BlockKind.PARAGRAPH, "The harbour reopened on Friday."),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Top Videos of the Day",
        "ADVERTISEMENT",
        "Advertisement\u00a0",
        "Read more: Flood warnings issued for the east coast",
        "Read More »",
        "Share this article",
        "Share on Facebook",
        "Click to share on Twitter (Opens in new window)",
        "Sign up for our newsletter",
        "Sign up to the Morning Briefing newsletter",
        "Follow us on Twitter and Instagram",
        "Story continues below advertisement",
        "Continue reading the main story",
        "Most read",
        "Related: Council tax to rise in April",
        "© 2024 The Coastal Ledger. All rights reserved.",
        "Page 3 of 12",
    ],
)
def test_web_furniture_lines_are_boilerplate(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Read more about the study in the appendix, where the authors explain the sample.",
        "Advertisement spending rose by 12 percent last year.",
        "Share prices fell by about 3%.",
        "Follow the money, critics say.",
        "Subscribers may have noticed the change.",
        "Related research suggests the effect is small.",
        "Top videos of the day are picked by editors, the company says.",
        "Sign up " + "for our newsletter " * 12,
    ],
)
def test_sentences_an_author_wrote_are_not_boilerplate(line):
    assert not is_boilerplate(line)


MARKDOWN = """# The River Town #

Intro paragraph with *emphasis*.

Setext heading
--------------

Body under it.
## Second level

Advertisement
"""


def test_markdown_headings_are_heading_blocks_without_their_markers(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(MARKDOWN)
    doc = load_document(path)
    assert doc.text == MARKDOWN
    assert doc.title == "The River Town"
    assert [(b.kind, b.level, doc.text[b.start : b.end]) for b in doc.blocks] == [
        (BlockKind.HEADING, 1, "The River Town"),
        (BlockKind.PARAGRAPH, 0, "Intro paragraph with *emphasis*."),
        (BlockKind.HEADING, 2, "Setext heading"),
        (BlockKind.PARAGRAPH, 0, "Body under it."),
        (BlockKind.HEADING, 2, "Second level"),
        (BlockKind.BOILERPLATE, 0, "Advertisement"),
    ]


def test_bundled_sample_loads_as_markdown(bundled_sample):
    doc = load_document(bundled_sample)
    assert doc.format == "md"
    assert doc.blocks[0].kind is BlockKind.HEADING
    assert doc.text == bundled_sample.read_text(encoding="utf-8")


def test_text_file_without_extension_loads_as_text(tmp_path):
    path = tmp_path / "README"
    path.write_text("About 40% of readers never finish an article.\n")
    assert load_document(path).format == "txt"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (codecs.BOM_UTF8 + b"caf\xe9 au lait", "not valid utf-8-sig text"),
        (codecs.BOM_UTF16_LE + b"a\x00b", "not valid utf-16 text"),
        (b"text with a \x00 NUL byte in it", "binary file"),
        (b"\x01\x02\x03\x04 control characters \x05\x06\x07\x08\x0e\x0f", "binary file"),
    ],
    ids=["bad-utf8-after-bom", "odd-utf16", "nul-byte", "control-chars"],
)
def test_undecodable_or_binary_text_is_refused(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(LoadError, match=reason):
        load_document(path)
