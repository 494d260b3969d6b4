"""Normaliser for clock times: the hour, the day it belongs to, and the zone (to UTC)."""
from __future__ import annotations

import re
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
    day_c = c.day if c.day is not None else _day_in_clause(c, x)
    if day_c is not None:
        day_item = _resolve(day_c, x)
        d = day_item["_d"] if day_item else None
        if c.day is None:
            anchor = day_c  # the id is known once ``day_c`` is emitted
    else:
        d, anchor = _clock_day(c, x)
    if d is None:
        return _item("TIME", f"XXXX-XX-XXT{h:02d}:{mi:02d}", c.mod)
    zone = c.zone
    if zone is None and c.local:
        zone = x.story_zone()  # "04:17 local time" in a story about one country with one zone
    if zone is not None:
        # midnight is the end of its day (TimeML T24:00): in UTC, 00:00 of the next local day
        local = datetime(d.year, d.month, d.day, 0 if h == 24 else h, mi, tzinfo=zone)
        if h == 24:
            local += timedelta(days=1)
        if x.dct_dt is not None and c.day is None and local > x.dct_dt and anchor == "published":
            local -= timedelta(days=1)
            d = d - timedelta(days=1)
        u = local.astimezone(timezone.utc)
        return _item("TIME", f"{u.date().isoformat()}T{u.hour:02d}:{u.minute:02d}Z", c.mod,
                     anchor, "day", d)
    return _item("TIME", f"{d.isoformat()}T{h:02d}:{mi:02d}", c.mod, anchor, "day", d)


_DAY_KINDS = ("weekday", "dmy", "mdy", "dayword", "iso", "slashed", "dotted", "dashed")
_PAREN = re.compile(r"\([^()]*\)")
#: what may stand between a clock time and the day it belongs to, once parentheses are taken
#: out: "04:17 local time (0117 GMT) on Sunday", "(0117 GMT) on Sunday", "7:00 am, Saturday"
_CLOCK_DAY_GAP = re.compile(r"\)?\s*(?:local\s+time\b\s*)?,?\s*(?:on\s+)?")


def _day_in_clause(c, x):
    """The weekday or date right after a clock time in its clause, past a parenthesis ("at
    04:17 local time (0117 GMT) on Sunday"): the clock's day (CLOCK_DAY_MAX_GAP)."""
    for cand in x.pending:
        if cand.start < c.end or cand is c:
            continue
        if cand.start - c.end > R.CLOCK_DAY_MAX_GAP:
            return None
        if cand.name not in _DAY_KINDS:
            if cand.name == "clock" and x.text[c.end:cand.start].strip() == "(":
                continue  # the same moment in another zone, in brackets
            return None
        gap = _PAREN.sub("", x.text[c.end:cand.start])
        return cand if _CLOCK_DAY_GAP.fullmatch(gap) else None
    return None


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
