"""Normalisers for reporting periods in business news: quarters and halves, "the latest
quarter", "the year-earlier period", "the fiscal year", "year-end"."""
from __future__ import annotations

from datetime import date

from storyline.enrich.times.grammar import PERIOD_END
from storyline.enrich.times.dates import fmt, shift_date
from storyline.enrich.times.context import make_item
from storyline.enrich.times.relative import latest_quarter
from storyline.rules import times as R


def _norm_quarter(c, x):
    g = c.m.groupdict()
    half = g["qh"].lower() == "half"
    n = (2 if half else 4) if g["ord"].lower() in R.LAST_ORDINALS else R.ORDINALS[g["ord"].lower()]
    if half and n > 2:
        return None
    year = g.get("year") or g.get("year2")
    if year:
        y = int(year)
    elif x.dct is None:
        return make_item("DATE", f"XXXX-{'H' if half else 'Q'}{n}", c.mod)
    elif g.get("theyear"):
        y = x.dct.year  # "the second half of the year": the year of the publication date
    else:
        y = x.dct.year
        poss = (g.get("poss") or "").lower()
        rel = " ".join((g.get("rel") or "").lower().split())
        if poss or rel:
            y += R.RELATIVE_DETERMINERS.get(poss or rel, 0)
        else:
            cur = (x.dct.month - 1) // (6 if half else 3) + 1
            if n > cur and x.tense(c) != "future":
                y -= 1
    m = (n - 1) * (6 if half else 3) + 1
    d = date(y, m, 1)
    gran = "half" if half else "quarter"
    return make_item("DATE", fmt(gran, d), c.mod, None if year else "published", gran, d)


def _reported_quarter(x, within: int | None = None, before: int | None = None):
    """The quarter being reported: the latest quarter named (not itself anaphoric) that has
    ended by the DCT, so that an outlook ("losses through the third quarter of 1990", "the
    fourth quarter" in October) is not what "the year-ago period" compares with."""
    found = None
    for it in reversed(x.items):
        if it.get("_g") != "quarter" or it.get("anchor") not in (None, "published"):
            continue
        if within is not None and before is not None and before - it["end"] > within:
            break
        if it["_d"] is not None and shift_date("quarter", it["_d"], 1) <= x.dct:
            found = it
            if within is not None:
                break
    return found


def _norm_latest_period(c, x):
    if x.dct is None:
        return None
    lw = " ".join((c.m.group("lw") or "").lower().split())
    prev = _reported_quarter(x)
    if c.m.group("year"):  # "the 1988 quarter": the quarter being reported, in that year
        q = prev["_d"] if prev else latest_quarter(x.dct)
        d = date(int(c.m.group("year")), q.month, 1)
        # it names its own year, so "a year ago" after it may count from it (no anchor id)
        return make_item("DATE", fmt("quarter", d), c.mod, None, "quarter", d)
    if lw in ("year-earlier", "year-ago", "prior-year", "comparable"):
        if prev is None and c.m.group("pn").lower() == "period":
            # no quarter named: "the year-earlier period" is the year before the DCT's
            d = date(x.dct.year - 1, 1, 1)
            return make_item("DATE", fmt("year", d), c.mod, "published", "year", d)
        base = prev["_d"] if prev else latest_quarter(x.dct)
        d = shift_date("quarter", base, -4)
        return make_item("DATE", fmt("quarter", d), c.mod, prev["id"] if prev else "published",
                     "quarter", d)
    if lw in ("current",):
        d = date(x.dct.year, (x.dct.month - 1) // 3 * 3 + 1, 1)
        return make_item("DATE", fmt("quarter", d), c.mod, "published", "quarter", d)
    if lw == "same" and prev:
        return make_item("DATE", prev["value"], c.mod, prev["id"], "quarter", prev["_d"])
    d = prev["_d"] if (prev and not lw) else latest_quarter(x.dct)
    return make_item("DATE", fmt("quarter", d), c.mod, "published", "quarter", d)


def _norm_period_year_ago(c, x):
    """"the quarter a year ago", "the corresponding period last year", "last year's quarter":
    the quarter being reported (the last one named, else the last completed), a year back."""
    if x.dct is None:
        return None
    prev = _reported_quarter(x)
    base = prev["_d"] if prev else latest_quarter(x.dct)
    d = shift_date("quarter", base, -4)
    return make_item("DATE", fmt("quarter", d), c.mod, prev["id"] if prev else "published",
                 "quarter", d)


def _norm_whole_year(c, x):
    """"the fiscal year", "the full year" (the DCT's year; a span of one year when followed by
    "ended ..."), "year-end" (that year, mod END)."""
    if c.m.group("yrq") and PERIOD_END.match(x.text, c.end):
        return make_item("DURATION", "P1Y", c.mod)
    if x.dct is None:
        return None
    d = date(x.dct.year, 1, 1)
    mod = "END" if c.m.group("yend") else c.mod
    return make_item("DATE", fmt("year", d), mod, "published", "year", d)


def _norm_year_ago_adj(c, x):
    """"year-earlier net income", "the year-ago results": the period just named (a quarter in
    an earnings report) a year back, else the year before the DCT's."""
    if x.dct is None:
        return None
    prev = _reported_quarter(x, within=R.ANAPHORA_MAX_CHARS, before=c.start)
    if prev is not None and prev["_d"] is not None:
        d = shift_date("quarter", prev["_d"], -4)
        return make_item("DATE", fmt("quarter", d), c.mod, prev["id"], "quarter", d)
    d = date(x.dct.year - 1, 1, 1)
    return make_item("DATE", fmt("year", d), c.mod, "published", "year", d)


def _norm_months_of_year(c, x):
    """"the first three months of the year" -> the year's Q1, "the last six months of 2022"
    -> 2022-H2 (only the month counts in MONTHS_AS_PERIOD make a calendar period)."""
    g = c.m.groupdict()
    qn = g["qn"].lower()
    k = int(qn) if qn.isdigit() else int(R.NUMBER_WORDS[qn])
    letter, first = R.MONTHS_AS_PERIOD[k]
    n = first if g["ord"].lower() not in R.LAST_ORDINALS else 12 // k
    if g.get("year"):
        y, anchor = int(g["year"]), None
    elif x.dct is None:
        return make_item("DATE", f"XXXX-{letter}{n}", c.mod)
    else:
        y, anchor = x.dct.year + (R.RELATIVE_DETERMINERS.get(g.get("rel") or "") or 0), "published"
    d = date(y, (n - 1) * k + 1, 1)
    gran = "half" if letter == "H" else "quarter"
    return make_item("DATE", fmt(gran, d), c.mod, anchor, gran, d)


def _norm_rest_of_unit(c, x):
    """"the rest of the year": the current year (month, week...) of the publication date."""
    if x.dct is None:
        return None
    unit = c.m.group("runit").lower()
    if unit == "week":
        d = x.dct
    elif unit == "quarter":
        d = date(x.dct.year, (x.dct.month - 1) // 3 * 3 + 1, 1)
    else:
        d = date(x.dct.year, x.dct.month if unit == "month" else 1, 1)
    return make_item("DATE", fmt(unit, d), c.mod or R.REST_MOD, "published", unit, d)
