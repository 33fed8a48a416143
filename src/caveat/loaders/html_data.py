"""What a web page holds besides its visible HTML: structured data and script-built content.

Some pages carry their article only as data: JSON-LD with the full `articleBody`, or the JSON a
script turns into the page (a Next.js `__NEXT_DATA__` island); some are app shells whose HTML says
only "You need to enable JavaScript". Caveat runs no scripts, so the main-text extraction finds
little or nothing there (one saved page gave only a photo caption). This module measures what the
page holds, so the loader can use an `articleBody`, refuse an app shell in one line, or say that
most of the page's text was out of reach.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

import lxml.etree
import lxml.html
import trafilatura

from caveat.document import BlockKind, Document
from caveat.loaders.builder import TextBuilder
from caveat.loaders.errors import LoadError
from caveat.resources import load_lexicon

# A page whose HTML holds fewer words than this, and says it needs JavaScript, is an app shell.
APP_SHELL_MAX_WORDS = 60
# The JSON-LD articleBody replaces the HTML's text when it holds this many times more words.
ARTICLE_BODY_RATIO = 2
# Script data holding this many times the words shown (and at least MIN_MISSING_WORDS): notice.
DATA_WORDS_RATIO = 4
MIN_MISSING_WORDS = 150
# A string in a page's data that reads as prose: several words and sentence punctuation, not a
# URL, a class list or a date.
_PROSE = re.compile(r"(?=.*[a-zA-Z\u00c0-\u024f\u0400-\u04ff]{3})(?=(?:\S+\s+){5}).*[.!?,;:]", re.S)
_MARKUP = re.compile(r"<[^>]+>")
_MONTHS = (
    *("January", "February", "March", "April", "May", "June", "July", "August"),
    *("September", "October", "November", "December"),
)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")
_VISIBLE_TEXT = lxml.etree.XPath(
    "//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript"
    " or ancestor::template)]"
)
_ARTICLE_TYPES = ("Article", "NewsArticle", "BlogPosting", "ReportageNews", "AnalysisNewsArticle")


@dataclass(frozen=True)
class PageData:
    headline: str = ""
    article_body: str = ""  # JSON-LD articleBody: the whole article as plain text
    data_words: int = 0  # words of prose in the page's JSON (script-built content)
    visible_words: int = 0  # words of the page's HTML text outside scripts and styles
    app_shell: bool = False  # the page says it needs JavaScript to show anything


def _json_scripts(page: lxml.html.HtmlElement) -> Iterator[tuple[str, str]]:
    """(type or id, content) of every script holding JSON."""
    for script in page.iter("script"):
        kind = (script.get("type") or "").lower()
        name = script.get("id") or ""
        if "json" in kind or name == "__NEXT_DATA__":
            yield (name or kind), script.text or ""


def _load(content: str) -> Any:
    try:
        return json.loads(content)
    except (ValueError, RecursionError):
        return None


def _objects(value: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in `value`, depth first (JSON-LD nests articles in @graph and lists)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            yield item
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(reversed(item))


def _strings(value: Any) -> Iterator[str]:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _is_article(obj: dict[str, Any]) -> bool:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k in _ARTICLE_TYPES for k in kinds)


def _plain(text: str) -> str:
    """articleBody as plain text: some sites put HTML in it."""
    if "<" in text and _MARKUP.search(text):
        text = _MARKUP.sub("\n", re.sub(r"(?i)<br\s*/?>", "\n", text))
    return text.replace("\r\n", "\n").strip()


@cache
def _app_shell_patterns() -> re.Pattern[str]:
    phrases = load_lexicon("boilerplate")["app_shell"]
    return re.compile("|".join(f"(?:{p})" for p in phrases), re.IGNORECASE)


def page_data(page: lxml.html.HtmlElement) -> PageData:
    """What `page` (parsed HTML) holds as data: the longest JSON-LD articleBody with its
    headline, the words of prose in its JSON, and whether it is an app shell."""
    headline = body = ""
    seen: set[str] = set()
    data_words = 0
    for name, content in _json_scripts(page):
        parsed = _load(content)
        if parsed is None:
            continue
        if "ld+json" in name:
            for obj in _objects(parsed):
                text = obj.get("articleBody")
                if isinstance(text, str) and len(_plain(text)) > len(body):
                    body = _plain(text)
                    title = obj.get("headline") or obj.get("name") or ""
                    headline = title if isinstance(title, str) else ""
                elif _is_article(obj) and not headline and isinstance(obj.get("headline"), str):
                    headline = obj["headline"]
        for text in _strings(parsed):
            text = _plain(text)
            if text not in seen and _PROSE.match(text):
                seen.add(text)
                data_words += len(text.split())
    noscript = " ".join(n.text_content() for n in page.iter("noscript"))
    visible = sum(len(t.split()) for t in _VISIBLE_TEXT(page))
    return PageData(
        " ".join(headline.split()), body, data_words, visible, says_it_needs_scripts(noscript)
    )


def says_it_needs_scripts(text: str) -> bool:
    """Whether `text` is what an app shell shows without JavaScript ("You need to enable
    JavaScript to run this app"); the phrases are data (boilerplate.toml, `app_shell`)."""
    return bool(_app_shell_patterns().search(text))


def byline_of(author: str | None, date: str | None) -> str:
    """'By Mara Quinlan · 12 March 2024' from a page's metadata (an ISO date); "" without either."""
    parts = []
    if author and author.strip():
        parts.append("By " + ", ".join(a.strip() for a in author.split(";") if a.strip()))
    if date:
        try:
            day = datetime.date.fromisoformat(date.strip()[:10])
            parts.append(f"{day.day} {_MONTHS[day.month - 1]} {day.year}")
        except ValueError:
            pass
    return " · ".join(parts)


def article_body_document(
    path: Path, held: PageData, title: str, byline: str, found_words: int
) -> Document:
    """The article from the page's JSON-LD articleBody: title, byline, one block per paragraph
    (the body's line breaks), with a notice that says where it came from."""
    title = held.headline or title
    builder = TextBuilder()
    if title:
        builder.write(title)
        builder.end_block(BlockKind.HEADING, 1)
    if byline:
        builder.write(byline)
        builder.end_block(BlockKind.BYLINE)
    for paragraph in _PARAGRAPH_BREAK.split(held.article_body):
        builder.write(" ".join(paragraph.split()))
        builder.end_block()
    notice = (
        f"This page's HTML shows only {found_words:,} words; the article "
        f"({len(held.article_body.split()):,} words) was taken from the page's structured data "
        "(JSON-LD articleBody), which has no links."
    )
    return Document(
        builder.text(), builder.finished_blocks(), "html", path, title=title, notices=(notice,)
    )


def shows_author(body: lxml.etree._Element, author: str | None) -> bool:
    """Whether the text already has a byline: a short line near the top naming the author."""
    name = (author or "").split(";")[0].strip()
    for element in list(body)[:4]:
        line = " ".join(element.xpath("string()").split())
        if name and name in line and len(line.split()) <= 20:
            return True
    return False


def settled(path: Path, data: bytes, document: Document, held: PageData) -> Document:
    """The document, or what replaces it when the page's article is not in its HTML."""
    analysed = " ".join(
        document.text[document.blocks[i].start : document.blocks[i].end]
        for i in document.analysed_indices()
    )
    found = len(analysed.split())
    # what the page shows without scripts: trafilatura itself falls back to the JSON-LD body
    # (as one paragraph), so its text is no measure of what the HTML holds
    shown = held.visible_words
    if len(held.article_body.split()) >= max(ARTICLE_BODY_RATIO * shown, 1):
        metadata = trafilatura.extract_metadata(data)
        byline = byline_of(metadata.author, metadata.date) if metadata else ""
        return article_body_document(path, held, document.title, byline, shown)
    if found < APP_SHELL_MAX_WORDS and (held.app_shell or says_it_needs_scripts(analysed)):
        raise LoadError(
            path,
            "the article is not in this web page: the page builds it with JavaScript, which "
            "Caveat does not run (save the page from a browser once it has loaded, or copy its "
            "text)",
        )
    if not found:
        raise LoadError(path, "no readable article text found in this web page")
    if held.data_words >= max(DATA_WORDS_RATIO * shown, MIN_MISSING_WORDS):
        notice = (
            f"Only {shown:,} words of text were found in this page's HTML, while the data its "
            f"scripts display holds about {held.data_words:,}: the article is probably shown by "
            "JavaScript, which Caveat does not run. Only what was found is analysed."
        )
        return replace(document, notices=(*document.notices, notice))
    return document
