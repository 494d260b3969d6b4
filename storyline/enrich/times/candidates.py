"""Finding: candidate spans from the patterns (run near trigger words only), filters no regex
can say well, overlaps settled longest first, then widening by modifiers, zones and days."""
from __future__ import annotations

import re

from storyline.enrich.times.grammar import PATTERNS, APPROX_PREFIX_RE, KIND, MOD_PREFIX_RE, PATTERN_TRIGGERS, TRIGGER, TRIGGERS, TRIGGER_KINDS, ZONE_ABBR_CS, ZONE_SUFFIX
from storyline.enrich.times.zones import named_zone, zone_for
from storyline.rules import times as R


class Cand:
    __slots__ = ("name", "m", "start", "end", "mod", "zone", "day", "out", "local", "lead",
                 "pair_year")

    def __init__(self, name, m, start=None, end=None):
        self.name, self.m = name, m
        self.start = m.start() if start is None else start
        self.end = m.end() if end is None else end
        self.mod = None
        self.zone = None  # ZoneInfo for clock times
        self.day = None   # a merged day candidate for "10 p.m. Wednesday"
        self.local = False  # "3 p.m. local time": the zone is the place's, named later
        self.lead = None  # start of the larger expression it was merged into (for tense)
        self.out = None
        self.pair_year = None  # "Dec. 18 and 19, 2021": the year written after the pair


_DAY_AFTER = re.compile(r"\s+[0-3]?\d(?:st|nd|rd|th)?\b(?![.,]?\d)")


def _cap(text: str, i: int) -> bool:
    return text[i:i + 1].isupper()


def _keep(name: str, m: re.Match, text: str) -> bool:
    """Filters no regex can say well: capitalisation, ambiguity, amounts."""
    g = m.groupdict()
    if g.get("mon") is not None:
        if not _cap(text, m.start("mon")):
            return False
        mon = g["mon"].lower().rstrip(".")
        if name == "month" and mon in R.AMBIGUOUS_MONTHS and not g.get("rel"):
            before = text[max(0, m.start() - 12):m.start()].lower().split()
            if not before or before[-1].rstrip("-") not in R.MONTH_SAFE_BEFORE:
                if not _scheduled_for(text, m.start()):
                    return False  # "in mid-March" counts, "troops march" does not
        if name == "month" and len(mon) <= 4 and mon not in ("may", "june", "july") \
                and not g["mon"].endswith("."):
            return False
    if name == "month" and g.get("rel") and _DAY_AFTER.match(text, m.end()):
        return False  # "last Oct. 23": the day-month date is the expression
    if g.get("wd") is not None and not _cap(text, m.start("wd")):
        return False
    if g.get("day") is not None and name in ("dmy", "mdy", "iso", "dotted", "dashed", "ordinal_day"):
        if not 1 <= int(g["day"]) <= 31:
            return False
    if g.get("m") is not None and not 1 <= int(g["m"]) <= 12:
        return False
    if name == "year":
        y = int(g["year"])
        if not R.YEAR_RANGE[0] <= y <= R.YEAR_RANGE[1]:
            return False
        after = text[m.end():m.end() + 16].lower().split()
        if after and after[0].strip(".,;:") in R.NOT_YEAR_AFTER:
            return False
        if after and after[0][:1] == "%":
            return False
        before = text[max(0, m.start() - 12):m.start()].lower().split()
        if not g.get("fiscal") and before and before[-1] in R.NOT_YEAR_BEFORE:
            return False
        if _copyright_before(text, m.start()):
            return False  # "Copyright 2023 The Associated Press"
        if text[m.start() - 1:m.start()] in ("-", "/", ":") and not g.get("fiscal"):
            if text[m.start() - 4:m.start()].lower() != "mid-":
                return False
    if name == "year_span":
        y = int(g["year"])
        if int(g["y2"]) != (y + 1) % 100 or _copyright_before(text, m.start()):
            return False  # "1998-99" is a span; "2019-20" too, "1998-05" is not
    if name == "whole_year" and g.get("yrq") and text[m.end() - 5:m.end() - 4] == "-":
        nxt = re.match(r"\s+([a-z]+)", text[m.end():m.end() + 20])
        if nxt and nxt.group(1) not in R.YEAR_ADJECTIVE_NOT_BEFORE:
            return False  # "full-year results": an adjective of the figure
    if name == "quarter" and g["ord"] in R.LAST_ORDINALS \
            and not (g.get("rel") or g.get("theyear") or g.get("year2")):
        return False  # "the last quarter" alone is the previous quarter; "the last half" of what?
    if name == "decade":
        if g.get("cent") is None and "'" not in m.group(0):
            return False
    if name == "season":
        s = g["season"].lower()
        if s in ("fall", "spring") and not g.get("sdet"):
            prev = text[max(0, m.start() - 10):m.start()].lower().split()
            if not prev or prev[-1] not in ("in", "during", "by", "until", "since", "this",
                                            "last", "next", "through"):
                return False
        if s == "fall" and (g.get("sdet") or "").lower() == "the":
            nxt = text[m.end():m.end() + 4].lower()
            if nxt.startswith(" of") and not g.get("year"):
                return False
    if name == "ref":
        w = m.group(0).lower()
        if w == "current":
            nxt = text[m.end():m.end() + 20].lower().split()
            if nxt and nxt[0] in ("account", "accounts", "affairs", "events", "flows", "flow"):
                return False
    if name == "clock" and g.get("z4") is not None:
        if not ZONE_ABBR_CS.match(text[m.start("z4"):m.end("z4")]):
            return False  # "1200 est" is not a zone; the abbreviation must be in capitals
    if name == "holiday" and not _cap(text, m.start()):
        return False
    if name == "spoken_year":
        nxt = text[m.end():m.end() + 12].lower().split()
        if nxt and nxt[0].strip(".,") in ("percent", "people", "dollars", "years", "of"):
            return False
    if name == "duration":
        num = g["num"].lower()
        if num.isdigit() and len(num) == 4:
            return False  # "the 1988 quarter" is a year
        nxt = text[m.end():m.end() + 10].lower()
        if any(nxt.startswith(" " + w) for w in R.AGE_WORDS):
            return False  # "52 years old"
        if num in ("a", "an") and not g.get("det") and not g.get("shift"):
            prev = text[max(0, m.start() - 16):m.start()].lower().split()
            pw = prev[-1].strip(",.;:") if prev else ""
            if pw in R.RATE_WORDS or any(ch.isdigit() for ch in pw) or pw in R.NUMBER_WORDS \
                    or (pw.endswith("s") and len(pw) > 3 and pw not in R.RATE_NOT_PLURAL):
                return False
        if (g.get("suffix") or "").lower() == "-old":
            return False  # ages are not temporal expressions in TimeML
        if g["unit"].lower().endswith("s") and text[m.start("unit") - 1] == "-":
            return False  # "three-quarters" is a fraction
        if num in ("a", "an") and not g.get("det") and not g.get("shift"):
            prev = text[max(0, m.start() - 10):m.start()].lower().split()
            if prev and prev[-1] in ("once", "twice", "times", "per", "than"):
                return False
        if num == "some" and not g.get("shift"):
            return False
        if g["unit"].lower().rstrip("s") in ("second",) and num in ("a", "an"):
            return False
    if name == "relative_unit":
        if g.get("the") and g["runit"].lower() in R.SEASONS:
            return False  # "the spring" is the season pattern's
        if g.get("the") and g["runit"].lower() in ("decade", "century", "week"):
            return False
    if name == "latest_period":
        if not g.get("lw") and not g.get("year") and g["pn"].lower() == "period":
            return False
        if not m.group(0).lower().startswith("the") and not g.get("lw"):
            return False
    return True


def _scheduled_for(text: str, start: int) -> bool:
    """"a vote is planned for May": "for" after a scheduling word (MONTH_FOR_AFTER)."""
    before = text[max(0, start - 30):start].lower().split()
    return len(before) >= 2 and before[-1] == "for" and before[-2] in R.MONTH_FOR_AFTER


def _copyright_before(text: str, start: int) -> bool:
    """A year in a copyright line: "Copyright 2023", "(c) 2023", "©2023"."""
    before = text[max(0, start - 16):start].lower()
    toks = before.replace("\u00a9", " \u00a9 ").split()
    return bool(toks) and (toks[-1] in R.COPYRIGHT_WORDS or
                           (len(toks) >= 2 and toks[-2] in R.COPYRIGHT_WORDS and toks[-1] in R.COPYRIGHT_WORDS))


def _windows(low: str) -> dict[str, list[tuple[int, int]]]:
    """Stretches of text around trigger words, by trigger kind."""
    out: dict[str, list[list[int]]] = {k: [] for k in TRIGGERS}
    w = R.TRIGGER_WINDOW_CHARS
    for m in TRIGGER.finditer(low):
        kinds = "D" if m.lastgroup == "D" else TRIGGER_KINDS[" ".join(m.group("w").split())]
        lo, hi = max(0, m.start() - w), m.end() + w
        for k in kinds:
            spans = out[k]
            if spans and lo <= spans[-1][1]:
                spans[-1][1] = hi
            else:
                spans.append([lo, hi])
    return {k: [(lo, min(hi, len(low))) for lo, hi in v] for k, v in out.items()}


def _pattern_windows(windows, kinds: str) -> list[tuple[int, int]]:
    if len(kinds) == 1:
        return windows[kinds]
    merged: list[list[int]] = []
    for lo, hi in sorted(x for k in kinds for x in windows[k]):
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    return [(lo, hi) for lo, hi in merged]


def find_candidates(text: str) -> list[Cand]:
    cands = []
    low = text.lower()
    if len(low) != len(text):  # a few non-ASCII letters change length when lower-cased
        low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    windows = _windows(low)
    for name, rx in PATTERNS.items():
        spans = _pattern_windows(windows, PATTERN_TRIGGERS[name])
        for m in (m for lo, hi in spans for m in rx.finditer(low, lo, hi)):
            if m.end() > m.start() and _keep(name, m, text):
                c = Cand(KIND.get(name, name), m)
                if name == "duration" and m.group("det") and text[m.start("unit") - 1] == "-" \
                        and m.group("det").lower() == "the":
                    c.start = m.start("num")  # "the 50-minute call": the adjective only
                if name == "clock" and m.group("z4") is not None:
                    c.zone = zone_for(text[m.start("z4"):m.end("z4")])  # "0945 GMT"
                if name == "ordinal_day":
                    c.start = m.start("the")  # "on the 5th": the preposition stays out
                if name == "quarter" and m.group("the") and text[m.start("qh") - 1] == "-":
                    c.start = m.start("ord")  # "the third-quarter profit"
                if name == "ref" and m.group(0).lower().startswith(R.REF_STRIP_PREFIX):
                    c.start = m.start() + text[m.start():].index(" ") + 1  # "in the past"
                cands.append(c)
    cands.sort(key=lambda c: (-(c.end - c.start), c.start))
    taken: list[Cand] = []
    occupied = bytearray(len(text) + 1)
    for c in cands:
        if any(occupied[c.start:c.end]):
            continue
        occupied[c.start:c.end] = b"\x01" * (c.end - c.start)
        taken.append(c)
    taken.sort(key=lambda c: c.start)
    return taken


_MOD_KINDS = {"month", "year", "decade", "century", "weekday", "dayword", "relative_unit", "season",
              "dmy", "mdy", "month_year", "clock", "quarter"}


def widen_candidate(text: str, cands: list[Cand]) -> list[Cand]:
    out: list[Cand] = []
    for c in cands:
        lo = out[-1].end if out else 0
        pre = text[max(lo, c.start - 24):c.start]
        if c.name in _MOD_KINDS:
            m = MOD_PREFIX_RE.search(pre)
            if m:
                key = " ".join(m.group("mod").lower().split())
                c.mod = R.MOD_PREFIX.get(key) or R.MOD_PREFIX.get(key.rstrip("-"))
                c.start = c.start - len(pre) + m.start()
        elif c.name == "duration" and not c.m.group("det"):
            m = APPROX_PREFIX_RE.search(pre)
            if m:
                c.mod = R.APPROX_PREFIX[" ".join(m.group("mod").lower().split())]
                c.start = c.start - len(pre) + m.start()
        if c.name in ("clock", "weekday", "dayword", "dmy", "mdy"):
            z = ZONE_SUFFIX.match(text, c.end)
            if z:
                name = z.group("zone") or z.group("named") or z.group("city") or z.group("incity")
                if z.group("named"):
                    zone = named_zone(z.group("named"))  # "5 p.m. Pacific time"
                else:
                    zone = zone_for(name) if name else None
                if name and z.group("zone") and not ZONE_ABBR_CS.match(z.group("zone")):
                    zone = None
                if zone is not None or (name is None and "local" in z.group(0)):
                    if z.group("incity") and (c.name != "clock" or
                                              z.start("incity") - c.end > R.ZONE_CITY_MAX_GAP + 3):
                        zone = None
                    if zone is not None or name is None:
                        c.zone = zone
                        c.end = z.end()
                        c.local = zone is None
                        if c.local and c.name == "clock":
                            c.zone = _place_zone_before(text, c.start)
        # a weekday followed by its date: "Saturday, April 25" (the date gives the value)
        if out and out[-1].name == "weekday" and c.name in ("dmy", "mdy") and \
                re.fullmatch(r",?\s*", text[out[-1].end:c.start]) and not out[-1].m.group("pod"):
            c.start, c.mod = out[-1].start, out[-1].mod or c.mod
            out[-1] = c
            continue
        # a clock time followed by its day: "10 p.m. Wednesday", "5 p.m. EST, Nov. 6"
        if out and out[-1].name == "clock" and out[-1].day is None and \
                c.name in ("weekday", "dmy", "mdy", "dayword") and \
                re.fullmatch(r",?\s*(?:on\s+)?", text[out[-1].end:c.start]):
            out[-1].day = c
            out[-1].end = c.end
            c.lead = out[-1].start  # "until 9 a.m. EST Tuesday": the preposition is the day's
            if out[-1].local and out[-1].zone is None:
                out[-1].zone = _place_zone_after(text, c.end)
            continue
        out.append(c)
    return _day_pairs(text, out)


_PAIR_DAY = re.compile(rf"\s*(?:{'|'.join(re.escape(w) for w in R.DAY_PAIR_JOINERS)})\s*"
                       r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
                       rf"(?=\s*(?:[.,;:)!?]|$)|\s+(?:{'|'.join(R.DAY_PAIR_FOLLOWERS)})\b)(?![.,]\d)")


# "Dec. 18 and 19, 2021": the pair's year follows the second day and belongs to both
_PAIR_DAY_YEAR = re.compile(rf"\s*(?:{'|'.join(re.escape(w) for w in R.DAY_PAIR_JOINERS)})\s*"
                            r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
                            rf"{R.DAY_PAIR_YEAR_SEPARATOR}(?P<year>(?:1[0-9]|20)\d\d)\b")


_PAIR_DAY_BEFORE = re.compile(rf"(?<![\w.,:/-])(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
                              rf"\s*(?:{'|'.join(re.escape(w) for w in R.DAY_PAIR_JOINERS)})\s*$")


def _day_pairs(text: str, cands: list[Cand]) -> list[Cand]:
    """"Dec. 18 and 19": the second day number is a date of its own in the same month (a
    ``pair_day`` candidate whose ``day`` is the first date). Day first ("18 and 19 December",
    "18-19 December", "between 18 and 20 December"): the first day number is a date of its own
    in the month of the second (a ``pair_day_before`` candidate whose ``day`` is that date)."""
    out: list[Cand] = []
    skip_to = -1
    for i, c in enumerate(cands):
        if c.start < skip_to:
            continue  # the year of "Dec. 18 and 19, 2021", taken into the pair
        if c.name == "dmy" and c.mod is None:
            lo = out[-1].end if out else 0
            lo = max(lo, c.start - R.DAY_PAIR_BEFORE_MAX_CHARS)
            m = _PAIR_DAY_BEFORE.search(text, lo, c.start)
            if m and 1 <= int(m.group("day")) <= 31:
                p = Cand("pair_day_before", m, m.start("day"), m.end("day"))
                p.day = c
                out.append(p)
        out.append(c)
        if c.name != "mdy" or c.m.groupdict().get("year"):
            continue
        m = _PAIR_DAY_YEAR.match(text, c.end)
        if m and 1 <= int(m.group("day")) <= 31:
            c.pair_year = int(m.group("year"))
            p = Cand("pair_day", m, m.start("day"), m.end())
            p.day = c
            out.append(p)
            skip_to = m.end()
            continue
        m = _PAIR_DAY.match(text, c.end)
        if not m or not 1 <= int(m.group("day")) <= 31:
            continue
        if i + 1 < len(cands) and cands[i + 1].start < m.end():
            continue
        p = Cand("pair_day", m, m.start("day"), m.end())
        p.day = c
        out.append(p)
    return out


_IN_PLACE = re.compile(r"(?:,\s*)?\s+in\s+(?P<city>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b")


def _place_zone_after(text: str, end: int):
    """"3 p.m. local time on Monday in Tokyo": "local time" says the zone is the place's, and
    the place follows the day. Only a place right after the expression counts (the gap of
    ZONE_CITY_MAX_GAP characters plus "in"); the place stays out of the span (it locates the
    event as much as the clock)."""
    m = _IN_PLACE.match(text, end)
    if not m or m.start("city") - end > R.ZONE_CITY_MAX_GAP + 3:
        return None
    return zone_for(m.group("city"))


_PLACE_AT = re.compile(r"\bin\s+(?P<city>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+at\s+(?:about\s+|around\s+)?$")


def _place_zone_before(text: str, start: int):
    """"signed the deal in Rome at 11:30 am local time": a place right before "at" and the
    clock time is where the local time is kept (PLACE_BEFORE_CLOCK_MAX_CHARS of look-back)."""
    m = _PLACE_AT.search(text, max(0, start - R.PLACE_BEFORE_CLOCK_MAX_CHARS), start)
    return zone_for(m.group("city")) if m else None
