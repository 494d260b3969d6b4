"""Regular-expression grammar: the named patterns, built from the word lists in
:mod:`storyline.rules.times`, and the trigger words that say where to run them."""
from __future__ import annotations

import re

from storyline.rules import times as R


def alt(words) -> str:
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
_MON = (rf"(?P<mon>{alt(_MON_FULL)}|(?:{alt(m for m in R.MONTHS if m not in _MON_FULL)})"
        rf"(?![a-z])\.?)")
_WD = rf"(?P<wd>{alt(R.WEEKDAY_FULL)})"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[0-9]|20)\d\d)"
UNIT_WORDS = {"seconds": "second", "minutes": "minute", "hours": "hour", "days": "day",
          "nights": "night", "weeks": "week", "months": "month", "quarters": "quarter",
          "years": "year", "decades": "decade", "centuries": "century", "weekends": "weekend"}
_UNIT = rf"(?P<unit>{alt(list(R.UNITS) + list(UNIT_WORDS))})"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_NUM = (rf"(?P<num>\d+(?:\.\d+|\s+1/2|-1/2)?|(?:{_TENS})[\s-](?:{_ONES})|{alt(R.NUMBER_WORDS)}"
        rf"|{alt(R.VAGUE_QUANTITIES)})")
_SEASON = rf"(?P<season>{alt(R.SEASONS)})"
_POD = rf"(?P<pod>{alt(R.PARTS_OF_DAY)})"
_AMPM = r"(?P<ampm>[ap]\.?\s?m\b\.?)"
_ZONE = rf"(?P<zone>{alt(R.ZONE_ABBREVIATIONS)})"
_REL = rf"(?P<rel>{alt(R.RELATIVE_DETERMINERS)})"

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
    "slashed": _p(r"(?<![\d/])(?P<n1>[0-3]?\d)/(?P<n2>[0-3]?\d)/(?P<year>\d{4}|\d\d)\b"),
    # 5-Jan-98, 05-Jan-1998
    "dashed": _p(rf"(?<![\d-]){_DAY}-{_MON}-(?P<year>\d{{4}}|\d\d)\b(?!-)"),
    # "on the 5th", "by the 21st" (the month comes from the text or the DCT)
    "ordinal_day": _p(rf"\b(?:{alt(R.ORDINAL_DAY_PREPOSITIONS)})\s+(?P<the>the)\s+"
                      rf"(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s*[a-z]|-)"),
    "month": _p(rf"\b(?:{_REL}\s+)?{_MON}(?![a-z])"),
    "year": _p(rf"(?<![\d,.$£€#])(?:(?P<fiscal>fiscal(?:\s+year)?)\s+)?{_YEAR}(?![\d,]\d)(?!\.\d)(?!-\d)"),
    "decade": _p(r"\b(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-])?(?P<cent>1[0-9]|20)?'?"
                 r"(?P<dec>\d)0'?s\b"),
    "weekday": _p(rf"\b(?:{_REL}\s+)?{_WD}(?P<pl>s)?\b(?:\s+{_POD}(?P<podpl>s)?\b)?"),
    "clock": _p(rf"(?<![\d:.$])(?=\d)(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*{_AMPM}"
                rf"|(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)(?![\d:])"
                rf"|(?P<hoc>[01]?\d)\s+o'?clock\b"
                # a 24-hour clock without a colon only with its zone: "0945 GMT", "1430 UTC"
                rf"|(?P<h4>[01]\d|2[0-3])(?P<mi4>[0-5]\d)\s?(?P<z4>{alt(z.lower() for z in R.ZONE_ABBREVIATIONS)})\b)"),
    "clockword": _p(rf"\b(?:(?P<word>noon|midnight|midday)\b"
                    rf"|(?P<hoc>{_ONES}|ten|eleven|twelve)\s+o'?clock\b)"),
    "dayword": _p(rf"\b(?:(?P<dw2>this|last|yesterday|tomorrow|today)\s+{_POD}"
                  rf"|(?P<dw>today|yesterday|tomorrow|tonight|overnight))\b"),
    "anaphoric_day": _p(rf"\b(?:{alt(R.ANAPHORIC_DAYS)})\b"),
    "ref": _p(rf"\b(?:{alt(w for w in R.REF_WORDS if w not in R.REF_WORDS_SKIPPED)})\b"),
    "relative_unit": _p(rf"\b(?:{_REL}|(?P<the>the))\s+(?P<runit>week|month|year|quarter|weekend"
                        rf"|decade|century|{alt(R.SEASONS)})\b(?!-)"),
    "duration": _p(rf"\b(?:(?P<det>{alt(R.DURATION_DETERMINERS + ['the'])})\s+)?{_NUM}"
                   rf"(?:\s+(?:more|additional|straight|consecutive|full))?[\s-]+{_UNIT}"
                   rf"(?P<suffix>-old|-long)?\b"
                   rf"(?:\s+(?P<shift>{alt(R.SHIFT_SUFFIX)})\b)?"),
    "bare_units": _p(r"(?<=\bfor\s)(?P<unit>years|months|weeks|days|decades|hours)\b"),
    "bare_shift": _p(rf"\b(?P<unit>years|months|weeks|days|decades|hours)\s+"
                     rf"(?P<shift>{alt(R.BARE_UNIT_SHIFTS)})\b"),
    "quarter": _p(rf"\b(?:(?P<the>the)\s+)?(?:(?:fiscal\s+)?{_YEAR}\s+|(?P<poss>this|last|next)\s+year'?s\s+)?"
                  rf"(?:(?P<fisc>fiscal)\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|last|final)"
                  rf"(?:[\s-]fiscal)?[\s-](?P<qh>quarter|half)\b(?!s)"
                  rf"(?:\s+of\s+(?:{_REL}\s+year|(?P<theyear>the\s+year)\b|(?:fiscal\s+)?(?P<year2>(?:1[0-9]|20)\d\d)))?"),
    # "the first three months of the year" (Q1), "the last six months of 2022" (H2)
    "months_of_year": _p(rf"\b(?:the\s+)?(?P<ord>first|last|final)\s+(?P<qn>{alt(str(k) for k in R.MONTHS_AS_PERIOD)}"
                         rf"|{alt(w for w, n in R.NUMBER_WORDS.items() if n in R.MONTHS_AS_PERIOD and ' ' not in w)})"
                         rf"\s+months\s+of\s+(?:(?P<rel>this|last|next)\s+year|the\s+year|{_YEAR})\b"),
    # "the rest of the year", "the remainder of this month"
    "rest_of_unit": _p(rf"\b(?:the\s+)?(?:{alt(R.REST_WORDS)})\s+of\s+(?:the|this)\s+"
                       rf"(?P<runit>year|month|week|quarter|decade)\b(?!-)"),
    # "the 1998-99 season", "fiscal 2023-24"
    "year_span": _p(rf"(?<![\d,.$£€#])(?:(?P<fiscal>fiscal(?:\s+year)?)\s+)?{_YEAR}"
                    rf"[{R.YEAR_SPAN_SEPARATORS}](?P<y2>\d\d)(?![\d{R.YEAR_SPAN_SEPARATORS}])"),
    "latest_period": _p(rf"\b(?:the\s+)?(?:{_YEAR}\s+)?(?:(?P<lw>{alt(R.LATEST_WORDS)}|year-earlier|year-ago"
                        rf"|same|current|prior-year|comparable)\s+)?(?P<pn>quarter|period)\b(?!s|-to-)"),
    "period_year_ago": _p(r"\b(?:the\s+)?(?:same\s+|corresponding\s+|comparable\s+)?"
                          r"(?:quarter|period)\s+(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year)\b"
                          r"|\blast\s+year'?s\s+(?:quarter|period)\b"),
    "whole_year": _p(r"\b(?:the\s+)?(?:(?P<yrq>full|fiscal|current\s+fiscal|calendar)[\s-]year"
                     r"|(?P<yend>year(?:'s)?[\s-]end))\b(?!-)"),
    "year_ago_adj": _p(r"\b(?:the\s+)?(?:year-earlier|year-ago)\b"),
    "holiday": _p(rf"\b(?:{alt(list(R.HOLIDAYS_FIXED) + list(R.HOLIDAYS_RULE) + [R.ELECTION_DAY])})\b"
                  rf"(?:,?\s+{_YEAR}\b)?"),
    "spoken_year": _p(rf"\b(?P<sy1>nineteen|twenty)[\s-](?:hundred\s+(?:and\s+)?)?"
                      rf"(?P<sy2>(?:{_TENS})(?:[\s-](?:{_ONES}))?|ten|eleven|twelve|thirteen|"
                      rf"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b"
                      rf"|\btwo\s+thousand(?:\s+and)?(?:\s+(?P<sy3>{_ONES}|ten))?\b"),
    "century": _p(r"\b(?:the\s+)?(?P<cn>1?\d|2[01])(?:st|nd|rd|th)[\s-]century\b"),
    "season": _p(rf"\b(?:(?P<sdet>last|this|next|the|early|late|mid-?)\s+)?{_SEASON}\b"
                 rf"(?:\s+(?:of\s+)?{_YEAR}\b)?"),
    "set": _p(rf"\b(?:{alt(R.SET_WORDS)})\b|\b(?:{alt(R.SET_DETERMINERS)})\s+(?:other\s+)?"
              rf"(?P<sunit>day|week|month|year|quarter|hour|night|morning|evening|{alt(R.WEEKDAY_FULL)})\b"),
}

#: Trigger words by kind; every pattern holds a word of the kinds listed for it in
#: PATTERN_TRIGGERS, so it is run only near those (several times faster on news text).
TRIGGERS = {
    "M": list(R.MONTHS),
    "D": [],  # digits
    "W": list(R.WEEKDAYS),
    "U": list(R.UNITS) + list(UNIT_WORDS) + list(R.SEASONS) + ["period", "half", "end"],
    "X": (list(R.PARTS_OF_DAY) + list(R.CLOCK_WORDS) + list(R.SET_WORDS) + list(R.DAY_WORDS)
          + list(R.ANAPHORIC_DAYS) + list(R.REF_WORDS) + list(R.HOLIDAYS_FIXED)
          + list(R.HOLIDAYS_RULE) + list(R.SET_DETERMINERS)
          + [R.ELECTION_DAY, "o'clock", "oclock", "nineteen", "twenty", "thousand"]),
}
PATTERN_TRIGGERS = {
    "dmy": "M", "mdy": "M", "month_year": "M", "month": "M", "iso": "D", "dotted": "D", "dashed": "M", "ordinal_day": "D",
    "slashed": "D", "year": "D", "decade": "D", "clock": "D", "century": "D", "weekday": "W",
    "duration": "U", "bare_units": "U", "bare_shift": "U", "relative_unit": "U", "quarter": "U",
    "latest_period": "U", "months_of_year": "U", "rest_of_unit": "U", "year_span": "D", "period_year_ago": "U", "whole_year": "U", "year_ago_adj": "U",
    "season": "U", "set": "UWX", "dayword": "X", "anaphoric_day": "X", "clockword": "X",
    "ref": "X", "holiday": "X", "spoken_year": "X",
}
TRIGGER_KINDS: dict[str, str] = {}
for _k, _words in TRIGGERS.items():
    for _w in _words:
        TRIGGER_KINDS[" ".join(_w.split())] = TRIGGER_KINDS.get(" ".join(_w.split()), "") + _k
TRIGGER = re.compile(rf"(?P<D>\d+)|\b(?P<w>{alt(TRIGGER_KINDS)})(?![a-z])")
#: Patterns that share another one's normaliser.
KIND = {"clockword": "clock"}
_NAMED_ZONE = (rf"(?P<named>(?i:{alt(R.NAMED_ZONES)}))(?:\s+(?i:{alt(R.NAMED_ZONE_QUALIFIERS)}))?"
               r"\s+[Tt]ime\b")
ZONE_SUFFIX = re.compile(
    rf"\s*(?:\(?\s*{_ZONE}\b\)?|{_NAMED_ZONE}"
    rf"|(?P<city>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?:local\s+)?[Tt]ime\b"
    rf"|(?:,\s*)?in\s+(?P<incity>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b|\s*local\s+time\b)")
PERIOD_END = re.compile(rf"\s+(?:{alt(R.PERIOD_END_WORDS)})\b", F)
ZONE_ABBR_CS = re.compile(rf"^(?:{alt(R.ZONE_ABBREVIATIONS)})$")
MOD_PREFIX_RE = re.compile(rf"(?:^|(?<=[^\w-]))(?P<mod>{alt(R.MOD_PREFIX)})[\s-]*(?:on\s+)?$", F)
APPROX_PREFIX_RE = re.compile(rf"(?:^|(?<=\W))(?P<mod>{alt(R.APPROX_PREFIX)})\s+$", F)
SENT_END = re.compile(r"[.!?;:\n]\s|\n")
#: the end of a clause for the cue search: a sentence end, or a quotation closing before its
#: attribution ('... core businesses," Mr. Smith said Friday': the quote's "will" is not his)
CLAUSE_END = re.compile(rf"[.!?;:\n]\s|\n|[,.!?]\s*(?:{alt(R.CLOSING_QUOTES)})\s")
FUTURE_CUE = re.compile(rf"\b(?!(?:{alt(R.NOT_FUTURE_CUES)})\b)(?:{alt(R.FUTURE_CUES + R.SCHEDULE_CUES)})\b", F)
SCHEDULE_CUE = re.compile(rf"\b(?:{alt(R.SCHEDULE_CUES)})\b", F)
PERFECT_CUE = re.compile(rf"\b(?:{alt(R.PAST_PERFECT_CUES)})\b", F)
#: a participle after a present or future auxiliary ("when the case is heard in May") is no
#: past cue (PRESENT_PASSIVE_AUX)
_NOT_AFTER_AUX = "".join(rf"(?<!\b{a}\s)" for a in R.PRESENT_PASSIVE_AUX)
PAST_CUE = re.compile(rf"{_NOT_AFTER_AUX}(?:\b(?:{alt(R.PAST_CUES)})\b|\b\w{{3,}}ed\b)", F)
_WORD_NUM = {k.replace(" ", ""): v for k, v in R.NUMBER_WORDS.items()}
FUT_PREP = re.compile(rf"\b(?:{alt(R.FUTURE_PREPOSITIONS)})\s+(?:the\s+)?(?:early\s+|mid-?\s*|late\s+)?$", F)
PAST_PREP = re.compile(rf"\b(?:{alt(R.PAST_PREPOSITIONS)})\s+(?:the\s+)?(?:early\s+|mid-?\s*|late\s+)?$", F)
ENDED_MONTH = re.compile(rf"\s+(?:ended|ending|that\s+ended|which\s+ended)\s+{_MON}", F)
