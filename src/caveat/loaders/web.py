"""Open a web address: fetch the page and read it as a saved web page would be.

The only network use Caveat makes, and only when the reader asks for an address. The standard
library's urllib does what is needed (redirects, timeouts, proxies from the environment); the
page is read in pieces up to the size limit, and no script on it runs: the HTML is only parsed.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
import urllib.error
import urllib.request
from dataclasses import replace
from email.message import Message
from pathlib import Path
from urllib.parse import urlsplit

from caveat.document import Document
from caveat.loaders.errors import LoadError
from caveat.loaders.language import language_of

TIMEOUT_SECONDS = 20.0
CHUNK = 64 * 1024
# Sites turn away clients that do not look like a browser; this is an ordinary desktop Firefox.
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
HTML_TYPES = ("text/html", "application/xhtml+xml")
_HTTP_REASONS = {
    401: "the page needs a login",
    403: "the site refused access to the page",
    404: "the page was not found",
    410: "the page was removed",
    429: "the site is turning away requests just now (too many); try again later",
}


def _megabytes(size: int) -> str:
    return f"{size / 2**20:.1f}".removesuffix(".0") + " MB"


def _tls_context() -> ssl.SSLContext:
    """The system's certificates, plus certifi's where it is installed (the standalone bundle
    may not find the system's)."""
    context = ssl.create_default_context()
    try:
        import certifi

        context.load_verify_locations(certifi.where())
    except (ImportError, OSError):
        pass
    return context


def _checked(url: str) -> str:
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise LoadError(url, "not a web address Caveat can open (it must start with https://)")
    if not parts.hostname:
        raise LoadError(url, "not a complete web address (no site name in it)")
    return url


def _network_reason(url: str, exc: BaseException) -> str:
    """One plain sentence for a failure below HTTP: offline, unknown name, refused, timeout."""
    host = urlsplit(url).hostname or url
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, socket.gaierror):
        return f"could not find {host} (no network connection, or no such site)"
    if isinstance(reason, TimeoutError | socket.timeout):
        return f"{host} did not answer within {TIMEOUT_SECONDS:.0f} seconds"
    if isinstance(reason, ConnectionRefusedError):
        return f"{host} refused the connection"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"the secure connection to {host} failed: {reason.verify_message}"
    if isinstance(reason, ssl.SSLError):
        return f"the secure connection to {host} failed"
    if isinstance(reason, OSError) and reason.strerror:
        return f"could not reach {host} ({reason.strerror.lower()})"
    return f"could not reach {host} ({reason})"


def _http_reason(exc: urllib.error.HTTPError) -> str:
    code = exc.code
    if code in _HTTP_REASONS:
        return f"{_HTTP_REASONS[code]} (HTTP {code})"
    if 300 <= code < 400:
        return f"the site sent the request round too many redirects (HTTP {code})"
    if code >= 500:
        return f"the site had an error and sent no page (HTTP {code}); try again later"
    return f"the site answered HTTP {code} ({exc.reason}) and sent no page"


def _content_type(headers: Message) -> str:
    return (headers.get_content_type() or "").lower()


def fetch(url: str, max_bytes: int, timeout: float = TIMEOUT_SECONDS) -> tuple[bytes, str]:
    """The page's bytes and the address it finally came from (after redirects)."""
    url = _checked(url)
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
            "Accept-Language": "en;q=0.9,*;q=0.5",
        },
    )
    deadline = time.monotonic() + 3 * timeout  # a slow trickle must end too
    try:
        with urllib.request.urlopen(request, timeout=timeout, context=_tls_context()) as reply:
            kind = _content_type(reply.headers)
            if kind and kind not in HTML_TYPES:
                raise LoadError(url, f"not a web page but {kind}; save it and open the file")
            length = reply.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise LoadError(
                    url,
                    f"the page is {_megabytes(int(length))}, over the "
                    f"{_megabytes(max_bytes)} size limit",
                )
            chunks, size = [], 0
            while chunk := reply.read(CHUNK):
                chunks.append(chunk)
                size += len(chunk)
                if size > max_bytes:
                    raise LoadError(url, f"the page is over the {_megabytes(max_bytes)} size limit")
                if time.monotonic() > deadline:
                    raise LoadError(url, f"the page took over {3 * timeout:.0f} seconds to arrive")
            return b"".join(chunks), reply.geturl()
    except LoadError:
        raise
    except urllib.error.HTTPError as exc:
        raise LoadError(url, _http_reason(exc)) from None
    except (urllib.error.URLError, OSError) as exc:
        raise LoadError(url, _network_reason(url, exc)) from None
    except http.client.HTTPException as exc:
        raise LoadError(url, f"the site's answer was broken ({type(exc).__name__})") from None
    except ValueError as exc:  # urllib's word for a malformed address
        raise LoadError(url, f"not a valid web address ({exc})") from None


def load_url(url: str, max_bytes: int, timeout: float = TIMEOUT_SECONDS) -> Document:
    """Fetch `url` and read it as a saved web page: main text, title, headings and links."""
    from caveat.loaders.html import load_html  # trafilatura: only once there is a page

    url = url.strip()
    data, final = fetch(url, max_bytes, timeout)
    if not data.strip():
        raise LoadError(url, "the site sent an empty page")
    name = Path(urlsplit(final).path).name or urlsplit(final).hostname or "page"
    try:
        document = load_html(Path(name), data)
    except LoadError as exc:
        raise LoadError(url, exc.reason) from None
    except Exception as exc:  # a parser's failure on odd input must not end in a traceback
        detail = " ".join(str(exc).split())[:120]
        raise LoadError(url, f"could not be read ({type(exc).__name__}: {detail})") from None
    return replace(
        document,
        source=None,
        url=final,
        title=document.title or name,
        language=language_of(document.text, document.blocks),
    )
