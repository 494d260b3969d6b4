"""The poll loop of ``storyline follow``: poll what is due, ingest what is new.

Each source (feed, sitemap, news sitemap or sitemap index) is fetched with a
conditional GET; a 304 costs nothing. Items are dealt with one at a time: an
item already in ``follow_seen`` or in the archive's URL index is skipped before
anything is fetched, a new one is extracted, enriched and stored with
``Archive.add`` (one transaction), then marked seen. A source that fails (down,
HTTP error, not a feed) logs one line and waits ``every * 2**failures`` (capped)
before its next poll. ``stop`` (a threading.Event, set by SIGINT/SIGTERM in the
CLI) is checked between articles, so a stop never cuts an article in half.

Example::

    poller = Poller(archive, fetcher, every_s=1800)
    counts = poller.run(["https://example.com/rss", "https://example.com/news-sitemap.xml"],
                        once=True)
"""
from __future__ import annotations

import hashlib
import re
import threading
import time
from typing import Callable

from storyline.errors import FetchError, StorylineError
from storyline.follow.documents import Entry, read_document
from storyline.follow.http import conditional_get
from storyline.follow.state import FollowState
from storyline.rules import follow as rules
from storyline.store import dedup

#: Statuses of ``follow_seen`` after which an item is never looked at again.
FINAL = frozenset({"added", "copy", "duplicate", "failed"})


def item_key(entry: Entry) -> str:
    """The key an item is remembered by: its URL key, else its feed id, else a content hash."""
    key = dedup.url_key(entry.url)
    if key:
        return key
    page = entry.page
    if page is not None and page.meta.get("item_id"):
        return "id:" + str(page.meta["item_id"])
    content = page.content if page is not None else ""
    data = content.encode("utf-8", "replace") if isinstance(content, str) else content
    return "sha1:" + hashlib.sha1(data).hexdigest()


class Poller:
    """Polls sources into an archive; see the module docstring."""

    def __init__(self, archive, fetcher, *, every_s: float, enrich: bool = True,
                 fetch_pages: bool = False, log: Callable[[str], None] = print,
                 stop: threading.Event | None = None, clock=time.time):
        self.archive = archive
        self.fetcher = fetcher
        self.every_s = every_s
        self.enrich = enrich
        self.fetch_pages = fetch_pages
        self.log = log
        self.stop = stop or threading.Event()
        self.clock = clock
        self.state = FollowState(archive.conn)
        self.counts = {"added": 0, "copy": 0, "duplicate": 0, "failed": 0, "sources_failed": 0}

    # ----------------------------------------------------------------- loop
    def run(self, sources: list[str], *, once: bool = False) -> dict:
        """Poll until stopped (or one round with ``once``); returns the counts."""
        while not self.stop.is_set():
            now = self.clock()
            for url in sources:
                if self.stop.is_set():
                    break
                src = self.state.source(url)
                if src.next_poll > now and (not once or src.failures):
                    if once:
                        self.log(f"{url}: skipped, backing off after {src.failures} failed "
                                 f"polls; next poll after {_clock_text(src.next_poll)}")
                    continue
                self.poll(url)
            if once:
                break
            due = min(self.state.source(u).next_poll for u in sources)
            self.stop.wait(min(max(due - self.clock(), 0.0), rules.STOP_CHECK_S))
        return dict(self.counts)

    def backoff_s(self, failures: int) -> float:
        """Seconds a source waits after ``failures`` consecutive failed polls."""
        cap = max(self.every_s, rules.MAX_BACKOFF_S)
        return min(self.every_s * rules.BACKOFF_FACTOR ** failures, cap)

    # ----------------------------------------------------------------- one source
    def poll(self, url: str, depth: int = 0) -> bool:
        """Poll one document and ingest its new items; False if it failed or was stopped."""
        src = self.state.source(url)
        try:
            resp = conditional_get(self.fetcher, url, src.etag, src.last_modified)
            listing = None if resp.status == 304 else read_document(
                resp.body, url, max_bytes=self.fetcher.max_bytes)
        except StorylineError as exc:
            failures = src.failures + 1
            wait = self.backoff_s(failures)
            self.state.failed(url, exc.message, self.clock() + wait)
            self.counts["sources_failed"] += 1
            self.log(f"{exc.line()}; poll {failures} in a row failed, next try in "
                     f"{_duration_text(wait)}")
            return False
        for entry in listing.entries if listing else []:
            if self.stop.is_set():
                return False  # validators not stored: the next start re-reads this document
            if listing.kind == "index":
                if depth + 1 <= rules.SITEMAP_MAX_DEPTH:
                    self.poll(entry.url, depth + 1)
            else:
                self.ingest(entry, url)
        self.state.polled(url, resp.status, resp.etag, resp.last_modified,
                          self.clock() + self.every_s)
        return True

    # ----------------------------------------------------------------- one item
    def ingest(self, entry: Entry, source: str) -> str:
        """Deal with one listed item; returns what happened (skipped, added, copy, ...)."""
        from storyline.process import process_page

        if entry.error is not None:
            self.counts["failed"] += 1
            self.log(entry.error.line())
            return "failed"
        key = item_key(entry)
        if self.state.seen(key) in FINAL:
            return "skipped"
        if entry.url and self.archive.has_url(entry.url):
            self.state.mark(key, source, "duplicate")
            return "skipped"
        page = entry.page
        if page is None or (self.fetch_pages and entry.url):
            try:
                fetched = self.fetcher.get(entry.url)
            except FetchError as exc:
                return self._failed(key, source, exc, retry=True)
            fetched.published = fetched.published or entry.published or (
                page.published if page else None)
            fetched.title_hint = fetched.title_hint or entry.title or (
                page.title_hint if page else None)
            page = fetched
        try:
            article = process_page(page, enrich_text=self.enrich)
            result = self.archive.add(article)
        except StorylineError as exc:
            exc.source = exc.source or page.origin
            return self._failed(key, source, exc, retry=False)
        except Exception as exc:  # noqa: BLE001 - one bad page never stops the loop
            return self._failed(key, source, StorylineError(
                f"unexpected {type(exc).__name__}: {exc}", source=page.origin), retry=False)
        self.state.mark(key, source, result.status)
        self.counts[result.status] += 1
        self.log(f"{result.status} {result.id} {article.url or page.origin}")
        return result.status

    def _failed(self, key: str, source: str, exc: StorylineError, *, retry: bool) -> str:
        final = not retry or self.state.attempts(key) + 1 >= rules.ITEM_MAX_ATTEMPTS
        self.state.mark(key, source, "failed" if final else "retry")
        self.counts["failed"] += 1
        self.log(exc.line() + ("" if final else "; tried again at the next poll"))
        return "failed"


def _duration_text(seconds: float) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{seconds / size:.3g}{unit}"
    return f"{seconds:.3g}s"


def _clock_text(ts: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))


def parse_duration(text: str) -> float:
    """Seconds in ``90s``, ``30m``, ``2h``, ``1d``, ``1h30m`` or a bare number of seconds.

    >>> parse_duration("1h30m")
    5400.0
    """
    text = (text or "").strip().lower()
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return float(text)
    parts = re.findall(r"(\d+(?:\.\d+)?)([a-z]+)", text)
    if not parts or "".join(n + u for n, u in parts) != text or any(
            u not in rules.DURATION_UNITS for _, u in parts):
        raise ValueError(f"{text!r} is not a duration like 90s, 30m, 2h or 1h30m")
    return float(sum(float(n) * rules.DURATION_UNITS[u] for n, u in parts))
