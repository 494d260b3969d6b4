"""Full-text search over title, subtitle, text, authors and outlet.

SQLite: the FTS5 table is external-content (``content='articles'``) and kept current by
triggers (migration ``0002_fts5_search``); ranked by bm25, snippets by ``snippet()``.
PostgreSQL: table ``articles_fts`` holds each article's weighted ``tsvector`` (GIN index,
kept by a trigger; same migration), matched with ``websearch_to_tsquery``, ranked by
``ts_rank_cd`` (negated: lower is better on both), snippets by ``ts_headline``. Both
tables hold the article's pk as ``rowid``, so the queries differ only in the match,
rank and snippet expressions (:func:`match_condition`).

User text never reaches either as syntax: :func:`fts_query` turns it into quoted terms,
so quotes, ``AND``/``OR``/``NOT``, ``*``, ``:``, parentheses and unbalanced ``"`` are
searched as words (a quoted phrase is a phrase for both).
"""
from __future__ import annotations

import re
import sqlite3

import storyline.store.entities as _entities
from storyline.errors import QueryError
from storyline.rules.store import (BM25_WEIGHTS, MAX_QUERY_WORDS, PG_TS_CONFIG, SNIPPET_CLOSE,
                                   SNIPPET_ELLIPSIS, SNIPPET_OPEN, SNIPPET_TOKENS)
from storyline.store.db import dialect

#: The searched rows: the index joined to its articles ``a`` (both backends).
FTS_SOURCE = "articles_fts JOIN articles a ON a.pk = articles_fts.rowid"

_PHRASE = re.compile(r'"([^"]*)"')
_TOKEN = re.compile(r"\w+", re.UNICODE)


def _quote(words: list[str]) -> str:
    return '"' + " ".join(words) + '"'


def fts_query(text: str) -> str:
    """An FTS5 MATCH expression for free text: every word must occur (AND);
    a balanced ``"..."`` keeps its words together as a phrase. Returns "" when
    the text holds no word; raises QueryError past ``MAX_QUERY_WORDS`` distinct words.

    >>> fts_query('talks "in Geneva" talks')
    '"in Geneva" "talks"'
    """
    text = text or ""
    parts: list[str] = []
    if text.count('"') % 2 == 0:
        for phrase in _PHRASE.findall(text):
            words = _TOKEN.findall(phrase)
            if words:
                parts.append(_quote(words))
        text = _PHRASE.sub(" ", text)
    parts += [_quote([w]) for w in _TOKEN.findall(text)]
    parts = list(dict.fromkeys(parts))  # a repeated word adds nothing to an AND
    words = sum(len(p.split()) for p in parts)
    if words > MAX_QUERY_WORDS:
        raise QueryError(f"the query has {words} words to match; at most {MAX_QUERY_WORDS} "
                         f"can be searched at once: keep the most telling ones")
    return " ".join(parts)


def date_filter(column: str, since: str | None, until: str | None) -> tuple[str, list]:
    """SQL conditions on an ISO-8601 text column; ``until`` is inclusive at its own
    precision (``until="2021-12"`` keeps all of December)."""
    sql, params = [], []
    if since:
        sql.append(f"{column} >= ?")
        params.append(since)
    if until:
        sql.append(f"substr({column}, 1, ?) <= ?")
        params += [len(until), until]
    return (" AND ".join(sql), params)


def match_condition(conn) -> str:
    """The condition, over :data:`FTS_SOURCE`, that keeps the articles matching one
    parameter: :func:`fts_query`'s expression."""
    if dialect(conn) == "postgresql":
        return "articles_fts.fts @@ storyline_query(?)"
    return "articles_fts MATCH ?"


def rank_weights() -> str:
    """ts_rank_cd's ``{D, C, B, A}`` weights (an SQL array literal) from BM25_WEIGHTS (title,
    subtitle, text, authors, outlet): A title, B subtitle, C authors and outlet, D text;
    scaled into (0, 1] as ts_rank_cd wants.

    >>> rank_weights()
    "'{0.1,0.2,0.5,1}'::float4[]"
    """
    title, subtitle, text, authors, _outlet = BM25_WEIGHTS
    top = max(BM25_WEIGHTS)
    values = ",".join(f"{w / top:.4g}" for w in (text, authors, subtitle, title))
    return f"'{{{values}}}'::float4[]"


def _rank_and_snippet(conn, match: str, marks: tuple[str, str]) -> tuple[str, list]:
    """The ``rank`` (lower is better) and ``snippet`` columns of a search, and their
    parameters."""
    if dialect(conn) == "postgresql":
        options = (f'StartSel="{marks[0]}", StopSel="{marks[1]}", MaxWords={SNIPPET_TOKENS}, '
                   f'MinWords={max(1, SNIPPET_TOKENS // 2)}, ShortWord=0, MaxFragments=1, '
                   f'FragmentDelimiter="{SNIPPET_ELLIPSIS}"')
        return (f"-ts_rank_cd({rank_weights()}, articles_fts.fts, storyline_query(?), 1) "
                f"AS rank, ts_headline('{PG_TS_CONFIG}', a.text, storyline_query(?), ?) "
                "AS snippet", [match, match, options])
    weights = ", ".join(str(w) for w in BM25_WEIGHTS)
    return (f"bm25(articles_fts, {weights}) AS rank, "
            f"snippet(articles_fts, -1, ?, ?, ?, ?) AS snippet",
            [marks[0], marks[1], SNIPPET_ELLIPSIS, SNIPPET_TOKENS])


def _search_where(conn: sqlite3.Connection, match: str, since, until, outlet, person, place,
                  language) -> tuple[str, list]:
    """The WHERE clause (over ``articles_fts`` joined to ``articles a``) of a search."""
    where = [match_condition(conn)]
    params: list = [match]
    cond, extra = date_filter("a.published", since, until)
    if cond:
        where.append(cond)
        params += extra
    if outlet:
        where.append("lower(a.outlet) = lower(?)")
        params.append(outlet)
    if language:
        where.append("lower(a.language) = lower(?)")
        params.append(language)
    if person:
        pk = _entities.lookup(conn, person)
        where.append("a.pk IN (SELECT article_pk FROM article_entities WHERE entity_pk = ?)")
        params.append(-1 if pk is None else pk)
    if place:
        _entities.register_functions(conn)
        where.append("a.pk IN (SELECT article_pk FROM places WHERE sl_name_matches(?, name) "
                     "OR upper(country_code) = upper(?))")
        params += [place, place]
    return " AND ".join(where), params


def search(conn: sqlite3.Connection, query: str, *, since: str | None = None,
           until: str | None = None, outlet: str | None = None, person: str | None = None,
           place: str | None = None, language: str | None = None, limit: int = 20,
           offset: int = 0,
           marks: tuple[str, str] = (SNIPPET_OPEN, SNIPPET_CLOSE)) -> list[dict]:
    """Best matches first: id, title, outlet, published, url, story_id, rank (bm25,
    lower is better) and a snippet with matches marked ``[`` ``]`` (or ``marks``).
    ``person`` keeps articles naming that entity (any alias), ``place`` those placed
    there (name or country code); ``offset`` skips that many hits (see :func:`count`).

    Example: ``search(conn, "port strike", language="en", limit=10, offset=10)``
    """
    match = fts_query(query)
    if not match:
        return []
    where, params = _search_where(conn, match, since, until, outlet, person, place, language)
    columns, column_params = _rank_and_snippet(conn, match, marks)
    sql = (f"SELECT a.id, a.title, a.outlet, a.published, a.url, a.story_id, {columns} "
           f"FROM {FTS_SOURCE} WHERE {where} ORDER BY rank LIMIT ? OFFSET ?")
    rows = conn.execute(sql, column_params + params + [int(limit), int(offset)]).fetchall()
    return [dict(r) for r in rows]


def count(conn: sqlite3.Connection, query: str, *, since: str | None = None,
          until: str | None = None, outlet: str | None = None, person: str | None = None,
          place: str | None = None, language: str | None = None) -> int:
    """How many articles :func:`search` with the same filters finds in all."""
    match = fts_query(query)
    if not match:
        return 0
    where, params = _search_where(conn, match, since, until, outlet, person, place, language)
    return conn.execute(f"SELECT COUNT(*) FROM {FTS_SOURCE} WHERE {where}",
                        params).fetchone()[0]


def facets(conn: sqlite3.Connection, query: str, *, top: int = 10, **filters) -> dict:
    """The outlets and languages of the hits, most frequent first, with counts:
    ``{"outlet": [{"value": "Reuters", "count": 3}], "language": [...]}``."""
    match = fts_query(query)
    out: dict[str, list[dict]] = {"outlet": [], "language": []}
    if not match:
        return out
    where, params = _search_where(conn, match, filters.get("since"), filters.get("until"),
                                  filters.get("outlet"), filters.get("person"),
                                  filters.get("place"), filters.get("language"))
    for column in out:
        out[column] = [{"value": r[0], "count": r[1]} for r in conn.execute(
            f"SELECT a.{column}, COUNT(*) AS n FROM {FTS_SOURCE} "
            f"WHERE {where} AND a.{column} IS NOT NULL "
            f"GROUP BY a.{column} ORDER BY n DESC, a.{column} LIMIT ?", params + [int(top)])]
    return out
