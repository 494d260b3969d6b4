"""Page-chrome rules for scraped plain-text pages: patterns, word lists, thresholds.

Used by :mod:`storyline.extract.text`. A scraped page is read line by line;
each line gets a *kind* (chrome, credit, caption, date, byline, copyright,
promo, prose, short...) from the patterns below, and a *weight* from the
thresholds below; the article body is the densest run of prose lines
(a maximum-sum segment, as in Finn et al. 2001 "Fact or fiction: content
classification for digital libraries", the Body Text Extraction idea, with lines
instead of tags). Everything here is general newsroom/web vocabulary: nothing is
keyed to one site.
"""
from __future__ import annotations

import re

from storyline.rules.datelines import DATELINE_LEDE  # noqa: F401  (the lede's dateline)
from storyline.rules.datelines import UPPER  # capital letters, non-ASCII included ("ZÜRICH")

# --------------------------------------------------------------------------
# Line kinds from patterns (matched against the stripped line)
# --------------------------------------------------------------------------

#: Whole-line navigation and widget labels: menus, share/print buttons, list
#: headings ("More on this topic", "Most read"), edition switchers. Matched
#: case-insensitively against the whole line, trailing ":" / "»" / "›" ignored.
NAV_LINES = re.compile(
    r"(?:change edition|edition|select edition|e-?edition|digital edition|print edition|e-?paper|"
    r"menu|main menu|search|search icon|home|homepage|"
    r"skip to (?:(?:the )?main )?(?:content|navigation|search|footer|article)|skip navigation|"
    r"jump to (?:(?:the )?main )?(?:content|navigation)|accessibility(?: help| statement| links)?|"
    r"sign in|sign up|log ?in|log ?out|register|"
    r"subscribe(?: now| today)?|my account|account|close|open|back to top|top|next|previous|prev|"
    r"next article|previous article|more|show more|load more|read more|see more|see all|view all|"
    r"view more|more stories|more news|latest|latest news|latest stories|breaking news|"
    r"advertisement|advertising|ad|ads|sponsored|sponsored content|paid content|partner content|"
    r"trending|trending now|most read|most popular|most viewed|most shared|popular|editor'?s picks|"
    r"related|related articles|related stories|related content|related news|related topics|"
    r"related coverage|more on this topic|more on this story|more from [\w .'’&-]{1,40}|"
    r"recommended|recommended for you|you may also like|you might also like|also read|read next|"
    r"read also|also on [\w .'’-]{1,30}|topics|tags|filed under|categories|category|share|"
    r"share this|share this article|share this story|share on facebook|share on twitter|"
    r"share via email|print|print this|print article|email|e-mail|facebook|twitter|x|linkedin|"
    r"whatsapp|reddit|pinterest|instagram|flipboard|youtube|tiktok|telegram|rss|copy link|"
    r"copy|link copied|save|saved|bookmark|comments?|\d+ comments?|view comments|show comments|"
    r"leave a comment|post a comment|add a comment|reply|report|like|follow|follow us|"
    r"follow us on|contact us|about us|about|contact|careers|jobs|newsletters?|podcasts?|video|"
    r"videos|photos|gallery|listen|listen to (?:this )?(?:article|story)|audio|play|watch|watch now|"
    r"listen to (?:the )?(?:audio|podcast)|gift (?:this )?(?:article|story)|text size|font size|"
    r"(?:text|words|written) by|translated by|"
    r"loading|loading\.\.\.|please wait|(?:\d+ )?shares?|terms|privacy|cookies?|"
    r"cookie settings|accept|accept all|reject all|manage preferences|ok|got it|"
    r"sections|navigation|explore|more sections|opinion|news|sport|sports|business|world|"
    r"politics|technology|tech|science|health|entertainment|culture|lifestyle|travel|"
    r"weather|local|national|international|europe|asia|africa|americas|us|uk|markets)"
    r"\s*[:»›>|]*",
    re.I)

#: A menu written on one line: two or more of the labels above in a row, with
#: or without separators ("Home | News | Politics", "Subscribe Log in").
NAV_SEQUENCE = re.compile(r"(?:" + NAV_LINES.pattern + r"\s*[|•·/]?\s*){2,}", re.I)
NAV_SEQUENCE_MAX_WORDS = 20

#: Promotions, account and legal chrome anywhere in a line: app downloads,
#: newsletters, paywall nags, cookie notices, social follows.
PROMO_PATTERNS = (
    re.compile(r"\b(?:download|get|install) (?:our|the|the new|our new|[\w .'’-]{1,30}) ?app\b", re.I),
    re.compile(r"\bhas a new (?:mobile )?app\b", re.I),
    re.compile(r"\b(?:app store|google play|apple store)\b", re.I),
    re.compile(r"\bnewsletters?\b", re.I),
    re.compile(r"\b(?:delivered|straight|direct(?:ly)?) to your inbox\b", re.I),
    re.compile(r"\bsign up (?:for|to|here|now|today)\b", re.I),
    re.compile(r"\bsubscribe (?:to|now|today|for|here)\b", re.I),
    re.compile(r"\b(?:subscribers? only|for subscribers|become a (?:member|subscriber)|"
               r"already a (?:subscriber|member)|free trial|unlimited (?:digital )?access)\b", re.I),
    re.compile(r"\b(?:we use cookies|this (?:site|website) uses cookies|cookie (?:policy|settings)"
               r"|accept (?:all )?cookies|privacy policy|terms of (?:use|service)|"
               r"all rights reserved)\b", re.I),
    re.compile(r"^follow (?:us|[\w .'’&-]{1,40}) on (?:facebook|twitter|x|instagram|linkedin|"
               r"flipboard|rss|youtube|tiktok|telegram|google news)\b", re.I),
    re.compile(r"\b(?:share|post) (?:this|on|via) (?:article|story|facebook|twitter|email|"
               r"whatsapp|linkedin)\b", re.I),
    re.compile(r"\b(?:click|tap) here\b", re.I),
    re.compile(r"\bopens in (?:a )?new (?:window|tab)\b", re.I),
    re.compile(r"\bsupport (?:independent|quality|our) journalism\b", re.I),
    re.compile(r"\b(?:got|have) a (?:news )?tip\b", re.I),
    re.compile(r"\bthis (?:article|story|content) (?:is|was) (?:only )?available\b", re.I),
    re.compile(r"\benable javascript\b|\bjavascript (?:is )?(?:disabled|required)\b", re.I),
    re.compile(r"\byour browser\b.*\b(?:support|update)\b", re.I),
    re.compile(r"\b(?:from our online archive|from the archive)\b", re.I),
    re.compile(r"\b(?:read|see|watch|listen)(?: the)? (?:more|also|next|full story)\s*:", re.I),
    re.compile(r"^(?:related|read more|more|see also|also read|recommended|watch|listen)\s*:",
               re.I),
    re.compile(r"\b\d+\s*(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)"
               r"\s+ago\b", re.I),
)

#: A line with no letter or digit ("___", "* * *") is a separator rule: never
#: body text, but weighed like a short line so a section break inside the
#: story does not split it.
SEPARATOR_LINE = re.compile(r"^[\W_]+$")

#: Links to the outlet's editorial standards appended to each story ("Our
#: Standards: The Thomson Reuters Trust Principles.", "Read our ethics policy").
STANDARDS_LINE = re.compile(
    r"^(?:our (?:standards|editorial (?:standards|guidelines|values|policy)|ethics policy|"
    r"journalism standards)\s*:.*|(?:read|see|learn more about) our (?:editorial |ethics |"
    r"corrections? )?(?:standards|guidelines|policy|principles)\b.*|"
    r"(?:the )?[\w .'’&-]{1,40} trust principles\.?)$", re.I)

#: Copyright lines: "©2021 Bloomberg L.P.", "Copyright 2022 The Associated Press".
COPYRIGHT = re.compile(r"^(?:©|\(c\)\s|copyright\b|\u00a9)", re.I)
#: ... and it names a year or carries the © sign ("Copyright Policy" is a link).
COPYRIGHT_EVIDENCE = re.compile(r"©|\(c\)|\b(?:19|20)\d{2}\b", re.I)
#: ... or names the holder first: "Central Europe Monitor © 2025 | About".
COPYRIGHT_HOLDER_FIRST = re.compile(r"^(?P<holder>[^\W\d_][\w&'’.,\- ]{1,60}?)\s*(?:©|\(c\))\s*"
                                    r"(?:19|20)\d{2}\b", re.I)
#: A copyright value ends before link lists glued to it: "© 2019 X | Terms | Privacy",
#: "© 2024 X, a Y company. Contact Us".
COPYRIGHT_TAIL = re.compile(r"\s*(?:\||•|·)\s.*$|[\s.,]*all rights reserved.*$|"
                            r"(?<=[.!?])\s+(?:contact(?: us)?|about(?: us)?|advertise\w*|terms\b|"
                            r"privacy|cookies?|careers|sitemap|help)\b.*$", re.I)
#: A copyright line longer than this many words is prose that happens to start so.
COPYRIGHT_MAX_WORDS = 25
#: Some footers put the reservation first: "ALL RIGHTS RESERVED © Copyright ANSA".
#: The lead is dropped before the line is read as a copyright line (and from its value).
COPYRIGHT_RESERVED_LEAD = re.compile(r"^all rights reserved\b[\s.,:;|·•–—-]*", re.I)

#: Reading-time hints: "4 min.", "4 min read", "5-minute read", "Reading time: 3 minutes".
READING_TIME = re.compile(
    r"(?:^|\s)(?:reading time:?\s*)?(?P<min>\d{1,3})[\s-]*(?:min\.?|mins\.?|minutes?)"
    r"(?:\s+read(?:ing)?(?: time)?)?(?=\s|$|[.,|·•])", re.I)

#: Photo credits as a whole line: "Photo credit: AFP", "Photo: Reuters/John Doe",
#: "Image Credit: WeWork", "Credit: Getty Images", "(AFP)", "AFP via Getty Images".
CREDIT_LINE = (
    re.compile(r"^(?:photo|image|picture|photograph|foto|pic|illustration|video)s?\s*"
               r"(?:credits?|by|source)?\s*[:|–—-]\s*(?P<credit>.{2,120})$", re.I),
    re.compile(r"^(?:credits?|source|courtesy(?: of)?)\s*[:|–—-]?\s*(?P<credit>.{2,80})$", re.I),
    re.compile(r"^(?:photo|image|picture|photograph|video)s?\s+(?:copyright|courtesy(?: of)?|"
               r"credits?|source)\s*[:,]?\s*(?P<credit>.{2,80})$", re.I),
    re.compile(r"^\((?P<credit>[A-Z][\w.&'’/ -]{1,60})\)$"),
    re.compile(r"^(?P<credit>(?:[\w.'’-]+ ){0,5}(?:via )?(?:Getty Images|Shutterstock|Alamy|iStock"
               r"|AP Photo[\w/ .'-]*|REUTERS/[\w .'-]+|AFP/[\w .'-]+|EPA(?:-EFE)?/[\w .'-]+))$"),
)

#: Caption lines with an inline credit at the end: "Putin in Moscow. (AFP)",
#: "Crowds in Kyiv. Photo: Reuters/John Doe", "The site (Image: Getty)".
CAPTION_WITH_CREDIT = (
    re.compile(r"^(?P<caption>.{3,400}?)\s+(?:Credit|Photo|Picture|Image)s?:\s*(?P<credit>[^:]{2,80})$"),
    re.compile(r"^(?P<caption>.{3,400}?)\s*\((?P<credit>(?:photo|image|picture|credit)s?\s*"
               r"(?:credit)?\s*:?\s*[^()]{2,60})\)$", re.I),
    re.compile(r"^(?P<caption>.{3,400}?[.!?”\"])\s*(?:photo|image|picture|photograph)s?\s*"
               r"(?:credits?)?\s*:\s*(?P<credit>[^.]{2,80})$", re.I),
    re.compile(r"^(?P<caption>.{3,400}?[.!?”\"])\s*\((?P<credit>AFP|AP|Reuters|EPA|dpa|"
               r"Bloomberg|Getty Images|AAP|PA|Xinhua|ANP|Belga|AP Photo[^()]{0,60}|"
               r"[^()]{2,60}/(?:Getty Images|Reuters|AFP|AP|EPA))\)$"),
)

#: A labelled credit line that holds the caption first and then the credit as
#: "AGENCY/Name" or "Name/AGENCY": "Photo: A ship in Rotterdam. REUTERS/Jane Doe",
#: "Photo: Crowds in Kyiv. Ilyas Akengin/AFP". The caption ends with a stop.
CAPTION_TRAILING_CREDIT = re.compile(
    r"^(?P<caption>.{3,400}?[.!?”\"])\s+(?P<credit>[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3}"
    r"\s*/\s*[A-Z][\w.&'’-]*(?:\s[\w.&'’-]+){0,4})$")

#: A labelled line holding a caption and then its own credit label: "Photo: Soldiers on
#: patrol. Photo credit: AP Photo/Jane Doe" -> ("Soldiers on patrol.", "AP Photo/Jane
#: Doe"). Matched on the text after the first label; the caption ends with a stop.
CAPTION_INNER_CREDIT_LABEL = re.compile(
    r"^(?P<caption>.{3,400}?[.!?”\"])\s+(?:(?:photo|image|picture|photograph|foto)s?\s*"
    r"(?:credits?|by|source)?|credits?|source)\s*:\s*(?P<credit>[^:]{2,80}?)[\s.]*$", re.I)

#: Explicit caption labels: "Above: A WeWork space", "Pictured: ...".
CAPTION_LABEL = re.compile(r"^(?:(?:above|below|top|pictured|caption|main image)\s*:|"
                           r"(?:photo|image|picture|media) caption\s*[:,]?)"
                           r"\s*(?P<caption>.{3,400})$", re.I)

#: Bylines: "By Jane Doe", "By Jane Doe and John Roe, Bloomberg", "Words by ...".
BYLINE = re.compile(r"^(?:by|written by|words by|reporting by|von|par|por|di|door)\s+"
                    r"(?P<names>[^\n]{2,160})$", re.I)
#: A byline line longer than this is a sentence starting with "By".
BYLINE_MAX_WORDS = 16
#: Lowercase particles allowed inside person names ("Ursula von der Leyen").
NAME_PARTICLES = frozenset({"de", "da", "di", "del", "della", "der", "den", "van", "von", "le",
                            "la", "du", "dos", "das", "bin", "ibn", "al", "el", "ter", "zu", "y"})
#: Words that mark a byline part as not a person ("Reuters Staff", "Sports Desk").
NON_PERSON_WORDS = frozenset({
    "staff", "writer", "writers", "reporter", "reporters", "correspondent", "editor", "editors",
    "desk", "team", "news", "newsroom", "agency", "agencies", "press", "media", "times", "post",
    "journal", "daily", "online", "wire", "wires", "service", "services", "contributor",
    "contributors", "bureau", "network", "magazine", "published", "updated", "posted", "more",
    "view", "all", "articles", "and", "minutes", "min", "read", "hours", "ago", "share", "follow",
    "email", "twitter", "facebook", "by", "the", "in", "on", "at", "with", "from",
})
#: Byline tails cut before names are split: "| Published 3 March", " - Updated ...".
BYLINE_TAIL = re.compile(r"\s*(?:\||·|•|—|–| - |\bpublished\b|\bupdated\b|\bposted\b|"
                         r"\bon\b\s+\w+\s+\d|\d{1,2}[:.]\d{2}|\bfollow\b|@).*$", re.I)
#: Editors are not authors: "Reporting by Jane Doe; Editing by John Roe" loses its
#: editing credit before names are read.
BYLINE_EDITOR_TAIL = re.compile(r"\s*[;,|]?\s*\b(?:edit(?:ing|ed) by|editor:|sub-?edit(?:ing|ed) by)"
                                r"\b.*$", re.I)
#: "By A and B, Pacific Herald": after a name list closed by "and"/"&", a comma
#: starts the affiliation (outlet, desk), not another name.
BYLINE_AFFILIATION = re.compile(r"(?:\band\b|&)[^,;]*?(?=,)")
#: Role words opening a part of a sign-off: "Writing by Jane Doe", "Additional
#: reporting by John Roe" (they name authors too).
BYLINE_ROLE_PREFIX = re.compile(r"^(?:(?:additional )?reporting|writing|written|words|text)\s+by\s+",
                                re.I)
#: Where the author wrote from: "Jean Dupont in Paris" -> "Jean Dupont".
BYLINE_PLACE_TAIL = re.compile(r"\s+(?:in|from)\s+[A-Z][\w.'’ -]*$")
#: Name parts are split at commas, semicolons, "and", "&" and "with" ("By Jane Doe
#: with AFP": the agency is then dropped as not a person).
NAME_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\bwith\b|\bund\b|\bet\b|\by\b(?=\s+[A-Z]))\s*")
#: Person-name token: capitalised word, initial ("J."), hyphenated or apostrophe names.
NAME_TOKEN = re.compile(r"^(?:[" + UPPER + r"][\w'’.-]*|[" + UPPER + r"]\.)$")
#: A byline part whose last word is one of these names a newspaper or agency, not a
#: person: "By Jane Doe, Pacific Herald". Kept to words that are not also common
#: surnames (no "Sun", "Star", "Post", "Mail", "Leader", "Globe", "Record").
BYLINE_OUTLET_WORDS = frozenset({
    "herald", "tribune", "gazette", "chronicle", "courier", "observer", "telegraph",
    "sentinel", "inquirer", "examiner", "ledger", "courant", "dispatch", "bulletin",
    "journal", "times", "news", "newspaper", "monitor", "zeitung", "tageblatt", "magazine",
    "weekly", "agency", "express", "independent", "guardian", "insider", "online",
})
NAME_MIN_TOKENS, NAME_MAX_TOKENS = 2, 5

#: Date-line labels: the line carries the publication date ("Published: ...").
PUBLISHED_LABEL = re.compile(r"\b(?:published|posted|first published|date|publiziert|"
                             r"publié|publicado|pubblicato)\b", re.I)
UPDATED_LABEL = re.compile(r"\b(?:updated|modified|last updated|aktualisiert|mis à jour)\b", re.I)
#: A line holding a date is metadata (not body) only when it is this short.
DATE_LINE_MAX_WORDS = 14

#: A clock time beside the date on a date line: "6:15 p.m.", "18:15", "10:42 AM",
#: "6 p.m."; minutes are required without am/pm (a bare number is not a time).
#: An optional zone follows: an abbreviation (storyline.rules.times ZONE_ABBREVIATIONS, the
#: one zone table) or a UTC offset.
CLOCK_TIME = (r"(?P<h>\d{1,2})(?:(?:[:.](?P<mi>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ampm>(?i:[ap]\.?\s?m\.?))?)"
              r"|\s*(?P<ampm2>(?i:[ap]\.?\s?m\.?)))"
              r"(?:\s*(?P<zone>(?:UTC|GMT)\s*[+-]\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|[A-Z]{1,4}))?"
              r"(?![\w:])")
#: The time follows the date ("September 9, 2024 6:15 p.m.", "March 3, 2022, at 10:15 ET",
#: "2019-11-18T23:03:00Z") ...
TIME_AFTER_DATE = re.compile(r"^(?:T|\s*(?:[,|·•@–—-]\s*)?(?:(?i:at)\s+)?)" + CLOCK_TIME)
#: ... or comes just before it ("10:15 AM ET, March 3, 2022", "Updated 4:20 PM EST, March 5").
TIME_BEFORE_DATE = re.compile(r"(?<![\w:.])" + CLOCK_TIME + r"\s*(?:[,|·•–—-]\s*|\s+(?i:on)\s+)?$")

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
_MONTH = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"

#: Date patterns, tried in order; named groups y / m (number) or mon (name) / d.
#: "31.12.2021" is read day-first (European dotted style); "12/31/2021" month-first
#: unless the first number is over 12.
DATE_PATTERNS = (
    re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)"),
    re.compile(_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{2})\b", re.I),
    re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?" + _MONTH +
               r",?\s+(?P<y>(?:19|20)\d{2})\b", re.I),
    re.compile(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d{2})\b"),
    re.compile(r"\b(?P<m_or_d>\d{1,2})/(?P<d_or_m>\d{1,2})/(?P<y>(?:19|20)\d{2})\b"),
)

# --------------------------------------------------------------------------
# Outlet: who publishes the page (not the wire)
# --------------------------------------------------------------------------
_NAME = r"(?:[Tt]he\s+)?(?P<outlet>[A-Z0-9][\w&'’.-]*(?:\s+(?:[A-Z0-9][\w&'’.-]*|of|&|de|du))*?)"
#: Promotions naming the site: "The Luxembourg Times has a new mobile app",
#: "Get the Luxembourg Times delivered to your inbox", "Follow VentureBeat on Twitter".
OUTLET_PATTERNS = (
    re.compile(r"(?:^|[.!?]\s+)" + _NAME + r"\s+has a new (?:mobile )?app\b"),
    re.compile(r"\b(?:[Dd]ownload|[Gg]et) (?:the )?" + _NAME + r"(?:'s)?\s+(?:mobile )?app(?:lication)?\b"),
    re.compile(r"\b[Gg]et (?:the )?" + _NAME + r"\s+delivered to your inbox\b"),
    re.compile(r"^[Ff]ollow " + _NAME + r" on (?:Facebook|Twitter|Instagram|LinkedIn|Flipboard|X)\b"),
    re.compile(r"^" + _NAME + r"\s+[Hh]omepage$"),
    re.compile(r"\b[Ss]ubscribe to (?:the )?" + _NAME + r"(?:'s)?\s+(?:newsletter|app)"),
)
#: Words that cannot be an outlet name on their own (promo grammar words).
OUTLET_STOP = frozenset({"our", "us", "the", "a", "an", "this", "free", "new", "mobile", "app",
                         "your", "here", "now", "today", "me", "newsletter", "newsletters"})
#: Title-tag separators: "Headline | Outlet", "Headline - Outlet".
TITLE_SEPARATORS = re.compile(r"\s+(?:\||–|—|-|::|·|•)\s+")
#: The outlet part of a title tag has at most this many words.
OUTLET_MAX_WORDS = 5
#: Copyright holder: the text after the year in a copyright line.
COPYRIGHT_HOLDER = re.compile(r"^(?:©|\(c\)|copyright)\s*(?:(?:©|copyright\b)\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?"
                              r"[\s,]*(?P<holder>[^.,|]{2,60}?)(?:\s*(?:L\.?P\.?|Inc\.?|Ltd\.?|"
                              r"LLC|GmbH|S\.A\.|plc|Limited|Corp\.?))?\s*(?:[.,|]|all rights|$)",
                              re.I)

# --------------------------------------------------------------------------
# Prose scoring thresholds (line weights for the densest-block search)
# --------------------------------------------------------------------------

#: A line is prose when it has at least this many words and, for the language's
#: stopwords, at least this share of them (justext uses 0.30/0.32 on blocks;
#: single lines are noisier, so lower).
PROSE_MIN_WORDS = 10
PROSE_MIN_STOPWORD_DENSITY = 0.18
#: A line this long with ok stopwords counts as prose even with no final stop.
PROSE_LONG_WORDS = 25
#: Sentence-final characters.
SENTENCE_END = re.compile(r"[.!?…:;\"”’»)\]]\s*$")
#: Share of capitalised words above which a line reads as a headline/menu item.
TITLECASE_MAX_SHARE = 0.6
#: ... except in a sentence (final stop) whose words are at least this share
#: stopwords: "The EU signed a partnership with Chile and is negotiating with
#: Australia." is prose however many names it carries (headlines and menus are
#: short on function words) ...
SENTENCE_MIN_STOPWORD_SHARE = 0.3
#: ... as long as at most this share of its stopwords (after the first word) are
#: capitalised: "How To Win In The Markets." is Title Case, not a sentence.
SENTENCE_MAX_CAPITALISED_STOPWORDS = 0.25
#: Weights: prose lines add their word count; a non-prose line subtracts
#: SHORT_LINE_PENALTY plus SHORT_WORD_PENALTY per word; a chrome line subtracts
#: CHROME_PENALTY plus its words. Short interruptions (a subheading, a pull quote)
#: inside the body therefore cost less than the prose around them gains.
SHORT_LINE_PENALTY = 3.0
SHORT_WORD_PENALTY = 0.5
CHROME_PENALTY = 12.0
#: Medium lines (a short sentence: some words, a final stop, ok stopwords) are
#: neutral: they neither grow nor break the body.
MEDIUM_MIN_WORDS = 5
#: Short sentences (weight 0) right before or after the best run join it: the
#: run's ends are otherwise an arbitrary tie-break.
EXTEND_OVER_MEDIUM = True

#: A first body line without a final stop and at least this long is the
#: standfirst (subtitle) rather than the lede.
STANDFIRST_MIN_WORDS = 8
#: Repeated standfirst: syndicated pages often print the lede's first sentence as a
#: standfirst right above the dateline lede ("NATO ministers will meet ..." then
#: "VILNIUS, Lithuania (AP) — NATO ministers will meet ..."). A line of at most
#: STANDFIRST_REPEAT_MAX_WORDS words, within STANDFIRST_REPEAT_WINDOW body lines
#: before a dateline lede, whose words are at least STANDFIRST_REPEAT_MIN_SHARE
#: contained in the lede's (after its dateline), is the standfirst, not the body.
STANDFIRST_REPEAT_MAX_WORDS = 60
STANDFIRST_REPEAT_WINDOW = 3
STANDFIRST_REPEAT_MIN_SHARE = 0.8
#: The headline block above a byline or date line is at most this many lines
#: (headline, standfirst, a kicker or section label).
TITLE_BLOCK_MAX_LINES = 4
#: E-mail and web domains in the page ("jdoe@courier.example"): the outlet's
#: name squashed ("courier"), so a masthead line "The Courier" is not taken for
#: the headline.
EMAIL_DOMAIN = re.compile(r"@([a-z0-9-]+)\.[a-z]", re.I)
#: An editorial-standards line is at most this many words.
STANDARDS_LINE_MAX_WORDS = 16
#: Headline candidates have this many words.
TITLE_MIN_WORDS, TITLE_MAX_WORDS = 3, 30
#: Captions are at most this long.
CAPTION_MAX_WORDS = 60

#: justext stoplist name -> ISO 639-1 code, for ``Article.language``.
LANGUAGE_CODES = {
    "English": "en", "German": "de", "French": "fr", "Spanish": "es", "Italian": "it",
    "Portuguese": "pt", "Dutch": "nl", "Russian": "ru", "Polish": "pl", "Swedish": "sv",
    "Danish": "da", "Norwegian_Bokmal": "nb", "Finnish": "fi", "Czech": "cs", "Turkish": "tr",
    "Ukrainian": "uk", "Greek": "el", "Hungarian": "hu", "Romanian": "ro", "Luxembourgish": "lb",
}

# --------------------------------------------------------------------------
# Anchors and shapes added after looking at where the plain density search fails
# --------------------------------------------------------------------------

#: A story's lede often opens with a dateline ("ST. JOSEPH, Mich. (AP) —"): ``DATELINE_LEDE``,
#: imported above from :mod:`storyline.rules.datelines`; such a line is prose and anchors the body.
#: The story follows its headline: the first prose line within this many lines
#: after the headline's occurrence in the page gets a bonus of this many words.
ANCHOR_WINDOW = 15
ANCHOR_BONUS = 40.0
#: Teasers glue a Title-Cased headline to its summary ("Michigan To Mail Panel
#: Applications To 250,000 The state..."): this many capitalised stopwords among
#: the first TEASER_HEAD_WORDS words (after the first) mark one.
TEASER_HEAD_WORDS = 8
TEASER_MIN_CAPS_STOPWORDS = 2
#: Function words that only a Title-Cased headline capitalises mid-line
#: (English, German and Romance articles/prepositions kept short on purpose).
TITLECASE_FUNCTION_WORDS = frozenset({
    "to", "in", "of", "for", "on", "at", "with", "after", "from", "by", "as", "and", "or",
    "the", "a", "an", "is", "are", "be", "into", "over", "about", "than", "its", "his", "her",
    "their", "this", "that", "will", "can", "has", "have", "not", "up", "out", "off",
})
#: Table rows (scores, prices): a line with at least this share of numeric tokens
#: is neutral, neither prose nor chrome.
TABLE_ROW_MIN_NUMERIC = 0.4
TABLE_ROW_MIN_TOKENS = 3
#: The k-th non-prose line in a row costs (1 + RUN_GROWTH * (k - 1)) times its
#: weight: one subheading is a cheap interruption, a list of ten links a wall.
RUN_GROWTH = 0.5
#: ... up to this multiple (so a long menu does not outweigh a whole story).
RUN_GROWTH_MAX = 3.0

#: Short list headings opening a box of links: "Related coverage from ...",
#: "More Like This", "Top stories" (at most LIST_HEADING_MAX_WORDS, no final stop).
LIST_HEADING = re.compile(r"^(?:related|more|recommended|popular|trending|latest|top|"
                          r"further reading|see also|also in|elsewhere)\b[^.!?]*$", re.I)
LIST_HEADING_MAX_WORDS = 7

#: The comment section: once one of these lines follows the story's first prose
#: line, everything below is reader comments or page footer, never the body.
COMMENT_SECTION = (
    re.compile(r"^\[?\s*\d+\s+(?:comments?|responses?|replies|reactions?)\b.*", re.I),
    re.compile(r"^(?:top rated |top |show |view |read |load |reader |all )?comments?"
               r"(?:\s*\(\d+\))?\s*[:»]?$", re.I),
    re.compile(r"^(?:leave|post|add|write|submit) (?:a|your|new) (?:reply|comment|response)\b",
               re.I),
    re.compile(r"^join the (?:conversation|discussion|debate)\b", re.I),
    re.compile(r"^comments? (?:are|is) (?:closed|disabled)\b", re.I),
    re.compile(r"^(?:you must be )?log(?:ged)? ?in to (?:post|leave|add) a comment", re.I),
    re.compile(r"^\S(?:.{0,40}\S)?\s(?:says|wrote|said):$"),
    re.compile(r"^(?:what do you think|have your say)\??$", re.I),
)

#: Inline link boxes inside a story: a heading ("Read also:", "Read more:",
#: "Related:", "See also") right after a story paragraph, then at most
#: INLINE_LIST_MAX_LINKS short link lines (INLINE_LIST_LINK_MAX_WORDS words at
#: most), then story prose again. The box is dropped and weighs only
#: INLINE_LIST_GAP_PENALTY per line, so the story goes on after it.
INLINE_LIST_HEADING = re.compile(r"^(?:read (?:also|more|next)|also read|related(?: stories| "
                                 r"articles| coverage| content)?|see also|more on this "
                                 r"(?:story|topic)|recommended)\s*[:»›]?\s*$", re.I)
INLINE_LIST_MAX_LINKS = 5
INLINE_LIST_LINK_MAX_WORDS = 15
INLINE_LIST_GAP_PENALTY = 1.0

#: Masthead: the site's name written above the headline ("Brussels Morning Post").
#: A line of at most MASTHEAD_MAX_WORDS capitalised words (MASTHEAD_LOWER_WORDS
#: may stay lower case), no final stop, ending in a newspaper word, is the site's
#: name: not the headline, and the outlet when nothing better names it.
MASTHEAD_MAX_WORDS = 5
#: A masthead line may also be the site's name as the URL host spells it, with a
#: suffix ("Politico Europe" on politico.eu): the host must have at least this many
#: letters for a prefix match (short hosts like "ft" or "bbc" must match whole).
HOST_PREFIX_MIN_CHARS = 5
#: Marks the URL-host entry among the squashed masthead keys (internal tag).
HOST_KEY_PREFIX = "host:"
#: Sub-domains that say nothing of the outlet ("www.", "m.", "amp.", "mobile2."): dropped
#: from a URL's host before it names the outlet.
HOST_SUBDOMAIN = re.compile(r"^(?:www|m|amp|mobile)\d?\.")
MASTHEAD_LOWER_WORDS = frozenset({"of", "the", "and", "de", "du", "la", "le", "am", "im"})
MASTHEAD_WORDS = frozenset({
    "post", "times", "herald", "news", "journal", "wire", "tribune", "daily", "monitor",
    "courier", "gazette", "observer", "chronicle", "telegraph", "express", "star", "mail",
    "independent", "guardian", "review", "standard", "today", "press", "report", "insider",
    "weekly", "magazine", "record", "register", "sentinel", "dispatch", "inquirer", "bulletin",
    "examiner", "leader", "mirror", "sun", "globe", "online", "ledger", "digital",
    "international", "courant", "beacon", "gazette", "zeitung", "tageblatt", "kurier",
    "nieuws", "krant", "journaal", "quotidien", "matin", "monde", "diario", "giornale",
})

# --------------------------------------------------------------------------
# Round four: sign-offs, summaries, strong captions
# --------------------------------------------------------------------------

#: Agency sign-offs and credit lines closing a story: "(Reporting by A; Editing by
#: B)", "Writing by C", "Associated Press writer D contributed to this report.",
#: "-- AFP", "(AFP)", "==Kyodo". Never body text; reporting credits still name authors.
SIGNOFF_LINES = (
    re.compile(r"^\(?\s*(?:additional )?(?:reporting|writing|editing|compiled|"
               r"research(?:ing)?) by\b.{2,300}?\)?\.?$", re.I),
    re.compile(r"^[\w .'’-]{0,60}\b(?:writers?|reporters?|correspondents?|contributors?)\b"
               r".{0,200}\bcontributed(?: reporting)?(?: to this (?:report|story|article))?\.?$",
               re.I),
)
#: A sign-off that is only an agency name after dashes or in brackets: "-- AFP",
#: "— Reuters", "==Kyodo", "(AFP)": wire evidence, never body.
WIRE_SIGNOFF = re.compile(r"^(?:[-–—=]{1,2}\s*(?P<a>[\w .&'’-]{2,40}?)|\((?P<b>[\w .&'’-]{2,40})\))"
                          r"\s*\.?$")
#: Embedded tweets: the attribution line "— Name (@handle) March 3, 2022" and a
#: picture link alone on its line (the tweet's own words may be quoted as news).
TWEET_LINES = (
    re.compile(r"(?:^|\s)[—–-]\s*[^()\n—–]{1,60}\(@\w{1,30}\)\s*\w+\.? \d{1,2}, (?:19|20)\d{2}$"),
    re.compile(r"^(?:https?://)?pic\.twitter\.com/\w+$", re.I),  # the link alone
)
#: A summary box at the top of a story: this heading, then its bullet lines (the
#: lines of the same block) are neither the standfirst nor the body.
SUMMARY_HEADING = re.compile(r"^(?:summary|key points|key takeaways|highlights|in brief|"
                             r"at a glance|the big picture|what you need to know)\s*:?$", re.I)
SUMMARY_MAX_LINES = 8
#: Captions recognised before the line's shape (they may read like prose): the AP
#: "FILE - " prefix with an "(AP Photo/...)" credit, a "© Name, AGENCY" ending,
#: a bracketed agency ending "(Kyodo)" / "[Kyodo]".
STRONG_CAPTION = (
    re.compile(r"^(?P<caption>FILE\s*[-–—]\s.{3,400}?)\s*\((?P<credit>[^()]{2,80})\)\s*$"),
    re.compile(r"^(?P<caption>.{3,400}?)\s*\((?P<credit>AP Photo\s*/[^()]{2,80})\)\s*$"),
    re.compile(r"^(?P<caption>.{3,400}?[.!?”\"])\s*(?P<credit>©\s*[^©.]{2,80})$"),
    re.compile(r"^(?P<caption>.{3,400}?[.!?”\"])\s*[(\[](?P<credit>[^()\[\]]{2,40})[)\]]\s*$"),
)
#: ... the bracketed ending of the last pattern must be an agency (checked in code).
#: A labelled credit line ("Foto: Name/dpa") with no caption above it in its block
#: takes the next line of the block as its caption (credit-first layouts).
#: A byline label alone on its line ("Text by:", "Words by"): the next short line
#: holds the names (or a desk such as "FRANCE 24").
BYLINE_LABEL = re.compile(r"(?:text|words|written|reporting|story)\s+by\s*:?|by\s*:", re.I)
