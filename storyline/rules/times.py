"""Language data for temporal expressions (English): word lists, regular-expression building
blocks and thresholds used by :mod:`storyline.enrich.times`.

The grammar follows the HeidelTime idea (Strötgen & Gertz 2010/2013): a set of named patterns
over words, each tied to a normalisation function, longest match wins. Values follow TimeML's
TIMEX3 conventions (ISO-TimeML, Pustejovsky et al. 2010), e.g. "last year" -> 2021,
"this week" -> 2021-W52, "recently" -> PAST_REF, "the past year" -> P1Y.
Every list here is data, not a rule tuned to one article.
"""
from __future__ import annotations

# --- calendar words --------------------------------------------------------------------------

#: Month names and their usual news abbreviations -> month number. Abbreviations are
#: matched only with a capital first letter (so "mar", "may", "march" as verbs do not fire).
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
#: Month words that are also ordinary English words: they count only when followed by a day
#: number or a year, or preceded by a preposition/modifier (see MONTH_SAFE_CONTEXT).
AMBIGUOUS_MONTHS = {"may", "march", "mar", "jan", "dec", "jun", "jul"}
#: MONTH_SAFE_CONTEXT: the words before an ambiguous month name (with no day or year) that make
#: it the month: "in March", "since May", "in mid-March" (a hyphen after the word is ignored).
MONTH_SAFE_BEFORE = {"in", "since", "until", "by", "of", "from", "through", "early", "late",
                     "mid", "during", "before", "after", "last", "next", "this", "till"}

WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
#: Only full weekday names are matched in running text (abbreviations collide with words).
WEEKDAY_FULL = [w for w in WEEKDAYS if w.endswith("day")]

#: Seasons -> TIMEX3 season code.
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

#: The last month of a winter begun the December before: "this winter" said in January to this
#: month is the winter in progress (value of the year it began: 2023-WI in February 2024).
WINTER_LAST_MONTH = 3

#: A weekday with a part of day ("Wednesday night") is a TIME with the part of day
#: (2024-02-21TNI), as the TimeML/TIMEX3 guidelines annotate "Friday evening" and as we already
#: give "yesterday morning". The corpora annotate it both ways (AQUAINT mostly as the plain
#: date): measured with the other round-three rules in place, True vs False moves value F1 by
#: TimeBank +0.002, AQUAINT -0.012, total -0.002 (with or without the parse). We follow the
#: guidelines; set False to give the plain date.
WEEKDAY_PART_AS_TIME = True
#: Parts of the day -> TIMEX3 code (used after a date: "Friday morning" -> 2021-12-31TMO).
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
                "overnight": "NI", "midday": "MI"}

#: Clock words with a fixed time.
CLOCK_WORDS = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}

# --- numbers ---------------------------------------------------------------------------------

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "half a": 0.5, "a half": 0.5, "a couple of": 2, "a couple": 2, "a dozen": 12, "dozen": 12,
}
#: Vague quantities: the duration's number becomes X ("several years" -> PXY).
VAGUE_QUANTITIES = ["several", "a few", "few", "many", "some", "a number of", "recent",
                    "the last few", "the past few", "the next few", "numerous",
                    "coming", "the coming"]
#: Vague quantities that TimeML reads as a reference, not a duration ("recent years" ->
#: PAST_REF, "the coming months" -> FUTURE_REF).
#: (Measured on TimeBank: "recent years/months/weeks" are mostly durations PXY/PXM/PXW, so
#: none is listed now.)
VAGUE_REF: dict[str, str] = {}

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4, "last": 4, "final": 4}

# --- units -----------------------------------------------------------------------------------

#: Unit word -> (ISO 8601 duration letter, is-time-part). "P2D", "PT50M", "P3Y", "P1Q"...
UNITS = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "night": ("D", False), "week": ("W", False), "month": ("M", False), "quarter": ("Q", False),
    "year": ("Y", False), "decade": ("DE", False), "century": ("CE", False),
    "weekend": ("WE", False),
}
#: Units written as multiples of another in values: a decade is 10 years ("two decades" ->
#: P20Y), a century 100 years.
UNIT_SCALE = {"DE": ("Y", 10), "CE": ("Y", 100)}
#: Half units: "2 1/2 years" -> P2Y6M, "5 1/2 hours" -> PT5H30M (letter -> (letter, amount)).
HALF_UNIT = {"Y": ("M", 6), "M": ("D", 15), "W": ("D", 3.5), "D": ("H", 12), "H": ("M", 30),
             "Q": ("M", 1.5)}

#: Frequency words -> SET value ("daily" -> P1D).
#: ("quarterly", "annually" are mostly adjectives of amounts in business news: left out.)
SET_WORDS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
             "yearly": "P1Y", "hourly": "PT1H", "biweekly": "P2W"}
#: Determiners turning a unit into a SET ("every day", "each year", "a year" after a rate).
SET_DETERMINERS = ["every", "each", "per"]

# --- fixed references ------------------------------------------------------------------------

#: Words normalised to a TIMEX3 reference value (DATE).
REF_WORDS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "at present": "PRESENT_REF", "presently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "right now": "PRESENT_REF", "the present": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF", "previously": "PAST_REF",
    "formerly": "PAST_REF", "the past": "PAST_REF", "in the past": "PAST_REF",
    "once": "PAST_REF", "earlier": "PAST_REF",
    "soon": "FUTURE_REF", "the future": "FUTURE_REF", "future": "FUTURE_REF",
    "in the future": "FUTURE_REF", "shortly": "FUTURE_REF", "eventually": "FUTURE_REF",
    "someday": "FUTURE_REF", "the near future": "FUTURE_REF",
}
#: Ref words that are common in other senses: kept only where the next/previous word
#: confirms the time reading (e.g. "once" as "one time", "earlier" comparing).
#: Words in this set are not extracted at all; the TimeBank annotation is too uneven for them.
#: Measured on TimeBank/AQUAINT: "previously", "soon", bare "future" and "recent" are more often
#: left unannotated than annotated.
REF_WORDS_SKIPPED = {"once", "earlier", "eventually", "shortly", "formerly", "previously", "soon",
                     "future", "recent"}
#: "in the past"/"in the future": the TimeML span leaves out the preposition.
REF_STRIP_PREFIX = ("in ",)

#: Day words -> offset in days from the anchor (the DCT).
DAY_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0,
             "the day before yesterday": -2, "the day after tomorrow": 2}
#: Day words carrying a part of day.
DAY_WORD_PART = {"tonight": "NI", "last night": "NI", "this morning": "MO",
                 "this afternoon": "AF", "this evening": "EV", "overnight": "NI"}

#: Relative day phrases anchored on the previous date in the text (not the DCT).
ANAPHORIC_DAYS = {"the next day": 1, "the following day": 1,
                  "the previous day": -1, "that day": 0,
                  "the same day": 0, "that night": 0, "the next morning": 1,
                  "the following morning": 1,
                  # "the day before (the talks)": the event's date when one is named after it
                  "the day before": -1, "the day after": 1}

# --- modifiers -------------------------------------------------------------------------------

#: Words before an expression that set TIMEX3 ``mod`` and belong to the span.
MOD_PREFIX = {
    "early": "START", "earlier": "START", "the beginning of": "START", "the start of": "START",
    "the dawn of": "START",
    "mid": "MID", "mid-": "MID", "the middle of": "MID", "the mid": "MID", "the height of": "MID",
    "late": "END", "later": "END", "the end of": "END", "the close of": "END",
    "the latter part of": "END",
    # "late in May", "early in the year": the same modifiers before "in"
    "early in": "START", "late in": "END",
}
#: Approximation and bound words before a number (they belong to the span).
APPROX_PREFIX = {
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "some": "APPROX",
    "approximately": "APPROX", "nearly": "APPROX", "almost": "APPROX", "close to": "APPROX",
    "more than": "MORE_THAN", "over": "MORE_THAN", "less than": "LESS_THAN",
    "under": "LESS_THAN", "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
}

# --- relative expressions --------------------------------------------------------------------

#: Words before a calendar unit ("last week", "next month", "this year") -> shift in units.
#: None means "the current one".
RELATIVE_DETERMINERS = {
    "last": -1, "past": -1, "previous": -1, "prior": -1, "next": 1, "coming": 1,
    "following": 1, "this": 0, "current": 0, "the current": 0, "the coming": 1,
    "the next": 1, "the previous": -1, "the following": 1, "the last": -1, "the past": -1,
    "this past": -1, "earlier this": 0, "later this": 0, "the same": 0, "that": 0,
    "the prior": -1,
}
#: Of these, the ones that with a *number* make a duration ("the past two months" -> P2M).
DURATION_DETERMINERS = ["the past", "the last", "the next", "the first", "the coming",
                        "the previous", "the final", "past", "last", "next", "first",
                        "another", "the following", "the remaining",
                        "the latest"]

#: Words after a duration that turn it into a date shifted from the anchor.
#: value: (direction, anchor) where anchor "dct" is the publication date and "text" the
#: previous date mentioned in the text.
#: ("before"/"after" take an event as anchor: "two days after the vote" stays a duration.)
SHIFT_SUFFIX = {"ago": (-1, "dct"), "earlier": (-1, "text"),
                "later": (1, "text"), "from now": (1, "dct"),
                "hence": (1, "dct"), "afterwards": (1, "text"), "afterward": (1, "text")}
#: "two days before the talks" stays a DURATION (P2D), as TimeML annotates it: the relation
#: to the event is a signal, not part of the value. (Resolving it to a date measured 0.002
#: lower value F1 on TempEval-3.)

#: A plural unit with no number before a shift word ("months ago", "years from now"): an
#: unspecified distance, so the value is a reference (as for "several years ago" -> PAST_REF,
#: the TimeBank reading). "years later" is left out: after the previous date in the text, but
#: whether before or after the publication date is unknown.
BARE_UNIT_SHIFTS = {"ago": "PAST_REF", "earlier": "PAST_REF", "from now": "FUTURE_REF",
                    "hence": "FUTURE_REF"}

#: "the latest quarter", "the quarter", "the period": the reported (last completed) period in
#: financial news.
LATEST_WORDS = ["latest", "most recent", "recent", "just-ended", "just ended", "past",
                "previous"]

# --- clock times and zones -------------------------------------------------------------------

#: Zone abbreviations -> IANA zone (DST is then handled by zoneinfo, so "ET" is right in
#: winter and summer). Fixed-offset abbreviations map to Etc zones.
ZONE_ABBREVIATIONS = {
    # generic names follow the region's clock (zoneinfo applies DST) ...
    "ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
    "PT": "America/Los_Angeles",
    # ... standard/daylight names are fixed offsets whatever the date (POSIX Etc signs are
    # inverted: Etc/GMT+5 is UTC-5).
    "EST": "Etc/GMT+5", "EDT": "Etc/GMT+4", "CST": "Etc/GMT+6", "CDT": "Etc/GMT+5",
    "MST": "Etc/GMT+7", "MDT": "Etc/GMT+6", "PST": "Etc/GMT+8", "PDT": "Etc/GMT+7",
    "GMT": "UTC", "UTC": "UTC", "Z": "UTC", "BST": "Etc/GMT-1",
    "CET": "Etc/GMT-1", "CEST": "Etc/GMT-2", "EET": "Etc/GMT-2",
    "EEST": "Etc/GMT-3", "MSK": "Europe/Moscow", "JST": "Asia/Tokyo",
    "IST": "Asia/Kolkata", "HKT": "Asia/Hong_Kong", "SGT": "Asia/Singapore",
    "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney",
    # zones seen on page date lines ("Published: 2022-01-20 08:14 NZDT"): New Zealand, Gulf,
    # Korean, Pakistani and western Indonesian time.
    "NZDT": "Pacific/Auckland", "NZST": "Pacific/Auckland", "GST": "Asia/Dubai",
    "KST": "Asia/Seoul", "PKT": "Asia/Karachi", "WIB": "Asia/Jakarta",
}
#: Place names the gazetteer does not hold under that spelling: name -> name to look up.
ZONE_CITY_ALIASES = {"washington, d.c.": "Washington", "washington dc": "Washington"}
#: Maximum number of characters between a clock time and "in <City>" for the city to give
#: the zone ("11:35 pm in Moscow").
ZONE_CITY_MAX_GAP = 4

# --- tense cues ------------------------------------------------------------------------------

#: Words in the clause that point to the future (used when no parse is available, and to
#: complement the parse: "will", "is to", "plans", "next").
FUTURE_CUES = ["will", "'ll", "shall", "going to", "is to", "are to", "is due", "are due",
               "plans", "plan", "planned", "scheduled", "expected to", "expects", "set to",
               "would", "upcoming", "aims", "intends", "slated", "next",
               "to be held", "to start", "to begin", "to meet", "to hold", "to be",
               "payable"]
#: Present passives of scheduling verbs: "a meeting is set for Monday", "talks are slated for
#: May". Listed as cues ("is set", not bare "set", which is also a past tense: "set a record").
#: Progressives of the same verbs: "were planning to drive around the airport on Monday".
FUTURE_CUES += ["planning", "preparing to", "intending to", "aiming to"]
#: "the vote is expected in late May": the present passive of "expect" (the past "was
#: expected" stays a past cue).
FUTURE_CUES += ["is expected", "are expected", "'s expected"]
FUTURE_CUES += ["is set", "are set", "'s set", "is scheduled", "are scheduled", "is planned",
                "are planned"]
#: Phrases that start with a future cue but are no cue: "next to the embassy".
NOT_FUTURE_CUES = ["next to", "next door"]
#: Modal auxiliaries that put the verb in the future, also in reported speech: "said the visit
#: would end on Friday" (the future seen from a past moment is, in news, still ahead of the
#: publication date). "would" is left out when a perfect "have" follows it ("would have ended
#: Friday": a counterfactual past).
FUTURE_MODALS = {"will", "'ll", "shall", "wo", "would", "'d"}
#: Auxiliaries that cancel a future modal: "would have".
MODAL_PERFECT_AUX = {"have", "'ve"}
#: Verb lemmas whose (non-past) form points to the future ("plans to", "expects", "is
#: scheduled for"), read from the parse.
FUTURE_LEMMAS = {"plan", "expect", "schedule", "intend", "aim", "hope", "prepare"}
#: Verb lemmas that point to the future only as a present passive ("is set for Monday",
#: "are slated for May"); other forms ("prices were set on Monday") say nothing.
FUTURE_PASSIVE_LEMMAS = {"set", "slate"}
#: ... or as a bare participle followed by one of these ("a summit set for April").
FUTURE_PASSIVE_PREPS = {"for", "to"}
#: A past participle with no auxiliary in one of these roles is a reduced passive clause that
#: reports a done thing ("the decision, announced Wednesday, ..."; "terms announced Friday"):
#: past, whatever the main verb's tense ("... holders would receive").
REDUCED_PASSIVE_DEPS = {"acl", "amod", "advcl"}
#: Past-perfect auxiliaries: they win over future cues ("had been scheduled to expire Friday").
PAST_PERFECT_CUES = ["had", "would have", "would've"]  # "would have ended": counterfactual past
#: Past-tense auxiliaries/verbs when no parse is available (regular "-ed" forms are matched by
#: pattern; these are the common irregular ones).
PAST_CUES = ["was", "were", "had", "did", "said", "ago", "last", "earlier", "bought", "sold",
             "told", "made", "took", "came", "went", "rose", "fell", "won", "lost", "met",
             "began", "gave", "held", "left", "paid", "saw", "got", "ran", "kept", "brought",
             "thought", "found", "became", "led", "spent", "struck", "sent", "grew", "stood",
             "broke", "chose", "drove", "flew", "fought", "knew", "built", "wrote", "spoke",
             "sought", "caught", "taught", "won", "shot", "hit", "cut", "set", "put", "quit"]
#: More irregular simple-past forms that are not also common nouns or present forms ("fed":
#: the Fed; "bit", "lay", "beat", "spread" left out): "fires swept the valley during the summer".
PAST_CUES += ["fled", "swept", "hid", "slept", "wept", "crept", "sank", "sprang", "swam", "threw",
              "drew", "blew", "wore", "tore", "swore", "froze", "rode", "woke", "shook", "forgot",
              "forgave", "sat", "sang", "rang", "drank", "ate", "bled", "bent", "lent", "meant",
              "dealt", "dug", "hung", "spun", "stuck", "slid", "shone", "overtook", "undertook",
              "withdrew", "overthrew", "upheld", "withheld", "mistook", "arose", "awoke",
              "heard", "felt", "understood", "stole"]
#: Auxiliaries that make the participle after them a present or future passive, not a past
#: ("is heard", "be extended"): such a participle is no past cue.
PRESENT_PASSIVE_AUX = ["is", "are", "am", "be", "being"]
#: (year, month) dates on which a country's zone names must show one UTC offset to count as
#: one clock ("Malaysian time": Asia/Kuala_Lumpur and Asia/Kuching), winter and summer.
ZONE_SAME_CLOCK_DATES = ((2000, 1), (2000, 7), (2020, 1), (2020, 7))
#: Prepositions that put a place name before them as where something happens ("took off from
#: Kuala Lumpur"): the place whose zone a later "local time" in the sentence is kept in.
LOCATIVE_PREPOSITIONS = ["in", "from", "at", "near", "outside", "to"]
#: Prepositions right before the expression that fix its direction: "until May", "by Dec. 15"
#: point forward; "since March" points back.
FUTURE_PREPOSITIONS = ["until", "till", "by", "before", "ahead of", "as soon as",
                       "as early as", "effective", "starting", "beginning"]
PAST_PREPOSITIONS = ["since", "ended", "ending"]
#: Abbreviations whose full stop does not end the clause for the cue search ("is set for
#: 3 p.m. local time on Monday": the cue "is set" stays in reach of "Monday").
NOT_SENTENCE_END = {"a.m", "p.m", "am", "pm", "mr", "mrs", "ms", "dr", "st", "gen", "gov", "sen",
                    "rep", "u.s", "u.k", "u.n", "jan", "feb", "aug", "sept", "sep", "oct", "nov",
                    "dec", "no", "vs", "inc", "corp", "co", "ltd", "jr", "sr"}
#: Closing quotation marks: after one, the quoted words belong to another clause.
CLOSING_QUOTES = ['"', "''", "\u201d", "'"]
#: How many characters of the clause before the expression the parse-free cue search reads.
TENSE_WINDOW_CHARS = 80

#: A day and month without a year ("9 January", "Aug. 6") is looked for this many days around
#: the DCT first; the tense chooses only when both the past and the coming one are that close.
DAY_MONTH_WINDOW_DAYS = 200
#: ... but a day-month in the future tense ("will meet on 14 March") whose only near date is
#: past is the coming one, up to this many days ahead (a year).
FUTURE_DAY_MONTH_MAX_DAYS = 366
#: ... and one surely in the past tense ("went missing on March 8" read in December) whose only
#: near date is still ahead is the last one, up to this many days back (a year) ...
PAST_DAY_MONTH_MAX_DAYS = 366
#: ... provided the coming one is more than this many days ahead: a past verb a few weeks
#: before a date is mostly a plan told in the past ("extended the offer to Nov. 20", "set
#: Nov. 10 as the deadline"), not a date eleven months back.
PAST_DAY_MONTH_MIN_AHEAD_DAYS = 60
#: Direction for a bare month ("in April") when neither preposition nor tense tells: news
#: mostly reports the past.
MONTH_DEFAULT_TENSE = "past"
#: ... but not when that past month lies more than this many months back (then the coming one).
MONTH_DEFAULT_PAST_MAX_MONTHS = 8
#: A preposition ("until", "since") may send a day-month date up to this many days away.
PREPOSITION_MAX_DAYS = 300

#: "the past year", "the next month": with a bare unit these are spans of one unit (P1Y).
SPAN_DETERMINERS = ["the past", "the last", "the next", "the coming", "past", "the following"]
#: ... but one that is also anaphoric ("the following year") is a span only after one of these
#: prepositions ("over the following year" P1Y; "the following year he retired" a date).
SPAN_PREPOSITIONS = ["over", "for", "during", "throughout", "within"]

#: "the following year", "that year", "the previous month": anchored on the previous date in
#: the text, shifted by this many units.
ANAPHORIC_DETERMINERS = {"the following": 1, "the previous": -1, "the prior": -1, "that": 0,
                         "the same": 0}
#: Words after "the year"/"the quarter" that make it a span of time ("the year ended March 31"
#: -> P1Y), not a calendar year.
PERIOD_END_WORDS = ["ended", "ending", "ends", "to date", "through"]

#: Two-digit years ("5-Jan-98", "3/4/05") above this are 19xx, the others 20xx.
TWO_DIGIT_YEAR_PIVOT = 50
#: Prepositions that make "the 5th" a day of the month ("on the 5th", "by the 21st").
ORDINAL_DAY_PREPOSITIONS = ["on", "by", "until", "till", "since", "from", "before", "after",
                            "through", "to", "of"]

#: Years accepted as bare four-digit numbers (others are likely amounts).
YEAR_RANGE = (1000, 2099)
#: Words after a four-digit number that show it is not a year ("1997 shares", "1,997").
NOT_YEAR_AFTER = ["%", "percent", "shares", "people", "points", "dollars", "barrels",
                  "tons", "jobs", "cars", "units", "times", "employees", "troops", "feet",
                  "meters", "metres", "miles", "km", "kilometers", "votes", "cases"]
NOT_YEAR_BEFORE = ["$", "£", "€", "#", "no.", "number", "flight", "route", "room", "page",
                   "cents", "about", "some", "nearly", "over", "than"]

#: "the start of the year"/"the end of the month" this close (days) to the unit's turn may mean
#: the neighbouring unit: the coming year in late December (unless told in the past tense),
#: the year just ended in early January (unless told in the future tense).
UNIT_TURN_DAYS = {"year": 31, "month": 5}
#: A future-tense weekday equal to the DCT's weekday ("will vote on Tuesday" in a Tuesday
#: article) is the next week's unless the publication time is known and earlier than this hour
#: (then it can still be today) or one of SAME_DAY_WORDS comes before it ("later Tuesday").
SAME_WEEKDAY_TODAY_BEFORE_HOUR = 12
SAME_DAY_WORDS = ["later", "today", "tonight"]

#: A weekday with no tense cue resolves to the past when it fell at most this many days before
#: the DCT (news mostly reports what happened), else to the coming one.
WEEKDAY_DEFAULT_PAST_MAX_DAYS = 4
#: "a year earlier" / "year-ago" refer to the period just mentioned (a quarter in earnings
#: reports) when that mention is at most this many characters before them.
ANAPHORA_MAX_CHARS = 400

#: Words before "a <unit>" that make it a rate, not a time ("$1.76 a year", "four flights a
#: week", "24 hours a day"): a number, or a plural noun (a word ending in -s not in this list).
RATE_NOT_PLURAL = {"is", "was", "has", "this", "its", "his", "as", "plus", "less", "thus",
                   "us", "yes", "perhaps", "always", "across", "towards", "afterwards"}
RATE_WORDS = {"once", "twice", "times", "per", "than"}
#: Words after "N years" that make it an age, not a duration ("52 years old").
AGE_WORDS = ["old", "of age"]

#: Named days. Fixed dates: name -> (month, day). Rule dates: name -> (month, weekday, n) for
#: the n-th weekday of the month (n = -1: the last one). Resolved to the year by tense, else
#: the nearest.
HOLIDAYS_FIXED = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "christmas": (12, 25),
    "christmas day": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26),
    "valentine's day": (2, 14), "independence day": (7, 4), "halloween": (10, 31),
    "veterans day": (11, 11), "armistice day": (11, 11), "bastille day": (7, 14),
    "may day": (5, 1), "st. patrick's day": (3, 17), "st patrick's day": (3, 17),
}
HOLIDAYS_RULE = {
    "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "labor day": (9, 0, 1),
    "memorial day": (5, 0, -1), "martin luther king day": (1, 0, 3),
    "presidents' day": (2, 0, 3), "presidents day": (2, 0, 3), "columbus day": (10, 0, 2),
    "mother's day": (5, 6, 2), "father's day": (6, 6, 3),
}
#: Election Day in the US: the Tuesday after the first Monday of November.
ELECTION_DAY = "election day"

#: The finder runs its patterns only within this many characters of a trigger word (a month, a
#: unit, a digit...): longer than the longest expression's reach from its trigger
#: ("the past several quarters", "more than four decades ago").
TRIGGER_WINDOW_CHARS = 60

# --- round four ------------------------------------------------------------------------------

#: "a vote is planned for May": "for" makes an ambiguous month word the month only after one of
#: these scheduling words ("support for May" may be a person called May).
MONTH_FOR_AFTER = {"planned", "scheduled", "set", "slated", "due", "expected", "pencilled",
                   "penciled", "earmarked", "booked", "called", "fixed", "targeted", "timed",
                   "postponed", "delayed", "moved", "pushed", "brought", "rescheduled"}

#: "next Wednesday" is the Wednesday of the week after the publication date's week (weeks run
#: Monday to Sunday), so on a Tuesday it is eight days ahead, not tomorrow. Reason: news style
#: (AP, Reuters) names a day within the coming week by the bare weekday ("Wednesday"); an editor
#: who adds "next" means the following week, and this reading puts the day inside the week that
#: "next week" names. TimeBank/AQUAINT hold no "next <weekday>" to measure against (the "last
#: <weekday>" ones are the previous occurrence, which this rule's mirror would not change).
#: Set False for the next occurrence after the DCT (the reading of many TimeML annotators).
NEXT_WEEKDAY_IN_NEXT_WEEK = True

#: Verb lemmas that in the simple present describe a schedule ("polling stations open at 7:00 am
#: on Saturday", "the talks begin Monday"): with one of these in the present tense a weekday or
#: date points to the future (the nearest coming one).
SCHEDULE_LEMMAS = {"open", "close", "start", "begin", "end", "resume", "take", "kick", "run",
                   "convene", "meet", "expire", "arrive", "depart", "leave", "launch", "finish",
                   "reopen", "commence", "conclude", "vote", "go"}
#: ... "take" and "kick" only with their particle/object: "takes place", "kicks off".
SCHEDULE_LEMMA_NEEDS = {"take": "place", "kick": "off", "go": "ahead"}
#: Tags the small English model gives a present schedule verb after a plural subject
#: ("stations open" as JJ, "polls close" as RB): counted when the word has its own subject.
SCHEDULE_MISTAGS = {"JJ", "RB", "VB", "NN"}
#: The same for the parse-free cue search: present forms that are unambiguous enough (third
#: person singular, or plural with the particle).
SCHEDULE_CUES = ["opens", "closes", "starts", "begins", "ends", "finishes", "resumes", "takes place", "take place",
                 "kicks off", "kick off", "convenes", "expires", "reopens", "commences"]

#: A clock time takes its day from a weekday or date in the same clause after it ("at 04:17
#: local time (0117 GMT) on Sunday"): at most this many characters between them, with only a
#: parenthesis, a comma-delimited aside, "local time" or "on" in between.
CLOCK_DAY_MAX_GAP = 60

#: "the second half of the year", "the first three months of the year": the number of months
#: from the start (or end) of a year that make a calendar quarter or half.
MONTHS_AS_PERIOD = {3: ("Q", 1), 6: ("H", 1)}
#: Ordinals that mean "the last one" of a year's parts ("the last half", "the final quarter").
LAST_ORDINALS = {"last", "final"}
#: "the rest of the year", "the remainder of the month": the current unit (DCT-based).
REST_WORDS = ["rest", "remainder", "balance"]

#: Words before a four-digit year that make it part of a copyright line, not a time.
COPYRIGHT_WORDS = {"copyright", "©", "(c)", "copr.", "\u00a9"}

#: "the 1998-99 season", "fiscal 2023-24": a span of two consecutive years written with the
#: second year's last two digits. TIMEX3 has no interval value: the value is the first year
#: (where the span starts).
YEAR_SPAN_SEPARATORS = "/\u2013-"  # the hyphen last (it is put in a regex character class)

#: "full-year results", "calendar-year sales": a hyphenated "<word>-year" before a noun is an
#: adjective naming the kind of figure, not a time (TimeBank never annotates it); "the full
#: year" stays a time expression.
YEAR_ADJECTIVE_NOT_BEFORE = ["end", "ended", "ending", "earlier", "ago"]

#: "local time" with no place next to it: the zone of the country the story names most often,
#: when all of that country's gazetteer cities share one zone (Turkey: yes; the US: no). The
#: country must be named at least this many times.
STORY_COUNTRY_MIN_MENTIONS = 1

# --- round five ------------------------------------------------------------------------------

#: Named zones written out before "time" ("5 p.m. Pacific time", "Central European Time",
#: "Eastern Daylight Time"): name (lower case, without Standard/Daylight/Summer) -> IANA zone.
#: The regional clock is used (zoneinfo applies daylight saving), as for "ET".
NAMED_ZONES = {
    "pacific": "America/Los_Angeles", "mountain": "America/Denver",
    "central": "America/Chicago", "eastern": "America/New_York",
    "atlantic": "America/Halifax", "alaska": "America/Anchorage", "hawaii": "Pacific/Honolulu",
    "central european": "Europe/Paris", "eastern european": "Europe/Athens",
    "western european": "Europe/Lisbon", "greenwich mean": "UTC", "british summer": "Europe/London",
    "british": "Europe/London", "moscow": "Europe/Moscow", "universal": "UTC",
    "coordinated universal": "UTC",
}
#: Words that may stand between a named zone and "time" ("Pacific Standard Time").
NAMED_ZONE_QUALIFIERS = ["standard", "daylight", "summer", "daylight saving"]

#: A bare clock time with no day of its own and no event day takes the most recent day named
#: in its own sentence or the one before; further back, the day more likely belongs to another
#: event, so the publication date (or, in the future tense, the next such time) is used.
CLOCK_PREVIOUS_SENTENCES = 1
#: Event nouns: a clock time whose clause names one of these ("the meeting will start at 9
#: a.m.") takes the day the text gives the same noun elsewhere ("will hold an emergency meeting
#: on Feb. 3"). Also the subject noun of the clock's verb is tried (see clock._event_day).
EVENT_NOUNS = {"meeting", "talks", "talk", "conference", "decision", "call", "session", "summit",
               "vote", "hearing", "briefing", "election", "match", "game", "ceremony", "speech",
               "announcement", "trial", "visit", "launch", "debate", "auction", "race", "event",
               "negotiation", "negotiations", "round", "meet", "sitting", "interview", "strike"}

#: Modal verbs of possibility that, with a scheduling verb ("a further round could take place in
#: May", "the vote might be held in June"), put the expression in the future.
POSSIBILITY_MODALS = ["could", "may", "might", "can"]
#: ... the scheduling verbs they must govern for that (a bare "could" says nothing about time:
#: "prices could have risen in May").
POSSIBILITY_EVENT_VERBS = ["take place", "be held", "held", "hold", "happen", "start", "begin",
                           "open", "resume", "come", "follow", "be signed", "be reached"]

#: A second day number joined to a day-month date ("Dec. 18 and 19", "18 and 19 December"):
#: the joining words.
DAY_PAIR_JOINERS = ["and", "or", "to", "-", "\u2013", "through"]
#: Day first ("18 and 19 December", "18-19 December"): the first day number and its joiner
#: must end right before the day-month date, within this many characters (no other expression
#: in between); a number glued to a word, a decimal point, a colon or a slash is not a day.
DAY_PAIR_BEFORE_MAX_CHARS = 16
#: When neither parse nor the cue window (TENSE_WINDOW_CHARS) gives a tense, the cue search is
#: run again over the whole sentence before the expression, up to this many characters: a
#: coordinated tail ("The talks will begin on Oct. 10 ..., and at 14:00 CET on Monday in
#: Paris") shares the tense of its sentence's verb.
TENSE_SENTENCE_WINDOW_CHARS = 300
#: The cue-word form of the same rule: "could take place", "might be held".
FUTURE_CUES += [f"{m} {v}" for m in POSSIBILITY_MODALS for v in POSSIBILITY_EVENT_VERBS]
#: ... and for the parse: the lemma of a verb (with its particle or passive) that a possibility
#: modal sends to the future.
POSSIBILITY_EVENT_LEMMAS = {"take": "place", "hold": None, "happen": None, "start": None,
                            "begin": None, "open": None, "resume": None, "follow": None,
                            "sign": None, "reach": None}

#: "the year to June 2021", "the 12 months to March": "the year" followed by one of these and a
#: month names a period ending at that month; the month (with its year) is the expression, and
#: "the year" alone is not a second one (it is not the current year).
PERIOD_TO_WORDS = ["to", "until", "till"]
#: ... the second number counts only at the end of a clause (punctuation) or before one of
#: these words ("on Dec. 18 and 19 in Riyadh"); "Dec. 18 and 19 people" is a count.
DAY_PAIR_FOLLOWERS = ["at", "in", "on", "from", "for", "with", "when", "while", "as", "after",
                      "before", "until", "during", "respectively", "if", "he", "she", "they",
                      "it", "officials", "according", "said", "and", "or", "but"]

#: A zoned clock time with no day of its own, in a story whose publication moment is known, is
#: put on the nearest such moment before publication in a past sentence ("spoke at 3 p.m. GMT"
#: in a story published at 1 p.m.: yesterday) and after it in a future one ("will speak at 11:00
#: a.m. Stockholm time" published at noon UTC: tomorrow). When neither parse nor cue words give
#: a tense, it is read as this one (news reports mostly what has happened).
CLOCK_DEFAULT_TENSE = "past"

#: Zone keys that mean UTC: a clock in one of these in brackets right after a clock with no
#: zone ("3 p.m. (1300 GMT)") is the same moment, and gives the local clock its UTC offset.
UTC_ZONE_KEYS = {"UTC", "Etc/UTC", "Etc/GMT", "GMT", "Etc/Greenwich", "Zulu", "Etc/Zulu"}
#: The largest real UTC offset (UTC+14), in minutes; a larger difference between a local clock
#: and its bracketed UTC clock wraps to a negative offset (the UTC clock is on the next day).
MAX_UTC_OFFSET_MINUTES = 14 * 60
#: "in Rome at 11:30 am local time": how far back from a "local time" clock the "in <Place>
#: at" that names the place of the local time may start.
PLACE_BEFORE_CLOCK_MAX_CHARS = 40
#: Words that, between a future date and a later bare month of the same sentence, say the
#: month is the past after all ("will meet on 30 September, months after talks ended ago in
#: May"): the month then keeps its own tense.
PAST_ONLY_CUES = {"ago", "earlier", "previously", "already", "last"}
#: Words right before "last" that make it the verb ("and last two days", "to last three
#: weeks", "will last a month"): "last" then stays out of the duration's span.
VERB_LAST_BEFORE = {"and", "to", "will", "would", "could", "may", "might", "can", "should",
                    "must", "not", "also"}

# --- polish: past plans, pairs with a year, rest of a unit ------------------------------------

#: "Dec. 18 and 19, 2021": what may stand between the second day number and the year that
#: dates both days (a regex fragment: an optional comma and spaces).
DAY_PAIR_YEAR_SEPARATOR = r",?\s+"

#: A plan told in a past tense ("the vote was planned for March", "had been scheduled for
#: June", "the elections were due in March"): the plan was made before publication and the
#: month or date it names is read in the publication year (so before publication it is the
#: past, not next year's), even though the planning verb alone points ahead. Lemmas of such
#: verbs (and the adjective "due"):
PAST_PLAN_LEMMAS = {"plan", "schedule", "expect", "set", "slate", "due", "intend", "earmark",
                    "pencil", "timetable", "program", "programme"}
#: ... the past auxiliaries (or copula) that make them past: "was", "were", "had".
PAST_PLAN_AUX = {"was", "were", "had"}
#: ... the same without a parse: one of PAST_PLAN_AUX, optionally "been", then the plan word,
#: at most this many characters before the expression in its clause.
PAST_PLAN_WORDS = ["planned", "scheduled", "expected", "set", "slated", "due", "intended",
                   "earmarked", "pencilled", "penciled", "timetabled", "programmed"]
PAST_PLAN_MAX_CHARS = 40
#: "the rest of the year" / "the remainder of the month": the value is the current unit and
#: ``mod`` stays None. TimeML's mod values START/MID/END mark "the beginning/middle/end of" a
#: unit (a fixed part of it); the rest of the year runs from the publication date to the
#: year's end, which in May is most of the year, not its end. The guidelines have no mod for
#: "from now to the end", so none is set (no evidence either way in TimeBank/AQUAINT: the
#: phrase is not annotated there).
REST_MOD = None
#: ... only while this year's month/date is at most this many months before publication ("was
#: scheduled for January" in a December story is more likely the coming January).
PAST_PLAN_MAX_MONTHS_BACK = 8
