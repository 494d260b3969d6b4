"""Lists as downloads: CSV, JSON Lines, an Atom feed of a search, an iCalendar of events.

Every string from a scraped page passes :func:`storyline.web.safety.clean_text`
first; CSV cells that a spreadsheet would run as a formula are defused; Atom is
rendered by an autoescaping template; iCalendar text is escaped by ``icalendar``.

Example::

    to_csv([{"id": "a1", "title": "=HYPERLINK(...)"}])   # 'id,title\\r\\na1,\\'=HYPERLINK(...)\\r\\n'
    to_ics(archive.events(upcoming=True), link=lambda aid: f"http://127.0.0.1:8000/articles/{aid}")
"""
from __future__ import annotations

import csv
import datetime as _dt
import hashlib
import io
import json
from typing import Callable

from storyline.rules.web import CSV_FORMULA_STARTS
from storyline.web.safety import clean_text, safe_url


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False)
    text = clean_text(str(value))
    return "'" + text if text.startswith(CSV_FORMULA_STARTS) else text


def to_csv(items: list[dict]) -> str:
    """One row per item, columns in first-seen order; lists and dicts as JSON text."""
    columns: list[str] = []
    for item in items:
        columns += [k for k in item if k not in columns]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for item in items:
        writer.writerow([_cell(item.get(c)) for c in columns])
    return out.getvalue()


def to_jsonl(items: list[dict]) -> str:
    """One JSON object per line (non-ASCII kept, control characters escaped by JSON)."""
    return "".join(json.dumps(i, ensure_ascii=False, default=str) + "\n" for i in items)


def _when(value) -> tuple[object, object] | None:
    """(start, end) of a TIMEX3 value for a calendar: dates for a day or a period (end
    exclusive), UTC datetimes for a clock time; None when it has no place on a calendar."""
    from storyline.enrich.event_dates import timex_range
    from storyline.extract.core import parse_iso

    if not isinstance(value, str):
        return None
    if "T" in value:
        moment = parse_iso(value if len(value) > 16 else value + ":00")
        if isinstance(moment, _dt.datetime):
            if moment.tzinfo is None:  # a clock time without zone is read as UTC
                moment = moment.replace(tzinfo=_dt.timezone.utc)
            moment = moment.astimezone(_dt.timezone.utc)
            return moment, moment + _dt.timedelta(hours=1)
    rng = timex_range(value)
    if rng is None:
        return None
    return rng[0], rng[1] + _dt.timedelta(days=1)


def to_ics(events: list[dict], *, link: Callable[[str], str | None] | None = None,
           name: str = "Storyline events") -> bytes:
    """RFC 5545 calendar of event rows (``Archive.events``): all-day entries for dates
    and periods, UTC times for clock times; undated events are left out. Each entry
    names its article and links to it (``link(article_id)``, else the article's URL)."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//Storyline//events//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    stamp = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0)
    for e in events:
        when = _when(e.get("when"))
        if when is None:
            continue
        ev = Event()
        key = "|".join(str(e.get(k)) for k in ("article_id", "kind", "when", "where"))
        ev.add("uid", hashlib.sha1(key.encode("utf-8")).hexdigest()[:24] + "@storyline")
        ev.add("dtstamp", stamp)
        ev.add("dtstart", when[0])
        ev.add("dtend", when[1])
        title = clean_text(e.get("title") or "")
        ev.add("summary", clean_text(f"{e.get('kind') or 'event'}: {title}"))
        if e.get("where"):
            ev.add("location", clean_text(e["where"]))
        url = (link(e["article_id"]) if link and e.get("article_id") else None) \
            or safe_url(e.get("url"))
        lines = [f"{clean_text(e.get('when_text') or '')} ({e.get('when')})",
                 f"{e.get('status') or ''}; reported by {e.get('reports') or 1} article(s)",
                 clean_text(f"{title} - {e.get('outlet') or ''}, {e.get('published') or ''}"),
                 f"article {e.get('article_id')}"]
        if e.get("participants"):
            lines.insert(1, clean_text("with " + ", ".join(map(str, e["participants"]))))
        if url:
            ev.add("url", url)
            lines.append(url)
        if safe_url(e.get("url")) and safe_url(e.get("url")) != url:
            lines.append(safe_url(e["url"]))
        ev.add("description", "\n".join(lines))
        cal.add_component(ev)
    return cal.to_ical()


def atom_time(value) -> str:
    """An RFC 3339 time for Atom from an ISO date or date-time (a day is its midnight
    UTC, a time without zone is read as UTC); the epoch when there is none."""
    from storyline.extract.core import parse_iso

    moment = parse_iso(value) if isinstance(value, str) else None
    if moment is None:
        return "1970-01-01T00:00:00Z"
    if not isinstance(moment, _dt.datetime):
        return f"{moment.isoformat()}T00:00:00Z"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=_dt.timezone.utc)
    return moment.isoformat()
