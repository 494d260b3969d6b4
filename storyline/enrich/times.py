"""Temporal expressions: find them and normalise them to TIMEX3 values.

How it works (a small HeidelTime-style rule grammar, Strötgen & Gertz 2013):

1. **Find.** Named regular-expression patterns (built from the word lists in
   :mod:`storyline.rules.times`) propose candidate spans; overlapping candidates are settled
   longest first.
2. **Widen.** A candidate takes in a modifier before it ("early", "the end of" -> ``mod``;
   "about", "more than" before a number), a zone after a clock time ("ET", "Moscow time",
   "in Moscow"), and a clock time merges with the day that follows it ("10 p.m. Wednesday").
3. **Normalise,** in text order, so that anaphoric expressions ("two days later",
   "a year earlier", "the next day") are anchored on the previous date in the text, and the
   rest on the publication date (DCT). Weekdays, bare months, day-months and seasons go to the
   past or the future by the tense of the verb that governs them (spaCy tags when a parse is
   given, cue words otherwise), else to the nearest one.

Values follow TimeML: ``2022-01-09``, ``2022-01``, ``2022``, ``2021-W52``, ``2021-SP``,
``1989-Q3``, ``198`` (the 1980s), ``2021-12-30T20:35Z`` (a clock time with a known zone, in
UTC), ``PT50M``, ``P2D``, ``PXY``, ``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF``.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from storyline.enrich.pipeline import Document, component
from storyline.rules import times as R

__all__ = ["find_times", "TIMES"]

# ---------------------------------------------------------------------------------------------
# Grammar: regex building blocks assembled from the word lists
# ---------------------------------------------------------------------------------------------


def _alt(words) -> str:
    """Alternation of ``words`` as a prefix tree (so the regex engine tries one branch per
    letter instead of every word), longer words first, spaces matching any whitespace."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        end = "" in node
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + emit(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return f"(?:{body})?"
        return body

    return emit(trie)


_MON_FULL = [m for m in R.MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_MON = (rf"(?P<mon>{_alt(_MON_FULL)}|(?:{_alt(m for m in R.MONTHS if m not in _MON_FULL)})"
        rf"(?![a-z])\.?)")
_WD = rf"(?P<wd>{_alt(R.WEEKDAY_FULL)})"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[0-9]|20)\d\d)"
_UNITS = {"seconds": "second", "minutes": "minute", "hours": "hour", "days": "day",
          "nights": "night", "weeks": "week", "months": "month", "quarters": "quarter",
          "years": "year", "decades": "decade", "centuries": "century", "weekends": "weekend"}
_UNIT = rf"(?P<unit>{_alt(list(R.UNITS) + list(_UNITS))})"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_NUM = (rf"(?P<num>\d+(?:\.\d+|\s+1/2|-1/2)?|(?:{_TENS})[\s-](?:{_ONES})|{_alt(R.NUMBER_WORDS)}"
        rf"|{_alt(R.VAGUE_QUANTITIES)})")
_SEASON = rf"(?P<season>{_alt(R.SEASONS)})"
_POD = rf"(?P<pod>{_alt(R.PARTS_OF_DAY)})"
_AMPM = r"(?P<ampm>[ap]\.?\s?m\b\.?)"
_ZONE = rf"(?P<zone>{_alt(R.ZONE_ABBREVIATIONS)})"
_REL = rf"(?P<rel>{_alt(R.RELATIVE_DETERMINERS)})"

F = re.I


def _p(rx: str) -> re.Pattern:
    """Patterns run over the lower-cased text (faster than re.IGNORECASE); capitalisation is
    checked on the original text afterwards."""
    return re.compile(rx)


#: name -> compiled pattern. Each name has a normaliser ``_norm_<name>`` below.
PATTERNS: dict[str, re.Pattern] = {
    # 9 January 2022, 9th of January; January 9, 2022; Sept. 30
    "dmy": _p(rf"\b{_DAY}\s+(?:of\s+)?{_MON}(?![a-z])(?:,?\s+{_YEAR}\b)?"),
    "mdy": _p(rf"\b{_MON}\s+{_DAY}\b(?!\s*(?:%|percent|\.\d|,\d))(?:,?\s+{_YEAR}\b)?"),
    "month_year": _p(rf"\b{_MON}(?![a-z])\s*,?\s+(?:of\s+)?(?:{_YEAR}\b|{_REL}\s+year\b)"),
    "iso": _p(r"\b(?P<year>\d{4})-(?P<m>\d\d)-(?P<day>\d\d)\b"),
    "dotted": _p(r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<year>\d{4})\b"),
    "slashed": _p(r"(?<![\d/])(?P<m>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>\d{4}|\d\d)\b"),
    "month": _p(rf"\b(?:{_REL}\s+)?{_MON}(?![a-z])"),
    "year": _p(rf"(?<![\d,.$£€#])(?:(?P<fiscal>fiscal(?:\s+year)?)\s+)?{_YEAR}(?![\d,]\d)(?!\.\d)(?!-\d)"),
    "decade": _p(r"\b(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-])?(?P<cent>1[0-9]|20)?'?"
                 r"(?P<dec>\d)0'?s\b"),
    "weekday": _p(rf"\b(?:{_REL}\s+)?{_WD}(?P<pl>s)?\b(?:\s+{_POD}(?P<podpl>s)?\b)?"),
    "clock": _p(rf"(?<![\d:.$])(?=\d)(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*{_AMPM}"
                rf"|(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)(?![\d:])"
                rf"|(?P<hoc>[01]?\d)\s+o'?clock\b)"),
    "clockword": _p(rf"\b(?:(?P<word>noon|midnight|midday)\b"
                    rf"|(?P<hoc>{_ONES}|ten|eleven|twelve)\s+o'?clock\b)"),
    "dayword": _p(rf"\b(?:(?P<dw>today|yesterday|tomorrow|tonight|overnight)"
                  rf"|(?P<dw2>this|last|yesterday|tomorrow)\s+{_POD})\b"),
    "anaphoric_day": _p(rf"\b(?:{_alt(R.ANAPHORIC_DAYS)})\b"),
    "ref": _p(rf"\b(?:{_alt(w for w in R.REF_WORDS if w not in R.REF_WORDS_SKIPPED)})\b"),
    "relative_unit": _p(rf"\b(?:{_REL}|(?P<the>the))\s+(?P<runit>week|month|year|quarter|weekend"
                        rf"|decade|century|{_alt(R.SEASONS)})\b(?!-)"),
    "duration": _p(rf"\b(?:(?P<det>{_alt(R.DURATION_DETERMINERS + ['the'])})\s+)?{_NUM}"
                   rf"(?:\s+(?:more|additional|straight|consecutive|full))?[\s-]+{_UNIT}"
                   rf"(?P<suffix>-old|-long)?\b"
                   rf"(?:\s+(?P<shift>{_alt(R.SHIFT_SUFFIX)})\b)?"),
    "bare_units": _p(r"(?<=\bfor\s)(?P<unit>years|months|weeks|days|decades|hours)\b"),
    "quarter": _p(rf"\b(?:(?P<the>the)\s+)?(?:{_YEAR}\s+|(?P<poss>this|last|next)\s+year'?s\s+)?"
                  rf"(?:(?P<fisc>fiscal)\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"
                  rf"(?:[\s-]fiscal)?[\s-](?P<qh>quarter|half)\b(?!s)"
                  rf"(?:\s+of\s+(?:{_REL}\s+year|(?P<year2>(?:1[0-9]|20)\d\d)))?"),
    "latest_period": _p(rf"\b(?:the\s+)?(?:{_YEAR}\s+)?(?:(?P<lw>{_alt(R.LATEST_WORDS)}|year-earlier|year-ago"
                        rf"|same|current|prior-year|comparable)\s+)?(?P<pn>quarter|period)\b(?!s)"),
    "period_year_ago": _p(r"\b(?:the\s+)?(?:same\s+|corresponding\s+|comparable\s+)?"
                          r"(?:quarter|period)\s+(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year)\b"
                          r"|\blast\s+year'?s\s+(?:quarter|period)\b"),
    "whole_year": _p(r"\b(?:the\s+)?(?:(?P<yrq>full|fiscal|current\s+fiscal|calendar)[\s-]year"
                     r"|(?P<yend>year(?:'s)?[\s-]end))\b(?!-)"),
    "year_ago_adj": _p(r"\b(?:the\s+)?(?:year-earlier|year-ago)\b"),
    "holiday": _p(rf"\b(?:{_alt(list(R.HOLIDAYS_FIXED) + list(R.HOLIDAYS_RULE) + [R.ELECTION_DAY])})\b"
                  rf"(?:,?\s+{_YEAR}\b)?"),
    "spoken_year": _p(rf"\b(?P<sy1>nineteen|twenty)[\s-](?:hundred\s+(?:and\s+)?)?"
                      rf"(?P<sy2>(?:{_TENS})(?:[\s-](?:{_ONES}))?|ten|eleven|twelve|thirteen|"
                      rf"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b"
                      rf"|\btwo\s+thousand(?:\s+and)?(?:\s+(?P<sy3>{_ONES}|ten))?\b"),
    "century": _p(r"\b(?:the\s+)?(?P<cn>1?\d|2[01])(?:st|nd|rd|th)[\s-]century\b"),
    "season": _p(rf"\b(?:(?P<sdet>last|this|next|the|early|late|mid-?)\s+)?{_SEASON}\b"
                 rf"(?:\s+(?:of\s+)?{_YEAR}\b)?"),
    "set": _p(rf"\b(?:{_alt(R.SET_WORDS)})\b|\b(?:{_alt(R.SET_DETERMINERS)})\s+(?:other\s+)?"
              rf"(?P<sunit>day|week|month|year|quarter|hour|night|morning|evening|{_alt(R.WEEKDAY_FULL)})\b"),
}

#: Trigger words by kind; every pattern holds a word of the kinds listed for it in
#: _PATTERN_TRIGGERS, so it is run only near those (several times faster on news text).
_TRIGGERS = {
    "M": list(R.MONTHS),
    "D": [],  # digits
    "W": list(R.WEEKDAYS),
    "U": list(R.UNITS) + list(_UNITS) + list(R.SEASONS) + ["period", "half", "end"],
    "X": (list(R.PARTS_OF_DAY) + list(R.CLOCK_WORDS) + list(R.SET_WORDS) + list(R.DAY_WORDS)
          + list(R.ANAPHORIC_DAYS) + list(R.REF_WORDS) + list(R.HOLIDAYS_FIXED)
          + list(R.HOLIDAYS_RULE) + list(R.SET_DETERMINERS)
          + [R.ELECTION_DAY, "o'clock", "oclock", "nineteen", "twenty", "thousand"]),
}
_PATTERN_TRIGGERS = {
    "dmy": "M", "mdy": "M", "month_year": "M", "month": "M", "iso": "D", "dotted": "D",
    "slashed": "D", "year": "D", "decade": "D", "clock": "D", "century": "D", "weekday": "W",
    "duration": "U", "bare_units": "U", "relative_unit": "U", "quarter": "U",
    "latest_period": "U", "period_year_ago": "U", "whole_year": "U", "year_ago_adj": "U",
    "season": "U", "set": "UWX", "dayword": "X", "anaphoric_day": "X", "clockword": "X",
    "ref": "X", "holiday": "X", "spoken_year": "X",
}
_TRIGGER_KINDS: dict[str, str] = {}
for _k, _words in _TRIGGERS.items():
    for _w in _words:
        _TRIGGER_KINDS[" ".join(_w.split())] = _TRIGGER_KINDS.get(" ".join(_w.split()), "") + _k
_TRIGGER = re.compile(rf"(?P<D>\d+)|\b(?P<w>{_alt(_TRIGGER_KINDS)})(?![a-z])")
#: Patterns that share another one's normaliser.
_KIND = {"clockword": "clock"}
_SEASON_CENTER = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}
_ZONE_SUFFIX = re.compile(
    rf"\s*(?:\(?\s*{_ZONE}\b\)?|(?P<city>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?:local\s+)?time\b"
    rf"|(?:,\s*)?in\s+(?P<incity>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b|\s*local\s+time\b)")
_PERIOD_END = re.compile(rf"\s+(?:{_alt(R.PERIOD_END_WORDS)})\b", F)
_ZONE_ABBR_CS = re.compile(rf"^(?:{_alt(R.ZONE_ABBREVIATIONS)})$")
_MOD_PREFIX = re.compile(rf"(?:^|(?<=[^\w-]))(?P<mod>{_alt(R.MOD_PREFIX)})[\s-]*(?:on\s+)?$", F)
_APPROX_PREFIX = re.compile(rf"(?:^|(?<=\W))(?P<mod>{_alt(R.APPROX_PREFIX)})\s+$", F)
_SENT_END = re.compile(r"[.!?;:\n]\s|\n")
_FUTURE_CUE = re.compile(rf"\b(?:{_alt(R.FUTURE_CUES)})\b", F)
_PERFECT_CUE = re.compile(rf"\b(?:{_alt(R.PAST_PERFECT_CUES)})\b", F)
_PAST_CUE = re.compile(rf"\b(?:{_alt(R.PAST_CUES)})\b|\b\w{{3,}}ed\b", F)
_WORD_NUM = {k.replace(" ", ""): v for k, v in R.NUMBER_WORDS.items()}


# ---------------------------------------------------------------------------------------------
# Calendar helpers
# ---------------------------------------------------------------------------------------------

def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _fmt(gran: str, d: date, extra: str = "") -> str:
    if gran == "day":
        return d.isoformat() + extra
    if gran == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if gran == "year":
        return f"{d.year:04d}"
    if gran == "week":
        iy, iw, _ = d.isocalendar()
        return f"{iy:04d}-W{iw:02d}" + extra
    if gran == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if gran == "half":
        return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
    if gran == "decade":
        return f"{d.year // 10:03d}"
    if gran == "century":
        return f"{d.year // 100:02d}"
    raise ValueError(gran)


def _shift(gran: str, d: date, n: int) -> date:
    if gran == "day":
        return d + timedelta(days=n)
    if gran == "week":
        return d + timedelta(weeks=n)
    months = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}[gran]
    y, m = _add_months(d.year, d.month, n * months)
    return date(y, m, 1)


def _number(word: str) -> float | None:
    w = " ".join(word.lower().replace("-", " ").split())
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w)
    if re.fullmatch(r"\d+ 1/2", w):
        return float(w.split()[0]) + 0.5
    if w in R.NUMBER_WORDS:
        return R.NUMBER_WORDS[w]
    parts = w.split()
    if len(parts) == 2 and parts[0] in R.NUMBER_WORDS and parts[1] in R.NUMBER_WORDS:
        return R.NUMBER_WORDS[parts[0]] + R.NUMBER_WORDS[parts[1]]
    return None


def _duration(n: float | None, unit: str) -> str:
    letter, is_time = R.UNITS[unit]
    if letter == "WE":
        return "P2D" if n == 1 else ("PXWE" if n is None else f"P{int(n * 2)}D")
    if letter in R.UNIT_SCALE:
        if n is None:
            return f"PX{letter}"
        letter, k = R.UNIT_SCALE[letter]
        n = n * k
    t = "T" if is_time else ""
    if n is None:
        return f"P{t}X{letter}"
    if not float(n).is_integer() and letter in R.HALF_UNIT and float(n * 2).is_integer():
        sub, amount = R.HALF_UNIT[letter]
        whole = int(n)
        sub_t = "T" if (is_time or sub == "H") and not t else ""
        head = f"{whole}{letter}" if whole else ""
        if float(amount).is_integer():
            return f"P{t}{head}{sub_t}{int(amount)}{sub}"
    return f"P{t}{_num_str(n)}{letter}"


def _num_str(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else str(n)


def _as_date(published) -> date | None:
    if published is None:
        return None
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, date):
        return published
    return None


@lru_cache(maxsize=512)
def _zone_for(name: str) -> ZoneInfo | None:
    key = name.strip()
    iana = R.ZONE_ABBREVIATIONS.get(key) if _ZONE_ABBR_CS.match(key) else None
    if iana is None:
        from storyline.gazetteer import city_timezone

        key = R.ZONE_CITY_ALIASES.get(key.lower(), key)
        iana = city_timezone(key)
    if not iana:
        return None
    try:
        return ZoneInfo(iana)
    except (ZoneInfoNotFoundError, ValueError):
        return None


# ---------------------------------------------------------------------------------------------
# Tense: does the expression point to the past or the future?
# ---------------------------------------------------------------------------------------------

_FUTURE_LEMMAS = {"plan", "expect", "schedule", "intend", "aim", "hope", "prepare"}


_FUT_PREP = re.compile(rf"\b(?:{_alt(R.FUTURE_PREPOSITIONS)})\s+(?:the\s+)?(?:early\s+|mid-?\s*|late\s+)?$", F)
_PAST_PREP = re.compile(rf"\b(?:{_alt(R.PAST_PREPOSITIONS)})\s+(?:the\s+)?(?:early\s+|mid-?\s*|late\s+)?$", F)


def _prep_tense(text: str, start: int) -> str | None:
    before = text[max(0, start - 24):start]
    if _FUT_PREP.search(before):
        return "future"
    if _PAST_PREP.search(before):
        return "past"
    return None


def _tense(text: str, start: int, end: int, sdoc) -> str | None:
    """'past', 'future' or None: a preposition right before ("until", "since"), else the verb
    governing text[start:end] (parse), else cue words in the clause."""
    prep = _prep_tense(text, start)
    if prep:
        return prep
    if sdoc is not None:
        t = _tense_parse(sdoc, start, end)
        if t is not None:
            return t
    return _tense_cues(text, start, end)


def _tense_parse(sdoc, start: int, end: int) -> str | None:
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or tok.tag_ == "MD":
            auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
            words = {a.lower_ for a in auxes}
            if words & {"will", "'ll", "shall", "wo"}:
                return "future"
            if tok.tag_ == "VB" and any(a.lower_ == "to" for a in auxes):
                head = tok.head
                if head.lemma_ in ("be",) or head.lemma_ in _FUTURE_LEMMAS:
                    return "future"
            if tok.lemma_ in _FUTURE_LEMMAS and tok.tag_ != "VBD":
                return "future"
            if tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
                return "past"
            if tok.tag_ == "VBN" and words & {"has", "have", "had"}:
                return "past"
            if tok.tag_ == "VBN" and not auxes and tok.dep_ in ("acl", "amod"):
                return "past"
            if tok.dep_ in ("xcomp", "ccomp", "advcl", "pcomp", "acl", "relcl", "conj") \
                    and tok.tag_ in ("VB", "VBG", "VBN") and tok.head is not tok:
                tok = tok.head
                continue
            return None
        if tok.head is tok:
            return None
        tok = tok.head
    return None


def _clause_before(text: str, start: int) -> str:
    lo = max(0, start - R.TENSE_WINDOW_CHARS)
    chunk = text[lo:start]
    m = None
    for m in _SENT_END.finditer(chunk):
        pass
    return chunk[m.end():] if m else chunk


def _tense_cues(text: str, start: int, end: int) -> str | None:
    before = _clause_before(text, start)
    if _PERFECT_CUE.search(before):
        return "past"
    if _FUTURE_CUE.search(before):
        return "future"
    if _PAST_CUE.search(before):
        return "past"
    after = _SENT_END.split(text[end:end + 40])[0]
    if _FUTURE_CUE.search(after):
        return "future"
    if _PAST_CUE.search(after):
        return "past"
    return None


# ---------------------------------------------------------------------------------------------
# Candidates
# ---------------------------------------------------------------------------------------------

class _Cand:
    __slots__ = ("name", "m", "start", "end", "mod", "zone", "day", "out")

    def __init__(self, name, m, start=None, end=None):
        self.name, self.m = name, m
        self.start = m.start() if start is None else start
        self.end = m.end() if end is None else end
        self.mod = None
        self.zone = None  # ZoneInfo for clock times
        self.day = None   # a merged day candidate for "10 p.m. Wednesday"
        self.out = None


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
            if not before or before[-1] not in ("in", "since", "until", "by", "of", "from",
                                                "through", "early", "late", "mid", "during",
                                                "before", "after", "last", "next", "this", "till"):
                return False
        if name == "month" and len(mon) <= 4 and mon not in ("may", "june", "july") \
                and not g["mon"].endswith("."):
            return False
    if g.get("wd") is not None and not _cap(text, m.start("wd")):
        return False
    if g.get("day") is not None and name in ("dmy", "mdy", "iso", "dotted", "slashed"):
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
        if text[m.start() - 1:m.start()] in ("-", "/", ":") and not g.get("fiscal"):
            if text[m.start() - 4:m.start()].lower() != "mid-":
                return False
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
        if not g.get("lw") and g["pn"].lower() == "period":
            return False
        if not m.group(0).lower().startswith("the") and not g.get("lw"):
            return False
    return True


def _windows(low: str) -> dict[str, list[tuple[int, int]]]:
    """Stretches of text around trigger words, by trigger kind."""
    out: dict[str, list[list[int]]] = {k: [] for k in _TRIGGERS}
    w = R.TRIGGER_WINDOW_CHARS
    for m in _TRIGGER.finditer(low):
        kinds = "D" if m.lastgroup == "D" else _TRIGGER_KINDS[" ".join(m.group("w").split())]
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


def _candidates(text: str) -> list[_Cand]:
    cands = []
    low = text.lower()
    if len(low) != len(text):  # a few non-ASCII letters change length when lower-cased
        low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    windows = _windows(low)
    for name, rx in PATTERNS.items():
        spans = _pattern_windows(windows, _PATTERN_TRIGGERS[name])
        for m in (m for lo, hi in spans for m in rx.finditer(low, lo, hi)):
            if m.end() > m.start() and _keep(name, m, text):
                c = _Cand(_KIND.get(name, name), m)
                if name == "duration" and m.group("det") and text[m.start("unit") - 1] == "-" \
                        and m.group("det").lower() == "the":
                    c.start = m.start("num")  # "the 50-minute call": the adjective only
                if name == "quarter" and m.group("the") and text[m.start("qh") - 1] == "-":
                    c.start = m.start("ord")  # "the third-quarter profit"
                if name == "ref" and m.group(0).lower().startswith(R.REF_STRIP_PREFIX):
                    c.start = m.start() + text[m.start():].index(" ") + 1  # "in the past"
                cands.append(c)
    cands.sort(key=lambda c: (-(c.end - c.start), c.start))
    taken: list[_Cand] = []
    occupied = bytearray(len(text) + 1)
    for c in cands:
        if any(occupied[c.start:c.end]):
            continue
        occupied[c.start:c.end] = b"\x01" * (c.end - c.start)
        taken.append(c)
    taken.sort(key=lambda c: c.start)
    return taken


_MOD_KINDS = {"month", "year", "decade", "weekday", "dayword", "relative_unit", "season",
              "dmy", "mdy", "month_year", "clock", "quarter"}


def _widen(text: str, cands: list[_Cand]) -> list[_Cand]:
    out: list[_Cand] = []
    for c in cands:
        lo = out[-1].end if out else 0
        pre = text[max(lo, c.start - 24):c.start]
        if c.name in _MOD_KINDS:
            m = _MOD_PREFIX.search(pre)
            if m:
                key = " ".join(m.group("mod").lower().split())
                c.mod = R.MOD_PREFIX.get(key) or R.MOD_PREFIX.get(key.rstrip("-"))
                c.start = c.start - len(pre) + m.start()
        elif c.name == "duration" and not c.m.group("det"):
            m = _APPROX_PREFIX.search(pre)
            if m:
                c.mod = R.APPROX_PREFIX[" ".join(m.group("mod").lower().split())]
                c.start = c.start - len(pre) + m.start()
        if c.name in ("clock", "weekday", "dayword", "dmy", "mdy"):
            z = _ZONE_SUFFIX.match(text, c.end)
            if z:
                name = z.group("zone") or z.group("city") or z.group("incity")
                zone = _zone_for(name) if name else None
                if name and z.group("zone") and not _ZONE_ABBR_CS.match(z.group("zone")):
                    zone = None
                if zone is not None or (name is None and "local" in z.group(0)):
                    if z.group("incity") and (c.name != "clock" or
                                              z.start("incity") - c.end > R.ZONE_CITY_MAX_GAP + 3):
                        zone = None
                    if zone is not None or name is None:
                        c.zone = zone
                        c.end = z.end()
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
            continue
        out.append(c)
    return out


# ---------------------------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------------------------

class _Ctx:
    def __init__(self, text, dct, dct_dt, sdoc):
        self.text, self.dct, self.dct_dt, self.sdoc = text, dct, dct_dt, sdoc
        self.items: list[dict] = []  # resolved so far, with private _g/_d

    def tense(self, c: _Cand) -> str | None:
        return _tense(self.text, c.start, c.end, self.sdoc)

    def last(self, grans=("day",), within: int | None = None, before: int | None = None,
             absolute: bool = False):
        """The latest resolved item of one of ``grans`` (optionally not itself anaphoric)."""
        for it in reversed(self.items):
            if absolute and it.get("anchor") not in (None, "published"):
                continue
            if it.get("_g") in grans:
                if within is not None and before is not None and before - it["end"] > within:
                    return None
                return it
        return None


def _pick(cands: list[date], dct: date, tense: str | None) -> date:
    """Choose among candidate dates: the latest not after the DCT for the past, the earliest
    not before it for the future, else the nearest."""
    past = [d for d in cands if d <= dct]
    fut = [d for d in cands if d >= dct]
    if tense == "past" and past:
        return max(past)
    if tense == "future" and fut:
        return min(fut)
    return min(cands, key=lambda d: abs((d - dct).days))


def _item(type_, value, mod=None, anchor=None, gran=None, d=None):
    return {"type": type_, "value": value, "mod": mod, "anchor": anchor, "_g": gran, "_d": d}


def _norm_dmy(c, x: _Ctx):
    g = c.m.groupdict()
    mon, day = R.MONTHS[g["mon"].lower().rstrip(".")], int(g["day"])
    if g.get("year"):
        d = _safe_date(int(g["year"]), mon, day)
        return d and _item("DATE", d.isoformat(), c.mod, None, "day", d)
    if x.dct is None:
        return _item("DATE", f"XXXX-{mon:02d}-{day:02d}", c.mod)
    opts = [d for y in (x.dct.year - 1, x.dct.year, x.dct.year + 1)
            if (d := _safe_date(y, mon, day))]
    if not opts:
        return None
    prep = _prep_tense(x.text, c.start)
    reach = [d for d in opts if abs((d - x.dct).days) <= R.PREPOSITION_MAX_DAYS]
    if prep and reach:
        d = _pick(reach, x.dct, prep)
        return _item("DATE", d.isoformat(), c.mod, "published", "day", d)
    near = [d for d in opts if abs((d - x.dct).days) <= R.DAY_MONTH_WINDOW_DAYS]
    if len(near) == 1:
        return _item("DATE", near[0].isoformat(), c.mod, "published", "day", near[0])
    opts = near or opts
    d = _pick(opts, x.dct, x.tense(c))
    return _item("DATE", d.isoformat(), c.mod, "published", "day", d)


_norm_mdy = _norm_dmy


def _norm_iso(c, x):
    g = c.m.groupdict()
    y = int(g["year"])
    if y < 100:
        y += 1900 if y > 50 else 2000
    d = _safe_date(y, int(g["m"]), int(g["day"]))
    return d and _item("DATE", d.isoformat(), c.mod, None, "day", d)


_norm_dotted = _norm_slashed = _norm_iso


def _norm_month_year(c, x):
    g = c.m.groupdict()
    if g.get("year"):
        y = int(g["year"])
    elif x.dct is None:
        return None
    else:
        y = x.dct.year + (R.RELATIVE_DETERMINERS.get(" ".join(g["rel"].lower().split())) or 0)
    d = date(y, R.MONTHS[g["mon"].lower().rstrip(".")], 1)
    return _item("DATE", _fmt("month", d), c.mod, None, "month", d)


def _norm_month(c, x):
    g = c.m.groupdict()
    mon = R.MONTHS[g["mon"].lower().rstrip(".")]
    if x.dct is None:
        return _item("DATE", f"XXXX-{mon:02d}", c.mod)
    rel = (g.get("rel") or "").lower()
    shift = R.RELATIVE_DETERMINERS.get(" ".join(rel.split()))
    opts = [date(y, mon, 1) for y in (x.dct.year - 1, x.dct.year, x.dct.year + 1)]
    this = date(x.dct.year, x.dct.month, 1)
    if shift == -1:
        d = max(o for o in opts if o < this)
    elif shift == 1:
        d = min(o for o in opts if o > this)
    elif shift == 0:
        d = date(x.dct.year, mon, 1)
    else:
        tense = x.tense(c)
        if tense is None:
            back = max(o for o in opts if o <= this)
            months = (this.year - back.year) * 12 + this.month - back.month
            tense = R.MONTH_DEFAULT_TENSE if months <= R.MONTH_DEFAULT_PAST_MAX_MONTHS else "future"
        d = _pick(opts, this, tense)
    return _item("DATE", _fmt("month", d), c.mod, "published", "month", d)


def _norm_year(c, x):
    y = int(c.m.group("year"))
    d = date(y, 1, 1)
    return _item("DATE", f"{y:04d}", c.mod, None, "year", d)


def _norm_decade(c, x):
    g = c.m.groupdict()
    cent = g.get("cent")
    if cent is None:  # "the '80s": the latest such decade that has begun
        cent = "20" if x.dct is not None and 2000 + int(g["dec"]) * 10 <= x.dct.year else "19"
    mod = {"early": "START", "mid": "MID", "late": "END"}.get((g.get("mod") or "").lower(), c.mod)
    d = date(int(cent + g["dec"] + "0"), 1, 1)
    return _item("DATE", _fmt("decade", d), mod, None, "decade", d)


def _weekday_date(x: _Ctx, c: _Cand, wd: int, rel: str) -> date:
    shift = R.RELATIVE_DETERMINERS.get(" ".join(rel.lower().split())) if rel else None
    back = (x.dct.weekday() - wd) % 7
    fwd = (wd - x.dct.weekday()) % 7
    if shift == -1:
        return x.dct - timedelta(days=back or 7)
    if shift == 1:
        return x.dct + timedelta(days=fwd or 7)
    if shift == 0:
        return x.dct + timedelta(days=fwd)
    possessive = x.text[c.m.end("wd"):c.m.end("wd") + 2] in ("'s", "’s")
    tense = None if possessive else x.tense(c)
    if tense == "past":
        return x.dct - timedelta(days=back)
    if tense == "future":
        return x.dct + timedelta(days=fwd)
    if back <= R.WEEKDAY_DEFAULT_PAST_MAX_DAYS:
        return x.dct - timedelta(days=back)
    return x.dct + timedelta(days=fwd)


def _norm_weekday(c, x):
    g = c.m.groupdict()
    wd = R.WEEKDAYS[g["wd"].lower()]
    pod = R.PARTS_OF_DAY.get((g.get("pod") or "").lower())
    if g.get("pl") or g.get("podpl"):
        return _item("SET", f"XXXX-WXX-{wd + 1}" + (f"T{pod}" if pod else ""))
    if x.dct is None:
        return _item("DATE", f"XXXX-WXX-{wd + 1}", c.mod)
    d = _weekday_date(x, c, wd, g.get("rel") or "")
    if pod and R.WEEKDAY_PART_AS_TIME:
        return _item("TIME", f"{d.isoformat()}T{pod}", c.mod, "published", "day", d)
    return _item("DATE", d.isoformat(), c.mod, "published", "day", d)


def _norm_dayword(c, x):
    g = c.m.groupdict()
    if x.dct is None:
        return None
    if g.get("dw"):
        w = g["dw"].lower()
        if w in R.DAY_WORD_PART:
            d = x.dct - timedelta(days=1) if w == "overnight" else x.dct
            return _item("TIME", f"{d.isoformat()}T{R.DAY_WORD_PART[w]}", c.mod, "published", "day", d)
        d = x.dct + timedelta(days=R.DAY_WORDS[w])
        return _item("DATE", d.isoformat(), c.mod, "published", "day", d)
    w = g["dw2"].lower()
    pod = R.PARTS_OF_DAY[g["pod"].lower()]
    off = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[w]
    if w == "last" and pod != "NI":
        off = -1
    d = x.dct + timedelta(days=off)
    return _item("TIME", f"{d.isoformat()}T{pod}", c.mod, "published", "day", d)


def _norm_anaphoric_day(c, x):
    off = R.ANAPHORIC_DAYS[" ".join(c.m.group(0).lower().split())]
    prev = x.last(("day",))
    base, anchor = (prev["_d"], prev["id"]) if prev else (x.dct, "published")
    if base is None:
        return None
    d = base + timedelta(days=off)
    return _item("DATE", d.isoformat(), c.mod, anchor, "day", d)


def _norm_ref(c, x):
    w = " ".join(c.m.group(0).lower().split())
    return _item("DATE", R.REF_WORDS[w], c.mod)


def _unit_gran(unit: str) -> str:
    return {"week": "week", "weekend": "week", "month": "month", "quarter": "quarter",
            "year": "year", "decade": "decade", "century": "century", "day": "day"}[unit]


def _latest_quarter(dct: date) -> date:
    q0 = date(dct.year, (dct.month - 1) // 3 * 3 + 1, 1)
    return _shift("quarter", q0, -1)


def _norm_relative_unit(c, x):
    g = c.m.groupdict()
    unit = g["runit"].lower()
    rel = " ".join((g.get("rel") or "").lower().split())
    if rel in ("the past", "the last", "the next", "the coming", "past", "the following") \
            and unit not in R.SEASONS and unit != "weekend":
        return _item("DURATION", _duration(1, unit), c.mod)
    if g.get("the") and unit == "year" and \
            _PERIOD_END.match(x.text, c.end):
        return _item("DURATION", _duration(1, unit), c.mod)
    if x.dct is None:
        return None
    if rel in R.ANAPHORIC_DETERMINERS and unit not in R.SEASONS and unit != "weekend":
        gran = _unit_gran(unit)
        prev = x.last(("day", "week", "month", "quarter", "year"))
        if prev is not None and prev["_d"] is not None:
            d = _shift(gran, prev["_d"], R.ANAPHORIC_DETERMINERS[rel])
            return _item("DATE", _fmt(gran, d), c.mod, prev["id"], gran, d)
        if rel != "that":
            return _item("DURATION", _duration(1, unit), c.mod)
    if unit in R.SEASONS:
        code = R.SEASONS[unit]
        shift = R.RELATIVE_DETERMINERS.get(rel, 0)
        y = _season_year(x.dct, code, shift if rel else None, None)
        return _item("DATE", f"{y:04d}-{code}", c.mod, "published", "season", date(y, 1, 1))
    shift = R.RELATIVE_DETERMINERS.get(rel, 0) if rel else 0
    if unit == "weekend":
        base = x.dct
        if shift == 0 and not rel:
            t = x.tense(c)
            if t != "future" and x.dct.weekday() < 5:
                shift = -1
        d = _shift("week", base, shift)
        return _item("DATE", _fmt("week", d) + "-WE", c.mod, "published", "week", d)
    gran = _unit_gran(unit)
    if unit == "quarter" and not rel:
        ended = _quarter_ended(x, c)
        if ended is not None:
            return _item("DATE", _fmt("quarter", ended), c.mod, "published", "quarter", ended)
        prev = x.last(("quarter",), absolute=True)
        d = prev["_d"] if prev else _latest_quarter(x.dct)
        return _item("DATE", _fmt("quarter", d), c.mod, "published", "quarter", d)
    base = x.dct if gran in ("day", "week") else date(x.dct.year, x.dct.month, 1)
    if gran == "quarter":
        base = date(x.dct.year, (x.dct.month - 1) // 3 * 3 + 1, 1)
    d = _shift(gran, base, shift)
    return _item("DATE", _fmt(gran, d), c.mod, "published", gran, d)


_ENDED_MONTH = re.compile(rf"\s+(?:ended|ending|that\s+ended|which\s+ended)\s+{_MON}", F)


def _quarter_ended(x, c) -> date | None:
    """"the quarter ended Sept. 30": the calendar quarter holding that month."""
    m = _ENDED_MONTH.match(x.text, c.end)
    if not m or x.dct is None:
        return None
    mon = R.MONTHS[m.group("mon").lower().rstrip(".")]
    y = x.dct.year if mon <= x.dct.month else x.dct.year - 1
    return date(y, (mon - 1) // 3 * 3 + 1, 1)


def _season_year(dct: date, code: str, shift: int | None, tense: str | None) -> int:
    center = _SEASON_CENTER[code]
    cur_y = dct.year
    cands = [date(y, center, 15) for y in (cur_y - 1, cur_y, cur_y + 1)]
    if code == "WI":  # winter 2021 runs from December 2021 into 2022
        cands = [date(y + 1, 1, 15) for y in (cur_y - 2, cur_y - 1, cur_y)]
    if shift == 0:
        d = min(cands, key=lambda d: abs((d - dct).days))
    elif shift == -1:
        d = max(x for x in cands if x < dct - timedelta(days=45))
    elif shift == 1:
        d = min(x for x in cands if x > dct + timedelta(days=45))
    else:
        d = _pick(cands, dct, tense)
    return d.year - 1 if code == "WI" else d.year


def _norm_season(c, x):
    g = c.m.groupdict()
    code = R.SEASONS[g["season"].lower()]
    sdet = (g.get("sdet") or "").lower().rstrip("-")
    mod = c.mod or {"early": "START", "late": "END", "mid": "MID"}.get(sdet)
    if g.get("year"):
        return _item("DATE", f"{g['year']}-{code}", mod, None, "season", date(int(g["year"]), 1, 1))
    if x.dct is None:
        return _item("DATE", f"XXXX-{code}", mod)
    shift = R.RELATIVE_DETERMINERS.get(sdet) if sdet in ("last", "this", "next") else None
    y = _season_year(x.dct, code, shift, x.tense(c) if shift is None else None)
    return _item("DATE", f"{y:04d}-{code}", mod, "published", "season", date(y, 1, 1))


def _norm_duration(c, x):
    g = c.m.groupdict()
    unit = g["unit"].lower()
    unit = _UNITS.get(unit, unit)
    num = " ".join(g["num"].lower().split())
    if num in R.VAGUE_REF and unit not in ("second", "minute", "hour"):
        return _item("DATE", R.VAGUE_REF[num], c.mod)
    n = None if num in R.VAGUE_QUANTITIES else _number(num)
    shift = " ".join((g.get("shift") or "").lower().split())
    det = " ".join((g.get("det") or "").lower().split())
    if g.get("suffix") and g["suffix"].lower() == "-old":
        return _item("DURATION", _duration(n, unit), c.mod)
    if not shift:
        return _item("DURATION", _duration(n, unit), c.mod)
    if n is None:
        return _item("DATE", "PAST_REF" if R.SHIFT_SUFFIX[shift][0] < 0 else "FUTURE_REF", c.mod)
    direction, anchor_kind = R.SHIFT_SUFFIX[shift]
    if x.dct is None:
        return None
    gran = {"second": "day", "minute": "day", "hour": "day", "night": "day",
            "weekend": "week"}.get(unit, unit)
    step = int(n) if float(n).is_integer() else None
    if step is None:
        return _item("DURATION", _duration(n, unit), c.mod)
    if gran in ("day", "week", "month", "quarter", "year", "decade", "century"):
        if gran in ("decade", "century"):
            step, gran_s = step * (10 if gran == "decade" else 100), "year"
        else:
            gran_s = gran
        prevq = x.last(("quarter",), within=R.ANAPHORA_MAX_CHARS, before=c.start, absolute=True) \
            if gran_s == "year" and step == 1 else None
        if prevq is not None:
            d = _shift("quarter", prevq["_d"], direction * 4 * step)
            return _item("DATE", _fmt("quarter", d), c.mod, prevq["id"], "quarter", d)
        base, anchor = x.dct, "published"
        if anchor_kind == "text" and gran_s in ("day", "week", "month"):
            prev = x.last(("day", "month", "week"), absolute=True)
            if prev is not None and prev["_d"] is not None:
                base, anchor = prev["_d"], prev["id"]
        if unit in ("second", "minute", "hour"):
            return _item("DATE", base.isoformat(), c.mod, anchor, "day", base)
        if gran_s == "day":
            d = base + timedelta(days=direction * step)
        elif gran_s == "week":
            d = base + timedelta(weeks=direction * step)
        else:
            d = _shift(gran_s, base if gran_s != "year" else date(base.year, 1, 1), direction * step)
        return _item("DATE", _fmt(gran_s, d), c.mod, anchor, gran_s, d)
    return None


def _norm_bare_units(c, x):
    unit = _UNITS[c.m.group("unit").lower()]
    return _item("DURATION", _duration(None, unit), c.mod)


def _norm_quarter(c, x):
    g = c.m.groupdict()
    n = R.ORDINALS[g["ord"].lower()]
    half = g["qh"].lower() == "half"
    if half and n > 2:
        return None
    year = g.get("year") or g.get("year2")
    if year:
        y = int(year)
    elif x.dct is None:
        return _item("DATE", f"XXXX-{'H' if half else 'Q'}{n}", c.mod)
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
    return _item("DATE", _fmt(gran, d), c.mod, None if year else "published", gran, d)


def _norm_latest_period(c, x):
    if x.dct is None:
        return None
    lw = " ".join((c.m.group("lw") or "").lower().split())
    prev = x.last(("quarter",), absolute=True)
    if c.m.group("year"):  # "the 1988 quarter": the quarter being reported, in that year
        q = prev["_d"] if prev else _latest_quarter(x.dct)
        d = date(int(c.m.group("year")), q.month, 1)
        return _item("DATE", _fmt("quarter", d), c.mod, prev["id"] if prev else "published",
                     "quarter", d)
    if lw in ("year-earlier", "year-ago", "prior-year", "comparable"):
        base = prev["_d"] if prev else _latest_quarter(x.dct)
        d = _shift("quarter", base, -4)
        return _item("DATE", _fmt("quarter", d), c.mod, prev["id"] if prev else "published",
                     "quarter", d)
    if lw in ("current",):
        d = date(x.dct.year, (x.dct.month - 1) // 3 * 3 + 1, 1)
        return _item("DATE", _fmt("quarter", d), c.mod, "published", "quarter", d)
    if lw == "same" and prev:
        return _item("DATE", prev["value"], c.mod, prev["id"], "quarter", prev["_d"])
    d = prev["_d"] if (prev and not lw) else _latest_quarter(x.dct)
    return _item("DATE", _fmt("quarter", d), c.mod, "published", "quarter", d)


def _norm_period_year_ago(c, x):
    """"the quarter a year ago", "the corresponding period last year", "last year's quarter":
    the quarter being reported (the last one named, else the last completed), a year back."""
    if x.dct is None:
        return None
    prev = x.last(("quarter",), absolute=True)
    base = prev["_d"] if prev else _latest_quarter(x.dct)
    d = _shift("quarter", base, -4)
    return _item("DATE", _fmt("quarter", d), c.mod, prev["id"] if prev else "published",
                 "quarter", d)


def _norm_whole_year(c, x):
    """"the fiscal year", "the full year" (the DCT's year; a span of one year when followed by
    "ended ..."), "year-end" (that year, mod END)."""
    if c.m.group("yrq") and _PERIOD_END.match(x.text, c.end):
        return _item("DURATION", "P1Y", c.mod)
    if x.dct is None:
        return None
    d = date(x.dct.year, 1, 1)
    mod = "END" if c.m.group("yend") else c.mod
    return _item("DATE", _fmt("year", d), mod, "published", "year", d)


def _norm_year_ago_adj(c, x):
    """"year-earlier net income", "the year-ago results": the period just named (a quarter in
    an earnings report) a year back, else the year before the DCT's."""
    if x.dct is None:
        return None
    prev = x.last(("quarter",), within=R.ANAPHORA_MAX_CHARS, before=c.start, absolute=True)
    if prev is not None and prev["_d"] is not None:
        d = _shift("quarter", prev["_d"], -4)
        return _item("DATE", _fmt("quarter", d), c.mod, prev["id"], "quarter", d)
    d = date(x.dct.year - 1, 1, 1)
    return _item("DATE", _fmt("year", d), c.mod, "published", "year", d)


def _holiday_date(name: str, y: int) -> date | None:
    if name in R.HOLIDAYS_FIXED:
        return _safe_date(y, *R.HOLIDAYS_FIXED[name])
    if name == R.ELECTION_DAY:
        first = date(y, 11, 1)
        monday = first + timedelta(days=(0 - first.weekday()) % 7)
        return monday + timedelta(days=1)
    month, wd, n = R.HOLIDAYS_RULE[name]
    if n > 0:
        first = date(y, month, 1)
        return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    nxt = date(*_add_months(y, month, 1), 1)
    last = nxt - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - wd) % 7)


def _norm_holiday(c, x):
    g = c.m.groupdict()
    name = " ".join(c.m.group(0).lower().split())
    if g.get("year"):
        name = " ".join(name[:c.m.start("year") - c.m.start()].rstrip(", ").split())
        d = _holiday_date(name, int(g["year"]))
        return d and _item("DATE", d.isoformat(), c.mod, None, "day", d)
    if x.dct is None:
        return None
    opts = [d for y in (x.dct.year - 1, x.dct.year, x.dct.year + 1) if (d := _holiday_date(name, y))]
    d = _pick(opts, x.dct, x.tense(c))
    return _item("DATE", d.isoformat(), c.mod, "published", "day", d)


def _norm_spoken_year(c, x):
    g = c.m.groupdict()
    if g.get("sy1"):
        hi = 19 if g["sy1"].lower() == "nineteen" else 20
        lo = _number(g["sy2"])
        if lo is None:
            return None
        y = hi * 100 + int(lo)
    else:
        y = 2000 + int(_number(g["sy3"]) or 0) if g.get("sy3") else 2000
    return _item("DATE", f"{y:04d}", c.mod, None, "year", date(y, 1, 1))


def _norm_century(c, x):
    n = int(c.m.group("cn"))
    if n < 1:
        return None
    d = date(max(1, (n - 1) * 100), 1, 1)
    return _item("DATE", f"{n - 1:02d}", c.mod, None, "century", d)


def _norm_set(c, x):
    w = " ".join(c.m.group(0).lower().split())
    if w in R.SET_WORDS:
        return _item("SET", R.SET_WORDS[w])
    unit = (c.m.group("sunit") or "").lower()
    every_other = " other " in f" {w} "
    k = 2 if every_other else 1
    if unit in R.WEEKDAYS:
        return _item("SET", f"XXXX-WXX-{R.WEEKDAYS[unit] + 1}")
    if unit in ("morning", "evening"):
        return _item("SET", f"XXXX-XX-XXT{R.PARTS_OF_DAY[unit]}")
    if unit == "night":
        return _item("SET", "XXXX-XX-XXTNI")
    return _item("SET", _duration(k, unit))


def _clock_hm(c) -> tuple[int, int] | None:
    g = c.m.groupdict()
    if g.get("word"):
        hh, mm = R.CLOCK_WORDS[g["word"].lower()].split(":")
        return int(hh), int(mm)
    if g.get("h24") is not None:
        return int(g["h24"]), int(g["mi24"])
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


def _resolve(c: _Cand, x: _Ctx):
    if c.out is None:
        c.out = globals()[f"_norm_{c.name}"](c, x) or False
    return c.out or None


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------

def find_times(text: str, published: date | datetime | None, *, sdoc=None) -> list[dict]:
    """Temporal expressions in ``text`` as TIMEX3-like dicts, values relative to ``published``.

    Each item: ``{"id", "text", "start", "end", "type", "value", "mod", "anchor"}`` where
    ``anchor`` is ``"published"`` (resolved from the publication date), the id of the earlier
    expression it was resolved from (``"two days later"``), or None (absolute).
    ``sdoc`` is an optional spaCy Doc of the same text used for tense; without it cue words are
    used.
    """
    if not text:
        return []
    dct = _as_date(published)
    dct_dt = None
    if isinstance(published, datetime):
        dct_dt = published if published.tzinfo else published.replace(tzinfo=timezone.utc)
        if published.hour == 0 and published.minute == 0 and published.tzinfo is None:
            dct_dt = None  # a bare date, not a moment
    x = _Ctx(text, dct, dct_dt, sdoc)
    cands = _widen(text, _candidates(text))
    x.pending = cands
    pending_anchor: list[dict] = []  # items anchored on a candidate not yet numbered
    out = []
    for c in cands:
        it = _resolve(c, x)
        if not it:
            continue
        it = dict(it)
        it["id"] = f"t{len(out) + 1}"
        it["start"], it["end"], it["text"] = c.start, c.end, text[c.start:c.end]
        c.out["id"] = it["id"]
        x.items.append({**it})
        out.append({k: it[k] for k in ("id", "text", "start", "end", "type", "value", "mod",
                                        "anchor")})
        if isinstance(it["anchor"], _Cand):
            pending_anchor.append(out[-1])
    for item in pending_anchor:
        cand = item["anchor"]
        item["anchor"] = cand.out["id"] if cand.out and "id" in cand.out else "published"
    return out


def _times(doc: Document) -> Document:
    doc.times = find_times(doc.text, doc.published, sdoc=doc.spacy)
    return doc


TIMES = component("times", requires=("spacy",), assigns=("times",))(_times)
