"""Saved searches ("watches"): a name, a query and optional person/place filters.

Each watch becomes a section of the digest. Stored in the ``watches`` table.

Example::

    add(archive.conn, "port", "port strike", place="Rotterdam")
    [w["name"] for w in list_all(archive.conn)]   # ['port']
"""
from __future__ import annotations

import datetime as _dt
import sqlite3

from storyline.errors import InputError, NotFound
from storyline.store.db import write_transaction
from storyline.store.search import fts_query


def add(conn: sqlite3.Connection, name: str, query: str, *, person: str | None = None,
        place: str | None = None) -> dict:
    """Save (or replace) the watch NAME; the query must hold at least one word."""
    name = (name or "").strip()
    if not name:
        raise InputError("a watch needs a name")
    if not fts_query(query):
        raise InputError("the query holds no word to search for", source=name)
    row = {"name": name, "query": query, "person": person or None, "place": place or None,
           "created_at": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")}
    with write_transaction(conn):
        conn.execute("INSERT INTO watches(name, query, person, place, created_at) "
                     "VALUES (?,?,?,?,?) ON CONFLICT(name) DO UPDATE SET query = "
                     "excluded.query, person = excluded.person, place = excluded.place, "
                     "created_at = excluded.created_at",
                     (row["name"], row["query"], row["person"], row["place"],
                      row["created_at"]))
    return row


def list_all(conn: sqlite3.Connection) -> list[dict]:
    """Every watch, by name."""
    return [dict(r) for r in conn.execute("SELECT * FROM watches ORDER BY name")]


def get(conn: sqlite3.Connection, names: list[str]) -> list[dict]:
    """The watches of these names, in that order; NotFound names the first unknown one."""
    found = {w["name"]: w for w in list_all(conn)}
    missing = [n for n in names if n not in found]
    if missing:
        raise NotFound("no watch of this name; `storyline watch list` shows them",
                       source=missing[0])
    return [found[n] for n in names]


def remove(conn: sqlite3.Connection, name: str) -> None:
    """Delete the watch NAME (NotFound if there is none)."""
    with write_transaction(conn):
        if conn.execute("DELETE FROM watches WHERE name = ?", (name,)).rowcount == 0:
            raise NotFound("no watch of this name; `storyline watch list` shows them",
                           source=name)
