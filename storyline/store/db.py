"""Connections for the archive: an SQLite file (the default), or a PostgreSQL server.

``connect(target)`` opens a file path with SQLite (WAL, busy timeout, foreign keys) and
a ``postgresql://`` URL with :mod:`storyline.store.pg`; both answer the same calls, and
``dialect(conn)`` says which one it is where the SQL must differ (full-text search, the
schema's DDL, pragmas).

The archive has a single writer at a time: every write runs inside
:func:`write_transaction` (``BEGIN IMMEDIATE`` on SQLite; on PostgreSQL ``BEGIN`` and a
transaction-level advisory lock, so several ingest processes queue the same way), so
either all the rows of one article land or none do. Readers (search, the web view) run
while an ingest writes, and a process killed at any moment leaves the last committed
state intact.
"""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from storyline.errors import ArchiveError
from storyline.rules.store import BUSY_TIMEOUT_MS, PG_WRITE_LOCK_KEY, READ_MMAP_BYTES
from storyline.store import pg


class BackendError(sqlite3.DatabaseError):
    """A database error raised by a server backend (PostgreSQL). It is an
    ``sqlite3.DatabaseError`` so that every handler of database errors catches both."""


class SqliteConnection(sqlite3.Connection):
    """An ``sqlite3`` connection that says its dialect."""

    dialect = "sqlite"


def dialect(conn) -> str:
    """``"sqlite"`` or ``"postgresql"``: where a query must be written per backend.

    >>> dialect(sqlite3.connect(":memory:"))
    'sqlite'
    """
    return getattr(conn, "dialect", "sqlite")


def is_server(target: str | Path | None) -> bool:
    """Whether an archive target is a server URL (``postgresql://...``), not a file."""
    return pg.is_url(str(target)) if target is not None else False


def display_name(target: str | Path) -> str:
    """The archive as messages show it: the path, or the URL without its password."""
    return pg.redact(str(target)) if is_server(target) else str(target)


def resolved(target: str | Path) -> str:
    """The same archive named so another process finds it: an absolute path, or the URL."""
    return str(target) if is_server(target) else str(Path(target).resolve())


def connect(path: str | Path, *, readonly: bool = False):
    """Open (creating if needed) the archive file with the project's pragmas, or connect
    to the PostgreSQL archive a ``postgresql://`` URL names.

    ``readonly`` opens an existing file through SQLite's ``mode=ro`` URI (on PostgreSQL:
    read-only transactions): nothing can be written through it (a reader next to an
    ingest, one per web request).
    """
    path = str(path)
    if is_server(path):
        return pg.connect(path, readonly=readonly)
    if readonly:
        return _connect_readonly(path)
    if path != ":memory:":
        parent = Path(path).expanduser().resolve().parent
        if not parent.is_dir():
            raise ArchiveError(f"folder {parent} does not exist; create it or choose another "
                               f"archive path", source=path)
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                               check_same_thread=False, factory=SqliteConnection)
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
                               check_same_thread=False, factory=SqliteConnection)
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
    """``BEGIN IMMEDIATE`` ... ``COMMIT``; ``ROLLBACK`` on any exception. On PostgreSQL,
    ``BEGIN`` and ``pg_advisory_xact_lock``: one writer at a time across processes."""
    if dialect(conn) == "postgresql":
        conn.execute("BEGIN")
        try:
            conn.execute(f"SELECT pg_advisory_xact_lock({int(PG_WRITE_LOCK_KEY)})")
        except BaseException:
            _rollback(conn)
            raise
    else:
        conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        _rollback(conn)
        raise
    else:
        conn.execute("COMMIT")


def _rollback(conn) -> None:
    try:
        conn.execute("ROLLBACK")
    except sqlite3.DatabaseError:
        if not getattr(conn, "closed", False):  # a lost server connection rolled back itself
            raise


def defer_foreign_keys(conn) -> None:
    """Check foreign keys at COMMIT instead of at each statement, for the rest of the
    current transaction (a rebuild deletes rows that others point at, then relinks them)."""
    if dialect(conn) == "postgresql":
        conn.execute("SET CONSTRAINTS ALL DEFERRED")
    else:
        conn.execute("PRAGMA defer_foreign_keys = ON")


def has_table(conn, name: str) -> bool:
    """Whether the archive has a table of this name (without writing anything)."""
    if dialect(conn) == "postgresql":
        return conn.execute("SELECT to_regclass(?) IS NOT NULL", (name,)).fetchone()[0]
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        (name,)).fetchone() is not None


def integrity_ok(conn: sqlite3.Connection) -> bool:
    """``PRAGMA integrity_check`` (and foreign keys) say the file is sound. A PostgreSQL
    server checks its constraints as it writes and has no file to check: True when it
    answers."""
    if dialect(conn) == "postgresql":
        return conn.execute("SELECT 1").fetchone()[0] == 1
    rows = conn.execute("PRAGMA integrity_check").fetchall()
    if [tuple(r) for r in rows] != [("ok",)]:
        return False
    return not conn.execute("PRAGMA foreign_key_check").fetchall()
