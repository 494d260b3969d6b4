"""Every fetch ends: overall deadline, size caps (robots.txt too), capped Retry-After waits,
robots.txt answering 5xx means "disallowed" (RFC 9309). Servers on 127.0.0.1 only."""
from __future__ import annotations

import time
import tracemalloc
import zlib

import pytest

from hostile_server import drip, page, serve
from storyline.errors import FetchError
from storyline.ingest.fetch import Fetcher
from storyline.rules import ingest as rules

PAGE = b"<html><head><title>Ferry</title></head><body><p>The council voted.</p></body></html>"
ROBOTS = b"User-agent: *\nDisallow: /private\n"


def fetcher(**kw):
    kw = {"timeout": 1.0, "retries": 0, "backoff": 0.001, "per_host_delay": 0.0,
          "allow_private": True, **kw}
    return Fetcher(**kw)


# ------------------------------------------------------------------ deadline
@pytest.mark.parametrize("route, where", [
    (drip(PAGE * 20, 0.05), "body"),                    # headers at once, then a byte each 50 ms
    (drip(PAGE * 20, 0.05, in_headers=True), "headers"),  # even the status line drips
])
def test_slow_drip_server_is_cut_off_at_the_deadline(route, where):
    with serve({"/robots.txt": page(ROBOTS, ctype="text/plain"), "/slow": route}) as srv:
        started = time.monotonic()
        with pytest.raises(FetchError) as info:
            fetcher(timeout=1.0).get(srv.url + "/slow")
        elapsed = time.monotonic() - started
    assert "timed out" in info.value.message, where
    assert elapsed < 3.0, f"the drip held the fetch {elapsed:.1f} s ({where})"


def test_slow_drip_robots_txt_is_cut_off_and_the_page_never_fetched():
    with serve({"/robots.txt": drip(ROBOTS * 50, 0.05), "/ok": page(PAGE)}) as srv:
        started = time.monotonic()
        with pytest.raises(FetchError) as info:
            fetcher(timeout=1.0).get(srv.url + "/ok")
        assert time.monotonic() - started < 3.0
        assert "timed out" in info.value.message and "robots.txt" in info.value.message
        assert srv.hits["/ok"] == 0


def test_fast_page_within_the_deadline_is_fetched():
    with serve({"/robots.txt": page(ROBOTS, ctype="text/plain"), "/ok": page(PAGE * 500)}) as srv:
        got = fetcher(timeout=2.0).get(srv.url + "/ok")
    assert got.content.count("The council voted.") == 500


# ---------------------------------------------------------------- size caps
def _gzip_bomb(megabytes: int, start: bytes = b"") -> bytes:
    """``start`` followed by ``megabytes`` MB of comment bytes, gzip-compressed (~1000:1)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    out = [comp.compress(start)]
    block = b"#" * 1_000_000
    out += [comp.compress(block) for _ in range(megabytes)]
    out.append(comp.flush())
    return b"".join(out)


def test_robots_txt_gzip_bomb_is_read_only_up_to_the_cap():
    bomb = _gzip_bomb(40, start=ROBOTS)
    routes = {"/robots.txt": page(bomb, ctype="text/plain", headers=[("Content-Encoding", "gzip")]),
              "/ok": page(PAGE), "/private/x": page(PAGE)}
    with serve(routes) as srv:
        f = fetcher(timeout=5.0)
        tracemalloc.start()
        try:
            allowed = f.allowed(srv.url + "/ok")
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert allowed and not f.allowed(srv.url + "/private/x")  # rules before the cap still hold
    assert peak < 10 * rules.ROBOTS_MAX_BYTES, f"peak {peak:,} bytes for a capped robots.txt"


@pytest.mark.parametrize("encoding", [None, "gzip"])
def test_page_over_the_size_cap_is_refused(encoding):
    body = _gzip_bomb(5) if encoding else PAGE * 2000
    headers = [("Content-Encoding", encoding)] if encoding else []
    with serve({"/robots.txt": page(ROBOTS, ctype="text/plain"),
                "/big": page(body, headers=headers)}) as srv:
        with pytest.raises(FetchError) as info:
            fetcher(max_bytes=100_000).get(srv.url + "/big")
    assert "100,000" in info.value.message


# -------------------------------------------------------------- Retry-After
@pytest.mark.parametrize("asked, expect_sleeps, expect_tries", [
    ("60", [], 1),          # over MAX_RETRY_AFTER: not waited for at all
    ("20", [20.0], 2),      # a second 20 s wait would pass MAX_RETRY_WAIT
    ("1", [1.0, 1.0, 1.0], 4),
])
def test_retry_after_waits_are_capped_per_url(asked, expect_sleeps, expect_tries):
    slept = []
    with serve({"/robots.txt": page(ROBOTS, ctype="text/plain"),
                "/busy": page(b"later", status=503, headers=[("Retry-After", asked)])}) as srv:
        with pytest.raises(FetchError) as info:
            fetcher(retries=3, sleep=slept.append).get(srv.url + "/busy")
        assert srv.hits["/busy"] == expect_tries
    assert slept == expect_sleeps
    assert sum(slept) <= rules.MAX_RETRY_WAIT
    assert "HTTP 503" in info.value.message


def test_retry_after_over_the_cap_says_try_later():
    with serve({"/robots.txt": page(ROBOTS, ctype="text/plain"),
                "/busy": page(b"", status=429, headers=[("Retry-After", "3600")])}) as srv:
        with pytest.raises(FetchError) as info:
            fetcher(retries=3, sleep=lambda s: None).get(srv.url + "/busy")
    assert "retry after 3600 s" in info.value.message and "try later" in info.value.message


# --------------------------------------------------------- robots.txt status
@pytest.mark.parametrize("status, page_allowed", [
    (500, False), (503, False), (429, False), (403, False),  # unreachable / forbidden: disallow
    (404, True), (410, True),                                 # no robots.txt: no rules
    (200, True),
])
def test_robots_txt_status_decides(status, page_allowed):
    body = b"User-agent: *\nAllow: /\n" if status == 200 else b"error"
    with serve({"/robots.txt": page(body, status=status, ctype="text/plain"),
                "/ok": page(PAGE)}) as srv:
        f = fetcher()
        if page_allowed:
            assert "council" in f.get(srv.url + "/ok").content
        else:
            with pytest.raises(FetchError) as info:
                f.get(srv.url + "/ok")
            assert "robots.txt" in info.value.message and str(status) in info.value.message
        assert srv.hits["/ok"] == (1 if page_allowed else 0)


def test_tls_handshake_that_drips_is_cut_off_at_the_deadline():
    import socket
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    listener.settimeout(5)

    def tls_drip():  # a TLS record header announcing 16 KB, then one byte each 50 ms
        for _ in range(2):  # robots.txt, and nothing else is ever reached
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            with conn:
                try:
                    conn.sendall(b"\x16\x03\x03\x40\x00")
                    for _ in range(120):
                        conn.sendall(b"\x00")
                        time.sleep(0.05)
                except OSError:
                    continue

    thread = threading.Thread(target=tls_drip, daemon=True)
    thread.start()
    port = listener.getsockname()[1]
    started = time.monotonic()
    try:
        with pytest.raises(FetchError) as info:
            fetcher(timeout=1.0).get(f"https://127.0.0.1:{port}/story")
    finally:
        listener.close()
    assert time.monotonic() - started < 3.0
    assert "timed out" in info.value.message, info.value.message
