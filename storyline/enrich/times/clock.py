"""Normaliser for clock times: the hour, the day it belongs to, and the zone (to UTC)."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from storyline.enrich.times.dates import _number
from storyline.enrich.times.context import _item, _resolve
from storyline.rules import times as R


def _clock_hm(c) -> tuple[int, int] | None:
    g = c.m.groupdict()
    if g.get("word"):
        hh, mm = R.CLOCK_WORDS[g["word"].lower()].split(":")
        return int(hh), int(mm)
    if g.get("h24") is not None:
        return int(g["h24"]), int(g["mi24"])
    if g.get("h4") is not None:
        return int(g["h4"]), int(g["mi4"])
    if g.get("hoc") is not None:
        h = int(g["hoc"]) if g["hoc"].isdigit() else int(_number(g["hoc"]))
        return h, 0
    h, mi = int(g["h"]), int(g.get("mi") or 0)
    if h > 12 or h == 0:
        return None
    pm = g["ampm"].lower().startswith("p")
    if pm and h != 12:
        h += 12
    if not pm and h == 12:
        h = 0
    return h, mi


def _norm_clock(c, x):
    hm = _clock_hm(c)
    if hm is None:
        return None
    h, mi = hm
    anchor = "published"
    if c.day is not None:
        day_item = _resolve(c.day, x)
        d = day_item["_d"] if day_item else None
    else:
        d, anchor = _clock_day(c, x)
    if d is None:
        return _item("TIME", f"XXXX-XX-XXT{h:02d}:{mi:02d}", c.mod)
    if h == 24:
        return _item("TIME", f"{d.isoformat()}T24:00", c.mod, anchor, "day", d)
    if c.zone is not None:
        local = datetime(d.year, d.month, d.day, h, mi, tzinfo=c.zone)
        if x.dct_dt is not None and c.day is None and local > x.dct_dt and anchor == "published":
            local -= timedelta(days=1)
            d = d - timedelta(days=1)
        u = local.astimezone(timezone.utc)
        return _item("TIME", f"{u.date().isoformat()}T{u.hour:02d}:{u.minute:02d}Z", c.mod,
                     anchor, "day", d)
    return _item("TIME", f"{d.isoformat()}T{h:02d}:{mi:02d}", c.mod, anchor, "day", d)


def _clock_day(c, x) -> tuple[date | None, object]:
    """The day of a bare clock time: the day of the event it belongs to (the same event noun
    dated elsewhere in the text, with a parse), else the last day mentioned, else the DCT."""
    ev = _event_day(c, x)
    if ev is not None:
        return ev
    prev = x.last(("day",))
    if prev is not None and prev["_d"] is not None:
        return prev["_d"], prev["id"]
    return x.dct, "published"


def _event_day(c, x):
    if x.sdoc is None:
        return None
    span = x.sdoc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX"):
            break
        tok = tok.head
    nouns = {ch.lemma_.lower() for ch in tok.children if ch.dep_ in ("nsubj", "nsubjpass", "dobj")
             and ch.pos_ == "NOUN"}
    if not nouns:
        return None
    for cand in x.pending:
        if cand is c or cand.name not in ("weekday", "dmy", "mdy", "dayword", "iso"):
            continue
        s = x.sdoc.char_span(cand.start, cand.end, alignment_mode="expand")
        if s is None:
            continue
        head = s.root.head
        if head.pos_ == "ADP":
            head = head.head
        if head.lemma_.lower() in nouns:
            it = _resolve(cand, x)
            if it and it.get("_d"):
                return it["_d"], cand  # the anchor id is known once ``cand`` is emitted
    return None
