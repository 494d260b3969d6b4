"""Named, recorded schema migrations.

The schema changes only by appending to :data:`MIGRATIONS`: a list of
``(name, step)`` where ``step`` is SQL (a script) or a function ``fn(conn)``, or, where
the backends differ, a dict of those by dialect (``{"sqlite": ..., "postgresql": ...}``).
A plain SQL step runs on PostgreSQL through :func:`storyline.store.pg.ddl` (types, no
``WITHOUT ROWID``; a dialect's own variant runs as written), so new steps are written once
in portable DDL (CREATE TABLE/INDEX, ALTER TABLE ... ADD COLUMN). Both backends record the
same names, so an archive at any version upgrades the same way on either.
Each step runs in its own transaction together with the row recording it in the
``migrations`` table (``name``, ``applied_at``), so a crash mid-upgrade leaves
the archive at the previous version. Opening an older archive applies the
missing steps in order; never edit or reorder a published step.
"""
from __future__ import annotations

import datetime as _dt
import sqlite3
from typing import Callable, Union

from storyline.errors import ArchiveError
from storyline.rules.store import PG_TS_CONFIG
from storyline.store.db import dialect, has_table, write_transaction
from storyline.store.pg import ddl

Step = Union[str, Callable[[sqlite3.Connection], None], dict]

INITIAL = """
CREATE TABLE stories (
    id          TEXT PRIMARY KEY,          -- id of the first article seen of the story
    title       TEXT,
    first_seen  TEXT NOT NULL,
    n_articles  INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE articles (
    pk           INTEGER PRIMARY KEY,      -- rowid, also the FTS content_rowid
    id           TEXT NOT NULL UNIQUE,     -- Article.id: hash of the normalised text
    story_id     TEXT NOT NULL REFERENCES stories(id),
    url          TEXT,
    canonical_url TEXT,
    title        TEXT,
    subtitle     TEXT,
    authors      TEXT,                     -- '; '-joined, for search and CSV
    outlet       TEXT,
    wire         TEXT,
    published    TEXT,                     -- ISO 8601 as extracted
    language     TEXT,
    word_count   INTEGER,
    text         TEXT NOT NULL,
    json         TEXT NOT NULL,            -- Article.to_dict() without "text" (kept above)
    minhash      BLOB,                     -- NUM_PERM uint32 little-endian (dedup.to_blob)
    added_at     TEXT NOT NULL
);
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE TABLE article_urls (                -- exact-duplicate key: every URL an article had
    url         TEXT PRIMARY KEY,
    article_pk  INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE TABLE lsh_bands (                   -- persistent LSH index: one row per (article, band)
    band        INTEGER NOT NULL,
    hash        INTEGER NOT NULL,
    article_pk  INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    PRIMARY KEY (band, hash, article_pk)
) WITHOUT ROWID;
CREATE INDEX lsh_bands_article ON lsh_bands(article_pk);
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value
) WITHOUT ROWID;
INSERT INTO meta(key, value) VALUES ('duplicates_skipped', 0);
"""

FTS = """
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, subtitle, text, authors, outlet,
    content='articles', content_rowid='pk', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, subtitle, text, authors, outlet)
    VALUES (new.pk, new.title, new.subtitle, new.text, new.authors, new.outlet);
END;
CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, subtitle, text, authors, outlet)
    VALUES ('delete', old.pk, old.title, old.subtitle, old.text, old.authors, old.outlet);
END;
CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, subtitle, text, authors, outlet
ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, subtitle, text, authors, outlet)
    VALUES ('delete', old.pk, old.title, old.subtitle, old.text, old.authors, old.outlet);
    INSERT INTO articles_fts(rowid, title, subtitle, text, authors, outlet)
    VALUES (new.pk, new.title, new.subtitle, new.text, new.authors, new.outlet);
END;
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
"""

ENRICHMENT = """
CREATE TABLE entities (                    -- one row per real-world entity across articles
    pk          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL,             -- storyline.store.entities.entity_key(name)
    kind_group  TEXT NOT NULL,             -- rules.store.KIND_GROUPS
    label       TEXT NOT NULL,             -- PERSON, ORG, GPE, ...
    name        TEXT NOT NULL,             -- display name (first full name seen)
    UNIQUE (key, kind_group)
);
CREATE TABLE entity_aliases (
    entity_pk   INTEGER NOT NULL REFERENCES entities(pk) ON DELETE CASCADE,
    alias       TEXT NOT NULL,
    key         TEXT NOT NULL,
    PRIMARY KEY (entity_pk, alias)
) WITHOUT ROWID;
CREATE INDEX entity_aliases_key ON entity_aliases(key);
CREATE TABLE article_entities (            -- which entities an article mentions
    article_pk  INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    local_id    TEXT NOT NULL,             -- the entity's id inside the article ("e1")
    entity_pk   INTEGER NOT NULL REFERENCES entities(pk),
    name        TEXT NOT NULL,
    start       INTEGER, "end" INTEGER,
    PRIMARY KEY (article_pk, local_id)
) WITHOUT ROWID;
CREATE INDEX article_entities_entity ON article_entities(entity_pk);
CREATE TABLE mentions (
    article_pk  INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    entity_pk   INTEGER NOT NULL REFERENCES entities(pk),
    start       INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text        TEXT
);
CREATE INDEX mentions_article ON mentions(article_pk);
CREATE INDEX mentions_entity ON mentions(entity_pk);
CREATE TABLE roles (
    article_pk  INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    entity_pk   INTEGER NOT NULL REFERENCES entities(pk),
    role        TEXT NOT NULL,
    org         TEXT,
    start       INTEGER, "end" INTEGER
);
CREATE INDEX roles_entity ON roles(entity_pk);
CREATE INDEX roles_article ON roles(article_pk);
CREATE TABLE quotes (
    pk          INTEGER PRIMARY KEY,
    article_pk  INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    text        TEXT NOT NULL,
    start       INTEGER, "end" INTEGER,
    cue         TEXT, cue_start INTEGER, cue_end INTEGER,
    speaker     TEXT,
    speaker_entity_pk INTEGER REFERENCES entities(pk),
    speaker_start INTEGER, speaker_end INTEGER
);
CREATE INDEX quotes_article ON quotes(article_pk);
CREATE INDEX quotes_speaker ON quotes(speaker_entity_pk);
CREATE TABLE times (
    article_pk  INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    local_id    TEXT,
    text        TEXT, start INTEGER, "end" INTEGER,
    type        TEXT, value TEXT, mod TEXT
);
CREATE INDEX times_article ON times(article_pk);
CREATE INDEX times_value ON times(value);
CREATE TABLE places (
    article_pk  INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    name        TEXT, start INTEGER, "end" INTEGER,
    entity_pk   INTEGER REFERENCES entities(pk),
    country_code TEXT, lat REAL, lon REAL, kind TEXT, geonameid INTEGER
);
CREATE INDEX places_article ON places(article_pk);
CREATE INDEX places_country ON places(country_code);
CREATE TABLE events (
    pk          INTEGER PRIMARY KEY,
    article_pk  INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    kind        TEXT, start INTEGER, "end" INTEGER, trigger TEXT,
    when_value  TEXT, when_text TEXT, where_name TEXT, country_code TEXT,
    participants TEXT,                     -- JSON list of names
    status      TEXT
);
CREATE INDEX events_article ON events(article_pk);
CREATE INDEX events_when ON events(when_value);
"""


# PostgreSQL: a tsvector per article in table articles_fts (rowid = articles.pk, as the
# SQLite FTS5 table), kept by a trigger, GIN-indexed; words folded as SQLite's unicode61
# with remove_diacritics folds them: the text search configuration PG_TS_CONFIG is
# 'simple' (lower case, no stemming, no stop words) with accents off (unaccent) first, so
# ts_headline marks "Zürich" for the query "zurich".
FTS_PG = f"""
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION {PG_TS_CONFIG} (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION {PG_TS_CONFIG} ALTER MAPPING FOR word, hword, hword_part,
    numword, numhword, hword_numpart WITH unaccent, simple;
CREATE FUNCTION storyline_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT lower(unaccent('unaccent'::regdictionary, coalesce(t, ''))) $$;
CREATE FUNCTION storyline_fts_doc(title text, subtitle text, body text, authors text,
                                  outlet text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector('{PG_TS_CONFIG}', coalesce(title, '')), 'A')
        || setweight(to_tsvector('{PG_TS_CONFIG}', coalesce(subtitle, '')), 'B')
        || setweight(to_tsvector('{PG_TS_CONFIG}', coalesce(body, '')), 'D')
        || setweight(to_tsvector('{PG_TS_CONFIG}',
                                 coalesce(authors, '') || ' ' || coalesce(outlet, '')), 'C')
    $$;
CREATE FUNCTION storyline_query(q text) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT websearch_to_tsquery('{PG_TS_CONFIG}', q) $$;
CREATE TABLE articles_fts (
    rowid  BIGINT PRIMARY KEY REFERENCES articles(pk) ON DELETE CASCADE DEFERRABLE,
    fts    tsvector NOT NULL
);
CREATE INDEX articles_fts_gin ON articles_fts USING GIN (fts);
CREATE FUNCTION articles_fts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO articles_fts(rowid, fts) VALUES (NEW.pk, storyline_fts_doc(
        NEW.title, NEW.subtitle, NEW.text, NEW.authors, NEW.outlet))
    ON CONFLICT (rowid) DO UPDATE SET fts = excluded.fts;
    RETURN NULL;
END $$;
CREATE TRIGGER articles_fts_sync AFTER INSERT OR UPDATE OF title, subtitle, text, authors,
    outlet ON articles FOR EACH ROW EXECUTE FUNCTION articles_fts_sync();
INSERT INTO articles_fts(rowid, fts)
    SELECT pk, storyline_fts_doc(title, subtitle, text, authors, outlet) FROM articles;
"""

SIGHTINGS = """
CREATE TABLE sightings (                   -- exact duplicates seen at another URL: not stored
    url         TEXT PRIMARY KEY,          -- again, but remembered so story() lists every
    article_pk  INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,  -- outlet/url
    outlet      TEXT,                      -- that carried it, and a resumed ingest can skip
    published   TEXT,                      -- the URL before extracting it
    seen_at     TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX sightings_article ON sightings(article_pk);
"""

STORY_MODEL = """
ALTER TABLE stories ADD COLUMN label TEXT;             -- the most representative headline
ALTER TABLE stories ADD COLUMN label_pk INTEGER;       -- the article it comes from
ALTER TABLE stories ADD COLUMN first_published TEXT;   -- YYYY-MM-DD span of its articles
ALTER TABLE stories ADD COLUMN last_published TEXT;
ALTER TABLE stories ADD COLUMN last_seen TEXT;         -- when its latest article was added
ALTER TABLE stories ADD COLUMN norm2 REAL NOT NULL DEFAULT 0;  -- squared norm of the centroid
ALTER TABLE articles ADD COLUMN copy_of INTEGER;       -- pk of the article it near-duplicates
CREATE INDEX stories_last_published ON stories(last_published);
CREATE INDEX stories_first_published ON stories(first_published);
CREATE TABLE article_terms (               -- each article's story vector: the postings index
    article_pk  INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    term        TEXT NOT NULL,
    weight      REAL NOT NULL,
    day         TEXT,                      -- YYYY-MM-DD of publication, for the date window
    PRIMARY KEY (article_pk, term)
) WITHOUT ROWID;
CREATE INDEX article_terms_term_day ON article_terms(term, day, article_pk);
CREATE TABLE story_terms (                 -- each story's centroid: sum of its articles' vectors
    story_id    TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    term        TEXT NOT NULL,
    weight      REAL NOT NULL,
    PRIMARY KEY (story_id, term)
) WITHOUT ROWID;
CREATE INDEX roles_article_entity ON roles(entity_pk, article_pk);
CREATE INDEX events_kind_when ON events(kind, when_value);
"""


def _restory_existing(conn: sqlite3.Connection) -> None:
    """Give an archive written before the story model its stories (same rule as ingest)."""
    from storyline.store.story_index import rebuild

    rebuild(conn)


RAW_PAGES = """
CREATE TABLE raw_pages (                   -- a hash of every page's raw bytes that became an
    hash        TEXT PRIMARY KEY,          -- article or met one already archived, so a rerun
    article_pk  INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,  -- skips the
    seen_at     TEXT NOT NULL              -- same bytes before extracting them again
) WITHOUT ROWID;
CREATE INDEX raw_pages_article ON raw_pages(article_pk);
"""

FOLLOW = """
CREATE TABLE follow_sources (              -- one row per feed / sitemap `storyline follow` polls
    url           TEXT PRIMARY KEY,
    etag          TEXT,                    -- validators of the last document fully ingested
    last_modified TEXT,
    last_polled   TEXT,                    -- ISO 8601 UTC
    last_status   INTEGER,                 -- HTTP status of the last poll (NULL: it failed)
    failures      INTEGER NOT NULL DEFAULT 0,   -- consecutive failed polls
    next_poll     REAL NOT NULL DEFAULT 0, -- unix time before which it is not polled again
    last_error    TEXT
) WITHOUT ROWID;
CREATE TABLE follow_seen (                 -- items `follow` has dealt with, by URL key
    key       TEXT PRIMARY KEY,            -- dedup.url_key of the item URL (or its feed id)
    source    TEXT NOT NULL,
    status    TEXT NOT NULL,               -- added | copy | duplicate | failed | retry
    attempts  INTEGER NOT NULL DEFAULT 1,
    seen_at   TEXT NOT NULL
) WITHOUT ROWID;
"""

#: The schema history, oldest first. Append only.
WATCHES = """
CREATE TABLE watches (                     -- saved searches: a digest section each
    name        TEXT PRIMARY KEY,
    query       TEXT NOT NULL,
    person      TEXT,
    place       TEXT,
    created_at  TEXT NOT NULL
);
CREATE INDEX articles_added ON articles(added_at);     -- digest: what came in since
CREATE INDEX articles_language ON articles(language);  -- search facet
CREATE INDEX events_kind ON events(kind);              -- events page filter
"""

# PostgreSQL columns need a type: meta holds counters.
_INITIAL_PG = ddl(INITIAL.replace("    value\n)", "    value INTEGER\n)"))
assert "value BIGINT" in _INITIAL_PG
FACTS_ONCE = """
DROP INDEX article_entities_entity;
ALTER TABLE article_entities RENAME TO article_entities_old;
CREATE TABLE article_entities (            -- an article's entities, in list order
    article_pk  INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,          -- position in the article's entities
    entity_pk   INTEGER REFERENCES entities(pk),  -- NULL: no name to resolve
    local_id    TEXT,                      -- the entity's id inside the article ("e1")
    label       TEXT,
    name        TEXT,
    start       INTEGER, "end" INTEGER,
    aliases     TEXT,                      -- JSON list
    extra       TEXT,                      -- JSON: keys without a column (store.fact_rows)
    PRIMARY KEY (article_pk, seq)
);
CREATE INDEX article_entities_entity ON article_entities(entity_pk);
ALTER TABLE articles ADD COLUMN copyright TEXT;
ALTER TABLE articles ADD COLUMN source TEXT;
ALTER TABLE articles ADD COLUMN page_type TEXT;
ALTER TABLE articles ADD COLUMN meta TEXT;             -- JSON: images, provenance
ALTER TABLE mentions ADD COLUMN entity_seq INTEGER;    -- article_entities.seq of its entity
ALTER TABLE mentions ADD COLUMN seq INTEGER;           -- position in the entity's mentions
ALTER TABLE roles ADD COLUMN entity_seq INTEGER;
ALTER TABLE roles ADD COLUMN seq INTEGER;
ALTER TABLE quotes ADD COLUMN quote_group INTEGER;
ALTER TABLE quotes ADD COLUMN speaker_id TEXT;
ALTER TABLE quotes ADD COLUMN extra TEXT;
ALTER TABLE times ADD COLUMN anchor TEXT;
ALTER TABLE times ADD COLUMN seq INTEGER;
ALTER TABLE times ADD COLUMN extra TEXT;
ALTER TABLE places ADD COLUMN text TEXT;
ALTER TABLE places ADD COLUMN mentions TEXT;           -- JSON list
ALTER TABLE places ADD COLUMN entity_id TEXT;
ALTER TABLE places ADD COLUMN entity_ids TEXT;         -- JSON list
ALTER TABLE places ADD COLUMN admin1 TEXT;
ALTER TABLE places ADD COLUMN population INTEGER;
ALTER TABLE places ADD COLUMN score REAL;
ALTER TABLE places ADD COLUMN how TEXT;
ALTER TABLE places ADD COLUMN seq INTEGER;
ALTER TABLE places ADD COLUMN extra TEXT;
ALTER TABLE events ADD COLUMN trigger_start INTEGER;
ALTER TABLE events ADD COLUMN trigger_end INTEGER;
ALTER TABLE events ADD COLUMN time_id TEXT;
ALTER TABLE events ADD COLUMN when_how TEXT;
ALTER TABLE events ADD COLUMN place_geonameid INTEGER;
ALTER TABLE events ADD COLUMN participant_ids TEXT;    -- JSON list
ALTER TABLE events ADD COLUMN mentions TEXT;           -- JSON list
ALTER TABLE events ADD COLUMN how TEXT;
ALTER TABLE events ADD COLUMN extra TEXT;
DROP INDEX mentions_article;                           -- an article's rows in list order,
CREATE INDEX mentions_article ON mentions(article_pk, entity_seq, seq);   -- no sort needed
DROP INDEX roles_article;
CREATE INDEX roles_article ON roles(article_pk, entity_seq, seq);
DROP INDEX times_article;
CREATE INDEX times_article ON times(article_pk, seq);
DROP INDEX places_article;
CREATE INDEX places_article ON places(article_pk, seq);
"""

FACTS_ONCE_DONE = """
DROP TABLE article_entities_old;
ALTER TABLE articles DROP COLUMN json;
"""


def _store_each_fact_once(conn: sqlite3.Connection) -> None:
    """Facts only in their tables: new columns filled from ``articles.json``, which goes
    (``storyline vacuum`` gives the space back)."""
    from storyline.store.fact_migration import convert

    _run_step(conn, FACTS_ONCE)
    convert(conn)
    _run_step(conn, FACTS_ONCE_DONE)
NAME_INDEX = """
CREATE TABLE name_suffixes (               -- store.names: each word-boundary suffix of every
    suffix      TEXT NOT NULL,             -- folded name the lists filter by (speakers, entity
    name        TEXT NOT NULL,             -- names, event and article places), for prefix
    PRIMARY KEY (suffix, name)             -- range scans
);
CREATE INDEX quotes_speaker_name ON quotes(speaker);
CREATE INDEX entities_name ON entities(name);
CREATE INDEX events_where ON events(where_name);
CREATE INDEX events_country_upper ON events(upper(country_code));
CREATE INDEX places_name ON places(name);
CREATE INDEX places_country_upper ON places(upper(country_code));
"""


def _add_name_index(conn: sqlite3.Connection) -> None:
    from storyline.store.names import index_existing

    _run_step(conn, NAME_INDEX)
    index_existing(conn)


EVENT_PERIODS = """
ALTER TABLE events ADD COLUMN when_start TEXT;         -- store.event_periods: first and last
ALTER TABLE events ADD COLUMN when_end TEXT;           -- ISO day of when_value's period
ALTER TABLE events ADD COLUMN when_rel TEXT;           -- past/future/now for *_REF values
CREATE INDEX events_when_end ON events(when_end);
CREATE INDEX events_when_start ON events(when_start);
CREATE INDEX events_when_rel ON events(when_rel);
"""


def _add_event_periods(conn: sqlite3.Connection) -> None:
    from storyline.store.event_periods import fill

    _run_step(conn, EVENT_PERIODS)
    fill(conn)


OUTLET_COUNTS = """
ALTER TABLE stories ADD COLUMN n_outlets INTEGER NOT NULL DEFAULT 0;  -- distinct outlets of
CREATE INDEX articles_story_outlet ON articles(story_id, outlet);    -- its articles
CREATE INDEX stories_outlets ON stories(n_outlets, last_published, id);
"""


def _add_outlet_counts(conn: sqlite3.Connection) -> None:
    from storyline.store.story_index import recount_outlets

    _run_step(conn, OUTLET_COUNTS)
    recount_outlets(conn)


LIST_ORDER = """
CREATE INDEX stories_recent ON stories(coalesce(last_published, substr(last_seen, 1, 10)),
                                       last_seen);                   -- stories, newest first
CREATE INDEX articles_copy_of ON articles(copy_of);  -- an article's syndicated copies
"""

def _add_first_quotes(conn: sqlite3.Connection) -> None:
    from storyline.store.queries import mark_first_quotes

    # no index on the flag: most quotes are firsts, and the planner would pick it over the
    # selective ones (speaker, story)
    conn.execute("ALTER TABLE quotes ADD COLUMN first_in_story INTEGER NOT NULL DEFAULT 1")
    mark_first_quotes(conn)


def _add_first_events(conn: sqlite3.Connection) -> None:
    from storyline.store.queries import mark_first_events

    conn.execute("ALTER TABLE events ADD COLUMN first_in_group INTEGER NOT NULL DEFAULT 1")
    mark_first_events(conn)


MIGRATIONS: list[tuple[str, Step]] = [
    ("0001_articles_stories_lsh", {"sqlite": INITIAL, "postgresql": _INITIAL_PG}),
    ("0002_fts5_search", {"sqlite": FTS, "postgresql": FTS_PG}),
    ("0003_enrichment_tables", ENRICHMENT),
    ("0004_duplicate_sightings", SIGHTINGS),
    ("0005_story_model", STORY_MODEL),
    ("0006_stories_for_existing_articles", _restory_existing),
    ("0007_watches_and_list_indexes", WATCHES),
    ("0008_raw_page_hashes", RAW_PAGES),
    ("0009_follow_state", FOLLOW),
    ("0010_facts_stored_once", _store_each_fact_once),
    ("0011_name_suffix_index", _add_name_index),
    ("0012_event_periods", _add_event_periods),
    ("0013_story_outlet_counts", _add_outlet_counts),
    ("0014_list_order_indexes", LIST_ORDER),
    ("0015_first_quote_of_story", _add_first_quotes),
    ("0016_first_event_of_story", _add_first_events),
]


# On PostgreSQL the table numbers its rows in a column named as SQLite's implicit rowid,
# so "ORDER BY rowid" (the order applied) reads both.
_MIGRATIONS_TABLE = {
    "sqlite": "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, "
              "applied_at TEXT NOT NULL)",
    "postgresql": "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, "
                  "applied_at TEXT NOT NULL, rowid BIGINT GENERATED ALWAYS AS IDENTITY)",
}


def applied(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations applied, in order (creating the table if needed)."""
    conn.execute(_MIGRATIONS_TABLE[dialect(conn)])
    return [r[0] for r in conn.execute("SELECT name FROM migrations ORDER BY rowid")]


def pending(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations this archive still lacks, without writing anything
    (a read-only connection can ask). Raises ArchiveError for an archive written by a
    newer Storyline."""
    done = ([r[0] for r in conn.execute("SELECT name FROM migrations")]
            if has_table(conn, "migrations") else [])
    _refuse_unknown(done)
    return [name for name, _ in MIGRATIONS if name not in done]


def _refuse_unknown(done: list[str]) -> None:
    known = {name for name, _ in MIGRATIONS}
    unknown = [n for n in done if n not in known]
    if unknown:
        raise ArchiveError(f"archive was written by a newer Storyline (migrations {unknown}); "
                           f"upgrade Storyline to open it")


def _run_step(conn: sqlite3.Connection, step: Step) -> None:
    """Run one step in the caller's transaction: its dialect's variant if it has some (run
    as written), else the portable SQL (translated by ``pg.ddl`` on PostgreSQL)."""
    kind = dialect(conn)
    if isinstance(step, dict):
        step = step[kind]
    elif kind == "postgresql" and not callable(step):
        step = ddl(step)
    if callable(step):
        step(conn)
    elif kind == "postgresql":
        conn.script(step)  # DDL is transactional on PostgreSQL: all at once
    else:
        _run_script(conn, step)


def _run_script(conn: sqlite3.Connection, sql: str) -> None:
    # executescript() would COMMIT our transaction; run statement by statement.
    buf = ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            conn.execute(buf)
            buf = ""
    if buf.strip():
        conn.execute(buf)


def migrate(conn: sqlite3.Connection, *, upto: str | None = None) -> list[str]:
    """Apply every step not yet recorded (or up to and including ``upto``).

    Returns the names applied now. Raises ArchiveError if the archive records a
    migration this version of Storyline does not know (it was written by a newer
    one).
    """
    with write_transaction(conn):  # one creator of the table when processes start together
        done = applied(conn)
    _refuse_unknown(done)
    now: list[str] = []
    for name, step in MIGRATIONS:
        if name in done:
            continue
        with write_transaction(conn):
            if name in applied(conn):  # another process got there first
                continue
            _run_step(conn, step)
            conn.execute("INSERT INTO migrations(name, applied_at) VALUES (?, ?)",
                         (name, _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")))
        now.append(name)
        if name == upto:
            break
    return now
