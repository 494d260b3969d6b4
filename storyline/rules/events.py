"""Event rules: trigger words, support verbs, linking prepositions and status cues, as data.

Used by :mod:`storyline.enrich.events`. An event mention is a trigger word (noun or verb lemma
below) with its syntactic neighbourhood: the trigger's dependency subtree, plus -- when the trigger
is the subject or object of a *support verb* ("talks will START in Geneva", "HELD a meeting on
Monday") -- that verb's other attachments. Times and places are linked from that neighbourhood,
otherwise from the same clause; participants from compounds ("US-Russia talks"), prepositions
("between Biden and Putin", "with Putin") and subjects ("Biden MET Putin", "Psaki SAID in a
statement").
"""
from __future__ import annotations

#: Noun lemma -> event kind. A noun is a trigger only with one of these lemmas.
NOUN_TRIGGERS = {
    "talk": "talks", "negotiation": "negotiations", "dialogue": "talks", "dialog": "talks",
    "meeting": "meeting", "call": "call", "phone-call": "call", "summit": "summit",
    "visit": "visit", "trip": "visit", "statement": "statement",
    "vote": "vote", "referendum": "vote", "election": "election", "runoff": "election",
    "conference": "conference", "forum": "conference", "hearing": "hearing", "debate": "debate",
    "rally": "rally", "protest": "protest", "inauguration": "inauguration",
    "ceremony": "ceremony", "funeral": "funeral", "conversation": "call",
}
#: Noun triggers that are events only in the plural ("talks" yes; "there is no talk of" no).
PLURAL_ONLY = {"talk"}
#: Noun triggers that are events only in the singular: "votes" are mostly ballots counted
#: ("garner votes", "a price in terms of votes"), "the vote" is the act.
SINGULAR_ONLY = {"vote"}
#: Noun triggers that need one of PHONE_MODIFIERS ("phone conversation"), else they are skipped.
NEEDS_PHONE_MODIFIER = {"conversation"}
PHONE_MODIFIERS = {"phone", "telephone", "video", "conference", "zoom", "virtual"}

#: Verb lemma -> event kind ("Biden met Putin", "Macron visited Kyiv", "Blinken called Zelenskiy").
VERB_TRIGGERS = {
    "meet": "meeting", "visit": "visit", "call": "call", "phone": "call", "telephone": "call",
    "negotiate": "negotiations", "vote": "vote", "convene": "meeting", "tour": "visit",
}
#: Verbs that are events only with a person-like object or no object: "meet Putin" / "leaders will
#: meet", not "meet expectations"; "called Zelenskiy", not "called it a mistake".
VERBS_NEEDING_PERSON_OBJECT = {"meet", "call", "phone", "telephone"}
#: Passive uses that are idioms, not events ("aggression would be met with penalties", "it is
#: called Semtex"); a participle modifying a noun is naming too ("an explosive called Semtex").
PASSIVE_NOT_EVENT = {"meet", "call"}
NAMING_DEPS = {"acl"}
#: Object nouns that count as person-like for the rule above.
PERSON_NOUNS = {
    "counterpart", "counterparts", "leader", "leaders", "official", "officials", "minister",
    "ministers", "president", "presidents", "delegation", "delegations", "envoy", "envoys",
    "team", "representatives", "ambassador", "chancellor", "king", "pope", "premier",
    "him", "her", "them", "us", "me", "each", "others",
}
#: A verb "call" with one of these particles/prepositions or clausal complements is not a phone
#: call: "called for calm", "called on Russia", "called off", "called them to act". An object
#: complement next to an object ("called IT a MISTAKE") is naming, not phoning; a lone "oprd" is
#: how the parser often reads "called Ukraine's President Zelenskiy", so it counts as the object.
CALL_VERB_EXCLUDED_PREPS = {"for", "on", "off", "up", "out"}
CALL_VERB_EXCLUDED_DEPS = {"ccomp", "xcomp"}
OBJECT_DEPS = {"dobj", "oprd"}

#: Clause-level children. Inside a trigger's neighbourhood they are followed only when they hang
#: directly on the trigger and their verb is a support verb ("a summit that TOOK place in June");
#: otherwise their times and places belong to another predicate ("talks with Biden, which set the
#: stage for negotiations next month").
CLAUSE_DEPS = {"relcl", "ccomp", "advcl", "parataxis", "acl", "xcomp", "csubj"}
#: A noun "call" with these attachments is an appeal, not a conversation ("a call for peace",
#: "calls on Moscow", "a call to action" -- "to" only with a non-person object).
CALL_NOUN_EXCLUDED_PREPS = {"for", "on"}
#: Modifiers that make "call" an idiom, not an event ("wake-up call", "close call").
CALL_NON_EVENT_MODIFIERS = {"wake", "wake-up", "roll", "judgment", "judgement", "close",
                            "curtain", "casting", "margin", "last", "so", "port", "cold",
                            "booty", "clarion", "rallying"}

#: When two triggers stack ("summit meeting"), the more specific kind wins.
KIND_SPECIFICITY = ["summit", "election", "vote", "call", "visit", "negotiations", "talks",
                    "conference", "hearing", "trial", "briefing", "debate", "meeting",
                    "announcement", "statement"]

#: Verbs whose subject/object noun trigger shares their attachments: "talks will START in
#: Geneva on 9 January", "they HELD talks in Vienna", "the summit TAKES place on Monday".
SUPPORT_VERBS = {
    "hold", "have", "attend", "host", "start", "begin", "open", "resume", "end", "conclude",
    "finish", "take", "schedule", "plan", "convene", "join", "chair", "lead", "organise",
    "organize", "call", "postpone", "cancel", "delay", "follow", "continue", "seek", "request",
    "propose", "set", "wrap", "stage", "occur", "happen", "launch", "make", "place", "issue",
    "release", "win", "lose", "contest",
}
#: A noun trigger inside "in/during/at <trigger>" under a verb makes that verb's subject a
#: participant: "Psaki SAID in a statement", "Biden laid out two paths during the call".
PARTICIPANT_FRAME_PREPS = {"in", "during", "at"}
#: Prepositions after a trigger that introduce participants ("talks with Putin", "a call
#: between Biden and Putin", "a statement from the Kremlin", "a meeting of NATO ministers").
PARTICIPANT_PREPS = {"with", "between", "among", "by", "from", "of", "to"}
#: Entity labels that may be participants.
PARTICIPANT_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
#: Prepositions that introduce the event's place ("in Geneva", "at the Kremlin"; "to Kyiv" for
#: visits, see VISIT_KINDS).
LOCATIVE_PREPS = {"in", "at", "inside", "near", "outside"}
VISIT_KINDS = {"visit"}
VISIT_PREPS = {"to"}
#: Place kinds that, as a compound modifier, are the event's place ("the Geneva talks");
#: countries and states as modifiers are participants ("US-Russia talks").
WHERE_COMPOUND_KINDS = {"city", "region"}
#: A place followed by these words names a time zone, not where the event is ("Washington time").
TIME_ZONE_WORDS = {"time"}

#: Verbs whose clause is the reporter's frame, not the event's: a time or place attached to them
#: ("Ushakov TOLD reporters on Friday") is not the event's.
REPORTING_VERBS = {"say", "tell", "add", "report", "announce", "state", "write", "note",
                   "explain", "claim", "insist", "confirm", "deny", "reply", "respond",
                   "warn", "brief", "tweet"}

#: Times of these types never give an event's date.
NON_DATE_TIME_TYPES = {"DURATION", "SET"}

#: Status cues. Future: modal auxiliaries, governing verbs ("plans to hold", "is due to start"),
#: adjectives ("the upcoming summit"). Past/ongoing modifiers likewise.
FUTURE_AUX = {"will", "shall", "'ll", "wo", "would"}
FUTURE_GOVERNORS = {"plan", "expect", "schedule", "set", "due", "intend", "aim", "prepare",
                    "agree", "propose", "hope", "want", "seek", "going", "slate", "poise"}
FUTURE_MODIFIERS = {"upcoming", "coming", "next", "planned", "proposed", "scheduled",
                    "forthcoming", "future", "expected", "prospective", "potential", "possible"}
PAST_MODIFIERS = {"last", "previous", "earlier", "recent", "former", "past"}
ONGOING_MODIFIERS = {"ongoing", "continuing", "current", "under way", "underway"}
#: Verbs whose present tense says the event is under way ("talks continue").
ONGOING_VERBS = {"continue", "resume", "drag", "go"}

#: Dependency relations followed upwards from a trigger to find the predicate whose tense and
#: modality apply to it (stops at reporting clauses: ccomp, relcl, parataxis).
STATUS_CLIMB_DEPS = {"conj", "pobj", "agent", "advcl", "xcomp", "nsubj", "nsubjpass", "dobj",
                     "attr", "appos", "compound", "prep"}
STATUS_CLIMB_MAX = 5

#: Relative expressions anchored on the previous event or date of the same sentence
#: ("followed by a meeting in Brussels two days later").
RELATIVE_LATER_PATTERN = (r"^(?:some\s+)?(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|"
                          r"nine|ten|eleven|twelve)\s+(?P<unit>day|week)s?\s+"
                          r"(?P<dir>later|after|afterwards|earlier|before)$")
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

#: Determiners that make a mention indefinite ("a call", "another meeting"): a new event unless
#: its date matches one already found. Other mentions ("the call", "Thursday's call", a headline's
#: bare "security call") may refer back to an event already described and are merged into it.
INDEFINITE_DETERMINERS = {"a", "an", "another", "one", "some", "any", "no"}

# ---------------------------------------------------------------- round two (review fixes)
#: The electorate as subject of a choosing verb is a vote: "voters will decide on Nov. 5",
#: "residents will choose a new mayor". Subject lemmas and verb lemmas -> kind.
ELECTORATE_SUBJECTS = {"voter", "elector", "electorate", "resident", "citizen", "constituent"}
ELECTORATE_VERBS = {"decide": "vote", "choose": "election", "elect": "election",
                    "pick": "election", "cast": "vote", "weigh": "vote"}
#: "round" (of talks, of voting) is an event only as the subject or object of a support verb
#: ("the next round would take place in Vienna", "they will hold another round") and with no
#: "of" complement of its own ("a round of sanctions" is not a meeting). Its kind is the kind of
#: the nearest earlier trigger of ROUND_KINDS within ROUND_CONTEXT_TOKENS tokens; with none, it
#: is no event.
ROUND_NOUNS = {"round", "session"}
ROUND_KINDS = {"talks", "negotiations", "election", "vote", "meeting", "summit", "conference"}
ROUND_CONTEXT_TOKENS = 400
#: A clause hanging on a noun trigger that opens with one of these markers is the trigger's
#: *content*, not a description of it: "a statement THAT the next round would take place in
#: Vienna on March 3" -- the date and place belong to the round, not to the statement.
CONTENT_CLAUSE_MARKERS = {"that", "whether", "if"}
#: Modal auxiliaries of possibility: "may hold a phone call next week" is a scheduled (possible)
#: event, not a past one. A perfect after them ("may have met") stays past.
POSSIBILITY_AUX = {"may", "might", "could", "can", "should", "must"}
PERFECT_AUX = {"have", "has", "had", "'ve"}

#: Buildings and institutions that are places when they follow a locative preposition ("at the
#: Dane County Courthouse", "at the Cambridge Public Library"): the last word of an ORG or FAC
#: name. An ORG with another head ("in the Senate") is not a where.
FACILITY_HEADS = {
    "courthouse", "court", "library", "hall", "center", "centre", "stadium", "arena", "hotel",
    "palace", "museum", "school", "university", "college", "church", "cathedral", "mosque",
    "synagogue", "temple", "hospital", "auditorium", "theater", "theatre", "airport", "station",
    "park", "building", "house", "capitol", "embassy", "consulate", "headquarters", "plaza",
    "square", "gardens", "pavilion", "chamber", "chambers", "complex", "campus", "base",
}
#: Between a facility and the place that locates it: "the Courthouse in Madison", "the Library,
#: Cambridge", "the University of Vienna".
FACILITY_PLACE_LINK = r"\s*(?:,|\bin\b|\bof\b|\bat\b)\s*(?:the\s+)?"
#: Datelines ("MADISON, Wis. --", "BELGRADE, Serbia (AP) --", "Geneva (AFP) -", "WELLINGTON,
#: Jan 20 (Reuters) -") are defined once in :mod:`storyline.rules.datelines`:
#: ``DATELINE_PLACE_RE`` (the dateline city: a facility with no other locating place is taken to
#: be there), ``dateline_lead_spans`` (names inside say where the story was filed and who filed
#: it, never who took part in an event) and ``DATED_LEAD_RE`` (its date is when the story was
#: filed, never an event's date).
from storyline.rules.datelines import (  # noqa: E402,F401
    DATED_LEAD_RE, DATELINE_LEAD_RE, DATELINE_PLACE_RE, dateline_lead_spans)

#: TIMEX3 reference values: always past / always future / now.
TIMEX_PAST_REF = {"PAST_REF"}
TIMEX_FUTURE_REF = {"FUTURE_REF"}
TIMEX_PRESENT_REF = {"PRESENT_REF"}
#: TIMEX3 season and quarter/half codes -> (first month, last month). Winter runs December to
#: February and is placed in the year given (WI of 2025: Dec 2025 - Feb 2026).
TIMEX_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}
TIMEX_QUARTERS = {"Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12),
                  "H1": (1, 6), "H2": (7, 12)}
#: Kinds kept with no time, place or named participant when a speaker frames them ("the
#: ministry said in a statement"): the statement itself is an event of the article.
FRAMED_KINDS = {"statement"}

# ---------------------------------------------------------------- round three (review fixes)
#: A capitalised name after "in"/"at" that no entity covers is still a ``where`` when the
#: gazetteer knows it by its primary name ("will meet in Ohrid"); also after "the town of":
#: nouns that name a settlement or area and take the place as an "of" complement.
GAZETTEER_WHERE_PREPS = {"in", "at"}
PLACE_NOUNS = {"town", "city", "village", "capital", "resort", "port", "region", "province",
               "state", "island", "municipality", "district", "commune", "suburb"}
#: Speaking verbs that are a call when the channel is a phone or video link: "spoke by phone
#: with", "talked on the phone", "held talks over video link". verb lemma -> kind; prepositions
#: and channel nouns below.
PHONE_SPEECH_VERBS = {"speak": "call", "talk": "call", "chat": "call", "confer": "call"}
PHONE_CHANNEL_PREPS = {"by", "on", "over", "via"}
PHONE_CHANNELS = {"phone", "telephone", "video", "videolink", "videoconference", "zoom", "call",
                  "hotline", "line"}
#: "will travel to Tokyo for talks", "flew to Berlin for a meeting": the mover is a participant
#: and the destination ("to X") is the event's place.
TRAVEL_VERBS = {"travel", "fly", "go", "head", "come", "arrive", "journey", "return", "leave"}
TRAVEL_PURPOSE_PREPS = {"for"}
TRAVEL_DESTINATION_PREPS = {"to", "in"}
#: How many prep/pobj links to climb from "for <trigger>" to the movement verb.
TRAVEL_CLIMB_MAX = 4
#: Subject nouns that stand for a group whose members are named elsewhere: "the two leaders met",
#: "both ministers". With a number word "two" or "both", they stand for the last two people named
#: together (two PERSON entities before the main verb of a sentence, joined by "and") within
#: GROUP_LOOKBACK_SENTENCES sentences; with no such pair, no participant is guessed.
GROUP_NOUNS = {"leader", "minister", "president", "side", "man", "woman", "official",
               "counterpart", "premier", "chief", "head", "envoy", "diplomat"}
GROUP_NUMBER_WORDS = {"two", "both"}
GROUP_LOOKBACK_SENTENCES = 3
#: A subject noun of PERSON_NOUNS with "of X and Y" or modifiers "X and Y leaders": the
#: countries or bodies X and Y are the participants ("the leaders of Serbia and Kosovo").
GROUP_OF_PREPS = {"of", "from"}
#: Scheduled-occasion nouns: events only when a time is attached (not a compound modifier like
#: "morning briefing", a newsletter) or the noun is the subject/object of a SCHEDULE_VERBS verb
#: ("a briefing will start at 5 p.m.", "the trial is set for June", "will make an announcement
#: on Monday").
SCHEDULED_NOUN_TRIGGERS = {"briefing": "briefing", "trial": "trial",
                           "announcement": "announcement", "webcast": "call",
                           "presentation": "briefing"}
SCHEDULE_VERBS = {"schedule", "set", "hold", "host", "plan", "start", "begin", "open", "give",
                  "make", "expect", "slate", "resume", "take"}
#: "a call for investors" is a conference call, not an appeal ("a call for calm"): the object of
#: "for" names an audience.
CALL_AUDIENCE_NOUNS = {"investor", "analyst", "shareholder", "reporter", "journalist", "media",
                       "press", "bondholder", "creditor", "employee", "staff", "stakeholder"}
#: "The meeting will be hosted by Borrell": a mention with one of these determiners and no date
#: or place of its own refers back to the event of its kind already described, even when it
#: names new participants (a host, a mediator); they are added to that event.
ANAPHORIC_DETERMINERS = {"the", "this", "that"}
#: An ORG inside a person's title ("DEFENCE Minister Yuki Morita", "FINANCE Minister Thomas
#: Engel": a chain of compounds ending on a PERSON) is the person's office, not a participant.
#: At most this many compound links are climbed.
TITLE_CLIMB_MAX = 4

# ---------------------------------------------------------------- round four (review fixes)
#: New noun triggers: a ceasefire or truce (its start, extension, end); consultations (plural).
CEASEFIRE_NOUNS = {"ceasefire": "ceasefire", "cease-fire": "ceasefire", "truce": "ceasefire",
                   "armistice": "ceasefire"}
CONSULTATION_NOUNS = {"consultation": "talks"}
#: Scheduled decisions of courts and boards: events only with an attached time or a schedule
#: predicate ("the decision is due on Nov. 24", "an appeal, which must be filed by Nov. 14").
DECISION_NOUNS = {"decision": "decision", "ruling": "ruling", "verdict": "ruling",
                  "judgment": "ruling", "judgement": "ruling", "sentencing": "sentencing",
                  "appeal": "appeal"}
#: "X is due/set/scheduled/expected on DATE": predicates after "be" that schedule their subject.
SCHEDULE_PREDICATES = {"due", "set", "scheduled", "slated", "expected", "planned"}
#: Verbs that file a scheduled item: a relative clause on the trigger with one of them keeps its
#: time ("an appeal, which must be filed by November 14").
FILING_VERBS = {"file", "lodge", "submit"}
#: New verb triggers. "sentence" (a court sentenced X); "brief" only with a person-like or
#: institution object ("will brief the Security Council", not "brief the media"); "announce"
#: only with a policy-decision object ("announce another hike"); "exchange"/"swap" only with
#: captives as object.
NEW_VERB_TRIGGERS = {"sentence": "sentencing", "brief": "briefing", "announce": "announcement",
                     "exchange": "prisoner exchange", "swap": "prisoner exchange"}
BRIEF_VERBS = {"brief"}
ANNOUNCE_VERBS = {"announce"}
ANNOUNCEMENT_OBJECTS = {"hike", "cut", "decision", "increase", "reduction", "rate", "rates",
                        "result", "verdict", "ruling", "move"}
CAPTIVE_VERBS = {"exchange", "swap"}
CAPTIVE_NOUNS = {"prisoner", "hostage", "detainee", "captive", "pow", "body"}
#: "a prisoner exchange", "the swap of hostages": an exchange noun is an event only with a
#: captive modifier or "of" object.
EXCHANGE_NOUNS = {"exchange": "prisoner exchange", "swap": "prisoner exchange"}
#: Kinds that report rather than happen: their status comes only from their own predicate
#: ("according to a statement" inside "it will run until..." is not a scheduled statement).
OWN_STATUS_ONLY_KINDS = {"statement"}
#: Prepositions that introduce a topic: a place inside "consultations ON the situation IN Mali"
#: is what the event is about, not where it is.
TOPIC_PREPS = {"on", "about", "over", "regarding", "concerning"}
#: A clock time with no day ("at 9 a.m.", "11:00 Stockholm time"): such a mention of a kind
#: already described ("The meeting will start at 9 a.m.") belongs to the nearest earlier event of
#: that kind, whatever day the time expression was anchored on.
CLOCK_ONLY_PATTERN = (r"(?i)^\s*(?:at\s+)?(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|h|hrs)?"
                      r"|noon|midnight)(?:\s+(?:local|[A-Z][a-z]+)\s+time|\s+[A-Z]{2,4})?\s*$")
#: A city as compound of the subject of a verb trigger is the event's place ("a Hamburg court
#: sentenced", "a Paris court ruled").
SUBJECT_COMPOUND_WHERE_DEPS = {"nsubj", "nsubjpass"}

NOUN_TRIGGERS.update(CEASEFIRE_NOUNS)
NOUN_TRIGGERS.update(CONSULTATION_NOUNS)
PLURAL_ONLY |= set(CONSULTATION_NOUNS)
SCHEDULED_NOUN_TRIGGERS.update(DECISION_NOUNS)
VERB_TRIGGERS.update(NEW_VERB_TRIGGERS)
VERBS_NEEDING_PERSON_OBJECT |= BRIEF_VERBS
SUPPORT_VERBS |= FILING_VERBS
KIND_SPECIFICITY += ["ceasefire", "prisoner exchange", "sentencing", "ruling", "decision", "appeal"]

# ---------------------------------------------------------------- round five (review fixes)
#: "The talks FOLLOW similar meetings in Copenhagen in June", "the meeting COMES two weeks before
#: a summit": the subject of a sequence verb is an anaphor of an event already described; the
#: verb's times and places belong to the other event, so the subject links none of them.
SEQUENCE_VERBS = {"follow", "precede", "come", "succeed"}
#: "comes two weeks BEFORE a NATO summit", "ahead of the summit": the object of these is a later
#: event -- scheduled when the sentence is present or future tense.
BEFORE_PREPS = {"before", "ahead"}
#: "A meeting is pencilled in FOR Geneva", "talks are set for Vienna": a place as the "for" object
#: of a scheduling verb is where the event will be.
SCHEDULE_PLACE_PREPS = {"for"}
SCHEDULE_PLACE_VERBS = {"pencil", "schedule", "set", "plan", "slate", "earmark", "book", "fix",
                        "penciled"}
#: A place at the end of a topic phrase, directly followed by a dated phrase ("talks on a peace
#: framework for Ukraine IN BRUSSELS ON 14 NOVEMBER"): English puts the event's place before its
#: date, so the place is the event's, not part of the topic. Prepositions that open the date.
PLACE_BEFORE_DATE_PREPS = {"on", "in", "at", "from", "next", "this", "early", "late"}
#: Mentions whose own status (by date or own tense) is one of these two are never merged with
#: each other: a scheduled call and a past call are two calls.
CONFLICTING_STATUSES = ({"past", "scheduled"},)
#: "Scholz spoke TO Tusk by phone": with a phone-speech verb (PHONE_SPEECH_VERBS), the "to"
#: object is the other party of the call.
SPEECH_PARTNER_PREPS = {"to"}
#: The TIMEX3 duration between an anchor event and the event "before" it ("two weeks" = P2W),
#: and days per unit.
BEFORE_DURATION_PATTERN = r"^P(?P<n>\d+)(?P<unit>[DW])$"
DURATION_UNIT_DAYS = {"D": 1, "W": 7}
