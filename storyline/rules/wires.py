"""Wire services (news agencies): canonical names, aliases and the patterns that
say a story came from one of them.

Used by :mod:`storyline.extract.wire`. Each rule below is evidence about the
*story's* origin; photo credits ("Photo credit: AFP", "AP Photo/Jane Doe") are
evidence about a picture only and are removed before any rule runs.
"""
from __future__ import annotations

import re

# Capital letters (non-ASCII included) and the wire dateline are defined once, in
# storyline.rules.datelines (which reads the agency names below): not imported here, so the
# two modules do not import each other.

#: canonical name -> aliases as they appear in copyright lines, datelines and
#: bylines. Short all-caps aliases are matched case-sensitively (see
#: CASE_SENSITIVE_MAX_LEN) so that "ap" or "pa" inside words never match.
WIRES: dict[str, tuple[str, ...]] = {
    "Reuters": ("Reuters", "Thomson Reuters", "Reuters News"),
    "Associated Press": ("Associated Press", "The Associated Press", "AP"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "Bloomberg": ("Bloomberg", "Bloomberg News", "Bloomberg L.P.", "Bloomberg LP"),
    "dpa": ("dpa", "DPA", "Deutsche Presse-Agentur"),
    "ANSA": ("ANSA",),
    "EFE": ("EFE", "Agencia EFE"),
    "Xinhua": ("Xinhua", "Xinhua News Agency"),
    "PA Media": ("PA Media", "Press Association", "PA"),
    "UPI": ("UPI", "United Press International"),
    "Kyodo": ("Kyodo", "Kyodo News"),
    "Yonhap": ("Yonhap", "Yonhap News Agency"),
    "TASS": ("TASS", "ITAR-TASS"),
    "Interfax": ("Interfax",),
    "RIA Novosti": ("RIA Novosti", "RIA"),
    "PTI": ("PTI", "Press Trust of India"),
    "ANI": ("ANI", "Asian News International"),
    "IANS": ("IANS",),
    "AAP": ("AAP", "Australian Associated Press"),
    "Canadian Press": ("The Canadian Press", "Canadian Press", "CP"),
    "Anadolu Agency": ("Anadolu Agency", "Anadolu", "AA"),
    "Dow Jones": ("Dow Jones Newswires", "Dow Jones"),
    "Europa Press": ("Europa Press",),
    "Jiji Press": ("Jiji Press", "Jiji"),
    "Bernama": ("Bernama",),
    "Antara": ("Antara",),
    "Belga": ("Belga",),
    "ANP": ("ANP",),
    "APA": ("APA",),
    "Lusa": ("Lusa",),
    "NTB": ("NTB",),
    "Ritzau": ("Ritzau",),
    "KCNA": ("KCNA", "Korean Central News Agency"),
    "WAM": ("WAM",),
    "MENA": ("MENA",),
}

#: Aliases this long or shorter, or written in capitals, are matched with exact
#: case: "AP" is the agency, "ap" is not.
CASE_SENSITIVE_MAX_LEN = 5

#: Aliases that are too ambiguous to be evidence on their own in free text or a
#: byline ("AA", "CP", "RIA"...); they still count inside a dateline "(CP) --"
#: or a copyright line.
WEAK_ALIASES = frozenset({"AA", "CP", "RIA", "PA", "ANI", "APA", "WAM", "MENA", "NTB", "Anadolu",
                          "Jiji", "Dow Jones"})

#: Photo credits: lines (or line parts) that credit a picture, never the story.
#: They are blanked before the story rules run.
PHOTO_CREDIT_PATTERNS = (
    # "Photo credit: AFP", "Photo: Reuters/John Doe", "Image Credit: WeWork", "Photograph: AP"
    re.compile(r"\b(?:photo|image|picture|photograph|foto|pic|video)s?\s*(?:credits?)?\s*[:|]\s*[^\n]*",
               re.I),
    # "Credit: AFP via Getty Images"
    re.compile(r"(?m)^\s*credits?\s*[:|][^\n]*", re.I),
    # "AP Photo/Evan Vucci", "REUTERS/Kevin Lamarque", "AFP via Getty Images"
    re.compile(r"\b(?:AP Photo|REUTERS|AFP|EPA(?:-EFE)?|Reuters)\s*/\s*[^\n)]*"),
    # (the words before "via Getty Images": matched from the start of their line or after
    # punctuation, so the scan does not retry at every word of the text)
    re.compile(r"(?:(?<=^)|(?<=[\n.:;,|(/]))[\w .'-]{0,40}\bvia Getty Images\b[^\n]*", re.I | re.M),
    # a line that is only an agency in brackets: "(AFP)" under a picture
    re.compile(r"(?m)^\s*\((?:AFP|AP|Reuters|EPA|dpa|Getty Images|Bloomberg)\)\s*$"),
)

#: Agency sign-offs and credits that name one wire by its house style.
#: (pattern, canonical wire, how)
CREDIT_RULES = (
    # Reuters ends every story with "(Reporting by ...; Editing by ...)"
    (re.compile(r"\bReporting by\b[^\n]{0,300}?\b(?:Editing|Writing|editing|writing) by\b"),
     "Reuters", "credit-line"),
    (re.compile(r"^\(Reporting by\b", re.M), "Reuters", "credit-line"),
    # AP: "Associated Press writer Jane Doe in Paris contributed to this report."
    (re.compile(r"\bAssociated Press (?:writers?|reporters?|correspondents?)\b[^\n]{0,200}"
                r"contributed", re.I), "Associated Press", "credit-line"),
    # "Copyright 2022 The Associated Press. All rights reserved."
    (re.compile(r"\bThe Associated Press\. All rights reserved", re.I), "Associated Press",
     "copyright"),
)

#: Bylines naming an agency: "By Jane Doe, Bloomberg", "By The Associated Press",
#: "Reuters Staff", "By AFP".
BYLINE = re.compile(r"(?im)^\s*(?:by|from|words by)\s+(?P<names>[^\n]{2,120})$")
STAFF_BYLINE = re.compile(r"(?m)^\s*(?P<wire>[A-Z][\w. -]{1,40}?)\s+(?:Staff|staff|Newsroom)\s*$")

#: meta keys whose value may name the wire (author, publisher, source, og:site_name)
META_KEYS = ("author", "article:author", "byl", "dc.creator", "source", "article:publisher",
             "publisher", "og:site_name", "syndication-source", "original-source")

#: Sign-offs naming the agency alone: "-- AFP", "— Reuters", "==Kyodo", "(AFP)" on
#: their own line at the end of a story.
SIGNOFF = re.compile(r"(?m)^\s*(?:[-–—=]{1,2}\s*(?P<a>[\w .&'’-]{2,40}?)|\((?P<b>[\w .&'’-]{2,40})\))"
                     r"\s*\.?\s*$")
#: A byline or date line opening with the agency alone before a bar: "AFP | Thursday,
#: 06 October 2022 11:48 AM", "Reuters | Updated ...".
AGENCY_BAR = re.compile(r"(?m)^\s*(?P<wire>[A-Za-z][\w .&'’-]{1,40}?)\s*\|")
