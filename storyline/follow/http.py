"""One conditional GET (``If-None-Match`` / ``If-Modified-Since``) through a Fetcher.

This is the one place ``follow`` talks HTTP for feeds and sitemaps; item pages go
through ``Fetcher.get``. Both use the Fetcher's rules: robots.txt on every hop, per-host
delay, request deadline, address policy, user agent and size limit. No retries here: a failed poll is retried at
the next poll, after the poller's backoff.

Example::

    resp = conditional_get(fetcher, "https://example.com/rss", etag='"abc"')
    if resp.status == 304:
        ...  # unchanged since the ETag was issued
"""
from __future__ import annotations

from dataclasses import dataclass

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

    Goes through ``Fetcher.fetch``: the request deadline, size cap, address policy
    (loopback and private targets refused unless allowed), robots.txt on every redirect hop
    and the per-host delay all apply. Raises FetchError (source=url) with a one-line reason:
    not http(s), refused, robots.txt disallows it, unreachable, timeout, HTTP error status,
    too big, empty.
    """
    if not url.lower().startswith(ingest_rules.URL_SCHEMES):
        raise FetchError("not an http(s) URL", source=url)
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    answer = fetcher.fetch(url, headers=headers)
    new_etag = answer.headers.get("ETag") or etag
    new_modified = answer.headers.get("Last-Modified") or last_modified
    if answer.status == 304:
        return Response(answer.final_url or url, 304, new_etag, new_modified)
    if answer.status >= 400:
        raise FetchError(answer.status_line(), source=url)
    if not answer.body.strip():
        raise FetchError(f"empty response (HTTP {answer.status})", source=url)
    return Response(answer.final_url or url, answer.status, answer.headers.get("ETag"),
                    answer.headers.get("Last-Modified"), answer.body)
