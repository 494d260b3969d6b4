"""Full-text search (SQLite FTS5) over title, subtitle, text, authors and outlet.

The FTS table is external-content (``content='articles'``) and kept current by
triggers (migration ``0002_fts5_search``). User text never reaches FTS5 as
syntax: :func:`fts_query` turns it into quoted terms, so quotes, ``AND``/``OR``/
``NOT``, ``*``, ``:``, parentheses and unbalanced ``"`` are searched as words.
"""
from __future__ import annotations

import re
import sqlite3

import storyline.store.entities as _entities
from storyline.store.names import name_query
from storyline.errors import QueryError
from storyline.rules.store import (BM25_WEIGHTS, MAX_QUERY_WORDS, SNIPPET_CLOSE, SNIPPET_ELLIPSIS,
                                   SNIPPET_OPEN, SNIPPET_TOKENS)

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


def _search_where(conn: sqlite3.Connection, match: str, since, until, outlet, person, place,
                  language) -> tuple[str, list]:
    """The WHERE clause (over ``articles_fts`` joined to ``articles a``) of a search."""
    where = ["articles_fts MATCH ?"]
    params: list = [match]
    cond, extra = date_filter("a.published", since, until)
    if cond:
        where.append(cond)
        params += extra
    if outlet:
        where.append("a.outlet = ? COLLATE NOCASE")
        params.append(outlet)
    if language:
        where.append("a.language = ? COLLATE NOCASE")
        params.append(language)
    if person:
        pk = _entities.lookup(conn, person)
        where.append("a.pk IN (SELECT article_pk FROM article_entities WHERE entity_pk = ?)")
        params.append(-1 if pk is None else pk)
    if place:
        names, nparams = name_query(place)
        where.append(f"a.pk IN (SELECT article_pk FROM places WHERE name IN ({names}) "
                     f"OR upper(country_code) = upper(?))")
        params += nparams + [place]
    return " AND ".join(where), params


def search(conn: sqlite3.Connection, query: str, *, since: str | None = None,
           until: str | None = None, outlet: str | None = None, person: str | None = None,
           place: str | None = None, language: str | None = None, limit: int = 20,
           offset: int = 0,
           marks: tuple[str, str] = (SNIPPET_OPEN, SNIPPET_CLOSE)) -> list[dict]:
    """Best matches first: id, title, outlet, published, url, story_id, rank (bm25,
    lower is better; ties in article order) and a snippet with matches marked ``[`` ``]``
    (or ``marks``). ``person`` keeps articles naming that entity (any alias), ``place``
    those placed there (name or country code); ``offset`` skips that many hits (see
    :func:`count`). Only the page's hits are read from the articles table and given a
    snippet: ranking reads the full-text index alone when no filter needs the articles.

    Example: ``search(conn, "port strike", language="en", limit=10, offset=10)``
    """
    match = fts_query(query)
    if not match:
        return []
    filters = (since, until, outlet, person, place, language)
    where, params = _search_where(conn, match, *filters)
    weights = ", ".join(str(w) for w in BM25_WEIGHTS)
    ranked = conn.execute(
        f"SELECT articles_fts.rowid, bm25(articles_fts, {weights}) AS rank "
        f"FROM {_hits_from(filters)} WHERE {where} "
        f"ORDER BY rank, articles_fts.rowid LIMIT ? OFFSET ?",
        params + [int(limit), int(offset)]).fetchall()
    out = []
    for pk, rank in ranked:
        hit = dict(conn.execute(
            "SELECT a.id, a.title, a.outlet, a.published, a.url, a.story_id, "
            "snippet(articles_fts, -1, ?, ?, ?, ?) AS snippet "
            "FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid "
            "WHERE articles_fts MATCH ? AND articles_fts.rowid = ?",
            (marks[0], marks[1], SNIPPET_ELLIPSIS, SNIPPET_TOKENS, match, pk)).fetchone())
        snippet = hit.pop("snippet")
        out.append({**hit, "rank": rank, "snippet": snippet})
    return out


def _hits_from(filters: tuple) -> str:
    """The FROM of a search: the full-text index, joined to the articles only when a filter
    reads them."""
    if any(filters):
        return "articles_fts JOIN articles a ON a.pk = articles_fts.rowid"
    return "articles_fts"


def count(conn: sqlite3.Connection, query: str, *, since: str | None = None,
          until: str | None = None, outlet: str | None = None, person: str | None = None,
          place: str | None = None, language: str | None = None) -> int:
    """How many articles :func:`search` with the same filters finds in all."""
    match = fts_query(query)
    if not match:
        return 0
    filters = (since, until, outlet, person, place, language)
    where, params = _search_where(conn, match, *filters)
    return conn.execute(f"SELECT COUNT(*) FROM {_hits_from(filters)} WHERE {where}",
                        params).fetchone()[0]


FACETS = ("outlet", "language")


def summary(conn: sqlite3.Connection, query: str, *, top: int = 10, **filters) -> dict:
    """The total of :func:`count` and the facets of :func:`facets`, from one pass over the
    hits: ``{"total": 12, "facets": {"outlet": [...], "language": [...]}}``."""
    match = fts_query(query)
    out: dict = {"total": 0, "facets": {column: [] for column in FACETS}}
    if not match:
        return out
    where, params = _search_where(conn, match, filters.get("since"), filters.get("until"),
                                  filters.get("outlet"), filters.get("person"),
                                  filters.get("place"), filters.get("language"))
    counts: dict[str, dict] = {column: {} for column in FACETS}
    for outlet, language, n in conn.execute(
            f"SELECT a.outlet, a.language, COUNT(*) FROM articles_fts JOIN articles a "
            f"ON a.pk = articles_fts.rowid WHERE {where} GROUP BY a.outlet, a.language", params):
        out["total"] += n
        for column, value in zip(FACETS, (outlet, language)):
            if value is not None:
                counts[column][value] = counts[column].get(value, 0) + n
    for column, by_value in counts.items():
        ranked = sorted(by_value.items(), key=lambda vn: (-vn[1], vn[0]))[:int(top)]
        out["facets"][column] = [{"value": v, "count": n} for v, n in ranked]
    return out


def facets(conn: sqlite3.Connection, query: str, *, top: int = 10, **filters) -> dict:
    """The outlets and languages of the hits, most frequent first, with counts:
    ``{"outlet": [{"value": "Reuters", "count": 3}], "language": [...]}``."""
    return summary(conn, query, top=top, **filters)["facets"]
