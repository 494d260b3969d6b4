"""One function per page: each builds the dict the page shows, rendered twice.

``data`` is the page's JSON twin under ``/api/`` (for lists and items, the same JSON
the CLI prints with ``--format json``; lists come paged: ``total``, ``offset``,
``limit``, ``next_offset``, ``items``); the other keys are what only the HTML page
needs. Views call the same library functions as the CLI and raise
:class:`storyline.errors.NotFound` for a missing item.

Example::

    page = search(archive, "port strike", {"language": "en"}, limit=20, offset=0)
    page["data"]["total"], page["data"]["items"][0]["title"]
"""
from __future__ import annotations

import datetime as _dt

from storyline.errors import NotFound
from storyline.rules import web as R
from storyline.web.highlight import article_facts, segments


def paged(items: list, total: int, offset: int, limit: int) -> dict:
    """A page of a list: the rows and where they sit in the whole."""
    nxt = offset + limit if offset + limit < total else None
    return {"total": total, "offset": offset, "limit": limit, "next_offset": nxt,
            "items": items}


def _found(value, what: str, key: str):
    if value is None:
        raise NotFound(f"no {what} with this id or name in the archive", source=key)
    return value


def home(archive, *, today: _dt.date | None = None) -> dict:
    """Latest stories (most outlets first), the next days' events, the newest quotes."""
    today = today or _dt.date.today()
    ahead = today + _dt.timedelta(days=R.HOME_UPCOMING_DAYS)
    upcoming = archive.events(upcoming=True, as_of=today.isoformat(), until=ahead.isoformat(),
                              limit=R.HOME_STORIES)
    return {"data": {"stories": stories(archive, {}, limit=R.HOME_STORIES, offset=0,
                                        order="outlets")["data"]["items"],
                     "upcoming": upcoming, "today": today.isoformat(),
                     "quotes": archive.quotes(limit=R.HOME_QUOTES)}}


def search(archive, query: str, filters: dict, *, limit: int, offset: int,
           marks: tuple[str, str] | None = None) -> dict:
    """Search hits with the total and the facets (outlets, languages) of all hits.
    ``marks`` replaces the snippet markers (the HTML page uses private ones)."""
    filters = {k: v for k, v in filters.items() if v}
    data = {"query": query, "filters": filters, "facets": {}}
    if not (query or "").strip():
        return {"data": {**data, **paged([], 0, offset, limit)}}
    hits = archive.search(query, limit=limit, offset=offset, **filters,
                          **({"marks": marks} if marks else {}))
    found = archive.search_summary(query, **filters)
    data["facets"] = found["facets"]
    return {"data": {**data, **paged(hits, found["total"], offset, limit)}}


def article(archive, article_id: str) -> dict:
    """The article as ``storyline show --format json`` prints it; for the page also its
    facts laid over the text and "More on this topic"."""
    data = _found(archive.get(article_id), "article", article_id)
    facts = article_facts(data)
    return {"data": data, "facts": facts, "segments": segments(data.get("text") or "", facts),
            "related": related(archive, data)}


def related(archive, data: dict) -> dict:
    """"More on this topic": ``Archive.related`` (``storyline related --format json``)."""
    return archive.related(data["id"], limit=R.RELATED_ARTICLES)


def stories(archive, filters: dict, *, limit: int, offset: int, order: str = "recent") -> dict:
    """Stories (``storyline stories --format json``), newest first or by outlets."""
    filters = {k: v for k, v in filters.items() if v}
    found = archive.stories(limit=limit, offset=offset, order=order, **filters)
    return {"data": {"filters": filters, **paged(found["items"], found["total"], offset, limit)}}


def story(archive, story_id: str, *, as_of: str | None = None) -> dict:
    """``storyline story ID --format json``: label, outlets, timeline as of ``as_of``,
    people, places, quotes; the page adds its places' points on the map."""
    data = _found(archive.story(story_id, as_of=as_of), "story", story_id)
    places = (data.get("entities") or {}).get("places") or []
    return {"data": data, "map": map_points(places)}


def map_points(places: list[dict]) -> list[dict]:
    """Places with coordinates as points on an equirectangular map of R.MAP_WIDTH x
    R.MAP_HEIGHT (drawn as SVG, no tiles)."""
    points = []
    for p in places:
        lat, lon = p.get("lat"), p.get("lon")
        if isinstance(lat, (int, float)) and isinstance(lon, (int, float)) \
                and -90 <= lat <= 90 and -180 <= lon <= 180:
            points.append({"name": p.get("name"), "lat": lat, "lon": lon,
                           "x": round((lon + 180) / 360 * R.MAP_WIDTH, 2),
                           "y": round((90 - lat) / 180 * R.MAP_HEIGHT, 2)})
    return points


def entity(archive, name: str) -> dict:
    """``storyline entity NAME --format json``."""
    return {"data": _found(archive.entity(name), "entity", name)}


def quotes(archive, filters: dict, *, limit: int, offset: int) -> dict:
    """Quotes newest first by speaker and date (``storyline quotes --format json``)."""
    filters = {k: v for k, v in filters.items() if v}
    rows = archive.quotes(limit=limit, offset=offset, **filters)
    return {"data": {"filters": filters,
                     **paged(rows, archive.count_quotes(**filters), offset, limit)}}


def events(archive, filters: dict, *, limit: int, offset: int) -> dict:
    """Events by place, kind, date (``storyline events --format json``)."""
    filters = {k: v for k, v in filters.items() if v}
    rows = archive.events(limit=limit, offset=offset, **filters)
    return {"data": {"filters": filters,
                     **paged(rows, archive.count_events(**filters), offset, limit)}}


def digest(archive, *, since: str, watch_names: list[str] | None = None) -> dict:
    """``storyline digest --format json``: what is new since then."""
    from storyline.digest import build

    return {"data": build(archive, since=since, watch_names=watch_names or None)}
