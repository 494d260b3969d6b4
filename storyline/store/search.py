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
from storyline.store.names import name_query
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


def _rank(conn, match: str) -> tuple[str, list]:
    """A search's ``rank`` expression (lower is better) and its parameters."""
    if dialect(conn) == "postgresql":
        return (f"-ts_rank_cd({rank_weights()}, articles_fts.fts, storyline_query(?), 1)",
                [match])
    return f"bm25(articles_fts, {', '.join(str(w) for w in BM25_WEIGHTS)})", []


def _snippet(conn, match: str, marks: tuple[str, str]) -> tuple[str, list]:
    """A hit's ``snippet`` expression, matches marked with ``marks``, and its parameters."""
    if dialect(conn) == "postgresql":
        options = (f'StartSel="{marks[0]}", StopSel="{marks[1]}", MaxWords={SNIPPET_TOKENS}, '
                   f'MinWords={max(1, SNIPPET_TOKENS // 2)}, ShortWord=0, MaxFragments=1, '
                   f'FragmentDelimiter="{SNIPPET_ELLIPSIS}"')
        return (f"ts_headline('{PG_TS_CONFIG}', a.text, storyline_query(?), ?)",
                [match, options])
    return ("snippet(articles_fts, -1, ?, ?, ?, ?)",
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
    rank, rank_params = _rank(conn, match)
    ranked = conn.execute(
        f"SELECT articles_fts.rowid, {rank} AS rank FROM {_hits_from(filters)} WHERE {where} "
        f"ORDER BY rank, articles_fts.rowid LIMIT ? OFFSET ?",
        rank_params + params + [int(limit), int(offset)]).fetchall()
    snippet, snippet_params = _snippet(conn, match, marks)
    out = []
    for pk, rank_value in ranked:
        hit = dict(conn.execute(
            f"SELECT a.id, a.title, a.outlet, a.published, a.url, a.story_id, {snippet} "
            f"AS snippet FROM {FTS_SOURCE} WHERE {match_condition(conn)} "
            f"AND articles_fts.rowid = ?", snippet_params + [match, pk]).fetchone())
        snippet_text = hit.pop("snippet")
        out.append({**hit, "rank": rank_value, "snippet": snippet_text})
    return out


def _hits_from(filters: tuple) -> str:
    """The FROM of a search: the full-text index, joined to the articles only when a filter
    reads them."""
    return FTS_SOURCE if any(filters) else "articles_fts"


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
            f"SELECT a.outlet, a.language, COUNT(*) FROM {FTS_SOURCE} WHERE {where} "
            f"GROUP BY a.outlet, a.language", params):
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
