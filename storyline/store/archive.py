"""The archive: one SQLite file holding articles, stories, search index and facts.

``Archive.add(article)`` writes everything about one article in ONE transaction
(article row, URLs, LSH bands, story link, FTS row via trigger, entities,
mentions, roles, quotes, times, places, events): a process killed at any moment
leaves either all of it or none. Re-adding what is already in returns
``"duplicate"`` without writing anything but the skip counter, so an ingest can
simply be run again to resume.
"""
from __future__ import annotations

import datetime as _dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from storyline.errors import ArchiveError
from storyline.facts import FACT_KINDS, FACT_NAMES
from storyline.model import Article
from storyline.rules.store import DEFAULT_DB_ENV, DEFAULT_DB_NAME, MIN_ID_PREFIX
import storyline.store.dedup as dedup
import storyline.store.entities as entities
import storyline.store.fact_json as fact_json
import storyline.store.fact_tables as fact_tables
import storyline.store.event_periods as event_periods
import storyline.store.names as names
import storyline.store.story_index as stories
from storyline.store.db import (connect, dialect, display_name, integrity_ok, is_server,
                                write_transaction)
from storyline.store.fact_rows import ARTICLE, pack_article, unpack_article
from storyline.store.migrations import migrate, pending
from storyline.store.queries import mark_first_events, mark_first_quotes
from storyline.values import repair_article


_READ_COLUMNS = ", ".join(ARTICLE.read_columns)
_ARTICLE_INSERT = (f"INSERT INTO articles(story_id, minhash, added_at, copy_of, meta, "
                   f"{', '.join(ARTICLE.sql_columns)}) "
                   f"VALUES ({','.join('?' * (5 + len(ARTICLE.columns)))}) RETURNING pk")


@dataclass
class AddResult:
    """What ``Archive.add`` did with an article.

    status: ``"added"`` (stored; it joined story ``story_id`` with ``story_score``, or
    started it when the score is None), ``"copy"`` (stored, a near-duplicate of ``copy_of``,
    in its story) or ``"duplicate"`` (already in, as ``id``; nothing stored).
    """

    status: str
    id: str
    story_id: str | None = None
    copy_of: str | None = None
    similarity: float | None = None
    story_score: float | None = None


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


class Archive:
    """An archive in one SQLite file (created and upgraded on open).

    Example::

        with Archive("news.db") as archive:
            result = archive.add(article)
            hits = archive.search("Putin Biden call", since="2021-12-01")
    """

    def __init__(self, path: str | Path | None = None, *, readonly: bool = False):
        """``readonly=True`` opens an existing archive without writing anything (no
        migration runs): an ArchiveError says so if its schema is not current."""
        self.path = str(path if path is not None else self.default_path())
        #: the archive as messages show it (a server URL without its password)
        self.name = display_name(self.path)
        self.readonly = readonly
        self.conn = connect(self.path, readonly=readonly)
        try:
            if readonly:
                missing = pending(self.conn)
                if missing:
                    raise ArchiveError(f"the archive's schema is older than this Storyline "
                                       f"(missing {', '.join(missing)}); open it once for "
                                       f"writing, e.g. `storyline stats --db FILE`, to upgrade it",
                                       source=self.name)
            else:
                migrate(self.conn)
        except ArchiveError:
            self.conn.close()
            raise
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise ArchiveError(f"cannot prepare the archive schema ({exc})",
                               source=self.name) from exc

    # -- lifecycle -------------------------------------------------------------
    @staticmethod
    def default_path() -> Path | str:
        """``$STORYLINE_DB`` if set (a PostgreSQL URL stays a string), else
        ``./storyline.db``."""
        target = os.environ.get(DEFAULT_DB_ENV) or DEFAULT_DB_NAME
        return target if is_server(target) else Path(target)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def integrity_ok(self) -> bool:
        return integrity_ok(self.conn)

    # -- writing ---------------------------------------------------------------
    def _existing(self, article: Article) -> str | None:
        """Id of the archived article this one exactly duplicates (same text or URL)."""
        row = self.conn.execute("SELECT id FROM articles WHERE id = ?", (article.id,)).fetchone()
        if row:
            return row[0]
        for url in {dedup.url_key(article.canonical_url), dedup.url_key(article.url)} - {None}:
            row = self.conn.execute(
                "SELECT a.id FROM article_urls u JOIN articles a ON a.pk = u.article_pk "
                "WHERE u.url = ? UNION ALL SELECT a.id FROM sightings s JOIN articles a "
                "ON a.pk = s.article_pk WHERE s.url = ? LIMIT 1", (url, url)).fetchone()
            if row:
                return row[0]
        return None

    def has(self, article: Article) -> bool:
        """True if the article (same normalised text or same URL) is already archived."""
        return self._existing(article) is not None

    def has_url(self, url: str | None) -> bool:
        """True if a page at this URL (after dedup.url_key) was archived or seen as a
        duplicate: lets a resumed ingest skip it before extracting it."""
        key = dedup.url_key(url)
        if key is None:
            return False
        return bool(self.conn.execute(
            "SELECT 1 FROM article_urls WHERE url = ? UNION ALL "
            "SELECT 1 FROM sightings WHERE url = ? LIMIT 1", (key, key)).fetchone())

    def has_raw(self, page_hash: str | None) -> bool:
        """True if a page with these raw bytes (``dedup.page_hash``) was archived or met as a
        duplicate: a rerun skips it before extracting it."""
        return bool(page_hash) and bool(self.conn.execute(
            "SELECT 1 FROM raw_pages WHERE hash = ?", (page_hash,)).fetchone())

    def _record_raw(self, page_hash: str | None, article_id: str) -> None:
        if page_hash:
            self.conn.execute("INSERT INTO raw_pages(hash, article_pk, seen_at) "
                              "SELECT ?, pk, ? FROM articles WHERE id = ? "
                              "ON CONFLICT DO NOTHING",
                              (page_hash, _now(), article_id))

    def _record_sighting(self, existing_id: str, article: Article) -> None:
        url = dedup.url_key(article.canonical_url) or dedup.url_key(article.url)
        if url is None or self.has_url(url):
            return
        pk = self.conn.execute("SELECT pk FROM articles WHERE id = ?",
                               (existing_id,)).fetchone()[0]
        self.conn.execute("INSERT INTO sightings(url, article_pk, outlet, published, seen_at) "
                          "VALUES (?,?,?,?,?)",
                          (url, pk, article.outlet, article.published, _now()))

    def add(self, article: Article, *, raw_hash: str | None = None) -> AddResult:
        """Store one article (and its enrichment) in one transaction; see AddResult.

        ``raw_hash`` (``dedup.page_hash`` of the page it came from) is remembered with the
        article it became or duplicated, in the same transaction, for :meth:`has_raw`."""
        repair_article(article)  # lone surrogates (SQLite refuses them), malformed URLs
        if not (article.text or "").strip():
            raise ArchiveError("article has no text; nothing to archive",
                               source=article.source or article.url)
        sig = dedup.signature(article.text)
        bands = dedup.band_hashes(sig) if sig is not None else []
        try:
            with write_transaction(self.conn):
                existing = self._existing(article)
                if existing:
                    self.conn.execute("UPDATE meta SET value = value + 1 "
                                      "WHERE key = 'duplicates_skipped'")
                    self._record_sighting(existing, article)
                    self._record_raw(raw_hash, existing)
                    story = self.conn.execute("SELECT story_id FROM articles WHERE id = ?",
                                              (existing,)).fetchone()
                    return AddResult("duplicate", existing, story[0] if story else None)
                match = dedup.find_copy(self.conn, sig, bands) if sig is not None else None
                result = self._insert(article, sig, bands, match)
                self._record_raw(raw_hash, result.id)
                return result
        except sqlite3.DatabaseError as exc:
            raise ArchiveError(f"could not store the article ({exc}); nothing was written",
                               source=article.source or article.url) from exc

    def _insert(self, article: Article, sig, bands, match) -> AddResult:
        c = self.conn
        record = article.record()  # the article's own lists, not a copy
        aid = record["id"]
        copy_of = similarity = copy_pk = None
        if match:
            copy_pk, similarity = match
            copy_of = c.execute("SELECT id FROM articles WHERE pk = ?", (copy_pk,)).fetchone()[0]
        now = _now()
        vec = stories.vector_of(article.title, article.text, article.entities)
        day = stories.day_of(article.published)
        story_id, score = stories.place(c, vec, day, copy_of_pk=copy_pk, new_story_id=aid,
                                        title=article.title, seen_at=now)
        values, meta = pack_article(record)
        pk = c.execute(_ARTICLE_INSERT, (story_id, dedup.to_blob(sig) if sig is not None else None,
                                         now, copy_pk, meta, *values)).fetchone()[0]
        stories.record(c, pk, story_id, vec, day, article.title)
        stories.count_outlet(c, pk)
        for url in {dedup.url_key(article.canonical_url), dedup.url_key(article.url)} - {None}:
            c.execute("INSERT INTO article_urls(url, article_pk) VALUES (?,?) "
                      "ON CONFLICT DO NOTHING", (url, pk))
        c.executemany("INSERT INTO lsh_bands(band, hash, article_pk) VALUES (?,?,?)",
                      [(b, h, pk) for b, h in bands])
        self._insert_enrichment(pk, article)
        names.index_article(c, pk)  # what the lists filter by, indexed
        event_periods.fill(c, pk)
        mark_first_quotes(c, pk)
        mark_first_events(c, pk)
        if match:
            return AddResult("copy", aid, story_id, copy_of, similarity)
        return AddResult("added", aid, story_id, story_score=score)

    def _insert_enrichment(self, pk: int, article: Article) -> None:
        c = self.conn

        def resolve(ent: dict, name: str, _key: str) -> int:
            return entities.resolve(c, name, ent.get("label") or "", ent.get("aliases") or [])

        fact_tables.write(c, pk, {kind: getattr(article, kind) for kind in FACT_NAMES}, resolve)

    # -- reading ---------------------------------------------------------------
    def _dicts(self, where: str, params: tuple, raw: bool = False) -> list[dict]:
        """Full article dicts (``Article.to_dict()`` + ``story_id``) of the articles ``where``
        selects, in pk order: one query for the rows, one per fact table for their facts
        (``raw``: the fact lists as ``fact_json.RawJSON``, their JSON text)."""
        rows = self.conn.execute(f"SELECT pk, story_id, meta, {_READ_COLUMNS} FROM articles "
                                 f"WHERE {where} ORDER BY pk", params).fetchall()
        pks = [r[0] for r in rows]
        facts = fact_json.read_texts(self.conn, pks) if raw else fact_json.read(self.conn, pks)
        out = []
        for row in rows:
            d = unpack_article(tuple(row)[3:], row[2], facts[row[0]])
            d["story_id"] = row[1]
            out.append(d)
        return out

    def _find_pk(self, id_or_prefix: str) -> int | None:
        key = (id_or_prefix or "").strip()
        if not key:
            return None
        row = self.conn.execute("SELECT pk FROM articles WHERE id = ?", (key,)).fetchone()
        if row:
            return row[0]
        if "/" in key or ":" in key:
            ukey = dedup.url_key(key)
            row = self.conn.execute("SELECT article_pk FROM article_urls WHERE url = ? UNION ALL "
                                    "SELECT article_pk FROM sightings WHERE url = ? LIMIT 1",
                                    (ukey, ukey)).fetchone()
            return row[0] if row else None
        if len(key) < MIN_ID_PREFIX:
            raise ArchiveError(f"id prefix is too short: give at least "
                               f"{MIN_ID_PREFIX} characters of the id", source=key)
        rows = self.conn.execute("SELECT pk, id FROM articles WHERE id >= ? AND id < ? LIMIT 6",
                                 (key, key + "\uffff")).fetchall()
        if len(rows) > 1:
            ids = ", ".join(r[1] for r in rows[:5])
            raise ArchiveError(f"id prefix {key!r} matches several articles ({ids}...); "
                               f"give more characters")
        return rows[0][0] if rows else None

    def get(self, id_or_prefix: str) -> dict | None:
        """The full article JSON (``Article.to_dict()`` shape) by id, unique id prefix
        (>= 4 chars) or URL, plus ``story_id``, ``copies`` (its syndicated copies:
        near-duplicates, with id, outlet, url, published, title) and ``also_seen`` (exact
        duplicates met at other URLs). None if not archived."""
        pk = self._find_pk(id_or_prefix)
        if pk is None:
            return None
        d = self._dicts("pk = ?", (pk,))[0]
        d["copies"] = self._copies(pk)
        d["also_seen"] = [dict(r) for r in self.conn.execute(
            "SELECT outlet, url, published, seen_at FROM sightings WHERE article_pk = ? "
            "ORDER BY seen_at", (pk,))]
        return d

    def _copies(self, pk: int) -> list[dict]:
        """The syndicated copies of an article: every article linked to it by near-duplicate
        links (``copy_of``), in either direction and through chains of copies."""
        group, todo = {pk}, [pk]
        while todo and len(group) < 1000:
            cur = todo.pop()
            for (other,) in self.conn.execute(
                    "SELECT pk FROM articles WHERE copy_of = ? UNION "
                    "SELECT copy_of FROM articles WHERE pk = ? AND copy_of IS NOT NULL",
                    (cur, cur)):
                if other not in group:
                    group.add(other)
                    todo.append(other)
        group.discard(pk)
        if not group:
            return []
        return [dict(r) for r in self.conn.execute(
            f"SELECT id, outlet, url, published, title FROM articles WHERE pk IN "
            f"({','.join('?' * len(group))}) ORDER BY pk", sorted(group))]

    def story(self, id_or_prefix: str, *, as_of: str | None = None) -> dict | None:
        """A story (by story id, or the id, prefix or URL of any of its articles): label,
        span, every article/outlet/url that carried it, ``also_seen`` (exact duplicates met
        at other URLs), key people/organisations/places, quotes and the timeline, with
        what is still ahead on ``as_of`` (ISO date, default today) marked "scheduled".
        None if there is no such story."""
        from storyline.store.story_queries import story_detail, story_id_for

        sid = story_id_for(self.conn, id_or_prefix)
        if sid is None:
            pk = self._find_pk(id_or_prefix)
            if pk is None:
                return None
            sid = self.conn.execute("SELECT story_id FROM articles WHERE pk = ?",
                                    (pk,)).fetchone()[0]
        return story_detail(self.conn, sid, as_of=as_of)

    def stories(self, *, since: str | None = None, until: str | None = None,
                about: str | None = None, person: str | None = None, place: str | None = None,
                order: str = "recent", limit: int = 20, offset: int = 0) -> dict:
        """Stories with their label, span and outlets: ``{"total", "items"}``; see
        :func:`storyline.store.story_queries.list_stories`."""
        from storyline.store.story_queries import list_stories

        return list_stories(self.conn, since=since, until=until, about=about, person=person,
                            place=place, order=order, limit=limit, offset=offset)

    def related(self, id_or_prefix: str, *, limit: int = 10) -> dict | None:
        """"More on this topic" for an article: the other articles of its story, then the
        closest articles of other stories with the reasons. None if not archived."""
        from storyline.store.story_queries import related

        pk = self._find_pk(id_or_prefix)
        return None if pk is None else related(self.conn, pk, limit=limit)

    def restory(self) -> dict:
        """Rebuild every story from scratch in one transaction; returns counts."""
        with write_transaction(self.conn):
            counts = stories.rebuild(self.conn)
            stories.recount_outlets(self.conn)
            mark_first_quotes(self.conn)
            mark_first_events(self.conn)
            return counts

    def _bytes(self) -> int:
        if dialect(self.conn) == "postgresql":
            return self.conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
        return sum(os.path.getsize(p) for p in (self.path, self.path + "-wal")
                   if os.path.isfile(p))

    def vacuum(self) -> dict:
        """Rewrite the file without its free pages (SQLite ``VACUUM``), after an upgrade that
        dropped data; returns ``{"bytes_before", "bytes_after"}`` (file and its WAL)."""
        before = self._bytes()
        try:
            self.conn.execute("VACUUM")
            if dialect(self.conn) == "sqlite":
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.DatabaseError as exc:
            raise ArchiveError(f"could not vacuum the archive ({exc})", source=self.path) from exc
        return {"bytes_before": before, "bytes_after": self._bytes()}

    def __len__(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def stats(self) -> dict:
        """Counts: articles, stories, copies, duplicates skipped, outlets, date range,
        entities, mentions, quotes, times, places, events; plus the schema version."""
        c = self.conn

        def one(sql: str):
            return c.execute(sql).fetchone()[0]

        first, last = c.execute("SELECT MIN(published), MAX(published) FROM articles "
                                "WHERE published IS NOT NULL AND published != ''").fetchone()
        articles = one("SELECT COUNT(*) FROM articles")
        stories = one("SELECT COUNT(*) FROM stories")
        return {
            "path": self.name,
            "articles": articles,
            "stories": stories,
            "copies": one("SELECT COUNT(*) FROM articles WHERE copy_of IS NOT NULL"),
            "duplicates_skipped": one("SELECT value FROM meta WHERE key='duplicates_skipped'"),
            "outlets": one("SELECT COUNT(DISTINCT outlet) FROM articles WHERE outlet IS NOT NULL"),
            "top_outlets": [dict(r) for r in c.execute(
                "SELECT outlet, COUNT(*) AS articles FROM articles WHERE outlet IS NOT NULL "
                "GROUP BY outlet ORDER BY articles DESC, outlet LIMIT 10")],
            "first_published": first,
            "last_published": last,
            **{table: one(f"SELECT COUNT(*) FROM {table}")
               for kind in FACT_KINDS for table in kind.stat_tables},
            "migrations": [r[0] for r in c.execute("SELECT name FROM migrations ORDER BY rowid")],
        }

    # -- queries (thin wrappers over storyline.store.search / queries / export) ---
    def search(self, query: str, *, since: str | None = None, until: str | None = None,
               outlet: str | None = None, limit: int = 20, offset: int = 0,
               **filters) -> list[dict]:
        """Full-text search; ``filters``: person, place, language (see store.search)."""
        from storyline.store.search import search
        return search(self.conn, query, since=since, until=until, outlet=outlet, limit=limit,
                      offset=offset, **filters)

    def search_count(self, query: str, **filters) -> int:
        """The total number of hits of :meth:`search` with the same filters."""
        from storyline.store.search import count
        return count(self.conn, query, **filters)

    def search_facets(self, query: str, **filters) -> dict:
        """Outlets and languages of the hits, with counts (see store.search.facets)."""
        from storyline.store.search import facets
        return facets(self.conn, query, **filters)

    def search_summary(self, query: str, **filters) -> dict:
        """``{"total", "facets"}`` of :meth:`search_count` and :meth:`search_facets` in one
        pass over the hits (see store.search.summary)."""
        from storyline.store.search import summary
        return summary(self.conn, query, **filters)

    def entity(self, name: str) -> dict | None:
        from storyline.store.queries import entity
        return entity(self.conn, name)

    def quotes(self, *, speaker: str | None = None, since: str | None = None,
               until: str | None = None, limit: int = 100, offset: int = 0) -> list[dict]:
        from storyline.store.queries import quotes
        return quotes(self.conn, speaker=speaker, since=since, until=until, limit=limit,
                      offset=offset)

    def count_quotes(self, **filters) -> int:
        """The total number of rows of :meth:`quotes` with the same filters."""
        from storyline.store.queries import count_quotes
        return count_quotes(self.conn, **filters)

    def events(self, *, upcoming: bool = False, where: str | None = None,
               limit: int = 100, as_of: str | None = None, offset: int = 0,
               **filters) -> list[dict]:
        """Events, one per story; ``upcoming`` keeps those still ahead on ``as_of``
        (ISO date, default today); ``filters``: kind, since, until (store.queries.events)."""
        from storyline.store.queries import events
        return events(self.conn, upcoming=upcoming, where=where, limit=limit, today=as_of,
                      offset=offset, **filters)

    def count_events(self, *, upcoming: bool = False, where: str | None = None,
                     as_of: str | None = None, **filters) -> int:
        """The total number of rows of :meth:`events` with the same filters."""
        from storyline.store.queries import count_events
        return count_events(self.conn, upcoming=upcoming, where=where, today=as_of, **filters)

    def export(self, fmt: str, out: str | Path | IO) -> int:
        from storyline.store.export import export
        return export(self, fmt, out)

    def iter_articles(self, batch: int = 500, *, raw_facts: bool = False):
        """Every article as a full dict, in insertion order, streaming in batches of
        ``batch`` articles (their facts read with one query per table and batch).
        ``raw_facts``: each fact list read from its table is a ``fact_json.RawJSON``, its
        ``json.dumps`` text (what export writes), not the list."""
        last = 0
        while True:
            pks = [r[0] for r in self.conn.execute(
                "SELECT pk FROM articles WHERE pk > ? ORDER BY pk LIMIT ?", (last, batch))]
            if not pks:
                return
            yield from self._dicts("pk BETWEEN ? AND ?", (pks[0], pks[-1]), raw_facts)
            last = pks[-1]
