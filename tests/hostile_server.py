"""A local HTTP server for fetch tests whose routes can misbehave (drip, redirect, bomb).

Binds 127.0.0.1 only, on an ephemeral port; every handler ends by itself (a drip sends
a bounded number of bytes, a write to a client that left ends it).

Example::

    with serve({"/ok": page(b"<p>hi</p>")}) as srv:
        Fetcher(allow_private=True).get(srv.url + "/ok")
"""
from __future__ import annotations

import contextlib
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802 - http.server's naming
        path = self.path.split("?", 1)[0]
        self.server.hits[path] += 1
        self.server.seen.append((path, {k.lower(): v for k, v in self.headers.items()}))
        route = self.server.routes.get(path) or self.server.routes.get("*")
        try:
            if route is None:
                send(self, 404, b"no route")
            else:
                route(self)
        except OSError:  # the client went away (a fetch cut off at its deadline)
            self.close_connection = True


def send(handler, status, body=b"", ctype="text/html; charset=utf-8", headers=()):
    handler.send_response(status)
    handler.send_header("Content-Type", ctype)
    handler.send_header("Content-Length", str(len(body)))
    handler.send_header("Connection", "close")
    for key, value in headers:
        handler.send_header(key, value)
    handler.end_headers()
    handler.wfile.write(body)
    handler.close_connection = True


def page(body, status=200, ctype="text/html; charset=utf-8", headers=()):
    """A route answering ``body`` at once."""
    return lambda h: send(h, status, body, ctype, headers)


def redirect(location, status=302):
    return lambda h: send(h, status, b"", headers=[("Location", location)])


def drip(data: bytes, every: float, *, in_headers: bool = False, most_seconds: float = 8.0):
    """A route sending one byte every ``every`` seconds (the status line too, if asked)."""
    def route(h):
        head = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n"
                b"Content-Length: %d\r\n\r\n" % len(data))
        stream = head + data
        if not in_headers:
            h.wfile.write(head)
            stream = data
        ends = time.monotonic() + most_seconds
        for i in range(len(stream)):
            if time.monotonic() > ends:
                break
            h.wfile.write(stream[i:i + 1])
            h.wfile.flush()
            time.sleep(every)
        h.close_connection = True
    return route


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):  # a client that timed out and left
        pass


@contextlib.contextmanager
def serve(routes: dict):
    """Serve ``routes`` (path -> handler function; "*" catches the rest) on 127.0.0.1."""
    httpd = _Server(("127.0.0.1", 0), _Handler)
    httpd.routes = routes
    httpd.hits = Counter()
    httpd.seen = []
    httpd.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()
