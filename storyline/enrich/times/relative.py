"""Normalisers for expressions relative to the DCT or to the previous date in the text:
weekdays, "yesterday", "the next day", "last week", "two days later", durations, reference
words."""
from __future__ import annotations

import re
from datetime import date, timedelta

from storyline.enrich.times.grammar import alt, ENDED_MONTH, PERIOD_END, UNIT_WORDS
from storyline.enrich.times.dates import duration_value, fmt, number, season_year, shift_date
from storyline.enrich.times.candidates import Cand
from storyline.enrich.times.context import Ctx, make_item
from storyline.enrich.times.tense import prep_tense, schedule_clause, tense_direct
from storyline.rules import times as R


def _today_still_ahead(x: Ctx, c: Cand) -> bool:
    """A future-tense weekday equal to the DCT's ("will vote on Tuesday", published on a
    Tuesday) is that same day only when it is "later" that day or the article went out early
    enough in the day (known publication time before SAME_WEEKDAY_TODAY_BEFORE_HOUR); else the
    week after."""
    before = x.text[max(0, c.start - 16):c.start].lower().split()
    if (before and before[-1] in R.SAME_DAY_WORDS) or c.mod == "END":
        return True
    if prep_tense(x.text, c.start if c.lead is None else c.lead):  # "until Thursday": the direction is the preposition's
        return True
    if schedule_clause(x.text, c.start, c.end, x.sdoc, c.lead):
        return True  # "the offer expires at 5 p.m. on Friday" in a Friday story: today
    if x.dct_dt is not None:
        return x.dct_dt.hour < R.SAME_WEEKDAY_TODAY_BEFORE_HOUR
    return False


def _weekday_date(x: Ctx, c: Cand, wd: int, rel: str) -> date:
    shift = R.RELATIVE_DETERMINERS.get(" ".join(rel.lower().split())) if rel else None
    back = (x.dct.weekday() - wd) % 7
    fwd = (wd - x.dct.weekday()) % 7
    if shift == -1:
        return x.dct - timedelta(days=back or 7)
    if shift == 1:
        if R.NEXT_WEEKDAY_IN_NEXT_WEEK and rel.lower().split()[-1] == "next":
            # the weekday of the week after the DCT's ("next Wednesday" read on a Tuesday)
            return x.dct + timedelta(days=7 - x.dct.weekday() + wd)
        return x.dct + timedelta(days=fwd or 7)
    if shift == 0:
        return x.dct + timedelta(days=fwd)
    possessive = x.text[c.m.end("wd"):c.m.end("wd") + 2] in ("'s", "’s")
    tense = None if possessive else x.tense(c)
    if tense == "past":
        return x.dct - timedelta(days=back)
    if tense == "future":
        if fwd == 0 and not _today_still_ahead(x, c):
            return x.dct + timedelta(days=7)
        return x.dct + timedelta(days=fwd)
    if back <= R.WEEKDAY_DEFAULT_PAST_MAX_DAYS:
        return x.dct - timedelta(days=back)
    return x.dct + timedelta(days=fwd)


def _norm_weekday(c, x):
    g = c.m.groupdict()
    wd = R.WEEKDAYS[g["wd"].lower()]
    pod = R.PARTS_OF_DAY.get((g.get("pod") or "").lower())
    if g.get("pl") or g.get("podpl"):
        return make_item("SET", f"XXXX-WXX-{wd + 1}" + (f"T{pod}" if pod else ""))
    if x.dct is None:
        return make_item("DATE", f"XXXX-WXX-{wd + 1}", c.mod)
    d = _weekday_date(x, c, wd, g.get("rel") or "")
    if pod and R.WEEKDAY_PART_AS_TIME:
        return make_item("TIME", f"{d.isoformat()}T{pod}", c.mod, "published", "day", d)
    return make_item("DATE", d.isoformat(), c.mod, "published", "day", d)


def _norm_dayword(c, x):
    g = c.m.groupdict()
    if x.dct is None:
        return None
    if g.get("dw"):
        w = g["dw"].lower()
        if w in R.DAY_WORD_PART:
            d = x.dct - timedelta(days=1) if w == "overnight" else x.dct
            return make_item("TIME", f"{d.isoformat()}T{R.DAY_WORD_PART[w]}", c.mod, "published", "day", d)
        d = x.dct + timedelta(days=R.DAY_WORDS[w])
        return make_item("DATE", d.isoformat(), c.mod, "published", "day", d)
    w = g["dw2"].lower()
    pod = R.PARTS_OF_DAY[g["pod"].lower()]
    off = {"this": 0, "today": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[w]
    if w == "last" and pod != "NI":
        off = -1
    d = x.dct + timedelta(days=off)
    return make_item("TIME", f"{d.isoformat()}T{pod}", c.mod, "published", "day", d)


def _norm_anaphoric_day(c, x):
    from storyline.enrich.times.clock import event_after, event_anchor

    off = R.ANAPHORIC_DAYS[" ".join(c.m.group(0).lower().split())]
    prev = x.last(("day",))
    base, anchor = (prev["_d"], prev["id"]) if prev else (x.dct, "published")
    noun = event_after(x, c.end) if off else None
    ev = event_anchor({noun}, x, len(x.text)) if noun else None
    if ev is not None:  # "the day before the talks": the talks' date
        base, anchor = ev[0]["_d"], ev[1]
    if base is None:
        return None
    d = base + timedelta(days=off)
    return make_item("DATE", d.isoformat(), c.mod, anchor, "day", d)


def _norm_ref(c, x):
    w = " ".join(c.m.group(0).lower().split())
    return make_item("DATE", R.REF_WORDS[w], c.mod)


def _unit_gran(unit: str) -> str:
    return {"week": "week", "weekend": "week", "month": "month", "quarter": "quarter",
            "year": "year", "decade": "decade", "century": "century", "day": "day"}[unit]


def latest_quarter(dct: date) -> date:
    q0 = date(dct.year, (dct.month - 1) // 3 * 3 + 1, 1)
    return shift_date("quarter", q0, -1)


_PERIOD_TO = re.compile(rf"\s+(?:{alt(R.PERIOD_TO_WORDS)})\s+(?:the\s+end\s+of\s+)?"
                        rf"(?:{alt([m.capitalize() for m in R.MONTHS])})\b")
_SPAN_PREP = re.compile(rf"\b(?:{alt(R.SPAN_PREPOSITIONS)})\s+$", re.I)


def _norm_relative_unit(c, x):
    g = c.m.groupdict()
    unit = g["runit"].lower()
    rel = " ".join((g.get("rel") or "").lower().split())
    if rel in R.SPAN_DETERMINERS and unit not in R.SEASONS and unit != "weekend":
        if rel not in R.ANAPHORIC_DETERMINERS or _SPAN_PREP.search(x.text, 0, c.start):
            return make_item("DURATION", duration_value(1, unit), c.mod)
    if g.get("the") and unit == "year" and not rel and _PERIOD_TO.match(x.text, c.end):
        return None  # "the year to June 2021": the month is the expression
    if g.get("the") and unit == "year" and \
            PERIOD_END.match(x.text, c.end):
        return make_item("DURATION", duration_value(1, unit), c.mod)
    if x.dct is None:
        return None
    if rel in R.ANAPHORIC_DETERMINERS and unit not in R.SEASONS and unit != "weekend":
        gran = _unit_gran(unit)
        prev = x.last(("day", "week", "month", "quarter", "year"))
        if prev is not None and prev["_d"] is not None:
            d = shift_date(gran, prev["_d"], R.ANAPHORIC_DETERMINERS[rel])
            return make_item("DATE", fmt(gran, d), c.mod, prev["id"], gran, d)
        if rel != "that":
            return make_item("DURATION", duration_value(1, unit), c.mod)
    if unit in R.SEASONS:
        code = R.SEASONS[unit]
        shift = R.RELATIVE_DETERMINERS.get(rel, 0)
        y = season_year(x.dct, code, shift if rel else None, None)
        return make_item("DATE", f"{y:04d}-{code}", c.mod, "published", "season", date(y, 1, 1))
    shift = R.RELATIVE_DETERMINERS.get(rel, 0) if rel else 0
    if unit == "weekend":
        base = x.dct
        if shift == 0 and not rel:
            t = x.tense(c)
            if t != "future" and x.dct.weekday() < 5:
                shift = -1
        d = shift_date("week", base, shift)
        return make_item("DATE", fmt("week", d) + "-WE", c.mod, "published", "week", d)
    gran = _unit_gran(unit)
    if unit == "quarter" and not rel:
        ended = _quarter_ended(x, c)
        if ended is not None:
            return make_item("DATE", fmt("quarter", ended), c.mod, "published", "quarter", ended)
        prev = x.last(("quarter",), absolute=True)
        d = prev["_d"] if prev else latest_quarter(x.dct)
        return make_item("DATE", fmt("quarter", d), c.mod, "published", "quarter", d)
    base = x.dct if gran in ("day", "week") else date(x.dct.year, x.dct.month, 1)
    if gran == "quarter":
        base = date(x.dct.year, (x.dct.month - 1) // 3 * 3 + 1, 1)
    d = shift_date(gran, base, shift)
    if g.get("the") and not rel and c.mod in ("START", "END") and gran in R.UNIT_TURN_DAYS:
        d = _turn_of_unit(x, c, gran, d)
    return make_item("DATE", fmt(gran, d), c.mod, "published", gran, d)

def _turn_of_unit(x: Ctx, c: Cand, gran: str, d: date) -> date:
    """"the start of the year" a few days before New Year points to the coming year unless the
    sentence is about the past; "the end of the year" a few days into January to the year just
    ended unless it is about the future. A tense read off a verb that the expression does not
    modify directly ("a prelude to the talks at the start of the year") does not count, nor a
    past tense when the text has already pointed into the coming unit ("talks next month")."""
    days = R.UNIT_TURN_DAYS[gran]
    d = date(d.year, 1 if gran == "year" else d.month, 1)
    tense = tense_direct(x.text, c.start, c.end, x.sdoc)
    if c.mod == "START":
        nxt = shift_date(gran, d, 1)
        # the text already looks ahead into that unit ("next month" in late December)
        ahead = any(it.get("_d") is not None and it["_d"] >= nxt and it.get("anchor") == "published"
                    for it in x.items)
        if (nxt - x.dct).days <= days and (tense != "past" or ahead):
            return nxt
    elif c.mod == "END" and (x.dct - d).days < days and tense != "future":
        return shift_date(gran, d, -1)
    return d


def _quarter_ended(x, c) -> date | None:
    """"the quarter ended Sept. 30": the calendar quarter holding that month."""
    m = ENDED_MONTH.match(x.text, c.end)
    if not m or x.dct is None:
        return None
    mon = R.MONTHS[m.group("mon").lower().rstrip(".")]
    y = x.dct.year if mon <= x.dct.month else x.dct.year - 1
    return date(y, (mon - 1) // 3 * 3 + 1, 1)

def _norm_duration(c, x):
    g = c.m.groupdict()
    unit = g["unit"].lower()
    unit = UNIT_WORDS.get(unit, unit)
    num = " ".join(g["num"].lower().split())
    if num in R.VAGUE_REF and unit not in ("second", "minute", "hour"):
        return make_item("DATE", R.VAGUE_REF[num], c.mod)
    n = None if num in R.VAGUE_QUANTITIES else number(num)
    shift = " ".join((g.get("shift") or "").lower().split())
    if g.get("suffix") and g["suffix"].lower() == "-old":
        return make_item("DURATION", duration_value(n, unit), c.mod)
    if not shift:
        return make_item("DURATION", duration_value(n, unit), c.mod)
    if n is None:
        return make_item("DATE", "PAST_REF" if R.SHIFT_SUFFIX[shift][0] < 0 else "FUTURE_REF", c.mod)
    direction, anchor_kind = R.SHIFT_SUFFIX[shift]
    if x.dct is None:
        return None
    gran = {"second": "day", "minute": "day", "hour": "day", "night": "day",
            "weekend": "week"}.get(unit, unit)
    step = int(n) if float(n).is_integer() else None
    if step is None:
        return make_item("DURATION", duration_value(n, unit), c.mod)
    if gran in ("day", "week", "month", "quarter", "year", "decade", "century"):
        if gran in ("decade", "century"):
            step, gran_s = step * (10 if gran == "decade" else 100), "year"
        else:
            gran_s = gran
        prevq = x.last(("quarter",), within=R.ANAPHORA_MAX_CHARS, before=c.start, absolute=True) \
            if gran_s == "year" and step == 1 else None
        if prevq is not None:
            d = shift_date("quarter", prevq["_d"], direction * 4 * step)
            return make_item("DATE", fmt("quarter", d), c.mod, prevq["id"], "quarter", d)
        base, anchor = x.dct, "published"
        if anchor_kind == "event":
            # "two days before the talks": the date the text gives the talks, else a duration
            from storyline.enrich.times.clock import event_after, event_anchor

            noun = event_after(x, c.end)
            ev = event_anchor({noun}, x, len(x.text)) if noun else None
            if ev is None or gran_s not in ("day", "week"):
                return make_item("DURATION", duration_value(n, unit), c.mod)
            base, anchor = ev[0]["_d"], ev[1]
        elif anchor_kind == "text" and gran_s in ("day", "week", "month"):
            from storyline.enrich.times.clock import event_anchor, event_nouns

            prev = x.last(("day", "month", "week"), absolute=True)
            if prev is not None and prev["_d"] is not None:
                base, anchor = prev["_d"], prev["id"]
            ev = event_anchor(event_nouns(c, x), x, c.start)
            if ev is not None:  # "a second call ... two days later": the call's date
                base, anchor = ev[0]["_d"], ev[1]
        elif anchor_kind == "text" and gran_s == "year":
            # "in 1997 ... a year later": the year last named; "a year earlier" only when that
            # year is close by (in results news it is the DCT's year before)
            # "later" is the story's clock: the last date the text names itself ("in 1945 ...
            # on Monday ... seven decades later": 1945, not Monday's publication week)
            within = None if direction > 0 else R.ANAPHORA_MAX_CHARS
            prev = x.last(("day", "month", "week", "year"),
                          within=within, before=c.start, absolute=True,
                          explicit=direction > 0)
            if prev is not None and prev["_d"] is not None and prev.get("anchor") is None:
                base, anchor = prev["_d"], prev["id"]
        if unit in ("second", "minute", "hour"):
            return make_item("DATE", base.isoformat(), c.mod, anchor, "day", base)
        if gran_s == "day":
            d = base + timedelta(days=direction * step)
        elif gran_s == "week":
            d = base + timedelta(weeks=direction * step)
        else:
            d = shift_date(gran_s, base if gran_s != "year" else date(base.year, 1, 1), direction * step)
        return make_item("DATE", fmt(gran_s, d), c.mod, anchor, gran_s, d)
    return None


def _norm_bare_units(c, x):
    unit = UNIT_WORDS[c.m.group("unit").lower()]
    return make_item("DURATION", duration_value(None, unit), c.mod)


def _norm_bare_shift(c, x):
    """"months ago", "years from now": a reference to the past or the future."""
    shift = " ".join(c.m.group("shift").lower().split())
    return make_item("DATE", R.BARE_UNIT_SHIFTS[shift], c.mod)
