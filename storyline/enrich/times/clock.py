"""Normaliser for clock times: the hour, the day it belongs to, and the zone (to UTC)."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from storyline.enrich.times.dates import number
from storyline.enrich.times.context import make_item, resolve
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
        h = int(g["hoc"]) if g["hoc"].isdigit() else int(number(g["hoc"]))
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
        day_item = resolve(day_c, x)
        d = day_item["_d"] if day_item else None
        if c.day is None:
            anchor = day_c  # the id is known once ``day_c`` is emitted
    else:
        d, anchor = _clock_day(c, x)
    if d is None:
        return make_item("TIME", f"XXXX-XX-XXT{h:02d}:{mi:02d}", c.mod)
    zone = c.zone
    partner = _bracket_partner(c, x)
    if partner is not None and isinstance(partner, tuple):
        # "3 p.m. (1300 GMT)": the bracketed UTC clock gives the local one its offset
        ph, pm_ = partner
        off = ((h * 60 + mi) - (ph * 60 + pm_)) % (24 * 60)
        if off > R.MAX_UTC_OFFSET_MINUTES:
            off -= 24 * 60
        zone = timezone(timedelta(minutes=off))
    elif partner is not None:
        # the bracketed UTC clock of "3 p.m. (1300 GMT)": the same moment as the local one
        it = resolve(partner, x)
        if it and it["value"].endswith("Z"):
            return make_item("TIME", it["value"], c.mod, it["anchor"], "day", it["_d"])
    if zone is None and c.local:
        # "took off from Kuala Lumpur ... at 12:41 a.m. local time": the place named in its
        # sentence, else the one country the story is about
        zone = _sentence_place_zone(c, x) or x.story_zone()
    if zone is not None:
        # midnight is the end of its day (TimeML T24:00): in UTC, 00:00 of the next local day
        local = datetime(d.year, d.month, d.day, 0 if h == 24 else h, mi, tzinfo=zone)
        if h == 24:
            local += timedelta(days=1)
        if x.dct_dt is not None and c.day is None and anchor == "published":
            # no day of its own, only the publication moment: the nearest such moment on the
            # side of publication the sentence's tense points to
            tense = x.tense(c) or R.CLOCK_DEFAULT_TENSE
            if tense == "past" and local > x.dct_dt:
                local -= timedelta(days=1)
                d = d - timedelta(days=1)
            elif tense == "future" and local < x.dct_dt:
                local += timedelta(days=1)
                d = d + timedelta(days=1)
        u = local.astimezone(timezone.utc)
        return make_item("TIME", f"{u.date().isoformat()}T{u.hour:02d}:{u.minute:02d}Z", c.mod,
                     anchor, "day", d)
    return make_item("TIME", f"{d.isoformat()}T{h:02d}:{mi:02d}", c.mod, anchor, "day", d)


_LOCATIVE_PLACE = re.compile(rf"\b(?:{'|'.join(R.LOCATIVE_PREPOSITIONS)})\s+"
                             r"(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b")


def _sentence_place_zone(c, x):
    """The zone of the last place named after a locative preposition (LOCATIVE_PREPOSITIONS)
    in the clock time's sentence before it ("from Kuala Lumpur"), else None."""
    from storyline.enrich.times.zones import zone_for

    lo = sentence_start(x, c.start, 0)
    for m in reversed(list(_LOCATIVE_PLACE.finditer(x.text, lo, c.start))):
        zone = zone_for(m.group("place"))
        if zone is not None:
            return zone
    return None


def _is_utc(zone) -> bool:
    return getattr(zone, "key", None) in R.UTC_ZONE_KEYS


def _bracket_partner(c, x):
    """A clock with no zone followed by a UTC clock in brackets ("3 p.m. (1300 GMT)"): the
    bracketed one's (hour, minute). The bracketed UTC clock itself: the local candidate before
    it. Else None."""
    if c.zone is None:
        for cand in x.pending:
            if cand.start >= c.end and cand.name == "clock":
                if x.text[c.end:cand.start].strip() == "(" and _is_utc(cand.zone):
                    return _clock_hm(cand)
                break
            if cand.start >= c.end:
                break
        return None
    if not _is_utc(c.zone):
        return None
    prev = None
    for cand in x.pending:
        if cand.start >= c.start:
            break
        prev = cand
    if prev is not None and prev.name == "clock" and prev.zone is None and \
            x.text[prev.end:c.start].strip() == "(" and _clock_hm(prev) is not None:
        return prev
    return None


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
    dated elsewhere in the text), else the latest day named in its sentence or the
    CLOCK_PREVIOUS_SENTENCES before it, else the DCT."""
    ev = _event_day(c, x)
    if ev is not None:
        return ev
    prev = x.last(("day",))
    if prev is not None and prev["_d"] is not None and \
            prev["start"] >= sentence_start(x, c.start, R.CLOCK_PREVIOUS_SENTENCES):
        return prev["_d"], prev["id"]
    if x.dct is not None and x.tense(c) == "future":
        # "The call is scheduled for 4 pm": a scheduled clock takes the latest day ahead of
        # publication named before it (never one from a later sentence)
        for it in reversed(x.items):
            if it.get("_g") == "day" and it.get("_d") is not None and it["_d"] > x.dct:
                return it["_d"], it["id"]
    return x.dct, "published"


_SENT_BREAK = re.compile(r"[.!?]['\"\u201d]?\s+(?=[A-Z\"\u201c'(])|\n")


def sentence_start(x, pos: int, back: int) -> int:
    """Where the sentence ``back`` sentences before the one holding ``pos`` starts (a full stop
    after an abbreviation in NOT_SENTENCE_END does not end a sentence)."""
    starts = [0]
    for m in _SENT_BREAK.finditer(x.text, 0, pos):
        if x.text[m.start()] == ".":
            j = m.start()
            while j > 0 and not x.text[j - 1].isspace():
                j -= 1
            if x.text[j:m.start()].lower().lstrip("(\"'") in R.NOT_SENTENCE_END:
                continue
        starts.append(m.end())
    return starts[max(0, len(starts) - 1 - back)]


def event_nouns(c, x) -> set[str]:
    """The event the clock time belongs to: the subject/object nouns of its verb (parse), and
    the EVENT_NOUNS of its sentence."""
    lo = sentence_start(x, c.start, 0)
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", x.text[lo:c.start])}
    nouns = words & R.EVENT_NOUNS
    if x.sdoc is not None:
        span = x.sdoc.char_span(c.start, c.end, alignment_mode="expand")
        if span is not None:
            tok = span.root
            for _ in range(4):
                if tok.pos_ in ("VERB", "AUX"):
                    break
                tok = tok.head
            nouns |= _args(tok)
    return nouns


def _args(tok) -> set[str]:
    return {ch.lemma_.lower() for ch in tok.children
            if ch.dep_ in ("nsubj", "nsubjpass", "dobj") and ch.pos_ == "NOUN"}


def _date_nouns(cand, x) -> set[str]:
    """The nouns a date belongs to: the noun it modifies ("the meeting on Feb. 3"), or the
    subject/object of the verb it modifies ("will hold a meeting on Feb. 3"); without a parse,
    the EVENT_NOUNS of its sentence."""
    if x.sdoc is None:
        lo = sentence_start(x, cand.start, 0)
        m = _SENT_BREAK.search(x.text, cand.end)
        hi = m.start() if m else len(x.text)
        return {w.lower() for w in re.findall(r"[A-Za-z]+", x.text[lo:hi])} & R.EVENT_NOUNS
    s = x.sdoc.char_span(cand.start, cand.end, alignment_mode="expand")
    if s is None:
        return set()
    head = s.root.head
    if head.pos_ == "ADP":
        head = head.head
    if head.pos_ == "NOUN":
        return {head.lemma_.lower()}
    if head.pos_ in ("VERB", "AUX"):
        return _args(head)
    return set()


def _event_day(c, x):
    nouns = event_nouns(c, x)
    if not nouns:
        return None
    found = None
    for cand in x.pending:
        if cand is c or cand.name not in ("weekday", "dmy", "mdy", "dayword", "iso"):
            continue
        later = cand.start > c.start and sentence_start(x, cand.start, 0) > c.start
        if cand.start > c.start and found is not None:
            break  # the latest dated mention before the clock wins over a later one
        if not (_date_nouns(cand, x) & nouns):
            continue
        it = resolve(cand, x)
        if it and it.get("_d") and later and not _same_side(it["_d"], c, x):
            break  # a later sentence's day on the other side of publication: another event
        if it and it.get("_d"):
            found = (it["_d"], cand)  # the anchor id is known once ``cand`` is emitted
            if cand.start > c.start:
                break
    return found


def event_anchor(nouns: set[str], x, before: int):
    """The latest day-dated candidate before ``before`` whose event noun is one of ``nouns``
    ("a 70-minute call late on Monday" for "a second call ... two days later"): its item and
    candidate, else None."""
    if not nouns:
        return None
    found = None
    for cand in x.pending:
        if cand.start >= before:
            break
        dated = cand.name in _DAY_KINDS or (cand.name == "clock" and cand.day is not None)
        if not dated or not (_date_nouns(cand, x) & nouns):
            continue
        it = resolve(cand, x)
        if it and it.get("_d") is not None:
            found = (it, cand)
    return found


_EVENT_AFTER = re.compile(r"\s+(?:the|a|an|this|that|their|its|his|her)\s+(?:\w+\s+){0,2}?(?P<noun>[a-z]+)\b")


def event_after(x, end: int):
    """The EVENT_NOUNS word of "before the talks" right after ``end``, else None."""
    m = _EVENT_AFTER.match(x.text, end)
    return m.group("noun") if m and m.group("noun") in R.EVENT_NOUNS else None


def _same_side(d, c, x) -> bool:
    """Does day ``d`` lie on the side of publication the clock's tense points to ("the call
    began at 3:35 pm" and a past "Thursday" later; not "is scheduled for 4 pm" and a past
    "Tuesday's call")? No tense or no DCT: no."""
    tense = x.tense(c)
    if x.dct is None or tense is None:
        return False
    return d <= x.dct if tense == "past" else d >= x.dct
