"""The polite fetcher, against a local http.server on 127.0.0.1 (never any other address)."""
from __future__ import annotations

import socket
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from storyline.errors import FetchError, InputError
from storyline.ingest import iter_pages
from storyline.ingest.fetch import Fetcher, retry_after_seconds
from storyline.model import RawPage
from storyline.rules import ingest as rules

PAGE = ("<html><head><title>Ferry</title></head><body><p>The council voted. "
        "“Long enough,” said Mara Quint.</p></body></html>")
FEED = ("<?xml version='1.0'?><rss version='2.0'><channel><title>L</title>"
        "<item><title>One</title><link>http://127.0.0.1/one</link>"
        "<description>First item body.</description></item>"
        "<item><title>Two</title><link>http://127.0.0.1/two</link>"
        "<description>Second item body.</description></item></channel></rss>")


class Handler(BaseHTTPRequestHandler):
    hits: Counter = Counter()
    agents: list = []

    def log_message(self, *args):  # keep test output quiet
        pass

    def _send(self, status, body=b"", ctype="text/html; charset=utf-8", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers:
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 - http.server's naming
        path = self.path
        self.hits[path] += 1
        self.agents.append(self.headers.get("User-Agent"))
        n = self.hits[path]
        if path == "/robots.txt":
            self._send(200, b"User-agent: *\nDisallow: /private\n", "text/plain")
        elif path in ("/ok", "/private/page"):
            self._send(200, PAGE.encode())
        elif path == "/missing":
            self._send(404, b"<html>not here</html>")
        elif path == "/flaky":
            self._send(500, b"oops") if n == 1 else self._send(200, PAGE.encode())
        elif path == "/busy":
            if n == 1:
                self._send(429, b"slow down", headers=[("Retry-After", "3")])
            else:
                self._send(200, PAGE.encode())
        elif path == "/down":
            self._send(503, b"down")
        elif path == "/too-busy":
            self._send(429, b"later", headers=[("Retry-After", "3600")])
        elif path == "/slow":
            time.sleep(1.5)
            self._send(200, PAGE.encode())
        elif path == "/plain":
            self._send(200, b"Scraped text page.\n\nSecond paragraph.", "text/plain")
        elif path == "/image":
            self._send(200, b"\x89PNG\r\n\x1a\n0000", "image/png")
        elif path == "/big":
            self._send(200, PAGE.encode() * 100)
        elif path == "/feed":
            self._send(200, FEED.encode(), "application/rss+xml")
        elif path == "/cp1252":
            self._send(200, PAGE.encode("cp1252"), "text/html; charset=windows-1252")
        else:
            self._send(404, b"no route")


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):  # a client that timed out and left
        pass


@pytest.fixture(scope="module")
def server():
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def fetcher():
    Handler.hits.clear()
    Handler.agents.clear()
    return Fetcher(allow_private=True, timeout=0.5, retries=2, backoff=0.001, per_host_delay=0.0)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --------------------------------------------------------------------- happy paths
def test_200_page(server, fetcher):
    page = fetcher.get(server + "/ok")
    assert isinstance(page, RawPage) and page.kind == "html"
    assert "“Long enough,”" in page.content
    assert page.url == server + "/ok" and page.origin == server + "/ok"
    assert page.fetched_at and page.published is None
    assert set(Handler.agents) == {rules.USER_AGENT}


@pytest.mark.parametrize("path, kind, needle", [
    ("/plain", "text", "Scraped text page."),
    ("/cp1252", "html", "“Long enough,”"),  # charset from the Content-Type header
])
def test_kinds_and_charsets(server, fetcher, path, kind, needle):
    page = fetcher.get(server + path)
    assert page.kind == kind and needle in page.content


def test_500_then_200_is_retried(server, fetcher):
    page = fetcher.get(server + "/flaky")
    assert "Mara Quint" in page.content
    assert Handler.hits["/flaky"] == 2


def test_429_honours_retry_after(server):
    Handler.hits.clear()
    slept = []
    f = Fetcher(allow_private=True, timeout=0.5, retries=2, backoff=0.001, per_host_delay=0.0, sleep=slept.append)
    assert "Mara Quint" in f.get(server + "/busy").content
    assert 3.0 in slept


def test_robots_cached_per_host(server, fetcher):
    fetcher.get(server + "/ok")
    fetcher.get(server + "/flaky")
    assert Handler.hits["/robots.txt"] == 1


def test_per_host_delay(server):
    slept = []
    f = Fetcher(allow_private=True, timeout=0.5, retries=0, per_host_delay=5.0, sleep=slept.append)
    f.get(server + "/ok")
    f.get(server + "/ok")
    assert slept and all(0 < s <= 5.0 for s in slept)
    assert max(slept) > 4.0


# ---------------------------------------------------------------------- failures
@pytest.mark.parametrize("path, reason", [
    ("/missing", "HTTP 404"),
    ("/down", "HTTP 503"),
    ("/private/page", "robots.txt disallows"),
    ("/image", "not a page"),
    ("/too-busy", "retry after"),
])
def test_errors(server, fetcher, path, reason):
    with pytest.raises(FetchError) as info:
        fetcher.get(server + path)
    assert reason in info.value.message
    assert info.value.source == server + path
    assert "\n" not in info.value.line()


def test_5xx_retried_then_given_up(server, fetcher):
    with pytest.raises(FetchError) as info:
        fetcher.get(server + "/down")
    assert Handler.hits["/down"] == 3 and "3 tries" in info.value.message


def test_404_not_retried(server, fetcher):
    with pytest.raises(FetchError):
        fetcher.get(server + "/missing")
    assert Handler.hits["/missing"] == 1


def test_too_big(server):
    f = Fetcher(allow_private=True, timeout=0.5, retries=0, per_host_delay=0.0, max_bytes=1000)
    with pytest.raises(FetchError) as info:
        f.get(server + "/big")
    assert "over the limit" in info.value.message


def test_timeout(server):
    f = Fetcher(allow_private=True, timeout=0.3, retries=0, per_host_delay=0.0,
                respect_robots=False)
    with pytest.raises(FetchError) as info:
        f.get(server + "/slow")
    assert "timed out" in info.value.message


def test_unreachable_closed_port():
    f = Fetcher(allow_private=True, timeout=0.5, retries=1, backoff=0.001, per_host_delay=0.0)
    url = f"http://127.0.0.1:{closed_port()}/page"
    with pytest.raises(FetchError) as info:
        f.get(url)
    assert "unreachable" in info.value.message and "2 tries" in info.value.message


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/x", "http:///nohost"])
def test_not_http(url):
    with pytest.raises(FetchError):
        Fetcher(allow_private=True, per_host_delay=0.0).get(url)


@pytest.mark.parametrize("value, seconds", [("3", 3.0), ("0", 0.0), (None, None), ("soon", None),
                                            ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)])
def test_retry_after_parsing(value, seconds):
    assert retry_after_seconds(value) == seconds


# ------------------------------------------------------------- through iter_pages
def test_iter_pages_urls(server, fetcher):
    got = list(iter_pages([server + "/ok", server + "/missing", server + "/feed",
                           f"http://127.0.0.1:{closed_port()}/x"], fetcher=fetcher))
    kinds = ["page" if isinstance(g, RawPage) else "error" for g in got]
    assert kinds == ["page", "error", "page", "page", "error"]
    assert [g.title_hint for g in got[2:4]] == ["One", "Two"]  # the feed expanded
    assert all(isinstance(g, InputError) and g.source for g in got if not isinstance(g, RawPage))
    assert "HTTP 404" in got[1].message and "unreachable" in got[4].message

