"""The folded-name index: lists filtered by a name (quotes by speaker, events and search
by place, stories by place) found through an index instead of a function called per row.

Table ``name_suffixes`` (migration ``0011_name_suffix_index``) holds, for every name the
list tables show (``quotes.speaker``, ``entities.name``, ``events.where_name``,
``places.name``), each word-boundary suffix of its folded form (:func:`entities.fold`):
``Tomás Ó Briain`` -> ``tomas o briain``, ``o briain``, ``briain``. A query matches a name
exactly when its folded form is a prefix of one of those suffixes, which is
:func:`storyline.store.entities.name_matches`, read as a range scan of the index::

    suffix >= 'o bri' AND suffix < 'o bri' || U+10FFFF

Names are added in the article's own transaction (``Archive.add``: :func:`index_article`);
a name never leaves the index (one no longer stored simply matches no row).

Example::

    sql, params = name_query("O Briain")
    conn.execute(f"SELECT * FROM quotes WHERE speaker IN ({sql})", params)
"""
from __future__ import annotations

import sqlite3
from typing import Iterable

from storyline.store.entities import fold

#: Sorts after every character a folded name can hold: the end of a prefix range.
_RANGE_END = "\U0010ffff"


def suffixes(name: str | None) -> list[str]:
    """The folded name from each word start to its end (none for a name with no word).

    >>> suffixes("Tomás Ó Briain")
    ['tomas o briain', 'o briain', 'briain']
    """
    words = fold(name).split(" ") if isinstance(name, str) else []
    return [" ".join(words[i:]) for i in range(len(words)) if words[i]]


def index_names(conn: sqlite3.Connection, names: Iterable[str | None]) -> None:
    """Record ``names`` (as stored) in the index; runs in the caller's transaction."""
    rows = {(s, n) for n in names if isinstance(n, str) for s in suffixes(n)}
    conn.executemany("INSERT INTO name_suffixes(suffix, name) VALUES (?, ?) "
                     "ON CONFLICT DO NOTHING", sorted(rows))


def index_article(conn: sqlite3.Connection, article_pk: int) -> None:
    """Record the names one stored article's rows show: its quotes' speakers, its places,
    its events' places and the names of the entities it mentions (a name an entity takes
    on a later mention included); runs in the article's transaction."""
    p = (article_pk,) * 4
    index_names(conn, [r[0] for r in conn.execute(
        "SELECT speaker FROM quotes WHERE article_pk = ? UNION "
        "SELECT name FROM places WHERE article_pk = ? UNION "
        "SELECT where_name FROM events WHERE article_pk = ? UNION "
        "SELECT e.name FROM article_entities ae JOIN entities e ON e.pk = ae.entity_pk "
        "WHERE ae.article_pk = ?", p)])


def name_query(query: str | None) -> tuple[str, list]:
    """A subquery selecting the stored names ``query`` names (see the module docstring) and
    its parameters; it selects nothing for a query with no word, as ``name_matches``."""
    q = fold(query)
    if not q:
        return "SELECT name FROM name_suffixes WHERE 1 = 0", []
    return ("SELECT name FROM name_suffixes WHERE suffix >= ? AND suffix < ?",
            [q, q + _RANGE_END])


NAME_COLUMNS = (("quotes", "speaker"), ("entities", "name"), ("events", "where_name"),
                ("places", "name"))


def index_existing(conn: sqlite3.Connection) -> None:
    """Fill the index from the names already stored (the migration's step)."""
    for table, column in NAME_COLUMNS:
        names = [r[0] for r in conn.execute(
            f"SELECT DISTINCT {column} FROM {table} WHERE {column} IS NOT NULL")]
        index_names(conn, names)
