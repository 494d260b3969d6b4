"""Dates of events: TIMEX3 values read as day ranges, compared with the publication date, merged.

Used by :mod:`storyline.enrich.events`:

- :func:`timex_range` / :func:`timex_relation`: the days a TIMEX3 value covers (day, month, year,
  ISO week, season, quarter) and where it lies from a given day (PAST_REF / FUTURE_REF too).
- ``compare``: "past" / "scheduled" from an event's date against the publication date.
- ``when_compatible`` / ``when_same`` / ``best_when``: merging mentions of one event by date.
- ``relative_when``: "two days later" re-anchored on the previous dated event of the sentence.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from storyline.rules import events as R

__all__ = ["timex_range", "timex_relation", "compare", "day", "when_compatible", "when_same",
           "best_when", "relative_when", "date_parts", "published_parts"]

_RELATIVE = re.compile(R.RELATIVE_LATER_PATTERN, re.I)
_DATE_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_TIMEX = re.compile(r"^(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?|W(?P<w>\d{2})|"
                    r"(?P<code>[A-Z]{2}|[QH]\d)))?(?:[T-].*)?$")

# ---------------------------------------------------------------- TIMEX3 values as date ranges

def timex_range(value) -> tuple[date, date] | None:
    """The first and last day a TIMEX3 date value covers, else None.

    Days ("2025-03-03", with or without a clock time), months ("2025-03"), years ("2025"),
    ISO weeks ("2025-W06", "2025-W06-WE"), seasons ("2025-SU") and quarters/halves ("2025-Q1",
    "2025-H2"). Reference values (PAST_REF, FUTURE_REF) have no range: see :func:`timex_relation`.
    """
    if not isinstance(value, str):
        return None
    m = _TIMEX.match(value.strip())
    if not m:
        return None
    y = int(m["y"])
    try:
        if m["d"]:
            d = date(y, int(m["m"]), int(m["d"]))
            return d, d
        if m["m"]:
            first = date(y, int(m["m"]), 1)
            nxt = date(y + (first.month == 12), first.month % 12 + 1, 1)
            return first, nxt - timedelta(days=1)
        if m["w"]:
            monday = date.fromisocalendar(y, int(m["w"]), 1)
            if value.strip().endswith("-WE"):  # the weekend of that week
                return monday + timedelta(days=5), monday + timedelta(days=6)
            return monday, monday + timedelta(days=6)
        if m["code"]:
            span = R.TIMEX_SEASONS.get(m["code"]) or R.TIMEX_QUARTERS.get(m["code"])
            if not span:
                return None
            lo, hi = span
            first = date(y, lo, 1)
            hy, hm = y + (hi - 1) // 12, (hi - 1) % 12 + 1
            last = date(hy + (hm == 12), hm % 12 + 1, 1) - timedelta(days=1)
            return first, last
    except ValueError:
        return None
    return date(y, 1, 1), date(y, 12, 31)


def timex_relation(value, today) -> str | None:
    """Where a TIMEX3 value lies from ``today`` (a date): "past", "future", "now" or None."""
    if not isinstance(value, str):
        return None
    if value in R.TIMEX_PAST_REF:
        return "past"
    if value in R.TIMEX_FUTURE_REF:
        return "future"
    if value in R.TIMEX_PRESENT_REF:
        return "now"
    rng = timex_range(value)
    if rng is None or today is None:
        return None
    if rng[1] < today:
        return "past"
    if rng[0] > today:
        return "future"
    return "now"


# ---------------------------------------------------------------- small helpers

def date_parts(value) -> tuple[int, ...] | None:
    """(year,), (year, month) or (year, month, day) of a TIMEX-like value, else None."""
    if not isinstance(value, str):
        return None
    m = _DATE_PREFIX.match(value)
    if not m:
        return None
    return tuple(int(g) for g in m.groups() if g is not None)


def published_parts(published) -> tuple[int, int, int] | None:
    if isinstance(published, datetime):
        return (published.year, published.month, published.day)
    if isinstance(published, date):
        return (published.year, published.month, published.day)
    if isinstance(published, str):
        parts = date_parts(published)
        return parts if parts and len(parts) == 3 else None
    return None

def compare(when, published) -> str | None:
    p = published_parts(published)
    today = date(*p) if p else None
    rel = timex_relation(when, today) if today or when in R.TIMEX_PAST_REF | R.TIMEX_FUTURE_REF else None
    return {"past": "past", "future": "scheduled"}.get(rel)


def day(value):
    parts = date_parts(value)
    return date(*parts) if parts and len(parts) == 3 else None


def when_compatible(a, b) -> bool:
    if not a or not b:
        return True
    pa, pb = date_parts(a["value"]), date_parts(b["value"])
    if not pa or not pb:
        return a["value"] == b["value"]
    n = min(len(pa), len(pb))
    if pa[:n] == pb[:n]:
        return True
    da, db = day(a["value"]), day(b["value"])
    if da and db and "TIME" in (a.get("type"), b.get("type")):
        return abs((da - db).days) <= 1  # a clock time in another time zone
    return False


def when_same(a, b) -> bool:
    """Both give a day, and it is the same day (a clock time may be a day off)."""
    if not a or not b:
        return False
    if a["value"] == b["value"]:
        return True
    return bool(day(a["value"]) and day(b["value"]) and when_compatible(a, b))


def best_when(whens: list[dict]):
    def rank(w):
        parts = date_parts(w["value"]) or ()
        return (len(parts) >= 3 and w.get("type") == "DATE", len(parts), w.get("type") == "DATE")
    return max(whens, key=rank) if whens else None


def relative_when(m: dict, earlier: list[dict], sdoc):
    """Re-anchor "two days later" on the previous dated event (or date) of the same sentence."""
    w = m["when"]
    if not w:
        return
    rel = _RELATIVE.match(" ".join(w["text"].split()))
    if not rel:
        return
    n = rel.group("n").lower()
    n = int(n) if n.isdigit() else R.NUMBER_WORDS.get(n, 1)
    days = n * (7 if rel.group("unit").lower().startswith("week") else 1)
    if rel.group("dir").lower() in ("earlier", "before"):
        days = -days
    anchor = None
    for prev in reversed(earlier):  # in text order: stop at the previous sentence
        if prev["sent"] != m["sent"]:
            break
        if prev["when"] and day(prev["when"]["value"]) and prev["when"] is not w:
            anchor = prev["when"]
            break
    if anchor is None:
        return
    try:
        new = day(anchor["value"]) + timedelta(days=days)
    except OverflowError:  # past year 9999: the mention keeps its own value
        return
    m["when"] = dict(w, value=new.isoformat(), how=f"{w['text']!r} after {anchor['text']!r}")
