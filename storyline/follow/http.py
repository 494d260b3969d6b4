"""One conditional GET (``If-None-Match`` / ``If-Modified-Since``) through a Fetcher.

This is the one place ``follow`` talks HTTP for feeds and sitemaps; item pages go
through ``Fetcher.get``. It uses the Fetcher's robots.txt cache, per-host delay,
timeout, user agent and size limit. No retries here: a failed poll is retried at
the next poll, after the poller's backoff.

Example::

    resp = conditional_get(fetcher, "https://example.com/rss", etag='"abc"')
    if resp.status == 304:
        ...  # unchanged since the ETag was issued
"""
from __future__ import annotations

from dataclasses import dataclass

import requests

from storyline.errors import FetchError
from storyline.rules import ingest as ingest_rules


@dataclass
class Response:
    """What a poll got: ``status`` 200 (``body`` holds the document) or 304 (unchanged)."""

    url: str
    status: int
    etag: str | None
    last_modified: str | None
    body: bytes = b""


def conditional_get(fetcher, url: str, etag: str | None = None,
                    last_modified: str | None = None) -> Response:
    """GET ``url`` unless it is unchanged since ``etag`` / ``last_modified``.

    Raises FetchError (source=url) with a one-line reason: not http(s), robots.txt
    disallows it, unreachable, timeout, HTTP error status, too big, empty.
    """
    if not url.lower().startswith(ingest_rules.URL_SCHEMES):
        raise FetchError("not an http(s) URL", source=url)
    if not fetcher.allowed(url):
        raise FetchError(f"robots.txt disallows this URL for {fetcher.user_agent}", source=url)
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    fetcher.wait_turn(url)
    try:
        resp = fetcher.session.get(url, headers=headers, timeout=fetcher.timeout, stream=True)
    except requests.Timeout:
        raise FetchError(f"timed out after {fetcher.timeout:g} s", source=url) from None
    except requests.RequestException as exc:
        reason = str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
        raise FetchError(f"unreachable: {reason}", source=url) from None
    with resp:
        new_etag = resp.headers.get("ETag") or etag
        new_modified = resp.headers.get("Last-Modified") or last_modified
        if resp.status_code == 304:
            return Response(resp.url or url, 304, new_etag, new_modified)
        if resp.status_code >= 400:
            raise FetchError(f"HTTP {resp.status_code} {resp.reason or ''}".strip(), source=url)
        body = _read_capped(resp, fetcher.max_bytes, url)
    if not body.strip():
        raise FetchError(f"empty response (HTTP {resp.status_code})", source=url)
    return Response(resp.url or url, resp.status_code, resp.headers.get("ETag"),
                    resp.headers.get("Last-Modified"), body)


def _read_capped(resp: requests.Response, max_bytes: int, url: str) -> bytes:
    chunks, total = [], 0
    try:
        for chunk in resp.iter_content(ingest_rules.READ_CHUNK):
            total += len(chunk)
            if total > max_bytes:
                raise FetchError(f"response holds more than {max_bytes:,} bytes", source=url)
            chunks.append(chunk)
    except requests.RequestException as exc:
        raise FetchError(f"connection broke while reading: {type(exc).__name__}",
                         source=url) from None
    return b"".join(chunks)
