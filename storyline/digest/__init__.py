"""The digest: what is new in the archive since a moment, as a twice-a-day newsletter.

Sections: stories that grew (new outlets carried them), new quotes (of watched people
when watches name people), new events, what is scheduled next, and one section per
watch (saved search). "New" means archived since then (``articles.added_at``).

Example::

    d = build(archive, since="12h", watch_names=["port"])
    d["stories"][0]["new_outlets"], [w["name"] for w in d["watches"]]
"""
from __future__ import annotations

import datetime as _dt
import re

from storyline.errors import InputError
from storyline.rules import web as R

_RELATIVE = re.compile(r"^\s*(\d{1,6})\s*([a-z])\s*$", re.I)


def parse_since(text: str, now: _dt.datetime) -> _dt.datetime:
    """``12h``, ``30m``, ``2d``, ``1w`` before ``now``, or an ISO date / date-time (UTC
    when it names no zone)."""
    from storyline.extract.core import parse_iso

    m = _RELATIVE.match(text or "")
    if m and m.group(2).lower() in R.DIGEST_UNITS:
        try:
            return now - _dt.timedelta(seconds=int(m.group(1)) * R.DIGEST_UNITS[m.group(2).lower()])
        except OverflowError:
            raise InputError(f"--since {text!r} reaches before the year 1") from None
    moment = parse_iso(text or "")
    if moment is None:
        raise InputError(f"--since {text!r} is neither a span like 12h, 2d, 1w nor an ISO "
                         f"date like 2021-12-31")
    if not isinstance(moment, _dt.datetime):
        moment = _dt.datetime.combine(moment, _dt.time())
    return moment if moment.tzinfo else moment.replace(tzinfo=_dt.timezone.utc)


def _grown_stories(conn, start: str) -> list[dict]:
    rows = conn.execute(
        "SELECT s.id AS story_id, s.title, COUNT(*) AS new_articles FROM articles a "
        "JOIN stories s ON s.id = a.story_id WHERE a.added_at >= ? GROUP BY s.id",
        (start,)).fetchall()
    out = []
    for r in rows:
        before, since = set(), set()
        for outlet, is_new in conn.execute(
                "SELECT DISTINCT outlet, added_at >= ? FROM articles WHERE story_id = ? "
                "AND outlet IS NOT NULL", (start, r["story_id"])):
            (since if is_new else before).add(outlet)
        new = sorted(since - before)
        if new:
            out.append({"id": r["story_id"], "label": r["title"], "new_articles": r[2],
                        "new_outlets": new, "n_outlets": len(before) + len(new),
                        "new": not before})
    out.sort(key=lambda s: (-len(s["new_outlets"]), -s["n_outlets"], s["id"]))
    return out[:R.DIGEST_SECTION_ITEMS]


def build(archive, *, since: str = R.DIGEST_DEFAULT_SINCE, watch_names: list[str] | None = None,
          now: _dt.datetime | None = None) -> dict:
    """The digest as one dict (rendered as Markdown, mail HTML, JSON or a web page)."""
    from storyline.digest import watches as _watches

    now = now or _dt.datetime.now(_dt.timezone.utc)
    start = parse_since(since, now).astimezone(_dt.timezone.utc)
    start_iso = start.isoformat(timespec="seconds")
    conn = archive.conn
    new_ids = {r[0] for r in conn.execute("SELECT id FROM articles WHERE added_at >= ?",
                                          (start_iso,))}
    watches = _watches.get(conn, watch_names) if watch_names else _watches.list_all(conn)
    people = [w["person"] for w in watches if w.get("person")]
    n = R.DIGEST_SECTION_ITEMS
    if people:
        quotes = [q for p in people for q in archive.quotes(speaker=p, limit=10 * n)
                  if q["article_id"] in new_ids][:n]
    else:
        quotes = [q for q in archive.quotes(limit=10 * n) if q["article_id"] in new_ids][:n]
    events = [e for e in archive.events(limit=50 * n) if e["article_id"] in new_ids][:n]
    today = now.date()
    scheduled = archive.events(upcoming=True, as_of=today.isoformat(), limit=n,
                               until=(today + _dt.timedelta(days=R.DIGEST_AHEAD_DAYS)).isoformat())
    sections = []
    for w in watches:
        hits = [h for h in archive.search(w["query"], person=w.get("person"),
                                          place=w.get("place"), limit=10 * n)
                if h["id"] in new_ids][:n]
        sections.append({**w, "articles": hits})
    return {"since": start_iso, "until": now.isoformat(timespec="seconds"),
            "new_articles": len(new_ids), "stories": _grown_stories(conn, start_iso),
            "quotes": quotes, "events": events, "scheduled": scheduled, "watches": sections}
