"""Each event's date as stored, indexed columns: the period its TIMEX3 value covers.

``events.when_start`` / ``when_end`` (ISO days, from
:func:`storyline.enrich.event_dates.timex_range`) and ``when_rel`` (``"past"``, ``"future"``
or ``"now"`` for the reference values PAST_REF, FUTURE_REF, PRESENT_REF) are written with
the event (migration ``0012_event_periods`` fills older archives), so "upcoming" and
date-range lists are SQL range conditions over an index instead of a loop over every
event. ISO days compare as text in date order (years have four digits).

Example::

    >>> period("2025-W06")
    ('2025-02-03', '2025-02-09', None)
    >>> period("FUTURE_REF")
    (None, None, 'future')
"""
from __future__ import annotations

import sqlite3

from storyline.enrich.event_dates import timex_range, timex_relation


def period(value) -> tuple[str | None, str | None, str | None]:
    """(first day, last day, reference relation) of a stored ``when`` value."""
    rng = timex_range(value)
    start, end = (rng[0].isoformat(), rng[1].isoformat()) if rng else (None, None)
    return start, end, timex_relation(value, None)


def fill(conn: sqlite3.Connection, article_pk: int | None = None) -> None:
    """Write the period columns of one article's events (or, with no ``article_pk``, of
    every event: the migration); runs in the caller's transaction."""
    if article_pk is None:
        values = [r[0] for r in conn.execute(
            "SELECT DISTINCT when_value FROM events WHERE when_value IS NOT NULL")]
        conn.executemany("UPDATE events SET when_start = ?, when_end = ?, when_rel = ? "
                         "WHERE when_value = ?", [(*period(v), v) for v in values])
        return
    rows = conn.execute("SELECT pk, when_value FROM events WHERE article_pk = ? "
                        "AND when_value IS NOT NULL", (article_pk,)).fetchall()
    conn.executemany("UPDATE events SET when_start = ?, when_end = ?, when_rel = ? "
                     "WHERE pk = ?", [(*period(v), pk) for pk, v in rows])


#: Still ahead on a day (the one parameter): the SQL form of ``queries.events(upcoming=)``'s
#: rule over ``e`` (events): a period ending that day or later, FUTURE_REF/PRESENT_REF, or
#: "scheduled" with no resolvable date.
UPCOMING = ("(e.when_rel IN ('future', 'now') OR e.when_end >= ? "
            "OR (e.when_rel IS NULL AND e.when_end IS NULL AND e.status = 'scheduled'))")
