"""Normalisers for calendar expressions that name their own date or need only the DCT's
year: day-month dates, numeric dates, months, years, decades, centuries, seasons, holidays,
spoken years and sets."""
from __future__ import annotations

from datetime import date

from storyline.enrich.times.context import Ctx, make_item, resolve
from storyline.enrich.times.dates import (add_months, duration_value, fmt, holiday_date, number,
                                          pick, safe_date, season_year)
from storyline.enrich.times.grammar import PATTERNS
from storyline.enrich.times.tense import future_sure, past_plan, past_sure, prep_tense
from storyline.rules import times as R


def _norm_dmy(c, x: Ctx):
    g = c.m.groupdict()
    mon, day = R.MONTHS[g["mon"].lower().rstrip(".")], int(g["day"])
    year = g.get("year") or getattr(c, "pair_year", None)
    if year:
        d = safe_date(int(year), mon, day)
        return d and make_item("DATE", d.isoformat(), c.mod, None, "day", d)
    if x.dct is None:
        return make_item("DATE", f"XXXX-{mon:02d}-{day:02d}", c.mod)
    opts = [d for y in (x.dct.year - 1, x.dct.year, x.dct.year + 1)
            if (d := safe_date(y, mon, day))]
    if not opts:
        return None
    prep = prep_tense(x.text, c.start if c.lead is None else c.lead)
    reach = [d for d in opts if abs((d - x.dct).days) <= R.PREPOSITION_MAX_DAYS]
    if prep and reach:
        d = pick(reach, x.dct, prep)
        return make_item("DATE", d.isoformat(), c.mod, "published", "day", d)
    if x.dct.month - mon <= R.PAST_PLAN_MAX_MONTHS_BACK and \
            past_plan(x.text, c.start, c.end, x.sdoc, c.lead):
        d = safe_date(x.dct.year, mon, day)  # "was planned for 14 March": this year's
        if d is not None:
            return make_item("DATE", d.isoformat(), c.mod, "published", "day", d)
    near = [d for d in opts if abs((d - x.dct).days) <= R.DAY_MONTH_WINDOW_DAYS]
    tense = x.tense(c)
    if tense == "future" and all(d < x.dct for d in near) and \
            future_sure(x.text, c.start, c.end, x.sdoc, c.lead):
        # "the board will meet on 14 March" in April: next year's March (within a year)
        ahead = [d for d in opts if 0 <= (d - x.dct).days <= R.FUTURE_DAY_MONTH_MAX_DAYS]
        if ahead:
            return make_item("DATE", ahead[0].isoformat(), c.mod, "published", "day", ahead[0])
    if tense == "past" and near and \
            all((d - x.dct).days > R.PAST_DAY_MONTH_MIN_AHEAD_DAYS for d in near) and \
            past_sure(x.text, c.start, c.end, x.sdoc, c.lead):
        # "MH370 went missing on March 8" read in December: last March, not the coming one
        behind = [d for d in opts if 0 <= (x.dct - d).days <= R.PAST_DAY_MONTH_MAX_DAYS]
        if behind:
            return make_item("DATE", behind[-1].isoformat(), c.mod, "published", "day", behind[-1])
    if len(near) == 1:
        return make_item("DATE", near[0].isoformat(), c.mod, "published", "day", near[0])
    opts = near or opts
    d = pick(opts, x.dct, tense)
    return make_item("DATE", d.isoformat(), c.mod, "published", "day", d)


_norm_mdy = _norm_dmy


def _norm_iso(c, x):
    g = c.m.groupdict()
    y = int(g["year"])
    if y < 100:
        y += 1900 if y > R.TWO_DIGIT_YEAR_PIVOT else 2000
    d = safe_date(y, int(g["m"]), int(g["day"]))
    return d and make_item("DATE", d.isoformat(), c.mod, None, "day", d)


_norm_dotted = _norm_iso


def _norm_dashed(c, x):
    g = c.m.groupdict()
    y = int(g["year"])
    if y < 100:
        y += 1900 if y > R.TWO_DIGIT_YEAR_PIVOT else 2000
    d = safe_date(y, R.MONTHS[g["mon"].lower().rstrip(".")], int(g["day"]))
    return d and make_item("DATE", d.isoformat(), c.mod, None, "day", d)


def _day_first(x) -> bool:
    """Numeric dates of this text are day/month/year when one of them can only be read so
    (25/12/1997), else month/day/year (the US order of most English news wires)."""
    if x.day_first is None:
        x.day_first = any(int(m.group("n1")) > 12 >= int(m.group("n2"))
                          for m in PATTERNS["slashed"].finditer(x.text))
    return x.day_first


def _norm_slashed(c, x):
    g = c.m.groupdict()
    a, b = int(g["n1"]), int(g["n2"])
    day, mon = (a, b) if (a > 12 or (b <= 12 and _day_first(x))) else (b, a)
    y = int(g["year"])
    if y < 100:
        y += 1900 if y > R.TWO_DIGIT_YEAR_PIVOT else 2000
    d = safe_date(y, mon, day) if 1 <= mon <= 12 else None
    return d and make_item("DATE", d.isoformat(), c.mod, None, "day", d)


def _norm_ordinal_day(c, x):
    """"on the 5th": in the month last named in the text, else the DCT's month, or the month
    before/after it as the tense says."""
    day = int(c.m.group("day"))
    prev = x.last(("day", "month"), within=R.ANAPHORA_MAX_CHARS, before=c.start)
    if prev is not None and prev["_d"] is not None:
        d = safe_date(prev["_d"].year, prev["_d"].month, day)
        return d and make_item("DATE", d.isoformat(), c.mod, prev["id"], "day", d)
    if x.dct is None:
        return make_item("DATE", f"XXXX-XX-{day:02d}", c.mod)
    opts = [d for k in (-1, 0, 1) if (d := safe_date(*add_months(x.dct.year, x.dct.month, k), day))]
    if not opts:
        return None
    d = pick(opts, x.dct, x.tense(c))
    return make_item("DATE", d.isoformat(), c.mod, "published", "day", d)


def _norm_month_year(c, x):
    g = c.m.groupdict()
    if g.get("year"):
        y = int(g["year"])
    elif x.dct is None:
        return None
    else:
        y = x.dct.year + (R.RELATIVE_DETERMINERS.get(" ".join(g["rel"].lower().split())) or 0)
    d = date(y, R.MONTHS[g["mon"].lower().rstrip(".")], 1)
    return make_item("DATE", fmt("month", d), c.mod, None, "month", d)


def _norm_month(c, x):
    g = c.m.groupdict()
    mon = R.MONTHS[g["mon"].lower().rstrip(".")]
    if x.dct is None:
        return make_item("DATE", f"XXXX-{mon:02d}", c.mod)
    rel = (g.get("rel") or "").lower()
    shift = R.RELATIVE_DETERMINERS.get(" ".join(rel.split()))
    opts = [date(y, mon, 1) for y in (x.dct.year - 1, x.dct.year, x.dct.year + 1)]
    this = date(x.dct.year, x.dct.month, 1)
    if shift == -1:
        d = max(o for o in opts if o < this)
    elif shift == 1:
        d = min(o for o in opts if o > this)
    elif shift == 0 or (x.dct.month - mon <= R.PAST_PLAN_MAX_MONTHS_BACK and
                        past_plan(x.text, c.start, c.end, x.sdoc, c.lead)):
        d = date(x.dct.year, mon, 1)  # "this March"; "was planned for March": this year's
    else:
        tense = x.tense(c)
        if tense != "future" and _follows_future_date(c, x):
            tense = "future"  # "planned for 30 September, followed by a summit in October"
        if tense is None:
            back = max(o for o in opts if o <= this)
            months = (this.year - back.year) * 12 + this.month - back.month
            tense = R.MONTH_DEFAULT_TENSE if months <= R.MONTH_DEFAULT_PAST_MAX_MONTHS else "future"
        d = pick(opts, this, tense)
    return make_item("DATE", fmt("month", d), c.mod, "published", "month", d)


def _norm_year(c, x):
    y = int(c.m.group("year"))
    d = date(y, 1, 1)
    return make_item("DATE", f"{y:04d}", c.mod, None, "year", d)


def _norm_year_span(c, x):
    """"the 1998-99 season": TIMEX3 has no interval value, so the value is the first year."""
    y = int(c.m.group("year"))
    return make_item("DATE", f"{y:04d}", c.mod, None, "year", date(y, 1, 1))


def _norm_decade(c, x):
    g = c.m.groupdict()
    cent = g.get("cent")
    if cent is None:  # "the '80s": the latest such decade that has begun
        cent = "20" if x.dct is not None and 2000 + int(g["dec"]) * 10 <= x.dct.year else "19"
    mod = {"early": "START", "mid": "MID", "late": "END"}.get((g.get("mod") or "").lower(), c.mod)
    d = date(int(cent + g["dec"] + "0"), 1, 1)
    return make_item("DATE", fmt("decade", d), mod, None, "decade", d)

def _norm_season(c, x):
    g = c.m.groupdict()
    code = R.SEASONS[g["season"].lower()]
    sdet = (g.get("sdet") or "").lower().rstrip("-")
    mod = c.mod or {"early": "START", "late": "END", "mid": "MID"}.get(sdet)
    if g.get("year"):
        return make_item("DATE", f"{g['year']}-{code}", mod, None, "season", date(int(g["year"]), 1, 1))
    if x.dct is None:
        return make_item("DATE", f"XXXX-{code}", mod)
    shift = R.RELATIVE_DETERMINERS.get(sdet) if sdet in ("last", "this", "next") else None
    y = season_year(x.dct, code, shift, x.tense(c) if shift is None else None)
    return make_item("DATE", f"{y:04d}-{code}", mod, "published", "season", date(y, 1, 1))

def _norm_holiday(c, x):
    g = c.m.groupdict()
    name = " ".join(c.m.group(0).lower().split())
    if g.get("year"):
        name = " ".join(name[:c.m.start("year") - c.m.start()].rstrip(", ").split())
        d = holiday_date(name, int(g["year"]))
        return d and make_item("DATE", d.isoformat(), c.mod, None, "day", d)
    if x.dct is None:
        return None
    opts = [d for y in (x.dct.year - 1, x.dct.year, x.dct.year + 1) if (d := holiday_date(name, y))]
    d = pick(opts, x.dct, x.tense(c))
    return make_item("DATE", d.isoformat(), c.mod, "published", "day", d)


def _norm_spoken_year(c, x):
    g = c.m.groupdict()
    if g.get("sy1"):
        hi = 19 if g["sy1"].lower() == "nineteen" else 20
        lo = number(g["sy2"])
        if lo is None:
            return None
        y = hi * 100 + int(lo)
    else:
        y = 2000 + int(number(g["sy3"]) or 0) if g.get("sy3") else 2000
    return make_item("DATE", f"{y:04d}", c.mod, None, "year", date(y, 1, 1))


def _norm_century(c, x):
    n = int(c.m.group("cn"))
    if n < 1:
        return None
    d = date(max(1, (n - 1) * 100), 1, 1)
    return make_item("DATE", f"{n - 1:02d}", c.mod, None, "century", d)


def _norm_set(c, x):
    w = " ".join(c.m.group(0).lower().split())
    if w in R.SET_WORDS:
        return make_item("SET", R.SET_WORDS[w])
    unit = (c.m.group("sunit") or "").lower()
    every_other = " other " in f" {w} "
    k = 2 if every_other else 1
    if unit in R.WEEKDAYS:
        return make_item("SET", f"XXXX-WXX-{R.WEEKDAYS[unit] + 1}")
    if unit in ("morning", "evening"):
        return make_item("SET", f"XXXX-XX-XXT{R.PARTS_OF_DAY[unit]}")
    if unit == "night":
        return make_item("SET", "XXXX-XX-XXTNI")
    return make_item("SET", duration_value(k, unit))


def _norm_pair_day(c, x):
    """The second day of "Dec. 18 and 19": the first date's month and year, this day."""
    first = resolve(c.day, x)
    if not first or first.get("_d") is None:
        return None
    d = safe_date(first["_d"].year, first["_d"].month, int(c.m.group("day")))
    if d is None or d < first["_d"]:
        return None
    return make_item("DATE", d.isoformat(), None, c.day, "day", d)


def _norm_pair_day_before(c, x):
    """The first day of "18 and 19 December": the second date's month and year, this day (not
    after the second)."""
    second = resolve(c.day, x)
    if not second or second.get("_d") is None:
        return None
    d = safe_date(second["_d"].year, second["_d"].month, int(c.m.group("day")))
    if d is None or d >= second["_d"]:
        return None
    return make_item("DATE", d.isoformat(), None, c.day, "day", d)


def _follows_future_date(c, x: Ctx) -> bool:
    """A bare month later in the same sentence as a date resolved ahead of publication inherits
    its direction ("will meet on 30 September, followed by a summit in October"), unless a
    finite past verb stands between them ("..., the summit was held in October") or a
    preposition before the month gives its own direction."""
    from storyline.enrich.times.clock import sentence_start
    from storyline.enrich.times.grammar import PAST_CUE

    if prep_tense(x.text, c.start if c.lead is None else c.lead):
        return False
    lo = sentence_start(x, c.start, 0)
    for it in reversed(x.items):
        if it["end"] <= lo:
            return False
        if it.get("_g") not in ("day", "month") or it.get("_d") is None or \
                it.get("anchor") != "published" or it["_d"] <= x.dct:
            continue
        between = x.text[it["end"]:c.start]
        if x.sdoc is not None:
            span = x.sdoc.char_span(it["end"], c.start, alignment_mode="contract")
            toks = list(span) if span is not None else []
            return not any(t.tag_ == "VBD" or t.lower_ in R.PAST_ONLY_CUES for t in toks)
        return not any(w.lower() in R.PAST_ONLY_CUES for w in between.split()) and \
            not any(m.group(0).lower() in ("was", "were", "had", "did") for m in PAST_CUE.finditer(between))
    return False
