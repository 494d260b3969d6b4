"""What a story is, the list of stories, and "More on this topic": read-only queries.

Each function takes an open connection and returns plain dicts (what ``--format json``
prints and the web pages render).

Example::

    >>> stories = list_stories(conn, about="Geneva talks", limit=5)
    >>> detail = story_detail(conn, stories["items"][0]["id"], as_of="2021-12-31")
    >>> [(e["date"], e["status"]) for e in detail["timeline"]][:2]
"""
from __future__ import annotations

import datetime as _dt
import json
import re
import sqlite3

from storyline.enrich.event_dates import timex_range, timex_relation
from storyline.rules import stories as rules
import storyline.store.entities as _entities
from storyline.store.names import name_query
from storyline.store.queries import quote_rows
from storyline.store.search import FTS_SOURCE, fts_query, match_condition

#: Entity labels listed under each heading of a story's key entities.
ENTITY_HEADINGS = {"people": ("PERSON",), "organisations": ("ORG",),
                   "places": ("GPE", "LOC", "FAC")}
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘'(\[]?[A-Z0-9])|\n+")


def _today(as_of: str | _dt.date | None) -> _dt.date:
    if isinstance(as_of, _dt.date):
        return as_of
    return _dt.date.fromisoformat(as_of[:10]) if as_of else _dt.date.today()


def story_id_for(conn: sqlite3.Connection, key: str) -> str | None:
    """The story id for a story id, or for the id (unique prefix) of one of its articles."""
    row = conn.execute("SELECT id FROM stories WHERE id = ?", (key,)).fetchone()
    if row:
        return row[0]
    key = (key or "").strip()
    if len(key) < 4:
        return None
    rows = conn.execute("SELECT DISTINCT story_id FROM articles WHERE id >= ? AND id < ? LIMIT 2",
                        (key, key + "\uffff")).fetchall()
    return rows[0][0] if len(rows) == 1 else None


# --------------------------------------------------------------------------- lists

def _summaries(conn: sqlite3.Connection, ids: list[str]) -> list[dict]:
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    outlets: dict[str, list[str]] = {}
    for sid, outlet in conn.execute(
            f"SELECT DISTINCT story_id, outlet FROM articles WHERE story_id IN ({marks}) "
            f"AND outlet IS NOT NULL ORDER BY outlet", ids):
        outlets.setdefault(sid, []).append(outlet)
    rows = {r["id"]: r for r in conn.execute(
        f"SELECT id, label, title, first_seen, last_seen, first_published, last_published, "
        f"n_articles FROM stories WHERE id IN ({marks})", ids)}
    out = []
    for sid in ids:
        r = rows.get(sid)
        if r is None:
            continue
        out.append({"id": sid, "label": r["label"] or r["title"],
                    "first_published": r["first_published"],
                    "last_published": r["last_published"], "first_seen": r["first_seen"],
                    "last_seen": r["last_seen"], "n_articles": r["n_articles"],
                    "n_outlets": len(outlets.get(sid, [])), "outlets": outlets.get(sid, [])})
    return out


def list_stories(conn: sqlite3.Connection, *, since: str | None = None, until: str | None = None,
                 about: str | None = None, person: str | None = None, place: str | None = None,
                 order: str = "recent", limit: int = 20, offset: int = 0) -> dict:
    """Stories, newest first (``order="recent"``: by latest article) or by how many outlets
    carried them (``"outlets"``), filtered by their span (``since``/``until``, ISO dates),
    a full-text query (``about``), a person or a place they name. Returns ``{"total",
    "items"}``; each item: id, label, first/last published and seen, n_articles, n_outlets,
    outlets."""
    where, params = ["TRUE"], []
    if since:
        where.append("coalesce(s.last_published, substr(s.last_seen, 1, 10)) >= ?")
        params.append(since[:10])
    if until:
        where.append("coalesce(s.first_published, substr(s.first_seen, 1, 10)) <= ?")
        params.append(until[:10])
    if about:
        match = fts_query(about)
        if not match:
            return {"total": 0, "items": []}
        where.append(f"s.id IN (SELECT a.story_id FROM {FTS_SOURCE} "
                     f"WHERE {match_condition(conn)})")
        params.append(match)
    if person:
        pk = _entities.lookup(conn, person)
        if pk is None:
            return {"total": 0, "items": []}
        where.append("s.id IN (SELECT a.story_id FROM article_entities ae JOIN articles a "
                     "ON a.pk = ae.article_pk WHERE ae.entity_pk = ?)")
        params.append(pk)
    if place:
        names, nparams = name_query(place)
        where.append(f"s.id IN (SELECT a.story_id FROM places p JOIN articles a "
                     f"ON a.pk = p.article_pk WHERE p.name IN ({names}) "
                     f"OR upper(p.country_code) = upper(?))")
        params += nparams + [place]
    cond = " AND ".join(where)
    total = conn.execute(f"SELECT COUNT(*) FROM stories s WHERE {cond}", params).fetchone()[0]
    if order == "outlets":
        sort = "s.n_outlets DESC, s.last_published DESC NULLS LAST"  # story_index.count_outlet
    else:
        sort = ("coalesce(s.last_published, substr(s.last_seen, 1, 10)) DESC NULLS LAST, "
                "s.last_seen DESC NULLS LAST")
    ids = [r[0] for r in conn.execute(
        f"SELECT s.id FROM stories s WHERE {cond} ORDER BY {sort}, s.id LIMIT ? OFFSET ?",
        params + [int(limit), int(offset)])]
    return {"total": total, "items": _summaries(conn, ids)}


# --------------------------------------------------------------------------- one story

def _key_entities(conn: sqlite3.Connection, story_id: str) -> dict:
    out = {}
    for heading, labels in ENTITY_HEADINGS.items():
        marks = ",".join("?" * len(labels))
        rows = conn.execute(
            f"SELECT e.pk, e.name, e.label, COUNT(DISTINCT ae.article_pk) AS articles "
            f"FROM article_entities ae JOIN articles a ON a.pk = ae.article_pk "
            f"JOIN entities e ON e.pk = ae.entity_pk WHERE a.story_id = ? AND e.label IN ({marks}) "
            f"GROUP BY e.pk ORDER BY articles DESC, e.name LIMIT ?",
            [story_id, *labels, rules.STORY_TOP_ENTITIES]).fetchall()
        items = [{"name": r["name"], "kind": r["label"], "articles": r["articles"]} for r in rows]
        if heading == "places":
            for item, r in zip(items, rows):
                geo = conn.execute(
                    "SELECT country_code, lat, lon FROM places p JOIN articles a "
                    "ON a.pk = p.article_pk WHERE a.story_id = ? AND p.entity_pk = ? "
                    "AND p.lat IS NOT NULL LIMIT 1", (story_id, r["pk"])).fetchone()
                item.update({"country_code": geo[0], "lat": geo[1], "lon": geo[2]} if geo else
                            {"country_code": None, "lat": None, "lon": None})
        out[heading] = items
    return out


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` holding the characters ``start:end``."""
    lo = 0
    for m in _SENTENCE_END.finditer(text, 0, min(len(text), max(0, start) + 2)):
        if m.end() <= start:
            lo = m.end()
    m = _SENTENCE_END.search(text, max(end, start))
    hi = m.start() if m else len(text)
    return " ".join(text[lo:hi].split())


def _sort_key(value: str | None):
    rng = timex_range(value)
    return (rng is None, rng[0] if rng else _dt.date.max, value or "")


def timeline(conn: sqlite3.Connection, story_id: str, *,
             as_of: str | _dt.date | None = None) -> list[dict]:
    """The dated facts of a story's articles in calendar order: events (kind, where, who)
    and resolved time expressions with the sentence that holds them. The same fact
    reported by several articles is one entry with several ``sources``; ``status`` is
    "scheduled" when it is still ahead on ``as_of`` (default today), else "past"."""
    today = _today(as_of)
    texts: dict[int, str] = {}

    def text_of(pk: int) -> str:
        if pk not in texts:
            texts[pk] = conn.execute("SELECT text FROM articles WHERE pk = ?", (pk,)).fetchone()[0]
        return texts[pk]

    entries: dict[tuple, dict] = {}
    event_sentences: set[tuple[int, str]] = set()

    def add(key: tuple, entry: dict, source: dict) -> None:
        cur = entries.setdefault(key, {**entry, "sources": []})
        if all(s["article_id"] != source["article_id"] for s in cur["sources"]):
            cur["sources"].append(source)

    for r in conn.execute(
            'SELECT e.kind, e.trigger, e.when_value, e.when_text, e.where_name, e.country_code, '
            'e.participants, e.start, e."end", a.pk, a.id, a.outlet, a.published, a.url '
            'FROM events e JOIN articles a ON a.pk = e.article_pk WHERE a.story_id = ? '
            'AND e.when_value IS NOT NULL '
            'ORDER BY a.published NULLS FIRST, a.pk, e.start NULLS FIRST', (story_id,)):
        if timex_range(r["when_value"]) is None:
            continue
        sentence = sentence_at(text_of(r["pk"]), r["start"] or 0, r["start"] or 0)
        event_sentences.add((r["pk"], sentence))
        key = ("event", r["kind"], r["when_value"], (r["where_name"] or "").casefold())
        add(key, {"date": r["when_value"], "kind": "event", "event": r["kind"],
                  "text": r["when_text"] or r["trigger"], "trigger": r["trigger"],
                  "where": r["where_name"], "country_code": r["country_code"],
                  "participants": json.loads(r["participants"] or "[]"), "sentence": sentence},
            {"article_id": r["id"], "outlet": r["outlet"], "published": r["published"],
             "url": r["url"]})
    for r in conn.execute(
            'SELECT t.text AS ttext, t.value, t.type, t.start, t."end", a.pk, a.id, a.outlet, '
            'a.published, a.url FROM times t JOIN articles a ON a.pk = t.article_pk '
            'WHERE a.story_id = ? AND t.type IN (\'DATE\', \'TIME\') AND t.value IS NOT NULL '
            'ORDER BY a.published NULLS FIRST, a.pk, t.start NULLS FIRST', (story_id,)):
        if timex_range(r["value"]) is None or r["start"] is None:
            continue
        sentence = sentence_at(text_of(r["pk"]), r["start"], r["end"])
        if (r["pk"], sentence) in event_sentences:
            continue  # the event entry already shows this sentence
        key = ("time", r["value"], " ".join(sentence.casefold().split()))
        add(key, {"date": r["value"], "kind": "time", "text": r["ttext"], "sentence": sentence},
            {"article_id": r["id"], "outlet": r["outlet"], "published": r["published"],
             "url": r["url"]})
    out = sorted(entries.values(), key=lambda e: (_sort_key(e["date"]), e["kind"] != "event"))
    for e in out:
        relation = timex_relation(e["date"], today)
        e["status"] = "scheduled" if relation == "future" else (
            "now" if relation == "now" else "past")
        e["n_sources"] = len(e["sources"])
    return out


def story_detail(conn: sqlite3.Connection, story_id: str, *,
                 as_of: str | _dt.date | None = None, quotes_limit: int = 100) -> dict:
    """Everything about one story (see docs/schema.md, "Story"): label, span, articles with
    outlets and dates, key people/organisations/places ranked by how many articles name
    them, quotes, and the timeline as of ``as_of``."""
    s = conn.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
    arts = [dict(r) for r in conn.execute(
        "SELECT id, outlet, url, canonical_url, published, title, wire, added_at FROM articles "
        "WHERE story_id = ? ORDER BY published NULLS FIRST, pk", (story_id,))]
    seen = [dict(r) for r in conn.execute(
        "SELECT a.id, s.outlet, s.url, s.published, s.seen_at FROM sightings s "
        "JOIN articles a ON a.pk = s.article_pk WHERE a.story_id = ? ORDER BY s.seen_at",
        (story_id,))]
    outlets = sorted({a["outlet"] for a in arts + seen if a["outlet"]})
    return {
        "id": s["id"], "label": s["label"] or s["title"], "title": s["title"],
        "first_published": s["first_published"], "last_published": s["last_published"],
        "first_seen": s["first_seen"], "last_seen": s["last_seen"],
        "n_articles": len(arts), "n_outlets": len(outlets), "outlets": outlets,
        "articles": arts, "also_seen": seen,
        "entities": _key_entities(conn, story_id),
        "quotes": quote_rows(conn, "a.story_id = ?", [story_id], quotes_limit, oldest_first=True),
        "as_of": _today(as_of).isoformat(),
        "timeline": timeline(conn, story_id, as_of=as_of),
    }


# --------------------------------------------------------------------------- related

def _vector(conn: sqlite3.Connection, pk: int) -> dict[str, float]:
    return dict(conn.execute("SELECT term, weight FROM article_terms WHERE article_pk = ?",
                             (pk,)).fetchall())


def related(conn: sqlite3.Connection, article_pk: int, *, limit: int = rules.RELATED_LIMIT) -> dict:
    """"More on this topic" for one article: the other articles of its story (oldest first),
    then the closest articles of other stories, ranked by shared wording and names, each with
    the reasons (shared names, same event)."""
    me = conn.execute("SELECT pk, id, story_id, published FROM articles WHERE pk = ?",
                      (article_pk,)).fetchone()
    same = [dict(r) for r in conn.execute(
        "SELECT id, title, outlet, published, url FROM articles WHERE story_id = ? AND pk != ? "
        "ORDER BY published NULLS FIRST, pk", (me["story_id"], article_pk))]
    vec = _vector(conn, article_pk)
    keys = sorted(vec, key=lambda t: (-vec[t], t))[:rules.CANDIDATE_KEYS]
    candidates: set[int] = set()
    for term in keys:
        candidates.update(r[0] for r in conn.execute(
            "SELECT at.article_pk FROM article_terms at JOIN articles a ON a.pk = at.article_pk "
            "WHERE at.term = ? AND a.story_id != ? ORDER BY at.day DESC NULLS LAST LIMIT ?",
            (term, me["story_id"], rules.POSTINGS_PER_KEY)))
    labels = sorted(rules.RELATED_ENTITY_LABELS)
    my_entities = {r[0]: r[1] for r in conn.execute(
        "SELECT ae.entity_pk, e.name FROM article_entities ae JOIN entities e "
        f"ON e.pk = ae.entity_pk WHERE ae.article_pk = ? AND e.label IN "
        f"({','.join('?' * len(labels))})", (article_pk, *labels))}
    for epk in list(my_entities)[:rules.RELATED_ENTITY_KEYS]:
        candidates.update(r[0] for r in conn.execute(
            "SELECT ae.article_pk FROM article_entities ae JOIN articles a "
            "ON a.pk = ae.article_pk WHERE ae.entity_pk = ? AND a.story_id != ? "
            "ORDER BY ae.article_pk DESC LIMIT ?", (epk, me["story_id"], rules.POSTINGS_PER_KEY)))
    my_events = {(r[0], r[1]) for r in conn.execute(
        "SELECT kind, when_value FROM events WHERE article_pk = ? AND when_value IS NOT NULL",
        (article_pk,))}
    # what each candidate shares with the article, read in one query per kind of evidence
    pks = sorted(candidates)
    marks = ",".join("?" * len(pks))
    dots: dict[int, float] = {}
    if pks and vec:
        for pk, term, weight in conn.execute(
                f"SELECT article_pk, term, weight FROM article_terms WHERE article_pk IN ({marks}) "
                f"AND term IN ({','.join('?' * len(vec))})", [*pks, *vec]):
            dots[pk] = dots.get(pk, 0.0) + weight * vec[term]
    shared_names: dict[int, set[str]] = {}
    if pks and my_entities:
        for pk, epk in conn.execute(
                f"SELECT article_pk, entity_pk FROM article_entities WHERE article_pk IN ({marks}) "
                f"AND entity_pk IN ({','.join('?' * len(my_entities))})", [*pks, *my_entities]):
            shared_names.setdefault(pk, set()).add(my_entities[epk])
    shared_events: dict[int, set[str]] = {}
    if pks and my_events:
        for pk, kind, when in conn.execute(
                f"SELECT article_pk, kind, when_value FROM events WHERE article_pk IN ({marks}) "
                f"AND when_value IS NOT NULL", pks):
            if (kind, when) in my_events:
                shared_events.setdefault(pk, set()).add(f"{kind} {when}")
    scored = []
    for pk in pks:
        names = sorted(shared_names.get(pk, ()))
        events = sorted(shared_events.get(pk, ()))
        score = dots.get(pk, 0.0) + rules.RELATED_NAME_BONUS * min(len(names),
                                                                   rules.RELATED_MAX_NAMES)
        if events:
            score += rules.RELATED_EVENT_BONUS
        if score < rules.RELATED_MIN_SCORE:
            continue
        reasons = []
        if events:
            reasons.append("same event: " + "; ".join(events[:3]))
        if names:
            reasons.append("shared names: " + ", ".join(names[:5]))
        if not reasons:
            reasons.append("similar wording")
        scored.append((score, pk, reasons))
    scored.sort(key=lambda x: (-x[0], -x[1]))
    other_rows = []
    for score, pk, reasons in scored[:int(limit)]:
        r = conn.execute("SELECT a.id, a.title, a.outlet, a.published, a.url, a.story_id, "
                         "s.label FROM articles a JOIN stories s ON s.id = a.story_id "
                         "WHERE a.pk = ?", (pk,)).fetchone()
        other_rows.append({**dict(r), "story_label": r["label"], "score": round(score, 3),
                           "reasons": reasons})
        other_rows[-1].pop("label", None)
    return {"article_id": me["id"], "story_id": me["story_id"], "same_story": same,
            "other": other_rows}
