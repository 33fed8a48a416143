"""Opening a web address: fetched from a site on this machine, read as a saved page would be,
and every way it can fail told in one sentence."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from caveat.loaders import LoadError, load_document, load_source
from caveat.loaders.web import fetch, load_url

NEWS_PAGE = Path(__file__).resolve().parents[2] / "data" / "news-page.html"
LIMIT = 5 * 1024 * 1024

pytestmark = pytest.mark.allow_hosts(["127.0.0.1"])


def test_a_web_page_opens_as_the_saved_page_does_with_its_address_as_source(local_site):
    url = local_site.add("/news/storm", NEWS_PAGE.read_bytes())
    fetched = load_source(url, LIMIT)
    saved = load_document(NEWS_PAGE)
    assert fetched.text == saved.text
    assert fetched.blocks == saved.blocks
    assert fetched.links == saved.links  # a link on a figure still counts as its source
    assert (fetched.format, fetched.title) == ("html", saved.title)
    assert fetched.url == url and fetched.source is None
    assert fetched.origin == url
    assert fetched.language == "en"


def test_redirects_are_followed_and_the_final_address_kept(local_site):
    final = local_site.add("/2024/storm", NEWS_PAGE.read_bytes())
    old = local_site.add("/storm", b"", status=301, headers={"Location": "/2024/storm"})
    assert load_url(old, LIMIT).url == final


def test_the_request_looks_like_a_browser(local_site):
    url = local_site.add("/a", NEWS_PAGE.read_bytes())
    fetch(url, LIMIT)
    [headers] = local_site.requests
    assert headers["User-Agent"].startswith("Mozilla/5.0")
    assert "text/html" in headers["Accept"]


@pytest.mark.parametrize(
    ("page", "reason"),
    [
        ({"status": 404}, "the page was not found (HTTP 404)"),
        ({"status": 403}, "the site refused access to the page (HTTP 403)"),
        ({"status": 503}, "the site had an error and sent no page (HTTP 503)"),
        ({"content_type": "application/pdf"}, "not a web page but application/pdf"),
        ({"content_type": "image/png"}, "not a web page but image/png"),
    ],
)
def test_an_unusable_answer_is_one_plain_sentence(local_site, page, reason):
    url = local_site.add("/x", NEWS_PAGE.read_bytes(), **page)
    with pytest.raises(LoadError) as failed:
        load_url(url, LIMIT)
    assert reason in str(failed.value)
    assert str(failed.value).startswith(url)
    assert "\n" not in str(failed.value)


@pytest.mark.parametrize("send_length", [True, False])
def test_a_page_over_the_size_limit_is_refused(local_site, send_length):
    url = local_site.add("/big", b"<p>" + b"word " * 50_000 + b"</p>", send_length=send_length)
    with pytest.raises(LoadError, match="over the 0.1 MB size limit"):
        load_url(url, 100 * 1024)


def test_a_site_that_never_answers_times_out(local_site):
    url = local_site.add("/slow", hold=True)
    with pytest.raises(LoadError, match="did not answer within"):
        load_url(url, LIMIT, timeout=0.3)


def test_nothing_listening_is_a_refused_connection():
    with socket.socket() as probe:  # a port that was free a moment ago
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(LoadError, match="127.0.0.1 refused the connection"):
        load_url(f"http://127.0.0.1:{port}/article", LIMIT)


def test_offline_or_an_unknown_site_says_so(monkeypatch):
    def no_network(*_args, **_kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_network)  # what an offline resolver says
    with pytest.raises(LoadError, match="could not find news.example .no network connection"):
        load_url("https://news.example/story", LIMIT)


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("ftp://news.example/story", "it must start with https://"),
        ("https://", "no site name"),
        ("http:///story", "no site name"),
    ],
)
def test_a_bad_address_is_told_before_any_request(address, reason):
    with pytest.raises(LoadError, match=reason):
        load_source(address, LIMIT)


def test_an_empty_page_is_refused(local_site):
    url = local_site.add("/empty", b"  ")
    with pytest.raises(LoadError, match="empty page"):
        load_url(url, LIMIT)
