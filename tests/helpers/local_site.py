"""A web site on 127.0.0.1 for the tests that open web addresses: never the internet.

Tests that use it carry `@pytest.mark.allow_hosts(["127.0.0.1"])`, so pytest-socket lets them
connect to this machine and nowhere else.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Page:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    send_length: bool = True
    hold: bool = False  # answer only when the site is closed: a server that never replies


class LocalSite:
    """Serves `pages` by path and remembers the headers of every request."""

    def __init__(self) -> None:
        self.pages: dict[str, Page] = {}
        self.requests: list[dict[str, str]] = []
        self.release = threading.Event()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                site.requests.append(dict(self.headers))
                page = site.pages.get(self.path, Page(b"<p>Not here</p>", 404))
                if page.hold:
                    site.release.wait(30)
                    return
                self.send_response(page.status)
                self.send_header("Content-Type", page.content_type)
                for name, value in page.headers.items():
                    self.send_header(name, value)
                if page.send_length:
                    self.send_header("Content-Length", str(len(page.body)))
                self.end_headers()
                self.wfile.write(page.body)

            def log_message(self, *_args: object) -> None:
                pass  # quiet test output

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def add(self, path: str, body: str | bytes = b"", **options: object) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.pages[path] = Page(data, **options)  # type: ignore[arg-type]
        return self.url(path)

    def url(self, path: str) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}{path}"

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
