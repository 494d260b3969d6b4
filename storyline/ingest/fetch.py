"""A polite HTTP fetcher: clear user agent, robots.txt, per-host delay, bounded retries.

``Fetcher.get(url)`` returns a :class:`RawPage` or raises :class:`FetchError`
with a one-line reason (unreachable host, timeout, HTTP status, robots.txt
disallow, too big, not a page). Retries, with exponential backoff, cover
connection errors, timeouts, 429 and 5xx; a ``Retry-After`` header (seconds or
an HTTP date, capped at ``MAX_RETRY_AFTER``) replaces the backoff wait.
robots.txt is fetched once per host and cached; 401/403 on it forbid the host,
any other failure allows it (urllib.robotparser's convention).
"""
from __future__ import annotations

import threading
import time
import urllib.robotparser
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import requests

from storyline.errors import FetchError
from storyline.ingest.decode import charset_from_content_type, decode_bytes
from storyline.model import RawPage
from storyline.rules import ingest as rules


def _host_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";")[0].strip().lower()


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Seconds asked by a Retry-After header (delta-seconds or HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    now = time.time() if now is None else now
    return max(0.0, when.timestamp() - now)


class Fetcher:
    """Fetch pages over HTTP(S) politely. One instance per crawl: it keeps the caches."""

    def __init__(self, user_agent: str = rules.USER_AGENT, timeout: float = rules.FETCH_TIMEOUT,
                 retries: int = rules.FETCH_RETRIES, backoff: float = rules.FETCH_BACKOFF,
                 per_host_delay: float = rules.PER_HOST_DELAY,
                 max_bytes: int = rules.DEFAULT_MAX_BYTES, *, respect_robots: bool = True,
                 session: requests.Session | None = None, sleep=time.sleep,
                 clock=time.monotonic):
        self.user_agent = user_agent
        self.timeout = timeout
        self.retries = max(0, int(retries))
        self.backoff = backoff
        self.per_host_delay = per_host_delay
        self.max_bytes = max_bytes
        self.respect_robots = respect_robots
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = user_agent
        self._sleep = sleep
        self._clock = clock
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    # ------------------------------------------------------------ politeness
    def _wait_turn(self, host: str) -> None:
        with self._lock:
            last = self._last.get(host)
            now = self._clock()
            if last is not None and now - last < self.per_host_delay:
                self._sleep(self.per_host_delay - (now - last))
            self._last[host] = self._clock()

    def wait_turn(self, url: str) -> None:
        """Sleep until the per-host delay since the last request to url's host has passed."""
        self._wait_turn(_host_key(url))

    def robots(self, url: str) -> urllib.robotparser.RobotFileParser:
        """The parsed robots.txt of the url's host (fetched once, then cached)."""
        host = _host_key(url)
        parser = self._robots.get(host)
        if parser is not None:
            return parser
        parser = urllib.robotparser.RobotFileParser(host + "/robots.txt")
        self._wait_turn(host)
        try:
            resp = self.session.get(host + "/robots.txt", timeout=self.timeout)
        except requests.RequestException:
            parser.allow_all = True
        else:
            if resp.status_code in rules.ROBOTS_DISALLOW_ALL_STATUSES:
                parser.disallow_all = True
            elif resp.status_code >= 400:
                parser.allow_all = True
            else:
                parser.parse(decode_bytes(resp.content[:rules.DEFAULT_MAX_BYTES]).splitlines())
        parser.modified()
        self._robots[host] = parser
        return parser

    def allowed(self, url: str) -> bool:
        return not self.respect_robots or self.robots(url).can_fetch(self.user_agent, url)

    # --------------------------------------------------------------- fetching
    def _wait_before_retry(self, attempt: int, retry_after: str | None = None) -> None:
        asked = retry_after_seconds(retry_after)
        if asked is not None:
            if asked > rules.MAX_RETRY_AFTER:
                raise _GiveUp(f"server asks to retry after {asked:.0f} s (over "
                              f"{rules.MAX_RETRY_AFTER:.0f} s); try later")
            self._sleep(asked)
        else:
            self._sleep(self.backoff * (2 ** attempt))

    def get(self, url: str) -> RawPage:
        """Fetch ``url``; raises FetchError (source=url) with a one-line reason."""
        if not url.lower().startswith(rules.URL_SCHEMES):
            raise FetchError("not an http(s) URL", source=url)
        if not urlsplit(url).hostname:
            raise FetchError("URL has no host", source=url)
        try:
            if not self.allowed(url):
                raise FetchError(f"robots.txt disallows this URL for {self.user_agent}",
                                 source=url)
            return self._get(url)
        except _GiveUp as exc:
            raise FetchError(str(exc), source=url) from None

    def _get(self, url: str) -> RawPage:
        host = _host_key(url)
        last_reason = "no attempt made"
        for attempt in range(self.retries + 1):
            self._wait_turn(host)
            try:
                resp = self.session.get(url, timeout=self.timeout, stream=True)
            except requests.Timeout:
                last_reason = f"timed out after {self.timeout:g} s"
            except requests.ConnectionError as exc:
                last_reason = f"unreachable: {_short(exc)}"
            except requests.RequestException as exc:
                raise FetchError(f"request failed: {_short(exc)}", source=url) from None
            else:
                with resp:
                    if resp.status_code in rules.RETRY_STATUSES:
                        last_reason = f"HTTP {resp.status_code} {resp.reason or ''}".strip()
                        if attempt < self.retries:
                            self._wait_before_retry(attempt, resp.headers.get("Retry-After"))
                        continue
                    if resp.status_code >= 400:
                        raise FetchError(f"HTTP {resp.status_code} {resp.reason or ''}".strip(),
                                         source=url)
                    try:
                        return self._page(url, resp)
                    except requests.Timeout:
                        last_reason = f"timed out reading the body after {self.timeout:g} s"
                    except requests.RequestException as exc:
                        last_reason = f"connection broke while reading: {_short(exc)}"
            if attempt < self.retries:
                self._wait_before_retry(attempt)
        tries = self.retries + 1
        raise FetchError(f"{last_reason} ({tries} tr{'y' if tries == 1 else 'ies'})", source=url)

    def _page(self, url: str, resp: requests.Response) -> RawPage:
        content_type = resp.headers.get("Content-Type")
        media = _media_type(content_type)
        if media in rules.HTML_CONTENT_TYPES or not media:
            kind, fmt = "html", "html"
        elif media in rules.TEXT_CONTENT_TYPES:
            kind, fmt = "text", "text"
        elif media in rules.FEED_CONTENT_TYPES:
            kind, fmt = "html", "feed"
        else:
            raise FetchError(f"not a page: content type {media}", source=url)
        length = resp.headers.get("Content-Length")
        if length and length.isdigit() and int(length) > self.max_bytes:
            raise FetchError(f"response is {int(length):,} bytes, over the limit of "
                             f"{self.max_bytes:,} (raise max_bytes)", source=url)
        chunks, total = [], 0
        for chunk in resp.iter_content(rules.READ_CHUNK):
            total += len(chunk)
            if total > self.max_bytes:
                raise FetchError(f"response holds more than {self.max_bytes:,} bytes", source=url)
            chunks.append(chunk)
        data = b"".join(chunks)
        if not data.strip():
            raise FetchError(f"empty response (HTTP {resp.status_code})", source=url)
        return RawPage(
            content=decode_bytes(data, charset_from_content_type(content_type)),
            origin=url,
            url=resp.url or url,
            kind=kind,
            fetched_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            meta={"status": resp.status_code, "content_type": content_type, "format": fmt,
                  **({"raw": data} if fmt == "feed" else {})},
        )


class _GiveUp(Exception):
    pass


def _short(exc: BaseException) -> str:
    """The innermost, shortest useful line of a requests exception."""
    inner = exc
    while inner.__context__ is not None and inner.__context__ is not inner:
        inner = inner.__context__
    text = str(exc.args[0]) if exc.args else str(exc)
    for candidate in (type(inner).__name__ + ": " + str(inner), text):
        if "Connection refused" in candidate or "Errno" in candidate:
            return candidate.splitlines()[0][-160:]
    return text.splitlines()[0][:160] if text else type(exc).__name__
