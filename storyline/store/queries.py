"""Who said what, when and where: queries over the enrichment tables."""
from __future__ import annotations

import datetime as _dt
import json
import re
import sqlite3

import storyline.store.entities as _entities
from storyline.store.event_periods import UPCOMING
from storyline.store.names import name_query
from storyline.store.search import date_filter


def entity(conn: sqlite3.Connection, name: str, *, limit: int = 50) -> dict | None:
    """Everything archived about one entity (found by name or alias, variants of
    spelling included): kind, aliases, roles (with counts), articles, quotes, and
    co-occurring entities with the number of articles they share."""
    pk = _entities.lookup(conn, name)
    if pk is None:
        return None
    ent = conn.execute("SELECT * FROM entities WHERE pk = ?", (pk,)).fetchone()
    aliases = [r[0] for r in conn.execute(
        "SELECT alias FROM entity_aliases WHERE entity_pk = ? ORDER BY alias", (pk,))]
    roles = [dict(r) for r in conn.execute(
        "SELECT role, org, COUNT(DISTINCT article_pk) AS articles FROM roles WHERE entity_pk = ? "
        "GROUP BY role, org ORDER BY articles DESC, role, org NULLS FIRST", (pk,))]
    articles = [dict(r) for r in conn.execute(
        "SELECT a.id, a.title, a.outlet, a.published, a.url, a.story_id FROM articles a "
        "WHERE a.pk IN (SELECT article_pk FROM article_entities WHERE entity_pk = ?) "
        "ORDER BY a.published DESC NULLS LAST, a.pk DESC LIMIT ?", (pk, limit))]
    n_articles = conn.execute("SELECT COUNT(DISTINCT article_pk) FROM article_entities "
                              "WHERE entity_pk = ?", (pk,)).fetchone()[0]
    co = [dict(r) for r in conn.execute(
        "SELECT e.name, e.label, COUNT(DISTINCT b.article_pk) AS articles "
        "FROM article_entities a JOIN article_entities b "
        "  ON a.article_pk = b.article_pk AND b.entity_pk != a.entity_pk "
        "JOIN entities e ON e.pk = b.entity_pk WHERE a.entity_pk = ? "
        "GROUP BY e.pk ORDER BY articles DESC, e.name LIMIT ?", (pk, limit))]
    return {
        "name": ent["name"], "kind": ent["label"], "key": ent["key"], "aliases": aliases,
        "roles": roles, "roles_over_time": roles_over_time(conn, pk),
        "n_articles": n_articles, "articles": articles,
        "stories": entity_stories(conn, pk, limit=limit),
        "quotes": quote_rows(conn, "q.speaker_entity_pk = ?", [pk], limit, oldest_first=True),
        "co_occurring": co,
    }


def roles_over_time(conn: sqlite3.Connection, entity_pk: int) -> list[dict]:
    """An entity's roles in time order: each (role, organisation) with the first and last
    publication dates of the articles that give it, those articles' ids, and ``former``
    when the role is given as a past one ("former", "ex-")."""
    rows = conn.execute(
        "SELECT r.role, r.org, a.id, substr(a.published, 1, 10) AS day FROM roles r "
        "JOIN articles a ON a.pk = r.article_pk WHERE r.entity_pk = ? "
        "ORDER BY a.published IS NULL, day, a.pk", (entity_pk,)).fetchall()
    spans: dict[tuple, dict] = {}
    for role, org, aid, day in rows:
        former = bool(_FORMER.match(role or ""))
        name = _FORMER.sub("", role).strip() if former else role
        key = (name.casefold(), (org or "").casefold(), former)
        cur = spans.setdefault(key, {"role": name, "org": org, "former": former,
                                     "first": day, "last": day, "articles": []})
        if day and (cur["first"] is None or day < cur["first"]):
            cur["first"] = day
        if day and (cur["last"] is None or day > cur["last"]):
            cur["last"] = day
        if aid not in cur["articles"]:
            cur["articles"].append(aid)
    return sorted(spans.values(), key=lambda r: (r["first"] is None, r["first"] or "",
                                                 r["role"].casefold()))


def entity_stories(conn: sqlite3.Connection, entity_pk: int, *, limit: int = 50) -> list[dict]:
    """The stories naming an entity, most articles first: id, label, articles, span."""
    return [dict(r) for r in conn.execute(
        "SELECT s.id, coalesce(s.label, s.title) AS label, COUNT(DISTINCT a.pk) AS articles, "
        "s.first_published, s.last_published FROM article_entities ae "
        "JOIN articles a ON a.pk = ae.article_pk JOIN stories s ON s.id = a.story_id "
        "WHERE ae.entity_pk = ? GROUP BY s.id ORDER BY articles DESC, "
        "s.last_published DESC NULLS LAST "
        "LIMIT ?", (entity_pk, int(limit)))]


_FORMER = re.compile(r"^(?:former|ex-|ex\s|erstwhile|then-)\s*", re.I)

_QUOTE_SELECT = (
    "SELECT q.kind, q.text, q.start, q.\"end\", q.cue, q.speaker, e.name AS speaker_entity, "
    "a.id AS article_id, a.story_id, a.title, a.outlet, a.published, a.url "
    "FROM quotes q JOIN articles a ON a.pk = q.article_pk "
    "LEFT JOIN entities e ON e.pk = q.speaker_entity_pk ")


def quote_rows(conn: sqlite3.Connection, where: str, params: list, limit: int,
               offset: int = 0, *, oldest_first: bool = False,
               by_date: bool = False) -> list[dict]:
    """Quote rows matching the SQL condition ``where`` (over ``q`` quotes, ``a`` articles,
    ``e`` speaker entities), newest article first (or oldest), one per (story, quote text):
    a wire story carried by ten outlets is one quote. ``by_date`` reads the articles in date
    order (index ``articles_published``) and stops at the page: for a condition that keeps
    most quotes; a selective one (a speaker, a story) reads its own quotes first."""
    # NULLS FIRST/LAST spelled out: SQLite's order, which PostgreSQL's default reverses
    order = ("a.published ASC NULLS FIRST, q.pk" if oldest_first
             else "a.published DESC NULLS LAST, q.pk")
    select = _QUOTE_SELECT
    if by_date:
        select = select.replace("FROM quotes q JOIN articles a ON a.pk = q.article_pk",
                                "FROM articles a CROSS JOIN quotes q")
        where = f"q.article_pk = a.pk AND {where}"
    sql = (select + f"WHERE {where} AND {_ONE_PER_STORY} "
           f"ORDER BY {order} LIMIT ? OFFSET ?")
    return [dict(r) for r in conn.execute(sql, params + [int(limit), int(offset)])]


# The first quote (lowest pk) of its text in its story, stored on the quote
# (quotes.first_in_story, see mark_first_quotes) so that a list never checks or groups
# every quote.
_ONE_PER_STORY = "q.first_in_story = 1"


def mark_first_quotes(conn: sqlite3.Connection, article_pk: int | None = None) -> None:
    """Set ``quotes.first_in_story``: 1 for the first quote (lowest pk) of its text among
    its story's articles, else 0; for one article's quotes just stored (a later article
    never holds an earlier quote) or, with no ``article_pk``, for every quote (the
    migration, and after ``restory`` moved articles between stories)."""
    sql = ("UPDATE quotes SET first_in_story = CASE WHEN EXISTS (SELECT 1 FROM articles a "
           "CROSS JOIN articles a2 CROSS JOIN quotes q2 WHERE a.pk = quotes.article_pk "
           "AND a2.story_id = a.story_id AND q2.article_pk = a2.pk AND q2.text = quotes.text "
           "AND q2.pk < quotes.pk) "
           "THEN 0 ELSE 1 END")
    if article_pk is None:
        conn.execute(sql)
    else:
        conn.execute(sql + " WHERE article_pk = ?", (article_pk,))


def _quote_where(conn, speaker, since, until) -> tuple[str, list]:
    where, params = ["TRUE"], []
    if speaker:
        pk = _entities.lookup(conn, speaker)
        # the speaker as written or the resolved entity's name, accent-insensitively,
        # by whole-word prefix ("Tomas", "O Briain" -> "Tomás Ó Briain"), through the index
        names, nparams = name_query(speaker)
        speakers, eparams = f"SELECT pk FROM entities WHERE name IN ({names})", list(nparams)
        if pk is not None:
            speakers += " OR pk = ?"
            eparams.append(pk)
        where.append(f"(q.speaker IN ({names}) OR q.speaker_entity_pk IN ({speakers}))")
        params += nparams + eparams
    cond, extra = date_filter("a.published", since, until)
    if cond:
        where.append(cond)
        params += extra
    return " AND ".join(where), params


def quotes(conn: sqlite3.Connection, *, speaker: str | None = None, since: str | None = None,
           until: str | None = None, limit: int = 100, offset: int = 0) -> list[dict]:
    """Quotes, newest article first, one per story and text; ``speaker`` matches the
    resolved entity (any alias or spelling variant) or the speaker as written / the
    entity's name folded (accents, case, apostrophes ignored) by whole-word prefix.
    ``offset`` skips that many (see :func:`count_quotes`).

    Example: ``quotes(conn, speaker="Bakker", limit=20, offset=20)``"""
    where, params = _quote_where(conn, speaker, since, until)
    return quote_rows(conn, where, params, limit, offset, by_date=not speaker)


def count_quotes(conn: sqlite3.Connection, *, speaker: str | None = None,
                 since: str | None = None, until: str | None = None) -> int:
    """How many rows :func:`quotes` with the same filters returns in all."""
    where, params = _quote_where(conn, speaker, since, until)
    dated = "JOIN articles a ON a.pk = q.article_pk " if since or until else ""
    return conn.execute(f"SELECT COUNT(*) FROM quotes q {dated}"
                        f"WHERE {where} AND {_ONE_PER_STORY}", params).fetchone()[0]


def events(conn: sqlite3.Connection, *, upcoming: bool = False, where: str | None = None,
           limit: int = 100, today: str | None = None, offset: int = 0, kind: str | None = None,
           since: str | None = None, until: str | None = None) -> list[dict]:
    """Events, latest date first, one row per event of a story (the same wire story carried by
    three outlets is one event, with ``reports`` = 3); ``where`` matches the place name (accent-, case- and
    apostrophe-insensitive, by whole-word prefix: "Zurich" finds "Zürich", "Hague" finds
    "The Hague") or a two-letter country code; ``kind`` the event kind ("talks", "vote").

    ``upcoming`` keeps the events still ahead on ``today`` (ISO date, default: today), soonest
    first: those whose date, read as a TIMEX3 value (day, month, year, ISO week, season,
    quarter), ends today or later; FUTURE_REF always, PAST_REF never; and those with status
    "scheduled" whose date cannot be resolved (none, or a value like "XXXX-03"). Dates are
    compared as dates, never as text ("PAST_REF" and "2025-W06" do not sort after a day).
    ``since``/``until`` (ISO dates) keep the events whose period overlaps those days, soonest
    first. ``offset`` skips that many rows (see :func:`count_events`).
    """
    return _events(conn, upcoming, where, today, kind, since, until)(int(offset), int(limit))


def count_events(conn: sqlite3.Connection, *, upcoming: bool = False, where: str | None = None,
                 today: str | None = None, kind: str | None = None, since: str | None = None,
                 until: str | None = None) -> int:
    """How many rows :func:`events` with the same filters returns in all."""
    return _events(conn, upcoming, where, today, kind, since, until)(None, None)


def _events(conn, upcoming, where, today, kind, since, until):
    """A function ``page(offset, limit)``: the rows of that page, or their total when
    ``limit`` is None."""
    cond, params = ["TRUE"], []
    if where:
        names, nparams = name_query(where)
        cond.append(f"(e.where_name IN ({names}) OR upper(e.country_code) = upper(?))")
        params += nparams + [where]
    if kind:
        cond.append("lower(e.kind) = lower(?)")
        params.append(kind)
    dated = bool(upcoming or since or until)  # soonest first (FUTURE_REF, undated last)
    if upcoming:
        day = _dt.date.fromisoformat(today) if today else _dt.date.today()
        cond.append(UPCOMING)
        params.append(day.isoformat())
    if since:
        cond.append("e.when_end >= ?")
        params.append(_dt.date.fromisoformat(since[:10]).isoformat())
    if until:
        # with "upcoming", its own index (periods ending today or later) is the narrow one:
        # `|| ''` keeps the planner off the index on when_start (NULL stays NULL)
        cond.append("e.when_start || '' <= ?" if upcoming else "e.when_start <= ?")
        params.append(_dt.date.fromisoformat(until[:10]).isoformat())
    order = ("ORDER BY when_start IS NULL, when_start, pk " if dated
             else 'ORDER BY "when" DESC NULLS LAST, pk ')
    if not where:  # every filter is on the group's key: its first event stands for it
        return _first_events(conn, cond, params, order)
    # one row per group: the columns of its first event (lowest pk) and how many articles
    # report it; when_start is the same for the whole group (when_value is part of the key)
    body = (f"FROM events e JOIN articles a ON a.pk = e.article_pk WHERE {' AND '.join(cond)} "
            "GROUP BY a.story_id, e.kind, coalesce(e.when_value, ''), "
            "coalesce(e.where_name, ''), e.status ")
    sql = (f"SELECT {_EVENT_COLUMNS}, g.pk AS pk, g.reports AS reports FROM (SELECT MIN(e.pk) "
           f"AS pk, COUNT(DISTINCT a.pk) AS reports {body}) AS g JOIN events e ON e.pk = g.pk "
           "JOIN articles a ON a.pk = e.article_pk ")

    def page(offset, limit):
        if limit is None:
            return conn.execute(f"SELECT COUNT(*) FROM (SELECT 1 {body}) AS grouped",
                                params).fetchone()[0]
        rows = conn.execute(sql + order + "LIMIT ? OFFSET ?",
                            params + [limit, offset]).fetchall()
        return [_event_row(r) for r in rows]
    return page


_EVENT_COLUMNS = (
    "e.kind, e.trigger, e.when_value AS \"when\", e.when_text, e.where_name AS \"where\", "
    "e.country_code, e.participants, e.status, e.start, e.\"end\", a.id AS article_id, "
    "a.story_id, a.title, a.outlet, a.published, coalesce(a.url, a.canonical_url) AS url, "
    "e.when_start")


def _same_event(x: str, y: str) -> str:
    """SQL: events ``x`` and ``y`` have the same key (kind, date, place, status) as the
    lists group them by (NULL kind or status equal to NULL; no date or place equal to "")."""
    return " AND ".join(
        [f"({x}.{c} = {y}.{c} OR ({x}.{c} IS NULL AND {y}.{c} IS NULL))" for c in ("kind",
                                                                                 "status")]
        + [f"coalesce({x}.{c}, '') = coalesce({y}.{c}, '')" for c in ("when_value",
                                                                      "where_name")])


def mark_first_events(conn: sqlite3.Connection, article_pk: int | None = None) -> None:
    """Set ``events.first_in_group``: 1 for the first event (lowest pk) of its key in its
    story, else 0; for one article's events just stored, or (no ``article_pk``) all of them
    (the migration, and after ``restory``). See :func:`mark_first_quotes`."""
    # CROSS JOIN: through the story's articles, never through an index on the event's kind
    sql = ("UPDATE events SET first_in_group = CASE WHEN EXISTS (SELECT 1 FROM articles a "
           "CROSS JOIN articles a2 CROSS JOIN events e2 WHERE a.pk = events.article_pk "
           f"AND a2.story_id = a.story_id AND e2.article_pk = a2.pk "
           f"AND {_same_event('e2', 'events')} "
           "AND e2.pk < events.pk) THEN 0 ELSE 1 END")
    if article_pk is None:
        conn.execute(sql)
    else:
        conn.execute(sql + " WHERE article_pk = ?", (article_pk,))


def _first_events(conn, cond: list[str], params: list, order: str):
    """``_events``'s page function when every condition is on the group's key: the first
    event of each group (stored flag) is its row; the page's rows are picked from the events
    table alone, then read with their articles and ``reports`` (the story's articles
    reporting that event)."""
    where = " AND ".join(cond + ["e.first_in_group = 1"])

    def page(offset, limit):
        if limit is None:
            return conn.execute(f"SELECT COUNT(*) FROM events e WHERE {where}",
                                params).fetchone()[0]
        pks = [r[0] for r in conn.execute(
            f"SELECT e.pk AS pk, e.when_value AS \"when\", e.when_start AS when_start "
            f"FROM events e WHERE {where} {order}LIMIT ? OFFSET ?", params + [limit, offset])]
        if not pks:
            return []
        rows = {r["pk"]: r for r in conn.execute(
            f"SELECT {_EVENT_COLUMNS}, e.pk AS pk, (SELECT COUNT(DISTINCT a3.pk) FROM articles a3 "
            f"CROSS JOIN events e3 WHERE a3.story_id = a.story_id AND e3.article_pk = a3.pk AND "
            f"{_same_event('e3', 'e')}) AS reports FROM events e JOIN articles a "
            f"ON a.pk = e.article_pk WHERE e.pk IN ({','.join('?' * len(pks))})", pks)}
        return [_event_row(rows[pk]) for pk in pks]
    return page


def _event_row(r) -> dict:
    d = dict(r)
    d.pop("pk", None)
    d.pop("when_start", None)
    d["participants"] = json.loads(d["participants"] or "[]")
    return d
