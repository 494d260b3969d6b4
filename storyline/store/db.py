"""SQLite connections for the archive: one file, WAL, busy timeout, foreign keys.

The archive has a single writer at a time: every write runs inside
:func:`write_transaction` (``BEGIN IMMEDIATE``), so either all the rows of one
article land or none do. WAL lets readers (search, the web view) run while an
ingest writes, and a process killed at any moment leaves the last committed
state intact.
"""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from storyline.errors import ArchiveError
from storyline.rules.store import BUSY_TIMEOUT_MS, READ_MMAP_BYTES


def connect(path: str | Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open (creating if needed) the archive file with the project's pragmas.

    ``readonly`` opens an existing file through SQLite's ``mode=ro`` URI: nothing
    can be written through it (a reader next to an ingest, one per web request).
    """
    path = str(path)
    if readonly:
        return _connect_readonly(path)
    if path != ":memory:":
        parent = Path(path).expanduser().resolve().parent
        if not parent.is_dir():
            raise ArchiveError(f"folder {parent} does not exist; create it or choose another "
                               f"archive path", source=path)
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                               check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_MS)}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")  # durable at checkpoints, consistent always
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as exc:
        raise ArchiveError(f"cannot open the archive ({exc}); is it an SQLite file?",
                           source=path) from exc
    return conn


def _connect_readonly(path: str) -> sqlite3.Connection:
    file = Path(path).expanduser().resolve()
    if not file.is_file():
        raise ArchiveError("no archive here; check --db or create one with `storyline ingest`",
                           source=path)
    try:
        conn = sqlite3.connect(f"{file.as_uri()}?mode=ro", uri=True,
                               timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                               check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_MS)}")
        conn.execute("PRAGMA query_only = ON")
        conn.execute(f"PRAGMA mmap_size = {int(READ_MMAP_BYTES)}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise ArchiveError(f"cannot open the archive read-only ({exc}); is it an SQLite file?",
                           source=path) from exc
    return conn


@contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``; ``ROLLBACK`` on any exception."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")


def integrity_ok(conn: sqlite3.Connection) -> bool:
    """``PRAGMA integrity_check`` (and foreign keys) say the file is sound."""
    rows = conn.execute("PRAGMA integrity_check").fetchall()
    if [tuple(r) for r in rows] != [("ok",)]:
        return False
    return not conn.execute("PRAGMA foreign_key_check").fetchall()
