"""What ``follow`` remembers across restarts, in the archive itself.

``follow_sources`` holds each polled document's validators (ETag, Last-Modified),
failure count and next poll time; ``follow_seen`` the items already dealt with.
A document's new validators are stored only after all its new items are in, so a
follow killed half-way re-reads the whole document at its next start (no 304)
and skips, by ``follow_seen`` and the archive's URL index, what was ingested.

Example::

    state = FollowState(archive.conn)
    src = state.source("https://example.com/rss")
    src.etag, src.failures
"""
from __future__ import annotations

import datetime as _dt
import sqlite3
from dataclasses import dataclass

from storyline.store.db import write_transaction


def _now_iso() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


@dataclass
class SourceState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0
    next_poll: float = 0.0


class FollowState:
    """Reads and writes the follow tables; each write is its own short transaction."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def source(self, url: str) -> SourceState:
        row = self.conn.execute("SELECT etag, last_modified, failures, next_poll "
                                "FROM follow_sources WHERE url = ?", (url,)).fetchone()
        if row is None:
            return SourceState(url)
        return SourceState(url, row[0], row[1], row[2], row[3])

    def polled(self, url: str, status: int, etag: str | None, last_modified: str | None,
               next_poll: float) -> None:
        """A poll succeeded (200 with every item dealt with, or 304)."""
        with write_transaction(self.conn):
            self.conn.execute(
                "INSERT INTO follow_sources(url, etag, last_modified, last_polled, last_status, "
                "failures, next_poll, last_error) VALUES (?,?,?,?,?,0,?,NULL) "
                "ON CONFLICT(url) DO UPDATE SET etag=excluded.etag, "
                "last_modified=excluded.last_modified, last_polled=excluded.last_polled, "
                "last_status=excluded.last_status, failures=0, next_poll=excluded.next_poll, "
                "last_error=NULL", (url, etag, last_modified, _now_iso(), status, next_poll))

    def failed(self, url: str, reason: str, next_poll: float) -> int:
        """A poll failed; returns the number of consecutive failures now."""
        with write_transaction(self.conn):
            self.conn.execute(
                "INSERT INTO follow_sources(url, last_polled, failures, next_poll, last_error) "
                "VALUES (?,?,1,?,?) ON CONFLICT(url) DO UPDATE SET "
                "last_polled=excluded.last_polled, last_status=NULL, "
                "failures=follow_sources.failures+1, "
                "next_poll=excluded.next_poll, last_error=excluded.last_error",
                (url, _now_iso(), next_poll, reason))
        return self.source(url).failures

    def seen(self, key: str) -> str | None:
        """The recorded status of an item, or None if it was never dealt with."""
        row = self.conn.execute("SELECT status FROM follow_seen WHERE key = ?",
                                (key,)).fetchone()
        return row[0] if row else None

    def attempts(self, key: str) -> int:
        row = self.conn.execute("SELECT attempts FROM follow_seen WHERE key = ?",
                                (key,)).fetchone()
        return row[0] if row else 0

    def mark(self, key: str, source: str, status: str) -> None:
        """Record what happened to an item; ``retry`` counts one more attempt."""
        with write_transaction(self.conn):
            self.conn.execute(
                "INSERT INTO follow_seen(key, source, status, attempts, seen_at) "
                "VALUES (?,?,?,1,?) ON CONFLICT(key) DO UPDATE SET status=excluded.status, "
                "attempts=follow_seen.attempts+1, seen_at=excluded.seen_at",
                (key, source, status, _now_iso()))
