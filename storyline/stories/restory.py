"""Rebuild every story from scratch in one batch pass (after a rule or threshold changed).

Articles are replayed in publication order (undated ones last, then by insertion), each
through the same rule as at ingest (:mod:`storyline.stories.assign`), with vectors computed
afresh from the stored text and entities. A story keeps the id of its first article in that
order. Everything happens in the caller's transaction: a killed rebuild leaves the old stories.

Example::

    with Archive("news.db") as archive:
        counts = archive.restory()     # {"articles": 683, "stories": 171}
"""
from __future__ import annotations

import datetime as _dt
import sqlite3

from storyline.stories.assign import day_of, place, record, vector_of

_BATCH = 500


def _entities(conn: sqlite3.Connection, pk: int) -> list[dict]:
    """The article's entity mentions with labels, as the feature code reads them."""
    rows = conn.execute(
        'SELECT e.label, m.start, m."end" FROM mentions m JOIN entities e ON e.pk = m.entity_pk '
        "WHERE m.article_pk = ?", (pk,)).fetchall()
    return [{"label": r[0], "start": r[1], "end": r[2]} for r in rows]


def rebuild(conn: sqlite3.Connection) -> dict:
    """Reassign every article to a story; returns counts. Call inside a write transaction."""
    conn.execute("PRAGMA defer_foreign_keys = ON")
    conn.execute("DELETE FROM story_terms")
    conn.execute("DELETE FROM article_terms")
    conn.execute("DELETE FROM stories")
    now = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
    order = [r[0] for r in conn.execute(
        "SELECT pk FROM articles ORDER BY substr(published, 1, 10) IS NULL, "
        "substr(published, 1, 10), pk")]
    done: set[int] = set()
    for i in range(0, len(order), _BATCH):
        batch = order[i:i + _BATCH]
        rows = conn.execute(
            f"SELECT pk, id, title, text, published, added_at, copy_of FROM articles "
            f"WHERE pk IN ({','.join('?' * len(batch))})", batch).fetchall()
        by_pk = {r[0]: r for r in rows}
        for pk in batch:
            r = by_pk[pk]
            vec = vector_of(r[2], r[3], _entities(conn, pk))
            day = day_of(r[4])
            copy = r[6] if r[6] in done else None
            story_id, _score = place(conn, vec, day, copy_of_pk=copy, new_story_id=r[1],
                                     title=r[2], seen_at=r[5] or now)
            conn.execute("UPDATE articles SET story_id = ? WHERE pk = ?", (story_id, pk))
            record(conn, pk, story_id, vec, day, r[2])
            done.add(pk)
    stories = conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
    return {"articles": len(order), "stories": stories}
