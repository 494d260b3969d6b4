"""A polite, guarded HTTP fetcher: robots.txt, per-host delay, bounded retries, deadlines.

Two public calls:

* ``Fetcher.fetch(url, headers=...)`` -> :class:`FetchResult` (status, headers, body)
  for any HTTP answer, 304 and 4xx included: what a feed follower needs (send
  ``If-None-Match`` / ``If-Modified-Since``, get 304 back);
* ``Fetcher.get(url)`` -> :class:`RawPage` for a page, or :class:`FetchError` with a
  one-line reason (unreachable, timed out, HTTP status, robots.txt, refused address,
  too big, not a page).

Every request obeys the same rules:

1. only http(s); the host is resolved once and every address checked: loopback,
   link-local and private targets are refused unless allowed (``allow_private``,
   ``--allow-private``, ``STORYLINE_ALLOW_PRIVATE=1``), see :mod:`.netguard`;
2. robots.txt of the URL's origin (scheme, host, port) is obeyed (RFC 9309): read
   under the same rules and at most ``ROBOTS_MAX_BYTES``; 401/403/429/5xx mean
   "everything disallowed" (asked again after 5 minutes), other 4xx "no rules"; no
   answer at all (timeout, connection error) fails the try, so the page is never
   fetched without its robots.txt; an answer is kept 24 hours;
3. redirects are followed by hand, at most ``MAX_REDIRECTS``, and each hop is checked
   again like a new URL (scheme, addresses, that origin's robots.txt);
4. one request, from connecting to the last byte, ends within ``timeout`` seconds
   (a slow-drip server is cut off), and its body is refused past ``max_bytes``
   (counted after decompression, so a gzip bomb is refused too);
5. connection errors, timeouts, 429 and 5xx are retried with exponential backoff; a
   ``Retry-After`` (seconds or an HTTP date) replaces the backoff when it is at most
   ``MAX_RETRY_AFTER``, and all waits for one URL together stay within ``MAX_RETRY_WAIT``.

Example::

    fetcher = Fetcher(timeout=10, retries=1)
    answer = fetcher.fetch("https://news.example/feed.xml",
                           headers={"If-None-Match": '"abc"'})
    if answer.status == 304: ...
"""
from __future__ import annotations

import threading
import time
import urllib.robotparser
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Callable, Iterable, Mapping
from urllib.parse import urljoin, urlsplit

import requests

from storyline.errors import FetchError
from storyline.ingest.decode import charset_from_content_type, decode_bytes
from storyline.ingest.netguard import (AddressPolicy, Deadline, GuardedAdapter, TargetRefused,
                                       allow_private_from_env, guarded)
from storyline.model import RawPage
from storyline.rules import ingest as rules

#: ``accept(status, headers) -> bool``: read the body? (may raise FetchError to refuse)
Accept = Callable[[int, Mapping[str, str]], bool]


def origin(url: str) -> str:
    """``scheme://host:port`` of a URL, lower-cased: the unit of robots.txt and politeness."""
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


@dataclass
class FetchResult:
    """One HTTP answer, read under the fetch rules (deadline, size cap, robots, addresses)."""

    url: str                      #: the URL asked for
    final_url: str                #: where the answer came from, after redirects
    status: int
    reason: str
    headers: Mapping[str, str]    #: case-insensitive
    body: bytes = b""             #: empty for 304 and when `accept` declined the body
    redirects: tuple[str, ...] = ()
    tries: int = 1
    truncated: bool = False       #: body cut at the cap (robots.txt only)

    @property
    def content_type(self) -> str | None:
        return self.headers.get("Content-Type")

    def text(self) -> str:
        """The body decoded (declared charset, then the page's own declaration, then sniffing)."""
        return decode_bytes(self.body, charset_from_content_type(self.content_type))

    def status_line(self) -> str:
        return f"HTTP {self.status} {self.reason or ''}".strip()


class RefusedTarget(FetchError):
    """The URL (or a hop of its redirects) points at an address the policy refuses."""


class _Transient(Exception):
    """A failed try worth retrying (timeout, connection error)."""


@dataclass
class _Robots:
    parser: urllib.robotparser.RobotFileParser
    expires: float
    unreachable: str | None = None  # why everything is disallowed, when it is for an error


@dataclass
class _Hop:
    url: str
    headers: dict = field(default_factory=dict)


class Fetcher:
    """Fetch pages over HTTP(S) politely and safely. One instance per crawl: it keeps caches.

    ``allow_private``: None reads ``STORYLINE_ALLOW_PRIVATE``; True allows loopback,
    link-local and private targets; a list of networks allows those only.
    """

    def __init__(self, user_agent: str = rules.USER_AGENT, timeout: float = rules.FETCH_TIMEOUT,
                 retries: int = rules.FETCH_RETRIES, backoff: float = rules.FETCH_BACKOFF,
                 per_host_delay: float = rules.PER_HOST_DELAY,
                 max_bytes: int = rules.DEFAULT_MAX_BYTES, *, respect_robots: bool = True,
                 allow_private: bool | Iterable[str] | None = None,
                 session: requests.Session | None = None, sleep=time.sleep,
                 clock=time.monotonic):
        self.user_agent = user_agent
        self.timeout = float(timeout)
        self.retries = max(0, int(retries))
        self.backoff = backoff
        self.per_host_delay = per_host_delay
        self.max_bytes = max_bytes
        self.respect_robots = respect_robots
        if allow_private is None:
            allow_private = allow_private_from_env()
        self.policy = AddressPolicy(allow_private)
        self.session = session or requests.Session()
        self.session.trust_env = False  # a proxy would resolve names itself, past the checks
        self.session.headers["User-Agent"] = user_agent
        for prefix in ("http://", "https://"):
            self.session.mount(prefix, GuardedAdapter())
        self._sleep = sleep
        self._clock = clock
        self._robots: dict[str, _Robots] = {}
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

    def robots(self, url: str) -> urllib.robotparser.RobotFileParser:
        """The parsed robots.txt of the url's origin (fetched once, cached up to 24 hours);
        raises FetchError when the origin gives no answer at all."""
        try:
            return self._robots_entry(url).parser
        except _Transient as exc:
            raise FetchError(str(exc), source=url) from None

    def _robots_entry(self, url: str) -> _Robots:
        host = origin(url)
        entry = self._robots.get(host)
        if entry is not None and entry.expires > self._clock():
            return entry
        parser = urllib.robotparser.RobotFileParser(host + "/robots.txt")
        unreachable = None
        try:
            answer = self._request(host + "/robots.txt", {}, max_bytes=rules.ROBOTS_MAX_BYTES,
                                   truncate=True, check_robots=False)
        except RefusedTarget:
            raise  # the page is refused for its address, whatever robots.txt says
        except _Transient as exc:  # no answer: this try of the page fails (and may be retried)
            raise _Transient(f"{exc} (fetching robots.txt)") from None
        except FetchError as exc:
            unreachable = exc.message
        else:
            if (answer.status in rules.ROBOTS_DISALLOW_ALL_STATUSES
                    or answer.status >= rules.ROBOTS_UNREACHABLE_FROM):
                unreachable = answer.status_line()
            elif not 200 <= answer.status < 300:
                parser.allow_all = True
            else:
                parser.parse(decode_bytes(answer.body).splitlines())
        if unreachable is not None:
            parser.disallow_all = True
        parser.modified()
        ttl = rules.ROBOTS_RETRY_SECONDS if unreachable else rules.ROBOTS_CACHE_SECONDS
        entry = _Robots(parser, self._clock() + ttl, unreachable)
        self._robots[host] = entry
        return entry

    def allowed(self, url: str) -> bool:
        return not self.respect_robots or self.robots(url).can_fetch(self.user_agent, url)

    def _check_robots(self, url: str, first: str) -> None:
        if not self.respect_robots:
            return
        try:
            entry = self._robots_entry(url)
        except RefusedTarget as exc:
            via = f" (redirected to {url})" if url != first else ""
            raise RefusedTarget(exc.message + via, source=first) from None
        if entry.parser.can_fetch(self.user_agent, url):
            return
        via = f" (redirected to {url})" if url != first else ""
        if entry.unreachable:
            raise FetchError(f"robots.txt of {origin(url)} unavailable ({entry.unreachable}): "
                             f"treated as disallowing everything (RFC 9309); try later{via}",
                             source=first)
        raise FetchError(f"robots.txt disallows this URL for {self.user_agent}{via}", source=first)

    # --------------------------------------------------------------- fetching
    def fetch(self, url: str, *, headers: Mapping[str, str] | None = None,
              accept: Accept | None = None) -> FetchResult:
        """The answer to a GET of ``url`` under the fetch rules, after retries.

        Returns any HTTP answer (2xx, 304, 4xx; 429/5xx once retries are spent or the
        server asks to wait too long); raises :class:`FetchError` when there is no answer
        to give: refused (scheme, address, robots.txt), timed out, unreachable, too many
        redirects, body over ``max_bytes``. ``headers`` are sent on every hop (except
        credentials, never carried to another origin). ``accept(status, headers)``, if
        given, says whether to read the body, or raises FetchError to refuse it.
        """
        self._check_url(url)
        waited, last_reason = 0.0, "no attempt made"
        for attempt in range(self.retries + 1):
            answer = None
            try:
                answer = self._request(url, dict(headers or {}), max_bytes=self.max_bytes,
                                       accept=accept)
            except _Transient as exc:
                last_reason = str(exc)
            else:
                answer.tries = attempt + 1
                if answer.status not in rules.RETRY_STATUSES or attempt == self.retries:
                    return answer
            wait = self._retry_wait(attempt, answer, waited)
            if wait is None:
                if answer is not None:
                    return answer
                break
            if attempt < self.retries:
                self._sleep(wait)
                waited += wait
        tries = attempt + 1
        raise FetchError(f"{last_reason} ({tries} tr{'y' if tries == 1 else 'ies'})", source=url)

    def _retry_wait(self, attempt: int, answer: FetchResult | None, waited: float) -> float | None:
        """Seconds to wait before the next try, or None when waiting is not worth it."""
        asked = retry_after_seconds(answer.headers.get("Retry-After")) if answer else None
        if asked is not None and asked > rules.MAX_RETRY_AFTER:
            return None
        wait = asked if asked is not None else self.backoff * (2 ** attempt)
        if waited + wait > rules.MAX_RETRY_WAIT:
            return None
        return wait

    @staticmethod
    def _check_url(url: str) -> None:
        if not url.lower().startswith(rules.URL_SCHEMES):
            raise FetchError("not an http(s) URL", source=url)
        try:
            host = urlsplit(url).hostname
        except ValueError as exc:
            raise FetchError(f"malformed URL: {exc}", source=url) from None
        if not host:
            raise FetchError("URL has no host", source=url)

    def _request(self, url: str, headers: dict, *, max_bytes: int, truncate: bool = False,
                 accept: Accept | None = None, check_robots: bool = True) -> FetchResult:
        """One try: the GET, its redirects (each hop checked), the body within the caps."""
        hop, seen = _Hop(url, headers), []
        for _ in range(rules.MAX_REDIRECTS + 1):
            if check_robots:
                self._check_robots(hop.url, url)
            self._wait_turn(origin(hop.url))
            with Deadline(self.timeout) as deadline, guarded(self.policy, deadline):
                resp = self._send(hop, url, deadline)
                with resp:
                    location = resp.headers.get("Location")
                    if resp.status_code in rules.REDIRECT_STATUSES and location:
                        seen.append(hop.url)
                        hop = self._next_hop(hop, location, url)
                        continue
                    answer = FetchResult(url=url, final_url=hop.url, status=resp.status_code,
                                         reason=resp.reason or "", headers=resp.headers,
                                         redirects=tuple(seen))
                    if accept is None or accept(resp.status_code, resp.headers):
                        if resp.status_code != 304:
                            answer.body, answer.truncated = self._read(resp, url, deadline,
                                                                       max_bytes, truncate)
                    return answer
        raise FetchError(f"more than {rules.MAX_REDIRECTS} redirects", source=url)

    def _next_hop(self, hop: _Hop, location: str, first: str) -> _Hop:
        target = urljoin(hop.url, location.strip())
        try:
            self._check_url(target)
        except FetchError as exc:
            raise FetchError(f"redirected to {target[:200]}: {exc.message}", source=first) from None
        headers = dict(hop.headers)
        if origin(target) != origin(hop.url):
            headers = {k: v for k, v in headers.items()
                       if k.lower() not in rules.CROSS_ORIGIN_DROPPED_HEADERS}
        return _Hop(target, headers)

    def _send(self, hop: _Hop, first: str, deadline: Deadline) -> requests.Response:
        idle = min(self.timeout, rules.FETCH_IDLE_TIMEOUT)
        try:
            resp = self.session.get(hop.url, headers=hop.headers, stream=True,
                                    allow_redirects=False, timeout=(idle, idle))
        except TargetRefused as exc:
            raise RefusedTarget(str(exc), source=first) from None
        except requests.RequestException as exc:
            if deadline.expired:
                raise _Transient(f"timed out: no answer within {self.timeout:g} s") from None
            if isinstance(exc, requests.Timeout):
                raise _Transient(f"timed out after {idle:g} s without data") from None
            if isinstance(exc, requests.ConnectionError):
                raise _Transient(f"unreachable: {_short(exc)}") from None
            raise FetchError(f"request failed: {_short(exc)}", source=first) from None
        if deadline.expired:
            resp.close()
            raise _Transient(f"timed out: no answer within {self.timeout:g} s")
        return resp

    def _read(self, resp: requests.Response, first: str, deadline: Deadline, max_bytes: int,
              truncate: bool) -> tuple[bytes, bool]:
        """The body, decompressed, within ``max_bytes`` (cut there when ``truncate``)."""
        length = resp.headers.get("Content-Length", "")
        if not truncate and length.isdigit() and int(length) > max_bytes:
            raise FetchError(f"response is {int(length):,} bytes, over the limit of "
                             f"{max_bytes:,} (raise max_bytes / --max-bytes)", source=first)
        chunks, total, cut = [], 0, False
        try:
            for chunk in resp.iter_content(rules.READ_CHUNK):
                total += len(chunk)
                if total > max_bytes:
                    if not truncate:
                        raise FetchError(f"response holds more than {max_bytes:,} bytes "
                                         "(raise max_bytes / --max-bytes)", source=first)
                    chunks.append(chunk[:len(chunk) - (total - max_bytes)])
                    cut = True
                    break
                chunks.append(chunk)
        except (requests.RequestException, OSError) as exc:
            if deadline.expired:
                raise _Transient(f"timed out reading the body (deadline {self.timeout:g} s)"
                                 ) from None
            if isinstance(exc, requests.Timeout):
                raise _Transient("timed out reading the body") from None
            raise _Transient(f"connection broke while reading: {_short(exc)}") from None
        if deadline.expired:  # the watchdog cut the stream: what came is not the whole body
            raise _Transient(f"timed out reading the body (deadline {self.timeout:g} s)")
        return b"".join(chunks), cut

    # ------------------------------------------------------------------ pages
    def get(self, url: str) -> RawPage:
        """Fetch the page at ``url``; raises FetchError (source=url) with a one-line reason."""
        answer = self.fetch(url, accept=self._page_wanted(url))
        if not 200 <= answer.status < 300:
            raise FetchError(self._failure(answer), source=url)
        if not answer.body.strip():
            raise FetchError(f"empty response (HTTP {answer.status})", source=url)
        kind, fmt = self._page_kind(answer.content_type)
        return RawPage(
            content=answer.text(),
            origin=url,
            url=answer.final_url,
            kind=kind,
            fetched_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            meta={"status": answer.status, "content_type": answer.content_type, "format": fmt,
                  **({"redirects": list(answer.redirects)} if answer.redirects else {}),
                  **({"raw": answer.body} if fmt == "feed" else {})},
        )

    def _page_wanted(self, url: str) -> Accept:
        def accept(status: int, headers: Mapping[str, str]) -> bool:
            if not 200 <= status < 300:
                return False  # an error page's body is not read
            self._page_kind(headers.get("Content-Type"), url)
            return True
        return accept

    @staticmethod
    def _page_kind(content_type: str | None, url: str | None = None) -> tuple[str, str]:
        media = _media_type(content_type)
        if media in rules.HTML_CONTENT_TYPES or not media:
            return "html", "html"
        if media in rules.TEXT_CONTENT_TYPES:
            return "text", "text"
        if media in rules.FEED_CONTENT_TYPES:
            return "html", "feed"
        raise FetchError(f"not a page: content type {media}", source=url)

    @staticmethod
    def _failure(answer: FetchResult) -> str:
        line = answer.status_line()
        asked = retry_after_seconds(answer.headers.get("Retry-After"))
        if answer.status in rules.RETRY_STATUSES and asked is not None \
                and asked > rules.MAX_RETRY_AFTER:
            return (f"{line}: the server asks to retry after {asked:.0f} s (more than the "
                    f"{rules.MAX_RETRY_AFTER:.0f} s waited for); try later")
        if answer.tries > 1:
            return f"{line} ({answer.tries} tries)"
        return line


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
