"""News datelines, defined once: "WASHINGTON (AP) —", "BRUSSELS (Reuters) -",
"VILNIUS, Lithuania (AP) —", "COPENHAGEN, Nov 14 (Reuters) -", "Geneva (AFP) -", "ZÜRICH (AP) —".

A dateline opens a paragraph: a **place** (in capitals; or mixed-case, but then only before a
known news agency in brackets), an optional **region** ("Lithuania", "Mich.") and/or **date**
("Nov 14", "14 Nov"), an optional **agency** in brackets, then a **dash**. The building blocks
below are regex fragments (no capture groups) shared by every user; the composed patterns at the
end are what each user needs:

* ``WIRE_DATELINE`` (:mod:`storyline.extract.wire`): which agency filed the story;
* ``DATELINE_LEDE`` (:mod:`storyline.extract.text`): a lede line that is prose and anchors the body;
* ``DATELINE_RE`` / ``dateline_match`` (entities, quotes): the place / region / agency groups;
* ``DATELINE_PLACE_RE``, ``DATELINE_LEAD_RE`` / ``dateline_lead_spans``, ``DATED_LEAD_RE``
  (events): the dateline city, the spans no participant comes from, a filing date.

"The same agency list" everywhere: a mixed-case place counts only before an agency in
``agency_names()`` (the wire table, less its ambiguous aliases, plus ``EXTRA_AGENCY_NAMES``), so
"Geneva (AFP) -" is a dateline and "Apple (AAPL) - shares rose" is not. This module imports
nothing from the package at load time (``storyline.rules.wires`` imports ``UPPER`` from here);
the agency list is read from the wire table on first use.
"""
from __future__ import annotations

import re
from functools import cache

# ------------------------------------------------------------------ letters
#: Capital letters: ASCII plus every upper-case letter of Latin-1, Latin Extended-A/B, Greek and
#: Cyrillic ("ZÜRICH", "ŁÓDŹ", "ÅLESUND", "SAN JOSÉ"), as a regex character-class body (Python's
#: re has no \\p{Lu}).
UPPER = "A-Z" + "".join(re.escape(c) for c in map(chr, range(0xC0, 0x530)) if c.isupper()
                        and len(c.upper()) == 1)
#: Lower-case letters of the same ranges, for mixed-case places ("Zürich (AFP) -").
LOWER = "a-z" + "".join(re.escape(c) for c in map(chr, range(0xC0, 0x530)) if c.islower()
                        and len(c.lower()) == 1)

# ------------------------------------------------------------------ parts (no groups)
#: A word of a place in capitals: "WASHINGTON", "ST.", "O'HARE", "ZÜRICH" (two characters at
#: least). No typographic apostrophe: "OZ’S BOSS THINKS ... —" is a section head, not a place.
CAPS_WORD = rf"[{UPPER}][{UPPER}.'\-]+"
#: A place in capitals: such words separated by single spaces ("ST. JOSEPH", "SAN JOSÉ").
CAPS_PLACE = rf"{CAPS_WORD}(?: {CAPS_WORD})*"
#: A place in capitals, loosely: a capital, then up to 40 capitals, spaces, dots, apostrophes,
#: hyphens (a lede line's first characters, where word breaks are not checked).
CAPS_PLACE_LOOSE = rf"[{UPPER}][{UPPER} .'’-]{{1,40}}"
#: A mixed-case place word: "Geneva", "Zürich", "St." (capital, lower-case letter, then letters).
MIXED_WORD = rf"[{UPPER}][{LOWER}][{LOWER}.'\-]*"
#: A mixed-case place of one or two words ("Geneva", "Buenos Aires").
MIXED_PLACE = rf"{MIXED_WORD}(?: {MIXED_WORD})?"
#: A mixed-case or capitalised name of up to four words, loosely (events: "New York City").
NAME_PLACE_LOOSE = rf"[{UPPER}][\w.'\-]*(?:[ \t]+[{UPPER}][\w.'\-]*){{0,3}}"
#: The region after a comma: a state, country or abbreviation ("Lithuania", "Mich.", "N.J.",
#: "South Carolina"): one or two capitalised words.
REGION = rf"[{UPPER}][\w.]*(?: [{UPPER}][\w.]*)?"
#: A month written out or abbreviated ("Nov", "March", "Sept"), in a dateline date.
MONTH_WORD = r"[A-Z][a-z]{2,8}"
#: The same, with an optional abbreviation dot ("Sept.").
MONTH = MONTH_WORD + r"\.?"
#: A date in a dateline: "Nov 14", "March 3", "14 Nov".
DATE = rf"(?:{MONTH}\s\d{{1,2}}|\d{{1,2}}\s{MONTH})"
#: An agency in brackets, loosely (any text that is no bracket or line break; the wire table
#: decides later whether it names an agency).
AGENCY_ANY = r"[^()\n]{1,40}"
#: An agency in brackets, as a name: letters, digits, spaces, dots, "&", hyphens ("AP", "dpa",
#: "Thomson Reuters").
AGENCY_NAME = r"[A-Za-z][\w .&-]{0,30}"
#: Dash characters that end a dateline: hyphen, en dash, em dash.
DASH_CHARS = "-–—"
#: The dash after a dateline: an em or en dash, "--", or a hyphen before a space (so that
#: "ST. LOUIS-based" is no dateline).
DASH = r"(?:—|–|--|-(?=\s))"

#: News agencies the wire table (``storyline.rules.wires``) does not list yet ("TT" is Sweden's
#: TT Nyhetsbyrån).
EXTRA_AGENCY_NAMES = frozenset({"TT"})


@cache
def agency_names() -> frozenset[str]:
    """Every news agency name, written as in the wire table (case-sensitive: "AP", "dpa"), less
    the ambiguous ``WEAK_ALIASES`` ("PA" is also Pennsylvania), plus ``EXTRA_AGENCY_NAMES``."""
    from storyline.rules.wires import WEAK_ALIASES, WIRES

    return frozenset(a for canon, aliases in WIRES.items() for a in (canon, *aliases)
                     if a not in WEAK_ALIASES) | EXTRA_AGENCY_NAMES


def is_agency(name: str) -> bool:
    """Whether *name* (the text inside a dateline's brackets) is a known news agency."""
    return name.strip() in agency_names()


# ------------------------------------------------------------------ composed patterns
#: Wire detection: the agency in brackets before a dash (or colon), after an optional place and
#: date: "WASHINGTON (Reuters) -", "(AP) —", "BERLIN, March 3 (dpa) -". Group ``wire``.
WIRE_DATELINE = re.compile(
    rf"(?m)^\s*(?:[{UPPER}][\w.'’ ,/-]{{0,60}}?)?\((?P<wire>[^()\n]{{2,40}})\)\s*[{DASH_CHARS}:]")

#: A lede line opening with a dateline: "ST. JOSEPH, Mich. (AP) —", "WASHINGTON, March 3
#: (Reuters) -", "PARIS —", then the story's first word. Such a line is prose whatever its capitals.
DATELINE_LEDE = re.compile(
    rf"^{CAPS_PLACE_LOOSE}(?:,\s*[{UPPER}][\w.]*\.?(?:\s[{UPPER}][\w.]*)?)?"
    rf"(?:,\s*{DATE})?"
    rf"\s*(?:\([^()]{{2,30}}\))?\s*[{DASH_CHARS}]{{1,2}}\s+\S")

#: Dateline at a paragraph start, with groups: 1 the place, 2 its region (or month), 3 the agency.
#: The place is in capitals, or mixed-case when an agency in brackets and a dash follow (then
#: ``dateline_match`` also wants the agency in ``agency_names()``). Multi-line, so that
#: ``match(text, pos)`` works at any paragraph start.
DATELINE_RE = re.compile(
    rf"^({CAPS_PLACE}"
    rf"|{MIXED_PLACE}(?=(?:, {REGION})? \({AGENCY_NAME}\)\s*[{DASH_CHARS}]))"
    rf"(?:, ({REGION}))?"
    rf"(?:,? (?:{MONTH}|\d{{1,2}}) \d{{1,2}})?"
    rf"(?: \(({AGENCY_NAME})\))?"
    rf"\s*[{DASH_CHARS}]{{1,2}}\s*", re.M)


def dateline_match(text: str, pos: int = 0, endpos: int | None = None):
    """``DATELINE_RE`` matched at ``pos`` (a paragraph start), or None; a mixed-case place
    counts only before a known news agency ("Geneva (AFP) -", not "Apple (AAPL) -")."""
    m = DATELINE_RE.match(text, pos, len(text) if endpos is None else endpos)
    if m is None or m.group(1).isupper():
        return m
    return m if m.group(3) is not None and is_agency(m.group(3)) else None


#: The dateline city: a place in capitals at a line start, before a comma, a dash or a bracket
#: ("MADISON, Wis. --"). Group 1 the place.
DATELINE_PLACE_RE = re.compile(
    rf"(?m)^[ \t]*([{UPPER}][{UPPER}.'\- ]{{1,40}}[{UPPER}.])(?=\s*(?:,|—|–|--|\())")

#: A whole dateline lead, for the spans no event participant comes from: a place in capitals
#: with optional qualifiers and agency ("BELGRADE, Serbia (AP) --"), or a name before an agency
#: in brackets ("Geneva (AFP) -"; group ``agency``, checked by ``dateline_lead_spans``).
DATELINE_LEAD_RE = re.compile(
    rf"(?m)^[ \t]*(?:[{UPPER}][{UPPER}.'\- ]{{1,40}}[{UPPER}.](?:,[^\n—–(]{{1,40}}?)?"
    rf"(?:\s*\({AGENCY_ANY}\))?"
    rf"|(?P<name>{NAME_PLACE_LOOSE})(?:,[^\n—–(]{{1,40}}?)?"
    rf"\s*\((?P<agency>{AGENCY_ANY})\))[ \t]*{DASH}")


def dateline_lead_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``DATELINE_LEAD_RE`` in *text*; a lead whose place is not in capitals counts
    only when its brackets hold a known agency ("Geneva (AFP) -", not "Apple (AAPL) -")."""
    return [m.span() for m in DATELINE_LEAD_RE.finditer(text)
            if m.group("name") is None or m.group("name").isupper() or is_agency(m.group("agency"))]


#: A dated wire lead ("March 14 (Reuters) -", "WELLINGTON, Jan 20 (Reuters) -"): the date there
#: is when the story was filed, never an event's date.
DATED_LEAD_RE = re.compile(
    rf"(?m)^[ \t]*(?:[{UPPER}][{UPPER}{LOWER}.'\- ]{{1,40}},[ \t]*)?"
    rf"(?:{MONTH}[ \t]+\d{{1,2}}|\d{{1,2}}[ \t]+{MONTH_WORD})"
    rf"(?:,?[ \t]*\d{{4}})?[ \t]*\({AGENCY_ANY}\)[ \t]*(?:-|—|–|--)")
