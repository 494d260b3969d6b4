"""Story assignment: a new article joins the best matching story or starts one.

Incremental and cheap at any archive size (runs inside ``Archive.add``'s transaction):

1. The article's vector (storyline.store.story_vectors) is computed from its title, text and
   entity mentions.
2. **Candidates from an index, never a scan:** for its CANDIDATE_KEYS heaviest terms, the
   POSTINGS_PER_KEY most recent articles holding the term and published within WINDOW_DAYS
   of it (table ``article_terms``, indexed by term and day) give the candidate stories.
3. Each candidate story is scored by the cosine between the article and the story's
   centroid (table ``story_terms``: the sum of its articles' vectors; its squared norm kept in
   ``stories.norm2``), each shared term's share capped at TERM_CAP, less a date penalty ``DATE_PENALTY * log2(1 + gap / 7)`` where the gap
   (days) is measured to the nearest end of the story's span, so the window follows the
   story's latest article and a story can grow for weeks.
4. The best story at or above JOIN_THRESHOLD wins; otherwise the article starts a story.
   A syndicated copy (near-duplicate) always joins the story of the article it copies.

:func:`rebuild` (``storyline restory``) replays the same rule over every article in
publication order, in one transaction: use it after changing a rule or threshold.

Example::

    vec = vector_of(article.title, article.text, article.entities)
    with write_transaction(conn):
        story_id, score = place(conn, vec, day, copy_of_pk=None, new_story_id=article.id,
                                title=article.title, seen_at=now)
        pk = ...  # insert the article row with story_id
        record(conn, pk, story_id, vec, day, article.title)
"""
from __future__ import annotations

import datetime as _dt
import math
import sqlite3
from dataclasses import dataclass
from functools import lru_cache

from storyline.rules import stories as rules
from storyline.store.db import defer_foreign_keys
from storyline.store.story_vectors import article_vector, cosine, entity_spans_of

#: Articles read at a time by :func:`rebuild`.
_BATCH = 500


@dataclass
class Choice:
    """The story picked for an article: ``story_id`` None means a new story."""

    story_id: str | None
    score: float | None = None


def day_of(published: str | None) -> str | None:
    """The ``YYYY-MM-DD`` day of an ISO date or date-time, else None."""
    if not published or len(published) < 10:
        return None
    try:
        return _dt.date.fromisoformat(published[:10]).isoformat()
    except ValueError:
        return None


def _days(a: str, b: str) -> int:
    return abs((_dt.date.fromisoformat(a) - _dt.date.fromisoformat(b)).days)


def _window(day: str) -> tuple[str, str]:
    d = _dt.date.fromisoformat(day)
    delta = _dt.timedelta(days=rules.WINDOW_DAYS)
    try:
        lo = (d - delta).isoformat()
    except OverflowError:
        lo = _dt.date.min.isoformat()
    try:
        hi = (d + delta).isoformat()
    except OverflowError:
        hi = _dt.date.max.isoformat()
    return lo, hi


def vector_of(title: str | None, text: str | None, entities: list[dict] | None) -> dict[str, float]:
    """The article's term vector for story matching."""
    return article_vector(title, text, entity_spans=entity_spans_of(entities))


def capped_cosine(products: list[float], norm2: float) -> float:
    """Cosine with a centroid of squared norm ``norm2`` from the per-term products of the
    shared terms, each term's share capped at TERM_CAP: no single word makes a story."""
    norm = math.sqrt(norm2)
    return sum(min(rules.TERM_CAP, p / norm) for p in products)


def date_penalty(gap_days: int) -> float:
    """How much cosine a story loses per day between it and the article (log scale)."""
    return rules.DATE_PENALTY * math.log2(1 + gap_days / 7)


def gap_to_span(day: str | None, first: str | None, last: str | None) -> int:
    """Days from ``day`` to the nearest end of a story's span (0 inside it or undated)."""
    if not day or not first or not last:
        return 0
    if first <= day <= last:
        return 0
    return min(_days(day, first), _days(day, last))


def candidate_stories(conn: sqlite3.Connection, vec: dict[str, float], day: str | None) -> list[str]:
    """Ids of stories sharing one of the article's heaviest terms, from the postings index."""
    keys = sorted(vec, key=lambda t: (-vec[t], t))[:rules.CANDIDATE_KEYS]
    pks: set[int] = set()
    for term in keys:
        if day:
            lo, hi = _window(day)
            rows = conn.execute(
                "SELECT article_pk FROM article_terms WHERE term = ? AND day BETWEEN ? AND ? "
                "ORDER BY day DESC LIMIT ?", (term, lo, hi, rules.POSTINGS_PER_KEY)).fetchall()
            rows += conn.execute(
                "SELECT article_pk FROM article_terms WHERE term = ? AND day IS NULL "
                "ORDER BY article_pk DESC LIMIT ?", (term, rules.POSTINGS_PER_KEY)).fetchall()
        else:
            rows = conn.execute(
                "SELECT article_pk FROM article_terms WHERE term = ? "
                "ORDER BY day DESC NULLS LAST, article_pk DESC LIMIT ?",
                (term, rules.POSTINGS_PER_KEY)).fetchall()
        pks.update(r[0] for r in rows)
    if not pks:
        return []
    marks = ",".join("?" * len(pks))
    rows = conn.execute(f"SELECT story_id, MAX(pk) FROM articles WHERE pk IN ({marks}) "
                        f"GROUP BY story_id ORDER BY MAX(pk) DESC LIMIT ?",
                        [*pks, rules.MAX_CANDIDATE_STORIES]).fetchall()
    return [r[0] for r in rows]


@lru_cache(maxsize=100_000)
def headline_vector(title: str) -> dict[str, float]:
    """A headline's term vector (cached: candidate stories' headlines recur from one article
    to the next)."""
    return article_vector(title, None)


def _title_matches(conn: sqlite3.Connection, stories: list[str], title: str | None) -> set[str]:
    """The candidate stories holding an article whose headline is nearly the same as
    ``title`` (cosine of the headline vectors >= TITLE_MATCH; its latest TITLE_ARTICLES)."""
    tvec = headline_vector(title) if title else {}
    if len(tvec) < rules.TITLE_MIN_TERMS:
        return set()
    out = set()
    for sid in stories:
        # index articles_story: the story's latest headlines, however long the story
        for (other,) in conn.execute(
                "SELECT title FROM articles WHERE story_id = ? AND title IS NOT NULL "
                "AND title != '' ORDER BY pk DESC LIMIT ?", (sid, rules.TITLE_ARTICLES)):
            if cosine(tvec, headline_vector(other)) >= rules.TITLE_MATCH:
                out.add(sid)
                break
    return out


def choose(conn: sqlite3.Connection, vec: dict[str, float], day: str | None,
           title: str | None = None) -> Choice:
    """The story an article with this vector, day and headline joins (``story_id`` None: a
    new one). A story holding a nearly identical headline qualifies whatever the bodies say
    (crawled bodies can be page furniture), if the date penalty leaves it the threshold."""
    if not vec:
        return Choice(None)
    stories = candidate_stories(conn, vec, day)
    if not stories:
        return Choice(None)
    terms = list(vec)
    smarks, tmarks = ",".join("?" * len(stories)), ",".join("?" * len(terms))
    shared: dict[str, list[float]] = {}
    for sid, term, weight in conn.execute(
            f"SELECT story_id, term, weight FROM story_terms WHERE story_id IN ({smarks}) "
            f"AND term IN ({tmarks})", [*stories, *terms]):
        shared.setdefault(sid, []).append(weight * vec[term])
    same_title = _title_matches(conn, stories, title)
    best = Choice(None)
    for row in conn.execute(f"SELECT id, norm2, first_published, last_published FROM stories "
                            f"WHERE id IN ({smarks})", stories):
        if not row[1] or (row[0] not in shared and row[0] not in same_title):
            continue
        penalty = date_penalty(gap_to_span(day, row[2], row[3]))
        score = capped_cosine(shared.get(row[0], []), row[1]) - penalty
        if row[0] in same_title:
            score = max(score, rules.JOIN_THRESHOLD + rules.TITLE_MATCH_BONUS - penalty)
        if score >= rules.JOIN_THRESHOLD and (best.score is None or score > best.score):
            best = Choice(row[0], score)
    return best


def record(conn: sqlite3.Connection, article_pk: int, story_id: str, vec: dict[str, float],
           day: str | None, title: str | None) -> None:
    """Add the article to the story's index rows: postings, centroid, span, label."""
    conn.executemany("INSERT INTO article_terms(article_pk, term, weight, day) "
                     "VALUES (?,?,?,?) ON CONFLICT(article_pk, term) DO UPDATE SET "
                     "weight = excluded.weight, day = excluded.day",
                     [(article_pk, t, w, day) for t, w in vec.items()])
    old = dict(conn.execute(
        f"SELECT term, weight FROM story_terms WHERE story_id = ? AND term IN "
        f"({','.join('?' * len(vec))})", [story_id, *vec]).fetchall()) if vec else {}
    delta = sum(2 * old.get(t, 0.0) * w + w * w for t, w in vec.items())
    conn.executemany("INSERT INTO story_terms(story_id, term, weight) VALUES (?,?,?) "
                     "ON CONFLICT(story_id, term) DO UPDATE SET "
                     "weight = story_terms.weight + excluded.weight",
                     [(story_id, t, w) for t, w in vec.items()])
    conn.execute(
        "UPDATE stories SET norm2 = norm2 + ?, "
        "first_published = CASE WHEN ? IS NULL THEN first_published WHEN first_published IS NULL "
        "  OR ? < first_published THEN ? ELSE first_published END, "
        "last_published = CASE WHEN ? IS NULL THEN last_published WHEN last_published IS NULL "
        "  OR ? > last_published THEN ? ELSE last_published END "
        "WHERE id = ?", (delta, day, day, day, day, day, day, story_id))
    _update_label(conn, story_id, article_pk, title)


def count_outlet(conn: sqlite3.Connection, article_pk: int) -> None:
    """``stories.n_outlets`` (what ``stories --by outlets`` sorts by) after the article's row
    is stored in its story: one more when no other article of the story has its outlet."""
    conn.execute(
        "UPDATE stories SET n_outlets = n_outlets + 1 WHERE id = (SELECT a.story_id "
        "FROM articles a WHERE a.pk = ? AND a.outlet IS NOT NULL AND NOT EXISTS (SELECT 1 "
        "FROM articles b WHERE b.story_id = a.story_id AND b.outlet = a.outlet "
        "AND b.pk != a.pk))", (article_pk,))


def recount_outlets(conn: sqlite3.Connection) -> None:
    """Every story's ``n_outlets`` counted afresh (after :func:`rebuild`)."""
    conn.execute("UPDATE stories SET n_outlets = (SELECT COUNT(DISTINCT outlet) FROM articles a "
                 "WHERE a.story_id = stories.id)")


def _update_label(conn: sqlite3.Connection, story_id: str, article_pk: int,
                  title: str | None) -> None:
    """The story's label: the title of its article closest to the centroid (exact while the
    story is small; for a large story the new article replaces the label only if closer)."""
    n = conn.execute("SELECT n_articles FROM stories WHERE id = ?", (story_id,)).fetchone()[0]
    if n <= rules.LABEL_EXACT_UP_TO:
        pks = None
    else:
        cur = conn.execute("SELECT label_pk FROM stories WHERE id = ?", (story_id,)).fetchone()[0]
        pks = [p for p in (cur, article_pk) if p is not None]
    scores = representative(conn, story_id, pks)
    if scores:
        pk = max(scores, key=lambda p: (scores[p], -p))
        label = conn.execute("SELECT title FROM articles WHERE pk = ?", (pk,)).fetchone()[0]
        conn.execute("UPDATE stories SET label = ?, label_pk = ? WHERE id = ?",
                     (label, pk, story_id))
    elif title:
        conn.execute("UPDATE stories SET label = coalesce(label, ?), "
                     "label_pk = coalesce(label_pk, ?) WHERE id = ?", (title, article_pk, story_id))


def representative(conn: sqlite3.Connection, story_id: str,
                   pks: list[int] | None = None) -> dict[int, float]:
    """article pk -> dot product with the story centroid, for titled articles of the story
    (or only ``pks``)."""
    where, params = "a.story_id = ? AND a.title IS NOT NULL AND a.title != ''", [story_id]
    if pks is not None:
        where += f" AND a.pk IN ({','.join('?' * len(pks))})"
        params += pks
    rows = conn.execute(
        "SELECT at.article_pk, SUM(at.weight * st.weight) FROM articles a "
        "JOIN article_terms at ON at.article_pk = a.pk "
        "JOIN story_terms st ON st.story_id = a.story_id AND st.term = at.term "
        f"WHERE {where} GROUP BY at.article_pk", params).fetchall()
    # rounded: a sum's last bits depend on the order the database adds in, which no
    # label should (ties then go to the lowest pk on every backend)
    return {r[0]: round(r[1], rules.SCORE_DECIMALS) for r in rows}


def place(conn: sqlite3.Connection, vec: dict[str, float], day: str | None, *,
          copy_of_pk: int | None, new_story_id: str, title: str | None,
          seen_at: str) -> tuple[str, float | None]:
    """The story an article joins, created when it starts one (id ``new_story_id``), its
    article count and last-seen time updated; returns (story id, score). Call before the
    article row is inserted, then :func:`record` after. Runs in the caller's transaction."""
    story_id, score = None, None
    if copy_of_pk is not None:
        row = conn.execute("SELECT story_id FROM articles WHERE pk = ?", (copy_of_pk,)).fetchone()
        story_id = row[0] if row else None
    if story_id is None:
        picked = choose(conn, vec, day, title)
        story_id, score = picked.story_id, picked.score
    if story_id is None:
        story_id = new_story_id
        conn.execute("INSERT INTO stories(id, title, first_seen, last_seen, n_articles, norm2) "
                     "VALUES (?,?,?,?,0,0)", (story_id, title, seen_at, seen_at))
    conn.execute("UPDATE stories SET n_articles = n_articles + 1, last_seen = ? WHERE id = ?",
                 (seen_at, story_id))
    return story_id, score


# ------------------------------------------------------------------ rebuild (restory)

def _mention_spans(conn: sqlite3.Connection, pk: int) -> list[dict]:
    """The article's stored entity mentions with labels, as the vector code reads them."""
    rows = conn.execute(
        'SELECT e.label, m.start, m."end" FROM mentions m JOIN entities e ON e.pk = m.entity_pk '
        "WHERE m.article_pk = ?", (pk,)).fetchall()
    return [{"label": r[0], "start": r[1], "end": r[2]} for r in rows]


def rebuild(conn: sqlite3.Connection) -> dict:
    """Rebuild every story from scratch (``storyline restory``): articles replayed in
    publication order (undated ones last, then by insertion), each through the same rule as
    at ingest with its vector computed afresh from the stored text and entity mentions; a
    story keeps the id of its first article in that order. Runs in the caller's write
    transaction, so a killed rebuild leaves the old stories. Returns counts.

    Example::

        with write_transaction(conn):
            rebuild(conn)          # {"articles": 683, "stories": 171}
    """
    defer_foreign_keys(conn)
    for table in ("story_terms", "article_terms", "stories"):
        conn.execute(f"DELETE FROM {table}")
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
            _pk, aid, title, text, published, added_at, copy_of = by_pk[pk]
            vec = vector_of(title, text, _mention_spans(conn, pk))
            day = day_of(published)
            story_id, _score = place(conn, vec, day,
                                     copy_of_pk=copy_of if copy_of in done else None,
                                     new_story_id=aid, title=title, seen_at=added_at or now)
            conn.execute("UPDATE articles SET story_id = ? WHERE pk = ?", (story_id, pk))
            record(conn, pk, story_id, vec, day, title)
            done.add(pk)
    stories = conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
    return {"articles": len(order), "stories": stories}
